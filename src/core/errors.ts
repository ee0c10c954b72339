/**
 * Errors that reach a user. Every one becomes an RFC 9457 problem+json answer
 * with a Vietnamese title and detail; nothing else (no stack trace) leaves the server.
 */
export interface FieldError {
  /** Where: a field path ('body.username'), or 'row 12, column Ngày sinh' for files. */
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    readonly type = 'about:blank',
  ) {
    super(detail);
  }
}

export const badRequest = (detail: string, errors: FieldError[] = []) =>
  new AppError(400, 'Dữ liệu không hợp lệ', detail, errors);
export const unauthorized = (detail = 'Bạn cần đăng nhập.') =>
  new AppError(401, 'Chưa đăng nhập', detail);
export const forbidden = (detail = 'Bạn không có quyền thực hiện thao tác này với đơn vị này.') =>
  new AppError(403, 'Không có quyền truy cập', detail);
export const notFound = (what: string) =>
  new AppError(404, 'Không tìm thấy', `Không tìm thấy ${what}.`);
export const conflict = (detail: string, errors: FieldError[] = []) =>
  new AppError(409, 'Xung đột dữ liệu', detail, errors);
