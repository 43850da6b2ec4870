#!/usr/bin/env node
/**
 * `aif`: the command-line entry. Each command lives in its own module and is loaded on demand,
 * so `aif validate` never pays for loading cdktf.
 *
 *   aif validate [--sites <dir>]     check every site profile, print every problem
 *   aif report [--format table|markdown|json] [--date YYYY-MM-DD] [--svg-dir reports]
 *   aif verify --reference <dir> [--out cdktf.out]
 *                                    check synthesized output against upstream charts and CRDs
 *   aif diff <base-out> <head-out> | --base <git-ref>
 *                                    review a change as Markdown for its pull request
 */
import * as path from 'path';

export interface Command {
  readonly summary: string;
  /** Runs the command; resolves to the process exit code. */
  run(args: readonly string[]): Promise<number> | number;
}

const COMMANDS: Record<string, () => Command> = {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  validate: () => require('./validate').command as Command,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  report: () => require('./report').command as Command,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  verify: () => require('./verify').command as Command,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  diff: () => require('./diff').command as Command,
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, load]) => `  aif ${name.padEnd(10)} ${load().summary}`);
  return `usage: aif <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

/** Value of `--name <value>` or `--name=<value>` in args. */
export function option(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === `--${name}`) return args[i + 1];
    if (args[i].startsWith(`--${name}=`)) return args[i].slice(name.length + 3);
  }
  return undefined;
}

/** The compiled site profiles shipped with this repository (`dist/stacks/sites`). */
export function defaultSitesDir(): string {
  return path.resolve(__dirname, '..', '..', 'stacks', 'sites');
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`aif: unknown command '${name}'\n${usage()}`);
    return 2;
  }
  return load().run(args);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`aif: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
