import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { carryOverWorkingFiles, committedLockPath, saveLockFiles } from '../../lib/cli/outdir';
import { synthesizeSites } from '../../lib/cli/synth';
import { isInside, projectRoot, stateFilesIn } from '../../lib/platform/state';
import { sampleProfile, type TfJson } from '../helpers';

const repo = path.resolve(__dirname, '..', '..');
const temps: string[] = [];
function tempDir(prefix: string): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(d);
  return d;
}
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Local backend path of every stack of an output, by stack name. */
function backendPaths(outdir: string): Record<string, string> {
  const stacks = fs.readdirSync(path.join(outdir, 'stacks'));
  return Object.fromEntries(
    stacks.map((s) => {
      const json = JSON.parse(
        fs.readFileSync(path.join(outdir, 'stacks', s, 'cdk.tf.json'), 'utf8'),
      ) as TfJson;
      return [s, json.terraform.backend.local.path as string];
    }),
  );
}

/** The environment of a child process, without the project root that test/setup-env.js pins. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: '1', ...extra };
  if (!('AIF_PROJECT_ROOT' in extra)) delete env.AIF_PROJECT_ROOT;
  return env;
}

describe('the project root', () => {
  it('is $AIF_PROJECT_ROOT, else the nearest directory with a cdktf.json, else the working directory', () => {
    const top = tempDir('aif-root-');
    fs.writeFileSync(path.join(top, 'cdktf.json'), '{}');
    const deep = path.join(top, 'stacks', 'sites');
    fs.mkdirSync(deep, { recursive: true });
    expect(projectRoot(deep, {})).toBe(top);
    expect(projectRoot(deep, { AIF_PROJECT_ROOT: '../elsewhere' })).toBe(
      path.join(top, 'stacks', 'elsewhere'),
    );
    const bare = tempDir('aif-bare-');
    expect(projectRoot(bare, {})).toBe(bare);
  });

  it('finds state files anywhere in an output except in .terraform/', () => {
    const out = tempDir('aif-out-');
    fs.mkdirSync(path.join(out, 'stacks', 'a', '.terraform'), { recursive: true });
    fs.writeFileSync(path.join(out, 'stacks', 'a', 'terraform.a.tfstate'), '{}');
    fs.writeFileSync(path.join(out, 'stacks', 'a', 'terraform.a.tfstate.backup'), '{}');
    fs.writeFileSync(path.join(out, 'stacks', 'a', '.terraform', 'terraform.tfstate'), '{}');
    expect(stateFilesIn(out)).toEqual([
      'stacks/a/terraform.a.tfstate',
      'stacks/a/terraform.a.tfstate.backup',
    ]);
  });
});

describe('synthesizeSites and what outlives the output', () => {
  it('refuses to replace an output that holds Terraform state, says where to move it, and keeps it', () => {
    const root = tempDir('aif-proj-');
    const out = path.join(root, 'cdktf.out');
    fs.mkdirSync(path.join(out, 'stacks', 'testsite-tenants'), { recursive: true });
    const state = path.join(out, 'stacks', 'testsite-tenants', 'terraform.testsite-tenants.tfstate');
    fs.writeFileSync(state, '{"version":4}');
    fs.writeFileSync(path.join(out, 'manifest.json'), '{}');
    const result = synthesizeSites([sampleProfile()], out, root);
    // The manifest goes (issue 17, item 1): a deploy finds none of the old stacks.
    expect(fs.existsSync(path.join(out, 'manifest.json'))).toBe(false);
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toContain(
      '[STATE_IN_OUTPUT] stacks/testsite-tenants/terraform.testsite-tenants.tfstate:',
    );
    expect(result.problems[0]).toContain(
      `mkdir -p ${path.relative(process.cwd(), path.join(root, 'state'))} && mv `,
    );
    expect(fs.readFileSync(state, 'utf8')).toBe('{"version":4}');
  });

  it('saves lock files to locks/, copies them into the new output and carries .terraform/ over', () => {
    const root = tempDir('aif-proj-');
    const out = path.join(root, 'cdktf.out');
    expect(synthesizeSites([sampleProfile()], out, root).ok).toBe(true);
    const stackDir = path.join(out, 'stacks', 'testsite-tenants');
    // What `terraform init` leaves behind in a stack's working directory.
    fs.writeFileSync(path.join(stackDir, '.terraform.lock.hcl'), '# lock v1\n');
    fs.mkdirSync(path.join(stackDir, '.terraform', 'providers'), { recursive: true });
    fs.writeFileSync(path.join(stackDir, '.terraform', 'providers', 'marker'), 'downloaded');

    expect(synthesizeSites([sampleProfile()], out, root).ok).toBe(true);
    expect(fs.readFileSync(committedLockPath(root, 'testsite-tenants'), 'utf8')).toBe('# lock v1\n');
    expect(fs.readFileSync(path.join(stackDir, '.terraform.lock.hcl'), 'utf8')).toBe('# lock v1\n');
    expect(fs.readFileSync(path.join(stackDir, '.terraform', 'providers', 'marker'), 'utf8')).toBe(
      'downloaded',
    );
    // A stack that never had one gets none.
    expect(fs.existsSync(path.join(out, 'stacks', 'testsite-platform', '.terraform.lock.hcl'))).toBe(false);

    // A failed synthesis removes the output, but the lock file is already in locks/.
    const bad = synthesizeSites([sampleProfile({ tenants: [], name: 'Bad Name' })], out, root);
    expect(bad.ok).toBe(false);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(committedLockPath(root, 'testsite-tenants'))).toBe(true);
  });

  it('keeps a newer committed lock file (a git pull) over an older one in the output', () => {
    const root = tempDir('aif-proj-');
    const out = path.join(root, 'out');
    const dir = path.join(out, 'stacks', 's');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, '.terraform.lock.hcl'), 'old\n');
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(dir, '.terraform.lock.hcl'), past, past);
    fs.mkdirSync(path.join(root, 'locks'));
    fs.writeFileSync(committedLockPath(root, 's'), 'pulled\n');
    expect(saveLockFiles(out, root)).toEqual([]);
    carryOverWorkingFiles(out, out, root);
    expect(fs.readFileSync(path.join(dir, '.terraform.lock.hcl'), 'utf8')).toBe('pulled\n');
  });
});

describe('state written where the backend points survives re-synthesis every way', () => {
  const root = tempDir('aif-state-');
  const out = path.join(root, 'cdktf.out');
  const env = childEnv({ AIF_PROJECT_ROOT: root, AIF_OUTDIR: out });
  const sentinel = '{"version":4,"serial":7,"lineage":"aif-test"}';
  let statePaths: Record<string, string> = {};

  function expectStateIntact(outdir: string): void {
    const now = backendPaths(outdir);
    expect(now).toEqual(statePaths);
    for (const file of Object.values(now)) {
      expect(path.isAbsolute(file)).toBe(true);
      expect(isInside(file, outdir)).toBe(false);
    }
    expect(fs.readFileSync(statePaths['bologna-tenants'], 'utf8')).toBe(sentinel);
  }

  it('npm run synth: every stack points into <root>/state, outside the output', () => {
    execFileSync('npm', ['run', '--silent', 'synth'], { cwd: repo, env, stdio: 'pipe' });
    statePaths = backendPaths(out);
    expect(Object.keys(statePaths)).toHaveLength(14);
    for (const [stack, file] of Object.entries(statePaths)) {
      expect(file).toBe(path.join(root, 'state', `terraform.${stack}.tfstate`));
    }
    // What `terraform init` and `terraform apply` write.
    fs.mkdirSync(path.join(root, 'state'), { recursive: true });
    fs.writeFileSync(statePaths['bologna-tenants'], sentinel);
    fs.writeFileSync(path.join(out, 'stacks', 'bologna-tenants', '.terraform.lock.hcl'), '# providers\n');
  }, 60_000);

  it('the compiled app run directly', () => {
    execFileSync(process.execPath, [path.join(repo, 'dist', 'stacks', 'main.js')], {
      cwd: repo,
      env,
      stdio: 'pipe',
    });
    expectStateIntact(out);
    expect(fs.readFileSync(path.join(root, 'locks', 'bologna-tenants.terraform.lock.hcl'), 'utf8')).toBe(
      '# providers\n',
    );
    expect(fs.readFileSync(path.join(out, 'stacks', 'bologna-tenants', '.terraform.lock.hcl'), 'utf8')).toBe(
      '# providers\n',
    );
  }, 30_000);

  it('the cdktf CLI, which synthesizes in place and removes stacks that are gone', () => {
    const cliOut = path.join(root, 'cli.out');
    const cdktf = path.join(repo, 'node_modules', '.bin', 'cdktf');
    // The project's own app, as cdktf.json runs it, without its build step: the npm script above
    // has just compiled it (a third compilation would only cost time).
    const cliProject = tempDir('aif-cli-project-');
    const app = `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(repo, 'dist', 'stacks', 'main.js'))}`;
    fs.writeFileSync(path.join(cliProject, 'cdktf.json'), JSON.stringify({ language: 'typescript', app }));
    execFileSync(cdktf, ['synth', '--output', cliOut], { cwd: cliProject, env, stdio: 'pipe' });
    expectStateIntact(cliOut);
    // The lock file saved by the earlier synthesis is copied into the CLI's output too.
    expect(
      fs.readFileSync(path.join(cliOut, 'stacks', 'bologna-tenants', '.terraform.lock.hcl'), 'utf8'),
    ).toBe('# providers\n');
    // State left inside the output (by an older version of the library) makes the app refuse before
    // the CLI could remove a stack directory; the app is what the CLI runs, with CDKTF_OUTDIR set.
    const stray = path.join(cliOut, 'stacks', 'athens-tenants', 'terraform.athens-tenants.tfstate');
    fs.writeFileSync(stray, sentinel);
    expect(() =>
      execFileSync(process.execPath, [path.join(repo, 'dist', 'stacks', 'main.js')], {
        cwd: repo,
        env: { ...env, CDKTF_OUTDIR: cliOut },
        stdio: 'pipe',
      }),
    ).toThrow(/STATE_IN_OUTPUT\] stacks\/athens-tenants\/terraform\.athens-tenants\.tfstate/);
    expect(fs.readFileSync(stray, 'utf8')).toBe(sentinel);
  }, 60_000);

  it('a site repository, whose root is found from its cdktf.json', () => {
    const site = tempDir('aif-site-repo-');
    fs.writeFileSync(
      path.join(site, 'cdktf.json'),
      JSON.stringify({ language: 'typescript', app: 'node app.js' }),
    );
    fs.writeFileSync(path.join(site, 'profile.json'), JSON.stringify(sampleProfile()));
    fs.writeFileSync(
      path.join(site, 'app.js'),
      [
        `const { synthesizeSites } = require(${JSON.stringify(path.join(repo, 'dist', 'lib', 'cli', 'synth.js'))});`,
        `const r = synthesizeSites([require('./profile.json')], require('path').resolve('cdktf.out'));`,
        `if (!r.ok) { console.error(r.problems.join('\\n')); process.exit(1); }`,
      ].join('\n'),
    );
    fs.mkdirSync(path.join(site, 'ops'));
    // Started from a subdirectory: the root is still the directory with cdktf.json.
    const run = () =>
      execFileSync(process.execPath, ['../app.js'], {
        cwd: path.join(site, 'ops'),
        env: childEnv({}),
        stdio: 'pipe',
      });
    run();
    const siteOut = path.join(site, 'ops', 'cdktf.out');
    const paths = backendPaths(siteOut);
    expect(paths['testsite-tenants']).toBe(path.join(site, 'state', 'terraform.testsite-tenants.tfstate'));
    fs.mkdirSync(path.join(site, 'state'));
    fs.writeFileSync(paths['testsite-tenants'], sentinel);
    run();
    expect(backendPaths(siteOut)).toEqual(paths);
    expect(fs.readFileSync(paths['testsite-tenants'], 'utf8')).toBe(sentinel);
  }, 30_000);
});
