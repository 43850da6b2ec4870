import { AiFactorySite, CpuNodePool, validateSite, ValidationError, type SiteProfile } from '../../lib';
import { fleetReport } from '../../lib/review/report';
import { renderSite } from '../../lib/review/render';
import { helmValues, resources, sampleProfile, synth, testApp, testStack, type TfJson } from '../helpers';

const POOL = 'node-restriction.kubernetes.io/ai-factory.eu-pool';
const SCHEDULER = 'node-restriction.kubernetes.io/ai-factory.eu-scheduler';
const CPU_NODE = 'node-restriction.kubernetes.io/ai-factory.eu-cpu-node';

// Issue 18, item 2: 8 listed CPU nodes of 64 cores; Slurm takes the last 3, Kueue's CPU lane the rest.
const profile = sampleProfile({
  cpuPools: [{ name: 'cpu', nodes: { hostlist: 'cn[01-08]' }, coresPerNode: 64, memoryPerNode: '512Gi' }],
  schedulers: {
    kueue: {},
    slurm: {
      nodes: { a100: 1, cpu: 3 },
      accounting: { host: '10.0.0.20', passwordSecret: { name: 'db' } },
    },
  },
});

function build(p: SiteProfile): { platform: TfJson; tenants: TfJson; site: AiFactorySite } {
  const site = new AiFactorySite(testApp(), p);
  return { platform: synth(site.platform), tenants: synth(site.tenantsStack), site };
}

describe('a CPU pool (issue 18, item 2)', () => {
  const { platform, tenants } = build(profile);

  it("labels the Kubernetes nodes for Kueue's CPU lane, and taints the last ones for Slurm only", () => {
    const labels = Object.values(resources(platform, 'kubernetes_labels'))
      .filter((l) => String(l.metadata.name).startsWith('cn'))
      .map((l) => [l.metadata.name, l.labels]);
    const kube: Record<string, string> = { [POOL]: 'cpu', [CPU_NODE]: 'true', [SCHEDULER]: 'kubernetes' };
    // The CPU-lane key at another value: a label put there by hand is overwritten, not left to match.
    const slurm: Record<string, string> = { [POOL]: 'cpu', [CPU_NODE]: 'slurm', [SCHEDULER]: 'slurm' };
    expect(labels).toEqual([
      ...['cn01', 'cn02', 'cn03', 'cn04', 'cn05'].map((n) => [n, kube]),
      ...['cn06', 'cn07', 'cn08'].map((n) => [n, slurm]),
    ]);
    // The cpu-only flavor selects exactly the labels the Kubernetes nodes carry, none of Slurm's.
    const flavor = Object.values(resources(tenants, 'kubernetes_manifest')).find(
      (m) => m.manifest.kind === 'ResourceFlavor' && m.manifest.metadata.name === 'cpu-only',
    )!;
    const selected = Object.entries(flavor.manifest.spec.nodeLabels as Record<string, string>);
    expect(selected.every(([k, v]) => kube[k] === v)).toBe(true);
    expect(selected.some(([k, v]) => slurm[k] !== v)).toBe(true);
    // Only Slurm's nodes are tainted, with the taint that only slurmd tolerates.
    const taints = Object.values(resources(platform, 'kubernetes_node_taint'))
      .filter((t) => String(t.metadata.name).startsWith('cn'))
      .map((t) => [t.metadata.name, t.taint]);
    const taint = [{ key: SCHEDULER, value: 'slurm', effect: 'NoSchedule' }];
    expect(taints).toEqual(['cn06', 'cn07', 'cn08'].map((n) => [n, taint]));
    const labelled = resources(platform, 'kubernetes_labels')['cpu_pool_cpu_labels_cn06'];
    expect(labelled.depends_on).toEqual(['kubernetes_node_taint.cpu_pool_cpu_taint_cn06']);
  });

  it('runs a Slurm NodeSet and partition on its Slurm nodes, without GRES', () => {
    const values = helmValues(tenants, 'slurm');
    expect(values.nodesets.cpu).toEqual({
      enabled: true,
      replicas: 3,
      // What pods may use of a node, not the host's: 64 cores, 512Gi in MiB.
      extraConfMap: { Features: ['cpu'], CPUs: ['64'], RealMemory: ['524288'] },
      podSpec: {
        nodeSelector: { [POOL]: 'cpu', [SCHEDULER]: 'slurm' },
        tolerations: [{ key: SCHEDULER, operator: 'Equal', value: 'slurm', effect: 'NoSchedule' }],
      },
    });
    // Every tenant with an allocation in effect may use the CPU partition; only those with whole
    // GPUs of a100 its partition.
    expect(values.partitions.cpu.configMap.AllowAccounts).toEqual(['aif_no_tenant', 'alpha', 'beta']);
    expect(values.partitions.a100.configMap.AllowAccounts).toEqual(['aif_no_tenant', 'alpha']);
    expect(values.configFiles['gres.conf']).toBe('AutoDetect=nvidia\n');
  });

  it('opens the account of a tenant without Slurm GPUs for the CPU partition only, its GPU limits as before', () => {
    const accountsOf = (json: TfJson) =>
      resources(json, 'kubernetes_config_map_v1').slurm_slurm_accounts.data['accounts.cfg'] as string;
    const file = accountsOf(tenants);
    expect(file).toContain(
      `Account - 'alpha':Description='alpha':GrpTRES='gres/gpu=8,gres/gpu:a100=8':GrpJobs=-1`,
    );
    // beta holds MIG slices only: no Slurm GPUs, but its jobs may run, on the CPU partition alone.
    expect(file).toContain(
      `Account - 'beta':Description='beta':GrpTRES='gres/gpu=0,gres/gpu:a100=0':GrpJobs=-1`,
    );
    // Without CPU pools the same account is closed.
    const withoutCpu = build({
      ...profile,
      cpuPools: undefined,
      schedulers: { ...profile.schedulers, slurm: { ...profile.schedulers!.slurm!, nodes: { a100: 1 } } },
    });
    expect(accountsOf(withoutCpu.tenants)).toContain(
      `Account - 'beta':Description='beta':GrpTRES='gres/gpu=0,gres/gpu:a100=0':GrpJobs=0`,
    );
  });

  it('is counted in aif report, with what the CPU lanes may take', () => {
    const report = fleetReport(
      [
        { name: 'testsite-platform', json: platform },
        { name: 'testsite-tenants', json: tenants },
      ],
      '2026-01-15',
    ).sites[0];
    expect(report.cpuPools).toEqual([
      {
        pool: 'cpu',
        nodes: 8,
        coresPerNode: 64,
        cores: 512,
        memoryBytes: 8 * 512 * 2 ** 30,
        slurmNodes: 3,
        kubernetesCores: 320,
      },
    ]);
    expect(report.cpuLaneCores).toBeGreaterThan(0);
    const text = renderSite(report, 'markdown');
    expect(text).toContain('### CPU pools');
    expect(text).toContain('| cpu | 8 | 512 | 4 TiB | 3 | 320 |');
  });

  it('is refused with a GPU pool name, a node of another pool, or more Slurm nodes than it has', () => {
    const bad: SiteProfile = {
      ...profile,
      cpuPools: [
        { name: 'a100', nodes: { hostlist: 'gpu01,cn01' }, coresPerNode: 0, memoryPerNode: 'lots' },
        {
          name: 'cpu',
          nodes: { labels: { 'example.org/cpu': 'yes' }, count: 2 },
          coresPerNode: 64,
          memoryPerNode: '512Gi',
        },
      ],
    };
    const lines = (() => {
      try {
        validateSite(bad);
        return [];
      } catch (e) {
        return (e as ValidationError).issues.map((i) => `${i.code} ${i.path}`);
      }
    })();
    expect(lines).toEqual(
      expect.arrayContaining([
        'NAME_DUPLICATE cpuPools[0].name',
        'NODE_IN_TWO_POOLS cpuPools[0].nodes.hostlist',
        'COUNT_NOT_POSITIVE cpuPools[0].coresPerNode',
        'QUANTITY_INVALID cpuPools[0].memoryPerNode',
        'SCHEDULER_NODES_EXCEEDED schedulers.slurm.nodes["cpu"]',
      ]),
    );
  });

  it('tells the site what to label on a label-selected pool', () => {
    const stack = testStack();
    new CpuNodePool(stack, 'cpu', {
      name: 'cpu',
      nodes: { labels: { 'example.org/cpu': 'yes' }, count: 10 },
      coresPerNode: 128,
      memoryPerNode: '1Ti',
      slurmNodes: 4,
    });
    const out = Object.values(synth(stack).output as Record<string, TfJson>)[0].value;
    expect(out).toEqual({
      nodes: { labels: { 'example.org/cpu': 'yes' }, count: 10 },
      kubernetes: { nodes: 6, labels: { [POOL]: 'cpu', [CPU_NODE]: 'true', [SCHEDULER]: 'kubernetes' } },
      slurm: {
        nodes: 4,
        labels: { [POOL]: 'cpu', [CPU_NODE]: 'slurm', [SCHEDULER]: 'slurm' },
        taint: `${SCHEDULER}=slurm:NoSchedule`,
      },
    });
  });
});
