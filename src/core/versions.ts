import { AppError } from './errors.ts';

/**
 * Optimistic versions: a record edited in a form carries `version` (bumped by
 * every UPDATE, in the statement itself). A save may send back the version
 * the form was loaded with; if the record has changed since, the save is
 * refused with this 409 and changes nothing, and the page offers to reload.
 * A save without `version` (an API client) is not checked: it writes only
 * the fields it sends, so it cannot undo fields someone else changed.
 */

/** The problem type of a stale save, so that a page tells it from other 409s. */
export const STALE_VERSION_TYPE = 'urn:sogd:problem:stale-version';

/** `what` names the record as a sentence starts: "Lớp 3A", "Tài khoản vanthu.a". */
export function staleVersion(what: string, versions?: { sent: number; current: number }): AppError {
  const which = versions
    ? ` (bạn mở phiên bản ${versions.sent}, hiện là phiên bản ${versions.current})`
    : '';
  return new AppError(
    409,
    'Bản ghi đã thay đổi',
    `${what} đã được người khác sửa sau khi bạn mở${which}; hãy tải lại để xem bản mới nhất rồi sửa lại. Chưa lưu gì.`,
    [
      {
        path: 'version',
        message:
          'Bản ghi đã được người khác sửa sau khi bạn mở; hãy tải lại để xem bản mới nhất rồi sửa lại.',
      },
    ],
    STALE_VERSION_TYPE,
  );
}

/** Throws the stale-version 409 when a version was sent and is not the record's. */
export function checkVersion(what: string, sent: number | undefined, current: number): void {
  if (sent !== undefined && sent !== current) throw staleVersion(what, { sent, current });
}

/**
 * The entries of `set` whose value differs from the row's: a save that
 * changes nothing writes nothing (no version bump, no audit entry), as it did
 * before versions.
 */
export function changedOnly<T extends Record<string, unknown>>(
  set: T,
  row: Record<string, unknown>,
): Partial<T> {
  return Object.fromEntries(
    Object.entries(set).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(row[k] ?? null)),
  ) as Partial<T>;
}
