import { Help, type Command } from 'commander';

export type HelpLang = 'vi' | 'en';

/**
 * The help's language, from `--lang vi|en` anywhere on the command line (taken
 * out before commander parses it) or SOGD_LANG; Vietnamese by default.
 */
export function helpLanguage(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): { lang: HelpLang; argv: string[] } {
  let lang: HelpLang = env.SOGD_LANG === 'en' ? 'en' : 'vi';
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === '--lang' ? argv[++i] : arg.startsWith('--lang=') ? arg.slice(7) : null;
    if (value === null) rest.push(arg);
    else lang = value === 'en' ? 'en' : 'vi';
  }
  return { lang, argv: rest };
}

/** Commander's own headings and notes, in Vietnamese. */
const TITLES_VI: Record<string, string> = {
  'Usage:': 'Cách dùng:',
  'Options:': 'Tuỳ chọn:',
  'Commands:': 'Lệnh:',
  'Arguments:': 'Tham số:',
  'Global Options:': 'Tuỳ chọn chung:',
};
const NOTES_VI: [RegExp, string][] = [
  [/\(default: /g, '(mặc định: '],
  [/choices: /g, 'các giá trị: '],
  [/\bpreset: /g, 'khi không ghi giá trị: '],
  [/env: /g, 'biến môi trường: '],
];
const vi = (text: string) => NOTES_VI.reduce((t, [from, to]) => t.replace(from, to), text);

/**
 * Puts every command of the tree in one language: commander's own words
 * (headings, the help option and command) and, in English, each description
 * from `english` (keyed by its Vietnamese text; a missing one stays Vietnamese).
 */
export function localiseHelp(
  program: Command,
  lang: HelpLang,
  english: Record<string, string> = {},
): void {
  const en = (text: string) => english[text] ?? text;
  const walk = (cmd: Command) => {
    if (lang === 'vi')
      cmd.configureHelp({
        styleTitle: (title: string) => TITLES_VI[title] ?? title,
        optionDescription: (option) =>
          vi(Help.prototype.optionDescription.call(cmd.createHelp(), option)),
        argumentDescription: (argument) =>
          vi(Help.prototype.argumentDescription.call(cmd.createHelp(), argument)),
      });
    else {
      cmd.description(en(cmd.description()));
      for (const option of cmd.options) option.description = en(option.description);
      for (const argument of cmd.registeredArguments)
        argument.description = en(argument.description);
    }
    cmd.helpOption(
      '-h, --help',
      lang === 'vi' ? 'xem trợ giúp của lệnh' : 'display help for command',
    );
    if (cmd.commands.length)
      cmd.helpCommand(
        'help [command]',
        lang === 'vi' ? 'xem trợ giúp của một lệnh' : 'display help for a command',
      );
    cmd.commands.forEach(walk);
  };
  walk(program);
}
