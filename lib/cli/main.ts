#!/usr/bin/env node
/**
 * `aif`: the command-line entry. Each command lives in its own module and is loaded on demand,
 * so `aif validate` never pays for loading cdktf. Every command parses its options with
 * `node:util` parseArgs (lib/cli/args.ts) and has `--help`; docs/cli.md describes them all.
 *
 *   aif validate [--sites <dir>]                 check every site profile, print every problem
 *   aif synth [--sites <dir>] [--out <dir>]      synthesize every site, all or nothing
 *   aif report [--out <dir>] [--format table|markdown|json] [--date YYYY-MM-DD] [--svg-dir <dir>] [--no-svg]
 *   aif verify [--reference <dir>] [--out <dir>] check synthesized output against upstream charts and CRDs
 *   aif check [--out <dir>] [--json] [--failures] hold every tenant namespace against the isolation checks
 *   aif reference pull <dir> [--mirror <url>]    write the pinned charts' values and CRDs with helm
 *   aif charts [--out <dir>] [--site <name>]     charts and images each site needs (from cdktf.out), and how to mirror them
 *   aif diff <base-out> <head-out> | --base <git-ref>
 *                                                review a change as Markdown for its pull request
 *   aif probe [--out <dir>] [--site <name>] [--kubeconfig <file>] [--context <ctx>]
 *                                                ask a live cluster, as each tenant, whether the controls hold
 *
 *   aif --version                                the library's version
 *
 * Exit codes: 0 success, 1 problems found (or a command failed), 2 wrong usage.
 */
import * as fs from 'fs';
import * as path from 'path';

// Where it used to live, for modules that import it from here.
export { defaultSitesDir } from './profiles';

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
  check: () => require('./check').command as Command,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  synth: () => require('./synth-command').command as Command,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  reference: () => require('./reference').command as Command,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  charts: () => require('./charts').command as Command,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  diff: () => require('./diff').command as Command,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  probe: () => require('./probe').command as Command,
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, load]) => `  aif ${name.padEnd(10)} ${load().summary}`);
  return (
    `usage: aif <command> [options]\n\ncommands:\n${lines.join('\n')}\n\n` +
    "'aif <command> --help' lists a command's options; 'aif --version' prints the library's version.\n"
  );
}

/** The library's version, from the nearest package.json above this module that is the library's. */
export function libraryVersion(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'cdktf-ai-factory' && pkg.version) return pkg.version;
    } catch {
      // no package.json here
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--version' || name === '-V') {
    process.stdout.write(`${libraryVersion()}\n`);
    return 0;
  }
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

/**
 * Exits once stdout and stderr have taken everything written to them: a pipe (`aif check | less`,
 * a CI step capturing `aif diff`) takes 64 KiB at a time, and `process.exit` would cut the rest.
 */
export function exitWhenFlushed(code: number): void {
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(exitWhenFlushed, (err: unknown) => {
    process.stderr.write(`aif: ${err instanceof Error ? err.message : String(err)}\n`);
    exitWhenFlushed(1);
  });
}
