import { AiFactorySite, KueueBypassGuard } from '../../lib';
import { KUEUE_CONTROLLER_USER } from '../../lib/scheduling/kueue-guard';
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
/** Every Job and ReplicaSet has a pod template (the API server requires it). */
const TEMPLATE = { template: { spec: { containers: [] } } };
const GATE_REFUSED =
  'only Kueue may remove its scheduling gates (kueue.x-k8s.io/*) from a pod or a pod template: a pod starts when Kueue admits it';
const ELASTIC_REFUSED =
  'workloads in tenant namespaces may not carry kueue.x-k8s.io/elastic-job: elastic jobs are switched off at this site (Kueue would not suspend one again once it runs); size the job when you submit it';
const PARALLELISM_REFUSED =
  'a running job in a tenant namespace may be made smaller, not larger (parallelism, replicas, numNodes): its new pods would start before Kueue queues the larger job again. Submit a new job of the size you need';
const resumeRefused = (resource: string) =>
  `only Kueue may resume a suspended job in a tenant namespace (it sets suspend: false when it admits the workload); leave ${resource} train suspended and watch its Workload: kubectl get workloads -n alpha`;
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
      expect(
        check({ resource, object: { metadata: { ownerReferences: JOB_OWNER }, spec: TEMPLATE } }),
      ).toEqual([ownerRefused]);
    }
    expect(
      check({
        resource: 'jobs',
        operation: 'UPDATE',
        object: { metadata: { ownerReferences: JOB_OWNER }, spec: TEMPLATE },
        oldObject: { metadata: {}, spec: TEMPLATE },
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
    ).toEqual([GATE_REFUSED]);
  });

  // Finding 1 of issue 16: an elastic Job is gated, not suspended, and Kueue does not suspend it again.
  const elastic = { 'kueue.x-k8s.io/elastic-job': 'true' };
  const gatedJob = (annotations: Record<string, string> = {}, suspend = true) => ({
    metadata: { name: 'train', namespace: 'alpha', annotations },
    spec: { suspend, parallelism: 4, template: { spec: gated } },
  });
  const ungatedJob = (annotations: Record<string, string> = {}) => ({
    metadata: { name: 'train', namespace: 'alpha', annotations },
    spec: { suspend: false, parallelism: 4, template: { spec: { containers: [] } } },
  });

  it('refuses the elastic-job annotation on a new workload, and added later', () => {
    for (const resource of ['jobs', 'jobsets', 'pods']) {
      expect(check({ resource, object: { metadata: { annotations: elastic }, spec: TEMPLATE } })).toEqual([
        ELASTIC_REFUSED,
      ]);
    }
    expect(
      check({ resource: 'jobs', operation: 'UPDATE', oldObject: gatedJob(), object: gatedJob(elastic) }),
    ).toEqual([ELASTIC_REFUSED]);
  });

  it("refuses the elastic Job's one UPDATE that removes the template gate and resumes it", () => {
    expect(
      check({
        resource: 'jobs',
        operation: 'UPDATE',
        oldObject: gatedJob(elastic),
        object: ungatedJob(elastic),
      }),
    ).toEqual([GATE_REFUSED, resumeRefused('jobs')]);
  });

  it("refuses removing Kueue's gate from a template, whatever else the update does", () => {
    const template = (gates: object[]) => ({
      metadata: { name: 'js', namespace: 'alpha' },
      spec: {
        suspend: true,
        replicatedJobs: [{ template: { spec: { template: { spec: { schedulingGates: gates } } } } }],
      },
    });
    expect(
      check({
        resource: 'jobsets',
        operation: 'UPDATE',
        oldObject: template([{ name: 'kueue.x-k8s.io/topology' }, { name: 'mine' }]),
        object: template([{ name: 'mine' }]),
      }),
    ).toEqual([GATE_REFUSED]);
    // Its own gates are the tenant's to change.
    expect(
      check({
        resource: 'jobsets',
        operation: 'UPDATE',
        oldObject: template([{ name: 'kueue.x-k8s.io/topology' }, { name: 'mine' }]),
        object: template([{ name: 'kueue.x-k8s.io/topology' }]),
      }),
    ).toEqual([]);
  });

  it.each([
    ['jobs', (s: boolean) => ({ suspend: s })],
    ['jobsets', (s: boolean) => ({ suspend: s })],
    ['trainjobs', (s: boolean) => ({ suspend: s })],
    ['pytorchjobs', (s: boolean) => ({ runPolicy: { suspend: s } })],
    ['mpijobs', (s: boolean) => ({ runPolicy: { suspend: s } })],
  ])('refuses resuming a suspended %s (finding 4), and lets a tenant suspend its own', (resource, spec) => {
    const obj = (s: boolean) => ({
      metadata: { name: 'train', namespace: 'alpha' },
      spec: { ...TEMPLATE, ...spec(s) },
    });
    expect(check({ resource, operation: 'UPDATE', oldObject: obj(true), object: obj(false) })).toEqual([
      resumeRefused(resource),
    ]);
    expect(check({ resource, operation: 'UPDATE', oldObject: obj(false), object: obj(true) })).toEqual([]);
    expect(check({ resource, operation: 'UPDATE', oldObject: obj(true), object: obj(true) })).toEqual([]);
  });

  it("refuses raising a running Job's parallelism, and admits lowering it or changing a suspended one", () => {
    const job = (suspend: boolean, parallelism?: number) => ({
      metadata: { name: 'train', namespace: 'alpha' },
      spec: { ...TEMPLATE, suspend, ...(parallelism === undefined ? {} : { parallelism }) },
    });
    const update = (oldObject: TfJson, object: TfJson) =>
      check({ resource: 'jobs', operation: 'UPDATE', oldObject, object });
    expect(update(job(false, 2), job(false, 64))).toEqual([PARALLELISM_REFUSED]);
    expect(update(job(false), job(false, 2))).toEqual([PARALLELISM_REFUSED]);
    expect(update(job(false, 8), job(false, 2))).toEqual([]);
    expect(update(job(true, 2), job(true, 64))).toEqual([]);
  });

  it('refuses widening a running PyTorchJob, MPIJob, TrainJob or JobSet too (review of issue 16)', () => {
    const pt = (suspend: boolean, workers: number) => ({
      metadata: { name: 'train', namespace: 'alpha' },
      spec: {
        runPolicy: { suspend },
        pytorchReplicaSpecs: {
          Master: { replicas: 1, ...TEMPLATE },
          Worker: { replicas: workers, ...TEMPLATE },
        },
      },
    });
    const upd = (resource: string, oldObject: TfJson, object: TfJson) =>
      check({ resource, operation: 'UPDATE', oldObject, object });
    expect(upd('pytorchjobs', pt(false, 3), pt(false, 31))).toEqual([PARALLELISM_REFUSED]);
    expect(upd('pytorchjobs', pt(false, 3), pt(false, 1))).toEqual([]);
    expect(upd('pytorchjobs', pt(true, 3), pt(true, 31))).toEqual([]);
    const tj = (nodes: number) => ({
      metadata: { name: 't' },
      spec: { suspend: false, trainer: { numNodes: nodes } },
    });
    expect(upd('trainjobs', tj(2), tj(16))).toEqual([PARALLELISM_REFUSED]);
    const js = (replicas: number) => ({
      metadata: { name: 'j' },
      spec: {
        suspend: false,
        replicatedJobs: [{ name: 'w', replicas, template: { spec: { parallelism: 2, ...TEMPLATE } } }],
      },
    });
    expect(upd('jobsets', js(1), js(4))).toEqual([PARALLELISM_REFUSED]);
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

  it('admits Kueue resuming a job it admitted and removing a template gate', () => {
    const job = (suspend: boolean, gates: object[]) => ({
      metadata: { name: 'train', namespace: 'alpha' },
      spec: { suspend, template: { spec: { schedulingGates: gates } } },
    });
    expect(
      check({
        resource: 'jobs',
        username: KUEUE_CONTROLLER_USER,
        operation: 'UPDATE',
        oldObject: job(true, [{ name: 'kueue.x-k8s.io/elastic-job' }]),
        object: job(false, []),
      }),
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
    expect(check({ resource: 'jobs', object: { metadata: {}, spec: TEMPLATE } })).toEqual([]);
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
