import { Construct } from 'constructs';
import { Lazy } from 'cdktf';
import type { GpuNodePool } from '../compute/node-pool';
import { checkTenantPriorityClasses, IssueCollector } from '../model';
import { createOrUpdateRules, DenyPolicy } from '../platform/admission';
import { ClusterView, registerClusterPart } from '../platform/cluster';
import { LABEL_PREFIX, MANAGED_BY } from '../platform/ids';
import { TENANT_NAMESPACES } from '../scheduling/kueue';
import { notAController, trustedControllers } from '../scheduling/kueue-guard';
import { placementFindings, placementVariables, poolPlacement } from './placement';
import { DEFAULT_DENY_POLICY, LIFECYCLE_LABEL } from './tenant-namespace';

const MANAGED_BY_KEY = 'app.kubernetes.io/managed-by' as const;

/**
 * Where each kind the tenant guards match keeps its pod specs, as a CEL list expression per
 * resource: pods themselves, and the pod templates (or pod overrides) of every workload kind
 * tenants create, so that a Deployment or Job is refused at once rather than its pods later. The
 * placement guard needs them all: the pods that the cluster's controllers and job operators create
 * from a template pass it, so every kind a trusted controller expands is checked at the template.
 * A DaemonSet, which tenants may not create, is listed for the same reason.
 */
export const POD_SPEC_PATHS: ReadonlyArray<{ apiGroup: string; resource: string; specs: string }> = [
  { apiGroup: '', resource: 'pods', specs: '[object.spec]' },
  { apiGroup: 'apps', resource: 'deployments', specs: '[object.spec.template.spec]' },
  { apiGroup: 'apps', resource: 'replicasets', specs: '[object.spec.template.spec]' },
  { apiGroup: 'apps', resource: 'statefulsets', specs: '[object.spec.template.spec]' },
  { apiGroup: 'apps', resource: 'daemonsets', specs: '[object.spec.template.spec]' },
  { apiGroup: 'batch', resource: 'cronjobs', specs: '[object.spec.jobTemplate.spec.template.spec]' },
  { apiGroup: 'batch', resource: 'jobs', specs: '[object.spec.template.spec]' },
  {
    apiGroup: 'jobset.x-k8s.io',
    resource: 'jobsets',
    specs:
      'has(object.spec.replicatedJobs) ? object.spec.replicatedJobs.map(r, r.template.spec.template.spec) : []',
  },
  {
    apiGroup: 'kubeflow.org',
    resource: 'mpijobs',
    specs:
      'has(object.spec.mpiReplicaSpecs) ? object.spec.mpiReplicaSpecs.map(k, object.spec.mpiReplicaSpecs[k].template.spec) : []',
  },
  {
    apiGroup: 'kubeflow.org',
    resource: 'pytorchjobs',
    specs:
      'has(object.spec.pytorchReplicaSpecs) ? object.spec.pytorchReplicaSpecs.map(k, object.spec.pytorchReplicaSpecs[k].template.spec) : []',
  },
  {
    // Kubeflow Trainer v2: the pod spec comes from a (cluster) training runtime; the TrainJob's
    // own placement is in its overrides (`podSpecOverrides`, renamed `podTemplateOverrides` with a
    // `spec` in v2.1).
    apiGroup: 'trainer.kubeflow.org',
    resource: 'trainjobs',
    specs:
      '(has(object.spec.podSpecOverrides) ? object.spec.podSpecOverrides : []) + (has(object.spec.podTemplateOverrides) ? object.spec.podTemplateOverrides.filter(o, has(o.spec)).map(o, o.spec) : [])',
  },
];

/** CEL: the pod specs of `obj` (`object` or `oldObject`), by the request's resource. */
function podSpecsOf(obj: 'object' | 'oldObject'): string {
  return [
    ...POD_SPEC_PATHS.map(
      (p) => `request.resource.resource == '${p.resource}' ? (${p.specs.replace(/\bobject\b/g, obj)}) : `,
    ),
    '[]',
  ].join('');
}

/** The policies' match: tenant namespaces, creating or updating a kind that holds pod specs. */
const POD_SPEC_MATCH = {
  namespaceSelector: TENANT_NAMESPACES,
  resourceRules: createOrUpdateRules(POD_SPEC_PATHS),
};

/**
 * Cluster-wide guard rails for tenant namespaces that RBAC and quotas cannot express, as a
 * ValidatingAdmissionPolicy (built into Kubernetes 1.30+, so it lives in the platform stack):
 *
 * - no Service with `spec.externalIPs`: anyone who may create Services could otherwise intercept
 *   traffic to any IP address of the cluster (CVE-2020-8554,
 *   https://github.com/kubernetes/kubernetes/issues/97076). The quota already keeps tenants from
 *   NodePort and LoadBalancer Services.
 *
 * https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/
 */
export interface TenantGuardrailsProps {
  /**
   * PriorityClasses tenant pods may name. The built-in Priority admission plugin writes a cluster's
   * `globalDefault` PriorityClass into every new pod before validation runs, so a site that has one
   * must list it here, or every tenant pod is refused.
   * @default - none: tenant pods name no PriorityClass (their priority comes from Kueue)
   */
  readonly allowedPriorityClasses?: readonly string[];
  /**
   * The site's GPU pools, whose taints and node labels tenants may not use themselves (the
   * placement guard).
   * @default - every `GpuNodePool` of the guard's cluster (same app and kubernetes provider), found when the app is synthesized
   */
  readonly pools?: readonly GpuNodePool[];
  /**
   * Usernames of the site's job operators besides kube-controller-manager and Kueue (as in
   * `KueueBypassGuard`): the pods and jobs they create from a checked template pass the placement
   * guard.
   * @default - none
   */
  readonly workloadControllers?: readonly string[];
}

/**
 * The annotation an administrator puts on a tenant namespace to let it (and, in a retired tenant's
 * namespace, its claims) be deleted; its value must be the namespace's own name, so that a
 * blanket copy of annotations does not open another namespace.
 *
 * @example
 * ```ts
 * import { App, TerraformStack } from 'cdktf';
 * import { TenantGuardrails } from 'cdktf-ai-factory';
 *
 * const tenants = new TerraformStack(new App(), 'lab-tenants');
 * // Once per cluster; the cluster's globalDefault PriorityClass is the only one tenant pods may name.
 * new TenantGuardrails(tenants, 'guardrails', { allowedPriorityClasses: ['default-priority'] });
 * ```
 */
export const OFFBOARDING_ANNOTATION = `${LABEL_PREFIX}/offboarding`;

export class TenantGuardrails extends Construct {
  public static readonly POLICY_NAME = 'aif-tenant-services';
  public static readonly PRIORITY_POLICY_NAME = 'aif-tenant-priority';
  public static readonly DELETION_POLICY_NAME = 'aif-tenant-deletion';
  public static readonly PLACEMENT_POLICY_NAME = 'aif-tenant-placement';

  constructor(scope: Construct, id: string, props: TenantGuardrailsProps = {}) {
    super(scope, id);
    const c = new IssueCollector();
    checkTenantPriorityClasses(c, props.allowedPriorityClasses, 'props.allowedPriorityClasses');
    c.throwIfAny('TenantGuardrails');
    // Tenants of the cluster find the guard rails here, and add them only where nobody did.
    registerClusterPart('guardrails', this);
    const allowed = [...(props.allowedPriorityClasses ?? [])].sort();
    // No pod of a tenant namespace may name a PriorityClass (but those the site allows): with one,
    // a tenant would outrank others in kube-scheduler (system-node-critical is usable in any
    // namespace) and in Kueue, which falls back to the pod's PriorityClass. Every site gets this,
    // with or without Kueue (a Slurm site has a high PriorityClass for its slurmd pods).
    new DenyPolicy(this, 'priority', {
      name: TenantGuardrails.PRIORITY_POLICY_NAME,
      address: ['tenant_guardrails', 'priority'],
      spec: {
        failurePolicy: 'Fail',
        matchConstraints: POD_SPEC_MATCH,
        variables: [
          // The pod specs of the object (a list; empty for kinds without a pod template).
          { name: 'podSpecs', expression: podSpecsOf('object') },
          { name: 'allowed', expression: `[${allowed.map((c) => `'${c}'`).join(', ')}]` },
        ],
        validations: [
          {
            expression:
              "variables.podSpecs.all(s, !has(s.priorityClassName) || s.priorityClassName == '' || s.priorityClassName in variables.allowed)",
            message:
              "priorityClassName may not be set in a tenant namespace: a tenant's priority comes from its access mode (the kueue.x-k8s.io/priority-class label)",
            reason: 'Forbidden',
          },
        ],
      },
    });
    this.addPlacementGuard(props);
    this.addDeletionGuard();
    new DenyPolicy(this, 'services', {
      name: TenantGuardrails.POLICY_NAME,
      address: ['tenant_guardrails', 'services'],
      spec: {
        failurePolicy: 'Fail',
        matchConstraints: {
          namespaceSelector: TENANT_NAMESPACES,
          resourceRules: [
            {
              apiGroups: [''],
              apiVersions: ['v1'],
              operations: ['CREATE', 'UPDATE'],
              resources: ['services'],
            },
          ],
        },
        validations: [
          {
            expression: '!has(object.spec.externalIPs) || size(object.spec.externalIPs) == 0',
            message: 'Services in tenant namespaces may not set spec.externalIPs (CVE-2020-8554)',
            reason: 'Forbidden',
          },
          {
            // An ExternalName Service is a DNS alias that an ingress controller or proxy follows
            // with its own rights: a tenant could point it at another namespace's Service or the
            // API server. The confused deputy of CVE-2021-25740 (there through Endpoints,
            // https://github.com/kubernetes/kubernetes/issues/103675) and Contour's CVE-2021-32783.
            // Checked on UPDATE too, so a Service cannot turn into one.
            expression: "!has(object.spec.type) || object.spec.type != 'ExternalName'",
            message:
              "Services in tenant namespaces may not be of type ExternalName (a confused deputy, the CVE-2021-25740 family: proxies and ingress controllers would follow it with their own rights); use a ClusterIP Service with a selector, or reach the external name directly (the tenant's egressCidrs)",
            reason: 'Forbidden',
          },
        ],
      },
    });
  }

  /**
   * Tenants do not place work on GPU pools themselves: a pool is reached through the queue, which
   * sets the pool's node selector and toleration when it admits a workload (Kueue updates the job's
   * template, or the pod as it removes the gate; its requests pass). In tenant namespaces, for a
   * requester that is none of the cluster's controllers (`trustedControllers`), this policy refuses
   * a pod or pod template that tolerates a pool's taint or every taint, or selects pool nodes
   * (nodeSelector, required or preferred node affinity, nodeName); see `placementFindings` for the
   * exact rule and the tolerations a pod may keep: a pool's, where the pod requests a GPU resource
   * of that pool (as the ExtendedResourceToleration admission plugin adds them). An UPDATE that leaves the placement
   * of every pod spec as it was passes, so that a tenant may label a job Kueue has placed.
   *
   * Every site with tenants gets it, with Kueue or not: without Kueue, the pool taints are all that
   * keep CPU pods off the GPU nodes, and a toleration or a nodeName would step over them.
   */
  private addPlacementGuard(props: TenantGuardrailsProps): void {
    const variables = () => [
      ...placementVariables(
        poolPlacement(props.pools ?? new ClusterView(this.node.root).parts<GpuNodePool>('pool', this)),
      ),
      { name: 'podSpecs', expression: podSpecsOf('object') },
      {
        name: 'oldPodSpecs',
        expression: `request.operation == 'UPDATE' ? (${podSpecsOf('oldObject')}) : []`,
      },
      // Per pod spec, what in it reaches pool nodes, joined: '' where nothing does.
      { name: 'findings', expression: `variables.podSpecs.map(s, (${placementFindings('s')}).join(', '))` },
      {
        name: 'oldFindings',
        expression: `variables.oldPodSpecs.map(s, (${placementFindings('s')}).join(', '))`,
      },
    ];
    new DenyPolicy(this, 'placement', {
      name: TenantGuardrails.PLACEMENT_POLICY_NAME,
      address: ['tenant_guardrails', 'placement'],
      spec: {
        failurePolicy: 'Fail',
        matchConstraints: POD_SPEC_MATCH,
        matchConditions: [notAController(trustedControllers(props.workloadControllers))],
        // The pools are known only once the app is complete when the guard was built without them.
        variables: props.pools ? variables() : Lazy.anyValue({ produce: variables }),
        validations: [
          {
            expression:
              "variables.findings.all(f, f == '') || (request.operation == 'UPDATE' && variables.findings == variables.oldFindings)",
            messageExpression: `'GPU pool placement is set by the site\\'s scheduler, not by a tenant (' + variables.findings.filter(f, f != '').join('; ') + '): remove it. GPU work goes through your queue, which adds the pool\\'s node selector and toleration when it admits the workload; a pod that requests a pool\\'s GPU resource may tolerate that pool\\'s taint; CPU work may select CPU nodes'`,
            reason: 'Forbidden',
          },
        ],
      },
    });
  }

  /**
   * Tenant data leaves only through an explicit step. `prevent_destroy` guards a resource only while
   * it is in the configuration: a tenant deleted from a profile, or a volume from a tenant's list,
   * would otherwise be destroyed by the next apply. In tenant namespaces this policy refuses, unless
   * the namespace carries the offboarding annotation with its own name (or the object itself does):
   * - DELETE of the namespace (`terraform destroy`, `kubectl delete namespace`);
   * - DELETE of the platform's objects that constrain or hold data: the shared volumes the library
   *   created (`managed-by` label), the quotas, the LimitRange and the default-deny policy. Terraform
   *   destroys those before the namespace, so without this a refused namespace deletion would leave a
   *   namespace with no quota and no network isolation, and the volumes gone;
   * - in a retired tenant's namespace, DELETE of any claim.
   * A tenant still deletes the claims it made itself, and retiring (which deletes roles, bindings
   * and the other network policies) passes.
   */
  private addDeletionGuard(): void {
    const annotated = (obj: string) =>
      `(has(${obj}.metadata.annotations) && '${OFFBOARDING_ANNOTATION}' in ${obj}.metadata.annotations && ${obj}.metadata.annotations['${OFFBOARDING_ANNOTATION}'] == ${obj}.metadata.name)`;
    const label = (obj: string, key: string, value: string) =>
      `(has(${obj}.metadata.labels) && '${key}' in ${obj}.metadata.labels && ${obj}.metadata.labels['${key}'] == '${value}')`;
    const managed = label('oldObject', MANAGED_BY_KEY, MANAGED_BY[MANAGED_BY_KEY]);
    const retiredNamespace = label('namespaceObject', LIFECYCLE_LABEL, 'retired');
    const kinds: Record<string, string> = {
      persistentvolumeclaims: `(${managed} || ${retiredNamespace})`,
      resourcequotas: managed,
      limitranges: managed,
      networkpolicies: `(${managed} && oldObject.metadata.name == '${DEFAULT_DENY_POLICY}')`,
    };
    const protectedObject = Object.entries(kinds)
      .map(([resource, cond]) => `(request.resource.resource == '${resource}' && ${cond})`)
      .join(' || ');
    new DenyPolicy(this, 'deletion', {
      name: TenantGuardrails.DELETION_POLICY_NAME,
      address: ['tenant_guardrails', 'deletion'],
      spec: {
        failurePolicy: 'Fail',
        matchConstraints: {
          // For a Namespace, the selector matches the namespace's own labels.
          namespaceSelector: TENANT_NAMESPACES,
          resourceRules: [
            { apiGroups: [''], apiVersions: ['v1'], operations: ['DELETE'], resources: ['namespaces'] },
            {
              apiGroups: [''],
              apiVersions: ['v1'],
              operations: ['DELETE'],
              resources: ['persistentvolumeclaims', 'resourcequotas', 'limitranges'],
            },
            {
              apiGroups: ['networking.k8s.io'],
              apiVersions: ['v1'],
              operations: ['DELETE'],
              resources: ['networkpolicies'],
            },
          ],
        },
        validations: [
          {
            // On DELETE the object is `oldObject`; a Namespace is cluster-scoped, so it has no
            // `namespaceObject`.
            expression: `request.resource.resource != 'namespaces' || ${annotated('oldObject')}`,
            messageExpression: `'tenant namespace ' + oldObject.metadata.name + ' holds tenant data and may not be deleted; to offboard it, annotate it first: kubectl annotate namespace ' + oldObject.metadata.name + ' ${OFFBOARDING_ANNOTATION}=' + oldObject.metadata.name`,
            reason: 'Forbidden',
          },
          {
            expression: `request.resource.resource == 'namespaces' || !(${protectedObject}) || ${annotated('namespaceObject')} || ${annotated('oldObject')}`,
            messageExpression: `request.resource.resource + ' ' + oldObject.metadata.name + ' of tenant namespace ' + namespaceObject.metadata.name + ' holds or guards tenant data and may not be deleted (a tenant or volume left out of a profile is offboarded, not deleted); to delete it on purpose, annotate it (or the namespace) with ${OFFBOARDING_ANNOTATION}=<its name>'`,
            reason: 'Forbidden',
          },
        ],
      },
    });
  }
}
