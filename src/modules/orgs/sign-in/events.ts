/**
 * Failed sign-ins are logged while their answer goes out (login.ts says why);
 * the writes still running are kept here so that the app can finish them on
 * close. No database import: the module's descriptor imports this file.
 */
const pendingEvents = new Set<Promise<void>>();

export function track(write: Promise<void>): void {
  const settled = write
    .catch((error: unknown) => console.error('Không ghi được nhật ký đăng nhập sai:', error))
    .finally(() => pendingEvents.delete(settled));
  pendingEvents.add(settled);
}

/** Waits for sign-in events still being written (the app awaits it on close). */
export async function flushAuthEvents(): Promise<void> {
  await Promise.all([...pendingEvents]);
}
