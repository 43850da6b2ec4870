import { Construct } from 'constructs';
import { createOrUpdateRules, DenyPolicy } from '../platform/admission';
import { CHARTS } from '../platform/charts';
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
    name: 'not-a-controller',
    expression: `!(request.userInfo.username in [${controllers.map((c) => `'${c}'`).join(', ')}])`,
  };
}

/** Kueue's scheduling gates (admission, and topology-aware scheduling). */
const KUEUE_GATE_PREFIX = 'kueue.x-k8s.io/';
/** The annotation that makes Kueue gate a pod on behalf of a parent it then never admits. */
export const SUSPENDING_PARENT_ANNOTATION = 'kueue.x-k8s.io/pod-suspending-parent';

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
 * - Only Kueue may remove its scheduling gates: a gate removed by anyone else starts a pod that was
 *   never admitted.
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
  public static readonly POLICY_NAME = 'aif-kueue-bypass';
  /** Every username the policy trusts, sorted. */
  public readonly controllers: readonly string[];

  constructor(scope: Construct, id: string, props: KueueBypassGuardProps = {}) {
    super(scope, id);
    this.controllers = trustedControllers(props.workloadControllers);
    const kinds = [...JOB_RESOURCES, { apiGroup: 'apps', resource: 'replicasets' }]
      .map((r) => ({ ...r, key: `${r.apiGroup}/${r.resource}` }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const owners = (obj: string) =>
      `(has(${obj}.metadata.ownerReferences) ? ${obj}.metadata.ownerReferences : [])`;
    const gates = (obj: string) =>
      `(has(${obj}.spec.schedulingGates) ? ${obj}.spec.schedulingGates.map(g, g.name) : [])`;
    const annotated = `(has(object.metadata.annotations) && '${SUSPENDING_PARENT_ANNOTATION}' in object.metadata.annotations)`;
    new DenyPolicy(this, 'guard', {
      name: KueueBypassGuard.POLICY_NAME,
      address: ['kueue', 'bypass_guard'],
      spec: {
        failurePolicy: 'Fail',
        matchConstraints: {
          namespaceSelector: TENANT_NAMESPACES,
          resourceRules: createOrUpdateRules(kinds),
        },
        // The cluster's own controllers pass untouched.
        matchConditions: [notAController(this.controllers)],
        validations: [
          {
            expression: `request.operation == 'CREATE' ? size(${owners('object')}) == 0 : ${owners('object')} == ${owners('oldObject')}`,
            messageExpression: `'only the cluster\\'s controllers may set ownerReferences in a tenant namespace (Kueue does not queue a workload whose owner it manages); ' + request.userInfo.username + ' may not. If it is a job operator of the site, add it to schedulers.kueue.workloadControllers'`,
            reason: 'Forbidden',
          },
          {
            expression: `request.resource.resource != 'pods' || !${annotated}`,
            message: `pods in tenant namespaces may not carry ${SUSPENDING_PARENT_ANNOTATION}: only controllers expand templates that Kueue annotated`,
            reason: 'Forbidden',
          },
          {
            expression: `request.resource.resource != 'pods' || request.operation != 'UPDATE' || ${gates('oldObject')}.all(g, !g.startsWith('${KUEUE_GATE_PREFIX}') || g in ${gates('object')})`,
            message: `only Kueue may remove its scheduling gates (${KUEUE_GATE_PREFIX}*): a pod starts when Kueue admits it`,
            reason: 'Forbidden',
          },
        ],
      },
    });
  }
}
