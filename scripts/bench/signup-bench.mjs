// Load on the newsletter: N signups at once from distinct addresses against the built server, with
// a throwaway database and outbox. Then the database is read back: every accepted signup must be a
// row, once; no answer may be a 5xx.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { serveBuild } from './serve-build.mjs';

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export async function benchSignups({ count = 200, build = false, port = 4397 } = {}) {
  if (build || !existsSync('dist/server/entry.mjs')) {
    console.log('Building the site (npm run build)…');
    execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'ignore' });
  }
  const data = mkdtempSync(join(tmpdir(), 'signup-bench-'));
  const db = join(data, 'newsletter.sqlite');
  const outbox = join(data, 'outbox');
  // The limit per client is lifted: every request comes from this one machine.
  const server = await serveBuild('dist', port, { NEWSLETTER_DB: db, NEWSLETTER_OUTBOX: outbox, NEWSLETTER_RATE_LIMIT: String(count * 10), SMTP_URL: '' });
  try {
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: count }, async (_, n) => {
        const sent = performance.now();
        const response = await fetch(`${server.origin}/api/newsletter/subscribe`, {
          method: 'POST',
          headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.origin },
          body: new URLSearchParams({ email: `load-${n}@example.com`, consent: 'yes', topic: 'ml-in-production-madrid', source: '/training/' }),
        }).catch((error) => ({ status: 0, error }));
        return { n, status: response.status, ms: performance.now() - sent };
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const accepted = answers.filter((answer) => answer.status === 200);
    // Emails go out just after the answers: wait (at most 10 s) until each accepted signup's is written.
    const emailsWritten = () => (existsSync(outbox) ? readdirSync(outbox).length : 0);
    for (const deadline = Date.now() + 10_000; emailsWritten() < accepted.length && Date.now() < deadline; ) await new Promise((done) => setTimeout(done, 50));
    const reader = new DatabaseSync(db, { readOnly: true });
    const rows = reader.prepare('SELECT email, count(*) AS n FROM subscribers GROUP BY email').all();
    reader.close();
    const stored = new Set(rows.map((row) => row.email));
    const latencies = answers.map((answer) => answer.ms).sort((a, b) => a - b);
    return {
      count,
      seconds,
      accepted: accepted.length,
      serverErrors: answers.filter((answer) => answer.status >= 500 || answer.status === 0).length,
      lost: accepted.filter(({ n }) => !stored.has(`load-${n}@example.com`)).length,
      duplicated: rows.filter((row) => row.n > 1).length,
      rows: rows.length,
      emails: emailsWritten(),
      p50: Math.round(percentile(latencies, 50)),
      p95: Math.round(percentile(latencies, 95)),
    };
  } finally {
    await server.stop();
    rmSync(data, { recursive: true, force: true });
  }
}
