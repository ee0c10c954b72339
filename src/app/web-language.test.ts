import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Issue 13 item 17: every page is complete in English. A Vietnamese string
 * written straight into a page stays Vietnamese in English mode, so the web
 * sources may hold Vietnamese text only where an English twin sits beside it:
 * - in a catalogue (`defineMessages(vi, en)`, a `*messages.ts` file, i18n.ts);
 * - in an inline pair `{ vi: '…', en: '…' }`;
 * - in a branch on the page's language (`lang === 'vi' ? '…' : '…'`);
 * - as the key of a table from Vietnamese to English (server text translated).
 * Anything else must be listed below with the reason it is data, not UI text.
 */
const WEB = join(import.meta.dirname, '../../web/src');
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/** Vietnamese literals that are data a user types or sees as such, in either language. */
const DATA: { file: string; text: string; why: string }[] = [
  {
    file: 'modules/admissions/CampaignExtras.tsx',
    text: 'Điều 14 khoản 1 điểm b',
    why: 'an example line of the direct-admission list, whose basis is cited in Vietnamese',
  },
  {
    file: 'modules/indicators/PlanDialog.tsx',
    text: 'Kế hoạch phát triển giáo dục',
    why: 'an example plan name: plans are named in Vietnamese by the People’s Committee',
  },
  {
    file: 'modules/indicators/PlanImportDialog.tsx',
    text: 'Kế hoạch phát triển giáo dục',
    why: 'an example plan name, as above',
  },
  {
    file: 'modules/indicators/BudgetDialog.tsx',
    text: 'Quyết toán ngân sách địa phương',
    why: 'an example source of the budget figures: the province’s settlement, named in Vietnamese',
  },
  {
    file: 'modules/office/ComposeForm.tsx',
    text: 'Giám đốc',
    why: 'the signer’s title printed on a Vietnamese official document (Decree 30)',
  },
  {
    file: 'modules/office/IncomingForms.tsx',
    text: '1234/BGDĐT-GDPT',
    why: 'an example document number (số ký hiệu), written as the sender writes it',
  },
  {
    file: 'modules/office/SettingsTab.tsx',
    text: 'SGDĐT',
    why: 'an example of the department’s abbreviation in document numbers (Decree 30, Annex I)',
  },
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const isCatalogueFile = (file: string) => /(messages|Messages)\.ts$|\/i18n\.ts$/.test(file);

/** Whether the literal at `node` has an English twin beside it (see the rules above). */
function hasTwin(node: ts.Node): boolean {
  // A Vietnamese key of a Vietnamese → English table.
  if (ts.isPropertyAssignment(node.parent) && node.parent.name === node) return true;
  for (let at: ts.Node | undefined = node; at; at = at.parent) {
    if (
      ts.isCallExpression(at) &&
      ts.isIdentifier(at.expression) &&
      at.expression.text === 'defineMessages'
    )
      return true;
    if (ts.isPropertyAssignment(at)) {
      const name = at.name.getText();
      if (name === 'vi' && ts.isObjectLiteralExpression(at.parent)) {
        const keys = at.parent.properties.map((p) => p.name?.getText());
        if (keys.includes('en')) return true;
      }
    }
    if (ts.isConditionalExpression(at) && /[lL]ang\b/.test(at.condition.getText())) return true;
  }
  return false;
}

function untranslated(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const shown = relative(WEB, file);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const literal =
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node);
    if (literal) {
      const value = node.getText();
      if (
        VIETNAMESE.test(value) &&
        !ts.isImportDeclaration(node.parent) &&
        !hasTwin(node) &&
        !DATA.some((d) => d.file === shown && value.includes(d.text))
      ) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${shown}:${line + 1}: ${value.trim().slice(0, 80)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the web pages in English', () => {
  it('hold no Vietnamese text without an English twin', () => {
    const found = sources(WEB)
      .filter((f) => !isCatalogueFile(f))
      .flatMap(untranslated);
    expect(found).toEqual([]);
  });

  it('list as data only literals that are still in the pages', () => {
    for (const d of DATA) {
      const text = readFileSync(join(WEB, d.file), 'utf8');
      expect(text, `${d.file}: ${d.why}`).toContain(d.text);
    }
  });
});
