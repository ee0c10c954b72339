import { mkdtemp, readdir } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mailerFromEnv, outboxMailer, readOutbox } from './mailer.ts';

describe('the outbox', () => {
  it('writes each message as one file and reads them back, filtered by recipient', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sogd-outbox-'));
    const mailer = outboxMailer(dir);
    await mailer.send({ to: 'a@example.vn', subject: 'Mã xác nhận', text: 'Mã của bạn: 123456' });
    await mailer.send({ to: 'b@example.vn', subject: 'Khác', text: 'x' });
    expect((await readdir(dir)).filter((n) => n.endsWith('.json'))).toHaveLength(2);
    const mine = await readOutbox(dir, 'A@example.vn');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ to: 'a@example.vn', text: 'Mã của bạn: 123456' });
    expect(await readOutbox(join(dir, 'missing'))).toEqual([]);
  });

  it('is chosen without SMTP_URL, under DATA_DIR/outbox', () => {
    const mailer = mailerFromEnv({ DATA_DIR: '/tmp/x' });
    expect(mailer.kind).toBe('outbox');
    expect(mailerFromEnv({ SMTP_URL: 'smtp://127.0.0.1:1' }).kind).toBe('smtp');
  });
});

describe('SMTP', () => {
  it('delivers through a real SMTP conversation to the server of SMTP_URL', async () => {
    // A minimal SMTP server: enough of RFC 5321 for one plain message.
    const received: string[] = [];
    const server = createServer((socket) => {
      let data = false;
      let body = '';
      socket.write('220 test ESMTP\r\n');
      socket.on('data', (chunk) => {
        for (const line of chunk.toString('utf8').split('\r\n')) {
          if (data) {
            if (line === '.') {
              data = false;
              received.push(body);
              socket.write('250 OK queued\r\n');
            } else body += `${line}\n`;
            continue;
          }
          if (!line) continue;
          const verb = line.slice(0, 4).toUpperCase();
          if (verb === 'EHLO' || verb === 'HELO') socket.write('250 test\r\n');
          else if (verb === 'DATA') {
            data = true;
            socket.write('354 go\r\n');
          } else if (verb === 'QUIT') socket.end('221 bye\r\n');
          else socket.write('250 OK\r\n');
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const mailer = mailerFromEnv({
        SMTP_URL: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
        MAIL_FROM: 'so@example.vn',
      });
      await mailer.send({ to: 'citizen@example.vn', subject: 'Mã xác nhận', text: 'Mã: 654321' });
      expect(received).toHaveLength(1);
      expect(received[0]).toContain('To: citizen@example.vn');
      expect(received[0]).toContain('From: so@example.vn');
    } finally {
      server.close();
    }
  });
});
