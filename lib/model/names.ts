/**
 * The names the library gives things in a cluster, declared once: the labels and annotations it
 * writes, the admission and network policies, quotas, queues and ConfigMaps it makes, its
 * server-side apply field managers, and the name rules (DNS labels and subdomains) it checks names
 * against. The constructs write by these and lib/review reads synthesized output by them, so a name
 * cannot drift between what is deployed and what is reviewed (test/model/names.test.ts keeps other
 * modules from declaring one of their own).
 *
 * Pure, with no imports. Not part of the public API as a module: the constructs' modules re-export
 * the names that were theirs (`TENANT_LABEL` from lib/scheduling/kueue.ts, `POOL_LABEL` from
 * lib/compute/node-pool.ts, `TenantGuardrails.POLICY_NAME`, ...), and lib/index.ts lists the public
 * ones from there, as before.
 */

// Prefixes ---------------------------------------------------------------------------------------

/** The prefix of the library's own labels and annotations (`ai-factory.eu/<name>`), on every object it makes. */
export const LABEL_PREFIX = 'ai-factory.eu';

/**
 * Prefix of the node labels the library places work by: keys under `node-restriction.kubernetes.io/`,
 * which the NodeRestriction admission plugin forbids a kubelet to set, change or remove on its own
 * Node, so a node cannot label itself into a pool or out of a scheduler's share. Only the name part
 * after the `/` may carry the library's name (63 characters at most).
 * https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#noderestriction
 */
export const NODE_LABEL_PREFIX = 'node-restriction.kubernetes.io/ai-factory.eu-';

/**
 * Prefix of the names of cluster objects the library makes (policies, quotas, ConfigMaps,
 * PriorityClasses); tenants may not name a PriorityClass with it (`checkTenantPriorityClasses`).
 */
export const OWN_NAME_PREFIX = 'aif-';

/** A name of the library's own: `aif-<name>` (the operator namespaces' NetworkPolicies, say). */
export function ownName(name: string): string {
  return `${OWN_NAME_PREFIX}${name}`;
}

// Ownership --------------------------------------------------------------------------------------

/** The managed-by label on every object the library makes; the deletion guard protects what carries it. */
export const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'cdktf-ai-factory' } as const;
/** The key of `MANAGED_BY` (typed as it, so the two cannot differ); the deletion guard keeps tenants from removing it. */
export const MANAGED_BY_LABEL: keyof typeof MANAGED_BY = 'app.kubernetes.io/managed-by';
/** Server-side apply field manager for node labels (`kubernetes_labels` on the pools' Nodes). */
export const FIELD_MANAGER = 'cdktf-ai-factory';
/**
 * Server-side apply field manager for node taints: not the labels' one. Each of the provider's
 * `kubernetes_labels` and `kubernetes_node_taint` sends an apply with only its own fields, and an
 * apply takes away what the same manager applied before and left out: under one manager the taint
 * removed the pool labels and the labels removed the taint, at every apply (found by the e2e suite:
 * the plan after an apply was never empty).
 */
export const TAINT_FIELD_MANAGER = 'cdktf-ai-factory-taints';

// Labels and annotations of tenant namespaces -----------------------------------------------------

/**
 * The label every tenant namespace (and the tenant's objects and ClusterQueues) carries, with the
 * tenant's name; selects the namespaces Kueue and the guard rails act in. `aif check`, `aif diff`
 * and `aif report` find tenants by it.
 */
export const TENANT_LABEL = `${LABEL_PREFIX}/tenant`;
/** The label of a tenant's namespace and objects that names its site. */
export const SITE_LABEL = `${LABEL_PREFIX}/site`;
/**
 * The label of a tenant's namespace, objects and ClusterQueues that names its access mode; the
 * Kueue priority guard and `aif report` read it.
 */
export const ACCESS_MODE_LABEL = `${LABEL_PREFIX}/access-mode`;
/** The label of a tenant's namespace and objects that names its sector, if the profile gives one (`aif report`). */
export const SECTOR_LABEL = `${LABEL_PREFIX}/sector`;
/** The label that marks a retired tenant's namespace (`aif diff` and `aif report` read it). */
export const LIFECYCLE_LABEL = `${LABEL_PREFIX}/lifecycle`;
/** The value of `LIFECYCLE_LABEL` on a retired tenant's namespace. */
export const RETIRED = 'retired';
/** The annotation of a tenant namespace with its display name (`aif report`). */
export const DISPLAY_NAME_ANNOTATION = `${LABEL_PREFIX}/display-name`;
/**
 * The annotation of a tenant namespace with its GPU grants, as JSON rows (pool, resource, units,
 * GPU-hours); `aif report` reads it, and `aif check` tells tenant namespaces by it.
 */
export const GPU_GRANTS_ANNOTATION = `${LABEL_PREFIX}/gpu-grants`;
/** The annotation of a tenant namespace with its allocation's project id (`aif report`). */
export const PROJECT_ID_ANNOTATION = `${LABEL_PREFIX}/project-id`;
/** The annotation of a tenant namespace with its allocation's first day (`aif report`). */
export const ALLOCATION_START_ANNOTATION = `${LABEL_PREFIX}/allocation-start`;
/** The annotation of a tenant namespace with its allocation's last day (`aif report`). */
export const ALLOCATION_END_ANNOTATION = `${LABEL_PREFIX}/allocation-end`;
/** The annotation of a tenant namespace with its GPU-hours over all grants, where every grant's are known (`aif report`). */
export const GPU_HOURS_ANNOTATION = `${LABEL_PREFIX}/gpu-hours`;
/**
 * The annotation an administrator puts on a tenant namespace to let it (and, in a retired tenant's
 * namespace, its claims) be deleted; its value must be the namespace's own name, so that a
 * blanket copy of annotations does not open another namespace. The deletion guard reads it, `aif
 * check` (AIF-ADM-3) looks for it in the guard.
 */
export const OFFBOARDING_ANNOTATION = `${LABEL_PREFIX}/offboarding`;

// Labels of other objects -------------------------------------------------------------------------

/** The label of a StorageClass and of a tenant's shared volumes that names the storage tier. */
export const TIER_LABEL = `${LABEL_PREFIX}/tier`;
/** The label of a StorageClass that names its tier's purpose. */
export const PURPOSE_LABEL = `${LABEL_PREFIX}/purpose`;
/** The label of a Kueue ResourceFlavor that names the GPU pool it stands for. */
export const FLAVOR_POOL_LABEL = `${LABEL_PREFIX}/pool`;

// Node labels -------------------------------------------------------------------------------------

/*
 * Node labels the library places work by, one constant per key, all under NODE_LABEL_PREFIX so that
 * no kubelet can set them on its own Node (NodeRestriction). Every selector, flavor, NodeSet and
 * affinity derives its keys from these.
 */
/** The node label that names a node's pool (`node-restriction.kubernetes.io/ai-factory.eu-pool`); `aif diff` and `aif probe` read it. */
export const POOL_LABEL = `${NODE_LABEL_PREFIX}pool`;
/**
 * The node label that says which scheduler a node of a split pool belongs to (`slurm`, `kubernetes`);
 * `aif diff` reports nodes that change sides.
 */
export const SCHEDULER_LABEL = `${NODE_LABEL_PREFIX}scheduler`;
/** The node label that names a node's accelerator model (catalog id, e.g. `nvidia-a100-64gb`). */
export const ACCELERATOR_LABEL = `${NODE_LABEL_PREFIX}accelerator`;
/** The node label that names a node's interconnect fabric (e.g. `infiniband`). */
export const INTERCONNECT_LABEL = `${NODE_LABEL_PREFIX}interconnect`;
/** Every node label key the library writes under NODE_LABEL_PREFIX. */
export const NODE_LABELS: readonly string[] = [
  POOL_LABEL,
  SCHEDULER_LABEL,
  ACCELERATOR_LABEL,
  INTERCONNECT_LABEL,
];
/**
 * The label key the site puts on the CPU nodes where tenants' work without GPUs runs, unless its
 * profile names other labels (`DEFAULT_CPU_NODE_LABELS`, `schedulers.kueue.cpuNodeLabels`).
 */
export const CPU_NODE_LABEL = `${NODE_LABEL_PREFIX}cpu-node`;

// Kubernetes' own names that the library writes and review checks -------------------------------

/** The label the API server puts on every namespace with its own name (Kubernetes ≥ 1.22); selectors pin a namespace by it. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
/** The namespace label of the Pod Security level enforced (`restricted` in tenant namespaces); `aif check` and `aif diff` read it. */
export const POD_SECURITY_ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';
/** The namespace label that pins the Pod Security version enforced; `aif check` and `aif diff` read it. */
export const POD_SECURITY_ENFORCE_VERSION_LABEL = 'pod-security.kubernetes.io/enforce-version';
/** The built-in PriorityClasses that any namespace may use unless a quota forbids it. */
export const SYSTEM_PRIORITY_CLASSES: readonly string[] = ['system-cluster-critical', 'system-node-critical'];

// Policies ------------------------------------------------------------------------------------------

/*
 * The library's ValidatingAdmissionPolicies (and their bindings, of the same name): the tenant guard
 * rails (`TenantGuardrails.*_POLICY_NAME`) and the Kueue guards (`KueueBypassGuard`,
 * `KueuePriorityGuard`, `KueueLaneGuard`, each `POLICY_NAME`).
 */
/** No Service with `spec.externalIPs` in tenant namespaces (CVE-2020-8554). */
export const TENANT_SERVICES_POLICY = 'aif-tenant-services';
/** Tenant pods name no PriorityClass but those the site allows. */
export const TENANT_PRIORITY_POLICY = 'aif-tenant-priority';
/** Tenant namespaces, their data and what guards it are deleted only once annotated for offboarding. */
export const TENANT_DELETION_POLICY = 'aif-tenant-deletion';
/** Tenants reach GPU pools only through the queue: no pool toleration or pool node selection of their own. */
export const TENANT_PLACEMENT_POLICY = 'aif-tenant-placement';
/** Tenant pod specs: grace periods, inline CSI volumes, the size of environment and arguments. */
export const TENANT_POD_SPEC_POLICY = 'aif-tenant-pod-spec';
/** The bytes of the labels, annotations and data tenants write. */
export const TENANT_SIZE_POLICY = 'aif-tenant-object-size';
/** A tenant's claim gets a new volume, never an existing one it picks. */
export const TENANT_VOLUMES_POLICY = 'aif-tenant-volumes';
/** No tenant workload gets past Kueue's queues. */
export const KUEUE_BYPASS_POLICY = 'aif-kueue-bypass';
/** A tenant's workload priority stays within its access mode. */
export const KUEUE_PRIORITY_POLICY = 'aif-kueue-priority-class';
/** Work without GPUs goes to the CPU lane, GPU work to the GPU lane. */
export const KUEUE_LANES_POLICY = 'aif-kueue-lanes';

/** The library's admission policies by the control they carry: `aif check` looks for each by name. */
export const ADMISSION_POLICIES = {
  services: TENANT_SERVICES_POLICY,
  priority: TENANT_PRIORITY_POLICY,
  deletion: TENANT_DELETION_POLICY,
  placement: TENANT_PLACEMENT_POLICY,
  podSpec: TENANT_POD_SPEC_POLICY,
  size: TENANT_SIZE_POLICY,
  volumes: TENANT_VOLUMES_POLICY,
  kueueBypass: KUEUE_BYPASS_POLICY,
  kueuePriority: KUEUE_PRIORITY_POLICY,
  kueueLanes: KUEUE_LANES_POLICY,
} as const;

/**
 * The names of the match conditions the library writes on its admission policies; `aif check`
 * accepts no others (a match condition decides whether a policy runs at all).
 */
export const MATCH_CONDITIONS = {
  /** Lets the trusted controllers' requests pass (the tenant guards, the Kueue bypass guard). */
  notAController: 'not-a-controller',
  /** The lane guard's: a Workload's creation, or a change of its queue. */
  queueChanged: 'created-or-queue-changed',
} as const;

/** Name of the default-deny NetworkPolicy of every namespace the library makes, tenant and operator (the deletion guard keeps it; `aif check` AIF-NET-2 looks for it). */
export const DEFAULT_DENY_POLICY = 'aif-default-deny';

/** The NetworkPolicy that allows one flow of a namespace: `aif-allow-<flow>` (`cluster-dns`, `same-namespace`, ...). */
export function allowPolicyName(flow: string): string {
  return ownName(`allow-${flow}`);
}

// Quotas, limits and roles of tenant namespaces ---------------------------------------------------

/** The ResourceQuota of a tenant's allocation (GPUs, cpu, memory, storage, object counts); `aif probe` reads it. */
export const TENANT_QUOTA = 'tenant-quota';
/** The ResourceQuota of zero pods at the system PriorityClasses in a tenant namespace. */
export const SYSTEM_PRIORITY_QUOTA = 'aif-no-system-priority';
/** The ResourceQuota of zero pods with cross-namespace affinity terms in a tenant namespace; `aif probe` expects its refusal. */
export const CROSS_NAMESPACE_AFFINITY_QUOTA = 'aif-no-cross-namespace-affinity';
/** The LimitRange of a tenant namespace's container defaults. */
export const TENANT_LIMIT_RANGE = 'tenant-defaults';
/** The Role (and RoleBinding) of a tenant's admins. */
export const TENANT_ADMIN_ROLE = 'tenant-admin';
/** The Role (and RoleBinding) of a tenant's members. */
export const TENANT_MEMBER_ROLE = 'tenant-member';

// Kueue ---------------------------------------------------------------------------------------------

/** The label that sends a job to a LocalQueue (Kueue's); the lane guard and `aif check` read it. */
export const KUEUE_QUEUE_LABEL = 'kueue.x-k8s.io/queue-name';
/** The label of a job's WorkloadPriorityClass (Kueue's); the priority guard and `aif check` read it. */
export const KUEUE_PRIORITY_LABEL = 'kueue.x-k8s.io/priority-class';
/**
 * The LocalQueue of GPU work in every tenant namespace; Kueue also uses a queue of this name for
 * unlabelled jobs.
 */
export const TENANT_LOCAL_QUEUE = 'default';
/** The LocalQueue of work without GPUs in every tenant namespace, admitted onto the CPU nodes only. */
export const TENANT_CPU_LOCAL_QUEUE = 'cpu';
/** What a tenant's CPU ClusterQueue name ends in, after the tenant's name. */
const CPU_LANE_SUFFIX = '.cpu';
/**
 * The name of a tenant's CPU ClusterQueue: `<tenant>.cpu`. A tenant name is a DNS label, which has no
 * dot, so no tenant's GPU ClusterQueue (named after the tenant) can take it. `aif check` (AIF-KUEUE-5)
 * reads it.
 */
export function cpuClusterQueueName(tenant: string): string {
  return `${tenant}${CPU_LANE_SUFFIX}`;
}
/** Whether a ClusterQueue is a tenant's CPU lane, by its name (`cpuClusterQueueName`); `aif report` sums their cpu. */
export function isCpuClusterQueueName(name: string): boolean {
  return name.endsWith(CPU_LANE_SUFFIX);
}
/** The name of Kueue's CPU-only ResourceFlavor, which no pool may take (pools name their flavors). */
export const KUEUE_CPU_FLAVOR = 'cpu-only';

// Slurm -----------------------------------------------------------------------------------------------

/** Prefix of the PriorityClass the `slurm` chart creates per cluster (cluster-scoped, so named after it). */
export const SLURM_PRIORITY_CLASS_PREFIX = 'aif-slurm-';
/** Name of the ConfigMap that holds a cluster's `sacctmgr load` file (key `accounts.cfg`); `aif report` reads it. */
export const SLURM_ACCOUNTS_CONFIG_MAP = 'aif-slurm-accounts';

// GPU operators ---------------------------------------------------------------------------------------

/** The ConfigMap of the NVIDIA MIG manager's layouts, one per MIG pool. */
export const MIG_PARTED_CONFIG_MAP = 'aif-mig-parted-config';
/** The ConfigMap of the NVIDIA device plugin's configurations, one per time-sliced pool. */
export const DEVICE_PLUGIN_CONFIG_MAP = 'aif-device-plugin-config';
/** The device plugin's default configuration: whole GPUs. */
export const WHOLE_GPUS_CONFIG = 'aif-whole-gpus';
/**
 * The name of a pool's MIG layout or device-plugin configuration, `aif-<pool>`, which its nodes
 * select by a label value (63 characters at most: `checkPool` holds pool names to it).
 */
export function poolConfigName(pool: string): string {
  return ownName(pool);
}

// Name rules ----------------------------------------------------------------------------------------

/**
 * A DNS label (RFC 1123) without its length limit: lower-case letters, digits and `-`, starting and
 * ending with a letter or digit. Names of tenants, pools, namespaces and most objects.
 */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** A DNS subdomain (RFC 1123) without its length limit: DNS labels joined by dots. Secret and CSI driver names, label key prefixes. */
export const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A DNS label of at most 63 characters: a name Kubernetes takes for a namespace, a Service, a label value. */
export function isDnsLabel(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 63 && DNS_LABEL.test(value);
}
