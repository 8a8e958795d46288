// A real SMTP server on 127.0.0.1 (smtp-server) that records every message it accepts, and the
// helpers that read the emails tests receive.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  messageId: string;
  raw: string;
}

export interface RecordingSmtp {
  url: string;
  received: ReceivedMail[];
  close: () => Promise<void>;
}

/** Starts a server that accepts every message and records one entry per recipient. */
export async function recordingSmtp(): Promise<RecordingSmtp> {
  const received: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const messageId = /^Message-ID: (.+)$/im.exec(raw)?.[1]?.trim() ?? '';
        for (const rcpt of session.envelope.rcptTo) received.push({ to: rcpt.address, messageId, raw });
        done();
      });
    },
  });
  await new Promise<void>((listening) => smtp.listen(0, '127.0.0.1', listening));
  return {
    url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((closed) => smtp.close(() => closed())),
  };
}

/** Undoes quoted-printable (RFC 2045): soft line breaks and `=XX` bytes. */
export const unQuote = (text: string) =>
  Buffer.from(text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');

/**
 * An email's link, on the server under test: links start with the URL the site was built for
 * (`http://localhost:4321`), never with the address a request came to.
 */
export const onServer = (link: string, origin: string) => {
  const url = new URL(link);
  return `${origin}${url.pathname}${url.search}`;
};
