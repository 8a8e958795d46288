#!/usr/bin/python3
"""Writes the slugs Pelican itself makes of tests/fixtures/slugs/names.txt.

Run with the Python that has Pelican (Debian: `apt-get install pelican`, then
`/usr/bin/python3 scripts/pelican/expected-slugs.py`). The unit tests read the JSON this writes,
so our slugs are checked against Pelican's, not against what we think Pelican does.
"""
import importlib.metadata
import json
import sys
from pathlib import Path

import pelican
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

ROOT = Path(__file__).resolve().parents[2]
NAMES = ROOT / "tests/fixtures/slugs/names.txt"
OUT = ROOT / "tests/fixtures/slugs/expected.json"

# Substitutions a site may set (Pelican's documented example, and a common one), to check that
# ours are applied as Python applies them: in order, case-insensitively, after transliteration.
CUSTOM = [
    (r"c\+\+", "cpp"),
    (r"c#", "csharp"),
    (r"[^\w\s-]", ""),
    (r"(?u)\A\s*", ""),
    (r"(?u)\s*\Z", ""),
    (r"[-\s]+", "_"),
]


# Titles, categories, tags and authors all use SLUG_REGEX_SUBSTITUTIONS unless a site sets
# CATEGORY_/TAG_/AUTHOR_REGEX_SUBSTITUTIONS (pelican/urlwrappers.py), so one default is checked.
def slugs(name):
    return {
        "name": name,
        "slug": slugify(name, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]),
        "custom": slugify(name, regex_subs=CUSTOM),
        "preserveCase": slugify(name, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"], preserve_case=True),
    }


names = [line.rstrip("\n") for line in NAMES.read_text(encoding="utf-8").splitlines() if line.strip()]
result = {
    "pelican": pelican.__version__,
    "unidecode": importlib.metadata.version("unidecode"),
    "custom": CUSTOM,
    "cases": [slugs(name) for name in names],
}
OUT.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"{OUT.relative_to(ROOT)}: {len(names)} names, Pelican {pelican.__version__}", file=sys.stderr)
