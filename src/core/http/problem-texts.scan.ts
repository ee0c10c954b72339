/**
 * The problem texts written in the server's sources, found by reading them
 * (TypeScript AST): what the English catalogue (problem-english.ts) must
 * hold. Used by problem-english.test.ts; not imported by the server.
 *
 * A text is the Vietnamese template of a string or template literal passed
 * as a message: `${…}` becomes `{}`. Looked at:
 * - `badRequest(detail)`, `conflict(detail)`, `forbidden(detail)`,
 *   `unauthorized(detail)`, `notFound(what)` (`what` is a noun: 'học sinh');
 * - `new AppError(status, title, detail)` and the `super(…)` of a subclass,
 *   `staleVersion(what)`;
 * - helpers that pass a parameter on to one of those, whole or as a part
 *   (`const invalid = (detail: string) => new AppError(422, '…', detail)`,
 *   `tooMany(wait, 'Tra cứu')`): their callers' texts count too;
 * - the `message` of an object literal with a `path`, `row` or `column`
 *   (a FieldError or an import's row error) or an `ok` (a check's
 *   `{ ok: false, message }`, which becomes one), a spreadsheet cell's
 *   `problem`, and what is pushed onto an
 *   `errors` or `problems` list (texts joined into one detail);
 * - a problem written out whole, `{ title: '…', detail: '…' }` (the error
 *   handler's own), and the default of a `detail` parameter;
 * - a Zod schema's own messages (`.min(1, '…')`, `.refine(f, { message })`,
 *   `{ error: '…' }`, `ctx.addIssue({ message })`): Zod's English locale
 *   covers only its built-in ones.
 * A constant (`TAKEN`, also imported) or a call of a function that returns a
 * template (`controlCharMessage(code)`) stands for its text. Both branches
 * of `a ? '…' : '…'` count, and so do the literal parts of
 * an interpolation (`${n > 1 ? 'các lớp' : 'lớp'}`): each becomes a value
 * the catalogue translates on its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

export interface FoundText {
  /** The Vietnamese template, `{}` where the source interpolates. */
  text: string;
  /** file:line, relative to src/. */
  at: string;
}

/** Message-taking functions: name → indexes of the arguments that are texts. */
const TARGETS: Record<string, number[]> = {
  badRequest: [0],
  conflict: [0],
  forbidden: [0],
  unauthorized: [0],
  notFound: [0],
  AppError: [1, 2],
  staleVersion: [0],
  // Errors of file readers whose message the routes answer as a 400's detail.
  UnreadableWorkbookError: [0],
  UnreadablePdfError: [0],
  BadDocumentFileError: [0],
};

/** Zod checks whose last argument may be the message, and types whose options may hold one. */
const ZOD_CHECKS = new Set([
  'min',
  'max',
  'length',
  'regex',
  'refine',
  'superRefine',
  'nonempty',
  'email',
  'url',
  'gt',
  'gte',
  'lt',
  'lte',
  'int',
  'positive',
  'nonnegative',
  'multipleOf',
]);
const ZOD_TYPES = new Set(['string', 'number', 'enum', 'literal', 'object', 'array', 'union']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !/\.(test|scan)\.ts$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const calleeName = (node: ts.CallExpression | ts.NewExpression): string | undefined => {
  const e = node.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
};

/** The file's `const name = '…'` texts (any depth), so `badRequest(TAKEN)` counts too. */
let constants = new Map<string, ts.Expression>();
/** Every file's `export const NAME = '…'`, for a text imported from another file. */
let exported = new Map<string, ts.Expression>();
/** Every file's `const name = (…) => \`…\``: the template such a function returns. */
let textFunctions = new Map<string, ts.Expression>();

function constantsOf(source: ts.SourceFile): Map<string, ts.Expression> {
  const found = new Map<string, ts.Expression>();
  const visit = (node: ts.Node) => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      ts.isVariableDeclarationList(node.parent) &&
      node.parent.flags & ts.NodeFlags.Const &&
      (ts.isStringLiteral(node.initializer) ||
        ts.isNoSubstitutionTemplateLiteral(node.initializer) ||
        ts.isTemplateExpression(node.initializer) ||
        ts.isConditionalExpression(node.initializer))
    )
      found.set(node.name.text, node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The templates an expression can produce, and the literal values inside its interpolations. */
function templates(node: ts.Expression): string[] {
  if (ts.isParenthesizedExpression(node)) return templates(node.expression);
  if (ts.isIdentifier(node)) {
    const bound = constants.get(node.text) ?? exported.get(node.text);
    return bound ? templates(bound) : [];
  }
  // `controlCharMessage(code)`, an arrow function that returns a template.
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
    const body = textFunctions.get(node.expression.text);
    return body ? templates(body) : [];
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isConditionalExpression(node))
    return [...templates(node.whenTrue), ...templates(node.whenFalse)];
  if (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken
  )
    return templates(node.right);
  if (ts.isTemplateExpression(node)) {
    let text = node.head.text;
    const inner: string[] = [];
    for (const span of node.templateSpans) {
      text += `{}${span.literal.text}`;
      inner.push(...templates(span.expression));
    }
    return [text, ...inner];
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const parts: ts.Expression[] = [];
    const flatten = (e: ts.Expression) => {
      if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
        flatten(e.left);
        flatten(e.right);
      } else parts.push(e);
    };
    flatten(node);
    let text = '';
    const inner: string[] = [];
    for (const p of parts) {
      if (ts.isStringLiteral(p) || ts.isNoSubstitutionTemplateLiteral(p)) text += p.text;
      else {
        const t = templates(p);
        if (ts.isTemplateExpression(p) && t[0]) {
          text += t[0];
          inner.push(...t.slice(1));
        } else {
          text += '{}';
          inner.push(...t);
        }
      }
    }
    return [text, ...inner];
  }
  return [];
}

/** Functions that pass one of their parameters straight on as a text: name → parameter indexes. */
function wrappers(files: ts.SourceFile[]): {
  targets: Map<string, number[]>;
  schemaHelpers: Map<string, Map<string, number[]>>;
} {
  const targets = new Map(Object.entries(TARGETS));
  // Per file: helpers such as `text(max, label)` are common names elsewhere.
  const schemaHelpers = new Map<string, Map<string, number[]>>();
  for (let changed = true; changed;) {
    changed = false;
    for (const source of files) {
      const visit = (node: ts.Node) => {
        let name: string | undefined;
        let fn: ts.SignatureDeclaration | undefined;
        if (ts.isFunctionDeclaration(node) && node.name) [name, fn] = [node.name.text, node];
        if (
          ts.isVariableDeclaration(node) &&
          ts.isIdentifier(node.name) &&
          node.initializer &&
          (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
        )
          [name, fn] = [node.name.text, node.initializer];
        // Same-named helpers of different files share an entry: the union of their indexes.
        if (name && fn && !Object.hasOwn(TARGETS, name)) {
          const params = fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ''));
          const passed = new Set<number>();
          const intoSchema = new Set<number>();
          const look = (n: ts.Node) => {
            if (ts.isCallExpression(n) || ts.isNewExpression(n)) {
              // A schema helper's label goes into its checks' messages: `text(200, 'Trích yếu')`
              // (counted in the helper's own file only).
              const zodCheck =
                ts.isCallExpression(n) &&
                ts.isPropertyAccessExpression(n.expression) &&
                ZOD_CHECKS.has(n.expression.name.text);
              const at = zodCheck
                ? n.arguments?.map((_, i) => i)
                : targets.get(calleeName(n) ?? '');
              for (const i of at ?? []) {
                const arg = n.arguments?.[i];
                const uses = (e: ts.Node) => {
                  if (
                    ts.isIdentifier(e) &&
                    params.includes(e.text) &&
                    !(ts.isPropertyAccessExpression(e.parent) && e.parent.name === e)
                  )
                    (zodCheck ? intoSchema : passed).add(params.indexOf(e.text));
                  ts.forEachChild(e, uses);
                };
                if (arg) uses(arg);
              }
            }
            // `(row, column, message) => errors.push({ row, column, message })`
            if (ts.isObjectLiteralExpression(n) && hasProperty(n, ['path', 'row', 'column']))
              for (const p of n.properties) {
                if (p.name?.getText() !== 'message') continue;
                const value = ts.isPropertyAssignment(p)
                  ? p.initializer
                  : ts.isShorthandPropertyAssignment(p)
                    ? p.name
                    : undefined;
                if (value && ts.isIdentifier(value) && params.includes(value.text))
                  passed.add(params.indexOf(value.text));
              }
            ts.forEachChild(n, look);
          };
          look(fn);
          if (intoSchema.size) {
            const local = schemaHelpers.get(source.fileName) ?? new Map<string, number[]>();
            local.set(name, [...intoSchema]);
            schemaHelpers.set(source.fileName, local);
          }
          const known = targets.get(name) ?? [];
          if ([...passed].some((i) => !known.includes(i))) {
            targets.set(name, [...new Set([...known, ...passed])]);
            changed = true;
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return { targets, schemaHelpers };
}

const hasProperty = (o: ts.ObjectLiteralExpression, names: string[]) =>
  o.properties.some(
    (p) =>
      (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) &&
      names.includes(p.name.getText()),
  );

/** The class a `super(…)` call's class extends. */
function extendedBy(node: ts.Node): string | undefined {
  let at: ts.Node | undefined = node;
  while (at && !ts.isClassLike(at)) at = at.parent;
  const clause = at?.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
  const base = clause?.types[0]?.expression;
  return base && ts.isIdentifier(base) ? base.text : undefined;
}

/** Every problem text in src/ (tests excluded). */
export function problemTexts(src: string): FoundText[] {
  const files = sources(src).map((file) =>
    ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true),
  );
  const { targets, schemaHelpers } = wrappers(files);
  exported = new Map();
  textFunctions = new Map();
  for (const source of files) {
    const visit = (node: ts.Node) => {
      if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.initializer &&
        ts.isArrowFunction(node.initializer) &&
        (ts.isTemplateExpression(node.initializer.body) ||
          ts.isStringLiteral(node.initializer.body))
      )
        textFunctions.set(node.name.text, node.initializer.body);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  for (const source of files)
    for (const statement of source.statements)
      if (
        ts.isVariableStatement(statement) &&
        statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
      )
        for (const d of statement.declarationList.declarations)
          if (ts.isIdentifier(d.name) && d.initializer && ts.isStringLiteral(d.initializer))
            exported.set(d.name.text, d.initializer);
  const found: FoundText[] = [];
  for (const source of files) {
    constants = constantsOf(source);
    const add = (node: ts.Node, expression: ts.Expression | undefined) => {
      if (!expression) return;
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      const at = `${relative(src, source.fileName)}:${line + 1}`;
      for (const text of templates(expression))
        if (VIETNAMESE.test(text) && text.replaceAll('{}', '').trim()) found.push({ text, at });
    };
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const name = calleeName(node) ?? '';
        const local = ts.isCallExpression(node) ? schemaHelpers.get(source.fileName) : undefined;
        for (const i of [...(targets.get(name) ?? []), ...(local?.get(name) ?? [])])
          add(node, node.arguments?.[i]);
      }
      // A schema's own message: `.min(1, '…')`, `.refine(f, { message: '…' })`,
      // `z.enum([…], { error: '…' })`, `ctx.addIssue({ message: '…' })`.
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const method = node.expression.name.text;
        if (ZOD_CHECKS.has(method) || ZOD_TYPES.has(method) || method === 'addIssue')
          for (const arg of node.arguments) {
            if (ts.isObjectLiteralExpression(arg)) {
              for (const p of arg.properties)
                if (ts.isPropertyAssignment(p) && ['message', 'error'].includes(p.name.getText()))
                  add(p, p.initializer);
            } else if (ZOD_CHECKS.has(method) && !ts.isArrowFunction(arg)) add(arg, arg);
          }
      }
      // `class SignInThrottled extends AppError { constructor() { super(429, '…', '…') } }`
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword) {
        const parent = extendedBy(node);
        for (const i of targets.get(parent ?? '') ?? []) add(node, node.arguments[i]);
      }
      // `errors.push('Dòng 3: …')`: texts gathered, then joined into one detail.
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'push' &&
        /(errors|problems)$/i.test(node.expression.expression.getText())
      )
        add(node, node.arguments[0]);
      // A problem written out whole (`{ title: '…', detail: '…' }`), and a default detail.
      if (ts.isObjectLiteralExpression(node) && hasProperty(node, ['title'])) {
        if (hasProperty(node, ['detail']))
          for (const p of node.properties)
            if (ts.isPropertyAssignment(p) && ['title', 'detail'].includes(p.name.getText()))
              add(p, p.initializer);
      }
      if (ts.isParameter(node) && node.name.getText() === 'detail') add(node, node.initializer);
      // A spreadsheet cell's problem (`{ text, problem: 'ô chứa …' }`): its row's message.
      if (ts.isObjectLiteralExpression(node) && hasProperty(node, ['text'])) {
        for (const p of node.properties)
          if (ts.isPropertyAssignment(p) && p.name.getText() === 'problem') add(p, p.initializer);
      }
      if (
        ts.isObjectLiteralExpression(node) &&
        hasProperty(node, ['path', 'row', 'column', 'ok'])
      ) {
        for (const p of node.properties)
          if (ts.isPropertyAssignment(p) && p.name.getText() === 'message') add(p, p.initializer);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}
