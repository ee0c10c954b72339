import type { FormInstance } from 'antd';
import { ApiError, problemText } from '../../shared/api.ts';

/** The server's field errors (body.personalId …) put at the form's fields; the rest returned. */
export function showAtFields(
  form: FormInstance,
  error: unknown,
  fields: Record<string, string>,
): string | null {
  if (!(error instanceof ApiError)) return problemText(error);
  const placed: { name: string | (string | number)[]; errors: string[] }[] = [];
  for (const e of error.problem.errors ?? []) {
    const hit = Object.entries(fields).find(([path]) => e.path.startsWith(path));
    if (!hit) continue;
    // "body.schools.1" → the list field's second item; "body.schools" → its first.
    const index = /^\.(\d+)$/.exec(e.path.slice(hit[0].length));
    const list = hit[1] === 'schools';
    placed.push({
      name: list ? [hit[1], index ? Number(index[1]) : 0] : hit[1],
      errors: [e.message],
    });
  }
  if (placed.length) {
    form.setFields(placed);
    return null;
  }
  return error.problem.detail;
}
