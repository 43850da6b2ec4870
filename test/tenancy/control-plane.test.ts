import { AiFactorySite } from '../../lib';
import { OBJECT_COUNT_KEYS } from '../../lib/model/access-modes';
import { resources, sampleProfile, synth, testApp, type TfJson } from '../helpers';

const profile = sampleProfile({ schedulers: { kueue: {} } });
const tenants = synth(new AiFactorySite(testApp(), profile).tenantsStack);
const hard = (t: string): Record<string, string> =>
  resources(tenants, 'kubernetes_resource_quota_v1')[`tenant_${t}_quota`].spec.hard;

describe('object counts in the tenant quota (etcd and the Service range are shared)', () => {
  it('bounds every counted kind, by access mode', () => {
    // alpha is Fast Lane, beta Playground.
    expect(Object.fromEntries(OBJECT_COUNT_KEYS.map(([k]) => [k, hard('beta')[k]]))).toEqual({
      services: '10',
      configmaps: '50',
      secrets: '50',
      'count/jobs.batch': '200',
      'count/cronjobs.batch': '5',
      'count/deployments.apps': '10',
      'count/statefulsets.apps': '5',
      'count/replicasets.apps': '50',
      'count/jobsets.jobset.x-k8s.io': '200',
      'count/mpijobs.kubeflow.org': '200',
      'count/pytorchjobs.kubeflow.org': '200',
      'count/trainjobs.trainer.kubeflow.org': '200',
    });
    expect(hard('alpha')).toMatchObject({ services: '25', secrets: '100', 'count/jobs.batch': '1000' });
  });

  it('are zero for a retired tenant', () => {
    const retired = synth(
      new AiFactorySite(testApp(), {
        ...profile,
        tenants: profile.tenants.map((t) => (t.name === 'beta' ? { ...t, retired: true } : t)),
      }).tenantsStack,
    );
    const h = resources(retired, 'kubernetes_resource_quota_v1').tenant_beta_quota.spec.hard;
    expect(new Set(OBJECT_COUNT_KEYS.map(([k]) => h[k]))).toEqual(new Set(['0']));
  });
});

describe('lenders take back what they lend', () => {
  it('every queue of a cohort reclaims its nominal quota from any borrower, Playground and Fast Lane too', () => {
    const queues = Object.values(resources(tenants, 'kubernetes_manifest'))
      .map((r) => r.manifest as TfJson)
      .filter((m) => m.kind === 'ClusterQueue');
    expect(
      queues.map((q) => [q.metadata.name, q.spec.cohortName, q.spec.preemption.reclaimWithinCohort]),
    ).toEqual([
      ['alpha', 'testsite', 'Any'],
      // The CPU lanes are in no cohort: they neither lend nor borrow.
      ['alpha.cpu', undefined, undefined],
      ['beta', 'testsite', 'Any'],
      ['beta.cpu', undefined, undefined],
    ]);
  });
});
