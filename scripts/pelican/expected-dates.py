#!/usr/bin/python3
"""Writes how Pelican itself reads the dates in tests/fixtures/dates/values.txt, in Madrid.

Run with the Python that has Pelican (`/usr/bin/python3 scripts/pelican/expected-dates.py`):
Pelican's `get_date` (dateutil) reads each value, and, as its readers do, a time without an
offset is put in the site's zone with zoneinfo. The unit tests read the JSON this writes.
"""
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pelican
from pelican.utils import get_date

ROOT = Path(__file__).resolve().parents[2]
VALUES = ROOT / "tests/fixtures/dates/values.txt"
OUT = ROOT / "tests/fixtures/dates/expected.json"
ZONE = "Europe/Madrid"

cases = []
for value in [line.strip() for line in VALUES.read_text(encoding="utf-8").splitlines() if line.strip()]:
    try:
        date = get_date(value)
    except ValueError:
        cases.append({"value": value, "instant": None})
        continue
    if date.tzinfo is None:
        date = date.replace(tzinfo=ZoneInfo(ZONE))
    cases.append({"value": value, "instant": date.isoformat()})
OUT.write_text(json.dumps({"pelican": pelican.__version__, "timeZone": ZONE, "cases": cases}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"{OUT.relative_to(ROOT)}: {len(cases)} values, Pelican {pelican.__version__}")
