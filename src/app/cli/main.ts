import { Command, CommanderError } from 'commander';
import { controlCharIn, controlCharMessage } from '../../lib/control-chars.ts';
import { MODULES } from '../modules.ts';
import { registerDatabaseCommands } from './database.ts';
import { helpLanguage, localiseHelp } from './help-language.ts';
import { registerServeCommand } from './serve.ts';

/**
 * The `sogd` command line. Every command works on the same database as the
 * server: DATABASE_URL (PostgreSQL) or DATA_DIR (embedded PGlite, default ./data).
 * Exit codes: 0 success, 1 rejected input (e.g. bad rows), 2 unreadable input or usage.
 */
const { lang, argv } = helpLanguage(process.argv);
const program = new Command('sogd')
  .description('Nền tảng số ngành Giáo dục và Đào tạo — dòng lệnh')
  // Read (and taken out) by helpLanguage before parsing; listed here for the help.
  .option('--lang <vi|en>', 'ngôn ngữ của trợ giúp: vi (mặc định) hoặc en')
  .showHelpAfterError()
  .exitOverride();

// Names and codes given on the command line reach the database as the API's
// fields do: a control character is refused the same way (exit 2, usage).
program.hook('preAction', (_program, action) => {
  const flags = new Map(action.options.map((o) => [o.attributeName(), o.long ?? o.name()]));
  const given: [string, unknown][] = [
    ...action.registeredArguments.map((a, i): [string, unknown] => [
      `<${a.name()}>`,
      action.processedArgs[i],
    ]),
    ...Object.entries(action.opts()).map(([key, value]): [string, unknown] => [
      flags.get(key) ?? key,
      value,
    ]),
  ];
  for (const [name, value] of given)
    for (const text of [value].flat()) {
      const code = typeof text === 'string' ? controlCharIn(text) : null;
      if (!code) continue;
      const message = `Tham số ${name} ${controlCharMessage(code)}: hãy gõ lại giá trị này.`;
      console.error(message);
      throw new CommanderError(2, 'sogd.controlChar', message);
    }
});

registerServeCommand(program);
registerDatabaseCommands(program);
for (const module of MODULES) module.commands?.(program);
// The English texts are loaded only when asked for: `sogd --help` stays light.
localiseHelp(program, lang, lang === 'en' ? (await import('./help-en.ts')).HELP_EN : {});

try {
  await program.parseAsync(argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = process.exitCode && process.exitCode !== 0 ? process.exitCode : 1;
  }
}
