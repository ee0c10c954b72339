import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { MODULES } from '../modules.ts';
import { registerDatabaseCommands } from './database.ts';
import { HELP_EN } from './help-en.ts';
import { helpLanguage, localiseHelp } from './help-language.ts';
import { registerServeCommand } from './serve.ts';

// Issue 13 item 17: the CLI's help in Vietnamese by default, in English with --lang en.
function tree(): Command {
  const program = new Command('sogd')
    .description('Nền tảng số ngành Giáo dục và Đào tạo — dòng lệnh')
    .option('--lang <vi|en>', 'ngôn ngữ của trợ giúp: vi (mặc định) hoặc en');
  registerServeCommand(program);
  registerDatabaseCommands(program);
  for (const module of MODULES) module.commands?.(program);
  return program;
}

function all(program: Command): Command[] {
  return [program, ...program.commands.flatMap(all)];
}
const find = (program: Command, path: string[]) =>
  path.reduce((c, name) => c.commands.find((x) => x.name() === name)!, program);

describe('the sogd help', () => {
  it('takes --lang out of the command line, Vietnamese unless told', () => {
    expect(helpLanguage(['node', 'sogd', 'serve', '--help'], {})).toEqual({
      lang: 'vi',
      argv: ['node', 'sogd', 'serve', '--help'],
    });
    expect(helpLanguage(['node', 'sogd', '--lang', 'en', 'serve', '--help'], {})).toEqual({
      lang: 'en',
      argv: ['node', 'sogd', 'serve', '--help'],
    });
    expect(helpLanguage(['node', 'sogd', 'serve', '--lang=en'], {}).lang).toBe('en');
    expect(helpLanguage(['node', 'sogd'], { SOGD_LANG: 'en' }).lang).toBe('en');
  });

  it('is Vietnamese by default, commander’s own words included', () => {
    const program = tree();
    localiseHelp(program, 'vi');
    const text = find(program, ['import', 'students']).helpInformation();
    expect(text).toContain('Cách dùng:');
    expect(text).toContain('Tuỳ chọn:');
    expect(text).toContain('xem trợ giúp của lệnh');
    expect(text).toMatch(/\(mặc định: "\d{4}-\d{4}"\)/);
    expect(text).not.toMatch(/Usage:|Options:|display help|default:/);
    expect(program.helpInformation()).toContain('Lệnh:');
  });

  it('is English with --lang en, for every command, option and argument', () => {
    const program = tree();
    const missing = all(program).flatMap((c) =>
      [c.description(), ...c.options.map((o) => o.description)]
        .concat(c.registeredArguments.map((a) => a.description))
        .filter((text) => text && !(text in HELP_EN))
        .map((text) => `${c.name()}: ${text}`),
    );
    expect(missing).toEqual([]);
    localiseHelp(program, 'en', HELP_EN);
    const serve = find(program, ['serve']).helpInformation();
    expect(serve).toContain('Usage: sogd serve');
    expect(serve).toContain('Run the web server (API + web UI)');
    expect(serve).toContain('display help for command');
    // No Vietnamese letter is left in any command's help (default values are data: "Giám đốc").
    const vietnamese = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
    const left = all(program)
      .map((c) => c.helpInformation())
      .map((h) => h.replace(/\(default:[^)]*\)/g, '').replace(/SGDĐT|NĐ-CP|QĐ|TTr/g, ''))
      .filter((h) => vietnamese.test(h));
    expect(left).toEqual([]);
  });
});
