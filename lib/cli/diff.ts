import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { diffOutputs, isDestructive, renderDiff } from '../review/diff';
import { readStacks, type SynthesizedStack } from '../review/synthesized';
import { defaultSitesDir, projectPackageJson } from './profiles';
import type { Command } from './main';

/** Exit code of `--fail-on destructive` when the review has something in "Needs attention". */
export const EXIT_DESTRUCTIVE = 3;
/** Exit code of a command line that cannot be run (unknown option, missing output directory). */
export const EXIT_USAGE = 2;

/**
 * The synthesis `npm run synth` runs in this library's repository, without removing `cdktf.out`: it
 * writes to `AIF_OUTDIR`.
 */
export const LIBRARY_SYNTH_COMMAND = 'npm run --silent build && node dist/stacks/main.js';

/**
 * How `--base` synthesizes a checkout when `--synth-command` is not given: this library's own build
 * in its repository (a package.json named cdktf-ai-factory with stacks/main.ts), else, in a site
 * repository, `aif synth` of the installed package (the one running now) into `$AIF_OUTDIR`.
 */
export function defaultSynthCommand(root: string, aifMain: string = path.join(__dirname, 'main.js')): string {
  const pkg = projectPackageJson(root);
  if (pkg?.name === 'cdktf-ai-factory' && fs.existsSync(path.join(root, 'stacks', 'main.ts')))
    return LIBRARY_SYNTH_COMMAND;
  // A site repository with an app of its own (constructs besides profiles) synthesizes with it:
  // cdktf's App writes to $CDKTF_OUTDIR, as under the cdktf CLI.
  if (typeof pkg?.scripts?.synth === 'string') return 'CDKTF_OUTDIR="$AIF_OUTDIR" npm run --silent synth';
  return `node ${JSON.stringify(aifMain)} synth --out "$AIF_OUTDIR"`;
}

/**
 * Whether a checkout has anything to synthesize: a package.json with a synth script, or a sites
 * directory. The base of a site repository's first pull request has neither: an empty output.
 */
function hasSites(root: string): boolean {
  return typeof projectPackageJson(root)?.scripts?.synth === 'string' || fs.existsSync(defaultSitesDir(root));
}

export const USAGE = `usage: aif diff <base-out> <head-out> [options]
       aif diff --base <git-ref> [<head-out> | --head-out <dir>] [options]

Compares two synthesized outputs (directories holding stacks/<stack>/cdk.tf.json) and prints the
review as Markdown for a pull-request comment.

options:
  --base <git-ref>         synthesize the base from a temporary git worktree of <git-ref>; the head
                           is <head-out> if given, else the working tree synthesized afresh
  --head-out <dir>         with --base: the head's synthesized output
  --fail-on destructive    exit ${EXIT_DESTRUCTIVE} when "Needs attention" is not empty
  --output <file>          write the Markdown to <file> instead of standard output
  --max-lines <n>          lines of "Everything else" per stack before the rest is counted (200)
  --json                   the review as JSON (needs attention, tenants, totals, stacks) instead of Markdown
  --synth-command <cmd>    how --base synthesizes a checkout, run by sh with AIF_OUTDIR and
                           AIF_PROJECT_ROOT set (default: aif synth --out "$AIF_OUTDIR";
                           in the library's own repository: ${LIBRARY_SYNTH_COMMAND})
  -h, --help               print this help

exit codes: 0 reviewed; ${EXIT_DESTRUCTIVE} destructive (with --fail-on destructive); ${EXIT_USAGE} usage error; 1 synthesis failed
`;

class UsageError extends Error {}

interface Options {
  readonly base?: string;
  readonly baseOut?: string;
  readonly headOut?: string;
  readonly failOnDestructive: boolean;
  readonly output?: string;
  readonly maxLines?: number;
  readonly synthCommand: string;
  /** The review as JSON (the `OutputDiff`), for scripts, instead of Markdown. */
  readonly json: boolean;
}

function parse(args: readonly string[]): Options | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        base: { type: 'string' },
        'head-out': { type: 'string' },
        'fail-on': { type: 'string' },
        output: { type: 'string' },
        'max-lines': { type: 'string' },
        'synth-command': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    // node's messages name the option; the first line is enough.
    throw new UsageError(String((e as Error).message).split('\n')[0]);
  }
  const { values: v, positionals: p } = parsed;
  if (v.help) return 'help';
  if (v['fail-on'] !== undefined && v['fail-on'] !== 'destructive')
    throw new UsageError(`--fail-on takes 'destructive', not '${v['fail-on']}'`);
  const maxLines = v['max-lines'] === undefined ? undefined : Number(v['max-lines']);
  if (maxLines !== undefined && !(Number.isInteger(maxLines) && maxLines > 0))
    throw new UsageError(`--max-lines takes a positive whole number, not '${v['max-lines']}'`);
  const common = {
    failOnDestructive: v['fail-on'] === 'destructive',
    output: v.output,
    maxLines,
    synthCommand: v['synth-command'] ?? '',
    json: v.json === true,
  };
  if (v.base !== undefined) {
    if (p.length > 1 || (p.length === 1 && v['head-out'] !== undefined))
      throw new UsageError('with --base, give at most one head output (<head-out> or --head-out)');
    return { ...common, base: v.base, headOut: v['head-out'] ?? p[0] };
  }
  if (v['head-out'] !== undefined) throw new UsageError('--head-out needs --base <git-ref>');
  if (p.length !== 2)
    throw new UsageError(`expected <base-out> <head-out>, got ${p.length} argument(s); see aif diff --help`);
  return { ...common, baseOut: p[0], headOut: p[1] };
}

function read(outdir: string): SynthesizedStack[] {
  if (!fs.existsSync(path.join(outdir, 'stacks')))
    throw new UsageError(`no synthesized stacks in ${outdir} (expected ${path.join(outdir, 'stacks')})`);
  return readStacks(outdir);
}

/**
 * Runs the synthesis in `cwd` into `outdir`, saying so on stderr first; what it prints stays out of
 * the review, and on failure the command and its last lines of output are shown with the error.
 */
function synthesize(cwd: string, outdir: string, command: string, projectRoot: string, what: string): void {
  process.stderr.write(`aif diff: synthesizing ${what}…\n`);
  const result = spawnSync('sh', ['-c', command], {
    cwd,
    env: { ...process.env, AIF_OUTDIR: outdir, AIF_PROJECT_ROOT: projectRoot },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trimEnd().split('\n').slice(-40);
    throw new Error(
      `synthesizing ${what} failed (${result.error?.message ?? `exit ${result.status}`})\n` +
        `  command (in ${cwd}): ${command}\n` +
        (output.join('') === '' ? '  (it printed nothing)' : output.map((l) => `  | ${l}`).join('\n')) +
        (output.some((l) => /\[[A-Z_]+\]/.test(l))
          ? `\n  Fix: correct what ${what} reports above`
          : '\n  Fix: make that command synthesize into $AIF_OUTDIR, or name another with --synth-command'),
    );
  }
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/**
 * The base synthesized from a temporary worktree of `ref`, and the head from `headOut` or the working
 * tree. Both sides get the real project root as AIF_PROJECT_ROOT, so that absolute state paths are
 * the same on both sides and only real changes show. The worktree goes, whatever happens.
 */
function synthesizeBoth(o: Options): { base: SynthesizedStack[]; head: SynthesizedStack[] } {
  let root: string;
  try {
    root = git(process.cwd(), 'rev-parse', '--show-toplevel');
  } catch {
    throw new UsageError(`--base needs a git checkout; ${process.cwd()} is not in one`);
  }
  try {
    git(root, 'rev-parse', '--verify', '--quiet', `${o.base}^{commit}`);
  } catch {
    throw new UsageError(`--base: '${o.base}' is not a commit in ${root}`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-diff-'));
  const worktree = path.join(tmp, 'base');
  try {
    git(root, 'worktree', 'add', '--detach', worktree, o.base!);
    // The base builds with the project's dependencies: a second `npm ci` would take minutes.
    if (fs.existsSync(path.join(root, 'node_modules')))
      fs.symlinkSync(path.join(root, 'node_modules'), path.join(worktree, 'node_modules'), 'dir');
    const command = o.synthCommand || defaultSynthCommand(root);
    let base: SynthesizedStack[] = [];
    if (o.synthCommand || hasSites(worktree)) {
      synthesize(worktree, path.join(tmp, 'base-out'), command, root, `the base (${o.base!})`);
      base = readStacks(path.join(tmp, 'base-out'));
    } else {
      process.stderr.write(`aif diff: the base (${o.base!}) has no sites yet: everything is new\n`);
    }
    if (o.headOut) return { base, head: read(o.headOut) };
    synthesize(root, path.join(tmp, 'head-out'), command, root, 'the head (the working tree)');
    return { base, head: readStacks(path.join(tmp, 'head-out')) };
  } finally {
    try {
      git(root, 'worktree', 'remove', '--force', worktree);
    } catch {
      // Never created, or already gone: prune forgets it either way.
    }
    git(root, 'worktree', 'prune');
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** `aif diff`: the infrastructure review of a change, for its pull request. */
export const command: Command = {
  summary: 'review two synthesized outputs (or --base <git-ref>) as Markdown for a pull request',
  run(args) {
    let options: Options | 'help';
    let sides: { base: SynthesizedStack[]; head: SynthesizedStack[] };
    try {
      options = parse(args);
      if (options === 'help') {
        process.stdout.write(USAGE);
        return 0;
      }
      sides = options.base
        ? synthesizeBoth(options)
        : { base: read(options.baseOut!), head: read(options.headOut!) };
    } catch (e) {
      const usage = e instanceof UsageError;
      process.stderr.write(`aif diff: ${(e as Error).message}\n`);
      return usage ? EXIT_USAGE : 1;
    }
    const diff = diffOutputs(sides.base, sides.head);
    const text = options.json
      ? `${JSON.stringify({ destructive: isDestructive(diff), ...diff }, null, 2)}\n`
      : renderDiff(diff, { maxLines: options.maxLines });
    if (options.output) fs.writeFileSync(options.output, text);
    else process.stdout.write(text);
    return options.failOnDestructive && isDestructive(diff) ? EXIT_DESTRUCTIVE : 0;
  },
};
