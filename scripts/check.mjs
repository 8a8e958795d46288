// `npm run check`: type-checks the project (`astro check`), then lints the content folder
// (src/cli/check-content.ts). Arguments go to the content linter (`--format json`, `--fix`).
// Exits 1 when either finds an error.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const json = args.includes('--format=json') || args.join(' ').includes('--format json');
// With --format json, standard output is the linter's JSON alone: the type check reports on stderr.
const types = spawnSync('npx', ['astro', 'check'], { stdio: ['ignore', json ? 'pipe' : 'inherit', 'inherit'], encoding: 'utf8' });
if (json && types.stdout) process.stderr.write(types.stdout);
const content = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'src/cli/check-content.ts', ...args], { stdio: 'inherit' });
process.exit(types.status !== 0 || content.status !== 0 ? 1 : 0);
