import type { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import type { PersistentVolumeClaimV1 } from '@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1';
import type { NetworkPolicyV1Spec } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import type { ResourceQuotaV1 } from '@cdktf/provider-kubernetes/lib/resource-quota-v1';
import { Lazy } from 'cdktf';
import { Construct } from 'constructs';
import type { GpuNodePool } from '../compute/node-pool';
import {
  uniqueByName,
  checkBounds,
  checkTenant,
  checkTenantStorage,
  DEFAULT_POD_SECURITY_VERSION,
  grantGpuHours,
  grantResource,
  grantUnits,
  holdsGpus,
  IssueCollector,
  siteGpuResources,
  synthesisDate,
  tenantStorageQuota,
  type AccessMode,
  type NodePoolSpec,
  type TenantAllocation,
  type TenantSpec,
  type TenantResourceSpec,
  TENANT_WRITABLE,
  unwritableResources,
} from '../model';
import { planQuota, raiseQuota, type QuotaInput } from '../plan/quota';
import {
  ACCESS_MODE_LABEL,
  ALLOCATION_END_ANNOTATION,
  ALLOCATION_START_ANNOTATION,
  allowPolicyName,
  CROSS_NAMESPACE_AFFINITY_QUOTA,
  DEFAULT_DENY_POLICY,
  DISPLAY_NAME_ANNOTATION,
  GPU_GRANTS_ANNOTATION,
  GPU_HOURS_ANNOTATION,
  LIFECYCLE_LABEL,
  MANAGED_BY,
  NAMESPACE_NAME_LABEL,
  POD_SECURITY_ENFORCE_LABEL,
  POD_SECURITY_ENFORCE_VERSION_LABEL,
  PROJECT_ID_ANNOTATION,
  RETIRED,
  SECTOR_LABEL,
  SITE_LABEL,
  SYSTEM_PRIORITY_CLASSES,
  SYSTEM_PRIORITY_QUOTA,
  TENANT_ADMIN_ROLE,
  TENANT_LABEL,
  TENANT_LIMIT_RANGE,
  TENANT_MEMBER_ROLE,
  TENANT_QUOTA,
} from '../model/names';
import { addressId, pinAddress } from '../platform/ids';
import type { StorageTier } from '../storage/storage-tier';
import type { ISiteScope } from './site-scope';
import {
  createSharedVolumes,
  volumeAddress,
  type TenantSharedVolume,
  type TenantTierGrant,
} from './tenant-volumes';
import { providerClasses } from '../private/provider-classes';

/** GPUs of one pool granted to the tenant, by object: a count, or a budget over `allocation`. */
export interface TenantPoolGrant {
  readonly pool: GpuNodePool;
  /** Whole GPUs, MIG instances or time-sliced replicas. @default - derived from `gpuHours` */
  readonly count?: number;
  /** GPU-hour budget, spread over the tenant's allocation period. @default - `count` is used */
  readonly gpuHours?: number;
  /** @default - whole GPUs */
  readonly migProfile?: string;
}

/** One RBAC rule, as the Kubernetes API spells it. */
export interface PolicyRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
}

export interface TenantNamespaceProps {
  /** Tenant name; also the namespace name. Never rename: the namespace holds the tenant's data. */
  readonly name: string;
  /**
   * The site the tenant belongs to (an `AiFactorySite` takes only the tenants it builds: use its
   * `addTenant`; a `SiteScope` for a cluster built from the constructs): its name is written to a
   * label, and the tenant gets a quota of zero on every GPU resource and storage class of the site
   * that it has no grant on, pools and tiers added to the site after it included.
   */
  readonly site: ISiteScope;
  readonly accessMode: AccessMode;
  /** Project and period; written to annotations, and the period `gpuHours` spread over. @default - open-ended */
  readonly allocation?: TenantAllocation;
  /** @default - the name */
  readonly displayName?: string;
  /** @default - no sector label */
  readonly sector?: string;
  readonly gpus: readonly TenantPoolGrant[];
  /** @default - derived from the granted GPUs (see TenantResourceSpec) */
  readonly resources?: TenantResourceSpec;
  readonly groups: { readonly admins: readonly string[]; readonly members?: readonly string[] };
  /** @default - no egress beyond the namespace and cluster DNS */
  readonly egressCidrs?: readonly string[];
  /** @default 'v1.33' */
  readonly podSecurityVersion?: string;
  /** Annotations for the namespace (budgets, project ids). @default - display name only */
  readonly annotations?: Readonly<Record<string, string>>;
  /** Further rules for the tenant roles, e.g. for schedulers' custom resources. @default - none */
  readonly additionalRules?: {
    /** @default - none beyond ADMIN_RULES */
    readonly admin?: readonly PolicyRule[];
    /** @default - none beyond MEMBER_RULES */
    readonly member?: readonly PolicyRule[];
  };
  /** Quota per storage tier, by tier object. @default - no storage beyond ephemeral storage */
  readonly storage?: readonly TenantTierGrant[];
  /** Named shared volumes, PVCs with `prevent_destroy`. @default - none */
  readonly volumes?: readonly TenantSharedVolume[];
  /**
   * The project has ended: keep the namespace, its volumes and its storage quota, and take the rest
   * away: no role bindings, zero GPU, CPU, memory and pod quota, no egress (only the default-deny
   * policy stays). Grants in `gpus` are ignored. See `retainedTenantResources` for what stays.
   * @default false
   */
  readonly retired?: boolean;
  /**
   * The day the allocation is judged against (`YYYY-MM-DD`). After the allocation's last day the
   * tenant holds no GPUs (one not started yet holds them already): every GPU resource's quota is zero,
   * and a Kueue queue built on this namespace stops its GPU queue. The namespace, its volumes and
   * its CPU quota stay, so that data can be copied out.
   * @default - `$AIF_DATE`, else today (UTC)
   */
  readonly date?: string;
}

/** Metadata of a namespaced object of the tenant. */
interface NamespacedMeta {
  name: string;
  namespace: string;
  labels: Record<string, string>;
}

// Declared with the library's other names in the cluster, which lib/review reads them by.
export { DEFAULT_DENY_POLICY, LIFECYCLE_LABEL, SYSTEM_PRIORITY_CLASSES } from '../model/names';

/** Pinned address parts of the resources a tenant keeps when it is retired, by role. */
const KEPT = {
  namespace: (t: string) => ['tenant', t, 'namespace'],
  quota: (t: string) => ['tenant', t, 'quota'],
  systemPriorityQuota: (t: string) => ['tenant', t, 'system_priority_quota'],
  crossNamespaceAffinityQuota: (t: string) => ['tenant', t, 'cross_namespace_affinity_quota'],
  limits: (t: string) => ['tenant', t, 'limits'],
  denyAll: (t: string) => ['tenant', t, 'deny-all'],
};

/**
 * The Terraform resources (type and pinned name) that a retired tenant keeps: the namespace, its
 * shared volumes, and what still constrains the namespace (quota at zero for compute and at the
 * grant for storage, the system-priority and cross-namespace affinity quotas, the LimitRange, the default-deny policy). When the
 * tenant is then taken out of the profile, these leave Terraform's state through `removed` blocks
 * and stay in the cluster; everything else of the tenant is destroyed. Left without its quota, a
 * Deployment left behind in the namespace could start pods again with no limit on GPUs.
 */
export function retainedTenantResources(
  tenant: string,
  volumes: readonly string[] = [],
): Array<{ type: string; name: string }> {
  const entry = (type: string, parts: string[]) => ({ type, name: addressId(...parts) });
  return [
    entry(providerClasses.NamespaceV1.tfResourceType, KEPT.namespace(tenant)),
    entry(providerClasses.ResourceQuotaV1.tfResourceType, KEPT.quota(tenant)),
    entry(providerClasses.ResourceQuotaV1.tfResourceType, KEPT.systemPriorityQuota(tenant)),
    entry(providerClasses.ResourceQuotaV1.tfResourceType, KEPT.crossNamespaceAffinityQuota(tenant)),
    entry(providerClasses.LimitRangeV1.tfResourceType, KEPT.limits(tenant)),
    entry(providerClasses.NetworkPolicyV1.tfResourceType, KEPT.denyAll(tenant)),
    ...[...volumes]
      .sort()
      .map((v) => entry(providerClasses.PersistentVolumeClaimV1.tfResourceType, volumeAddress(tenant, v))),
  ];
}

/** Read-only verbs. */
const READ = ['get', 'list', 'watch'];
/** Read and write, but never `escalate`, `bind` or `impersonate`. */
const WRITE = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'];

/**
 * What tenant members may do: run and manage workloads in their namespace, read (never change)
 * the quota, limit ranges and network policies the platform put there. No RBAC objects at all,
 * so nobody in a tenant can escalate or bind.
 */
export const MEMBER_RULES: readonly PolicyRule[] = [
  {
    apiGroups: [''],
    resources: [
      'pods',
      'pods/log',
      'pods/exec',
      'pods/portforward',
      'pods/attach',
      'services',
      'configmaps',
      'persistentvolumeclaims',
    ],
    verbs: WRITE,
  },
  { apiGroups: [''], resources: ['events', 'resourcequotas', 'limitranges', 'serviceaccounts'], verbs: READ },
  { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: WRITE },
  { apiGroups: ['apps'], resources: ['deployments', 'statefulsets', 'replicasets'], verbs: WRITE },
  { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: READ },
];

/** Tenant admins additionally manage Secrets and ServiceAccounts (which nobody can bind to roles). */
export const ADMIN_RULES: readonly PolicyRule[] = [
  ...MEMBER_RULES.filter((r) => !r.resources.includes('serviceaccounts')),
  { apiGroups: [''], resources: ['events', 'resourcequotas', 'limitranges'], verbs: READ },
  { apiGroups: [''], resources: ['secrets', 'serviceaccounts'], verbs: WRITE },
];

/**
 * A tenant's props against the checks of a profile's tenant (allocation included: a construct is
 * as safe as a profile), its storage and volumes, and its additional rules. Every problem at once.
 * Returns the tenant as a profile would hold it, for the cluster's capacity check at synthesis.
 */
function checkTenantProps(
  props: TenantNamespaceProps,
  requested: TenantSpec['gpus'],
  pools: readonly GpuNodePool[],
  tiers: readonly StorageTier[],
): TenantSpec {
  const c = new IssueCollector();
  // The checks of a profile's tenant, allocation included: a construct is as safe as a profile.
  const spec = { ...props, gpus: requested, storage: undefined, volumes: undefined };
  checkTenant(
    c,
    spec,
    pools.map((p) => p.spec),
    'props',
    { requireAllocation: true },
  );
  checkBounds(c, 'tenant', spec, 'props');
  checkTenantStorage(
    c,
    {
      storage: (props.storage ?? []).map((g) => ({
        tier: g.tier.name,
        capacity: g.capacity,
        claims: g.claims,
      })),
      volumes: (props.volumes ?? []).map((v) => ({ ...v, tier: v.tier.name })),
    },
    tiers.map((t) => t.spec),
    'props',
  );
  checkTenantRules(c, props.additionalRules);
  c.throwIfAny(`TenantNamespace '${props.name}'`);
  return spec;
}

/**
 * A tenant's namespace with the site's secure defaults:
 * - Pod Security `restricted`, enforced, audited and warned at a pinned version;
 * - a ResourceQuota on cpu, memory, ephemeral storage, pods, PVCs, the GPU resource of every pool
 *   of the site (zero where the tenant has no grant), and zero NodePort and LoadBalancer services;
 * - a second ResourceQuota that allows no pods at the system-* PriorityClasses;
 * - a LimitRange, so pods without requests get defaults and count against the quota;
 * - network policies: deny all ingress and egress except within the namespace and to cluster DNS;
 * - namespaced roles for the tenant's identity-provider groups that cannot touch quota, limits,
 *   network policies or RBAC;
 * - `prevent_destroy` on the namespace, which holds the tenant's data.
 *
 * Its props pass the checks of a profile's tenant (a EuroHPC mode needs its allocation, egress blocks
 * and numbers are bounded). Its site (`site`) gives it a quota of zero on every GPU resource and
 * storage class it has no grant on, written when the stack is synthesized, and checks that the
 * grants of all its tenants fit its pools.
 *
 * Every resource's address is pinned to the tenant name, so wrappers can move without moving it.
 *
 * @example
 * ```ts
 * import { App, TerraformStack } from 'cdktf';
 * import { GpuNodePool, SiteScope, TenantNamespace } from 'cdktf-ai-factory';
 *
 * const app = new App();
 * const platform = new TerraformStack(app, 'lab-platform');
 * const tenants = new TerraformStack(app, 'lab-tenants');
 * // The cluster, with its tenant guard rails in the tenants' stack.
 * const site = new SiteScope(tenants, 'site', { name: 'lab' });
 * const pool = site.addPool(
 *   new GpuNodePool(platform, 'a100', {
 *     name: 'a100',
 *     accelerator: 'nvidia-a100-80gb',
 *     gpusPerNode: 8,
 *     nodes: { hostlist: 'gpu[01-08]' },
 *   }),
 * );
 * // A Fast Lane start-up with 16 GPUs of the pool, its admins from the identity provider.
 * new TenantNamespace(tenants, 'vision', {
 *   name: 'vision',
 *   site,
 *   accessMode: 'fast-lane',
 *   allocation: { projectId: 'EHPC-AIF-2026FL01-0007', start: '2026-10-01', end: '2026-12-31' },
 *   gpus: [{ pool, count: 16 }],
 *   groups: { admins: ['idp:vision-admins'], members: ['idp:vision-users'] },
 *   egressCidrs: ['10.20.0.0/16'],
 * });
 * ```
 */
export class TenantNamespace extends Construct {
  public readonly name: string;
  public readonly namespace: NamespaceV1;
  /**
   * The namespace ResourceQuota. Its `spec.hard` is written once, at synthesis, from the limits as
   * they then stand: change them with `raiseQuota`, never `quota.addOverride('spec.hard...')`, which
   * cdktf refuses on a lazy value ("cannot be a resolvable token if you specified overrides").
   */
  public readonly quota: ResourceQuotaV1;
  /** `pods: 0` at the system-* PriorityClasses (scope selector `PriorityClass In [...]`). */
  public readonly systemPriorityQuota: ResourceQuotaV1;
  /** `pods: 0` with cross-namespace (anti-)affinity terms (scope `CrossNamespacePodAffinity`). */
  public readonly crossNamespaceAffinityQuota: ResourceQuotaV1;
  /** The quota's hard limits as derived from the allocation (see `raiseQuota` for what may be added). */
  public readonly hardLimits: Readonly<Record<string, string>>;
  /** The tenant's shared volumes, in name order. */
  public readonly volumes: readonly PersistentVolumeClaimV1[];
  /** Whether the tenant is retired (`props.retired`). */
  public readonly retired: boolean;
  /**
   * Whether the tenant holds its GPUs: not retired, and its allocation open-ended or not ended on
   * `props.date`. When false, every GPU quota of the namespace is zero.
   */
  public readonly holdsGpus: boolean;
  /** The pools of its grants. */
  public readonly grantedPools: readonly GpuNodePool[];
  /** The tiers of its storage grants and shared volumes. */
  public readonly grantedTiers: readonly StorageTier[];
  private readonly site: ISiteScope;
  private applied: Record<string, string> = {};
  private gpuQuotaKeys: readonly string[] = [];

  constructor(scope: Construct, id: string, props: TenantNamespaceProps) {
    super(scope, id);
    const site = props.site;
    this.grantedPools = uniqueByName(props.gpus.map((g) => g.pool));
    this.grantedTiers = uniqueByName([
      ...(props.storage ?? []).map((g) => g.tier),
      ...(props.volumes ?? []).map((v) => v.tier),
    ]);
    const pools = uniqueByName([...site.gpuPools, ...this.grantedPools]);
    this.retired = props.retired ?? false;
    this.holdsGpus = !this.retired && holdsGpus(props.allocation, props.date ?? synthesisDate(process.env));
    // A retired tenant holds no GPUs, whatever its grants said.
    const requested = (this.retired ? [] : props.gpus).map((g) => ({
      pool: g.pool.name,
      count: g.count,
      gpuHours: g.gpuHours,
      migProfile: g.migProfile,
    }));
    const tiers = uniqueByName([...site.storageTiers, ...this.grantedTiers]);
    const spec = checkTenantProps(props, requested, pools, tiers);
    this.name = props.name;
    this.site = site;
    // Before anything is made: the site takes the tenant (and its pools and tiers) or refuses it
    // (a tenant it did not build; grants past its pools), so a caught refusal leaves nothing behind.
    site.addTenantNamespace(this, spec);
    const specOf = (poolName: string) => (pools.find((p) => p.name === poolName) as GpuNodePool).spec;
    // Budgets become counts here, once: everything below works on resolved counts.
    const grants = requested.map((g) => ({ ...g, count: grantUnits(specOf(g.pool), g, props.allocation) }));
    const name = props.name;
    const labels: Record<string, string> = {
      ...MANAGED_BY,
      [SITE_LABEL]: site.siteName,
      [TENANT_LABEL]: name,
      [ACCESS_MODE_LABEL]: props.accessMode,
      ...(props.sector ? { [SECTOR_LABEL]: props.sector } : {}),
    };
    this.namespace = this.addNamespace(
      props,
      labels,
      allocationAnnotations(props.allocation, grants, specOf),
    );
    const ns = this.namespace.metadata.name;
    const meta = (n: string) => ({ name: n, namespace: ns, labels });
    const quotas = this.addQuotas(props, meta, {
      grants: grants.map((g) => ({ ...g, pool: specOf(g.pool) })),
      pools: pools.map((p) => p.spec),
      tiers,
    });
    this.hardLimits = quotas.hard;
    this.quota = quotas.quota;
    this.systemPriorityQuota = quotas.systemPriority;
    this.crossNamespaceAffinityQuota = quotas.crossNamespaceAffinity;
    this.volumes = createSharedVolumes(this, name, ns, labels, props.volumes ?? [], [this.quota]);
    this.addLimits(meta);
    this.addNetworkPolicies(props.egressCidrs ?? [], meta);
    // A retired tenant's groups lose every right in the namespace.
    if (!this.retired) this.addRoles(props, meta);
  }

  /** The namespace: restricted Pod Security at a pinned version, and the grant as annotations. */
  private addNamespace(
    props: TenantNamespaceProps,
    labels: Readonly<Record<string, string>>,
    grantAnnotations: Readonly<Record<string, string>>,
  ): NamespaceV1 {
    const name = props.name;
    const psVersion = props.podSecurityVersion ?? DEFAULT_POD_SECURITY_VERSION;
    const lifecycle: Record<string, string> = this.retired ? { [LIFECYCLE_LABEL]: RETIRED } : {};
    const namespace = new providerClasses.NamespaceV1(this, 'namespace', {
      metadata: {
        name,
        labels: {
          ...labels,
          ...lifecycle,
          // https://kubernetes.io/docs/concepts/security/pod-security-admission/
          [POD_SECURITY_ENFORCE_LABEL]: 'restricted',
          [POD_SECURITY_ENFORCE_VERSION_LABEL]: psVersion,
          'pod-security.kubernetes.io/audit': 'restricted',
          'pod-security.kubernetes.io/audit-version': psVersion,
          'pod-security.kubernetes.io/warn': 'restricted',
          'pod-security.kubernetes.io/warn-version': psVersion,
        },
        annotations: {
          [DISPLAY_NAME_ANNOTATION]: props.displayName ?? name,
          ...props.annotations,
          // Last, so that no caller's annotation can overwrite the grant that reviewers and
          // `aif report` read.
          ...grantAnnotations,
        },
      },
      lifecycle: { preventDestroy: true },
    });
    pinAddress(namespace, ...KEPT.namespace(name));
    return namespace;
  }

  /**
   * The namespace quota (lib/plan/quota.ts: written once, at synthesis, as it then stands), and the
   * two scoped quotas that forbid system priorities and cross-namespace affinity.
   */
  private addQuotas(
    props: TenantNamespaceProps,
    meta: (n: string) => NamespacedMeta,
    of: { grants: QuotaInput['grants']; pools: readonly NodePoolSpec[]; tiers: readonly StorageTier[] },
  ): {
    hard: Record<string, string>;
    quota: ResourceQuotaV1;
    systemPriority: ResourceQuotaV1;
    crossNamespaceAffinity: ResourceQuotaV1;
  } {
    const name = props.name;
    // Quota --------------------------------------------------------------------------------------
    const { hard, gpuKeys } = planQuota({
      accessMode: props.accessMode,
      retired: this.retired,
      holdsGpus: this.holdsGpus,
      resources: props.resources,
      allocation: props.allocation,
      grants: of.grants,
      pools: of.pools,
      storage: (props.storage ?? []).map((g) => ({
        className: g.tier.className,
        capacity: g.capacity,
        claims: g.claims,
      })),
      storageClasses: of.tiers.map((t) => t.className),
    });
    this.gpuQuotaKeys = gpuKeys;
    this.applied = { ...hard };
    // Written once, as it stands when the stack is synthesized (`writtenQuota`).
    const quota = new providerClasses.ResourceQuotaV1(this, 'quota', {
      metadata: meta(TENANT_QUOTA),
      spec: {
        hard: Lazy.anyValue({ produce: () => this.writtenQuota() }) as unknown as Record<string, string>,
      },
    });
    pinAddress(quota, ...KEPT.quota(name));
    // No pods at the system-* priorities, which every namespace may use unless a quota says
    // otherwise: such a pod would preempt other tenants' work and Slurm's slurmd pods, and Kueue would
    // order its workload by that priority. The priority guard refuses any priorityClassName in tenant
    // namespaces; this quota is the second line of defence, enforced by the API server itself.
    // https://kubernetes.io/docs/concepts/policy/resource-quotas/#limit-priority-class-consumption-by-default
    const systemPriority = new providerClasses.ResourceQuotaV1(this, 'system-priority-quota', {
      metadata: meta(SYSTEM_PRIORITY_QUOTA),
      spec: {
        hard: { pods: '0' },
        scopeSelector: {
          matchExpression: [
            { scopeName: 'PriorityClass', operator: 'In', values: [...SYSTEM_PRIORITY_CLASSES] },
          ],
        },
      },
    });
    pinAddress(systemPriority, ...KEPT.systemPriorityQuota(name));
    // No pods with (anti-)affinity terms on other namespaces' pods. Anti-affinity is symmetric: one
    // pod whose required term selects every pod of every namespace (`namespaceSelector: {}`,
    // `labelSelector: {}`) in a topology of the whole cluster (`kubernetes.io/os`) or of a pool keeps
    // every later pod, of any tenant, off those nodes. A tenant's pods need no terms on other
    // tenants' pods; terms within the namespace stay allowed. Enforced by the API server itself.
    // https://kubernetes.io/docs/concepts/policy/resource-quotas/#cross-namespace-pod-affinity-quota
    const crossNamespaceAffinity = new providerClasses.ResourceQuotaV1(
      this,
      'cross-namespace-affinity-quota',
      {
        metadata: meta(CROSS_NAMESPACE_AFFINITY_QUOTA),
        spec: { hard: { pods: '0' }, scopes: ['CrossNamespacePodAffinity'] },
      },
    );
    pinAddress(crossNamespaceAffinity, ...KEPT.crossNamespaceAffinityQuota(name));
    return { hard, quota, systemPriority, crossNamespaceAffinity };
  }

  /** Container defaults, so that a pod without requests still counts against the quota. */
  private addLimits(meta: (n: string) => NamespacedMeta): void {
    const limits = new providerClasses.LimitRangeV1(this, 'limits', {
      metadata: meta(TENANT_LIMIT_RANGE),
      spec: {
        limit: [
          {
            type: 'Container',
            default: { cpu: '2', memory: '8Gi', 'ephemeral-storage': '20Gi' },
            defaultRequest: { cpu: '1', memory: '4Gi', 'ephemeral-storage': '10Gi' },
          },
        ],
      },
    });
    pinAddress(limits, ...KEPT.limits(this.name));
  }

  /**
   * The quota as written when the stack is synthesized: the allocation, raised by a scheduler that
   * lets the tenant borrow (`raiseQuota`), and a zero on every GPU resource (`requests.<gpu>`) and
   * storage class (storage and claims) of its site that it has no limit on, pools and tiers added
   * to the site after the tenant included.
   */
  private writtenQuota(): Record<string, string> {
    const written = { ...this.applied };
    for (const res of siteGpuResources(this.site.gpuPools.map((p) => p.spec)))
      if (!(`requests.${res}` in written)) written[`requests.${res}`] = '0';
    const classes = this.site.storageTiers.map((t) => t.className);
    for (const key of Object.keys(tenantStorageQuota([], classes))) if (!(key in written)) written[key] = '0';
    return written;
  }

  /**
   * Default-deny for ingress and egress, then what a tenant's pods may reach: each other, cluster
   * DNS, and the CIDRs of `egressCidrs`. A retired tenant keeps only the default-deny policy.
   */
  private addNetworkPolicies(egressCidrs: readonly string[], meta: (n: string) => NamespacedMeta): void {
    const name = this.name;
    const policy = (
      id: string,
      policyName: string,
      spec: NetworkPolicyV1Spec,
      parts = ['tenant', name, id],
    ) => {
      const p = new providerClasses.NetworkPolicyV1(this, id, { metadata: meta(policyName), spec });
      pinAddress(p, ...parts);
    };
    policy(
      'deny-all',
      DEFAULT_DENY_POLICY,
      { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
      KEPT.denyAll(name),
    );
    if (this.retired) return;
    policy('same-namespace', allowPolicyName('same-namespace'), {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: {} }] }],
      egress: [{ to: [{ podSelector: {} }] }],
    });
    policy('cluster-dns', allowPolicyName('cluster-dns'), {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [
            {
              namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: 'kube-system' } },
              podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
            },
          ],
          ports: [
            { port: '53', protocol: 'UDP' },
            { port: '53', protocol: 'TCP' },
          ],
        },
      ],
    });
    const cidrs = [...egressCidrs].sort();
    if (cidrs.length > 0) {
      policy('egress-cidrs', allowPolicyName('egress-cidrs'), {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [{ to: cidrs.map((cidr) => ({ ipBlock: { cidr } })) }],
      });
    }
  }

  /** The namespaced roles of the tenant's groups (no RBAC rights, no writes to the guard rails). */
  private addRoles(props: TenantNamespaceProps, meta: (n: string) => NamespacedMeta): void {
    const name = this.name;
    const role = (id: string, roleName: string, rules: readonly PolicyRule[], groups: readonly string[]) => {
      const roleRes = new providerClasses.RoleV1(this, `role-${id}`, {
        metadata: meta(roleName),
        rule: rules.map((x) => ({
          apiGroups: [...x.apiGroups],
          resources: [...x.resources],
          verbs: [...x.verbs],
        })),
      });
      pinAddress(roleRes, 'tenant', name, 'role', id);
      if (groups.length === 0) return;
      const binding = new providerClasses.RoleBindingV1(this, `binding-${id}`, {
        metadata: meta(roleName),
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: roleName },
        subject: [...groups]
          .sort()
          .map((g) => ({ kind: 'Group', name: g, apiGroup: 'rbac.authorization.k8s.io' })),
        dependsOn: [roleRes],
      });
      pinAddress(binding, 'tenant', name, 'binding', id);
    };
    role(
      'admin',
      TENANT_ADMIN_ROLE,
      [...ADMIN_RULES, ...(props.additionalRules?.admin ?? [])],
      props.groups.admins,
    );
    role(
      'member',
      TENANT_MEMBER_ROLE,
      [...MEMBER_RULES, ...(props.additionalRules?.member ?? [])],
      props.groups.members ?? [],
    );
  }

  /**
   * Raises hard limits of the quota (`spec.hard`), never lowering one: a scheduler that lets the
   * tenant borrow idle capacity (Kueue's `borrowingLimit`) needs room in the quota for the pods it
   * admits, or they would be refused at creation. `hardLimits` keeps the allocation.
   */
  public raiseQuota(limits: Readonly<Record<string, string>>): void {
    this.applied = raiseQuota(this.applied, limits, {
      retired: this.retired,
      holdsGpus: this.holdsGpus,
      gpuKeys: this.gpuQuotaKeys,
    });
  }

  /** The quota's hard limits as applied (the allocation, raised by `raiseQuota`). */
  public get appliedHardLimits(): Readonly<Record<string, string>> {
    return { ...this.applied };
  }
}

/** What a tenant role may never hold: RBAC rights, wildcards, or writes to the platform's guard rails. */
const FORBIDDEN_VERBS = ['escalate', 'bind', 'impersonate', '*'];

/**
 * Additional rules keep the tenant roles inside the namespace's guard rails: no RBAC rights or
 * wildcards, and writes only to what `TENANT_WRITABLE` lists, the list `aif check` (AIF-RBAC-3)
 * holds the synthesized roles to.
 */
export function checkTenantRules(c: IssueCollector, rules: TenantNamespaceProps['additionalRules']): void {
  for (const role of ['admin', 'member'] as const) {
    (rules?.[role] ?? []).forEach((r, i) => {
      const path = `props.additionalRules.${role}[${i}]`;
      const wildcard = r.apiGroups.includes('*') || r.resources.includes('*');
      const unwritable = wildcard ? [] : unwritableResources(r);
      const problems = [
        r.verbs.some((v) => FORBIDDEN_VERBS.includes(v)) &&
          `verbs ${FORBIDDEN_VERBS.filter((v) => r.verbs.includes(v)).join(', ')}`,
        wildcard && 'a wildcard',
        r.apiGroups.includes('rbac.authorization.k8s.io') && 'RBAC objects',
        unwritable.length > 0 && `writes to ${unwritable.join(', ')}`,
      ].filter(Boolean);
      if (problems.length > 0) {
        c.add(
          'RBAC_RULE_FORBIDDEN',
          path,
          r,
          `a tenant role may not hold ${problems.join(' or ')}`,
          `grant writes only to the workload kinds (${Object.entries(TENANT_WRITABLE)
            .flatMap(([g, rs]) => rs.map((x) => `${g === '' ? 'core' : g}/${x}`))
            .join(
              ', ',
            )}) and reads of anything else; quotas, limits, network policies, endpoints, Kueue's objects and RBAC stay with the platform`,
        );
      }
    });
  }
}

/**
 * The allocation as annotations: project, period, budget, and per pool what was granted, so that
 * reviewers (and `aif report`) read the grant behind a quota from the cluster itself.
 */
function allocationAnnotations(
  allocation: TenantAllocation | undefined,
  grants: ReadonlyArray<{ pool: string; count: number; gpuHours?: number; migProfile?: string }>,
  specOf: (pool: string) => NodePoolSpec,
): Record<string, string> {
  const rows = [...grants]
    .sort((a, b) => `${a.pool}/${a.migProfile ?? ''}`.localeCompare(`${b.pool}/${b.migProfile ?? ''}`))
    .map((g) => {
      const spec = specOf(g.pool);
      const hours = grantGpuHours(spec, g, allocation);
      return {
        pool: g.pool,
        resource: grantResource(spec, g),
        units: g.count,
        ...(hours !== undefined ? { gpuHours: Math.round(hours) } : {}),
        ...(g.gpuHours !== undefined ? { derivedFromBudget: true } : {}),
      };
    });
  const out: Record<string, string> = { [GPU_GRANTS_ANNOTATION]: JSON.stringify(rows) };
  if (allocation) {
    out[PROJECT_ID_ANNOTATION] = allocation.projectId;
    out[ALLOCATION_START_ANNOTATION] = allocation.start;
    out[ALLOCATION_END_ANNOTATION] = allocation.end;
    if (rows.every((r) => r.gpuHours !== undefined)) {
      out[GPU_HOURS_ANNOTATION] = String(rows.reduce((sum, r) => sum + (r.gpuHours ?? 0), 0));
    }
  }
  return out;
}
