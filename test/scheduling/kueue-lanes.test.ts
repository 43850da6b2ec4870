import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../lib/cli/main';
import { GpuNodePool } from '../../lib/compute/node-pool';
import { allocationWarnings, siteIssues, ValidationError, type SiteProfile } from '../../lib/model';
import {
  KueueCpuFlavor,
  KueueResourceFlavor,
  KueueTenantQueue,
  KueueLaneGuard,
} from '../../lib/scheduling/kueue';
import { AiFactorySite } from '../../lib/site/site';
import { TenantNamespace } from '../../lib/tenancy/tenant-namespace';
import { admit } from '../cel';
import { resources, sampleProfile, synth, testApp, testStack, type TfJson, siteScope } from '../helpers';

/** Runs `fn` with $AIF_DATE set to `date` (or unset), then puts the pinned date back. */
function onDate<T>(date: string | undefined, fn: () => T): T {
  const before = process.env.AIF_DATE;
  if (date === undefined) delete process.env.AIF_DATE;
  else process.env.AIF_DATE = date;
  try {
    return fn();
  } finally {
    process.env.AIF_DATE = before;
  }
}

function customResources(json: TfJson): Record<string, TfJson> {
  const out: Record<string, TfJson> = {};
  for (const r of Object.values(resources(json, 'kubernetes_manifest'))) {
    const m = r.manifest as TfJson;
    out[`${m.kind}/${m.metadata.namespace ? `${m.metadata.namespace}/` : ''}${m.metadata.name}`] = m;
  }
  return out;
}

const kueueProfile = (overrides: Partial<SiteProfile> = {}) =>
  sampleProfile({ schedulers: { kueue: {} }, ...overrides });

function build(profile: SiteProfile, date: string) {
  return onDate(date, () => {
    const site = new AiFactorySite(testApp(), profile);
    return { platform: synth(site.platform), tenants: synth(site.tenantsStack) };
  });
}

describe('the lane guard on Kueue Workloads, evaluated as the API server would', () => {
  const { platform } = build(kueueProfile(), '2026-01-15');
  const policy = resources(platform, 'kubernetes_manifest')['kueue_lane_guard_policy'].manifest;
  const tenantNs = { 'ai-factory.eu/tenant': 'alpha' };
  /** A Workload as Kueue builds it from a job: one pod set per role. */
  const workload = (queueName: string | undefined, ...podSets: TfJson[]) => ({
    apiVersion: 'kueue.x-k8s.io/v1beta2',
    kind: 'Workload',
    metadata: { name: 'job-train-1a2b3', namespace: 'alpha' },
    spec: { ...(queueName !== undefined ? { queueName } : {}), podSets },
  });
  const podSet = (resourcesOf: TfJson, where: 'containers' | 'initContainers' = 'containers') => ({
    name: 'main',
    count: 1,
    template: { spec: { [where]: [{ name: 'c', image: 'x', resources: resourcesOf }] } },
  });
  const cpuOnly = podSet({ requests: { cpu: '4', memory: '16Gi' } });
  const gpu = podSet({ limits: { cpu: '16', memory: '128Gi', 'nvidia.com/gpu': '4' } });
  const review = (object: TfJson, extra: Partial<Parameters<typeof admit>[1]> = {}) =>
    admit(policy.spec, { object, resource: 'workloads', namespaceLabels: tenantNs, ...extra });

  it('binds in every tenant namespace, fails closed, and watches Workloads only', () => {
    expect(policy.metadata.name).toBe(KueueLaneGuard.POLICY_NAME);
    expect(policy.spec.failurePolicy).toBe('Fail');
    expect(policy.spec.matchConstraints).toEqual({
      namespaceSelector: { matchExpressions: [{ key: 'ai-factory.eu/tenant', operator: 'Exists' }] },
      resourceRules: [
        {
          apiGroups: ['kueue.x-k8s.io'],
          apiVersions: ['*'],
          operations: ['CREATE', 'UPDATE'],
          resources: ['workloads'],
        },
      ],
    });
    const binding = resources(platform, 'kubernetes_manifest')['kueue_lane_guard_binding'].manifest;
    expect(binding.spec).toEqual({ policyName: 'aif-kueue-lanes', validationActions: ['Deny'] });
    // The site's GPU resources, MIG instances included.
    expect(policy.spec.variables.find((v: TfJson) => v.name === 'gpuResources').expression).toBe(
      "['nvidia.com/gpu', 'nvidia.com/mig-1g.10gb', 'nvidia.com/mig-3g.40gb']",
    );
  });

  it('refuses work without GPUs in the GPU queue, and says which queue to use', () => {
    const expected = [
      'this workload requests no GPU, and the LocalQueue default runs only GPU work, on the GPU pools: submit it with the label kueue.x-k8s.io/queue-name: cpu, whose pods run on the CPU nodes',
    ];
    expect(review(workload('default', cpuOnly))).toEqual(expected);
    // No queue name at all: Kueue would default it to `default`.
    expect(review(workload(undefined, cpuOnly))).toEqual(expected);
    // A GPU key at zero is no GPU: it would still be admitted on a pool's flavor, onto GPU nodes.
    expect(review(workload('default', podSet({ limits: { cpu: '2', 'nvidia.com/gpu': '0' } })))).toEqual(
      expected,
    );
    expect(review(workload('default', podSet({ requests: { 'nvidia.com/gpu': 0 } })))).toEqual(expected);
    // An extended resource of no pool of the site does not make a GPU workload.
    expect(review(workload('default', podSet({ limits: { 'example.com/fpga': '1' } })))).toEqual(expected);
  });

  it('admits GPU work in the GPU queue, however the GPU is asked for', () => {
    expect(review(workload('default', gpu))).toEqual([]);
    expect(review(workload('default', podSet({ requests: { 'nvidia.com/mig-1g.10gb': '2' } })))).toEqual([]);
    expect(review(workload('default', podSet({ limits: { 'nvidia.com/gpu': 8 } })))).toEqual([]);
    expect(
      review(workload('default', podSet({ limits: { 'nvidia.com/gpu': '1' } }, 'initContainers'))),
    ).toEqual([]);
    // An MPIJob: a launcher without GPUs and GPU workers are one workload, admitted as GPU work.
    expect(review(workload('default', { ...cpuOnly, name: 'launcher' }, { ...gpu, name: 'worker' }))).toEqual(
      [],
    );
  });

  it('admits work without GPUs in the CPU queue, and refuses GPU work there', () => {
    expect(review(workload('cpu', cpuOnly))).toEqual([]);
    expect(review(workload('cpu', podSet({})))).toEqual([]);
    expect(review(workload('cpu', gpu))).toEqual([
      'this workload requests a GPU, and the LocalQueue cpu runs only work without GPUs, on CPU nodes: submit it with the label kueue.x-k8s.io/queue-name: default',
    ]);
  });

  it('judges updates only where the queue changes', () => {
    // Kueue's own updates of a workload that stays in its queue pass, whatever it holds.
    expect(
      review(workload('default', cpuOnly), { operation: 'UPDATE', oldObject: workload('default', cpuOnly) }),
    ).toEqual([]);
    // A move into the other lane is judged like a creation.
    expect(
      review(workload('default', cpuOnly), { operation: 'UPDATE', oldObject: workload('cpu', cpuOnly) }),
    ).toHaveLength(1);
    expect(
      review(workload('cpu', gpu), { operation: 'UPDATE', oldObject: workload('default', gpu) }),
    ).toHaveLength(1);
  });
});

describe('the CPU nodes', () => {
  it("are selected by the profile's labels", () => {
    const { tenants } = build(
      kueueProfile({
        schedulers: { kueue: { cpuNodeLabels: { 'node-restriction.kubernetes.io/cpu': 'x' } } },
      }),
      '2026-01-15',
    );
    expect(customResources(tenants)['ResourceFlavor/cpu-only'].spec).toEqual({
      nodeLabels: { 'node-restriction.kubernetes.io/cpu': 'x' },
    });
  });

  it('refuse labels that select nothing, are malformed, are the library’s, or are a GPU pool’s', () => {
    const problems = (labels: Record<string, string>) =>
      siteIssues(kueueProfile({ schedulers: { kueue: { cpuNodeLabels: labels } } }), '2026-01-15').map(
        (i) => `${i.code} ${i.path}`,
      );
    expect(problems({})).toEqual(['LABEL_INVALID schedulers.kueue.cpuNodeLabels']);
    expect(problems({ 'bad key!': 'x' })).toEqual([
      'LABEL_INVALID schedulers.kueue.cpuNodeLabels["bad key!"]',
    ]);
    expect(problems({ 'ai-factory.eu/pool': 'cpu' })).toEqual([
      'LABEL_INVALID schedulers.kueue.cpuNodeLabels["ai-factory.eu/pool"]',
    ]);
    // The keys the library writes on pool nodes since they moved under node-restriction.kubernetes.io/.
    expect(problems({ 'node-restriction.kubernetes.io/ai-factory.eu-pool': 'cpu' })).toEqual([
      'LABEL_INVALID schedulers.kueue.cpuNodeLabels["node-restriction.kubernetes.io/ai-factory.eu-pool"]',
    ]);
    // The label-selected MIG pool's nodes carry example.org/partition=mig.
    expect(problems({ 'example.org/partition': 'mig' })).toEqual([
      'LABEL_INVALID schedulers.kueue.cpuNodeLabels',
    ]);
    expect(problems({ 'example.org/partition': 'cpu' })).toEqual([]);
  });
});

describe('a tenant without GPUs', () => {
  it('has all its cpu and memory in the CPU lane and a GPU lane that holds nothing', () => {
    const stack = testStack();
    const pool = new GpuNodePool(stack, 'a', {
      name: 'a',
      accelerator: 'nvidia-a100-80gb',
      gpusPerNode: 4,
      nodes: { hostlist: 'a1' },
    });
    siteScope(stack, 's').addPool(pool);
    const tenant = new TenantNamespace(stack, 't', {
      name: 'etl',
      site: siteScope(stack, 's'),
      accessMode: 'internal',
      gpus: [],
      resources: { cpu: '32', memory: '256Gi' },
      groups: { admins: ['idp:etl'] },
    });
    const queue = new KueueTenantQueue(stack, 'q', {
      tenant,
      accessMode: 'internal',
      gpus: [],
      flavors: new Map([['a', new KueueResourceFlavor(stack, 'f', { pool })]]),
      cpuFlavor: new KueueCpuFlavor(stack, 'cpu'),
    });
    expect(queue.quotas).toEqual({ 'cpu-only': { cpu: '32', memory: '256Gi' } });
    const crs = customResources(synth(stack));
    // No resource group: any workload there is "unavailable in ClusterQueue", never admitted.
    expect(crs['ClusterQueue/etl'].spec.resourceGroups).toEqual([]);
    expect(crs['ClusterQueue/etl'].spec).not.toHaveProperty('stopPolicy');
  });
});

describe('an expired allocation', () => {
  // beta's Playground allocation ends on 2026-02-28; alpha's Fast Lane one on 2026-03-31.
  const active = build(kueueProfile(), '2026-02-28');
  const expired = build(kueueProfile(), '2026-03-01');
  const quota = (json: TfJson, t: string) =>
    resources(json, 'kubernetes_resource_quota_v1')[`tenant_${t}_quota`].spec.hard as Record<string, string>;

  it('takes every GPU quota of the namespace to zero and keeps its CPU, storage and namespace', () => {
    const before = quota(active.tenants, 'beta');
    const after = quota(expired.tenants, 'beta');
    expect(before['requests.nvidia.com/mig-1g.10gb']).not.toBe('0');
    for (const r of ['nvidia.com/gpu', 'nvidia.com/mig-1g.10gb', 'nvidia.com/mig-3g.40gb']) {
      expect(after[`requests.${r}`]).toBe('0');
    }
    const gpuKeys = Object.keys(after).filter((k) => /nvidia\.com/.test(k));
    const rest = (hard: Record<string, string>) =>
      Object.fromEntries(Object.entries(hard).filter(([k]) => !gpuKeys.includes(k)));
    expect(rest(after)).toEqual(rest(before));
    expect(after['requests.cpu']).not.toBe('0');
    expect(resources(expired.tenants, 'kubernetes_namespace_v1')['tenant_beta_namespace']).toEqual(
      resources(active.tenants, 'kubernetes_namespace_v1')['tenant_beta_namespace'],
    );
  });

  it('stops its GPU queues with no GPU quota, and keeps its CPU queue running with all its CPU', () => {
    const crs = customResources(expired.tenants);
    const gpuQueue = crs['ClusterQueue/beta'];
    expect(gpuQueue.spec.stopPolicy).toBe('HoldAndDrain');
    expect(crs['LocalQueue/beta/default'].spec).toEqual({ clusterQueue: 'beta', stopPolicy: 'HoldAndDrain' });
    for (const f of gpuQueue.spec.resourceGroups[0].flavors) {
      for (const r of f.resources) expect({ [r.name]: r.nominalQuota }).toEqual({ [r.name]: '0' });
    }
    const cpuQueue = crs['ClusterQueue/beta.cpu'];
    expect(cpuQueue.spec).not.toHaveProperty('stopPolicy');
    expect(crs['LocalQueue/beta/cpu'].spec).toEqual({ clusterQueue: 'beta.cpu' });
    const hard = quota(expired.tenants, 'beta');
    expect(cpuQueue.spec.resourceGroups[0].flavors[0].resources).toEqual([
      { name: 'cpu', nominalQuota: hard['requests.cpu'] },
      { name: 'memory', nominalQuota: hard['requests.memory'] },
    ]);
  });

  it('leaves an active tenant as it was', () => {
    const a = customResources(active.tenants);
    const e = customResources(expired.tenants);
    for (const k of ['ClusterQueue/alpha', 'ClusterQueue/alpha.cpu', 'LocalQueue/alpha/default']) {
      expect(e[k]).toEqual(a[k]);
    }
    expect(quota(expired.tenants, 'alpha')).toEqual(quota(active.tenants, 'alpha'));
    expect(e['ClusterQueue/alpha'].spec).not.toHaveProperty('stopPolicy');
  });

  it('frees its GPUs for other grants, and is a warning, not an error', () => {
    // gamma takes 12 of the a100 pool's 16 GPUs from 2026-03-01; alpha holds 8 until 2026-03-31.
    const profile = kueueProfile({
      tenants: [
        ...sampleProfile().tenants,
        {
          name: 'gamma',
          accessMode: 'large-scale',
          allocation: { projectId: 'EHPC-AIF-2026LS01-0003', start: '2026-03-01', end: '2026-08-31' },
          gpus: [{ pool: 'a100', count: 12 }],
          groups: { admins: ['idp:gamma-admins'] },
        },
      ],
    });
    expect(siteIssues(profile, '2026-03-31').map((i) => i.code)).toContain('POOL_OVERCOMMITTED');
    expect(siteIssues(profile, '2026-04-01')).toEqual([]);
    expect(allocationWarnings(profile, '2026-04-01')).toEqual([
      expect.stringMatching(
        /^tenants\[0\] 'alpha': allocation EHPC-AIF-2026FL01-0001 ended on 2026-03-31, before 2026-04-01: its GPU quota is 0/,
      ),
      expect.stringMatching(/^tenants\[1\] 'beta': allocation EHPC-AIF-2026PG01-0002 ended on 2026-02-28/),
    ]);
    // A future allocation is reserved, not warned about.
    expect(allocationWarnings(profile, '2026-01-15')).toEqual([]);
  });

  it('is judged by the constructs too: a TenantNamespace and its queue built without a profile', () => {
    const stack = testStack();
    const pool = new GpuNodePool(stack, 'a', {
      name: 'a',
      accelerator: 'nvidia-a100-80gb',
      gpusPerNode: 4,
      nodes: { hostlist: 'a[1-2]' },
    });
    const tenant = new TenantNamespace(stack, 't', {
      name: 'team',
      site: siteScope(stack, 's'),
      accessMode: 'fast-lane',
      allocation: { projectId: 'EHPC-AIF-2026FL01-0009', start: '2026-01-01', end: '2026-03-31' },
      date: '2026-04-01',
      gpus: [{ pool, count: 4 }],
      groups: { admins: ['idp:team'] },
    });
    expect(tenant.holdsGpus).toBe(false);
    const queue = new KueueTenantQueue(stack, 'q', {
      tenant,
      accessMode: 'fast-lane',
      gpus: [{ pool, count: 4 }],
      flavors: new Map([['a', new KueueResourceFlavor(stack, 'f', { pool })]]),
      cpuFlavor: new KueueCpuFlavor(stack, 'cpu'),
    });
    expect(queue.holdsGpus).toBe(false);
    const json = synth(stack);
    expect(
      resources(json, 'kubernetes_resource_quota_v1')['tenant_team_quota'].spec.hard[
        'requests.nvidia.com/gpu'
      ],
    ).toBe('0');
    expect(customResources(json)['ClusterQueue/team'].spec.stopPolicy).toBe('HoldAndDrain');
    // Borrowing cannot bring GPUs back through the namespace quota either.
    tenant.raiseQuota({ 'requests.nvidia.com/gpu': '8', 'requests.cpu': '999' });
    expect(tenant.appliedHardLimits['requests.nvidia.com/gpu']).toBe('0');
    expect(tenant.appliedHardLimits['requests.cpu']).toBe('999');
  });
});

describe('the synthesis date', () => {
  it('is a coded problem when $AIF_DATE is malformed', () => {
    for (const bad of ['2026-02-30', '30.11.2026', 'today']) {
      const issues = onDate(bad, () => siteIssues(kueueProfile()));
      expect(issues.map((i) => `${i.code} ${i.path} ${String(i.received)}`)).toEqual([
        `SYNTHESIS_DATE_INVALID AIF_DATE ${bad}`,
      ]);
    }
    let error: unknown;
    onDate('2026-13-01', () => {
      try {
        new AiFactorySite(testApp(), kueueProfile());
      } catch (e) {
        error = e;
      }
    });
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.code)).toEqual(['SYNTHESIS_DATE_INVALID']);
  });

  it('is today in UTC without $AIF_DATE', () => {
    const today = new Date().toISOString().slice(0, 10);
    const profile = kueueProfile();
    // The sample's allocations ended in 2026: judged against today, once it is past them.
    const issues = onDate(undefined, () => siteIssues(profile));
    expect(issues.map((i) => i.code)).not.toContain('SYNTHESIS_DATE_INVALID');
    expect(allocationWarnings(profile, today)).toHaveLength(
      today > '2026-03-31' ? 2 : today > '2026-02-28' ? 1 : 0,
    );
    const site = onDate(undefined, () => new AiFactorySite(testApp(), profile));
    expect(site.tenants.get('alpha')?.holdsGpus).toBe(today <= '2026-03-31');
  });
});

describe('aif synth --date', () => {
  const writeErr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  afterAll(() => {
    writeErr.mockRestore();
    write.mockRestore();
  });

  it('synthesizes as of that day, and warns of the expired allocations', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-date-'));
    const before = process.env.AIF_DATE;
    try {
      fs.mkdirSync(path.join(dir, 'sites'));
      fs.writeFileSync(
        path.join(dir, 'sites', 'lab.js'),
        `exports.profile = ${JSON.stringify(kueueProfile())};`,
      );
      const out = path.join(dir, 'cdktf.out');
      const run = (date: string) =>
        main(['synth', '--sites', path.join(dir, 'sites'), '--out', out, '--date', date]);
      const betaGpus = () => {
        const json = JSON.parse(
          fs.readFileSync(path.join(out, 'stacks', 'testsite-tenants', 'cdk.tf.json'), 'utf8'),
        );
        return resources(json, 'kubernetes_resource_quota_v1')['tenant_beta_quota'].spec.hard[
          'requests.nvidia.com/mig-1g.10gb'
        ];
      };
      expect(await run('2026-02-01')).toBe(0);
      expect(betaGpus()).toBe('16');
      expect(await run('2026-03-01')).toBe(0);
      expect(betaGpus()).toBe('0');
      const stderr = writeErr.mock.calls.map((c) => String(c[0])).join('');
      expect(stderr).toMatch(
        /warning: 1 expired allocation\(s\) as of 2026-03-01:\n {2}testsite: tenants\[1\] 'beta': allocation EHPC-AIF-2026PG01-0002 ended on 2026-02-28/,
      );
      expect(await run('2026-02-30')).toBe(2);
      expect(String(writeErr.mock.calls.at(-1)?.[0])).toMatch(
        /aif synth: --date must be a calendar date YYYY-MM-DD, not '2026-02-30'/,
      );
    } finally {
      process.env.AIF_DATE = before;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
