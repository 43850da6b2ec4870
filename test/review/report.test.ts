import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { synthesizeSites } from '../../lib/cli/synth';
import { main } from '../../lib/cli/main';
import type { SiteProfile } from '../../lib/model';
import { renderFleet, renderTable } from '../../lib/review/render';
import { fleetReport, type FleetReport } from '../../lib/review/report';
import { allocationSvg } from '../../lib/review/svg';
import { profile as bologna } from '../../stacks/sites/bologna';
import type { TfJson } from '../helpers';
import { readStacks } from '../../lib/review/synthesized';

/**
 * A site whose figures are worked out by hand below:
 * - pool `h100`: 10 nodes x 8 H100 = 80 GPUs;
 * - pool `mig`: 2 nodes x 8 A100 40GB, each GPU as 7 x 1g.5gb = 112 instances (1/7 GPU each).
 */
const site: SiteProfile = {
  name: 'handsite',
  displayName: 'Hand-computed site',
  kubernetes: { configPath: '~/.kube/config', context: 'hand' },
  nodePools: [
    { name: 'h100', accelerator: 'nvidia-h100-80gb', gpusPerNode: 8, nodes: { hostlist: 'h[01-10]' } },
    {
      name: 'mig',
      accelerator: 'nvidia-a100-40gb',
      gpusPerNode: 8,
      nodes: { labels: { 'example.org/mig': 'true' }, count: 2 },
      mig: { profiles: { '1g.5gb': 7 } },
    },
  ],
  tenants: [
    {
      // 50,000 GPU-hours over 1 Jan - 31 Mar (90 days, 2,160 h) = 23.15 GPUs -> 23. Expired on 1 Jun.
      name: 'fastlane',
      accessMode: 'fast-lane',
      allocation: { projectId: 'EHPC-AIF-2026FL01-0001', start: '2026-01-01', end: '2026-03-31' },
      gpus: [{ pool: 'h100', gpuHours: 50_000 }],
      groups: { admins: ['a'] },
    },
    {
      // 32 GPUs for 6 months from 1 May (184 days): 32 x 4,416 h = 141,312 GPU-hours. Active.
      name: 'science',
      accessMode: 'ai-for-science',
      allocation: { projectId: 'EHPC-AIF-2026SC01-0002', start: '2026-05-01', end: '2026-10-31' },
      gpus: [{ pool: 'h100', count: 32 }],
      groups: { admins: ['s'] },
    },
    {
      // 1,000 GPU-hours over 1 Jul - 31 Jul (31 days, 744 h) = 1.344 GPUs = 9.41 1g slices -> 9,
      // i.e. 9/7 = 1.29 GPU-equivalents. Starts after 1 Jun: future.
      name: 'playground',
      accessMode: 'playground',
      allocation: { projectId: 'EHPC-AIF-2026PG01-0003', start: '2026-07-01', end: '2026-07-31' },
      gpus: [{ pool: 'mig', gpuHours: 1_000, migProfile: '1g.5gb' }],
      groups: { admins: ['p'] },
    },
  ],
};

describe('aif report', () => {
  let dir: string;
  let report: FleetReport;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-report-'));
    const result = synthesizeSites([site], path.join(dir, 'cdktf.out'));
    expect(result.ok).toBe(true);
    report = fleetReport(readStacks(path.join(dir, 'cdktf.out')), '2026-06-01');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports the pools, grants and headroom computed by hand', () => {
    const s = report.sites[0];
    expect(s.site).toBe('handsite');
    expect(s.offers.map((o) => [o.pool, o.resource, o.units, o.granted, o.headroom])).toEqual([
      // science's 32; fastlane's 23 ended on 2026-03-31 and hold nothing on 2026-06-01.
      ['h100', 'nvidia.com/gpu', 80, 32, 48],
      ['mig', 'nvidia.com/mig-1g.5gb', 112, 9, 103],
    ]);
    expect(s.offers[1].gpus).toBe(16);
  });

  it("reports each tenant's allocation, GPU-equivalents, budget and status", () => {
    const rows = Object.fromEntries(report.sites[0].tenants.map((t) => [t.tenant, t]));
    expect(rows.fastlane).toMatchObject({
      accessMode: 'fast-lane',
      status: 'expired',
      gpuEquivalents: 23,
      gpuHours: 50_000,
      projectId: 'EHPC-AIF-2026FL01-0001',
    });
    expect(rows.science).toMatchObject({ status: 'active', gpuEquivalents: 32, gpuHours: 141_312 });
    expect(rows.playground).toMatchObject({ status: 'future', gpuEquivalents: 1.29, gpuHours: 1_000 });
    expect(rows.playground.grants).toEqual([
      {
        pool: 'mig',
        resource: 'nvidia.com/mig-1g.5gb',
        units: 9,
        gpuHours: 1_000,
        derivedFromBudget: true,
        gpuEquivalents: 1.29,
      },
    ]);
    expect(report.sites[0].expired).toEqual(['fastlane']);
    expect(report.sites[0].future).toEqual(['playground']);
  });

  it('sums allocations by access mode, per site and for the fleet', () => {
    expect(report.sites[0].byAccessMode).toEqual({ 'fast-lane': 23, 'ai-for-science': 32, playground: 1.29 });
    expect(report.fleet).toEqual({
      gpus: 96,
      gpusByAccelerator: { 'nvidia-h100-80gb': 80, 'nvidia-a100-40gb': 16 },
      grantedGpuEquivalents: 56.29,
      byAccessMode: { 'fast-lane': 23, 'ai-for-science': 32, playground: 1.29 },
      tenants: 3,
      expired: 1,
      future: 1,
      retired: 0,
    });
  });

  it('renders the same figures as a terminal table and as Markdown', () => {
    const text = renderFleet(report, 'table');
    expect(text).toMatch(/^h100 +nvidia-h100-80gb +10 +80 +nvidia.com\/gpu +80 +0 +80 +32 +48 +40$/m);
    expect(text).toMatch(/! Expired allocations \(offboard or renew\): fastlane/);
    expect(text).toMatch(/! Allocations that start in the future: playground/);
    const md = renderFleet(report, 'markdown');
    expect(md).toContain(
      '| h100 | nvidia-h100-80gb | 10 | 80 | nvidia.com/gpu | 80 | 0 | 80 | 32 | 48 | 40 |',
    );
    expect(md).toContain(
      '| playground | Playground | EHPC-AIF-2026PG01-0003 | 2026-07-01 .. 2026-07-31 | future |',
    );
  });

  it('draws one bar per pool offer with a segment per tenant holding GPUs and the capacity line', () => {
    const svg = allocationSvg(report.sites[0], report.date);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    // The expired grant holds no quota: no segment, only its legend entry.
    expect(svg).not.toContain('<title>fastlane:');
    expect(svg).toContain('fastlane (fast-lane, expired): 23 gpu on h100');
    expect(svg).toContain('free 48');
    expect(svg).toContain('<title>science: 32 nvidia.com/gpu (active)</title>');
    expect(svg).toContain('<title>playground: 9 nvidia.com/mig-1g.5gb (future)</title>');
    // h100: 80 units over 620 px; science's 32 units are 248 px wide.
    expect(svg).toMatch(/width="248\.0" height="30" fill="#009E73"/);
    expect(svg).not.toMatch(/<script|href=/);
  });

  it('runs from the command line: json output and an SVG per site', async () => {
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const svgDir = path.join(dir, 'svg');
      const code = await main([
        'report',
        '--out',
        path.join(dir, 'cdktf.out'),
        '--format',
        'json',
        '--date',
        '2026-06-01',
        '--svg-dir',
        svgDir,
      ]);
      expect(code).toBe(0);
      expect(JSON.parse(String(out.mock.calls[0][0]))).toEqual(JSON.parse(JSON.stringify(report)));
      expect(fs.readdirSync(svgDir)).toEqual(['handsite-gpu-allocation.svg']);
      expect(await main(['report', '--out', path.join(dir, 'cdktf.out'), '--format', 'pdf'])).toBe(2);
      expect(String(err.mock.calls.at(-1)?.[0])).toMatch(
        /--format must be table, markdown or json, not 'pdf'/,
      );
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });
});

describe('renderTable', () => {
  it('aligns numbers right and text left, and escapes pipes in Markdown', () => {
    expect(
      renderTable(
        'table',
        ['name', 'n'],
        [
          ['a', 5],
          ['bb', 1200],
        ],
      ),
    ).toBe('name      n\n----  -----\na         5\nbb    1,200\n');
    expect(renderTable('markdown', ['name', 'n'], [['a|b', 5]])).toBe(
      '| name | n |\n|---|---:|\n| a\\|b | 5 |\n',
    );
  });
});

describe('aif report on Bologna, figures worked out by hand from the profile', () => {
  const TiB = 2 ** 40;
  let dir: string;
  let report: FleetReport;
  beforeAll(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { profile } = require('../../stacks/sites/bologna') as { profile: SiteProfile };
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-report-bologna-'));
    expect(synthesizeSites([profile], path.join(dir, 'cdktf.out')).ok).toBe(true);
    report = fleetReport(readStacks(path.join(dir, 'cdktf.out')), '2026-11-28');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('grants and headroom per pool', () => {
    // booster: 128 nodes x 4 = 512 GPUs. agrifood 800,000 / 8,760 h = 91.3 -> 91; cybersecurity
    // 50,000 / 2,208 h = 22.6 -> 23; earth-climate 160; manufacturing 300,000 / 4,416 h = 67.9 -> 68.
    // it4lia-gb200: 64 x 4 = 256; climate-foundation 1,500,000 / 8,784 h = 170.8 -> 171.
    // Slurm holds 16 booster nodes (64 GPUs), so the tenants share 448. On 2026-11-28
    // manufacturing's allocation (to 2026-08-31) has ended: its 68 are free again, 91 + 23 + 160.
    expect(
      report.sites[0].offers.map((o) => [
        o.pool,
        o.units,
        o.slurmNodes,
        o.tenantUnits,
        o.granted,
        o.headroom,
      ]),
    ).toEqual([
      ['booster', 512, 16, 448, 274, 174],
      ['it4lia-gb200', 256, 0, 256, 171, 85],
    ]);
  });

  it('allocations by access mode, and those expired or still to come', () => {
    expect(report.sites[0].byAccessMode).toEqual({
      'large-scale': 330,
      'fast-lane': 23,
      'ai-for-science': 160,
    });
    expect(report.sites[0].expired).toEqual(['manufacturing']);
    expect(report.sites[0].future).toEqual(['climate-foundation']);
  });

  it("Slurm's share against what the Slurm accounts may hold (issue 18, item 6)", () => {
    // Slurm holds 16 booster nodes of 4 A100: 64 GPUs. Synthesized on 2026-01-15 (AIF_DATE of the
    // tests), no booster allocation has ended, so the accounts hold the whole grants on booster:
    // agrifood 91 + cybersecurity 23 + earth-climate 160 + manufacturing 68 = 342, typed a100
    // (climate-foundation's grant is on it4lia-gb200, which Slurm does not run on).
    expect(report.sites[0].slurm).toEqual([
      { gresType: 'a100', pools: ['booster'], nodes: 16, share: 64, granted: 342 },
    ]);
    expect(renderFleet(report, 'markdown')).toContain('### Slurm share against Slurm accounts');
  });

  it('storage per tier', () => {
    // scratch: 400 + 256 + 768 + 512 Ti; work: 800 + 512 + 1536 + 1024 Ti; fast: 96 + 192 + 128 + 64 Ti.
    expect(report.sites[0].storage.map((s) => [s.tier, s.purpose, s.capacity, s.granted])).toEqual([
      ['fast', 'fast', 512 * TiB, 480 * TiB],
      ['scratch', 'scratch', 2048 * TiB, 1936 * TiB],
      ['work', 'project', 4096 * TiB, 3872 * TiB],
    ]);
  });
});

describe('aif report and scoped quotas', () => {
  it("reads a tenant's storage from its unscoped quota, whatever order the quotas come in", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-report-'));
    try {
      expect(synthesizeSites([bologna], path.join(dir, 'cdktf.out')).ok).toBe(true);
      const stacks = readStacks(path.join(dir, 'cdktf.out'));
      const before = fleetReport(stacks, '2026-11-28').sites[0].tenants;
      expect(before.some((t) => Object.keys(t.storage).length > 0)).toBe(true);
      // Put every scoped quota (zero pods at system priorities) before the allocation's quotas.
      const tenants = stacks.find((x) => x.name === 'bologna-tenants') as { json: TfJson };
      const quotas = tenants.json.resource.kubernetes_resource_quota_v1 as Record<string, TfJson>;
      const scoped = (k: string) => (k.endsWith('_system_priority_quota') ? 0 : 1);
      tenants.json.resource.kubernetes_resource_quota_v1 = Object.fromEntries(
        Object.entries(quotas).sort(([a], [b]) => scoped(a) - scoped(b)),
      );
      expect(Object.keys(tenants.json.resource.kubernetes_resource_quota_v1)[0]).toMatch(
        /_system_priority_quota$/,
      );
      expect(fleetReport(stacks, '2026-11-28').sites[0].tenants).toEqual(before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('aif report on a pool with a stated over-commit', () => {
  it('measures headroom against the factor the profile states (Athens: 32 replicas, 1.5x, 44 granted)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { profile } = require('../../stacks/sites/athens') as { profile: SiteProfile };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-report-athens-'));
    try {
      expect(synthesizeSites([profile], path.join(dir, 'cdktf.out')).ok).toBe(true);
      const report = fleetReport(readStacks(path.join(dir, 'cdktf.out')), '2026-11-28');
      const shared = report.sites[0].offers.find((o) => o.pool === 'daedalus-shared');
      // 2 nodes x 4 GH200 x 4 replicas = 32; 1.5 x 32 = 48 may be granted; 24 + 20 are.
      expect(shared).toMatchObject({
        tenantUnits: 32,
        overcommitFactor: 1.5,
        grantable: 48,
        granted: 44,
        headroom: 4,
      });
      expect(renderFleet(report, 'table')).toContain(
        '! Pool daedalus-shared is over-committed on nvidia.com/gpu: 44 granted of 32, within its stated factor 1.5 (48)',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
