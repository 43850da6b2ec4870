import { Construct } from 'constructs';
import { Lazy } from 'cdktf';
import type { GpuNodePool } from '../compute/node-pool';
import {
  checkTenantPods,
  checkTenantPriorityClasses,
  DEFAULT_MAX_GRACE_PERIOD_SECONDS,
  IssueCollector,
} from '../model';
import {
  DEFAULT_DENY_POLICY,
  KUEUE_PRIORITY_LABEL,
  LIFECYCLE_LABEL,
  MANAGED_BY,
  MANAGED_BY_LABEL,
  OFFBOARDING_ANNOTATION,
  RETIRED,
  TENANT_DELETION_POLICY,
  TENANT_PLACEMENT_POLICY,
  TENANT_POD_SPEC_POLICY,
  TENANT_PRIORITY_POLICY,
  TENANT_SERVICES_POLICY,
  TENANT_SIZE_POLICY,
  TENANT_VOLUMES_POLICY,
} from '../model/names';
import { createOrUpdateRules, DenyPolicy } from '../platform/admission';
import { admissionRule } from '../platform/policy-parts';
import {
  emptyEntry,
  keyedText,
  POD_SPEC_PATHS,
  podSpecEntries,
  podSpecsOf,
  sameEntries,
} from '../platform/pod-specs';

export { POD_SPEC_PATHS };
import { TENANT_NAMESPACES } from '../scheduling/kueue';
import { notAController, trustedControllers } from '../scheduling/kueue-guard';
import { placementFindings, placementVariables, poolPlacement } from './placement';
import type { ISiteScope } from './site-scope';

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
   * Either this or `site` is required.
   * @default - the pools of `site`, as they stand when the stack is synthesized
   */
  readonly pools?: readonly GpuNodePool[];
  /**
   * The site whose pools the placement guard covers, where `pools` is not given (a `SiteScope` makes
   * its guard rails with itself here).
   * @default - none
   */
  readonly site?: ISiteScope;
  /**
   * Usernames of the site's job operators besides kube-controller-manager and Kueue (as in
   * `KueueBypassGuard`): the pods and jobs they create from a checked template pass the placement
   * guard.
   * @default - none
   */
  readonly workloadControllers?: readonly string[];
  /**
   * The longest `terminationGracePeriodSeconds` a tenant pod or pod template may set: the time a
   * preempted or suspended job's pods keep their GPUs after Kueue evicts them. Long enough to write
   * a checkpoint.
   * @default 300
   */
  readonly maxGracePeriodSeconds?: number;
  /**
   * CSI drivers tenant pods may mount inline (`volumes[].csi`), such as the Secrets Store driver.
   * An inline volume bypasses StorageClasses and claims: with a storage driver (NFS, CephFS) it
   * mounts any share by its address.
   * @default - none
   */
  readonly inlineCsiDrivers?: readonly string[];
}

/**
 * Byte bounds on what a tenant writes, where an admission policy can measure it. Object counts
 * (`ObjectCountPreset`) bound how many objects a tenant keeps in etcd; these bound the fields where
 * bulk goes, so that counts times sizes stays far below etcd's quota. What no policy can bound is
 * in docs/security.md (Object sizes).
 */
export const TENANT_SIZE_LIMITS = {
  /**
   * Labels and annotations of any object, keys and values, but kubectl's
   * `last-applied-configuration` (a copy of the object, bounded with it; the API server caps all
   * annotations at 256 KiB).
   */
  metadataBytes: 32 * 1024,
  /** Environment values, commands and arguments of all containers of one pod spec together. */
  podSpecStringBytes: 64 * 1024,
  /** The data of one ConfigMap or Secret (the API server allows 1 MiB). */
  dataBytes: 256 * 1024,
} as const;

/** The annotation `kubectl apply` keeps a copy of the applied object in. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

// Declared with the library's other names in the cluster, which lib/review reads them by.
export { OFFBOARDING_ANNOTATION } from '../model/names';

/**
 * The tenant guard rails of a cluster: the admission policies that keep tenants to their namespace,
 * their queue and their data (see `TenantGuardrailsProps`, and each `*_POLICY_NAME`).
 *
 * A `SiteScope` makes them for its cluster (`guardrails` passes these props), and an
 * `AiFactorySite` for its own; made directly, they need the pools whose placement they guard.
 *
 * @example
 * ```ts
 * import { App, TerraformStack } from 'cdktf';
 * import { GpuNodePool, TenantGuardrails } from 'cdktf-ai-factory';
 *
 * const stack = new TerraformStack(new App(), 'lab');
 * const pool = new GpuNodePool(stack, 'a100', {
 *   name: 'a100',
 *   accelerator: 'nvidia-a100-80gb',
 *   gpusPerNode: 8,
 *   nodes: { hostlist: 'gpu[01-08]' },
 * });
 * // Once per cluster; the cluster's globalDefault PriorityClass is the only one tenant pods may name.
 * new TenantGuardrails(stack, 'guardrails', { pools: [pool], allowedPriorityClasses: ['default-priority'] });
 * ```
 */
export class TenantGuardrails extends Construct {
  public static readonly POLICY_NAME = TENANT_SERVICES_POLICY;
  public static readonly PRIORITY_POLICY_NAME = TENANT_PRIORITY_POLICY;
  public static readonly DELETION_POLICY_NAME = TENANT_DELETION_POLICY;
  public static readonly PLACEMENT_POLICY_NAME = TENANT_PLACEMENT_POLICY;
  public static readonly POD_SPEC_POLICY_NAME = TENANT_POD_SPEC_POLICY;
  public static readonly SIZE_POLICY_NAME = TENANT_SIZE_POLICY;
  public static readonly VOLUMES_POLICY_NAME = TENANT_VOLUMES_POLICY;

  constructor(scope: Construct, id: string, props: TenantGuardrailsProps = {}) {
    super(scope, id);
    const c = new IssueCollector();
    checkTenantPriorityClasses(c, props.allowedPriorityClasses, 'props.allowedPriorityClasses');
    checkTenantPods(c, props, 'props');
    if (props.pools === undefined && props.site === undefined)
      c.add(
        'VALUE_INVALID',
        'props.pools',
        undefined,
        "the guard rails need the cluster's GPU pools: without them the placement guard lets tenants select and tolerate every pool's nodes",
        'pass pools: [...] (every GpuNodePool of the cluster), or site: a SiteScope, which makes its guard rails itself',
      );
    c.throwIfAny('TenantGuardrails');
    const allowed = [...(props.allowedPriorityClasses ?? [])].sort();
    // No pod of a tenant namespace may name a PriorityClass (but those the site allows): with one,
    // a tenant would outrank others in kube-scheduler (system-node-critical is usable in any
    // namespace) and in Kueue, which falls back to the pod's PriorityClass. Every site gets this,
    // with or without Kueue (a Slurm site has a high PriorityClass for its slurmd pods).
    new DenyPolicy(this, 'priority', {
      name: TenantGuardrails.PRIORITY_POLICY_NAME,
      address: ['tenant_guardrails', 'priority'],
      spec: {
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
            message: `priorityClassName may not be set in a tenant namespace: a tenant's priority comes from its access mode (the ${KUEUE_PRIORITY_LABEL} label)`,
            reason: 'Forbidden',
          },
        ],
      },
    });
    this.addPlacementGuard(props);
    this.addPodSpecGuard(props);
    this.addSizeGuard();
    this.addVolumeGuard();
    this.addDeletionGuard();
    new DenyPolicy(this, 'services', {
      name: TenantGuardrails.POLICY_NAME,
      address: ['tenant_guardrails', 'services'],
      spec: {
        matchConstraints: {
          namespaceSelector: TENANT_NAMESPACES,
          resourceRules: [admissionRule('', ['CREATE', 'UPDATE'], ['services'])],
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
      ...placementVariables(poolPlacement(props.pools ?? props.site?.gpuPools ?? [])),
      { name: 'entries', expression: podSpecEntries('object') },
      {
        name: 'oldEntries',
        expression: `request.operation == 'UPDATE' ? (${podSpecEntries('oldObject')}) : []`,
      },
      // Per pod spec, what in it reaches pool nodes, joined: '' where nothing does (`[<replica
      // type>] ` for the kinds whose specs are a map).
      {
        name: 'findings',
        expression: `variables.entries.map(pe, ${keyedText(`(${placementFindings('pe.s')}).join(', ')`)})`,
      },
      {
        name: 'oldFindings',
        expression: `variables.oldEntries.map(pe, ${keyedText(`(${placementFindings('pe.s')}).join(', ')`)})`,
      },
    ];
    new DenyPolicy(this, 'placement', {
      name: TenantGuardrails.PLACEMENT_POLICY_NAME,
      address: ['tenant_guardrails', 'placement'],
      spec: {
        matchConstraints: POD_SPEC_MATCH,
        matchConditions: [notAController(trustedControllers(props.workloadControllers))],
        // A site's pools are known only once the app is complete.
        variables: props.pools || !props.site ? variables() : Lazy.anyValue({ produce: variables }),
        validations: [
          {
            expression: `variables.findings.all(f, ${emptyEntry('f')}) || (request.operation == 'UPDATE' && ${sameEntries('variables.findings', 'variables.oldFindings')})`,
            messageExpression: `'GPU pool placement is set by the site\\'s scheduler, not by a tenant (' + variables.findings.filter(f, !${emptyEntry('f')}).join('; ') + '): remove it. GPU work goes through your queue, which adds the pool\\'s node selector and toleration when it admits the workload; a pod that requests a pool\\'s GPU resource may tolerate that pool\\'s taint; CPU work may select CPU nodes'`,
            reason: 'Forbidden',
          },
        ],
      },
    });
  }

  /**
   * What a tenant pod or pod template may not set, whoever creates it:
   * - a `terminationGracePeriodSeconds` above `maxGracePeriodSeconds`: when Kueue preempts or
   *   suspends a job, its pods keep their GPUs for the whole grace period; and a DELETE of a pod
   *   with a longer grace period (`request.options.gracePeriodSeconds`);
   * - an inline CSI volume (`volumes[].csi`) of a driver the site did not allow: it bypasses the
   *   StorageClasses and claims, and with a storage driver mounts any share by its address;
   * - environment values, commands and arguments above `TENANT_SIZE_LIMITS.podSpecStringBytes` (bulk
   *   kept in etcd with each object).
   */
  private addPodSpecGuard(props: TenantGuardrailsProps): void {
    const maxGrace = props.maxGracePeriodSeconds ?? DEFAULT_MAX_GRACE_PERIOD_SECONDS;
    const drivers = [...new Set(props.inlineCsiDrivers ?? [])].sort();
    const containers = `((has(s.containers) ? s.containers : []) + (has(s.initContainers) ? s.initContainers : []))`;
    const strings = `${containers}.map(c, (has(c.env) ? c.env.map(e, has(e.value) ? size(e.value) : 0).sum() : 0) + (has(c.command) ? c.command.map(x, size(x)).sum() : 0) + (has(c.args) ? c.args.map(x, size(x)).sum() : 0)).sum()`;
    new DenyPolicy(this, 'pod-spec', {
      name: TenantGuardrails.POD_SPEC_POLICY_NAME,
      address: ['tenant_guardrails', 'pod_spec'],
      spec: {
        matchConstraints: {
          ...POD_SPEC_MATCH,
          resourceRules: [...POD_SPEC_MATCH.resourceRules, admissionRule('', ['DELETE'], ['pods'])],
        },
        // Variables run at their first use: a DELETE (whose object is null) reads none.
        variables: [
          { name: 'podSpecs', expression: podSpecsOf('object') },
          { name: 'inlineCsiDrivers', expression: `[${drivers.map((d) => `'${d}'`).join(', ')}]` },
        ],
        validations: [
          {
            // `kubectl delete pod --grace-period=<n>` overrides the pod's own grace period, and the
            // kubelet honours it; Kueue no longer counts a terminating pod, so its GPUs would go
            // to the queue twice.
            expression: `request.operation != 'DELETE' || request.options == null || !has(request.options.gracePeriodSeconds) || request.options.gracePeriodSeconds <= ${maxGrace}`,
            message: `a pod in a tenant namespace may be deleted with a grace period of at most ${maxGrace} seconds (--grace-period): its GPUs stay held until it is gone`,
            reason: 'Forbidden',
          },
          {
            expression: `request.operation == 'DELETE' || variables.podSpecs.all(s, !has(s.terminationGracePeriodSeconds) || s.terminationGracePeriodSeconds <= ${maxGrace})`,
            message: `terminationGracePeriodSeconds may be at most ${maxGrace} in a tenant namespace: an evicted job's pods keep their GPUs for as long; write checkpoints within it`,
            reason: 'Forbidden',
          },
          {
            expression:
              "request.operation == 'DELETE' || variables.podSpecs.all(s, !has(s.volumes) || s.volumes.all(v, !has(v.csi) || v.csi.driver in variables.inlineCsiDrivers))",
            messageExpression: `'inline CSI volumes (volumes[].csi) of driver ' + variables.podSpecs.map(s, has(s.volumes) ? s.volumes.filter(v, has(v.csi) && !(v.csi.driver in variables.inlineCsiDrivers)).map(v, v.csi.driver) : []).filter(l, size(l) > 0)[0][0] + ' are not allowed in a tenant namespace: ${drivers.length ? `only ${drivers.join(', ')} (the site\\'s tenantPods.inlineCsiDrivers)` : 'the site allows none (tenantPods.inlineCsiDrivers)'}; mount storage through a PersistentVolumeClaim of the site\\'s tiers'`,
            reason: 'Forbidden',
          },
          {
            expression: `request.operation == 'DELETE' || variables.podSpecs.all(s, ${strings} <= ${TENANT_SIZE_LIMITS.podSpecStringBytes})`,
            message: `the environment values, commands and arguments of a pod spec may hold at most ${TENANT_SIZE_LIMITS.podSpecStringBytes / 1024} KiB in a tenant namespace: put scripts and data in a volume`,
            reason: 'Forbidden',
          },
        ],
      },
    });
  }

  /**
   * Bounds the bytes of what a tenant writes (`TENANT_SIZE_LIMITS`): the labels and annotations of
   * every namespaced object in a tenant namespace, and the data of each ConfigMap and Secret.
   */
  private addSizeGuard(): void {
    const entries = (map: string, skip?: string) =>
      `(has(${map}) ? ${map}${skip ? `.filter(k, k != '${skip}')` : ''}.map(k, size(k) + size(${map}[k])).sum() : 0)`;
    new DenyPolicy(this, 'size', {
      name: TenantGuardrails.SIZE_POLICY_NAME,
      address: ['tenant_guardrails', 'size'],
      spec: {
        matchConstraints: {
          namespaceSelector: TENANT_NAMESPACES,
          resourceRules: [
            {
              apiGroups: ['*'],
              apiVersions: ['*'],
              operations: ['CREATE', 'UPDATE'],
              resources: ['*'],
              scope: 'Namespaced',
            },
          ],
        },
        validations: [
          {
            expression: `${entries('object.metadata.labels')} + ${entries('object.metadata.annotations', LAST_APPLIED)} <= ${TENANT_SIZE_LIMITS.metadataBytes}`,
            message: `labels and annotations may hold at most ${TENANT_SIZE_LIMITS.metadataBytes / 1024} KiB per object in a tenant namespace (kubectl's last-applied-configuration aside): keep data in volumes`,
            reason: 'Forbidden',
          },
          {
            expression: `request.resource.group != '' || !(request.resource.resource in ['configmaps', 'secrets']) || ${entries('object.data')} + ${entries('object.binaryData')} <= ${TENANT_SIZE_LIMITS.dataBytes}`,
            messageExpression: `request.resource.resource + ' may hold at most ${TENANT_SIZE_LIMITS.dataBytes / 1024} KiB of data each in a tenant namespace: keep datasets and model files in a volume'`,
            reason: 'Forbidden',
          },
        ],
      },
    });
  }

  /**
   * A tenant's claim gets a new volume from its StorageClass, never an existing one it picks: a
   * `spec.volumeName` (which binds a claim to that PersistentVolume once it is Available, another
   * tenant's old volume included) needs the right to update that volume, and a `spec.selector`
   * (which binds one by its labels) the right to update volumes; the persistent volume controller
   * and the site's operators have them, tenants do not. A Released volume binds to no new claim
   * (its claimRef still names the old one); what keeps data from the next tenant is wiping a volume
   * before it is made Available again (docs/offboarding.md).
   */
  private addVolumeGuard(): void {
    new DenyPolicy(this, 'volumes', {
      name: TenantGuardrails.VOLUMES_POLICY_NAME,
      address: ['tenant_guardrails', 'volumes'],
      spec: {
        matchConstraints: {
          namespaceSelector: TENANT_NAMESPACES,
          resourceRules: [admissionRule('', ['CREATE', 'UPDATE'], ['persistentvolumeclaims'])],
        },
        validations: [
          {
            expression:
              "!has(object.spec.volumeName) || object.spec.volumeName == '' || (request.operation == 'UPDATE' && has(oldObject.spec.volumeName) && oldObject.spec.volumeName == object.spec.volumeName) || authorizer.group('').resource('persistentvolumes').name(object.spec.volumeName).check('update').allowed()",
            messageExpression:
              "'a claim in a tenant namespace may not name PersistentVolume ' + object.spec.volumeName + ' (spec.volumeName): only the site\\'s operators bind a claim to a given volume. Leave volumeName out and the claim gets a new volume of its StorageClass'",
            reason: 'Forbidden',
          },
          {
            // A selector binds a claim to an existing (Available) volume by its labels: the same door
            // by another key. A claim with a selector is never provisioned dynamically, so tenants,
            // who get their volumes from a StorageClass, do not need one.
            expression:
              "!has(object.spec.selector) || (request.operation == 'UPDATE' && has(oldObject.spec.selector) && oldObject.spec.selector == object.spec.selector) || authorizer.group('').resource('persistentvolumes').check('update').allowed()",
            message:
              "a claim in a tenant namespace may not select existing volumes (spec.selector): only the site's operators bind a claim to a given volume. Leave the selector out and the claim gets a new volume of its StorageClass",
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
   * and the other network policies) passes. Marking an object for offboarding, or removing the
   * `managed-by` label that protects it, takes the right to patch the namespace (the authorizer
   * asks): a tenant may update its claims, but not open a shared volume for deletion that way.
   */
  private addDeletionGuard(): void {
    const annotated = (obj: string) =>
      `(has(${obj}.metadata.annotations) && '${OFFBOARDING_ANNOTATION}' in ${obj}.metadata.annotations && ${obj}.metadata.annotations['${OFFBOARDING_ANNOTATION}'] == ${obj}.metadata.name)`;
    const label = (obj: string, key: string, value: string) =>
      `(has(${obj}.metadata.labels) && '${key}' in ${obj}.metadata.labels && ${obj}.metadata.labels['${key}'] == '${value}')`;
    const managed = label('oldObject', MANAGED_BY_LABEL, MANAGED_BY[MANAGED_BY_LABEL]);
    const retiredNamespace = label('namespaceObject', LIFECYCLE_LABEL, RETIRED);
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
        matchConstraints: {
          // For a Namespace, the selector matches the namespace's own labels.
          namespaceSelector: TENANT_NAMESPACES,
          resourceRules: [
            admissionRule('', ['DELETE'], ['namespaces']),
            admissionRule(
              '',
              ['UPDATE', 'DELETE'],
              ['persistentvolumeclaims', 'resourcequotas', 'limitranges'],
            ),
            admissionRule('networking.k8s.io', ['UPDATE', 'DELETE'], ['networkpolicies']),
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
            expression: `request.operation != 'DELETE' || request.resource.resource == 'namespaces' || !(${protectedObject}) || ${annotated('namespaceObject')} || ${annotated('oldObject')}`,
            messageExpression: `request.resource.resource + ' ' + oldObject.metadata.name + ' of tenant namespace ' + namespaceObject.metadata.name + ' holds or guards tenant data and may not be deleted (a tenant or volume left out of a profile is offboarded, not deleted); to delete it on purpose, annotate it (or the namespace) with ${OFFBOARDING_ANNOTATION}=<its name>'`,
            reason: 'Forbidden',
          },
          {
            // Who may annotate the namespace may annotate what is in it: a tenant (who may update
            // its claims) cannot mark a shared volume for offboarding, or take the label off that
            // protects it, and then delete it.
            expression: `request.operation != 'UPDATE' || !((${annotated('object')} && !${annotated('oldObject')}) || (${managed} && !${label('object', MANAGED_BY_LABEL, MANAGED_BY[MANAGED_BY_LABEL])})) || authorizer.group('').resource('namespaces').name(namespaceObject.metadata.name).check('patch').allowed()`,
            messageExpression: `'only who may annotate namespace ' + namespaceObject.metadata.name + ' may mark ' + request.resource.resource + ' ' + object.metadata.name + ' for offboarding (${OFFBOARDING_ANNOTATION}) or remove its ${MANAGED_BY_LABEL} label: ask the site\\'s operators to offboard it'`,
            reason: 'Forbidden',
          },
        ],
      },
    });
  }
}
