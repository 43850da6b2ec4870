import {
  ACCESS_MODE_PRESETS,
  ACCESS_MODES,
  poolSplits,
  siteIssues,
  slurmGres,
  slurmShareWarnings,
  validateSite,
  ValidationError,
  type SchedulersSpec,
  type SiteProfile,
} from '../../lib/model';
import { sampleProfile } from '../helpers';

/** The sample site (a100: 4 nodes x 4 GPUs, alpha holds 8) with schedulers. */
const withSchedulers = (schedulers: SchedulersSpec, overrides: Partial<SiteProfile> = {}): SiteProfile =>
  sampleProfile({ schedulers, ...overrides });

const slurm = {
  nodes: { a100: 2 },
  accounting: {
    host: 'mariadb.example.org',
    cidrs: ['10.0.0.20/32'],
    passwordSecret: { name: 'slurmdbd-db' },
  },
  login: { sssdConfSecret: { name: 'sssd-conf' } },
};

describe('scheduler profile validation', () => {
  it('accepts both schedulers sharing a pool', () => {
    expect(siteIssues(withSchedulers({ kueue: {}, slurm }))).toEqual([]);
  });

  // Each case: a profile, the code, the path, and a fragment of the message or fix.
  const cases: Array<[string, SiteProfile, string, string, RegExp]> = [
    [
      'a Kueue share of a pool the site does not have',
      withSchedulers({ kueue: { nodes: { h200: 2 } } }),
      'SCHEDULER_POOL_UNKNOWN',
      'schedulers.kueue.nodes["h200"]',
      /no pool 'h200'.*a100, mig/,
    ],
    [
      'a Slurm partition naming an unknown pool',
      withSchedulers({ slurm: { ...slurm, partitions: [{ name: 'big', pools: ['a100', 'b200'] }] } }),
      'SCHEDULER_POOL_UNKNOWN',
      'schedulers.slurm.partitions[0].pools[1]',
      /no pool 'b200'/,
    ],
    [
      'a Slurm partition naming a pool without a NodeSet',
      withSchedulers({ slurm: { ...slurm, partitions: [{ name: 'big', pools: ['mig'] }] } }),
      'SCHEDULER_POOL_UNKNOWN',
      'schedulers.slurm.partitions[0].pools[0]',
      /has no Slurm NodeSet/,
    ],
    [
      'scheduler node counts beyond the pool',
      withSchedulers({ kueue: { nodes: { a100: 3 } }, slurm }),
      'SCHEDULER_NODES_EXCEEDED',
      'schedulers.slurm.nodes["a100"]',
      /pool 'a100' has 4 nodes, but the schedulers are given 5/,
    ],
    [
      'a Kueue share larger than its pool',
      withSchedulers({ kueue: { nodes: { mig: 3 } } }),
      'SCHEDULER_NODES_EXCEEDED',
      'schedulers.kueue.nodes["mig"]',
      /pool 'mig' has 2 nodes, but the schedulers are given 3/,
    ],
    [
      'a Slurm NodeSet larger than its pool',
      withSchedulers({ slurm: { ...slurm, nodes: { a100: 6 } } }),
      'SCHEDULER_NODES_EXCEEDED',
      'schedulers.slurm.nodes["a100"]',
      /has 4 nodes/,
    ],
    [
      'a tenant quota larger than the Kubernetes share of its pool',
      withSchedulers({ slurm: { ...slurm, nodes: { a100: 3 } } }),
      'TENANT_QUOTA_EXCEEDS_SHARE',
      'tenants[0].gpus[0]',
      /keeps 1 of its 4 nodes.*4 nvidia.com\/gpu; the grant comes to/,
    ],
    [
      'a borrowing limit without a cohort',
      withSchedulers({ kueue: { cohort: false, tenants: { alpha: { borrowingLimit: 4 } } } }),
      'BORROWING_WITHOUT_COHORT',
      'schedulers.kueue.tenants["alpha"].borrowingLimit',
      /only within a cohort/,
    ],
    [
      'Slurm accounting without a database Secret name',
      withSchedulers({
        slurm: { ...slurm, accounting: { host: '10.0.0.20', passwordSecret: undefined as never } },
      }),
      'SECRET_REF_MISSING',
      'schedulers.slurm.accounting.passwordSecret.name',
      /never puts secrets into Terraform/,
    ],
    [
      'login nodes without an SSSD Secret',
      withSchedulers({ slurm: { ...slurm, login: { sssdConfSecret: { name: '' } } } }),
      'SECRET_REF_MISSING',
      'schedulers.slurm.login.sssdConfSecret.name',
      /sssd.conf/,
    ],
    [
      'a Slurm NodeSet on a MIG pool',
      withSchedulers({ slurm: { ...slurm, nodes: { mig: 1 } } }),
      'SLURM_POOL_UNSUPPORTED',
      'schedulers.slurm.nodes["mig"]',
      /partitioned with MIG/,
    ],
    [
      'overrides for a tenant the site does not have',
      withSchedulers({ kueue: { tenants: { gamma: { lendingLimit: 1 } } } }),
      'TENANT_UNKNOWN',
      'schedulers.kueue.tenants["gamma"]',
      /alpha, beta/,
    ],
    [
      'a default partition that does not exist',
      withSchedulers({ slurm: { ...slurm, defaultPartition: 'gpu' } }),
      'SCHEDULER_POOL_UNKNOWN',
      'schedulers.slurm.defaultPartition',
      /no partition of that name/,
    ],
  ];

  it.each(cases)('reports %s', (_what, profile, code, path, text) => {
    const found = siteIssues(profile).filter((i) => i.code === code && i.path === path);
    expect(found).toHaveLength(1);
    expect(`${found[0].message} ${found[0].fix}`).toMatch(text);
  });

  it('reports the Kubernetes share overcommitted by all tenants together', () => {
    const profile = withSchedulers(
      { slurm: { ...slurm, nodes: { a100: 2 } } },
      {
        tenants: [
          ...sampleProfile().tenants,
          {
            name: 'gamma',
            accessMode: 'internal',
            gpus: [{ pool: 'a100', count: 4 }],
            groups: { admins: ['idp:gamma'] },
          },
        ],
      },
    );
    const issues = siteIssues(profile).filter((i) => i.code === 'POOL_OVERCOMMITTED');
    expect(issues.map((i) => [i.path, i.received])).toEqual([['nodePools[0]', { alpha: 8, gamma: 4 }]]);
    expect(issues[0].message).toMatch(/12 nvidia.com\/gpu.*2 Kubernetes nodes \(of 4; Slurm has 2\) hold 8/);
  });

  it('reports every problem at once, before synthesis', () => {
    const profile = withSchedulers({
      kueue: { nodes: { nope: 1 }, cohort: false, tenants: { alpha: { borrowingLimit: 2 } } },
      slurm: { ...slurm, accounting: { host: '', passwordSecret: { name: '' } } },
    });
    let error: unknown;
    try {
      validateSite(profile);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const codes = (error as ValidationError).issues.map((i) => i.code).sort();
    expect(codes).toEqual([
      'BORROWING_WITHOUT_COHORT',
      'SCHEDULER_POOL_UNKNOWN',
      'SECRET_REF_MISSING',
      'VALUE_INVALID',
    ]);
    expect((error as ValidationError).message).toMatch(
      /\[SECRET_REF_MISSING\] schedulers\.slurm\.accounting/,
    );
  });
});

describe('pool split', () => {
  it('gives Kubernetes what Slurm does not take, unless stated', () => {
    expect(poolSplits(withSchedulers({ kueue: {}, slurm }))).toEqual([
      { pool: 'a100', nodes: 4, kubernetes: 2, slurm: 2 },
      { pool: 'mig', nodes: 2, kubernetes: 2, slurm: 0 },
    ]);
    expect(poolSplits(withSchedulers({ kueue: { nodes: { a100: 1 } }, slurm }))[0]).toEqual({
      pool: 'a100',
      nodes: 4,
      kubernetes: 1,
      slurm: 2,
    });
  });

  it('derives the GRES line from the catalog', () => {
    expect(slurmGres(sampleProfile().nodePools[0])).toBe('gpu:a100:4');
    expect(
      slurmGres({ name: 'g', accelerator: 'amd-mi250x', gpusPerNode: 8, nodes: { hostlist: 'n1' } }),
    ).toBe('gpu:mi250x:8');
  });
});

describe('access-mode presets', () => {
  it('cover every access mode, with distinct priority classes', () => {
    expect(Object.keys(ACCESS_MODE_PRESETS).sort()).toEqual([...ACCESS_MODES].sort());
    const classes = Object.values(ACCESS_MODE_PRESETS).map((p) => p.scheduling.priorityClass);
    expect(new Set(classes).size).toBe(classes.length);
  });

  it('never combine reclaimWithinCohort=Never with borrowing', () => {
    for (const p of Object.values(ACCESS_MODE_PRESETS)) {
      if (p.scheduling.preemption.reclaimWithinCohort === 'Never')
        expect(p.scheduling.borrowingFactor).toBe(0);
    }
  });
});

describe("Slurm's share against the grants (issue 18, item 6)", () => {
  it('warns where the grants let Slurm accounts hold more GPUs than Slurm has, and not otherwise', () => {
    const one = withSchedulers({ kueue: {}, slurm: { ...slurm, nodes: { a100: 1 } } });
    expect(siteIssues(one)).toEqual([]);
    expect(slurmShareWarnings(one, '2026-02-01')).toEqual([
      "pool 'a100': the tenants' grants let their Slurm accounts hold 8 GPUs, and Slurm has 4 (1 nodes): the same grants are their Kueue quota, so on Slurm jobs beyond 4 GPUs wait. Give Slurm more nodes of the pool, or expect the queue",
    ]);
    // Two nodes hold alpha's 8; an ended allocation holds nothing.
    expect(slurmShareWarnings(withSchedulers({ kueue: {}, slurm }), '2026-02-01')).toEqual([]);
    expect(slurmShareWarnings(one, '2026-06-01')).toEqual([]);
  });
});
