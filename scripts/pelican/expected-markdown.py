#!/usr/bin/python3
"""Writes what Python-Markdown, as Pelican configures it, makes of tests/fixtures/python-markdown/*.md.

Run with the Python that has Pelican (`/usr/bin/python3 scripts/pelican/expected-markdown.py`).
Pelican's default MARKDOWN setting is used (extra, codehilite, meta), with the extensions a case's
name names (`toc-ids.md` adds toc; admonition, nl2br, sane_lists and smarty likewise). The unit tests render the same files with this project's `python-markdown`
dialect and compare what a reader sees (src/pelican-diff/body-blocks.ts).
"""
import importlib.metadata
import json
from pathlib import Path

import markdown
from pelican.settings import DEFAULT_CONFIG

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "tests/fixtures/python-markdown"

cases = {}
for source in sorted(FOLDER.glob("*.md")):
    configs = dict(DEFAULT_CONFIG["MARKDOWN"]["extension_configs"])
    for extension in ("toc", "admonition", "nl2br", "sane_lists", "smarty"):
        if extension.replace("_", "-") in source.stem:
            configs[f"markdown.extensions.{extension}"] = {}
    md = markdown.Markdown(extensions=list(configs), extension_configs=configs, output_format="html5")
    cases[source.name] = {"extensions": sorted(name.split(".")[-1] for name in configs), "html": md.convert(source.read_text(encoding="utf-8"))}
out = FOLDER / "expected.json"
out.write_text(json.dumps({"markdown": importlib.metadata.version("markdown"), "cases": cases}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"{out.relative_to(ROOT)}: {len(cases)} cases, Python-Markdown {importlib.metadata.version('markdown')}")
