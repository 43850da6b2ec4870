import { GpuNodePool } from '../../lib/compute/node-pool';
import {
  resolveProfile,
  slurmImageWarnings,
  validateSite,
  ValidationError,
  type SiteProfile,
} from '../../lib/model';
import {
  SLURM_CGROUP_CONF,
  SLURM_ISOLATION_CONF,
  SLURM_PRIVATE_DATA,
  SlurmCluster,
  slurmGresConf,
} from '../../lib/scheduling/slurm';
import { AiFactorySite } from '../../lib/site/site';
import { profile as barcelona } from '../../stacks/sites/barcelona';
import { profile as bologna } from '../../stacks/sites/bologna';
import { profile as kajaani } from '../../stacks/sites/kajaani';
import { helmValues, resources, sampleProfile, synth, testApp, testStack, type TfJson } from '../helpers';

function build(profile: SiteProfile): { platform: TfJson; tenants: TfJson } {
  const site = new AiFactorySite(testApp(), profile);
  return { platform: synth(site.platform), tenants: synth(site.tenantsStack) };
}

describe('Slurm at Bologna', () => {
  const { platform, tenants } = build(bologna);
  const values = helmValues(tenants, 'slurm');

  it('installs the Slinky CRDs and operator, with one cert-manager, in the platform stack', () => {
    const charts = Object.values(resources(platform, 'helm_release')).map((r) => `${r.chart}@${r.version}`);
    expect(charts.sort()).toEqual([
      'cert-manager@v1.21.1',
      'gpu-operator@v26.7.0',
      'kueue@0.19.2',
      'slurm-operator-crds@1.2.1',
      'slurm-operator@1.2.1',
    ]);
    expect(helmValues(platform, 'slurm-operator')).toEqual({
      crds: { enabled: false },
      certManager: { enabled: true },
    });
    // The cluster's namespace is made in the platform stack, so its Secrets can exist before the cluster.
    expect(Object.keys(resources(platform, 'kubernetes_namespace_v1'))).toContain('namespace_slurm');
  });

  it('releases the slurm chart in the tenants stack, in the slurm namespace', () => {
    const rel = resources(tenants, 'helm_release')['helm_slurm_slurm'];
    expect(rel).toMatchObject({ chart: 'slurm', version: '1.2.1', namespace: 'slurm', atomic: true });
    expect(values.clusterName).toBe('bologna');
  });

  it('has a NodeSet per pool that matches the pool', () => {
    expect(Object.keys(values.nodesets)).toEqual(['booster']);
    expect(values.nodesets.booster).toEqual({
      enabled: true,
      replicas: 16,
      slurmd: { resources: { limits: { 'nvidia.com/gpu': 4 } } },
      extraConfMap: { Gres: ['gpu:a100:4'], Features: ['booster', 'nvidia-a100-64gb'] },
      podSpec: {
        // Only the 16 nodes labelled for Slurm, never the ones Kueue fills with pods.
        nodeSelector: {
          'node-restriction.kubernetes.io/ai-factory.eu-pool': 'booster',
          'node-restriction.kubernetes.io/ai-factory.eu-scheduler': 'slurm',
        },
        tolerations: [{ key: 'nvidia.com/gpu', operator: 'Equal', value: 'present', effect: 'NoSchedule' }],
      },
    });
  });

  it('gives every Slurm pod a high PriorityClass through the chart-wide values key', () => {
    // slurm 1.2.1 values.yaml has `priorityClass` (used by the NodeSet template too), and no
    // priorityClassName key in the NodeSet podSpec.
    expect(values.priorityClass).toEqual({
      enabled: true,
      create: true,
      name: 'aif-slurm-bologna',
      description: expect.stringContaining('slurmd'),
      value: 1_000_000_000,
      preemptionPolicy: 'PreemptLowerPriority',
    });
  });

  it('labels the last 16 Booster nodes for Slurm and the other 112 for Kubernetes', () => {
    const labels = resources(platform, 'kubernetes_labels');
    const scheduler = (n: number) =>
      labels[`pool_booster_labels_lrdn${String(n).padStart(4, '0')}`].labels[
        'node-restriction.kubernetes.io/ai-factory.eu-scheduler'
      ];
    const slurmNodes = Object.values(labels)
      .filter((l) => l.labels['node-restriction.kubernetes.io/ai-factory.eu-scheduler'] === 'slurm')
      .map((l) => l.metadata.name)
      .sort();
    expect(slurmNodes).toHaveLength(16);
    expect(slurmNodes[0]).toBe('lrdn0113');
    expect(slurmNodes[15]).toBe('lrdn0128');
    expect(scheduler(1)).toBe('kubernetes');
    expect(scheduler(112)).toBe('kubernetes');
    expect(scheduler(113)).toBe('slurm');
    const kubernetes = Object.values(labels).filter(
      (l) =>
        l.labels['node-restriction.kubernetes.io/ai-factory.eu-pool'] === 'booster' &&
        l.labels['node-restriction.kubernetes.io/ai-factory.eu-scheduler'] === 'kubernetes',
    );
    expect(kubernetes).toHaveLength(112);
  });

  it('has a default partition per pool, GresTypes=gpu and NVIDIA autodetection', () => {
    expect(values.partitions).toEqual({
      booster: {
        enabled: true,
        nodesets: ['booster'],
        // Finite by default: no job holds a node for good.
        // Only the tenants with a grant on the pool; climate-foundation has none on Slurm's pools.
        configMap: {
          State: 'UP',
          MaxTime: '2-00:00:00',
          Default: 'YES',
          AllowAccounts: ['aif_no_tenant', 'agrifood', 'cybersecurity', 'earth-climate', 'manufacturing'],
        },
      },
    });
    expect(values.controller.extraConfMap.GresTypes).toEqual(['gpu']);
    expect(values.configFiles['gres.conf']).toBe('AutoDetect=nvidia\n');
  });

  it('enforces associations and their limits, and tracks the typed GPUs that typed limits need', () => {
    expect(values.controller.extraConfMap.AccountingStorageEnforce).toEqual([
      'associations',
      'limits',
      'qos',
      'safe',
    ]);
    expect(values.controller.extraConfMap.AccountingStorageTRES).toEqual(['gres/gpu', 'gres/gpu:a100']);
    // A job a partition does not admit (AllowAccounts) is refused at submission, not queued for good.
    expect(values.controller.extraConfMap.EnforcePartLimits).toEqual(['ALL']);
  });

  it("writes every tenant's account with its grant as GrpTRES, for sacctmgr load, in a ConfigMap", () => {
    const cm = resources(tenants, 'kubernetes_config_map_v1').slurm_slurm_accounts;
    expect(cm.metadata).toMatchObject({ name: 'aif-slurm-accounts', namespace: 'slurm' });
    const lines = (cm.data['accounts.cfg'] as string).split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines.slice(0, 2)).toEqual(["Cluster - 'bologna'", "Parent - 'root'"]);
    const account = (name: string) => lines.find((l) => l.startsWith(`Account - '${name}':`));
    // The same grants as the Kueue quotas: 800,000 GPU-hours over a year are 91 GPUs.
    expect(account('agrifood')).toBe(
      "Account - 'agrifood':Description='Agrifood: crop and supply-chain models':GrpTRES='gres/gpu=91,gres/gpu:a100=91':GrpJobs=-1:GrpSubmitJobs=-1",
    );
    // The count the Kueue quota takes too (lib/model resolveProfile).
    const agrifood = resolveProfile(bologna).tenants.find((t) => t.name === 'agrifood');
    expect(agrifood?.gpus.map((g) => g.count)).toEqual([91]);
    // A tenant without a grant on Slurm's pools can run nothing there, not even CPU jobs on GPU nodes.
    expect(account('climate-foundation')).toMatch(
      /GrpTRES='gres\/gpu=0,gres\/gpu:a100=0':GrpJobs=0:GrpSubmitJobs=0$/,
    );
    // The closed account that every partition names, then one per tenant.
    expect(lines[2]).toMatch(/^Account - 'aif_no_tenant':.*GrpJobs=0:GrpSubmitJobs=0$/);
    expect(lines).toHaveLength(3 + bologna.tenants.length);
  });

  it('puts the login nodes behind a ClusterIP service unless the profile says otherwise', () => {
    expect(values.loginsets.login.service).toEqual({ spec: { type: 'ClusterIP' } });
    const open = build({
      ...bologna,
      schedulers: {
        ...bologna.schedulers,
        slurm: {
          ...bologna.schedulers!.slurm!,
          login: { ...bologna.schedulers!.slurm!.login!, serviceType: 'LoadBalancer' },
        },
      },
    });
    expect(helmValues(open.tenants, 'slurm').loginsets.login.service).toEqual({
      spec: { type: 'LoadBalancer' },
    });
  });

  it('accounts against the existing MariaDB and logs users in through SSSD, by Secret name only', () => {
    expect(values.accounting.enabled).toBe(true);
    expect(values.accounting.storageConfig.passwordKeyRef).toEqual({
      name: 'slurmdbd-mariadb',
      key: 'password',
    });
    expect(values.sssd).toEqual({ secretRef: { name: 'slurm-sssd-conf', key: 'sssd.conf' } });
    expect(values.loginsets.login).toMatchObject({ enabled: true, replicas: 2 });
    // No password, key, raw sssd.conf or authorized key is ever written: the chart makes the Slurm
    // and JWT keys itself, and everything else is a Secret reference.
    const keys: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          keys.push(k);
          walk(x);
        }
      }
    };
    walk(values);
    expect(
      keys.filter((k) => /^(password|StoragePass|conf|rootSshAuthorizedKeys|slurmKey|jwtKey)$/.test(k)),
    ).toEqual([]);
  });
});

describe('Slurm at Barcelona, on a label-selected pool', () => {
  const { platform, tenants } = build(barcelona);

  it('tells the site to label 8 nodes for Slurm and 72 for Kubernetes, and selects by that label', () => {
    expect(resources(platform, 'kubernetes_labels')).toEqual({});
    const out = platform.output['pool_mn5-acc_site_applied_node_config'].value;
    expect(out.schedulerLabel).toEqual({
      key: 'node-restriction.kubernetes.io/ai-factory.eu-scheduler',
      nodes: { kubernetes: 72, slurm: 8 },
    });
    const nodeSelector = helmValues(tenants, 'slurm').nodesets['mn5-acc'].podSpec.nodeSelector;
    expect(nodeSelector).toEqual({
      ...out.selector,
      'node-restriction.kubernetes.io/ai-factory.eu-scheduler': 'slurm',
    });
    const flavor = Object.values(resources(tenants, 'kubernetes_manifest')).find(
      (r) => r.manifest.kind === 'ResourceFlavor' && r.manifest.metadata.name === 'mn5-acc',
    );
    expect(flavor?.manifest.spec.nodeLabels).toEqual({
      ...out.selector,
      'node-restriction.kubernetes.io/ai-factory.eu-scheduler': 'kubernetes',
    });
  });
});

describe('schedulers and cert-manager', () => {
  it('creates one cert-manager for the AMD operator and Slinky together', () => {
    const profile: SiteProfile = {
      ...kajaani,
      network: { apiServerCidrs: ['10.0.0.10/32'] },
      schedulers: {
        kueue: {},
        slurm: { nodes: { 'lumi-g': 8 }, accounting: { host: '10.0.0.20', passwordSecret: { name: 'db' } } },
      },
      tenants: kajaani.tenants.map((t) =>
        t.name === 'nordic-llm' ? { ...t, gpus: [{ pool: 'lumi-g', count: 192 }] } : t,
      ),
    };
    const { platform, tenants } = build(profile);
    const charts = Object.values(resources(platform, 'helm_release')).map((r) => r.chart);
    expect(charts.filter((c) => c === 'cert-manager')).toHaveLength(1);
    expect(helmValues(tenants, 'slurm').configFiles['gres.conf']).toBe('AutoDetect=rsmi\n');
    expect(helmValues(tenants, 'slurm').nodesets['lumi-g'].slurmd.resources.limits).toEqual({
      'amd.com/gpu': 8,
    });
  });

  it('creates no cert-manager and no Slinky when no component needs them', () => {
    const { platform } = build(sampleProfile({ schedulers: { kueue: {} } }));
    const charts = Object.values(resources(platform, 'helm_release')).map((r) => r.chart);
    expect(charts.sort()).toEqual(['gpu-operator', 'kueue']);
  });

  it('synthesizes the same bytes whatever the order of pools, tenants and scheduler entries', () => {
    const profile = sampleProfile({
      schedulers: {
        kueue: { nodes: { mig: 2, a100: 2 } },
        slurm: {
          nodes: { a100: 2 },
          partitions: [{ name: 'all-gpus', pools: ['a100'] }],
          accounting: { host: '10.0.0.20', passwordSecret: { name: 'db' } },
          login: { sssdConfSecret: { name: 'sssd' } },
        },
      },
    });
    const reversed: SiteProfile = {
      ...profile,
      nodePools: [...profile.nodePools].reverse(),
      tenants: [...profile.tenants].reverse(),
      schedulers: { ...profile.schedulers, kueue: { nodes: { a100: 2, mig: 2 } } },
    };
    const a = build(profile);
    const b = build(reversed);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});

describe('Slurm accounts and limits from a profile', () => {
  const withSlurm = (
    slurm: Partial<NonNullable<SiteProfile['schedulers']>['slurm']>,
    extra: Partial<SiteProfile> = {},
  ) =>
    sampleProfile({
      schedulers: {
        kueue: {},
        slurm: {
          nodes: { a100: 2 },
          accounting: { host: '10.0.0.20', passwordSecret: { name: 'db' } },
          ...slurm,
        },
      },
      ...extra,
    });
  const accounts = (profile: SiteProfile) =>
    resources(build(profile).tenants, 'kubernetes_config_map_v1').slurm_slurm_accounts.data[
      'accounts.cfg'
    ] as string;
  const allowed = (profile: SiteProfile) =>
    Object.fromEntries(
      Object.entries(helmValues(build(profile).tenants, 'slurm').partitions as Record<string, TfJson>).map(
        ([name, p]) => [name, p.configMap.AllowAccounts],
      ),
    );

  it("admits a tenant only to the partitions of the pools it has a grant on, through the site's grants", () => {
    // alpha holds a100 GPUs; beta only MIG slices, which Slurm does not take: in no partition.
    const extra = { partitions: [{ name: 'long', pools: ['a100'], maxTime: '7-00:00:00' }] };
    expect(allowed(withSlurm(extra))).toEqual({
      a100: ['aif_no_tenant', 'alpha'],
      long: ['aif_no_tenant', 'alpha'],
    });
  });

  it('refuses Slurm without accounting when the site has tenants, and allows it without tenants', () => {
    let error: unknown;
    try {
      build(withSlurm({ accounting: undefined }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'SLURM_ACCOUNTING_REQUIRED schedulers.slurm.accounting',
    ]);
    expect((error as Error).message).toMatch(/set schedulers\.slurm\.accounting to the site's MariaDB/);
    const lab = build(withSlurm({ accounting: undefined }, { tenants: [] }));
    expect(resources(lab.tenants, 'kubernetes_config_map_v1')).toEqual({});
    expect(helmValues(lab.tenants, 'slurm').controller.extraConfMap).toEqual({
      GresTypes: ['gpu'],
      ...SLURM_ISOLATION_CONF,
      PrivateData: [...SLURM_PRIVATE_DATA],
    });
  });

  it('closes the accounts of retired tenants and of retiredTenants, with zero GPUs and no jobs', () => {
    const profile = withSlurm(
      {},
      {
        tenants: sampleProfile().tenants.map((t) => (t.name === 'alpha' ? { ...t, retired: true } : t)),
        retiredTenants: [{ name: 'gamma', note: 'EHPC-AIF-2025FL01-0003 ended', storage: [] }],
      },
    );
    const lines = accounts(profile).split('\n');
    for (const name of ['alpha', 'gamma'])
      expect(lines.find((l) => l.startsWith(`Account - '${name}'`))).toMatch(
        /GrpTRES='gres\/gpu=0,gres\/gpu:a100=0':GrpJobs=0:GrpSubmitJobs=0$/,
      );
    // Closed accounts are in no partition: a100 admits no tenant.
    expect(allowed(profile)).toEqual({ a100: ['aif_no_tenant'] });
    // Before retirement alpha's 8 GPUs were its limit, and a load lifts the job limits it had not.
    expect(
      accounts(withSlurm({}))
        .split('\n')
        .find((l) => l.startsWith("Account - 'alpha'")),
    ).toMatch(/GrpTRES='gres\/gpu=8,gres\/gpu:a100=8':GrpJobs=-1:GrpSubmitJobs=-1$/);
  });

  it('closes the account of a tenant whose allocation has ended on the synthesis date, as its Kueue quota', () => {
    const alpha = (date: string) => {
      const before = process.env.AIF_DATE;
      process.env.AIF_DATE = date;
      try {
        return accounts(withSlurm({}))
          .split('\n')
          .find((l) => l.startsWith("Account - 'alpha'"));
      } finally {
        process.env.AIF_DATE = before;
      }
    };
    // alpha's allocation runs 2026-01-01 to 2026-03-31.
    expect(alpha('2026-03-31')).toMatch(
      /GrpTRES='gres\/gpu=8,gres\/gpu:a100=8':GrpJobs=-1:GrpSubmitJobs=-1$/,
    );
    expect(alpha('2026-04-01')).toMatch(/GrpTRES='gres\/gpu=0,gres\/gpu:a100=0':GrpJobs=0:GrpSubmitJobs=0$/);
    const before = process.env.AIF_DATE;
    process.env.AIF_DATE = '2026-04-01';
    try {
      expect(allowed(withSlurm({}))).toEqual({ a100: ['aif_no_tenant'] });
    } finally {
      process.env.AIF_DATE = before;
    }
  });

  it('bounds every partition at two days unless the profile sets a time, UNLIMITED only when it says so', () => {
    const partitions = (slurm: Parameters<typeof withSlurm>[0]) =>
      Object.fromEntries(
        Object.entries(
          helmValues(build(withSlurm(slurm)).tenants, 'slurm').partitions as Record<string, TfJson>,
        ).map(([name, p]) => [name, p.configMap.MaxTime]),
      );
    const extra = { partitions: [{ name: 'long', pools: ['a100'], maxTime: '7-00:00:00' }] };
    expect(partitions(extra)).toEqual({ a100: '2-00:00:00', long: '7-00:00:00' });
    expect(partitions({ ...extra, maxTime: '12:00:00' })).toEqual({ a100: '12:00:00', long: '7-00:00:00' });
    expect(partitions({ maxTime: 'UNLIMITED' })).toEqual({ a100: 'UNLIMITED' });
    let error: unknown;
    try {
      build(withSlurm({ maxTime: 'two days' }));
    } catch (e) {
      error = e;
    }
    expect((error as ValidationError).issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'VALUE_INVALID schedulers.slurm.maxTime',
    ]);
  });
});

describe('one Slurm cluster over an NVIDIA and an AMD pool (issue 18, item 1)', () => {
  const mixed = sampleProfile({
    nodePools: [
      { name: 'h100', accelerator: 'nvidia-h100-80gb', gpusPerNode: 4, nodes: { hostlist: 'h[01-04]' } },
      { name: 'mi300a', accelerator: 'amd-mi300a', gpusPerNode: 4, nodes: { hostlist: 'm[01-04]' } },
    ],
    tenants: [
      {
        name: 'alpha',
        accessMode: 'internal',
        gpus: [
          { pool: 'h100', count: 4 },
          { pool: 'mi300a', count: 4 },
        ],
        groups: { admins: ['idp:alpha'] },
      },
      {
        name: 'gamma',
        accessMode: 'internal',
        gpus: [{ pool: 'mi300a', count: 4 }],
        groups: { admins: ['idp:gamma'] },
      },
    ],
    schedulers: {
      slurm: {
        nodes: { h100: 2, mi300a: 2 },
        slurmdImages: { mi300a: 'registry.site.example/slurm/slurmd-rocm:26.05.1-ubuntu26.04' },
        accounting: { host: '10.0.0.20', passwordSecret: { name: 'db' } },
      },
    },
  });

  it('validates, with a partition, a NodeSet and a typed GRES per pool', () => {
    expect(() => validateSite(mixed)).not.toThrow();
    const values = helmValues(build(mixed).tenants, 'slurm');
    expect(Object.keys(values.partitions).sort()).toEqual(['h100', 'mi300a']);
    expect(values.nodesets.h100.extraConfMap.Gres).toEqual(['gpu:h100:4']);
    expect(values.nodesets.mi300a.extraConfMap.Gres).toEqual(['gpu:mi300a:4']);
    expect(values.nodesets.h100.slurmd.resources.limits).toEqual({ 'nvidia.com/gpu': 4 });
    expect(values.nodesets.mi300a.slurmd.resources.limits).toEqual({ 'amd.com/gpu': 4 });
    expect(values.controller.extraConfMap.AccountingStorageTRES).toEqual([
      'gres/gpu',
      'gres/gpu:h100',
      'gres/gpu:mi300a',
    ]);
    expect(values.partitions.h100.configMap.AllowAccounts).toEqual(['aif_no_tenant', 'alpha']);
    expect(values.partitions.mi300a.configMap.AllowAccounts).toEqual(['aif_no_tenant', 'alpha', 'gamma']);
  });

  it("detects each slurmd's GPUs with its own vendor's method, by the NodeSet's Slurm node names", () => {
    const values = helmValues(build(mixed).tenants, 'slurm');
    // The AMD NodeSet runs the site's slurmd image with ROCm SMI, the NVIDIA one the chart's.
    expect(values.nodesets.mi300a.slurmd.image).toEqual({
      repository: 'registry.site.example/slurm/slurmd-rocm',
      tag: '26.05.1-ubuntu26.04',
    });
    expect(values.nodesets.h100.slurmd.image).toBeUndefined();
    // A site image already in the mirror registry stays; upstream ones move there.
    const mirrored = helmValues(
      build({ ...mixed, mirror: { images: { registry: 'registry.site.example' } } }).tenants,
      'slurm',
    );
    expect(mirrored.nodesets.mi300a.slurmd.image.repository).toBe('registry.site.example/slurm/slurmd-rocm');
    expect(mirrored.nodesets.h100.slurmd.image.repository).toBe('registry.site.example/slinkyproject/slurmd');
    expect(values.configFiles['gres.conf'].split('\n')).toEqual([
      'AutoDetect=off',
      'NodeName=h100-[0-1] AutoDetect=nvidia',
      'NodeName=mi300a-[0-1] AutoDetect=rsmi',
      '',
    ]);
    // A cluster of one vendor keeps one global line.
    expect(slurmGresConf([{ name: 'booster', vendor: 'nvidia', replicas: 16 }])).toBe('AutoDetect=nvidia\n');
    expect(
      slurmGresConf([
        { name: 'g', vendor: 'amd', replicas: 1 },
        { name: 'h', vendor: 'nvidia', replicas: 1 },
      ]),
    ).toBe('AutoDetect=off\nNodeName=g-0 AutoDetect=rsmi\nNodeName=h-0 AutoDetect=nvidia\n');
  });

  it('refuses a slurmd image for a pool without a NodeSet, and one without an exact tag', () => {
    const bad = {
      ...mixed,
      schedulers: {
        slurm: {
          ...mixed.schedulers!.slurm!,
          slurmdImages: {
            a100: 'registry.site.example/slurmd:1',
            mi300a: 'registry.site.example/slurmd:latest',
          },
        },
      },
    };
    expect(() => validateSite(bad)).toThrow(
      /SCHEDULER_POOL_UNKNOWN.*slurmdImages\["a100"\][\s\S]*VALUE_INVALID.*slurmdImages\["mi300a"\]/,
    );
  });

  it("warns of an AMD pool that runs the chart's slurmd image, and refuses a series tag", () => {
    expect(slurmImageWarnings(mixed)).toEqual([]);
    const chartImage = {
      ...mixed,
      schedulers: { slurm: { ...mixed.schedulers!.slurm!, slurmdImages: undefined } },
    };
    expect(slurmImageWarnings(chartImage)).toEqual([
      expect.stringMatching(/^pool 'mi300a' is AMD and its Slurm NodeSet runs the chart's slurmd image/),
    ]);
    const series = {
      ...mixed,
      schedulers: {
        slurm: {
          ...mixed.schedulers!.slurm!,
          slurmdImages: { mi300a: 'registry.site.example/slurmd:26.05-rocm' },
        },
      },
    };
    expect(() => validateSite(series)).toThrow(
      /VALUE_INVALID\] schedulers\.slurm\.slurmdImages\["mi300a"\]: tag '26\.05-rocm' floats/,
    );
  });

  it("limits each account on both vendors' GPUs, per GRES type and in total", () => {
    const cm = resources(build(mixed).tenants, 'kubernetes_config_map_v1').slurm_slurm_accounts;
    const lines = (cm.data['accounts.cfg'] as string)
      .split('\n')
      .filter((l) => l.startsWith("Account - 'alpha") || l.startsWith("Account - 'gamma"));
    expect(lines).toEqual([
      "Account - 'alpha':Description='alpha':GrpTRES='gres/gpu=8,gres/gpu:h100=4,gres/gpu:mi300a=4':GrpJobs=-1:GrpSubmitJobs=-1",
      "Account - 'gamma':Description='gamma':GrpTRES='gres/gpu=4,gres/gpu:h100=0,gres/gpu:mi300a=4':GrpJobs=-1:GrpSubmitJobs=-1",
    ]);
  });
});

describe('SlurmCluster', () => {
  const pool = () =>
    new GpuNodePool(testStack(), 'p', {
      name: 'h100',
      accelerator: 'nvidia-h100-80gb',
      gpusPerNode: 8,
      nodes: { hostlist: 'g[1-4]' },
    });
  /** Three four-GPU pools of two nodes: a100, h100, and a third H100 pool of the given name. */
  const threePools = (stack: ReturnType<typeof testStack>, third: string) =>
    (
      [
        ['a100', 'nvidia-a100-80gb', 'a[1-2]'],
        ['h100', 'nvidia-h100-80gb', 'h[1-2]'],
        [third, 'nvidia-h100-80gb', `${third[0]}[1-2]`],
      ] as const
    ).map(
      ([name, accelerator, hostlist]) =>
        new GpuNodePool(stack, name, { name, accelerator, gpusPerNode: 4, nodes: { hostlist } }),
    );

  it('puts slurmd pods only on the nodes a split pool keeps for Slurm, and no more of them', () => {
    const split = new GpuNodePool(testStack(), 'p', {
      name: 'h100',
      accelerator: 'nvidia-h100-80gb',
      gpusPerNode: 8,
      nodes: { hostlist: 'g[1-4]' },
      slurmNodes: 1,
    });
    const stack = testStack();
    new SlurmCluster(stack, 'c', { name: 'teach', nodeSets: [{ pool: split, replicas: 1 }] });
    expect(helmValues(synth(stack), 'slurm').nodesets.h100.podSpec.nodeSelector).toEqual({
      'node-restriction.kubernetes.io/ai-factory.eu-pool': 'h100',
      'node-restriction.kubernetes.io/ai-factory.eu-scheduler': 'slurm',
    });
    let error: unknown;
    try {
      new SlurmCluster(testStack(), 'c', { name: 'teach', nodeSets: [{ pool: split, replicas: 2 }] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => [i.code, i.path])).toEqual([
      ['SCHEDULER_NODES_EXCEEDED', 'props.nodeSets["h100"].replicas'],
    ]);
    expect((error as Error).message).toMatch(/keeps 1 of its nodes for Slurm/);
  });

  it('makes its own namespace by default and spans extra partitions', () => {
    const p = pool();
    const stack = testStack();
    const cluster = new SlurmCluster(stack, 'c', {
      name: 'teach',
      nodeSets: [{ pool: p, replicas: 2 }],
      partitions: [{ name: 'long', pools: [p], maxTime: '7-00:00:00' }],
      defaultPartition: 'long',
    });
    expect(cluster.namespace).toBe('slurm-teach');
    expect(cluster.partitions).toEqual(['long', 'h100']);
    const json = synth(stack);
    expect(Object.keys(resources(json, 'kubernetes_namespace_v1'))).toEqual(['namespace_slurm-teach']);
    const values = helmValues(json, 'slurm');
    expect(values.partitions.long.configMap).toEqual({ State: 'UP', MaxTime: '7-00:00:00', Default: 'YES' });
    expect(values.partitions.h100.configMap.Default).toBe('NO');
    // Accounting stays off: the values only pin its image (every slot is pinned, on or off).
    expect(values.accounting).toEqual({
      slurmdbd: { image: { repository: 'ghcr.io/slinkyproject/slurmdbd', tag: '26.05.1-ubuntu26.04' } },
    });
  });

  it('limits accounts per GRES type and in total, and refuses accounts without accounting', () => {
    const stack = testStack();
    const [a100, h100, other] = threePools(stack, 'other');
    const cluster = new SlurmCluster(stack, 'c', {
      name: 'lab',
      nodeSets: [
        { pool: a100, replicas: 2 },
        { pool: h100, replicas: 2 },
      ],
      accounting: { host: '10.0.0.20', passwordSecret: { name: 'db' } },
      accounts: [
        // A grant on a pool without a NodeSet here does not count.
        {
          name: 'team',
          description: "Team 'A'",
          gpus: [
            { pool: a100, count: 4 },
            { pool: h100, count: 2 },
            { pool: other, count: 8 },
          ],
        },
        { name: 'gone', gpus: [{ pool: a100, count: 4 }], closed: true },
      ],
    });
    const values = helmValues(synth(stack), 'slurm');
    expect(values.controller.extraConfMap.AccountingStorageTRES).toEqual([
      'gres/gpu',
      'gres/gpu:a100',
      'gres/gpu:h100',
    ]);
    expect(cluster.accountsFile?.split('\n').filter((l) => l.startsWith('Account'))).toEqual([
      "Account - 'aif_no_tenant':Description='No tenant, no users: in every partition AllowAccounts so that none admits all':GrpTRES='gres/gpu=0':GrpJobs=0:GrpSubmitJobs=0",
      "Account - 'gone':Description='gone':GrpTRES='gres/gpu=0,gres/gpu:a100=0,gres/gpu:h100=0':GrpJobs=0:GrpSubmitJobs=0",
      "Account - 'team':Description='Team  A':GrpTRES='gres/gpu=6,gres/gpu:a100=4,gres/gpu:h100=2':GrpJobs=-1:GrpSubmitJobs=-1",
    ]);

    let error: unknown;
    try {
      new SlurmCluster(testStack(), 'c', {
        name: 'lab',
        nodeSets: [{ pool: a100, replicas: 1 }],
        accounts: [{ name: 'team', gpus: [{ pool: a100, count: 4 }] }],
      });
    } catch (e) {
      error = e;
    }
    expect((error as ValidationError).issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'SLURM_ACCOUNTING_REQUIRED props.accounting',
    ]);
  });

  it('admits to each partition only the accounts with a grant on each of its pools', () => {
    const stack = testStack();
    const [a100, h100, spare] = threePools(stack, 'spare');
    new SlurmCluster(stack, 'c', {
      name: 'lab',
      nodeSets: [a100, h100, spare].map((pool) => ({ pool, replicas: 1 })),
      partitions: [{ name: 'any', pools: [a100, h100] }],
      accounting: { host: '10.0.0.20', passwordSecret: { name: 'db' } },
      accounts: [
        { name: 'ampere', gpus: [{ pool: a100, count: 8 }] },
        {
          name: 'both',
          gpus: [
            { pool: a100, count: 4 },
            { pool: h100, count: 4 },
          ],
        },
        // MIG and zero grants hold no whole GPU there.
        {
          name: 'hopper',
          gpus: [
            { pool: h100, count: 4 },
            { pool: spare, count: 1, migProfile: '1g.10gb' },
            { pool: a100, count: 0 },
          ],
        },
        { name: 'none' },
        { name: 'gone', gpus: [{ pool: a100, count: 4 }], closed: true },
      ],
    });
    const values = helmValues(synth(stack), 'slurm');
    const allow = Object.fromEntries(
      Object.entries(values.partitions as Record<string, { configMap: { AllowAccounts: string[] } }>).map(
        ([name, p]) => [name, p.configMap.AllowAccounts],
      ),
    );
    expect(allow).toEqual({
      a100: ['aif_no_tenant', 'ampere', 'both'],
      h100: ['aif_no_tenant', 'both', 'hopper'],
      // No grant here: only the closed account, never an empty list (which Slurm reads as all).
      spare: ['aif_no_tenant'],
      any: ['aif_no_tenant', 'both'],
    });

    let error: unknown;
    try {
      new SlurmCluster(testStack(), 'c', {
        name: 'lab',
        nodeSets: [{ pool: a100, replicas: 1 }],
        accounting: { host: '10.0.0.20', passwordSecret: { name: 'db' } },
        accounts: [{ name: 'aif_no_tenant', gpus: [{ pool: a100, count: 4 }] }],
      });
    } catch (e) {
      error = e;
    }
    expect((error as ValidationError).issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'NAME_INVALID props.accounts[0].name',
    ]);
  });

  it('reports every problem of its props at once', () => {
    const p = pool();
    let error: unknown;
    try {
      new SlurmCluster(testStack(), 'c', {
        name: 'Teach',
        nodeSets: [{ pool: p, replicas: 5 }],
        accounting: { host: '10.0.0.20', passwordSecret: { name: '' } },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'NAME_INVALID props.clusterName',
      'SECRET_REF_MISSING props.accounting.passwordSecret.name',
      'SCHEDULER_NODES_EXCEEDED props.nodeSets["h100"].replicas',
    ]);
  });
});

describe('Slurm isolation between tenants (issue 16, findings 3 and 5)', () => {
  const values = helmValues(build(bologna).tenants, 'slurm');
  const conf = values.controller.extraConfMap as Record<string, string[]>;

  it('holds every job to the GPUs, cores and memory it asked for (cgroup.conf and the plugins that apply it)', () => {
    const cgroup = Object.fromEntries(
      (values.configFiles['cgroup.conf'] as string)
        .trim()
        .split('\n')
        .map((l) => l.split('=')),
    );
    expect(cgroup).toEqual({
      CgroupPlugin: 'cgroup/v2',
      IgnoreSystemd: 'yes',
      ConstrainCores: 'yes',
      ConstrainDevices: 'yes',
      ConstrainRAMSpace: 'yes',
      ConstrainSwapSpace: 'yes',
    });
    expect(values.configFiles['cgroup.conf']).toBe(SLURM_CGROUP_CONF);
    expect(conf.TaskPlugin).toEqual(['task/cgroup', 'task/affinity']);
    expect(conf.ProctrackType).toEqual(['proctrack/cgroup']);
    // gres.conf stays: ConstrainDevices holds a job to the GRES devices it was given.
    expect(values.configFiles['gres.conf']).toBe('AutoDetect=nvidia\n');
    // Nodes are shared between users, each job in its own cgroup: no partition is exclusive.
    for (const p of Object.values(
      values.partitions as Record<string, { configMap: Record<string, unknown> }>,
    ))
      expect(p.configMap.ExclusiveUser).toBeUndefined();
  });

  it('shows each tenant only its own jobs, accounts, usage and reservations, in slurmctld and slurmdbd', () => {
    const privacy = ['accounts', 'events', 'jobs', 'reservations', 'usage', 'users'];
    expect(conf.PrivateData).toEqual(privacy);
    expect(values.accounting.extraConfMap).toEqual({ PrivateData: privacy });
    expect([...SLURM_PRIVATE_DATA]).toEqual(privacy);
    expect(Object.keys(SLURM_ISOLATION_CONF).sort()).toEqual([
      'JobAcctGatherType',
      'ProctrackType',
      'TaskPlugin',
    ]);
  });
});
