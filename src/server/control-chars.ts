import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { controlCharIn, controlCharMessage, showControlChars } from '../lib/control-chars.ts';
import { badRequest, type FieldError } from './errors.ts';

/**
 * One check for every route instead of one per schema: path parameters, the
 * query, the JSON body (keys and string values, at any depth) and, for
 * uploads, the multipart field values and file names are refused with a 400
 * naming the field when they hold a control character (see
 * ../lib/control-chars.ts). Runs before validation, so a route added later is
 * covered by default.
 */
export function registerControlCharCheck(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    if (!request.url.startsWith('/api/')) return done();
    const errors: FieldError[] = [];
    collect(request.params, 'params', errors);
    collect(request.query, 'querystring', errors);
    collect(request.body, 'body', errors);
    if (errors.length) return done(refusal(errors));
    // Multipart parts are read by the handler, after this hook: check them as they are read.
    if (request.isMultipart()) {
      const file = request.file.bind(request);
      request.file = async (options) => {
        const part = await file(options);
        if (!part) return part;
        const found = multipartErrors(part);
        if (found.length) {
          part.file.resume(); // drain the upload; nothing of it is used
          throw refusal(found);
        }
        return part;
      };
    }
    done();
  });
}

/** The most places listed in one answer: one is enough to fix, a few show a pattern. */
const MAX_LISTED = 20;

function refusal(errors: FieldError[]) {
  return badRequest(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
}

/** Every string in `root` (keys included), depth-first in document order, without recursion (a 2 MB body may nest deeply). */
function collect(root: unknown, base: string, errors: FieldError[]): void {
  const stack: [unknown, string][] = [[root, base]];
  while (stack.length > 0 && errors.length < MAX_LISTED) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      const code = controlCharIn(value);
      if (code) errors.push({ path, message: controlCharMessage(code) });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${path}.${i}`]);
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      const children: [unknown, string][] = [];
      for (const [key, child] of entries) {
        const at = `${path}.${showControlChars(key)}`;
        const code = controlCharIn(key);
        if (code) errors.push({ path: at, message: controlCharMessage(code) });
        children.push([child, at]);
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
}

function multipartErrors(part: MultipartFile): FieldError[] {
  const errors: FieldError[] = [];
  const parts = new Set([part, ...Object.values(part.fields).flatMap((p) => p ?? [])]);
  for (const p of parts) {
    const name = showControlChars(p.fieldname);
    const nameCode = controlCharIn(p.fieldname);
    if (nameCode) errors.push({ path: name, message: controlCharMessage(nameCode) });
    if (p.type === 'file') {
      const code = controlCharIn(p.filename);
      if (code) errors.push({ path: `${name}.filename`, message: controlCharMessage(code) });
    } else if (typeof p.value === 'string') {
      const code = controlCharIn(p.value);
      if (code) errors.push({ path: name, message: controlCharMessage(code) });
    }
  }
  return errors.slice(0, MAX_LISTED);
}
