import { Construct } from 'constructs';
import { KUEUE_BYPASS_POLICY, MATCH_CONDITIONS } from '../model/names';
import { createOrUpdateRules, DenyPolicy } from '../platform/admission';
import { celHasPath } from '../platform/policy-parts';
import { CHARTS } from '../platform/charts';
import { emptyEntry, keyedText, podSpecEntries, sameEntries } from '../platform/pod-specs';
import { JOB_RESOURCES, TENANT_NAMESPACES } from './kueue';

/** The identity of the Kueue controller: the chart's ServiceAccount `<release>-controller-manager`. */
export const KUEUE_CONTROLLER_USER = `system:serviceaccount:${CHARTS.kueue.namespace}:kueue-controller-manager`;

/**
 * The controllers that create pods and workloads with `ownerReferences` in tenant namespaces, as
 * the API server names them: kube-controller-manager's controllers, each with its own ServiceAccount
 * (`--use-service-account-credentials`, the kubeadm default) or all as `system:kube-controller-manager`,
 * the garbage collector (which rewrites owner references), and Kueue.
 * https://kubernetes.io/docs/reference/access-authn-authz/rbac/#controller-roles
 */
export const WORKLOAD_CONTROLLERS: readonly string[] = [
  'system:kube-controller-manager',
  ...[
    'cronjob-controller',
    'daemon-set-controller',
    'deployment-controller',
    'generic-garbage-collector',
    'job-controller',
    'replicaset-controller',
    'statefulset-controller',
  ].map((sa) => `system:serviceaccount:kube-system:${sa}`),
  KUEUE_CONTROLLER_USER,
];

/**
 * Every username a tenant-namespace guard trusts: `WORKLOAD_CONTROLLERS` and the site's own job
 * operators (`workloadControllers`), sorted and without duplicates.
 */
export function trustedControllers(workloadControllers: readonly string[] = []): string[] {
  return [...new Set([...WORKLOAD_CONTROLLERS, ...workloadControllers])].sort();
}

/**
 * A ValidatingAdmissionPolicy match condition that lets the trusted controllers pass untouched
 * (the policy is not evaluated for their requests at all).
 */
export function notAController(controllers: readonly string[]): { name: string; expression: string } {
  return {
    name: MATCH_CONDITIONS.notAController,
    expression: `!(request.userInfo.username in [${controllers.map((c) => `'${c}'`).join(', ')}])`,
  };
}

/** Kueue's scheduling gates (admission, and topology-aware scheduling). */
const KUEUE_GATE_PREFIX = 'kueue.x-k8s.io/';
/** The annotation that makes Kueue gate a pod on behalf of a parent it then never admits. */
export const SUSPENDING_PARENT_ANNOTATION = 'kueue.x-k8s.io/pod-suspending-parent';
/**
 * The annotation that makes a Job elastic (Kueue 0.19's `ElasticJobsViaWorkloadSlices`, on by
 * default): Kueue then gates its template instead of keeping it suspended, and does not suspend it
 * again when it runs. The library switches the feature off (`KUEUE_FEATURE_GATES`) and refuses the
 * annotation from tenants.
 */
export const ELASTIC_JOB_ANNOTATION = 'kueue.x-k8s.io/elastic-job';

/**
 * Where each job kind Kueue suspends keeps its `suspend` flag, by resource (Kueue 0.19's
 * integrations: batch/v1 Job, JobSet, Kubeflow Trainer v2's TrainJob, and the Kubeflow v1 kinds'
 * `runPolicy`).
 */
export const SUSPEND_PATHS: Readonly<Record<string, string>> = {
  jobs: 'spec.suspend',
  jobsets: 'spec.suspend',
  trainjobs: 'spec.suspend',
  mpijobs: 'spec.runPolicy.suspend',
  pytorchjobs: 'spec.runPolicy.suspend',
};

/**
 * CEL: how many pods a job kind runs at once (written for `object`), where a tenant could raise it
 * on a running job: a Job's `parallelism`; the replicas of every replica type of an MPIJob or
 * PyTorchJob (a map: summed, in any order); a TrainJob's `trainer.numNodes`; a JobSet's replicated
 * jobs times their parallelism.
 */
const replicaSum = (field: string) =>
  `has(object.spec.${field}) ? object.spec.${field}.map(k, object.spec.${field}[k]).map(r, has(r.replicas) ? r.replicas : 1).sum() : 0`;
const JOB_WIDTH: Readonly<Record<string, string>> = {
  jobs: 'has(object.spec.parallelism) ? object.spec.parallelism : 1',
  jobsets:
    'has(object.spec.replicatedJobs) ? object.spec.replicatedJobs.map(r, (has(r.replicas) ? r.replicas : 1) * (has(r.template.spec) && has(r.template.spec.parallelism) ? r.template.spec.parallelism : 1)).sum() : 0',
  mpijobs: replicaSum('mpiReplicaSpecs'),
  pytorchjobs: replicaSum('pytorchReplicaSpecs'),
  trainjobs:
    'has(object.spec.trainer) && has(object.spec.trainer.numNodes) ? object.spec.trainer.numNodes : 1',
};

/** CEL: whether `obj` is a job kind of SUSPEND_PATHS with its flag set (false for other kinds). */
function suspended(obj: 'object' | 'oldObject'): string {
  const byResource = Object.entries(SUSPEND_PATHS).map(([resource, path]) => {
    // has() on each level below spec: `has(o.spec.runPolicy) && has(o.spec.runPolicy.suspend) && ...`
    const [spec, ...below] = path.split('.');
    return `request.resource.resource == '${resource}' ? (${celHasPath(`${obj}.${spec}`, ...below)} && ${obj}.${path} == true) : `;
  });
  return `(${byResource.join('')}false)`;
}

/** The kinds the guard watches: every job kind Kueue manages, and ReplicaSets, by group and resource. */
function guardedKinds(): Array<{ apiGroup: string; resource: string; key: string }> {
  return [...JOB_RESOURCES, { apiGroup: 'apps', resource: 'replicasets' }]
    .map((r) => ({ ...r, key: `${r.apiGroup}/${r.resource}` }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** CEL: an object's owner references (an empty list where it has none). */
const owners = (obj: string) =>
  `(has(${obj}.metadata.ownerReferences) ? ${obj}.metadata.ownerReferences : [])`;

/** CEL: per pod spec (the pod's own, or each template's), its Kueue gates joined: '' where it has none. */
const kueueGates = (obj: 'object' | 'oldObject') =>
  `(${podSpecEntries(obj)}).map(pe, ${keyedText(`has(pe.s.schedulingGates) ? pe.s.schedulingGates.map(g, g.name).filter(n, n.startsWith('${KUEUE_GATE_PREFIX}')).join(',') : ''`)})`;

/** CEL: whether an object carries an annotation. */
const annotation = (obj: string, key: string) =>
  `(has(${obj}.metadata.annotations) && '${key}' in ${obj}.metadata.annotations)`;

/** CEL: how many pods a job kind of JOB_WIDTH runs at once, written for `obj` (0 for other kinds). */
const width = (obj: 'object' | 'oldObject') =>
  `(${Object.entries(JOB_WIDTH)
    .map(
      ([resource, w]) => `request.resource.resource == '${resource}' ? (${w.replace(/\bobject\b/g, obj)}) : `,
    )
    .join('')}0)`;

/** A rule of the guard: what must hold, and what a refused request is told. */
interface Validation {
  readonly expression: string;
  readonly message?: string;
  readonly messageExpression?: string;
  readonly reason: 'Forbidden';
}

/**
 * Only the cluster's controllers set or change `ownerReferences` in a tenant namespace: Kueue does
 * not gate a workload whose controller owner is of a kind it manages.
 */
function forgedOwners(): Validation {
  return {
    expression: `request.operation == 'CREATE' ? size(${owners('object')}) == 0 : ${owners('object')} == ${owners('oldObject')}`,
    messageExpression: `'only the cluster\\'s controllers may set ownerReferences in a tenant namespace (Kueue does not queue a workload whose owner it manages); ' + request.userInfo.username + ' may not. If it is a job operator of the site, add it to schedulers.kueue.workloadControllers'`,
    reason: 'Forbidden',
  };
}

/**
 * No tenant pod carries the suspending-parent annotation: Kueue gates such a pod but leaves it to a
 * parent that never admits it.
 */
function suspendingParent(): Validation {
  return {
    expression: `request.resource.resource != 'pods' || !${annotation('object', SUSPENDING_PARENT_ANNOTATION)}`,
    message: `pods in tenant namespaces may not carry ${SUSPENDING_PARENT_ANNOTATION}: only controllers expand templates that Kueue annotated`,
    reason: 'Forbidden',
  };
}

/** Only Kueue removes its scheduling gates, from a pod or a (suspended) job's pod template. */
function removedKueueGates(): Validation {
  return {
    // A pod's gates may only be removed (the API server refuses new ones); a suspended
    // Job's template may change. Either way the Kueue gates of each pod spec stay as they
    // were, unless it had none.
    expression: `request.operation != 'UPDATE' || variables.oldKueueGates.all(g, ${emptyEntry('g')}) || ${sameEntries('variables.kueueGates', 'variables.oldKueueGates')}`,
    message: `only Kueue may remove its scheduling gates (${KUEUE_GATE_PREFIX}*) from a pod or a pod template: a pod starts when Kueue admits it`,
    reason: 'Forbidden',
  };
}

/** No workload is made elastic: Kueue does not suspend an elastic Job again. */
function elasticJobs(): Validation {
  return {
    expression: `!${annotation('object', ELASTIC_JOB_ANNOTATION)} || (request.operation == 'UPDATE' && ${annotation('oldObject', ELASTIC_JOB_ANNOTATION)} && object.metadata.annotations['${ELASTIC_JOB_ANNOTATION}'] == oldObject.metadata.annotations['${ELASTIC_JOB_ANNOTATION}'])`,
    message: `workloads in tenant namespaces may not carry ${ELASTIC_JOB_ANNOTATION}: elastic jobs are switched off at this site (Kueue would not suspend one again once it runs); size the job when you submit it`,
    reason: 'Forbidden',
  };
}

/** Only Kueue resumes a suspended job. */
function resumedJobs(): Validation {
  return {
    // Kueue starts a job by setting `suspend: false` when it admits the workload; a tenant
    // who does it first runs pods until Kueue suspends the job again, and a pod's grace
    // period keeps them on the GPUs after that.
    expression: `request.operation != 'UPDATE' || !${suspended('oldObject')} || ${suspended('object')}`,
    messageExpression: `'only Kueue may resume a suspended job in a tenant namespace (it sets suspend: false when it admits the workload); leave ' + request.resource.resource + ' ' + object.metadata.name + ' suspended and watch its Workload: kubectl get workloads -n ' + object.metadata.namespace`,
    reason: 'Forbidden',
  };
}

/** A running job may be made smaller, not larger. */
function widenedJobs(): Validation {
  const resources = Object.keys(JOB_WIDTH)
    .map((r) => `'${r}'`)
    .join(', ');
  return {
    // Widening a running job starts pods before Kueue sees that the admitted workload no
    // longer fits and suspends the job to queue it again: the job controller, or the job
    // operator (trusted), creates them at once.
    expression: `!(request.resource.resource in [${resources}]) || request.operation != 'UPDATE' || ${suspended('oldObject')} || ${width('object')} <= ${width('oldObject')}`,
    message:
      'a running job in a tenant namespace may be made smaller, not larger (parallelism, replicas, numNodes): its new pods would start before Kueue queues the larger job again. Submit a new job of the size you need',
    reason: 'Forbidden',
  };
}

export interface KueueBypassGuardProps {
  /**
   * Usernames of the job operators the site runs besides kube-controller-manager and Kueue (the
   * JobSet controller, the MPI or training operator), which create Jobs or pods with owner
   * references. Without them such a workload is refused, with a message naming the user to add.
   * @default - none
   */
  readonly workloadControllers?: readonly string[];
}

/**
 * Closes the ways around Kueue that a tenant who reads Kueue's pod webhook finds (Kueue 0.19,
 * `pkg/controller/jobs/pod/pod_webhook.go`):
 * - Kueue does not gate a pod (or a Job) whose controller owner is of a kind Kueue manages, trusting
 *   that owner to be queued; an owner reference is only a claim, and a tenant can name any Job of
 *   its namespace. So in tenant namespaces only the cluster's controllers may create workloads with
 *   `ownerReferences`, or change them.
 * - A pod annotated `kueue.x-k8s.io/pod-suspending-parent` is gated but left to a parent that never
 *   admits it; only controllers may set it (Kueue puts it into templates that controllers expand).
 * - Only Kueue may remove its scheduling gates, from a pod or from a (suspended) job's pod template:
 *   a gate removed by anyone else starts a pod that was never admitted.
 * - Only Kueue may resume a suspended job (`suspend` true -> false on Jobs, JobSets, TrainJobs, and
 *   `runPolicy.suspend` on MPIJobs and PyTorchJobs): Kueue suspends it again once it sees it, but
 *   its pods run meanwhile. A running job may be made smaller, not larger (a Job's `parallelism`,
 *   the replicas of a JobSet, MPIJob or PyTorchJob, a TrainJob's `numNodes`), for the same reason.
 * - No workload carries `kueue.x-k8s.io/elastic-job`: Kueue does not suspend an elastic Job again,
 *   so a tenant who removed its template gate and resumed it would run past the queue. The feature
 *   gate is off as well (`KUEUE_FEATURE_GATES`), so an annotation set before this guard is inert.
 * Everything such a pod would take is otherwise bounded only by the namespace quota, which is raised
 * for borrowing and counts every whole-GPU pool together.
 *
 * @example
 * ```ts
 * import { App, TerraformStack } from 'cdktf';
 * import { KueueBypassGuard } from 'cdktf-ai-factory';
 *
 * const tenants = new TerraformStack(new App(), 'lab-tenants');
 * // Only the cluster's controllers, Kueue and the named job operator may create owned pods in
 * // tenant namespaces, so no tenant pod gets past the queues.
 * new KueueBypassGuard(tenants, 'kueue-bypass', {
 *   workloadControllers: ['system:serviceaccount:kubeflow:training-operator'],
 * });
 * ```
 */
export class KueueBypassGuard extends Construct {
  public static readonly POLICY_NAME = KUEUE_BYPASS_POLICY;
  /** Every username the policy trusts, sorted. */
  public readonly controllers: readonly string[];

  constructor(scope: Construct, id: string, props: KueueBypassGuardProps = {}) {
    super(scope, id);
    this.controllers = trustedControllers(props.workloadControllers);
    new DenyPolicy(this, 'guard', {
      name: KueueBypassGuard.POLICY_NAME,
      address: ['kueue', 'bypass_guard'],
      spec: {
        matchConstraints: {
          namespaceSelector: TENANT_NAMESPACES,
          resourceRules: createOrUpdateRules(guardedKinds()),
        },
        // The cluster's own controllers pass untouched.
        matchConditions: [notAController(this.controllers)],
        variables: [
          { name: 'kueueGates', expression: kueueGates('object') },
          {
            name: 'oldKueueGates',
            expression: `request.operation == 'UPDATE' ? ${kueueGates('oldObject')} : []`,
          },
        ],
        validations: [
          forgedOwners(),
          suspendingParent(),
          removedKueueGates(),
          elasticJobs(),
          resumedJobs(),
          widenedJobs(),
        ],
      },
    });
  }
}
