import type { FormInstance } from 'antd';
import { ApiError } from './api.ts';

/** What of a form shows errors on its fields. */
export type FieldErrorTarget = Pick<FormInstance, 'setFields'>;

/**
 * Puts a refused request's field errors (problem.errors, path `body.name`) on
 * the form's fields and returns what is left to say in one message: the
 * errors of fields the form does not show, or else the problem's detail.
 * `fields`: the form's field names; omitted, every error goes on a field.
 */
export function problemToForm(
  error: unknown,
  form: FieldErrorTarget | null,
  fields?: readonly string[],
): string {
  if (!(error instanceof ApiError)) return String(error);
  const rest: string[] = [];
  const byField = new Map<string, string[]>();
  for (const e of error.problem.errors ?? []) {
    const name = e.path.replace(/^body\./, '');
    if (form && (!fields || fields.includes(name)))
      byField.set(name, [...(byField.get(name) ?? []), e.message]);
    else rest.push(e.message);
  }
  if (byField.size) form?.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return rest.length ? rest.join(' ') : error.problem.detail;
}
