import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { command, defaultSynthCommand, LIBRARY_SYNTH_COMMAND, USAGE } from '../../lib/cli/diff';
import { main } from '../../lib/cli/main';
import { demoOutput, writeOutput, type FixtureTenant } from '../diff-fixtures';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-diff-cli-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** A base and a head output in fresh directories; returns their paths. */
function pair(
  base: readonly FixtureTenant[],
  head: readonly FixtureTenant[],
  headKueue?: string,
): [string, string] {
  n += 1;
  return [
    writeOutput(path.join(tmp, `${n}-base`), demoOutput(base)),
    writeOutput(path.join(tmp, `${n}-head`), demoOutput(head, headKueue)),
  ];
}

/** Runs `aif diff` in-process; returns exit code, stdout and stderr. */
async function run(args: string[], viaMain = false): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await (viaMain ? main(['diff', ...args]) : command.run(args));
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const ALPHA = { name: 'alpha', gpus: 8 };
const BETA = { name: 'beta', gpus: 4 };

describe('aif diff', () => {
  it('prints its options with --help', async () => {
    expect(await run(['--help'])).toEqual({ code: 0, out: USAGE, err: '' });
    expect(USAGE).toContain('--fail-on destructive    exit 3');
  });

  it.each([
    [[], 'expected <base-out> <head-out>, got 0 argument(s); see aif diff --help'],
    [['--fail-on', 'everything', 'a', 'b'], "--fail-on takes 'destructive', not 'everything'"],
    [['--max-lines', '0', 'a', 'b'], "--max-lines takes a positive whole number, not '0'"],
    [['--head-out', 'a', 'b', 'c'], '--head-out needs --base <git-ref>'],
    [['--base', 'HEAD', 'a', 'b'], 'with --base, give at most one head output (<head-out> or --head-out)'],
    [
      ['/nonexistent/base', '/nonexistent/head'],
      'no synthesized stacks in /nonexistent/base (expected /nonexistent/base/stacks)',
    ],
  ])('exits 2 with one line for %j', async (args, message) => {
    expect(await run(args)).toEqual({ code: 2, out: '', err: `aif diff: ${message}\n` });
  });

  it('exits 2 naming an unknown option', async () => {
    const r = await run(['--colour', 'a', 'b']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^aif diff: Unknown option '--colour'.*\n$/);
  });

  it('exits 0 with --fail-on destructive for a raised quota and prints the tenant row', async () => {
    const [base, head] = pair([ALPHA, BETA], [{ ...ALPHA, gpus: 12 }, BETA]);
    const r = await run(['--fail-on', 'destructive', base, head]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('\n| alpha | changed | nvidia.com/gpu 8 → 12 | 128 → 192 | – |\n');
    expect(r.out).toContain(
      '\nHeld at demo (GPU units granted per pool, CPU and storage quotas; retired tenants and ended allocations hold no GPUs): h100 nvidia.com/gpu 12 → 16 of 32; cpu 192 → 256.\n',
    );
  });

  it('exits 3 with --fail-on destructive when a tenant is removed without retirement, 0 without it', async () => {
    const [base, head] = pair([ALPHA, BETA], [BETA]);
    const strict = await run(['--fail-on', 'destructive', base, head]);
    expect(strict.code).toBe(3);
    expect(strict.out.split('\n').filter((l) => l.startsWith('- **'))).toEqual([
      '- **deleted** `demo-tenants` `kubernetes_namespace_v1.tenant_alpha_namespace`: Terraform destroys namespace `alpha` and all data in it. Tenants: alpha.',
      '- **removed without retirement** `demo-tenants` `tenant alpha`: tenant `alpha` disappears without having been retired first. Tenants: alpha.',
    ]);
    expect(await run([base, head])).toEqual({ code: 0, out: strict.out, err: '' });
  });

  it('exits 0 with --fail-on destructive when a tenant is retired', async () => {
    const [base, head] = pair([ALPHA, BETA], [{ ...ALPHA, retired: true }, BETA]);
    const r = await run(['--fail-on', 'destructive', base, head]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('\n| alpha | retired | nvidia.com/gpu 8 → 0 | 128 → 0 | – |\n');
  });

  it('writes the review to --output and exits 3 for a chart upgrade, dispatched by aif main', async () => {
    const [base, head] = pair([ALPHA], [ALPHA], '0.20.0');
    const file = path.join(tmp, 'review.md');
    const r = await run([base, head, '--output', file, '--fail-on=destructive'], true);
    expect(r).toEqual({ code: 3, out: '', err: '' });
    expect(fs.readFileSync(file, 'utf8')).toContain(
      '\n- **chart version** `demo-platform` `helm_release.helm_kueue-system_kueue`: kueue 0.19.2 → 0.20.0. Tenants: alpha.\n',
    );
  });

  it('prints the review as JSON with --json (issue 17, item 12)', async () => {
    const [base, head] = pair([ALPHA, BETA], [BETA]);
    const r = await run([base, head, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      destructive: boolean;
      attention: Array<{ what: string }>;
      tenants: unknown[];
    };
    expect(json.destructive).toBe(true);
    expect(json.attention.map((a) => a.what)).toContain('removed without retirement');
  });

  describe('--base <git-ref>', () => {
    /**
     * A throwaway repository whose "synthesis" (a stand-in for `npm run build && node
     * dist/stacks/main.js`) writes the stacks of `stacks.json` to AIF_OUTDIR, with a state path under
     * AIF_PROJECT_ROOT, and refuses to run without the symlinked node_modules.
     */
    let repo: string;
    const SYNTH = `
const fs = require('fs'), path = require('path');
if (!fs.existsSync('node_modules')) throw new Error('node_modules not linked');
const stacks = JSON.parse(fs.readFileSync('stacks.json', 'utf8'));
for (const [name, json] of Object.entries(stacks)) {
  json.terraform = { backend: { local: { path: path.join(process.env.AIF_PROJECT_ROOT, name + '.tfstate') } } };
  fs.mkdirSync(path.join(process.env.AIF_OUTDIR, 'stacks', name), { recursive: true });
  fs.writeFileSync(path.join(process.env.AIF_OUTDIR, 'stacks', name, 'cdk.tf.json'), JSON.stringify(json));
}
`;
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
    let cwd: string;
    beforeAll(() => {
      repo = fs.mkdtempSync(path.join(tmp, 'repo-'));
      git('init', '-q', '-b', 'main');
      fs.writeFileSync(path.join(repo, 'synth.js'), SYNTH);
      fs.writeFileSync(path.join(repo, '.gitignore'), 'node_modules/\n');
      fs.mkdirSync(path.join(repo, 'node_modules'));
      fs.writeFileSync(path.join(repo, 'stacks.json'), JSON.stringify(demoOutput([ALPHA, BETA])));
      git('add', '.');
      git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'base');
      // The working tree drops alpha without retiring it.
      fs.writeFileSync(path.join(repo, 'stacks.json'), JSON.stringify(demoOutput([BETA])));
      cwd = process.cwd();
      process.chdir(repo);
    });
    afterAll(() => process.chdir(cwd));

    /** The command's temporary directories (`aif-diff-*`, not this test's `aif-diff-cli-*`). */
    const leftovers = () =>
      fs.readdirSync(os.tmpdir()).filter((d) => d.startsWith('aif-diff-') && !d.startsWith('aif-diff-cli-'));
    const worktrees = () => git('worktree', 'list').trim().split('\n').length;

    it('synthesizes HEAD in a temporary worktree and the working tree, then removes the worktree', async () => {
      const r = await run(['--base', 'HEAD', '--fail-on', 'destructive', '--synth-command', 'node synth.js']);
      expect(r.code).toBe(3);
      expect(r.out).toContain('`tenant alpha`: tenant `alpha` disappears without having been retired first');
      // Both sides were given the same project root: the state paths match and do not show.
      expect(r.out).not.toContain('terraform.backend');
      expect(worktrees()).toBe(1);
    });

    it('removes the worktree when the synthesis fails, and exits 1', async () => {
      const before = leftovers();
      const r = await run(['--base', 'HEAD', '--synth-command', 'echo "no such script: build" >&2; exit 7']);
      // The command and what it printed come with the failure (issue 17, item 8).
      expect([r.code, r.out]).toEqual([1, '']);
      expect(r.err).toMatch(
        /^aif diff: synthesizing the base \(HEAD\)…\naif diff: synthesizing the base \(HEAD\) failed \(exit 7\)\n {2}command \(in .*\): echo "no such script: build" >&2; exit 7\n {2}\| no such script: build\n {2}Fix: /,
      );
      expect(worktrees()).toBe(1);
      expect(leftovers()).toEqual(before);
    });

    it('synthesizes with aif synth in a site repository, with this library build in its own', () => {
      expect(defaultSynthCommand(repo, '/x/aif/main.js')).toBe(
        'node "/x/aif/main.js" synth --out "$AIF_OUTDIR"',
      );
      expect(defaultSynthCommand(path.join(__dirname, '..', '..'))).toBe(LIBRARY_SYNTH_COMMAND);
      // A site repository with an app of its own synthesizes with it (cdktf writes to $CDKTF_OUTDIR).
      const own = fs.mkdtempSync(path.join(tmp, 'own-app-'));
      fs.writeFileSync(
        path.join(own, 'package.json'),
        JSON.stringify({ scripts: { synth: 'node dist/main.js' } }),
      );
      expect(defaultSynthCommand(own)).toBe('CDKTF_OUTDIR="$AIF_OUTDIR" npm run --silent synth');
    });

    it('exits 2 for a ref that is not a commit', async () => {
      expect(await run(['--base', 'no-such-ref'])).toEqual({
        code: 2,
        out: '',
        err: `aif diff: --base: 'no-such-ref' is not a commit in ${fs.realpathSync(repo)}\n`,
      });
    });
  });
});
