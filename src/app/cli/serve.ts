import { isIP } from 'node:net';
import type { Command } from 'commander';
import { publicUrlFromEnv } from '../../core/http/public-url.ts';
import type { KeyPassphrase } from '../../modules/diplomas/index.ts';
import { positiveInt, progressReporter } from '../../core/cli.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Chạy máy chủ web (API + giao diện)')
    .option('--port <port>', 'cổng HTTP (mặc định PORT hoặc 3000)', positiveInt)
    // Loopback unless asked: a fresh install is not reachable from the network by accident.
    .option('--host <host>', 'địa chỉ lắng nghe (mặc định HOST hoặc 127.0.0.1)')
    .option('--no-demo', 'không tạo tỉnh mẫu khi cơ sở dữ liệu trống')
    .option('--demo-schools <n>', 'số trường của tỉnh mẫu', positiveInt)
    .option('--demo-students <n>', 'số học sinh của tỉnh mẫu', positiveInt)
    .action(
      async (options: {
        port?: number;
        host?: string;
        demo: boolean;
        demoSchools?: number;
        demoStudents?: number;
      }) => {
        const started = Date.now();
        let last = performance.now();
        const mark = (step: string) => {
          if (process.env.SOGD_STARTUP_TIMING !== '1') return;
          const now = performance.now();
          console.error(`[start] ${step}: ${Math.round(now - last)} ms (at ${Math.round(now)} ms)`);
          last = now;
        };
        // Checked before the database is opened: a wrong address fails at once.
        const port = options.port ?? Number(process.env.PORT ?? 3000);
        const publicUrl = publicUrlFromEnv(process.env, port);
        // Configuration errors stop the start before the database is touched.
        let trustProxy: ReturnType<typeof parseTrustProxy>;
        try {
          trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
        } catch (error) {
          process.exitCode = 2;
          throw error;
        }
        const host = options.host ?? (process.env.HOST || '127.0.0.1');
        // Loaded here, not at the top: `sogd --help` need not load the database drivers.
        const { migrateToLatest, openDatabase, openReadDatabase, targetFromEnv } =
          await import('../../db/connection.ts');
        const { bootstrap, ConfigurationError } = await import('../bootstrap.ts');
        const { keyPassphrase } = await import('../../modules/diplomas/index.ts');
        // The web server's and job queue's modules load while the embedded
        // database starts (its file reads and WebAssembly set-up wait on the
        // disk): a restart is most of all module loading (issue #13 item 20).
        const appModule = import('../app.ts');
        const jobQueueModule = import('../job-queue.ts');
        // Failures surface where they are awaited, not as unhandled rejections before.
        appModule.catch(() => undefined);
        jobQueueModule.catch(() => undefined);
        // `npm start` (scripts/start.js) builds the web UI beside the database's start.
        const webBuilt = awaitWebBuild();
        const target = targetFromEnv();
        mark('modules');
        const database = await openDatabase(target);
        mark('open');
        await migrateToLatest(database.db);
        mark('migrate');
        let readDatabase: Awaited<ReturnType<typeof openDatabase>>;
        try {
          readDatabase = openReadDatabase(target, database);
        } catch (error) {
          await database.close();
          process.exitCode = 2;
          throw error;
        }
        // Diplomas work at once on the embedded database: without
        // SOGD_KEY_PASSPHRASE it keeps a generated one in its data folder.
        let keys: KeyPassphrase | null = null;
        try {
          keys = keyPassphrase();
        } catch (error) {
          console.error(
            `${(error as Error).message} Chưa cấp được văn bằng cho đến khi đặt biến này.`,
          );
        }
        const progress = progressReporter();
        const result = await bootstrap(database.db, {
          keyPassphrase: keys?.passphrase,
          demo: options.demo,
          demoSchools: options.demoSchools,
          demoStudents: options.demoStudents,
          adminPassword: process.env.SOGD_ADMIN_PASSWORD,
          onProgress: progress.update,
        }).catch(async (error: unknown) => {
          progress.stop();
          await database.close();
          if (error instanceof ConfigurationError) process.exitCode = 2;
          throw error;
        });
        progress.stop();
        mark('bootstrap');
        const { buildApp } = await appModule;
        await webBuilt;
        mark('app import, web');
        const { createJobQueue, declareSchedules } = await jobQueueModule;
        const jobs = createJobQueue(database.db, { worker: true });
        const app = await buildApp({
          db: database.db,
          readDb: readDatabase.db,
          publicUrl,
          jobs,
          logger: { level: process.env.LOG_LEVEL ?? 'warn' },
          trustProxy,
          ...(process.env.SOGD_LOOKUPS_PER_MINUTE
            ? { lookupsPerMinute: Number(process.env.SOGD_LOOKUPS_PER_MINUTE) }
            : {}),
        });
        mark('buildApp');
        await app.listen({ port, host });
        mark('listen');
        // The queue starts once the server answers: pg-boss's first look at
        // the schedules (cron-parser walking back minute by minute through
        // each daily cron) took 0.1–0.2 s of the main thread, which delayed
        // the first page. A job enqueued meanwhile waits for the start
        // (JobQueue.enqueue).
        try {
          await jobs.start();
          await declareSchedules(jobs);
        } catch (error) {
          // No server half up: without its queue nothing scheduled would run.
          await app.close();
          await readDatabase.close();
          await database.close();
          throw error;
        }
        mark('jobs');

        let closing = false;
        const shutdown = async (signal: string) => {
          if (closing) return;
          closing = true;
          console.error(`Nhận ${signal}: đang dừng máy chủ…`);
          // Finish requests in flight and running jobs, then close the database cleanly.
          await app.close();
          await jobs.stop();
          await readDatabase.close();
          await database.close();
          process.exit(0);
        };
        process.on('SIGTERM', () => void shutdown('SIGTERM'));
        process.on('SIGINT', () => void shutdown('SIGINT'));

        const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
        console.log(
          `sogd đang chạy tại ${url} (${database.describe}${target.readUrl ? `; đọc công khai: ${readDatabase.describe}` : ''}), khởi động ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
        console.log(
          host === '127.0.0.1' || host === '::1' || host === 'localhost'
            ? 'Chỉ nhận kết nối từ chính máy này; đặt HOST (ví dụ HOST=0.0.0.0) để mở ra mạng.'
            : `Đang nhận kết nối từ mạng trên ${host}.`,
        );
        if (trustProxy !== false)
          console.log(
            `Tin X-Forwarded-For qua ${typeof trustProxy === 'number' ? `${trustProxy} proxy` : trustProxy.join(', ')}.`,
          );
        if (result.seeded) console.log('Đã tạo tỉnh mẫu (dữ liệu sinh tự động).');
        if (result.admin) {
          console.log(
            result.admin.generated
              ? `Tài khoản quản trị: admin / ${result.admin.password}  (chỉ hiện một lần, hãy lưu lại)`
              : 'Tài khoản quản trị: admin, mật khẩu lấy từ SOGD_ADMIN_PASSWORD',
          );
        }
        if (keys?.file?.created)
          console.log(
            `Đã tạo mật khẩu cho khoá ký văn bằng trong ${keys.file.path} (chỉ để chạy thử: ai có thư mục dữ liệu là có khoá; khi vận hành thật hãy đặt SOGD_KEY_PASSPHRASE).`,
          );
      },
    );
}

/**
 * Under `npm start`, the web UI is being built while the server starts
 * (scripts/start.js): resolves when the build says it is ready, at once
 * otherwise. The app serves web/dist only if it is there when it is built.
 */
function awaitWebBuild(): Promise<void> {
  if (process.env.SOGD_AWAIT_WEB_BUILD !== '1' || !process.send) return Promise.resolve();
  return new Promise((ready) => {
    const onMessage = (message: unknown) => {
      if (message !== 'web-ready') return;
      process.off('message', onMessage);
      // The channel would keep the process alive after the server closes.
      // Not at once: a message that came before this listener is handed on
      // by Node in a loop that then touches the channel (a quick "web/dist
      // is up to date" arrives so, and disconnecting inside it threw).
      setImmediate(() => process.disconnect?.());
      ready();
    };
    process.on('message', onMessage);
  });
}

/**
 * TRUST_PROXY: which reverse proxies may tell the client's address in
 * X-Forwarded-For. A number is the count of proxies in front of sogd (the
 * client is then that many entries from the right, the only ones a proxy of
 * ours wrote); a list names the proxies' addresses or CIDR ranges. Empty or 0:
 * none, the socket's address is the client. "true" is refused: trusting every
 * hop lets any client write its own address (issue #11, item 7).
 */
export function parseTrustProxy(value: string | undefined): false | number | string[] {
  const text = (value ?? '').trim();
  if (text === '' || text === '0') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10)
      throw new Error(
        `TRUST_PROXY=${text}: số proxy phải từ 0 đến 10 (số máy proxy đứng trước sogd).`,
      );
    return hops;
  }
  const entries = text.split(',').map((e) => e.trim());
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    const maxPrefix = family === 4 ? 32 : 128;
    const prefixOk =
      prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (!family || !prefixOk || extra !== undefined)
      throw new Error(
        `TRUST_PROXY: "${entry}" không phải số proxy, địa chỉ IP hay dải CIDR. ` +
          'Ghi số proxy đứng trước sogd (ví dụ TRUST_PROXY=1) hoặc danh sách địa chỉ proxy ' +
          '(ví dụ TRUST_PROXY=127.0.0.1,10.0.0.0/8).',
      );
  }
  return entries;
}
