"""Settings for running Pelican as the oracle of `npm run pelican-diff` (src/cli/pelican-diff.ts).

Pelican runs the site's own pelicanconf.py (as evaluate-settings.py does, statement by statement
when a plugin it imports is missing), then: the content folder this project reads, a theme that
writes each entry as JSON, no plugins (none is installed here, and none runs in this project),
no feeds or listings. What the site's Markdown settings name but this machine lacks is left out,
and said on standard error.
"""
import importlib
import importlib.util
import os
import sys

_spec = importlib.util.spec_from_file_location("_evaluate", os.environ["PELICAN_DIFF_EVALUATOR"])
_evaluate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_evaluate)
_failed = []
globals().update({key: value for key, value in _evaluate.namespace_of(os.environ["PELICAN_DIFF_CONFIG"], _failed).items() if key.isupper()})
for _failure in _failed:
    print(f"pelicanconf.py:{_failure['line']}: did not run ({_failure['error']})", file=sys.stderr)

PATH = os.environ["PELICAN_DIFF_CONTENT"]
THEME = os.environ["PELICAN_DIFF_THEME"]
OUTPUT_PATH = os.environ["PELICAN_DIFF_OUTPUT"]
DELETE_OUTPUT_DIRECTORY = True
PLUGINS = []
PLUGIN_PATHS = []
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
SITEURL = ""
RELATIVE_URLS = False
DIRECT_TEMPLATES = []
TEMPLATE_PAGES = {}
THEME_STATIC_PATHS = []
JINJA_FILTERS = {}
JINJA_GLOBALS = {}
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "extensions": []}
globals().pop("JINJA_EXTENSIONS", None)
for _feed in [name for name in list(globals()) if "FEED" in name and not name.startswith("_")]:
    if _feed not in ("FEED_DOMAIN", "FEED_MAX_ITEMS", "RSS_FEED_SUMMARY_ONLY"):
        globals()[_feed] = None
for _feed in ("FEED_ALL_ATOM", "CATEGORY_FEED_ATOM", "AUTHOR_FEED_ATOM", "AUTHOR_FEED_RSS", "TRANSLATION_FEED_ATOM"):
    globals()[_feed] = None
for _kind in ("AUTHOR", "CATEGORY", "TAG", "YEAR_ARCHIVE", "MONTH_ARCHIVE", "DAY_ARCHIVE"):
    globals()[f"{_kind}_SAVE_AS"] = ""


def _importable(name):
    for candidate in (name, f"markdown.extensions.{name}"):
        try:
            importlib.import_module(candidate)
            return True
        except Exception:
            continue
    return False


if "MARKDOWN" in globals() and isinstance(MARKDOWN, dict):
    _configs = MARKDOWN.get("extension_configs", {})
    for _name in [name for name in _configs if isinstance(name, str) and not _importable(name)]:
        print(f"MARKDOWN: {_name} is not installed here; Pelican runs without it", file=sys.stderr)
        del _configs[_name]
    if "extensions" in MARKDOWN:
        MARKDOWN["extensions"] = [extension for extension in MARKDOWN["extensions"] if not isinstance(extension, str) or _importable(extension)]

if globals().get("TYPOGRIFY") and not _importable("typogrify"):
    print("TYPOGRIFY: typogrify is not installed here; Pelican runs without it", file=sys.stderr)
    TYPOGRIFY = False
