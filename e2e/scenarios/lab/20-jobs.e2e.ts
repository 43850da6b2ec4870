/**
 * Tenant jobs on the e2e site (e2e/sites/lab.ts), each submitted as the tenant's own identity:
 * admitted by the real Kueue with the library's configuration, placed by the real scheduler on the
 * fake nodes of the right pool, completed by kwok; refused or held where the grants say so.
 */
import type { Json } from '../../harness/json';
import {
  admin,
  condition,
  create,
  deleteJob,
  eventually,
  job,
  nodeLabels,
  pendingReason,
  podsOf,
  tenant,
  workloadOf,
} from '../helpers';

const POOL = 'node-restriction.kubernetes.io/ai-factory.eu-pool';
const CPU_NODE = 'node-restriction.kubernetes.io/ai-factory.eu-cpu-node';

function admitted(namespace: string, name: string): Promise<Json> {
  return eventually(`workload of ${namespace}/${name} admitted`, () => {
    const w = workloadOf(namespace, name);
    return condition(w, 'Admitted')?.status === 'True' ? w : undefined;
  });
}

function completed(namespace: string, name: string): Promise<Json> {
  return eventually(`job ${namespace}/${name} complete`, () => {
    const j = admin<Json>(['get', 'job', name, '-n', namespace, '-o', 'json']);
    return condition(j, 'Complete')?.status === 'True' ? j : undefined;
  });
}

/** The pools of the nodes a job's pods ran on (CPU nodes as 'cpu'). */
function poolsOf(namespace: string, name: string): string[] {
  const nodes = podsOf(namespace, name).map((p) => p.spec.nodeName as string);
  expect(nodes.every(Boolean)).toBe(true);
  return [
    ...new Set(
      nodes.map((n) => nodeLabels(n)[POOL] ?? (nodeLabels(n)[CPU_NODE] === 'true' ? 'cpu' : `none:${n}`)),
    ),
  ];
}

async function runsOn(namespace: string, name: string): Promise<string[]> {
  await admitted(namespace, name);
  await eventually(
    `pods of ${namespace}/${name} placed`,
    () => podsOf(namespace, name).length > 0 && podsOf(namespace, name).every((p) => p.spec.nodeName),
  );
  const pools = poolsOf(namespace, name);
  await completed(namespace, name);
  return pools;
}

describe('tenant jobs through the queues', () => {
  afterEach(() => {
    for (const [ns, name] of [
      ['alpha', 'train'],
      ['gamma', 'mig-small'],
      ['delta', 'amd'],
      ['beta', 'prep'],
      ['gamma', 'too-big'],
      ['beta', 'borrower'],
      ['alpha', 'reclaim'],
      ['ended', 'late'],
    ]) {
      deleteJob(ns, name);
    }
  });

  it('admits a GPU job through the tenant queue, places it on its pool and completes it', async () => {
    expect(
      create(
        tenant('alpha', 'users'),
        job('alpha', 'train', {
          queue: 'default',
          resources: { cpu: 4, memory: '16Gi', 'nvidia.com/gpu': 2 },
        }),
      ).stderr,
    ).toBe('');
    expect(await runsOn('alpha', 'train')).toEqual(['h100']);
  });

  it('admits a job without a queue label into the same lane (manageJobsWithoutQueueName)', async () => {
    expect(
      create(tenant('alpha'), job('alpha', 'train', { resources: { 'nvidia.com/gpu': 1 } })).stderr,
    ).toBe('');
    expect(await runsOn('alpha', 'train')).toEqual(['h100']);
  });

  it('places a MIG job on the MIG pool', async () => {
    expect(
      create(
        tenant('gamma'),
        job('gamma', 'mig-small', { queue: 'default', resources: { 'nvidia.com/mig-1g.5gb': 1 } }),
      ).stderr,
    ).toBe('');
    expect(await runsOn('gamma', 'mig-small')).toEqual(['mig']);
  });

  it('places an AMD job on the AMD pool', async () => {
    expect(
      create(
        tenant('delta'),
        job('delta', 'amd', { queue: 'default', parallelism: 2, resources: { 'amd.com/gpu': 4 } }),
      ).stderr,
    ).toBe('');
    expect(await runsOn('delta', 'amd')).toEqual(['mi300']);
  });

  it('runs a CPU-only job on CPU nodes through the CPU lane', async () => {
    // The CPU pool's nodes came without labels: the deploy labelled them for the CPU lane.
    for (const node of ['cpu-01', 'cpu-02'])
      expect(nodeLabels(node)).toMatchObject({ [POOL]: 'cpu', [CPU_NODE]: 'true' });
    expect(
      create(
        tenant('beta', 'users'),
        job('beta', 'prep', { queue: 'cpu', resources: { cpu: 2, memory: '4Gi' } }),
      ).stderr,
    ).toBe('');
    expect(await runsOn('beta', 'prep')).toEqual(['cpu']);
  });

  it('keeps a job beyond the grant pending, with Kueue saying why', async () => {
    // gamma holds 4 x 1g.5gb and, in Playground, borrows nothing.
    expect(
      create(
        tenant('gamma'),
        job('gamma', 'too-big', { queue: 'default', resources: { 'nvidia.com/mig-1g.5gb': 6 } }),
      ).stderr,
    ).toBe('');
    expect(await pendingReason('gamma', 'too-big')).toMatch(
      /insufficient quota for nvidia\.com\/mig-1g\.5gb in flavor mig/,
    );
    expect(podsOf('gamma', 'too-big')).toEqual([]);
  });

  it("holds a job whose limits are below the LimitRange's default requests, and says why", async () => {
    // The API server takes a container's limits as its requests where it sets none; Kueue 0.19
    // applies the namespace LimitRange's default requests first (pkg/workload/resources.go,
    // AdjustResources), so such a job is refused by Kueue's own validation (docs/schedulers.md).
    expect(
      create(
        tenant('gamma'),
        job('gamma', 'too-big', {
          queue: 'default',
          resources: { cpu: '100m', memory: '64Mi', 'nvidia.com/mig-1g.5gb': 1 },
        }),
      ).stderr,
    ).toBe('');
    expect(await pendingReason('gamma', 'too-big')).toMatch(/requests must not exceed its limits/);
  });

  it('lends unused GPUs in the cohort and reclaims them when the lender submits', async () => {
    // beta holds 2 h100 GPUs and may borrow 1; alpha holds 4 and has nothing running.
    expect(
      create(
        tenant('beta'),
        job('beta', 'borrower', { queue: 'default', resources: { 'nvidia.com/gpu': 3 }, runMs: 600_000 }),
      ).stderr,
    ).toBe('');
    const borrowed = await admitted('beta', 'borrower');
    expect(borrowed.status.admission.podSetAssignments[0].flavors['nvidia.com/gpu']).toBe('h100');
    // alpha takes its whole grant: the cohort holds 6, so beta's borrowed GPU comes back.
    expect(
      create(
        tenant('alpha'),
        job('alpha', 'reclaim', { queue: 'default', resources: { 'nvidia.com/gpu': 4 }, runMs: 600_000 }),
      ).stderr,
    ).toBe('');
    const evicted = await eventually('beta evicted', () => {
      const c = condition(workloadOf('beta', 'borrower'), 'Evicted');
      return c?.status === 'True' ? c : undefined;
    });
    expect(evicted.reason).toBe('Preempted');
    await admitted('alpha', 'reclaim');
  });

  it('gives a tenant whose allocation has ended no GPUs: its queue holds the job', async () => {
    expect(
      create(tenant('ended'), job('ended', 'late', { queue: 'default', resources: { 'nvidia.com/gpu': 1 } }))
        .stderr,
    ).toBe('');
    expect(await pendingReason('ended', 'late')).toMatch(/LocalQueue default is inactive/);
    const cq = admin<Json>(['get', 'clusterqueue', 'ended', '-o', 'json']);
    expect(cq.spec.stopPolicy).toBe('HoldAndDrain');
    expect(podsOf('ended', 'late')).toEqual([]);
  });
});
