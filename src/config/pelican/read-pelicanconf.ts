import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readAssignments } from './python-assignments';

/** A line of the file that gave no setting, or a value that is not data. */
export interface ConfProblem {
  line?: number;
  setting?: string;
  message: string;
}

export interface PelicanConf {
  /** The upper-case names the file defines, as JSON values. */
  settings: Record<string, unknown>;
  /** How it was read: by Python, or by reading its plain assignments. */
  readBy: 'python' | 'assignments';
  problems: ConfProblem[];
}


interface Evaluated {
  settings: Record<string, unknown>;
  unreadable: { name: string; type: string }[];
  failed: { line: number; error: string }[];
}

/**
 * Reads a `pelicanconf.py`: runs it with Python as Pelican does (`PYTHON`, else `python3`), or,
 * where there is no Python or it cannot run the file, reads its plain assignments. Either way
 * every line that gave no setting is a problem to report, never a reason to stop.
 *
 * @param evaluator the path of `evaluate-settings.py`
 */
export function readPelicanConf(path: string, evaluator: string, env: Record<string, string | undefined> = process.env): PelicanConf {
  const python = env['PYTHON']?.trim() || 'python3';
  const run = spawnSync(python, [evaluator, path], { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 60_000 });
  if (run.status === 0) {
    const evaluated = JSON.parse(run.stdout) as Evaluated;
    const problems: ConfProblem[] = [
      ...evaluated.failed.map(({ line, error }) => ({ line, message: `did not run (${error}); the settings it sets keep their defaults` })),
      ...evaluated.unreadable.map(({ name, type }) => ({ setting: name, message: `is a ${type}, which is not read here` })),
    ];
    return { settings: evaluated.settings, readBy: 'python', problems };
  }
  const why = run.error ? `${python} was not found` : `${python} could not run it: ${lastLine(run.stderr)}`;
  const { settings, skipped } = readAssignments(readFileSync(path, 'utf8'));
  const problems: ConfProblem[] = [
    { message: `${why}; read its plain assignments instead` },
    ...skipped.map(({ line, name, reason }) => ({ line, ...(name ? { setting: name } : {}), message: `not read (${reason})` })),
  ];
  return { settings, readBy: 'assignments', problems };
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1) ?? '';
}
