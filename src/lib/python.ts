import { spawnSync } from 'node:child_process';

/** Interpreters tried in order: `PYTHON`, then `python3` on the PATH, then the system's (where Debian installs `pelican` and `docutils`). */
function candidates(env: Record<string, string | undefined>): string[] {
  return [...new Set([env['PYTHON']?.trim(), 'python3', '/usr/bin/python3'].filter((python): python is string => Boolean(python)))];
}

const found = new Map<string, string | undefined>();

/**
 * The first Python that can import every module named, or `undefined`: a machine may have a
 * `python3` without docutils and a system Python with it.
 *
 * @example findPython(['docutils']) // '/usr/bin/python3'
 */
export function findPython(modules: readonly string[], env: Record<string, string | undefined> = process.env): string | undefined {
  const key = JSON.stringify([modules, env['PYTHON'] ?? '']);
  if (!found.has(key)) {
    const probe = modules.map((module) => `import ${module}`).join('; ') || 'pass';
    found.set(
      key,
      candidates(env).find((python) => spawnSync(python, ['-c', probe], { stdio: 'ignore', timeout: 30_000 }).status === 0),
    );
  }
  return found.get(key);
}
