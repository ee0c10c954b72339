import { systemActor } from '../db/actor.ts';
import type { Db } from '../db/connection.ts';
import { uuidv7 } from '../lib/ids.ts';
import { seedDemo } from '../modules/demo/index.ts';
import { accountExists, createAccount, findRootUnitId } from '../modules/orgs/index.ts';
import { MODULES } from './modules.ts';
import {
  hashPassword,
  MIN_PASSWORD_LENGTH,
  MIN_PASSWORD_SCORE,
  passwordStrength,
  temporaryPassword,
} from '../lib/passwords.ts';

export interface BootstrapOptions {
  demo: boolean;
  demoSchools?: number | undefined;
  demoStudents?: number | undefined;
  adminPassword?: string | undefined;
  /** The issuing keys' passphrase (keyPassphrase()), if there is one. */
  keyPassphrase?: string | undefined;
  onProgress?: ((phase: string, done: number, total: number) => void) | undefined;
}

export interface BootstrapResult {
  seeded: boolean;
  /** The admin's password, only when the account was created by this call. */
  admin: { username: string; password: string; generated: boolean } | null;
}

/**
 * First start on an empty database: a generated demo province and the
 * department's `admin` account; at every start, each module's `onStart`
 * (src/core/module.ts). Later starts find everything there and change nothing.
 */
export async function bootstrap(db: Db, options: BootstrapOptions): Promise<BootstrapResult> {
  let seeded = false;
  const adminExists = () => accountExists(db, 'admin');
  // Before seeding anything: a weak password stops the first start with nothing half-made.
  if (options.adminPassword && !(await adminExists()))
    await requireStrongAdminPassword(options.adminPassword);
  let rootId = await findRootUnitId(db);
  if (!rootId) {
    if (!options.demo) return { seeded: false, admin: null };
    const result = await seedDemo(
      db,
      {
        ...(options.demoSchools !== undefined ? { schools: options.demoSchools } : {}),
        ...(options.demoStudents !== undefined ? { students: options.demoStudents } : {}),
      },
      options.onProgress,
    );
    rootId = result.rootId;
    seeded = true;
  }
  const adminUnitId = rootId;
  // Each module's own start-up state (diplomas: the department's first signing
  // key, when there is a passphrase), declared in its descriptor.
  for (const module of MODULES)
    await module.onStart?.(db, { rootId, keyPassphrase: options.keyPassphrase });
  if (await adminExists()) return { seeded, admin: null };
  const generated = !options.adminPassword;
  const password = options.adminPassword || temporaryPassword();
  await createAccount(db, systemActor('khởi tạo'), {
    id: uuidv7(),
    username: 'admin',
    fullName: 'Quản trị hệ thống',
    email: null,
    role: 'department_admin',
    orgUnitId: adminUnitId,
    passwordHash: await hashPassword(password),
    mustChangePassword: false,
  });
  return { seeded, admin: { username: 'admin', password, generated } };
}

/** A setting that stops the start; `sogd serve` exits 2 with its message. */
export class ConfigurationError extends Error {}

/**
 * SOGD_ADMIN_PASSWORD is held to the rules of every new password (length and
 * zxcvbn score); only "must not contain the user name" is left to the score,
 * which counts "admin" as a known word.
 */
async function requireStrongAdminPassword(password: string): Promise<void> {
  const strength =
    password.length >= MIN_PASSWORD_LENGTH
      ? await passwordStrength(password, { username: 'admin', fullName: 'Quản trị hệ thống' })
      : null;
  if (strength && strength.score >= MIN_PASSWORD_SCORE) return;
  throw new ConfigurationError(
    [
      'SOGD_ADMIN_PASSWORD quá yếu nên tài khoản admin chưa được tạo.',
      strength ? strength.warning : `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`,
      'Hãy đặt một mật khẩu khó đoán hơn (ví dụ ghép 3–4 từ ít gặp, có dấu gạch và chữ số),',
      'hoặc bỏ trống SOGD_ADMIN_PASSWORD để sogd tự tạo và in ra một mật khẩu ngẫu nhiên.',
    ]
      .filter(Boolean)
      .join(' '),
  );
}
