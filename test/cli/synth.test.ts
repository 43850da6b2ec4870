import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { profileProblems, synthesizeSites } from '../../lib/cli/synth';
import { main } from '../../lib/cli/main';
import { sampleProfile } from '../helpers';

describe('synthesizeSites', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-synth-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes both stacks of every site and nothing else', () => {
    const out = path.join(dir, 'cdktf.out');
    const result = synthesizeSites([sampleProfile(), sampleProfile({ name: 'second' })], out);
    expect(result).toEqual({
      ok: true,
      problems: [],
      stacks: ['second-platform', 'second-tenants', 'testsite-platform', 'testsite-tenants'],
    });
    expect(fs.readdirSync(path.join(out, 'stacks')).sort()).toEqual(result.stacks);
    const json = JSON.parse(
      fs.readFileSync(path.join(out, 'stacks', 'testsite-tenants', 'cdk.tf.json'), 'utf8'),
    );
    expect(Object.keys(json.resource.kubernetes_namespace_v1)).toHaveLength(2);
    expect(fs.readdirSync(dir)).toEqual(['cdktf.out']);
  });

  it('fails with every problem of every site, and leaves no output that could be deployed', () => {
    const out = path.join(dir, 'cdktf.out');
    expect(synthesizeSites([sampleProfile()], out).ok).toBe(true);
    const bad = sampleProfile({
      nodePools: [
        { ...sampleProfile().nodePools[0], accelerator: 'nvidia-v100' },
        sampleProfile().nodePools[1],
      ],
    });
    const result = synthesizeSites([bad, sampleProfile({ name: 'other', displayName: '' })], out);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.stringMatching(
        /^testsite: \[ACCELERATOR_UNKNOWN\] nodePools\[0\]\.accelerator: .*received: "nvidia-v100".*Fix: use one of/,
      ),
      expect.stringMatching(/^other: \[VALUE_INVALID\] displayName: the display name is empty/),
    ]);
    // The stale output of the previous good run is gone too: nothing deployable remains.
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('reports two profiles with one name', () => {
    const result = synthesizeSites([sampleProfile(), sampleProfile()], path.join(dir, 'out'));
    expect(result.problems).toEqual([
      "testsite: [NAME_DUPLICATE] name: two site profiles are called 'testsite' (profile 1 and profile 2). Fix: rename one",
    ]);
  });
});

describe('aif validate', () => {
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const writeErr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  afterAll(() => {
    write.mockRestore();
    writeErr.mockRestore();
  });

  it("passes on the repository's sites", async () => {
    const code = await main(['validate', '--sites', path.join(__dirname, '..', '..', 'stacks', 'sites')]);
    expect(code).toBe(0);
    expect(String(write.mock.calls.at(-1)?.[0])).toMatch(/site profile\(s\) valid: .*bologna.*kajaani/);
  });

  it('fails with every problem of a bad profile directory', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-sites-'));
    fs.writeFileSync(
      path.join(dir, 'bad.js'),
      `exports.profile = ${JSON.stringify(sampleProfile({ name: 'Bad', tenants: [] }))};`,
    );
    try {
      expect(await main(['validate', '--sites', dir])).toBe(1);
      expect(String(writeErr.mock.calls.at(-1)?.[0])).toMatch(
        /1 problem\(s\):\n {2}Bad: \[NAME_INVALID\] name:/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects unknown commands with usage', async () => {
    expect(await main(['frobnicate'])).toBe(2);
    expect(String(writeErr.mock.calls.at(-1)?.[0])).toMatch(/unknown command 'frobnicate'\nusage: aif/);
  });
});

describe('synthesizeSites when building fails after validation', () => {
  it('removes the previous output and reports one line, no stack trace', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-synth-fail-'));
    try {
      const out = path.join(dir, 'cdktf.out');
      expect(synthesizeSites([sampleProfile()], out).ok).toBe(true);
      // A profile that validation reads fine and that then throws while the site is built.
      let reads = 0;
      let limit = Infinity;
      const profile = sampleProfile();
      const tricky = {
        ...profile,
        get nodePools() {
          reads += 1;
          if (reads > limit) throw new Error('profile changed while it was built');
          return profile.nodePools;
        },
      };
      expect(profileProblems([tricky])).toEqual([]);
      limit = reads * 2; // as many reads again for validation inside synthesizeSites, then fail
      const result = synthesizeSites([tricky], out);
      expect(result.ok).toBe(false);
      expect(result.problems).toEqual(['synthesis failed: profile changed while it was built']);
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
