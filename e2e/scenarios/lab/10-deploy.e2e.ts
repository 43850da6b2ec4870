/**
 * The deploy itself: both stacks of the e2e site are in the cluster as synthesized, and a plan
 * right after the apply is empty (what the API server defaults or a webhook mutates never fights the
 * output, and no two resources take each other's fields).
 */
import * as path from 'node:path';
import { planStack, readRecord } from '../../harness/deploy';
import { siteStacks } from '../../harness/main';
import { admin, cluster, eventually } from '../helpers';

const stacks = (): ReturnType<typeof siteStacks> => siteStacks(path.join(cluster().work, 'out', 'stacks'));

describe('the e2e site, deployed', () => {
  it('holds every object of both stacks', () => {
    const [site] = stacks();
    expect(site.site).toBe('lab');
    for (const dir of [site.platform, site.tenants]) {
      const record = readRecord(cluster(), path.basename(dir));
      expect(record.length).toBeGreaterThan(30);
      for (const r of record.filter((x) => x.mode === 'object')) {
        const ns = r.namespace ? ['-n', r.namespace] : [];
        const group = r.apiVersion.includes('/') ? `.${r.apiVersion.split('/')[0]}` : '';
        expect(admin(['get', `${r.kind}${group}`, r.name, ...ns, '-o', 'name'])).toContain(r.name);
      }
    }
  });

  it.each(['platform', 'tenants'] as const)('plans no change right after the apply (%s)', (which) => {
    const [site] = stacks();
    expect(planStack(cluster(), site[which])).toBe('');
  });

  it('labels and taints the listed pools and keeps the taints a label-selected pool got from the site', () => {
    const mig = admin(['get', 'node', 'mig01', '-o', 'json']);
    expect(mig.metadata.labels['node-restriction.kubernetes.io/ai-factory.eu-pool']).toBe('mig');
    expect(mig.metadata.labels['nvidia.com/mig.config']).toBe('aif-mig');
    expect(mig.spec.taints).toEqual([{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }]);
    const h100 = admin(['get', 'node', 'h100-01', '-o', 'json']);
    expect(h100.spec.taints).toEqual([{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }]);
  });

  it("runs Kueue with the library's configuration, whose queues are all active", async () => {
    type Queues = {
      items: Array<{
        metadata: { name: string };
        status?: { conditions?: Array<{ type: string; status: string; reason: string }> };
      }>;
    };
    // Not yet active: queues Kueue has not reconciled. Stopped: the ended allocation's and the
    // retired tenant's GPU lanes, and the retired tenant's CPU lane.
    const notReady = (): string[] =>
      admin<Queues>(['get', 'clusterqueues', '-o', 'json'])
        .items.filter((q) => q.status?.conditions?.find((c) => c.type === 'Active')?.reason !== 'Ready')
        .map((q) => q.metadata.name)
        .sort();
    expect(admin<Queues>(['get', 'clusterqueues', '-o', 'json']).items).toHaveLength(12);
    await eventually(
      'only the stopped queues inactive',
      () => notReady().join() === 'ended,omega,omega.cpu',
      30,
    );
  });
});
