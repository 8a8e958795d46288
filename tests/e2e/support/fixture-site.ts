// Builds and serves small content folders as an author moving a Pelican site would:
// `CONTENT_DIR` (and `SITE_CONFIG`) pointed at a fixture, `astro build`, the Node server.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { serveBuild } from '../../../scripts/bench/serve-build.mjs';

const run = promisify(execFile);
// Inside the project, so the prerender step resolves the project's node_modules.
const buildsDir = '.fixture-builds';

export interface FixtureBuild {
  code: number;
  output: string;
  outDir: string;
}

export interface BuildOptions {
  /** Reuse a folder (a warm rebuild); default: a fresh one. */
  outDir?: string;
  /** Clear Astro's content cache first. Default: true. */
  cold?: boolean;
  /** A site configuration file (SITE_CONFIG). Default: tests/fixtures/sites/configs/fixture.config.ts. */
  siteConfig?: string;
  /** A content folder elsewhere (a copy a test edits). Default: tests/fixtures/sites/<name>. */
  contentDir?: string;
  /** More environment variables for the build, e.g. `PRERENDER_WORKERS`. */
  env?: Record<string, string>;
  /** `--strict`: warnings (links that lead nowhere) fail the build, as in this project's CI. Default: true. */
  strict?: boolean;
}

/** Runs `astro build` on `tests/fixtures/sites/<name>`; never throws on a failed build. */
export async function buildFixture(name: string, options: BuildOptions = {}): Promise<FixtureBuild> {
  mkdirSync(buildsDir, { recursive: true });
  const outDir = options.outDir ?? mkdtempSync(join(buildsDir, `${name}-`));
  const env: NodeJS.ProcessEnv = { ...process.env, CONTENT_DIR: options.contentDir ?? `tests/fixtures/sites/${name}`, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env };
  env['SITE_CONFIG'] = options.siteConfig ?? 'tests/fixtures/sites/configs/fixture.config.ts';
  const args = ['astro', 'build', '--outDir', outDir, ...((options.cold ?? true) ? ['--force'] : []), ...((options.strict ?? true) ? ['--strict'] : [])];
  try {
    const { stdout, stderr } = await run('npx', args, { env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, output: stdout + stderr, outDir };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, output: failure.stdout + failure.stderr, outDir };
  }
}

export function removeBuild(build: FixtureBuild): void {
  rmSync(build.outDir, { recursive: true, force: true });
}

/** Every HTML file of a build's static site, as site paths (`/posts/x/index.html`). */
export function htmlFiles(build: FixtureBuild): string[] {
  const client = join(build.outDir, 'client');
  return readdirSync(client, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.html'))
    .map((path) => `/${relative(client, join(client, path)).split('\\').join('/')}`)
    .sort();
}

/** A build's standalone Node server, as `npm run bench` starts it. */
export { serveBuild };
export type RunningServer = Awaited<ReturnType<typeof serveBuild>>;

/** The site paths a page links to: the same function the build's link check uses. */
export { internalLinks } from '../../../src/deploy/link-check';

/** Pelican syntax that must never reach a reader. */
export const LEFTOVER_PELICAN = [
  '{filename}',
  '%7Bfilename%7D',
  '{static}',
  '{attach}',
  '{tag}',
  '{category}',
  '{author}',
  '{index}',
  '|filename|',
  ':::python',
  '#!bash',
  '{:',
  '[TOC]',
  '*[HTML]',
  'markdown="1"',
  '$$',
];

/** A fixture folder built (it must build) and served, for a test file's `beforeAll`. */
export interface ServedFixture {
  build: FixtureBuild;
  server: RunningServer;
  /** Stops the server and removes the build. */
  close: () => Promise<void>;
}

export async function serveFixture(name: string, options: BuildOptions, port: number): Promise<ServedFixture> {
  const build = await buildFixture(name, options);
  if (build.code !== 0) {
    removeBuild(build);
    throw new Error(`the fixture site ${name} did not build:\n${build.output}`);
  }
  const server = await serveBuild(build.outDir, port);
  return {
    build,
    server,
    close: async () => {
      await server.stop();
      removeBuild(build);
    },
  };
}

/** The Pelican fixture site moved to our URLs, with Pelican's old URLs redirecting. */
export const PELICAN_BLOG = { siteConfig: 'tests/fixtures/sites/configs/redirects.config.ts' } as const;
