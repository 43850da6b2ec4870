import { GpuNodePool } from '../../lib/compute/node-pool';
import { ACCESS_MODE_PRESETS, parseQuantity, ValidationError, type SiteProfile } from '../../lib/model';
import {
  KueueCohort,
  KueueCpuFlavor,
  KueueResourceFlavor,
  KueueTenantQueue,
} from '../../lib/scheduling/kueue';
import { AiFactorySite } from '../../lib/site/site';
import { TenantNamespace } from '../../lib/tenancy/tenant-namespace';
import { profile as bologna } from '../../stacks/sites/bologna';
import { profile as kajaani } from '../../stacks/sites/kajaani';
import { admit } from '../cel';
import {
  helmValues,
  resources,
  sampleProfile,
  synth,
  testApp,
  testStack,
  type TfJson,
  siteScope,
} from '../helpers';

/** The custom resources of a stack, keyed `<Kind>/<namespace/>name`. */
function customResources(json: TfJson): Record<string, TfJson> {
  const out: Record<string, TfJson> = {};
  for (const r of Object.values(resources(json, 'kubernetes_manifest'))) {
    const m = r.manifest as TfJson;
    out[`${m.kind}/${m.metadata.namespace ? `${m.metadata.namespace}/` : ''}${m.metadata.name}`] = m;
  }
  return out;
}

/** Nominal quotas of a ClusterQueue: `{ flavor: { resource: quota } }`. */
function nominal(cq: TfJson): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const group of cq.spec.resourceGroups) {
    for (const f of group.flavors) {
      out[f.name] = Object.fromEntries(f.resources.map((r: TfJson) => [r.name, r.nominalQuota]));
    }
  }
  return out;
}

function build(profile: SiteProfile): { site: AiFactorySite; platform: TfJson; tenants: TfJson } {
  const site = new AiFactorySite(testApp(), profile);
  return { site, platform: synth(site.platform), tenants: synth(site.tenantsStack) };
}

describe('Kueue at Bologna', () => {
  const { platform, tenants } = build(bologna);
  const crs = customResources(tenants);

  it('installs the pinned chart in kueue-system, with the released image and fair sharing', () => {
    const values = helmValues(platform, 'kueue');
    expect(values.controllerManager.manager.image).toEqual({
      repository: 'registry.k8s.io/kueue/kueue',
      tag: 'v0.19.2',
      pullPolicy: 'IfNotPresent',
    });
    const config = JSON.parse(values.managerConfig.controllerManagerConfigYaml);
    expect(config.apiVersion).toBe('config.kueue.x-k8s.io/v1beta2');
    expect(config.fairSharing.preemptionStrategies).toHaveLength(2);
    expect(config.integrations.frameworks).toContain('kubeflow.org/pytorchjob');
    // The chart's tuning survives replacing its configuration.
    expect(config.clientConnection).toEqual({ qps: 300, burst: 500 });
    expect(config.leaderElection).toEqual({ leaderElect: true, resourceName: 'c1f6bfd2.kueue.x-k8s.io' });
    const release = Object.values(resources(platform, 'helm_release')).find((r) => r.chart === 'kueue');
    expect(release).toMatchObject({ namespace: 'kueue-system', version: '0.19.2' });
  });

  it('manages every job of tenant namespaces, labelled or not', () => {
    const config = JSON.parse(helmValues(platform, 'kueue').managerConfig.controllerManagerConfigYaml);
    expect(config.manageJobsWithoutQueueName).toBe(true);
    expect(config.managedJobsNamespaceSelector).toEqual({
      matchExpressions: [{ key: 'ai-factory.eu/tenant', operator: 'Exists' }],
    });
  });

  it('ignores only ephemeral storage in its quota check, which no queue covers (e2e: 20-jobs.e2e.ts)', () => {
    const config = JSON.parse(helmValues(platform, 'kueue').managerConfig.controllerManagerConfigYaml);
    // The tenant LimitRange requests ephemeral storage for every container: without this, every
    // workload stays pending ("resource ephemeral-storage unavailable in ClusterQueue").
    expect(config.resources).toEqual({ excludeResourcePrefixes: ['ephemeral-storage'] });
    // BlockUndeclared (the default) stays: a queue never admits a GPU resource it does not cover.
    expect(config.resources.quotaCheckStrategy).toBeUndefined();
  });

  it('keeps tenants to the priority classes of their access mode or lower', () => {
    const manifests = resources(platform, 'kubernetes_manifest');
    const policy = manifests['kueue_priority_guard_policy'].manifest;
    expect(policy.kind).toBe('ValidatingAdmissionPolicy');
    expect(policy.spec.matchConstraints.namespaceSelector.matchExpressions[0].key).toBe(
      'ai-factory.eu/tenant',
    );
    const allowed = policy.spec.variables.find((v: TfJson) => v.name === 'allowed').expression;
    expect(allowed).toContain("'playground': ['aif-playground']");
    expect(allowed).toContain("'fast-lane': ['aif-fast-lane', 'aif-playground']");
    expect(allowed).toMatch(
      /'internal': \['aif-ai-for-science', 'aif-fast-lane', 'aif-internal', 'aif-large-scale', 'aif-playground'\]/,
    );
    // Every job kind is matched for the label (and for its pod templates).
    const matched = policy.spec.matchConstraints.resourceRules.map(
      (r: TfJson) => `${r.apiGroups[0]}/${r.resources[0]}`,
    );
    expect(matched).toEqual(
      expect.arrayContaining([
        '/pods',
        'apps/deployments',
        'apps/statefulsets',
        'batch/jobs',
        'jobset.x-k8s.io/jobsets',
        'kubeflow.org/pytorchjobs',
        'trainer.kubeflow.org/trainjobs',
      ]),
    );
    expect(manifests['kueue_priority_guard_binding'].manifest.spec).toEqual({
      policyName: 'aif-kueue-priority-class',
      validationActions: ['Deny'],
    });
  });

  it('keeps jobs to the priority of their access mode, evaluated as the API server would', () => {
    const policy = resources(platform, 'kubernetes_manifest')['kueue_priority_guard_policy'].manifest;
    expect(policy.spec.failurePolicy).toBe('Fail');
    expect(policy.spec.matchConstraints.namespaceSelector).toEqual({
      matchExpressions: [{ key: 'ai-factory.eu/tenant', operator: 'Exists' }],
    });
    const job = (priority?: string) => ({
      metadata: { name: 'j', labels: priority ? { 'kueue.x-k8s.io/priority-class': priority } : {} },
      spec: { template: { spec: { containers: [] } } },
    });
    const inMode = (mode: string, priority?: string) =>
      admit(policy.spec, {
        object: job(priority),
        resource: 'jobs',
        namespaceLabels: { 'ai-factory.eu/tenant': 't', 'ai-factory.eu/access-mode': mode },
      });
    expect(inMode('playground')).toEqual([]);
    expect(inMode('playground', 'aif-playground')).toEqual([]);
    expect(inMode('playground', 'aif-large-scale')).toEqual([
      'kueue.x-k8s.io/priority-class aif-large-scale is above the access mode of this namespace (playground)',
    ]);
    expect(inMode('large-scale', 'aif-fast-lane')).toEqual([]);
    expect(inMode('fast-lane', 'aif-internal')).toHaveLength(1);
    expect(inMode('fast-lane', 'no-such-class')).toHaveLength(1);
  });

  it('has a ResourceFlavor per pool from the pool object, on the nodes Slurm does not hold', () => {
    // Slurm holds 16 Booster nodes: the flavor selects only the ones labelled for Kubernetes.
    expect(crs['ResourceFlavor/booster'].spec).toEqual({
      nodeLabels: {
        'node-restriction.kubernetes.io/ai-factory.eu-pool': 'booster',
        'node-restriction.kubernetes.io/ai-factory.eu-scheduler': 'kubernetes',
      },
      tolerations: [{ key: 'nvidia.com/gpu', operator: 'Equal', value: 'present', effect: 'NoSchedule' }],
    });
  });

  // Worked out by hand from stacks/sites/bologna.ts: the budgets spread over their periods (see
  // lib/model/allocation.ts), 16 cores and 128Gi per GPU, a quarter of that on the CPU-only flavor
  // and three quarters on the pool's, and the access mode's borrowing factor.
  type Want = {
    pool: string;
    gpus: number;
    cpuOnly: [string, string];
    onPool: [string, string];
    borrow: number;
    raisedCpu: number;
  };
  const expected: Record<string, Want> = {
    // 800,000 / 8,760 h = 91.3 -> 91 GPUs; 1,456 cores = 364 + 1,092; 11,648Gi = 2,912 + 8,736; Large Scale x1
    agrifood: {
      pool: 'booster',
      gpus: 91,
      cpuOnly: ['364', '2912Gi'],
      onPool: ['1092', '8736Gi'],
      borrow: 91,
      raisedCpu: 364 + 2 * 1092,
    },
    // 1,500,000 / 8,784 h = 170.8 -> 171; 2,736 = 684 + 2,052; 21,888Gi = 5,472 + 16,416
    'climate-foundation': {
      pool: 'it4lia-gb200',
      gpus: 171,
      cpuOnly: ['684', '5472Gi'],
      onPool: ['2052', '16416Gi'],
      borrow: 171,
      raisedCpu: 684 + 2 * 2052,
    },
    // 50,000 / 2,208 h = 22.6 -> 23; 368 = 92 + 276; 2,944Gi = 736 + 2,208; Fast Lane x0.5: 11 GPUs, 138 cores
    cybersecurity: {
      pool: 'booster',
      gpus: 23,
      cpuOnly: ['92', '736Gi'],
      onPool: ['276', '2208Gi'],
      borrow: 11,
      raisedCpu: 92 + 276 + 138,
    },
    // 160 GPUs; 2,560 = 640 + 1,920; 20Ti = 5Ti + 15Ti (canonical form)
    'earth-climate': {
      pool: 'booster',
      gpus: 160,
      cpuOnly: ['640', '5Ti'],
      onPool: ['1920', '15Ti'],
      borrow: 160,
      raisedCpu: 640 + 2 * 1920,
    },
    // 300,000 / 4,416 h = 67.9 -> 68; 1,088 = 272 + 816; 8,704Gi = 2,176 + 6,528
    manufacturing: {
      pool: 'booster',
      gpus: 68,
      cpuOnly: ['272', '2176Gi'],
      onPool: ['816', '6528Gi'],
      borrow: 68,
      raisedCpu: 272 + 2 * 816,
    },
  };

  it('gives every tenant a ClusterQueue whose quota matches its allocation, in the site cohort', () => {
    expect(crs['Cohort/bologna']).toBeDefined();
    expect(bologna.tenants.map((t) => t.name).sort()).toEqual(Object.keys(expected));
    for (const t of bologna.tenants) {
      const want = expected[t.name];
      const cq = crs[`ClusterQueue/${t.name}`];
      expect(cq.apiVersion).toBe('kueue.x-k8s.io/v1beta2');
      expect(cq.spec.cohortName).toBe('bologna');
      expect(cq.spec).not.toHaveProperty('cohort');
      expect(cq.spec.namespaceSelector).toEqual({ matchLabels: { 'kubernetes.io/metadata.name': t.name } });
      expect(cq.spec.resourceGroups[0].coveredResources).toEqual(['cpu', 'memory', 'nvidia.com/gpu']);
      // The pool's flavor only; a quarter of the tenant's cpu and memory is the CPU lane's, and the
      // two add up to the namespace quota. Memory in the API server's canonical form.
      expect(cq.spec.resourceGroups[0].flavors.map((f: TfJson) => f.name)).toEqual([want.pool]);
      expect(nominal(cq)).toEqual({
        [want.pool]: { cpu: want.onPool[0], memory: want.onPool[1], 'nvidia.com/gpu': String(want.gpus) },
      });
      expect(nominal(crs[`ClusterQueue/${t.name}.cpu`])).toEqual({
        'cpu-only': { cpu: want.cpuOnly[0], memory: want.cpuOnly[1] },
      });
      const preset = ACCESS_MODE_PRESETS[t.accessMode].scheduling;
      expect(cq.spec.fairSharing).toEqual({ weight: preset.fairSharingWeight });
      expect(cq.spec.preemption).toEqual(preset.preemption);
      expect(cq.spec).not.toHaveProperty('stopPolicy');
      const gpuRes = cq.spec.resourceGroups[0].flavors[0].resources[2];
      expect(gpuRes.borrowingLimit).toBe(String(want.borrow));
    }
  });

  it('admits work without GPUs in a lane of its own, onto the CPU nodes only', () => {
    // The CPU nodes' label, and no toleration: nothing admitted there can land on a GPU pool.
    expect(crs['ResourceFlavor/cpu-only'].spec).toEqual({
      nodeLabels: { 'node-restriction.kubernetes.io/ai-factory.eu-cpu-node': 'true' },
    });
    expect(Object.keys(resources(tenants, 'kubernetes_manifest'))).toContain('kueue_flavor_cpu-only');
    for (const t of bologna.tenants) {
      // The CPU lane holds the CPU-only flavor alone: Kueue has no GPU flavor to fall through to,
      // and outside the cohort there is nothing to borrow.
      const cpu = crs[`ClusterQueue/${t.name}.cpu`];
      expect(cpu.spec.resourceGroups).toEqual([
        {
          coveredResources: ['cpu', 'memory'],
          flavors: [{ name: 'cpu-only', resources: expect.any(Array) }],
        },
      ]);
      expect(cpu.spec).not.toHaveProperty('cohortName');
      expect(JSON.stringify(cpu)).not.toMatch(/borrowingLimit|lendingLimit|stopPolicy/);
      expect(cpu.spec.namespaceSelector).toEqual({ matchLabels: { 'kubernetes.io/metadata.name': t.name } });
      // The GPU lane has no CPU-only flavor.
      const gpu = crs[`ClusterQueue/${t.name}`];
      expect(gpu.spec.resourceGroups[0].flavors.map((f: TfJson) => f.name)).not.toContain('cpu-only');
    }
  });

  it('raises the namespace quota to what Kueue may admit with borrowing, and no further', () => {
    for (const t of bologna.tenants) {
      const want = expected[t.name];
      const hard = resources(tenants, 'kubernetes_resource_quota_v1')[`tenant_${t.name}_quota`].spec.hard;
      expect(hard['requests.nvidia.com/gpu']).toBe(String(want.gpus + want.borrow));
      expect(hard['requests.cpu']).toBe(String(want.raisedCpu));
    }
  });

  it('never lets Kueue admit more than the namespace quota allows, at any site', () => {
    // Whatever the profile: the flavors' nominal quota plus borrowing, summed, fits the applied quota.
    for (const profile of [bologna, kajaani]) {
      const out = build(profile);
      const cqs = customResources(out.tenants);
      for (const [address, quota] of Object.entries(resources(out.tenants, 'kubernetes_resource_quota_v1'))) {
        if (quota.metadata.name !== 'tenant-quota') continue;
        const hard = quota.spec.hard as Record<string, string>;
        const tenant = address.replace(/^tenant_/, '').replace(/_quota$/, '');
        const most = new Map<string, number>();
        // Both lanes together.
        for (const cq of [cqs[`ClusterQueue/${tenant}`], cqs[`ClusterQueue/${tenant}.cpu`]]) {
          for (const f of cq.spec.resourceGroups.flatMap((g: TfJson) => g.flavors)) {
            for (const r of f.resources as TfJson[]) {
              const v = parseQuantity(r.nominalQuota) + parseQuantity(r.borrowingLimit ?? '0');
              most.set(r.name, (most.get(r.name) ?? 0) + v);
            }
          }
        }
        for (const [r, v] of most) {
          expect({ tenant, r, v: v <= parseQuantity(hard[`requests.${r}`]) }).toEqual({ tenant, r, v: true });
        }
      }
    }
  });

  it('sends every pod of a tenant namespace through Kueue, so the raised quota cannot be used around it', () => {
    const config = JSON.parse(helmValues(platform, 'kueue').managerConfig.controllerManagerConfigYaml);
    expect(config.integrations.frameworks).toEqual(
      expect.arrayContaining(['batch/job', 'pod', 'deployment', 'statefulset']),
    );
  });

  it('gives every tenant a LocalQueue per lane in its namespace, pointing at its ClusterQueues', () => {
    for (const t of bologna.tenants) {
      expect(crs[`LocalQueue/${t.name}/default`].spec).toEqual({ clusterQueue: t.name });
      expect(crs[`LocalQueue/${t.name}/cpu`].spec).toEqual({ clusterQueue: `${t.name}.cpu` });
    }
  });

  it('has a WorkloadPriorityClass per access mode', () => {
    for (const p of Object.values(ACCESS_MODE_PRESETS)) {
      expect(crs[`WorkloadPriorityClass/${p.scheduling.priorityClass}`].value).toBe(p.scheduling.priority);
    }
  });

  it('lets tenant members read their queue and workloads, and nothing cluster-wide', () => {
    const role = resources(tenants, 'kubernetes_role_v1')['tenant_agrifood_role_member'];
    expect(role.rule).toContainEqual({
      api_groups: ['kueue.x-k8s.io'],
      resources: ['localqueues', 'workloads'],
      verbs: ['get', 'list', 'watch'],
    });
    expect(resources(tenants, 'kubernetes_cluster_role_v1')).toEqual({});
  });

  it('pins addresses to tenant and pool names', () => {
    expect(Object.keys(resources(tenants, 'kubernetes_manifest'))).toEqual(
      expect.arrayContaining([
        'kueue_flavor_booster',
        'kueue_cohort_bologna',
        'kueue_tenant_agrifood_cluster_queue',
        'kueue_tenant_agrifood_local_queue',
        'kueue_tenant_agrifood_cpu_cluster_queue',
        'kueue_tenant_agrifood_cpu_local_queue',
      ]),
    );
  });
});

describe('Kueue on MIG and without a cohort', () => {
  const profile = sampleProfile({ schedulers: { kueue: { cohort: false } } });
  const { tenants } = build(profile);
  const crs = customResources(tenants);

  it('quotes MIG slices as their own resource, and the MIG pool as its own flavor', () => {
    const beta = crs['ClusterQueue/beta'];
    expect(beta.spec.resourceGroups[0].coveredResources).toEqual([
      'cpu',
      'memory',
      'nvidia.com/mig-1g.10gb',
      'nvidia.com/mig-3g.40gb',
    ]);
    // 16 x 1g.10gb = 16/7 GPU-equivalents: 37 cores and 293Gi by default (rounded up by the
    // namespace), a quarter on the CPU flavor (9.25 cores, 73.25Gi) and the rest on the MIG pool.
    expect(nominal(crs['ClusterQueue/beta.cpu'])).toEqual({
      'cpu-only': { cpu: '9250m', memory: '75008Mi' },
    });
    expect(nominal(beta)).toEqual({
      mig: {
        cpu: '27750m',
        memory: '225024Mi',
        'nvidia.com/mig-1g.10gb': '16',
        'nvidia.com/mig-3g.40gb': '0',
      },
    });
    // Not the site's own label, which the node's kubelet could set.
    expect(crs['ResourceFlavor/mig'].spec.nodeLabels).toEqual({
      'node-restriction.kubernetes.io/ai-factory.eu-pool': 'mig',
    });
  });

  it('keeps the namespace quota at the allocation when nothing can be borrowed', () => {
    const hard = resources(tenants, 'kubernetes_resource_quota_v1')['tenant_alpha_quota'].spec.hard;
    expect(hard['requests.nvidia.com/gpu']).toBe('8');
    expect(hard['requests.cpu']).toBe('128');
  });

  it('has no cohort, no borrowing and no cohort reclaim', () => {
    expect(Object.keys(crs).filter((k) => k.startsWith('Cohort/'))).toEqual([]);
    for (const name of ['alpha', 'beta']) {
      const cq = crs[`ClusterQueue/${name}`];
      expect(cq.spec).not.toHaveProperty('cohortName');
      expect(cq.spec.preemption).not.toHaveProperty('reclaimWithinCohort');
      expect(JSON.stringify(cq)).not.toMatch(/borrowingLimit|lendingLimit/);
    }
  });
});

describe('the CPU-only flavor name', () => {
  it('is reserved: a pool of that name would share its ResourceFlavor', () => {
    const base = sampleProfile({ schedulers: { kueue: {} } });
    const profile: SiteProfile = {
      ...base,
      nodePools: base.nodePools.map((p) => (p.name === 'a100' ? { ...p, name: 'cpu-only' } : p)),
      tenants: base.tenants.map((t) =>
        t.name === 'alpha' ? { ...t, gpus: [{ pool: 'cpu-only', count: 8 }] } : t,
      ),
    };
    let error: unknown;
    try {
      new AiFactorySite(testApp(), profile);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'NAME_INVALID nodePools[0].name',
    ]);
    expect((error as Error).message).toMatch(/'cpu-only' names the Kueue ResourceFlavor/);
  });
});

describe('KueueTenantQueue', () => {
  it('splits cpu and memory across pools by GPU-equivalents and honours overrides', () => {
    const stack = testStack();
    const a = new GpuNodePool(stack, 'a', {
      name: 'a',
      accelerator: 'nvidia-a100-80gb',
      gpusPerNode: 4,
      nodes: { hostlist: 'a[1-2]' },
    });
    const b = new GpuNodePool(stack, 'b', {
      name: 'b',
      accelerator: 'nvidia-h100-80gb',
      gpusPerNode: 4,
      nodes: { hostlist: 'b[1-2]' },
    });
    const tenant = new TenantNamespace(stack, 't', {
      name: 'team',
      site: siteScope(stack, 's'),
      accessMode: 'fast-lane',
      allocation: { projectId: 'EHPC-AIF-2026FL01-0001', start: '2026-01-01', end: '2026-03-31' },
      gpus: [
        { pool: a, count: 6 },
        { pool: b, count: 2 },
      ],
      resources: { cpu: '100', memory: '1000Gi' },
      groups: { admins: ['idp:team'] },
    });
    const flavors = new Map(
      [a, b].map((p) => [p.name, new KueueResourceFlavor(stack, `f-${p.name}`, { pool: p })]),
    );
    const q = new KueueTenantQueue(stack, 'q', {
      tenant,
      accessMode: 'fast-lane',
      gpus: [
        { pool: b, count: 2 },
        { pool: a, count: 6 },
      ],
      flavors,
      cpuFlavor: new KueueCpuFlavor(stack, 'cpu'),
      cohort: new KueueCohort(stack, 'c', { name: 's' }),
      borrowingLimit: 4,
      lendingLimit: 4,
    });
    expect(q.quotas).toEqual({
      // A quarter of 100 cores and 1000Gi on the CPU flavor; the rest 6:2 by GPUs.
      'cpu-only': { cpu: '25', memory: '250Gi' },
      a: { cpu: '56250m', memory: '576000Mi', 'nvidia.com/gpu': '6' },
      b: { cpu: '18750m', memory: '192000Mi', 'nvidia.com/gpu': '2' },
    });
    const crs = customResources(synth(stack));
    const cq = crs['ClusterQueue/team'];
    // The CPU lane: its share, neither borrowed nor lent.
    expect(crs['ClusterQueue/team.cpu'].spec.resourceGroups[0].flavors[0].resources).toEqual([
      { name: 'cpu', nominalQuota: '25' },
      { name: 'memory', nominalQuota: '250Gi' },
    ]);
    // 4 of 8 GPUs: half of every quota may be borrowed and lent.
    expect(cq.spec.resourceGroups[0].flavors[0].resources).toEqual([
      { name: 'cpu', nominalQuota: '56250m', borrowingLimit: '28125m', lendingLimit: '28125m' },
      { name: 'memory', nominalQuota: '576000Mi', borrowingLimit: '288000Mi', lendingLimit: '288000Mi' },
      { name: 'nvidia.com/gpu', nominalQuota: '6', borrowingLimit: '3', lendingLimit: '3' },
    ]);
    // The namespace quota is raised by the GPU flavors' borrowing only: 100 + 28.125 + 9.375 cores
    // and 1000 + 281.25 + 93.75 Gi. The flavors' nominal quotas add up to the allocation.
    const hard = resources(synth(stack), 'kubernetes_resource_quota_v1')['tenant_team_quota'].spec.hard;
    expect(hard['requests.cpu']).toBe('137500m');
    expect(hard['requests.memory']).toBe('1375Gi');
    expect(hard['requests.nvidia.com/gpu']).toBe('12');
  });

  it('refuses a borrowing limit without a cohort', () => {
    const stack = testStack();
    const a = new GpuNodePool(stack, 'a', {
      name: 'a',
      accelerator: 'nvidia-a100-80gb',
      gpusPerNode: 4,
      nodes: { hostlist: 'a1' },
    });
    const tenant = new TenantNamespace(stack, 't', {
      name: 'team',
      site: siteScope(stack, 's'),
      accessMode: 'playground',
      allocation: { projectId: 'EHPC-AIF-2026PG01-0001', start: '2026-01-01', end: '2026-03-31' },
      gpus: [{ pool: a, count: 1 }],
      groups: { admins: ['idp:team'] },
    });
    const flavors = new Map([['a', new KueueResourceFlavor(stack, 'f', { pool: a })]]);
    let error: unknown;
    try {
      new KueueTenantQueue(stack, 'q', {
        tenant,
        accessMode: 'playground',
        gpus: [{ pool: a, count: 1 }],
        flavors,
        cpuFlavor: new KueueCpuFlavor(stack, 'cpu'),
        borrowingLimit: 2,
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'BORROWING_WITHOUT_COHORT props.borrowingLimit',
    ]);
  });

  it('refuses a grant on a pool without a flavor', () => {
    const stack = testStack();
    const a = new GpuNodePool(stack, 'a', {
      name: 'a',
      accelerator: 'nvidia-a100-80gb',
      gpusPerNode: 4,
      nodes: { hostlist: 'a1' },
    });
    const tenant = new TenantNamespace(stack, 't', {
      name: 'team',
      site: siteScope(stack, 's'),
      accessMode: 'playground',
      allocation: { projectId: 'EHPC-AIF-2026PG01-0001', start: '2026-01-01', end: '2026-03-31' },
      gpus: [{ pool: a, count: 1 }],
      groups: { admins: ['idp:team'] },
    });
    expect(
      () =>
        new KueueTenantQueue(stack, 'q', {
          tenant,
          accessMode: 'playground',
          gpus: [{ pool: a, count: 1 }],
          flavors: new Map(),
          cpuFlavor: new KueueCpuFlavor(stack, 'cpu'),
        }),
    ).toThrow(/KueueTenantQueue 'team': no ResourceFlavor for pool\(s\) a/);
  });
});
