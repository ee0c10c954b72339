// Lint rules that keep the shape of the code (docs/ARCHITECTURE.md,
// "A module's anatomy"). Written here because they are about this tree's
// folders; each is a few lines of path logic over the import declarations
// and the calls ESLint already parses.
import { dirname, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const MODULES = resolve(ROOT, 'src/modules');

/** The module a file belongs to ('registry'), or null outside src/modules. */
function moduleOf(file) {
  const rel = relative(MODULES, file);
  if (rel.startsWith('..') || rel === '') return null;
  return rel.split(sep)[0];
}

const isTest = (file) => /\.test\.tsx?$/.test(file);

/** A module is used from outside only through its index.ts. */
const moduleBoundary = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      internal:
        'Chỉ dùng module {{target}} qua src/modules/{{target}}/index.ts, không dùng tệp bên trong của nó ({{path}}).',
    },
  },
  create(context) {
    const file = context.filename;
    if (isTest(file)) return {};
    const own = moduleOf(file);
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = resolve(dirname(file), source);
      const targetModule = moduleOf(target);
      if (!targetModule || targetModule === own) return;
      if (target === resolve(MODULES, targetModule, 'index.ts')) return;
      context.report({
        node,
        messageId: 'internal',
        data: { target: targetModule, path: relative(ROOT, target) },
      });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) =>
        node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

const QUERY_STARTS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'selectNoFrom',
  'mergeInto',
  'replaceInto',
]);

/** Every query of a module is in its repo.ts or repo/ (one place to read, index and review). */
const queriesInRepo = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      query:
        'Truy vấn cơ sở dữ liệu ({{what}}) chỉ viết trong repo.ts hoặc repo/ của module (docs/ARCHITECTURE.md).',
    },
  },
  create(context) {
    const file = context.filename;
    if (isTest(file) || !moduleOf(file)) return {};
    const parts = relative(MODULES, file).split(sep);
    if (parts.at(-1) === 'repo.ts' || parts.slice(1, -1).includes('repo')) return {};
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (
          callee.type === 'MemberExpression' &&
          callee.property.type === 'Identifier' &&
          QUERY_STARTS.has(callee.property.name)
        )
          context.report({ node, messageId: 'query', data: { what: callee.property.name } });
      },
      TaggedTemplateExpression(node) {
        const tag = node.tag.type === 'TSInstantiationExpression' ? node.tag.expression : node.tag;
        if (tag.type === 'Identifier' && tag.name === 'sql')
          context.report({ node, messageId: 'query', data: { what: 'sql`…`' } });
      },
    };
  },
};

export default {
  rules: { 'module-boundary': moduleBoundary, 'queries-in-repo': queriesInRepo },
};
