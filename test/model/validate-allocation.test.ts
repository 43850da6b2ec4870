import { siteIssues, type NodePoolSpec, type SiteProfile, type TenantSpec } from '../../lib/model';
import { sampleProfile } from '../helpers';

const base = sampleProfile();
const pool0 = base.nodePools[0];
const tenant0 = base.tenants[0];
const bigA100 = [{ ...pool0, nodes: { hostlist: 'gpu[01-40]' } }, base.nodePools[1]] as NodePoolSpec[];
const q1 = (projectId = 'EHPC-AIF-2026FL01-0001') => ({ projectId, start: '2026-01-01', end: '2026-03-31' });
const withPool = (p: Partial<NodePoolSpec>): SiteProfile => ({
  ...base,
  nodePools: [{ ...pool0, ...p } as NodePoolSpec, base.nodePools[1]],
});
const withTenant = (t: Partial<TenantSpec>, pools?: NodePoolSpec[]): SiteProfile => ({
  ...base,
  ...(pools ? { nodePools: pools } : {}),
  tenants: [{ ...tenant0, ...t } as TenantSpec, base.tenants[1]],
});

describe('validateSite: allocations and access modes', () => {
  const cases: Array<[string, SiteProfile, string, string, RegExp]> = [
    [
      'a grant with count and budget',
      withTenant({ gpus: [{ pool: 'a100', count: 1, gpuHours: 100 }] }),
      'GRANT_AMOUNT_INVALID',
      'tenants[0].gpus[0]',
      /not both or neither/,
    ],
    [
      'a grant with neither',
      withTenant({ gpus: [{ pool: 'a100' }] }),
      'GRANT_AMOUNT_INVALID',
      'tenants[0].gpus[0]',
      /not both or neither/,
    ],
    [
      'a negative budget',
      withTenant({ allocation: q1(), gpus: [{ pool: 'a100', gpuHours: -5 }] }),
      'GRANT_AMOUNT_INVALID',
      'tenants[0].gpus[0].gpuHours',
      /greater than zero/,
    ],
    [
      'a budget without a period',
      withTenant({ allocation: undefined, gpus: [{ pool: 'a100', gpuHours: 1000 }] }),
      'ALLOCATION_MISSING',
      'tenants[0].gpus[0].gpuHours',
      /the period it is spread over/,
    ],
    [
      'a malformed project id',
      withTenant({ allocation: { ...q1(), projectId: 'AIF-42' } }),
      'PROJECT_ID_INVALID',
      'tenants[0].allocation.projectId',
      /EHPC-AIF-2026PG01-0042/,
    ],
    [
      'an impossible date',
      withTenant({ allocation: { ...q1(), start: '2026-02-30' } }),
      'DATE_INVALID',
      'tenants[0].allocation.start',
      /YYYY-MM-DD/,
    ],
    [
      'an end before the start',
      withTenant({ allocation: { ...q1(), start: '2026-03-01', end: '2026-01-31' } }),
      'PERIOD_INVALID',
      'tenants[0].allocation.end',
      /ends before it starts \(2026-03-01\)/,
    ],
    [
      'a Fast Lane period of 5 months',
      withTenant({ allocation: { ...q1(), end: '2026-05-31' } }),
      'DURATION_NOT_ALLOWED',
      'tenants[0].allocation',
      /Fast Lane allocations last 1 to 3 months; this one lasts 151 days \(5 months\)/,
    ],
    [
      'a Large Scale period of 4 months',
      withTenant(
        {
          accessMode: 'large-scale',
          allocation: { ...q1('EHPC-AIF-2026LS01-0001'), end: '2026-04-30' },
          gpus: [{ pool: 'a100', gpuHours: 60_000 }],
        },
        bigA100,
      ),
      'DURATION_NOT_ALLOWED',
      'tenants[0].allocation',
      /Large Scale allocations last 3, 6 or 12 months/,
    ],
    [
      'an AI for Science period of 3 months',
      withTenant({ accessMode: 'ai-for-science', allocation: q1('EHPC-AIF-2026SC01-0001') }),
      'DURATION_NOT_ALLOWED',
      'tenants[0].allocation',
      /AI for Science allocations last 6 months/,
    ],
    [
      'a Fast Lane budget above 50,000 GPU-hours',
      withTenant({ allocation: q1(), gpus: [{ pool: 'a100', gpuHours: 60_000 }] }, bigA100),
      'BUDGET_OUTSIDE_MODE',
      'tenants[0].gpus',
      /Fast Lane allows at most 50,000 GPU-hours; the grants come to 60,000.*Large Scale/,
    ],
    [
      'a Fast Lane count that runs over 50,000 GPU-hours',
      withTenant({ allocation: q1(), gpus: [{ pool: 'a100', count: 24 }] }, bigA100),
      'BUDGET_OUTSIDE_MODE',
      'tenants[0].gpus',
      /the grants come to 51,840/,
    ],
    [
      'a Large Scale budget of 40,000 GPU-hours',
      withTenant({
        accessMode: 'large-scale',
        allocation: q1('EHPC-AIF-2026LS01-0001'),
        gpus: [{ pool: 'a100', gpuHours: 40_000 }],
      }),
      'BUDGET_OUTSIDE_MODE',
      'tenants[0].gpus',
      /Large Scale is for budgets above 50,000 GPU-hours; the grants come to 40,000/,
    ],
    [
      'a Playground tenant with 12 GPUs',
      withTenant({ accessMode: 'playground', gpus: [{ pool: 'a100', count: 12 }] }),
      'SHARE_EXCEEDS_MODE',
      'tenants[0].gpus',
      /at most 8 GPU-equivalents at once; the grants come to 12/,
    ],
    [
      'a derived share larger than the pool',
      withTenant({
        accessMode: 'large-scale',
        allocation: q1('EHPC-AIF-2026LS01-0001'),
        gpus: [{ pool: 'a100', gpuHours: 100_000 }],
      }),
      'TENANT_SHARE_EXCEEDS_POOL',
      'tenants[0].gpus[0]',
      /comes to 46 nvidia.com\/gpu, but pool 'a100' holds 16.*lengthen the period/,
    ],
    [
      'a mode the site does not offer',
      { ...base, accessModes: ['large-scale', 'fast-lane'] },
      'ACCESS_MODE_NOT_OFFERED',
      'tenants[1].accessMode',
      /offers only: large-scale, fast-lane/,
    ],
    [
      'an over-commit without a reason',
      withPool({ overcommit: { factor: 2, reason: '' } }),
      'VALUE_INVALID',
      'nodePools[0].overcommit',
      /stated reason/,
    ],
    [
      'an over-commit factor below 1',
      withPool({ overcommit: { factor: 0.5, reason: 'x' } }),
      'VALUE_INVALID',
      'nodePools[0].overcommit',
      /at least 1/,
    ],
  ];

  it.each(cases)('reports %s', (_what, profile, code, path, text) => {
    const issues = siteIssues(profile);
    const hit = issues.find((i) => i.code === code && i.path === path);
    expect(hit).toBeDefined();
    expect(`${hit?.message} ${hit?.fix}`).toMatch(text);
  });

  it('requires the allocation of every EuroHPC tenant, so no mode limit can be skipped by leaving it out', () => {
    const open = withTenant({ allocation: undefined, gpus: [{ pool: 'a100', count: 16 }] });
    const hit = siteIssues(open).find((i) => i.code === 'ALLOCATION_MISSING');
    expect(hit?.path).toBe('tenants[0].allocation');
    expect(hit?.message).toBe(
      'a Fast Lane tenant needs its allocation: the project id and the period it was granted for',
    );
    // The site's own staff have no EuroHPC allocation.
    expect(siteIssues(withTenant({ accessMode: 'internal', allocation: undefined }))).toEqual([]);
  });

  it('accepts a Fast Lane budget of exactly 50,000 GPU-hours over 3 months', () => {
    expect(
      siteIssues(withTenant({ allocation: q1(), gpus: [{ pool: 'a100', gpuHours: 50_000 }] }, bigA100)),
    ).toEqual([]);
  });

  it('allows an over-commit up to the stated factor, and says so beyond it', () => {
    const two = (n: number, factor?: number): SiteProfile => ({
      ...base,
      nodePools: [
        {
          ...pool0,
          ...(factor ? { overcommit: { factor, reason: 'Playground tenants rarely run at once' } } : {}),
        },
        base.nodePools[1],
      ],
      tenants: [
        { ...tenant0, gpus: [{ pool: 'a100', count: n }] },
        { ...tenant0, name: 'gamma', gpus: [{ pool: 'a100', count: 12 }] },
      ],
    });
    expect(siteIssues(two(12)).map((i) => i.code)).toEqual(['POOL_OVERCOMMITTED']);
    expect(siteIssues(two(12, 1.5))).toEqual([]);
    const over = siteIssues(two(13, 1.5)).find((i) => i.code === 'POOL_OVERCOMMITTED');
    expect(over?.message).toBe(
      "tenants are granted 25 nvidia.com/gpu of pool 'a100', which holds 16 and may be over-committed 1.5x to 24",
    );
  });

  it('checks over-commit on budgets as the counts they resolve to', () => {
    const p: SiteProfile = {
      ...base,
      tenants: [
        { ...tenant0, allocation: q1(), gpus: [{ pool: 'a100', gpuHours: 20_000 }] }, // 9.26 -> 9
        { ...tenant0, name: 'gamma', allocation: q1(), gpus: [{ pool: 'a100', gpuHours: 17_000 }] }, // 7.87 -> 8
      ],
    };
    const hit = siteIssues(p).find((i) => i.code === 'POOL_OVERCOMMITTED');
    expect(hit?.received).toEqual({ alpha: 9, gamma: 8 });
  });
});

describe('validateSite: time-sliced pools', () => {
  const sliced = (shared?: boolean): SiteProfile => ({
    ...base,
    nodePools: [
      { ...pool0, timeSlicingReplicas: 4, ...(shared ? { timeSlicingSharedByTenants: true } : {}) },
      base.nodePools[1],
    ],
    tenants: [
      { ...tenant0, gpus: [{ pool: 'a100', count: 8 }] },
      { ...tenant0, name: 'gamma', gpus: [{ pool: 'a100', count: 8 }] },
    ],
  });

  it('refuses two tenants on one time-sliced pool unless the profile says they may share', () => {
    const hit = siteIssues(sliced()).find((i) => i.code === 'TIME_SLICING_SHARED');
    expect(hit?.path).toBe('nodePools[0]');
    expect(hit?.message).toBe(
      "tenants alpha, gamma would share the time-sliced GPUs of pool 'a100', which isolate neither memory nor faults between them",
    );
    expect(siteIssues(sliced(true)).filter((i) => i.code === 'TIME_SLICING_SHARED')).toEqual([]);
  });
});
