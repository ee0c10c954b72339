/**
 * Zod pieces every module's contract.ts shares: they describe the HTTP
 * boundary (requests and answers) and import nothing but zod, so the web can
 * import their types too.
 */
import { z } from 'zod';

/** `:id` in a path: checked for shape by the use case (a malformed id answers 404). */
export const idParams = z.object({ id: z.string().max(64) });

/** A unit, class, student… id in an answer (UUIDv7 as text). */
export const id = z.string();

/** A reference to an org unit in an answer: what a page shows of it. */
export const unitRef = z.object({ id, code: z.string(), name: z.string() });

/** Education levels (cấp học), as org units and classes record them. */
export const schoolLevel = z.enum(['preschool', 'primary', 'lower_secondary', 'upper_secondary']);

/** Công lập / ngoài công lập. */
export const ownership = z.enum(['public', 'private']);

/** A person's gender as the registers record it. */
export const gender = z.enum(['male', 'female']);

/** A school year written `2025-2026`. */
export const schoolYear = z
  .string()
  .regex(/^\d{4}-\d{4}$/, 'Năm học cần dạng 2025-2026')
  .refine(
    (y) => Number(y.slice(5)) === Number(y.slice(0, 4)) + 1,
    'Năm học phải là hai năm liền nhau',
  );

/** The school year a date falls in: a year starts on 1 September (Asia/Ho_Chi_Minh). */
export function schoolYearOf(date: Date = new Date()): string {
  const local = new Date(date.getTime() + 7 * 3600_000);
  const year = local.getUTCFullYear();
  const start = local.getUTCMonth() >= 8 ? year : year - 1;
  return `${start}-${start + 1}`;
}

/**
 * `year` in a query: today's school year when absent, computed at each
 * request (not when the schema is built, so a server running through
 * 1 September moves on by itself).
 */
export const schoolYearQuery = schoolYear.default(() => schoolYearOf());

/** `page` and `pageSize` in a list's query: 1-based, at most `max` rows a page. */
export function pageQuery(defaultSize = 50, max = 200) {
  return {
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(max).default(defaultSize),
  };
}

/**
 * `version` in an update request: the one the form was loaded with (0: not
 * recorded yet); a save from a stale form is refused with a 409
 * (src/core/versions.ts). Optional: a client that omits it writes only the
 * fields it sends.
 */
export const versionField = z.number().int().min(0).max(2_147_483_647).optional();

/** A timestamp in an answer (ISO 8601, UTC). */
export const timestamp = z.string();

/** A calendar date in an answer, `yyyy-mm-dd` (shown dd/mm/yyyy by the pages). */
export const isoDate = z.string();

/** RFC 9457 problem details, as every error answers (src/app/app.ts). */
export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problem>;

/** A page of `item`, with the total of the whole list. */
export function paged<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** What a file route sends: bytes (a Buffer) or a stream. */
export type FileBody = Uint8Array | { pipe: (...args: never[]) => unknown };

/**
 * The answer of a route that sends a file (xlsx, pdf, png): documented with
 * its media type. Fastify sends a Buffer or a stream as it is, never through
 * the serialiser, so the handler's body is typed as what it really sends; the
 * schema itself documents a string for /docs.
 */
export function fileAnswer(mediaType: string, description: string): z.ZodType<FileBody> {
  return z.string().describe(`${description} (${mediaType})`) as unknown as z.ZodType<FileBody>;
}

/** 204 No Content. */
export const noContent = z.null().describe('Không có nội dung');
