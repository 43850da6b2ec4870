/**
 * A seed site as it ships (stacks/sites/kajaani.ts, unchanged) on matching fake nodes: 64 LUMI-G
 * nodes with 8 amd.com/gpu each, selected by the site's own label. Both stacks apply, plan nothing
 * afterwards, and each tenant's GPU job runs through its queue on LUMI-G, as its own identity.
 */
import * as path from 'node:path';
import { planStack } from '../../harness/deploy';
import { siteStacks } from '../../harness/main';
import { profile } from '../../../stacks/sites/kajaani';
import {
  admin,
  cluster,
  condition,
  create,
  deleteJob,
  eventually,
  job,
  kubectl,
  pendingReason,
  ADMIN,
  podsOf,
  workloadOf,
} from '../helpers';

const stacks = (): ReturnType<typeof siteStacks> => siteStacks(path.join(cluster().work, 'out', 'stacks'));
const admins = (name: string) => {
  const t = profile.tenants.find((x) => x.name === name);
  return { user: `admin@${name}`, groups: [...(t?.groups.admins ?? [])] };
};

describe('kajaani, as it ships, on fake LUMI-G nodes', () => {
  it('deploys both stacks and plans no change afterwards', () => {
    const [site] = stacks();
    expect(site.site).toBe('kajaani');
    expect(planStack(cluster(), site.platform)).toBe('');
    expect(planStack(cluster(), site.tenants)).toBe('');
    expect(
      admin<{ items: unknown[] }>(['get', 'nodes', '-l', 'lumi.csc.fi/partition=lumi-g-k8s', '-o', 'json'])
        .items,
    ).toHaveLength(64);
  });

  it.each([
    ['nordic-llm', 8],
    ['startup-trials', 8],
    ['playground', 1],
  ])("runs %s's GPU job on LUMI-G through its queue", async (tenant, gpus) => {
    const name = `gcd-${tenant}`;
    try {
      expect(
        create(admins(tenant), job(tenant, name, { queue: 'default', resources: { 'amd.com/gpu': gpus } }))
          .stderr,
      ).toBe('');
      await eventually(
        `${tenant} admitted`,
        () => condition(workloadOf(tenant, name), 'Admitted')?.status === 'True',
      );
      const placed = await eventually(`${tenant} placed`, () => {
        const pods = podsOf(tenant, name);
        return pods.length > 0 && pods.every((p) => p.spec.nodeName) ? pods : undefined;
      });
      for (const p of placed) {
        expect(
          admin(['get', 'node', p.spec.nodeName, '-o', 'json']).metadata.labels[
            'node-restriction.kubernetes.io/ai-factory.eu-pool'
          ],
        ).toBe('lumi-g');
      }
    } finally {
      deleteJob(tenant, name);
    }
  });

  it('holds the job of the tenant whose allocation has ended (industry-pilot, ended 2026-09-30)', async () => {
    const name = 'late';
    try {
      expect(
        create(
          admins('industry-pilot'),
          job('industry-pilot', name, { queue: 'default', resources: { 'amd.com/gpu': 1 } }),
        ).stderr,
      ).toBe('');
      expect(await pendingReason('industry-pilot', name)).toMatch(/LocalQueue default is inactive/);
    } finally {
      deleteJob('industry-pilot', name);
    }
  });

  it('refuses DELETE of a tenant namespace without the offboarding annotation', () => {
    const r = kubectl(ADMIN, ['delete', 'namespace', 'nordic-llm', '--wait=false']);
    expect(r.ok).toBe(false);
    expect(r.stderr).toMatch(/ValidatingAdmissionPolicy 'aif-tenant-deletion'/);
  });
});
