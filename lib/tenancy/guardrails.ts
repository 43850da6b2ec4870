import { Construct } from 'constructs';
import { checkTenantPriorityClasses, IssueCollector } from '../model';
import { DenyPolicy } from '../platform/admission';
import { registerClusterPart } from '../platform/cluster';
import { LABEL_PREFIX, MANAGED_BY } from '../platform/ids';
import { DEFAULT_DENY_POLICY, LIFECYCLE_LABEL } from './tenant-namespace';

const MANAGED_BY_KEY = 'app.kubernetes.io/managed-by' as const;

/**
 * Where each kind the priority guard matches keeps its pod specs, as a CEL list expression per
 * resource: pods themselves, and the pod templates of the workload kinds tenants create, so that a
 * Deployment or Job is refused at once rather than its pods later. The pod check alone would
 * suffice (every pod of a tenant namespace passes it, whoever creates it); TrainJobs have no pod
 * template with a priority field and are covered by it.
 */
export const POD_SPEC_PATHS: ReadonlyArray<{ apiGroup: string; resource: string; specs: string }> = [
  { apiGroup: '', resource: 'pods', specs: '[object.spec]' },
  { apiGroup: 'apps', resource: 'deployments', specs: '[object.spec.template.spec]' },
  { apiGroup: 'apps', resource: 'replicasets', specs: '[object.spec.template.spec]' },
  { apiGroup: 'apps', resource: 'statefulsets', specs: '[object.spec.template.spec]' },
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
];

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
        matchConstraints: {
          namespaceSelector: { matchExpressions: [{ key: `${LABEL_PREFIX}/tenant`, operator: 'Exists' }] },
          resourceRules: POD_SPEC_PATHS.map((r) => ({
            apiGroups: [r.apiGroup],
            apiVersions: ['*'],
            operations: ['CREATE', 'UPDATE'],
            resources: [r.resource],
          })),
        },
        variables: [
          // The pod specs of the object (a list; empty for kinds without a pod template).
          {
            name: 'podSpecs',
            expression: [
              ...POD_SPEC_PATHS.map((p) => `request.resource.resource == '${p.resource}' ? (${p.specs}) : `),
              '[]',
            ].join(''),
          },
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
    this.addDeletionGuard();
    new DenyPolicy(this, 'services', {
      name: TenantGuardrails.POLICY_NAME,
      address: ['tenant_guardrails', 'services'],
      spec: {
        failurePolicy: 'Fail',
        matchConstraints: {
          namespaceSelector: { matchExpressions: [{ key: `${LABEL_PREFIX}/tenant`, operator: 'Exists' }] },
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
          namespaceSelector: { matchExpressions: [{ key: `${LABEL_PREFIX}/tenant`, operator: 'Exists' }] },
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
