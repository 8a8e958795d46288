// Starts a build's production server (scripts/serve.ts) for a benchmark or a test, and waits until
// it answers.
import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {string} outDir a build folder (`dist`, or an `--outDir`)
 * @param {number} port
 * @param {Record<string, string>} [env] more environment for the server (its database, its mail …)
 * @param {{ log?: string }} [options] `log`: a file the server's output goes to (else it is dropped)
 * @returns {Promise<{ origin: string, pid: number, stop: () => Promise<void>, kill: (signal: NodeJS.Signals) => Promise<number | null> }>}
 */
export async function serveBuild(outDir, port, env = {}, { log } = {}) {
  const output = log ? openSync(log, 'a') : 'ignore';
  const server = spawn(process.execPath, ['scripts/serve.ts'], {
    // A database of its own unless one is given: a test's signups never land in data/.
    env: { ...process.env, NEWSLETTER_DB: join(outDir, 'newsletter.sqlite'), ...env, DIST_DIR: outDir, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', output, output],
  });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitUntilServing(origin, server, 20);
  } catch {
    server.kill();
    throw new Error(`the server of ${outDir} did not start`);
  }
  const exited = new Promise((done) => server.once('exit', (code) => done(code)));
  return {
    origin,
    pid: /** @type {number} */ (server.pid),
    stop: async () => {
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
      await exited;
    },
    /** Sends a signal (SIGKILL: a crash); resolves with the exit code once the server is gone. */
    kill: (signal) => {
      server.kill(signal);
      return exited;
    },
  };
}

/**
 * Waits until `url` answers (`ok`: with a 2xx status), or throws once `seconds` have passed or the
 * `server` process has exited.
 *
 * @param {string} url
 * @param {import('node:child_process').ChildProcess} server
 * @param {number} seconds
 * @param {{ ok?: boolean }} [options]
 */
export async function waitUntilServing(url, server, seconds, { ok = false } = {}) {
  const deadline = Date.now() + seconds * 1000;
  while (!(await fetch(url).then((response) => !ok || response.ok, () => false))) {
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`${url} did not answer within ${seconds} s`);
    await new Promise((done) => setTimeout(done, 200));
  }
}
