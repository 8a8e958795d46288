/**
 * Whether warnings fail the build: `npm run build -- --strict` (or `STRICT_CONTENT=1`). Content
 * Pelican would publish (a link to a file that is not there) builds with a warning otherwise.
 */
export function isStrictBuild(argv: readonly string[] = process.argv, env: Record<string, string | undefined> = process.env): boolean {
  return argv.includes('--strict') || env['STRICT_CONTENT'] === '1';
}
