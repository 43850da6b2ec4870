import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadProfiles } from '../lib/cli/profiles';
import { synthesizeSites } from '../lib/cli/synth';
import { renderFleet } from '../lib/review/render';
import { fleetReport } from '../lib/review/report';
import { allocationSvg } from '../lib/review/svg';
import { readStacks } from '../lib/review/synthesized';

/** The fleet report in docs/report (shown in the README) is what `npm run report:docs` makes today. */
describe('docs/report', () => {
  const root = path.join(__dirname, '..');
  const docs = path.join(root, 'docs', 'report');
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-docs-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is up to date with the site profiles (run `npm run report:docs` when this fails)', () => {
    const out = path.join(dir, 'cdktf.out');
    // Synthesized on the report's day, as `npm run report:docs` does (Slurm's accounts, like the
    // quotas, follow the allocations in effect on the synthesis date).
    const before = process.env.AIF_DATE;
    process.env.AIF_DATE = '2026-11-28';
    try {
      expect(synthesizeSites(loadProfiles(path.join(root, 'stacks', 'sites')), out).ok).toBe(true);
    } finally {
      process.env.AIF_DATE = before;
    }
    const report = fleetReport(readStacks(out), '2026-11-28');
    expect(report.sites).toHaveLength(7);
    expect(fs.readFileSync(path.join(docs, 'fleet.md'), 'utf8')).toBe(renderFleet(report, 'markdown'));
    for (const site of report.sites) {
      expect(fs.readFileSync(path.join(docs, `${site.site}-gpu-allocation.svg`), 'utf8')).toBe(
        allocationSvg(site, report.date),
      );
    }
  });
});
