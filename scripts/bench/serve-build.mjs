// Starts a build's standalone server for a benchmark and waits until it answers.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * @param {string} outDir a build folder (`dist`, or an `--outDir`)
 * @param {number} port
 * @param {Record<string, string>} [env] more environment for the server (its database, its mail …)
 * @returns {Promise<{ origin: string, stop: () => Promise<void> }>}
 */
export async function serveBuild(outDir, port, env = {}) {
  const server = spawn(process.execPath, [join(outDir, 'server', 'entry.mjs')], {
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: 'ignore',
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (!(await fetch(origin).then(() => true, () => false))) {
    if (Date.now() > deadline || server.exitCode !== null) {
      server.kill();
      throw new Error(`the server of ${outDir} did not start`);
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  return {
    origin,
    stop: () =>
      new Promise((done) => {
        server.once('exit', () => done());
        server.kill('SIGTERM');
      }),
  };
}
