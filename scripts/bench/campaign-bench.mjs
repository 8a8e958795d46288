// `npm run bench -- --campaigns`: writing campaigns for 10,000 and 100,000 subscribers (time,
// peak memory), and sending to 10,000 through a local SMTP server (smtp-server), unthrottled and
// at a set rate. Each run is a process of its own (scripts/bench/campaign-run.ts).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { SMTPServer } from 'smtp-server';

const run = promisify(execFile);

async function measure(args) {
  const { stdout } = await run(process.execPath, ['scripts/bench/campaign-run.ts', ...args], { maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').at(-1));
}

/**
 * @param {{ queueSizes?: number[], sendCount?: number, throttled?: { count: number, rate: number } }} [options]
 */
export async function benchCampaigns({ queueSizes = [10_000, 100_000], sendCount = 10_000, throttled = { count: 500, rate: 6000 } } = {}) {
  const queues = [];
  for (const size of queueSizes) queues.push({ size, ...(await measure(['queue', String(size)])) });
  let received = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      stream.resume();
      stream.on('end', () => {
        received += 1;
        done();
      });
    },
  });
  await new Promise((listening) => smtp.listen(0, '127.0.0.1', listening));
  const url = `smtp://127.0.0.1:${smtp.server.address().port}`;
  try {
    const unthrottled = await measure(['send', String(sendCount), '100000000', url]);
    const limited = await measure(['send', String(throttled.count), String(throttled.rate), url]);
    return { queues, sends: [{ rate: 'none', ...unthrottled }, { rate: `${throttled.rate}/min`, ...limited }], received };
  } finally {
    await new Promise((closed) => smtp.close(closed));
  }
}
