import { GpuNodePool } from '../../lib/compute/node-pool';
import { ValidationError, type SiteProfile } from '../../lib/model';
import { SlurmCluster } from '../../lib/scheduling/slurm';
import { AiFactorySite } from '../../lib/site/site';
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
        nodeSelector: { 'ai-factory.eu/pool': 'booster' },
        tolerations: [{ key: 'nvidia.com/gpu', operator: 'Equal', value: 'present', effect: 'NoSchedule' }],
      },
    });
  });

  it('has a default partition per pool, GresTypes=gpu and NVIDIA autodetection', () => {
    expect(values.partitions).toEqual({
      booster: {
        enabled: true,
        nodesets: ['booster'],
        configMap: { State: 'UP', MaxTime: 'UNLIMITED', Default: 'YES' },
      },
    });
    expect(values.controller.extraConfMap.GresTypes).toEqual(['gpu']);
    expect(values.configFiles['gres.conf']).toBe('AutoDetect=nvidia\n');
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

describe('schedulers and cert-manager', () => {
  it('creates one cert-manager for the AMD operator and Slinky together', () => {
    const profile: SiteProfile = {
      ...kajaani,
      schedulers: { kueue: {}, slurm: { nodes: { 'lumi-g': 8 } } },
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

describe('SlurmCluster', () => {
  const pool = () =>
    new GpuNodePool(testStack(), 'p', {
      name: 'h100',
      accelerator: 'nvidia-h100-80gb',
      gpusPerNode: 8,
      nodes: { hostlist: 'g[1-4]' },
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
    expect(values).not.toHaveProperty('accounting');
  });

  it('reports every problem of its props at once', () => {
    const p = pool();
    let error: unknown;
    try {
      new SlurmCluster(testStack(), 'c', {
        name: 'Teach',
        nodeSets: [{ pool: p, replicas: 5 }],
        accounting: { host: 'db', passwordSecret: { name: '' } },
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
