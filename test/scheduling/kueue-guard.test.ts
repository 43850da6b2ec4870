import { AiFactorySite, KueueBypassGuard, KUEUE_CONTROLLER_USER } from '../../lib';
import { profileProblems } from '../../lib/cli/profiles';
import { admit, NOT_MATCHED, type AdmissionRequest } from '../cel';
import { resources, sampleProfile, synth, testApp, testStack, type TfJson } from '../helpers';

function policyOf(json: TfJson): TfJson | undefined {
  return Object.values(resources(json, 'kubernetes_manifest'))
    .map((r) => r.manifest as TfJson)
    .find((m) => m.kind === 'ValidatingAdmissionPolicy' && m.metadata.name === 'aif-kueue-bypass');
}

const stack = testStack();
new KueueBypassGuard(stack, 'g', {
  workloadControllers: ['system:serviceaccount:jobset-system:jobset-controller-manager'],
});
const policy = policyOf(synth(stack)) as TfJson;
const tenantNs = { 'ai-factory.eu/tenant': 'alpha' };
const check = (req: Partial<AdmissionRequest> & { object: TfJson | null }) =>
  admit(policy.spec, { resource: 'pods', namespaceLabels: tenantNs, ...req });

const JOB_OWNER = [{ apiVersion: 'batch/v1', kind: 'Job', name: 'train', uid: 'u-1', controller: true }];
const gated = { schedulingGates: [{ name: 'kueue.x-k8s.io/admission' }], containers: [] };
const ownerRefused =
  "only the cluster's controllers may set ownerReferences in a tenant namespace (Kueue does not queue a workload whose owner it manages); tenant-user@idp may not. If it is a job operator of the site, add it to schedulers.kueue.workloadControllers";

describe('KueueBypassGuard: the attacks', () => {
  it("refuses a tenant's pod that claims a Job of its namespace as owner (Kueue would never gate it)", () => {
    expect(check({ object: { metadata: { name: 'p', ownerReferences: JOB_OWNER }, spec: {} } })).toEqual([
      ownerRefused,
    ]);
  });

  it('refuses forged owners on the workload kinds too, and owner references added later', () => {
    for (const resource of ['jobs', 'replicasets', 'jobsets', 'pytorchjobs']) {
      expect(check({ resource, object: { metadata: { ownerReferences: JOB_OWNER }, spec: {} } })).toEqual([
        ownerRefused,
      ]);
    }
    expect(
      check({
        resource: 'jobs',
        operation: 'UPDATE',
        object: { metadata: { ownerReferences: JOB_OWNER }, spec: {} },
        oldObject: { metadata: {}, spec: {} },
      }),
    ).toEqual([ownerRefused]);
  });

  it('refuses the pod-suspending-parent annotation on a pod a tenant creates', () => {
    expect(
      check({
        object: {
          metadata: { annotations: { 'kueue.x-k8s.io/pod-suspending-parent': 'deployment' } },
          spec: {},
        },
      }),
    ).toEqual([
      'pods in tenant namespaces may not carry kueue.x-k8s.io/pod-suspending-parent: only controllers expand templates that Kueue annotated',
    ]);
  });

  it("refuses a tenant's removal of Kueue's scheduling gate", () => {
    expect(
      check({
        operation: 'UPDATE',
        oldObject: { metadata: {}, spec: gated },
        object: { metadata: {}, spec: { containers: [] } },
      }),
    ).toEqual([
      'only Kueue may remove its scheduling gates (kueue.x-k8s.io/*): a pod starts when Kueue admits it',
    ]);
  });
});

describe('KueueBypassGuard: what it does not see', () => {
  const forged = { metadata: { name: 'p', ownerReferences: JOB_OWNER }, spec: {} };
  it('is not bound outside tenant namespaces', () => {
    expect(check({ namespaceLabels: {}, object: forged })).toBe(NOT_MATCHED);
  });

  it('leaves CronJobs, status updates and deletions alone (the Jobs a CronJob creates are checked)', () => {
    expect(check({ resource: 'cronjobs', object: forged })).toBe(NOT_MATCHED);
    expect(check({ resource: 'pods/status', operation: 'UPDATE', object: forged, oldObject: forged })).toBe(
      NOT_MATCHED,
    );
    expect(check({ operation: 'DELETE', object: null, oldObject: forged })).toBe(NOT_MATCHED);
  });
});

describe("KueueBypassGuard: the controllers' own requests", () => {
  it.each([
    ['the job controller creating a Job’s pod', 'system:serviceaccount:kube-system:job-controller', 'pods'],
    [
      'the ReplicaSet controller creating a pod',
      'system:serviceaccount:kube-system:replicaset-controller',
      'pods',
    ],
    ['a controller manager without per-controller credentials', 'system:kube-controller-manager', 'pods'],
    ['the CronJob controller creating a Job', 'system:serviceaccount:kube-system:cronjob-controller', 'jobs'],
    [
      'a job operator the site named',
      'system:serviceaccount:jobset-system:jobset-controller-manager',
      'jobs',
    ],
  ])('admits %s with owner references', (_what, username, resource) => {
    expect(
      check({ resource, username, object: { metadata: { ownerReferences: JOB_OWNER }, spec: {} } }),
    ).toEqual([]);
  });

  it('admits Kueue removing its own gate, and the garbage collector rewriting owners', () => {
    expect(
      check({
        username: KUEUE_CONTROLLER_USER,
        operation: 'UPDATE',
        oldObject: { metadata: {}, spec: gated },
        object: { metadata: {}, spec: { containers: [] } },
      }),
    ).toEqual([]);
    expect(
      check({
        username: 'system:serviceaccount:kube-system:generic-garbage-collector',
        operation: 'UPDATE',
        oldObject: { metadata: { ownerReferences: JOB_OWNER }, spec: {} },
        object: { metadata: {}, spec: {} },
      }),
    ).toEqual([]);
    expect(KUEUE_CONTROLLER_USER).toBe('system:serviceaccount:kueue-system:kueue-controller-manager');
  });

  it('admits what tenants do every day: plain pods and Jobs, label edits, gates left alone', () => {
    expect(check({ object: { metadata: { labels: { app: 'x' } }, spec: { containers: [] } } })).toEqual([]);
    expect(check({ resource: 'jobs', object: { metadata: {}, spec: {} } })).toEqual([]);
    expect(
      check({
        operation: 'UPDATE',
        oldObject: { metadata: { ownerReferences: JOB_OWNER }, spec: gated },
        object: { metadata: { ownerReferences: JOB_OWNER, labels: { x: 'y' } }, spec: gated },
      }),
    ).toEqual([]);
  });
});

describe('KueueBypassGuard in a site', () => {
  it('comes with Kueue, in tenant namespaces only, failing closed', () => {
    const site = new AiFactorySite(testApp(), sampleProfile({ schedulers: { kueue: {} } }));
    const p = policyOf(synth(site.platform)) as TfJson;
    expect(p.spec.failurePolicy).toBe('Fail');
    expect(p.spec.matchConstraints.namespaceSelector).toEqual({
      matchExpressions: [{ key: 'ai-factory.eu/tenant', operator: 'Exists' }],
    });
    expect(p.spec.matchConstraints.resourceRules.map((r: TfJson) => r.resources[0])).toEqual([
      'pods',
      'deployments',
      'replicasets',
      'statefulsets',
      'jobs',
      'jobsets',
      'mpijobs',
      'pytorchjobs',
      'trainjobs',
    ]);
    expect(policyOf(synth(new AiFactorySite(testApp(), sampleProfile()).platform))).toBeUndefined();
  });

  it("refuses to trust a tenant's own ServiceAccount, a group or a wildcard", () => {
    const lines = profileProblems([
      sampleProfile({
        schedulers: {
          kueue: {
            workloadControllers: [
              'system:serviceaccount:alpha:runner',
              'system:serviceaccounts:kube-system',
              '*',
              'system:serviceaccount:mpi-operator:mpi-operator',
            ],
          },
        },
      }),
    ]);
    expect(lines.map((l) => l.slice(0, l.indexOf(':', l.indexOf(']'))))).toEqual([
      'testsite: [VALUE_INVALID] schedulers.kueue.workloadControllers[0]',
      'testsite: [VALUE_INVALID] schedulers.kueue.workloadControllers[1]',
      'testsite: [VALUE_INVALID] schedulers.kueue.workloadControllers[2]',
    ]);
    expect(lines[0]).toContain("is a ServiceAccount of tenant namespace 'alpha'");
  });
});
