import {
  formatIssue,
  siteIssues,
  validateSite,
  ValidationError,
  type NodePoolSpec,
  type SiteProfile,
  type TenantSpec,
} from '../../lib/model';
import { sampleProfile } from '../helpers';

const base = sampleProfile();
const pool0 = base.nodePools[0];
const tenant0 = base.tenants[0];
const withPool = (p: Partial<NodePoolSpec>, i = 0): SiteProfile => ({
  ...base,
  nodePools: base.nodePools.map((x, j) => (j === i ? ({ ...x, ...p } as NodePoolSpec) : x)),
});
const withTenant = (t: Partial<TenantSpec>, i = 0): SiteProfile => ({
  ...base,
  tenants: base.tenants.map((x, j) => (j === i ? ({ ...x, ...t } as TenantSpec) : x)),
});

describe('validateSite', () => {
  it('accepts the sample profile', () => {
    expect(siteIssues(base)).toEqual([]);
    expect(validateSite(base)).toBeUndefined();
  });

  // Each case: a profile, the code, the path, and a fragment of the message or fix.
  const cases: Array<[string, SiteProfile, string, string, RegExp]> = [
    [
      'a site name that is no DNS label',
      { ...base, name: 'Bologna_1' },
      'NAME_INVALID',
      'name',
      /DNS label.*bologna-1/,
    ],
    [
      'a pool name with upper case',
      withPool({ name: 'A100' }),
      'NAME_INVALID',
      'nodePools[0].name',
      /DNS label/,
    ],
    [
      'a tenant name with a dot',
      withTenant({ name: 'alpha.beta' }),
      'NAME_INVALID',
      'tenants[0].name',
      /DNS label/,
    ],
    [
      'a reserved namespace',
      withTenant({ name: 'kube-system' }),
      'NAME_INVALID',
      'tenants[0].name',
      /belongs to Kubernetes/,
    ],
    [
      'duplicate pools',
      { ...base, nodePools: [pool0, { ...pool0, nodes: { hostlist: 'other[1-2]' } }] },
      'NAME_DUPLICATE',
      'nodePools[1].name',
      /already defined at nodePools\[0\]/,
    ],
    [
      'duplicate tenants',
      { ...base, tenants: [tenant0, { ...tenant0, gpus: [] }] },
      'NAME_DUPLICATE',
      'tenants[1].name',
      /already defined at tenants\[0\]/,
    ],
    [
      'zero GPUs per node',
      withPool({ gpusPerNode: 0 }),
      'COUNT_NOT_POSITIVE',
      'nodePools[0].gpusPerNode',
      /greater than zero/,
    ],
    [
      'a fractional node count',
      withPool({ nodes: { labels: { a: 'b' }, count: 2.5 } }),
      'COUNT_NOT_POSITIVE',
      'nodePools[0].nodes.count',
      /whole number/,
    ],
    [
      'a negative tenant count',
      withTenant({ gpus: [{ pool: 'a100', count: -1 }] }),
      'COUNT_NOT_POSITIVE',
      'tenants[0].gpus[0].count',
      /greater than zero/,
    ],
    [
      'an unknown accelerator',
      withPool({ accelerator: 'nvidia-v100' }),
      'ACCELERATOR_UNKNOWN',
      'nodePools[0].accelerator',
      /nvidia-a100-40gb/,
    ],
    [
      'both labels and a hostlist',
      withPool({ nodes: { labels: { a: 'b' }, count: 1, hostlist: 'n1' } as never }),
      'NODE_SELECTION_INVALID',
      'nodePools[0].nodes',
      /not both or neither/,
    ],
    [
      'an empty label selector',
      withPool({ nodes: { labels: {}, count: 1 } }),
      'NODE_SELECTION_INVALID',
      'nodePools[0].nodes.labels',
      /every node/,
    ],
    [
      'a bad label',
      withPool({ nodes: { labels: { 'bad key!': 'x' }, count: 1 } }),
      'LABEL_INVALID',
      'nodePools[0].nodes.labels["bad key!"]',
      /label key/,
    ],
    [
      'a broken hostlist',
      withPool({ nodes: { hostlist: 'lrdn[0001-0128' } }),
      'HOSTLIST_INVALID',
      'nodePools[0].nodes.hostlist',
      /unbalanced/,
    ],
    [
      'a hostlist with a node twice',
      withPool({ nodes: { hostlist: 'n[1-2],n2' } }),
      'HOSTLIST_INVALID',
      'nodePools[0].nodes.hostlist',
      /listed twice/,
    ],
    [
      'a node in two pools',
      { ...base, nodePools: [pool0, { ...pool0, name: 'other', nodes: { hostlist: 'gpu[04-05]' } }] },
      'NODE_IN_TWO_POOLS',
      'nodePools[1].nodes.hostlist',
      /gpu04.*also listed in pool 'a100'/,
    ],
    [
      'a bad taint effect',
      withPool({ taint: { key: 'x', value: 'y', effect: 'Never' as never } }),
      'TAINT_INVALID',
      'nodePools[0].taint.effect',
      /NoSchedule/,
    ],
    [
      'MIG on a GPU without profiles',
      withPool({ accelerator: 'nvidia-a100-64gb', mig: { profiles: { '1g.10gb': 7 } } }),
      'MIG_UNSUPPORTED',
      'nodePools[0].mig',
      /no MIG profiles/,
    ],
    [
      'MIG on an AMD GPU',
      withPool({ accelerator: 'amd-mi250x', mig: { profiles: { '1g.10gb': 1 } } }),
      'MIG_UNSUPPORTED',
      'nodePools[0].mig',
      /MI250X/,
    ],
    [
      'an unknown MIG profile',
      withPool({ mig: { profiles: { '1g.5gb': 7 } } }),
      'MIG_PROFILE_UNKNOWN',
      'nodePools[0].mig.profiles["1g.5gb"]',
      /1g\.10gb, 1g\.20gb/,
    ],
    [
      'too many instances of a profile',
      withPool({ mig: { profiles: { '3g.40gb': 3 } } }),
      'MIG_INSTANCES_EXCEEDED',
      'nodePools[0].mig.profiles["3g.40gb"]',
      /at most 2/,
    ],
    [
      'a layout over 7 compute slices',
      withPool({ mig: { profiles: { '4g.40gb': 1, '3g.40gb': 1, '1g.10gb': 1 } } }),
      'MIG_LAYOUT_OVERFLOW',
      'nodePools[0].mig.profiles',
      /8 of 7 compute slices/,
    ],
    [
      'a layout over 8 memory slices',
      withPool({ mig: { profiles: { '3g.40gb': 2, '1g.20gb': 1 } } }),
      'MIG_LAYOUT_OVERFLOW',
      'nodePools[0].mig.profiles',
      /10 of 8 memory slices/,
    ],
    [
      'time-slicing an AMD GPU',
      withPool({ accelerator: 'amd-mi250x', timeSlicingReplicas: 4 }),
      'TIME_SLICING_UNSUPPORTED',
      'nodePools[0].timeSlicingReplicas',
      /AMD device plugin/,
    ],
    [
      'MIG with time-slicing',
      withPool({ timeSlicingReplicas: 2 }, 1),
      'TIME_SLICING_UNSUPPORTED',
      'nodePools[1].timeSlicingReplicas',
      /either/,
    ],
    [
      'a grant on a pool the site lacks',
      withTenant({ gpus: [{ pool: 'h200', count: 1 }] }),
      'TENANT_GPU_UNAVAILABLE',
      'tenants[0].gpus[0].pool',
      /no pool of that name.*a100, mig/,
    ],
    [
      'a MIG profile the pool does not offer',
      withTenant({ gpus: [{ pool: 'mig', count: 1, migProfile: '7g.80gb' }] }),
      'TENANT_GPU_UNAVAILABLE',
      'tenants[0].gpus[0].migProfile',
      /1g\.10gb, 3g\.40gb/,
    ],
    [
      'whole GPUs from a MIG pool',
      withTenant({ gpus: [{ pool: 'mig', count: 1 }] }),
      'TENANT_GPU_UNAVAILABLE',
      'tenants[0].gpus[0].migProfile',
      /offers no whole GPUs/,
    ],
    [
      'a MIG profile on a whole-GPU pool',
      withTenant({ gpus: [{ pool: 'a100', count: 1, migProfile: '1g.10gb' }] }),
      'TENANT_GPU_UNAVAILABLE',
      'tenants[0].gpus[0].migProfile',
      /offers whole GPUs/,
    ],
    [
      'the same pool granted twice',
      withTenant({
        gpus: [
          { pool: 'a100', count: 1 },
          { pool: 'a100', count: 2 },
        ],
      }),
      'NAME_DUPLICATE',
      'tenants[0].gpus[1]',
      /granted twice/,
    ],
    [
      'grants over a pool',
      withTenant({ gpus: [{ pool: 'a100', count: 12 }] }, 1),
      'POOL_OVERCOMMITTED',
      'nodePools[0]',
      /granted 20 nvidia.com\/gpu of pool 'a100', which holds 16/,
    ],
    [
      'MIG grants over a pool',
      withTenant({ gpus: [{ pool: 'mig', count: 50, migProfile: '1g.10gb' }] }),
      'POOL_OVERCOMMITTED',
      'nodePools[1]',
      /granted 66 nvidia.com\/mig-1g.10gb of pool 'mig', which holds 64/,
    ],
    [
      'a malformed quantity',
      withTenant({ resources: { memory: '12 GB' } }),
      'QUANTITY_INVALID',
      'tenants[0].resources.memory',
      /quantity/,
    ],
    [
      'no admin group',
      withTenant({ groups: { admins: [] } }),
      'GROUPS_MISSING',
      'tenants[0].groups.admins',
      /admin group/,
    ],
    [
      'a system group',
      withTenant({ groups: { admins: ['system:masters'] } }),
      'GROUPS_MISSING',
      'tenants[0].groups',
      /system group/,
    ],
    [
      'a malformed CIDR',
      withTenant({ egressCidrs: ['10.0.0.0/33'] }),
      'CIDR_INVALID',
      'tenants[0].egressCidrs[0]',
      /not a CIDR/,
    ],
    [
      'egress to the whole internet',
      withTenant({ egressCidrs: ['0.0.0.0/0'] }),
      'CIDR_INVALID',
      'tenants[0].egressCidrs[0]',
      /whole internet/,
    ],
    [
      'no kubeconfig context',
      { ...base, kubernetes: { configPath: '~/.kube/config', context: '' } },
      'CONNECTION_INVALID',
      'kubernetes.context',
      /current/,
    ],
    [
      'an unpinned Pod Security version',
      { ...base, podSecurityVersion: 'latest' },
      'VALUE_INVALID',
      'podSecurityVersion',
      /pinned/,
    ],
    [
      'an unknown access mode',
      withTenant({ accessMode: 'vip' as never }),
      'VALUE_INVALID',
      'tenants[0].accessMode',
      /playground, fast-lane/,
    ],
  ];

  it.each(cases)('reports %s', (_what, profile, code, path, text) => {
    const issues = siteIssues(profile);
    const hit = issues.find((i) => i.code === code && i.path === path);
    expect(hit).toBeDefined();
    expect(`${hit?.message} ${hit?.fix}`).toMatch(text);
  });

  it('reports the MIG over-commit with the right totals', () => {
    const p = withTenant({ gpus: [{ pool: 'mig', count: 60, migProfile: '1g.10gb' }] });
    const hit = siteIssues(p).find((i) => i.code === 'POOL_OVERCOMMITTED');
    // 2 nodes x 8 GPUs x 4 instances = 64 instances; 60 + 16 granted.
    expect(hit?.message).toBe("tenants are granted 76 nvidia.com/mig-1g.10gb of pool 'mig', which holds 64");
    expect(hit?.received).toEqual({ alpha: 60, beta: 16 });
  });

  it('lists every problem at once, each line with code, path, value and fix', () => {
    const bad: SiteProfile = {
      ...base,
      name: 'Bad Site',
      nodePools: [{ ...pool0, accelerator: 'nvidia-v100' }, base.nodePools[1]],
      tenants: [
        { ...tenant0, gpus: [{ pool: 'nope', count: 0 }] },
        { ...base.tenants[1], name: 'Beta' },
      ],
    };
    let error: unknown;
    try {
      validateSite(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'NAME_INVALID name',
      'ACCELERATOR_UNKNOWN nodePools[0].accelerator',
      'COUNT_NOT_POSITIVE tenants[0].gpus[0].count',
      'TENANT_GPU_UNAVAILABLE tenants[0].gpus[0].pool',
      'NAME_INVALID tenants[1].name',
    ]);
    expect((error as Error).message).toContain("site profile 'Bad Site' has 5 problems");
    expect(formatIssue(issues[1])).toBe(
      '[ACCELERATOR_UNKNOWN] nodePools[0].accelerator: the accelerator catalog has no such model (received: "nvidia-v100"). ' +
        `Fix: use one of: ${'nvidia-a100-40gb'}, nvidia-a100-64gb, nvidia-a100-80gb, nvidia-h100-64gb, nvidia-h100-80gb, nvidia-h100-nvl-94gb, nvidia-h200-141gb, nvidia-gh200-96gb, nvidia-gh200-144gb, nvidia-b200, nvidia-gb200, amd-mi250x, amd-mi300a; or declare the model in the profile's accelerators (docs/profile.md#accelerators)`,
    );
  });

  it('accepts a layout that fills a GPU exactly', () => {
    expect(
      siteIssues(withPool({ mig: { profiles: { '3g.40gb': 1, '2g.20gb': 1, '1g.10gb': 2 } } }, 1)).filter(
        (i) => i.code.startsWith('MIG'),
      ),
    ).toEqual([]);
  });
});
