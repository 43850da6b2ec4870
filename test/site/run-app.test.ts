import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AiFactorySite, runSiteApp } from '../../lib';
import { sampleProfile } from '../helpers';

describe('runSiteApp (issue 17, item 10)', () => {
  let outdir: string;
  beforeEach(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-run-app-'));
  });
  afterEach(() => {
    fs.rmSync(outdir, { recursive: true, force: true });
    process.exitCode = undefined;
  });

  it('prints a bad profile as coded lines, removes the manifest and exits 1', () => {
    // What a previous good run left.
    fs.writeFileSync(path.join(outdir, 'manifest.json'), '{}');
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    let code: number;
    let text: string;
    try {
      code = runSiteApp(
        (app) => {
          new AiFactorySite(
            app,
            sampleProfile({ nodePools: [{ ...sampleProfile().nodePools[0], accelerator: 'nvidia-v100' }] }),
          );
        },
        { outdir },
      );
      text = err.mock.calls.map((c) => String(c[0])).join('');
    } finally {
      err.mockRestore();
    }
    expect(code).toBe(1);
    expect(process.exitCode).toBe(1);
    expect(text).toMatch(
      /^site profile 'testsite' has \d+ problems?:\n {2}\[ACCELERATOR_UNKNOWN\] nodePools\[0\]\.accelerator: /,
    );
    expect(text).not.toMatch(/\n\s+at /);
    expect(text).not.toContain('issues:');
    expect(fs.existsSync(path.join(outdir, 'manifest.json'))).toBe(false);
  });

  it('refuses an output that holds Terraform state, and removes its manifest all the same', () => {
    fs.mkdirSync(path.join(outdir, 'stacks', 'testsite-platform'), { recursive: true });
    fs.writeFileSync(path.join(outdir, 'stacks', 'testsite-platform', 'terraform.tfstate'), '{}');
    fs.writeFileSync(path.join(outdir, 'manifest.json'), '{}');
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    let text: string;
    try {
      expect(runSiteApp((app) => void new AiFactorySite(app, sampleProfile()), { outdir })).toBe(1);
      text = err.mock.calls.map((c) => String(c[0])).join('');
    } finally {
      err.mockRestore();
    }
    expect(text).toMatch(/^\[STATE_IN_OUTPUT\] Terraform state lies inside the synthesized output/);
    expect(fs.existsSync(path.join(outdir, 'manifest.json'))).toBe(false);
    expect(fs.existsSync(path.join(outdir, 'stacks', 'testsite-platform', 'terraform.tfstate'))).toBe(true);
  });

  it('synthesizes what build adds and exits 0', () => {
    expect(runSiteApp((app) => void new AiFactorySite(app, sampleProfile()), { outdir })).toBe(0);
    expect(fs.existsSync(path.join(outdir, 'stacks', 'testsite-platform', 'cdk.tf.json'))).toBe(true);
  });
});
