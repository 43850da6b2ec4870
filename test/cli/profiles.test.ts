import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCdktfApp } from '../../lib/cli/cdktf-app';
import { main } from '../../lib/cli/main';
import { defaultSitesDir, isProfileModule, readProfiles } from '../../lib/cli/profiles';
import { projectRoot } from '../../lib/platform/state';
import { sampleProfile } from '../helpers';

const LIB = path.join(__dirname, '..', '..', 'lib');

// These tests find the project root from the working directory, as in a site repository, rather
// than from the root that test/setup-env.js pins for the snapshots.
const pinnedRoot = process.env.AIF_PROJECT_ROOT;
beforeAll(() => {
  delete process.env.AIF_PROJECT_ROOT;
});
afterAll(() => {
  if (pinnedRoot !== undefined) process.env.AIF_PROJECT_ROOT = pinnedRoot;
});

/** A site repository in a temp directory: cdktf.json and stacks/sites/ with the given files. */
function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-project-'));
  fs.writeFileSync(path.join(root, 'cdktf.json'), '{"language":"typescript","app":"npx aif synth"}');
  fs.mkdirSync(path.join(root, 'stacks', 'sites'), { recursive: true });
  for (const [name, text] of Object.entries(files))
    fs.writeFileSync(path.join(root, 'stacks', 'sites', name), text);
  return root;
}

/** A TypeScript profile module as an operator writes it. */
function tsProfile(name: string, extra = ''): string {
  return (
    "import type { SiteProfile } from 'cdktf-ai-factory';\n" +
    `${extra}\nexport const profile: SiteProfile = ${JSON.stringify(sampleProfile({ name }), null, 2)};\n`
  );
}

/** Runs `aif` in `cwd`, capturing what it prints. */
async function aif(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(argv);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    process.chdir(before);
    o.mockRestore();
    e.mockRestore();
  }
}

describe('profiles are read from their sources', () => {
  let root: string;
  const sites = () => path.join(root, 'stacks', 'sites');
  beforeEach(() => {
    root = project({
      'alpha.ts': tsProfile('alpha'),
      'beta.ts': tsProfile('beta'),
      // A helper and a test in the directory: neither exports a profile, so neither is run.
      'helper.ts': `require('fs').writeFileSync(${JSON.stringify(path.join(os.tmpdir(), 'aif-helper-ran'))}, 'x');\nexport const x = 1;\n`,
      'alpha.test.ts': 'throw new Error("a test file was run");\n',
    });
    fs.rmSync(path.join(os.tmpdir(), 'aif-helper-ran'), { force: true });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds the project root and stacks/sites from any directory below it', () => {
    expect(projectRoot(sites())).toBe(root);
    expect(defaultSitesDir(sites())).toBe(sites());
  });

  it('loads only the modules that export a profile, and runs nothing else of the directory', async () => {
    const r = await aif(path.join(root, 'stacks'), 'validate');
    // The other files are named, not run.
    expect([r.code, r.out]).toEqual([0, '2 site profile(s) valid: alpha, beta\n']);
    expect(r.err).toMatch(
      /^note: not read as profiles \(no export named 'profile'\): sites\/alpha\.test\.ts, sites\/helper\.ts\n/,
    );
    expect(fs.existsSync(path.join(os.tmpdir(), 'aif-helper-ran'))).toBe(false);
  });

  it('sees a deleted profile as gone, a renamed one as no duplicate, an edited one as edited', async () => {
    fs.rmSync(path.join(sites(), 'beta.ts'));
    expect((await aif(root, 'validate')).out).toBe('1 site profile(s) valid: alpha\n');

    fs.renameSync(path.join(sites(), 'alpha.ts'), path.join(sites(), 'alpha-site.ts'));
    expect((await aif(root, 'validate')).out).toBe('1 site profile(s) valid: alpha\n');

    const file = path.join(sites(), 'alpha-site.ts');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"nvidia-a100-80gb"', '"nvidia-v100"'));
    const r = await aif(root, 'validate');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /\n1 problem\(s\):\n {2}alpha: \[ACCELERATOR_UNKNOWN\] nodePools\[0\]\.accelerator: .*"nvidia-v100"/,
    );
  });

  it('takes --sites relative to the working directory, and JavaScript profiles (CommonJS or ES modules) too', async () => {
    const other = path.join(root, 'other');
    fs.mkdirSync(other);
    fs.writeFileSync(
      path.join(other, 'gamma.js'),
      `exports.profile = ${JSON.stringify(sampleProfile({ name: 'gamma' }))};`,
    );
    fs.writeFileSync(
      path.join(other, 'delta.js'),
      `export const profile = ${JSON.stringify(sampleProfile({ name: 'delta' }))};`,
    );
    expect((await aif(root, 'validate', '--sites', 'other')).out).toBe(
      '2 site profile(s) valid: delta, gamma\n',
    );
  });

  it('reads a directory given relative to the working directory (createRequire threw on a relative path)', () => {
    const cwd = process.cwd();
    try {
      process.chdir(root);
      const { profiles, problems } = readProfiles(path.join('stacks', 'sites'));
      expect([problems, profiles.map((p) => p.name)]).toEqual([[], ['alpha', 'beta']]);
    } finally {
      process.chdir(cwd);
    }
  });

  it('resolves value imports of the library to the running library', () => {
    fs.writeFileSync(
      path.join(sites(), 'alpha.ts'),
      tsProfile(
        'alpha',
        `import { CHARTS } from 'cdktf-ai-factory';\nimport { byName } from ${JSON.stringify(path.join(LIB, 'model', 'order'))};\nif (!CHARTS.kueue || byName([]).length) throw new Error('no library');`,
      ),
    );
    const loaded = readProfiles(sites());
    expect(loaded.problems).toEqual([]);
    expect(loaded.profiles.map((p) => p.name)).toEqual(['alpha', 'beta']);
  });

  it('runs a helper of the directory when a profile imports it, once for all profiles', () => {
    fs.writeFileSync(
      path.join(sites(), 'common.ts'),
      'export const groups = { admins: ["idp:ops"] };\nexport let loads = 0;\nloads += 1;\n',
    );
    for (const name of ['alpha', 'beta']) {
      fs.writeFileSync(
        path.join(sites(), `${name}.ts`),
        "import { groups, loads } from './common';\n" +
          "if (loads !== 1) throw new Error('common.ts was run twice');\n" +
          `export const profile = { ...${JSON.stringify(sampleProfile({ name }))}, displayName: groups.admins[0] };\n`,
      );
    }
    const loaded = readProfiles(sites());
    expect(loaded.problems).toEqual([]);
    expect(loaded.profiles.map((p) => p.displayName)).toEqual(['idp:ops', 'idp:ops']);
  });

  it('reports profiles that do not load as coded one-line problems', async () => {
    fs.writeFileSync(path.join(sites(), 'alpha.ts'), 'export const profile = {\n  name: "alpha",,\n};\n');
    fs.writeFileSync(path.join(sites(), 'beta.js'), 'exports.profile = undefined;\n');
    fs.writeFileSync(
      path.join(sites(), 'delta.ts'),
      "export const profile = (() => { throw new Error('boom'); })();\n",
    );
    const r = await aif(root, 'validate');
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toEqual([
      expect.stringMatching(/^note: not read as profiles/),
      '4 problem(s):',
      expect.stringMatching(
        /^ {2}stacks\/sites\/beta\.ts: \[PROFILE_FILE_DUPLICATE\] beta\.js and beta\.ts are both profiles/,
      ),
      expect.stringMatching(
        /^ {2}stacks\/sites\/alpha\.ts: \[PROFILE_LOAD_FAILED\] stacks\/sites\/alpha\.ts:2:17: Property assignment expected\. Fix: correct the syntax error$/,
      ),
      "  stacks/sites/beta.js: [PROFILE_EXPORT_MISSING] the module's 'profile' export is undefined. Fix: export the profile object as 'profile'",
      '  stacks/sites/delta.ts: [PROFILE_LOAD_FAILED] the module threw while it was run: boom. Fix: correct the profile so that it runs',
      '',
    ]);
  });

  it('names the rule: a module that exports profile', () => {
    expect(isProfileModule('a.ts', 'export const profile: SiteProfile = {}')).toBe(true);
    expect(isProfileModule('a.js', 'exports.profile = {}')).toBe(true);
    expect(isProfileModule('a.ts', 'const p = {};\nexport { p as profile };')).toBe(true);
    expect(isProfileModule('a.d.ts', 'export const profile: SiteProfile;')).toBe(false);
    expect(isProfileModule('helper.ts', 'export const pools = []')).toBe(false);
  });
});

describe('aif synth in a site repository', () => {
  let root: string;
  beforeEach(() => {
    root = project({ 'alpha.ts': tsProfile('alpha') });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes cdktf.out under the project root, and on a bad profile leaves nothing stale', async () => {
    const ok = await aif(path.join(root, 'stacks'), 'synth');
    expect(ok).toEqual({
      code: 0,
      out: 'Synthesized 2 stacks into ../cdktf.out:\n  alpha-platform\n  alpha-tenants\n',
      err: '',
    });
    expect(fs.readdirSync(path.join(root, 'cdktf.out', 'stacks')).sort()).toEqual([
      'alpha-platform',
      'alpha-tenants',
    ]);

    fs.writeFileSync(path.join(root, 'stacks', 'sites', 'alpha.ts'), 'export const profile = nope;\n');
    const bad = await aif(root, 'synth');
    expect(bad.code).toBe(1);
    expect(bad.err).toBe(
      'The site profiles have 1 problem(s); nothing was synthesized:\n' +
        '  stacks/sites/alpha.ts: [PROFILE_LOAD_FAILED] the module threw while it was run: nope is not defined. Fix: correct the profile so that it runs\n',
    );
    expect(fs.existsSync(path.join(root, 'cdktf.out', 'stacks'))).toBe(false);
  });

  it('takes --out and rejects unknown options with the usage', async () => {
    expect(await aif(root, 'synth', '--outdir', 'x')).toEqual({
      code: 2,
      out: '',
      err: "aif synth: Unknown option '--outdir' (did you mean --out?)\nusage: aif synth [--sites <dir>] [--site <name>] [--out <dir>] [--date YYYY-MM-DD]\n",
    });
    expect((await aif(root, 'synth', '--help')).out).toMatch(
      /^usage: aif synth .*\n\n.*\n\noptions:\n {2}--sites <dir> +directory of site profiles/,
    );
  });
});

describe('the app under the cdktf CLI (CDKTF_OUTDIR set)', () => {
  let root: string;
  let out: string;
  beforeEach(() => {
    root = project({ 'alpha.ts': tsProfile('alpha') });
    out = path.join(root, 'cdktf.out');
    // What a previous good run left behind.
    fs.mkdirSync(path.join(out, 'stacks', 'alpha-platform'), { recursive: true });
    fs.writeFileSync(path.join(out, 'stacks', 'alpha-platform', 'cdk.tf.json'), '{}');
    fs.writeFileSync(path.join(out, 'manifest.json'), '{}');
    fs.writeFileSync(
      path.join(root, 'stacks', 'sites', 'alpha.ts'),
      tsProfile('alpha').replace('"nvidia-a100-80gb"', '"nvidia-v100"'),
    );
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('prints each problem, removes the stale stacks and the manifest, and exits 1 (issue 17, item 1)', () => {
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(runCdktfApp(path.join(root, 'stacks', 'sites'), out, true)).toBe(1);
      const text = err.mock.calls.map((c) => String(c[0])).join('');
      expect(text.match(/\[ACCELERATOR_UNKNOWN\]/g)).toHaveLength(1);
      expect(text).toMatch(/^The site profiles have 1 problem\(s\); nothing was synthesized/);
    } finally {
      err.mockRestore();
    }
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it("is what `aif synth` runs when the cdktf CLI calls it as a site repository's app", async () => {
    // What cdktf-cli sets for the app it runs.
    process.env.CDKTF_OUTDIR = out;
    process.env.SYNTH_HCL_OUTPUT = 'false';
    try {
      const r = await aif(root, 'synth');
      expect([r.code, r.out, r.err.match(/\[ACCELERATOR_UNKNOWN\]/g)]).toEqual([
        1,
        '',
        ['[ACCELERATOR_UNKNOWN]'],
      ]);
    } finally {
      delete process.env.CDKTF_OUTDIR;
      delete process.env.SYNTH_HCL_OUTPUT;
    }
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('exits 1 when run directly rather than by the cdktf CLI', () => {
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(runCdktfApp(path.join(root, 'stacks', 'sites'), out, false)).toBe(1);
      expect(String(err.mock.calls[0][0])).toMatch(
        /^The site profiles have 1 problem\(s\); nothing was synthesized:\n/,
      );
    } finally {
      err.mockRestore();
    }
  });

  it('never removes an output directory that holds Terraform state, and says how to move it', () => {
    fs.writeFileSync(path.join(out, 'stacks', 'alpha-platform', 'terraform.tfstate'), '{}');
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(runCdktfApp(path.join(root, 'stacks', 'sites'), out, false)).toBe(1);
      expect(String(err.mock.calls[0][0])).toMatch(
        /\[STATE_IN_OUTPUT\] stacks\/alpha-platform\/terraform\.tfstate: .*Fix: move it where the stacks now point/,
      );
    } finally {
      err.mockRestore();
    }
    expect(fs.existsSync(path.join(out, 'stacks', 'alpha-platform', 'terraform.tfstate'))).toBe(true);
    // The manifest goes all the same: cdktf deploy must not find the previous run's stacks.
    expect(fs.existsSync(path.join(out, 'manifest.json'))).toBe(false);
  });

  it('leaves the last good output alone on a usage slip (a sites directory that does not exist)', () => {
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(runCdktfApp(path.join(root, 'no-such-dir'), out, true)).toBe(1);
    } finally {
      err.mockRestore();
    }
    expect(fs.existsSync(path.join(out, 'stacks', 'alpha-platform', 'cdk.tf.json'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'manifest.json'))).toBe(false);
  });
});

describe('a site repository (issue 17)', () => {
  let root: string;
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  /** A site repository with profiles in `dir` (relative to its root), and a package.json. */
  function siteRepo(dir: string, files: Record<string, string>, pkg: object = { name: 'site' }): string {
    const r = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-site-'));
    fs.writeFileSync(path.join(r, 'cdktf.json'), '{"language":"typescript","app":"npx aif synth"}');
    fs.writeFileSync(path.join(r, 'package.json'), JSON.stringify(pkg));
    fs.mkdirSync(path.join(r, dir), { recursive: true });
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(r, dir, name), text);
    return r;
  }

  it('finds sites/ with no option, and the directory package.json names', async () => {
    root = siteRepo('sites', { 'alpha.ts': tsProfile('alpha') });
    expect(defaultSitesDir(root)).toBe(path.join(root, 'sites'));
    const r = await aif(path.join(root), 'validate');
    expect([r.code, r.out]).toEqual([0, '1 site profile(s) valid: alpha\n']);
    fs.rmSync(root, { recursive: true, force: true });
    root = siteRepo(
      'profiles',
      { 'beta.ts': tsProfile('beta') },
      { name: 'site', aif: { sites: 'profiles' } },
    );
    expect(defaultSitesDir(path.join(root, 'profiles'))).toBe(path.join(root, 'profiles'));
    expect((await aif(root, 'validate')).out).toBe('1 site profile(s) valid: beta\n');
  });

  it('says which files were not read as profiles, and refuses a profile under another name (item 4)', async () => {
    root = siteRepo('sites', {
      'alpha.ts': tsProfile('alpha'),
      'helpers.ts': 'export default function region() {\n  return "eu";\n}\n',
      'gamma.ts': tsProfile('gamma').replace('export const profile:', 'export const profiel:'),
      'delta.ts': tsProfile('delta').replace('export const profile: SiteProfile =', 'export default'),
    });
    const r = await aif(root, 'validate');
    expect(r.code).toBe(1);
    expect(r.err).toContain("note: not read as profiles (no export named 'profile'): sites/helpers.ts\n");
    expect(r.err).toMatch(
      /sites\/delta\.ts: \[PROFILE_EXPORT_MISSING\] the file has a default export but no export named 'profile'/,
    );
    expect(r.err).toMatch(
      /sites\/gamma\.ts: \[PROFILE_EXPORT_MISSING\] the file has a SiteProfile exported as 'profiel'/,
    );
    // synth says the same, and so does the app under the cdktf CLI.
    fs.rmSync(path.join(root, 'sites', 'gamma.ts'));
    fs.rmSync(path.join(root, 'sites', 'delta.ts'));
    const synth = await aif(root, 'synth');
    expect([synth.code, synth.err]).toEqual([
      0,
      expect.stringContaining("note: not read as profiles (no export named 'profile'): sites/helpers.ts\n"),
    ]);
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      runCdktfApp(path.join(root, 'sites'), path.join(root, 'cdktf.out'), true);
      expect(err.mock.calls.map((c) => String(c[0])).join('')).toContain('not read as profiles');
    } finally {
      err.mockRestore();
    }
  });

  it('names both files of a duplicate site, and warns of a project id or IdP group in two sites (items 13, 14)', async () => {
    // A second site whose tenants kept the first site's project ids and groups (one renamed).
    const copied = tsProfile('beta').replace(/"name": "alpha"/, '"name": "a-copy"');
    root = siteRepo('sites', {
      'alpha.ts': tsProfile('alpha'),
      'alpha2.ts': tsProfile('alpha'),
      'beta.ts': copied,
    });
    const dup = await aif(root, 'validate');
    expect(dup.err).toContain(
      "alpha: [NAME_DUPLICATE] name: two site profiles are called 'alpha' (sites/alpha.ts and sites/alpha2.ts). Fix: rename one",
    );
    fs.rmSync(path.join(root, 'sites', 'alpha2.ts'));
    const r = await aif(root, 'validate');
    expect(r.code).toBe(0);
    // sampleProfile's tenants, copied into a second site with their project ids and groups.
    expect(r.err).toContain(
      "project id 'EHPC-AIF-2026FL01-0001' is in alpha/alpha and beta/a-copy: a profile copied from another site? Give each tenant its own",
    );
    expect(r.err).toContain("IdP group 'idp:alpha-admins' is in alpha/alpha and beta/a-copy");
  });

  it('validates one site with --site, and prints the result as JSON with --json (item 12)', async () => {
    root = siteRepo('sites', {
      'alpha.ts': tsProfile('alpha'),
      'beta.ts': tsProfile('beta').replace('"nvidia-a100-80gb"', '"nvidia-v100"'),
    });
    expect((await aif(root, 'validate', '--site', 'alpha')).out).toBe('1 site profile(s) valid: alpha\n');
    const bad = await aif(root, 'validate', '--json');
    expect(bad.code).toBe(1);
    const result = JSON.parse(bad.out) as { valid: boolean; sites: string[]; problems: string[] };
    expect([result.valid, result.sites, result.problems.map((p) => p.slice(0, p.indexOf(']') + 1))]).toEqual([
      false,
      ['alpha', 'beta'],
      ['beta: [ACCELERATOR_UNKNOWN]'],
    ]);
    const unknown = await aif(root, 'validate', '--site', 'gamma');
    expect(unknown.err).toContain(
      "gamma: [SITE_UNKNOWN] no profile names the site 'gamma'. Fix: use one of: alpha, beta",
    );
  });

  it('synthesizes one site with --site', async () => {
    root = siteRepo('sites', { 'alpha.ts': tsProfile('alpha'), 'beta.ts': tsProfile('beta') });
    const r = await aif(root, 'synth', '--site', 'beta');
    expect([r.code, r.out]).toEqual([0, expect.stringContaining('  beta-platform\n  beta-tenants\n')]);
    expect(fs.readdirSync(path.join(root, 'cdktf.out', 'stacks')).sort()).toEqual([
      'beta-platform',
      'beta-tenants',
    ]);
    expect((await aif(root, 'synth', '--site', 'gamma')).err).toContain('[SITE_UNKNOWN]');
  });

  it('keeps the last good output when aif synth is given a sites directory that does not exist (item 11)', async () => {
    root = siteRepo('sites', { 'alpha.ts': tsProfile('alpha') });
    expect((await aif(root, 'synth')).code).toBe(0);
    const stack = path.join(root, 'cdktf.out', 'stacks', 'alpha-platform', 'cdk.tf.json');
    expect(fs.existsSync(stack)).toBe(true);
    const r = await aif(root, 'synth', '--sites', 'stes');
    expect([r.code, r.err]).toEqual([1, expect.stringContaining('[SITES_DIR_MISSING]')]);
    expect(r.err).toContain('(cdktf.out left as it was)');
    expect(fs.existsSync(stack)).toBe(true);
    // A profile problem still clears it.
    fs.writeFileSync(
      path.join(root, 'sites', 'alpha.ts'),
      tsProfile('alpha').replace('"nvidia-a100-80gb"', '"nvidia-v100"'),
    );
    expect((await aif(root, 'synth')).code).toBe(1);
    expect(fs.existsSync(stack)).toBe(false);
  });
});
