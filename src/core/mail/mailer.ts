import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Transporter } from 'nodemailer';

/**
 * Outgoing e-mail, one way for every module: SMTP when SMTP_URL is set
 * (`smtps://user:pass@mail.example.vn:465`, `smtp://host:587` with STARTTLS),
 * otherwise a local outbox, one JSON file per message in `<DATA_DIR>/outbox`
 * (or MAIL_OUTBOX_DIR), which the demo and the tests read instead of a mail
 * server. nodemailer is loaded at the first message, so a command that sends
 * nothing does not load it.
 */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface OutboxMessage extends Mail {
  id: string;
  from: string;
  at: string;
}

export interface Mailer {
  /** `smtp` or `outbox` (said at start, shown on the jobs page). */
  readonly kind: 'smtp' | 'outbox';
  send(mail: Mail): Promise<void>;
}

/** The sender address: MAIL_FROM, or a no-reply address of the platform. */
function fromAddress(env: NodeJS.ProcessEnv): string {
  return env.MAIL_FROM || 'sogd <no-reply@sogd.local>';
}

export function outboxDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.MAIL_OUTBOX_DIR || join(env.DATA_DIR || './data', 'outbox'));
}

export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer {
  const url = env.SMTP_URL?.trim();
  if (url) return smtpMailer(url, fromAddress(env));
  return outboxMailer(outboxDirFromEnv(env), fromAddress(env));
}

export function smtpMailer(url: string, from: string): Mailer {
  let transport: Promise<Transporter> | undefined;
  return {
    kind: 'smtp',
    async send(mail) {
      transport ??= import('nodemailer').then((m) => m.default.createTransport(url));
      await (
        await transport
      ).sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

/** Messages written as files: written whole to a temporary name, then renamed. */
export function outboxMailer(dir: string, from = 'sogd <no-reply@sogd.local>'): Mailer {
  return {
    kind: 'outbox',
    async send(mail) {
      await mkdir(dir, { recursive: true });
      const at = new Date().toISOString();
      const id = randomUUID();
      const message: OutboxMessage = { id, from, at, ...mail };
      const name = `${at.replaceAll(':', '-')}-${id}.json`;
      await writeFile(join(dir, `.${name}.tmp`), JSON.stringify(message, null, 2));
      await rename(join(dir, `.${name}.tmp`), join(dir, name));
    },
  };
}

/** The outbox's messages, oldest first (optionally only those to `to`). */
export async function readOutbox(dir: string, to?: string): Promise<OutboxMessage[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const messages: OutboxMessage[] = [];
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const m = JSON.parse(await readFile(join(dir, name), 'utf8')) as OutboxMessage;
    if (!to || m.to.toLowerCase() === to.toLowerCase()) messages.push(m);
  }
  return messages;
}
