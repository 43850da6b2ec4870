import { transformFileSync } from '@swc/core';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { demoOutput, writeOutput, type FixtureTenant } from '../diff-fixtures';

const root = path.join(__dirname, '..', '..');
const SCRIPT = path.join(root, 'examples', 'ci', 'aif-review.sh');

/**
 * Stand-ins on PATH that record their arguments (one line per call in calls.log): `npm` does
 * nothing (the outputs are prepared), `gh` and `curl` answer the comment lookup with the comment
 * once one was created (`created` in the state directory), as GitHub and GitLab would.
 */
const STUBS: Record<string, string> = {
  npm: `echo "npm $* (in $PWD, AIF_PROJECT_ROOT=$AIF_PROJECT_ROOT)" >> "$STUB_DIR/calls.log"`,
  gh: `echo "gh $*" >> "$STUB_DIR/calls.log"
case "$*" in
  *"-X POST"*) touch "$STUB_DIR/created" ;;
  *"-X PATCH"*) ;;
  *) if [ -f "$STUB_DIR/created" ]; then echo 42; fi ;;
esac
for a in "$@"; do case "$a" in body=@*) cp "\${a#body=@}" "$STUB_DIR/body.md" ;; esac; done`,
  curl: `echo "curl $*" >> "$STUB_DIR/calls.log"
case "$*" in
  *"-X POST"*) touch "$STUB_DIR/created" ;;
  *"-X PUT"*) ;;
  *) if [ -f "$STUB_DIR/created" ]; then printf '%s' '[{"id":1,"body":"hello"},{"id":7,"body":"<!-- aif-diff -->\\nold"}]'; else echo '[]'; fi ;;
esac
for a in "$@"; do case "$a" in body@*) cp "\${a#body@}" "$STUB_DIR/body.md" ;; esac; done`,
};

let tmp: string;
let cli: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-ci-'));
  // The script runs the built CLI: build lib/ with swc (what jest uses), not tsc, in a second or two.
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const file of walk(path.join(root, 'lib')).filter((f) => f.endsWith('.ts'))) {
    const out = path.join(tmp, 'dist', path.relative(root, file)).replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const { code } = transformFileSync(file, {
      jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
      module: { type: 'commonjs' },
    });
    fs.writeFileSync(out, code);
  }
  cli = `NODE_PATH="${path.join(root, 'node_modules')}" node "${path.join(tmp, 'dist', 'lib', 'cli', 'main.js')}"`;
  fs.mkdirSync(path.join(tmp, 'bin'));
  for (const [name, body] of Object.entries(STUBS)) {
    fs.writeFileSync(path.join(tmp, 'bin', name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  }
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** A request: base and head checkouts with their outputs, and a state directory for the stand-ins. */
function request(
  base: readonly FixtureTenant[],
  head: readonly FixtureTenant[],
  kind: 'library' | 'site' = 'library',
) {
  n += 1;
  const dir = path.join(tmp, `request-${n}`);
  writeOutput(path.join(dir, 'base', 'cdktf.out'), demoOutput(base));
  writeOutput(path.join(dir, 'head', 'cdktf.out'), demoOutput(head));
  for (const side of ['base', 'head']) {
    // The library's repository has a synth script; a site repository may have only the package,
    // whose aif (a stand-in here that records `synth` and runs the real `diff`) synthesizes it.
    fs.writeFileSync(
      path.join(dir, side, 'package.json'),
      JSON.stringify(
        kind === 'library' ? { scripts: { synth: 'node dist/stacks/main.js' } } : { name: 'site' },
      ),
    );
    if (kind === 'site') {
      fs.mkdirSync(path.join(dir, side, 'node_modules', '.bin'), { recursive: true });
      fs.writeFileSync(
        path.join(dir, side, 'node_modules', '.bin', 'aif'),
        `#!/bin/sh\nif [ "$1" = synth ]; then echo "aif $* (in $PWD, AIF_PROJECT_ROOT=$AIF_PROJECT_ROOT)" >> "$STUB_DIR/calls.log"; exit 0; fi\n${cli} "$@"\n`,
        { mode: 0o755 },
      );
    }
  }
  fs.mkdirSync(path.join(dir, 'stub'));
  return {
    dir,
    calls: () =>
      fs
        .readFileSync(path.join(dir, 'stub', 'calls.log'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(dir).join('<req>')),
    body: () => fs.readFileSync(path.join(dir, 'stub', 'body.md'), 'utf8'),
    /** Runs the script for one push; clears the call log first. */
    push(platform: string, labels = '', env: Record<string, string | undefined> = {}) {
      fs.rmSync(path.join(dir, 'stub', 'calls.log'), { force: true });
      // A variable set to undefined is left out (spawnSync would pass the word 'undefined').
      const ownCli = 'AIF_CLI' in env;
      for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
      return spawnSync('bash', [SCRIPT, platform], {
        cwd: dir,
        encoding: 'utf8',
        env: {
          PATH: `${path.join(tmp, 'bin')}:${process.env.PATH}`,
          HOME: dir,
          STUB_DIR: path.join(dir, 'stub'),
          ...(ownCli ? {} : { AIF_CLI: cli }),
          AIF_BASE_DIR: 'base',
          AIF_HEAD_DIR: 'head',
          AIF_LABELS: labels,
          GITHUB_REPOSITORY: 'example/site',
          AIF_PR_NUMBER: '17',
          CI_API_V4_URL: 'https://gitlab.example.org/api/v4',
          CI_PROJECT_ID: '5',
          CI_MERGE_REQUEST_IID: '9',
          AIF_GITLAB_TOKEN: 'glpat-test',
          ...env,
        } as NodeJS.ProcessEnv,
      });
    },
  };
}

const ALPHA = { name: 'alpha', gpus: 8 };
const BETA = { name: 'beta', gpus: 4 };

describe('examples/ci/aif-review.sh', () => {
  it('on GitHub: synthesizes both sides, creates one comment, updates it on the next push, exits 3', () => {
    const r = request([ALPHA, BETA], [BETA]);
    const first = r.push('github');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(3);
    expect(r.calls()).toEqual([
      'npm ci --no-audit --no-fund (in <req>/base, AIF_PROJECT_ROOT=)',
      'npm run synth (in <req>/base, AIF_PROJECT_ROOT=<req>/head)',
      'npm ci --no-audit --no-fund (in <req>/head, AIF_PROJECT_ROOT=)',
      'npm run synth (in <req>/head, AIF_PROJECT_ROOT=<req>/head)',
      'gh api repos/example/site/issues/17/comments --paginate --jq .[] | select(.body | startswith("<!-- aif-diff -->")) | .id',
      expect.stringMatching(/^gh api -X POST repos\/example\/site\/issues\/17\/comments -F body=@\S+$/),
    ]);
    const body = r.body();
    expect(body.split('\n').slice(0, 2)).toEqual([
      '<!-- aif-diff -->',
      '## Infrastructure review (`aif diff`)',
    ]);
    expect(body).toContain('### Needs attention (2)');
    expect(body.trimEnd().split('\n').at(-1)).toBe(
      '> This check fails until the changes under **Needs attention** are undone or acknowledged with the label `aif/destructive-ok`.',
    );

    const second = r.push('github');
    expect(second.status).toBe(3);
    expect(r.calls().slice(-2)).toEqual([
      'gh api repos/example/site/issues/17/comments --paginate --jq .[] | select(.body | startswith("<!-- aif-diff -->")) | .id',
      expect.stringMatching(/^gh api -X PATCH repos\/example\/site\/issues\/comments\/42 -F body=@\S+$/),
    ]);
  });

  it('on GitHub: exits 0 for destructive changes when the request has the acknowledging label', () => {
    const r = request([ALPHA, BETA], [BETA]);
    const run = r.push('github', 'infra,aif/destructive-ok');
    expect(run.status).toBe(0);
    expect(r.body().trimEnd().split('\n').at(-1)).toBe(
      '> Destructive changes acknowledged with the label `aif/destructive-ok`.',
    );
  });

  it('exits 0 without a label when nothing needs attention', () => {
    const r = request([ALPHA], [ALPHA, BETA]);
    expect(r.push('github').status).toBe(0);
    expect(r.body()).toContain('| beta | added | nvidia.com/gpu – → 4 | – → 64 | – |');
    expect(r.body()).not.toContain('> ');
  });

  it('on GitLab: creates one merge-request note with the project token, then updates it', () => {
    const r = request([ALPHA, BETA], [BETA]);
    const notes = 'https://gitlab.example.org/api/v4/projects/5/merge_requests/9/notes';
    expect(r.push('gitlab').status).toBe(3);
    expect(r.calls().slice(-2)).toEqual([
      `curl -fsS --header PRIVATE-TOKEN: glpat-test ${notes}?per_page=100&sort=asc`,
      expect.stringMatching(
        new RegExp(
          `^curl -fsS -X POST --header PRIVATE-TOKEN: glpat-test --data-urlencode body@\\S+ ${notes}$`,
        ),
      ),
    ]);
    expect(r.push('gitlab', 'aif/destructive-ok').status).toBe(0);
    expect(r.calls().at(-1)).toMatch(
      new RegExp(
        `^curl -fsS -X PUT --header PRIVATE-TOKEN: glpat-test --data-urlencode body@\\S+ ${notes}/7$`,
      ),
    );
  });

  it('cuts a review longer than a comment may be at a line, and keeps the verdict', () => {
    const r = request([ALPHA, BETA], [BETA]);
    expect(r.push('github', '', { AIF_COMMENT_LIMIT: '300' }).status).toBe(3);
    const lines = r.body().trimEnd().split('\n');
    const review = fs.readFileSync(path.join(r.dir, 'aif-review.md'), 'utf8');
    const kept = lines.slice(
      1,
      lines.indexOf("… cut here: the full review is aif-review.md in the job's artifacts."),
    );
    expect(kept.length).toBeGreaterThan(3);
    // Whole lines of the review, then a blank line and the note.
    expect(kept.at(-1)).toBe('');
    expect(review.startsWith(kept.join('\n'))).toBe(true);
    expect(kept.join('\n').length).toBeLessThanOrEqual(300);
    expect(lines.at(-1)).toMatch(/^> This check fails until/);
  });

  it("in a site repository: synthesizes with each side's installed aif, and judges with the base's (issue 17, item 9)", () => {
    const r = request([ALPHA, BETA], [BETA], 'site');
    const run = r.push('github', '', { AIF_CLI: undefined });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(3);
    expect(r.calls().slice(0, 4)).toEqual([
      'npm ci --no-audit --no-fund (in <req>/base, AIF_PROJECT_ROOT=)',
      'aif synth (in <req>/base, AIF_PROJECT_ROOT=<req>/head)',
      'npm ci --no-audit --no-fund (in <req>/head, AIF_PROJECT_ROOT=)',
      'aif synth (in <req>/head, AIF_PROJECT_ROOT=<req>/head)',
    ]);
    expect(r.body()).toContain('### Needs attention (2)');
  });

  it('closes a <details> that the cut leaves open, so that the verdict is not folded away', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ name: `t${i}`, gpus: 1 }));
    const r = request(many, []);
    const review = () => fs.readFileSync(path.join(r.dir, 'aif-review.md'), 'utf8');
    expect(r.push('github').status).toBe(3);
    const full = review();
    expect(full).toContain('<details>');
    // Cut a few lines after the list opens.
    const limit = full.indexOf('<details>') + 200;
    expect(r.push('github', '', { AIF_COMMENT_LIMIT: String(limit) }).status).toBe(3);
    const body = r.body();
    expect(body.indexOf('</details>')).toBeGreaterThan(body.indexOf('<details>'));
    expect(body.indexOf('</details>')).toBeLessThan(body.indexOf('… cut here'));
    expect(body.trimEnd().split('\n').at(-1)).toMatch(/^> This check fails until/);
  });

  it('exits 2 for an unknown platform before running anything', () => {
    const r = request([ALPHA], [ALPHA]);
    const run = r.push('bitbucket');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('usage: aif-review.sh github|gitlab\n');
    expect(fs.existsSync(path.join(r.dir, 'stub', 'calls.log'))).toBe(false);
  });
});

describe('CI examples', () => {
  const load = (file: string) => parse(fs.readFileSync(path.join(root, 'examples', 'ci', file), 'utf8'));

  it('GitHub Actions: checks out base and head, runs the script for github on every push and label', () => {
    const wf = load('github/aif-review.yml');
    expect(wf.on.pull_request.types).toEqual(['opened', 'synchronize', 'reopened', 'labeled', 'unlabeled']);
    expect(wf.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    const steps = wf.jobs.review.steps as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(steps.filter((s) => s.uses === 'actions/checkout@v4').map((s) => s.with)).toEqual([
      { path: 'head' },
      { ref: '${{ github.event.pull_request.base.sha }}', path: 'base' },
    ]);
    const review = steps.find((s) => typeof s.run === 'string' && s.run.includes('aif-review.sh'))!;
    // This library's copy of the script, or the one the base's installed package ships.
    expect(review.run).toContain('script=base/examples/ci/aif-review.sh\n');
    expect(review.run).toContain('script=base/node_modules/cdktf-ai-factory/examples/ci/aif-review.sh\n');
    expect(review.run.trimEnd().split('\n').at(-1)).toBe('bash "$script" github');
    expect(review.env).toMatchObject({ AIF_BASE_DIR: 'base', AIF_HEAD_DIR: 'head' });
    expect(review.env.AIF_LABELS).toContain('github.event.pull_request.labels');
  });

  it('GitLab CI: a merge-request job that runs the script for gitlab from a base worktree', () => {
    const job = load('gitlab/aif-review.gitlab-ci.yml')['aif-review'];
    expect(job.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(job.script[0]).toBe('git worktree add --detach "$AIF_BASE_DIR" "$CI_MERGE_REQUEST_DIFF_BASE_SHA"');
    expect(job.script[1]).toContain('node_modules/cdktf-ai-factory/examples/ci/aif-review.sh"\n');
    expect(job.script[1].trimEnd().split('\n').at(-1)).toBe(
      'AIF_LABELS="$CI_MERGE_REQUEST_LABELS" bash "$script" gitlab',
    );
  });
});
