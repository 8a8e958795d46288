import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

/** An email as the newsletter sends it. */
export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** A stable Message-ID (`<…@host>`): a retried email is the same email to the mail client. */
  messageId?: string;
  /** Files attached, their content in base64 (a course's `.ics`). */
  attachments?: { filename: string; content: string; contentType: string }[];
}

export interface Mailer {
  /** Sends the message; resolves once it is handed over (to the SMTP server, or to a file). */
  send(message: MailMessage): Promise<void>;
  /** Where messages go, for the server's log: `smtp://host:port` or the outbox folder. */
  readonly destination: string;
  /** Messages stay on this machine (the outbox folder): their links may be logged for a developer. */
  readonly local?: boolean;
  /** Closes the connections it keeps open (a campaign's pool), so that the process can end. */
  close?(): void;
}

/**
 * How a mail server refused a message, from nodemailer's error: for good (a 5xx reply: no such
 * user), for now (another reply: 4xx, try later), or not at all because it could not be reached
 * (no reply: connection refused, timeout).
 */
export type Refusal = 'permanent' | 'temporary' | 'unreachable';

export function refusalOf(error: unknown): Refusal {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  if (typeof code !== 'number') return 'unreachable';
  return code >= 500 && code < 600 ? 'permanent' : 'temporary';
}

/** A message as nodemailer takes it: attachments decoded from base64. */
const asNodemailer = ({ attachments, ...message }: MailMessage) => ({
  ...message,
  ...(attachments ? { attachments: attachments.map((file) => ({ ...file, encoding: 'base64' })) } : {}),
});

/** Sends through a real SMTP server, e.g. `smtp://user:pass@smtp.example.com:587`. */
export function smtpMailer(url: string, { pool = false }: { pool?: boolean } = {}): Mailer {
  // Bounded waits: a server that never greets holds one email for 15 s, not nodemailer's minutes.
  // A campaign keeps one connection open (`pool`) rather than greeting the server per email.
  const transport = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 15_000, socketTimeout: 60_000, ...(pool ? { pool: true, maxConnections: 1 } : {}) });
  const { protocol, hostname, port } = new URL(url);
  return {
    // `host` already holds the port: the log named `smtp://127.0.0.1:2525:2525`.
    destination: `${protocol}//${hostname}${port ? `:${port}` : ''}`,
    async send(message) {
      await transport.sendMail(asNodemailer(message));
    },
    close() {
      transport.close();
    },
  };
}

/**
 * Writes each message as an `.eml` file (what a mail client opens) into a folder: the default, so
 * that signups work on one machine with no mail server, and a developer can open the message and
 * click its links.
 */
export function outboxMailer(folder: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    destination: folder,
    local: true,
    async send(message) {
      const { message: eml } = await transport.sendMail(asNodemailer(message));
      await mkdir(folder, { recursive: true });
      // A message with a Message-ID is one file whatever the tries: a send retried after a crash
      // (the file written, the outbox row not yet deleted) writes the same file again, not a
      // second email. Others: time first, so the folder lists in sending order; random after, so
      // two at once never collide.
      const name = message.messageId
        ? `${message.messageId.replace(/[^\w.@-]+/g, '')}.eml`
        : `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
      await writeFile(join(folder, name), eml as Buffer);
    },
  };
}

/** SMTP when `SMTP_URL` is set, else the outbox folder (`NEWSLETTER_OUTBOX`, default `data/outbox/`). */
export function mailerFromEnv(env: Record<string, string | undefined>, options: { pool?: boolean } = {}): Mailer {
  return env['SMTP_URL'] ? smtpMailer(env['SMTP_URL'], options) : outboxMailer(env['NEWSLETTER_OUTBOX'] || 'data/outbox');
}
