import type { Command } from 'commander';
import { migrateToLatest, openDatabase, targetFromEnv } from '../db/connection.ts';
import { bootstrap } from '../server/bootstrap.ts';
import { publicUrlFromEnv } from '../server/public-url.ts';
import { positiveInt, progressReporter } from './util.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Chạy máy chủ web (API + giao diện)')
    .option('--port <port>', 'cổng HTTP (mặc định PORT hoặc 3000)', positiveInt)
    .option('--host <host>', 'địa chỉ lắng nghe', process.env.HOST ?? '0.0.0.0')
    .option('--no-demo', 'không tạo tỉnh mẫu khi cơ sở dữ liệu trống')
    .option('--demo-schools <n>', 'số trường của tỉnh mẫu', positiveInt)
    .option('--demo-students <n>', 'số học sinh của tỉnh mẫu', positiveInt)
    .action(
      async (options: {
        port?: number;
        host: string;
        demo: boolean;
        demoSchools?: number;
        demoStudents?: number;
      }) => {
        const started = Date.now();
        // Checked before the database is opened: a wrong address fails at once.
        const port = options.port ?? Number(process.env.PORT ?? 3000);
        const publicUrl = publicUrlFromEnv(process.env, port);
        const target = targetFromEnv();
        const database = await openDatabase(target);
        await migrateToLatest(database.db);
        const progress = progressReporter();
        const result = await bootstrap(database.db, {
          demo: options.demo,
          demoSchools: options.demoSchools,
          demoStudents: options.demoStudents,
          adminPassword: process.env.SOGD_ADMIN_PASSWORD,
          onProgress: progress.update,
        });
        progress.stop();
        // Loaded here so that other commands do not pay for the web server's start-up.
        const { buildApp } = await import('../server/app.ts');
        const { createJobQueue, declareSchedules } = await import('../server/jobs.ts');
        const jobs = createJobQueue(database.db, { worker: true });
        await jobs.start();
        await declareSchedules(jobs);
        const app = await buildApp({
          db: database.db,
          publicUrl,
          jobs,
          logger: { level: process.env.LOG_LEVEL ?? 'warn' },
          trustProxy: process.env.TRUST_PROXY === '1',
          ...(process.env.SOGD_LOOKUPS_PER_MINUTE
            ? { lookupsPerMinute: Number(process.env.SOGD_LOOKUPS_PER_MINUTE) }
            : {}),
        });
        await app.listen({ port, host: options.host });

        let closing = false;
        const shutdown = async (signal: string) => {
          if (closing) return;
          closing = true;
          console.error(`Nhận ${signal}: đang dừng máy chủ…`);
          // Finish requests in flight and running jobs, then close the database cleanly.
          await app.close();
          await jobs.stop();
          await database.close();
          process.exit(0);
        };
        process.on('SIGTERM', () => void shutdown('SIGTERM'));
        process.on('SIGINT', () => void shutdown('SIGINT'));

        const url = `http://localhost:${port}`;
        console.log(
          `sogd đang chạy tại ${url} (${database.describe}), khởi động ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
        if (result.seeded) console.log('Đã tạo tỉnh mẫu (dữ liệu sinh tự động).');
        if (result.admin) {
          console.log(
            result.admin.generated
              ? `Tài khoản quản trị: admin / ${result.admin.password}  (chỉ hiện một lần, hãy lưu lại)`
              : 'Tài khoản quản trị: admin, mật khẩu lấy từ SOGD_ADMIN_PASSWORD',
          );
        }
      },
    );
}
