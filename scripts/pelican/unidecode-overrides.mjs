// Writes src/lib/unidecode-overrides.json: the characters that Python's Unidecode (what Pelican
// slugifies with) transliterates differently from the npm `unidecode` tables (the Perl tables
// both started from). With them, our slugs are Pelican's for every character, not most.
//
// Run where Debian's `python3-unidecode` is installed (it comes with `apt-get install pelican`):
//   node scripts/pelican/unidecode-overrides.mjs [path/to/python3]
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import unidecode from 'unidecode';

const python = process.argv[2] ?? '/usr/bin/python3';
// Python's tables stop at plane 2; surrogates are not characters.
const dump = `
import json, sys, importlib.metadata
from unidecode import unidecode
table = {cp: unidecode(chr(cp)) for cp in range(0x80, 0x30000) if not 0xD800 <= cp < 0xE000}
json.dump({"version": importlib.metadata.version("unidecode"), "table": table}, sys.stdout)
`;
const { version, table } = JSON.parse(execFileSync(python, ['-c', dump], { maxBuffer: 64 << 20, encoding: 'utf8' }));
const overrides = {};
for (const [codePoint, python] of Object.entries(table)) {
  if (unidecode(String.fromCodePoint(Number(codePoint))) !== python) overrides[Number(codePoint).toString(16)] = python;
}
const target = fileURLToPath(new URL('../../src/lib/unidecode-overrides.json', import.meta.url));
writeFileSync(target, `${JSON.stringify({ source: `Python Unidecode ${version}`, overrides })}\n`);
console.log(`${target}: ${Object.keys(overrides).length} characters differ from Python Unidecode ${version}`);
