import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * When each file of a folder was last changed by a commit after the one that added it, by path
 * relative to the folder: one `git log` for the whole folder, newest commits first, so a file's
 * first mention is its latest. A file committed once is left out: adding a post is publishing it,
 * not updating it (and a site moved into git would otherwise look updated on the day it moved).
 * Empty when the folder is not in a git repository, or git is not installed.
 */
export async function lastCommitDates(folder: string): Promise<Map<string, Date>> {
  const dates = new Map<string, Date>();
  let output: string;
  try {
    ({ stdout: output } = await run('git', ['-C', folder, 'log', '--format=%x00%cI', '--name-only', '--relative', '--no-renames', '.'], { maxBuffer: 256 * 1024 * 1024 }));
  } catch {
    return dates;
  }
  const latest = new Map<string, Date>();
  for (const commit of output.split('\0').slice(1)) {
    const [date = '', ...files] = commit.split('\n');
    const when = new Date(date.trim());
    for (const file of files) {
      if (!file) continue;
      if (!latest.has(file)) latest.set(file, when);
      else if (!dates.has(file)) dates.set(file, latest.get(file)!);
    }
  }
  return dates;
}
