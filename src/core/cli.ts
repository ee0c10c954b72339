import { InvalidArgumentError, type Command } from 'commander';
import cliProgress from 'cli-progress';

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('cần một số nguyên dương.');
  return n;
}

/** A progress bar on stderr per phase; silent when stderr is not a terminal except for phase lines. */
export function progressReporter(): {
  update: (phase: string, done: number, total: number) => void;
  stop: () => void;
} {
  let bar: cliProgress.SingleBar | null = null;
  let current = '';
  const tty = process.stderr.isTTY;
  return {
    update(phase, done, total) {
      if (phase !== current) {
        bar?.stop();
        current = phase;
        if (tty) {
          bar = new cliProgress.SingleBar(
            {
              format: `${phase.padEnd(18)} [{bar}] {percentage}% {value}/{total}`,
              stream: process.stderr,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(total, done);
        } else {
          process.stderr.write(`${phase}: ${total}\n`);
        }
      }
      bar?.update(done);
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}

/** The `import` / `export` group commands, shared by every module that adds a kind. */
export function commandGroup(program: Command, name: string, description: string): Command {
  return (
    program.commands.find((c) => c.name() === name) ??
    program.command(name).description(description)
  );
}

/** Prints row errors as Vietnamese lines on stderr: "Dòng 5, cột Ngày sinh: …". */
export function printRowErrors(
  errors: { row: number; column: string | null; message: string }[],
): void {
  for (const e of errors.slice(0, 500))
    console.error(`Dòng ${e.row}${e.column ? `, cột ${e.column}` : ''}: ${e.message}`);
  if (errors.length > 500) console.error(`… và ${errors.length - 500} lỗi khác.`);
}
