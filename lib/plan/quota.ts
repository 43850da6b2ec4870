/**
 * The numbers of a tenant namespace's ResourceQuota: cpu, memory and ephemeral storage (stated or
 * scaled with the GPUs), pods and claims, the access mode's object counts, every GPU resource of
 * the cluster (the grant, zero elsewhere), and storage per class. Then what a scheduler that lets
 * the tenant borrow adds on top. Pure: `TenantNamespace` writes what this computes.
 */
import {
  ACCESS_MODE_PRESETS,
  grantGpuEquivalents,
  OBJECT_COUNT_KEYS,
  parseQuantity,
  siteGpuResources,
  tenantGpuQuota,
  tenantStorageQuota,
  type AccessMode,
  type NodePoolSpec,
  type TenantAllocation,
  type TenantResourceSpec,
} from '../model';

/** One grant of the quota, resolved to units (a budget already turned into a count). */
export interface QuotaGrant {
  readonly pool: NodePoolSpec;
  readonly count: number;
  readonly gpuHours?: number;
  readonly migProfile?: string;
}

export interface QuotaInput {
  readonly accessMode: AccessMode;
  /** Nothing may run any more: cpu, memory, pods and object counts are zero; storage stays. */
  readonly retired: boolean;
  /** Whether the tenant holds its GPUs (false past its allocation's end): GPU quota zero if not. */
  readonly holdsGpus: boolean;
  readonly resources?: TenantResourceSpec;
  readonly allocation?: TenantAllocation;
  readonly grants: readonly QuotaGrant[];
  /** Every GPU pool of the cluster, whose resources the quota lists (zero where there is no grant). */
  readonly pools: readonly NodePoolSpec[];
  /** Storage grants per StorageClass. */
  readonly storage: readonly {
    readonly className: string;
    readonly capacity: string;
    readonly claims?: number;
  }[];
  /** Every StorageClass of the cluster's tiers (zero where there is no grant). */
  readonly storageClasses: readonly string[];
}

/** The access mode's object counts as quota keys; all zero for a retired tenant. */
function objectCountQuota(mode: AccessMode, retired: boolean): Record<string, string> {
  const preset = ACCESS_MODE_PRESETS[mode]?.objects;
  if (!preset) return {};
  return Object.fromEntries(
    OBJECT_COUNT_KEYS.map(([key, field]) => [key, retired ? '0' : String(preset[field])]),
  );
}

/**
 * The quota's hard limits from the allocation, in the order they are written, and the GPU keys
 * among them (`requests.<gpu resource>`), which borrowing may not raise past the allocation's end.
 */
export function planQuota(input: QuotaInput): { hard: Record<string, string>; gpuKeys: string[] } {
  const gpuEq = input.grants.reduce(
    (sum, g) =>
      sum +
      grantGpuEquivalents(
        g.pool,
        { pool: g.pool.name, count: g.count, migProfile: g.migProfile },
        input.allocation,
      ),
    0,
  );
  const r = input.resources ?? {};
  const retired = input.retired;
  const cpu = retired ? '0' : (r.cpu ?? String(Math.max(8, Math.ceil(16 * gpuEq))));
  const memory = retired ? '0' : (r.memory ?? `${Math.max(32, Math.ceil(128 * gpuEq))}Gi`);
  const ephemeral = retired ? '0' : (r.ephemeralStorage ?? `${Math.max(50, Math.ceil(100 * gpuEq))}Gi`);
  const hard: Record<string, string> = {
    'requests.cpu': cpu,
    'limits.cpu': cpu,
    'requests.memory': memory,
    'limits.memory': memory,
    'requests.ephemeral-storage': ephemeral,
    'limits.ephemeral-storage': ephemeral,
    pods: retired ? '0' : String(r.pods ?? 200),
    persistentvolumeclaims: String(r.persistentVolumeClaims ?? 50),
    // No node ports or cloud load balancers: tenants reach the outside through the platform.
    'services.nodeports': '0',
    'services.loadbalancers': '0',
    // Object counts bound what one tenant can put into etcd and the Service range.
    ...objectCountQuota(input.accessMode, retired),
  };
  // Extended resources can only be limited through `requests.`; every GPU resource of the cluster
  // is listed, at zero where the tenant has no grant, so a new pool never opens up by default.
  const granted = new Map(
    tenantGpuQuota(
      {
        allocation: input.allocation,
        gpus: input.grants.map((g) => ({ pool: g.pool.name, count: g.count, migProfile: g.migProfile })),
      },
      input.pools,
    ).map((q) => [q.resource, q.count]),
  );
  const gpuKeys: string[] = [];
  // Past its allocation's end the tenant keeps its grants on record, and its CPU, but no GPU.
  for (const res of siteGpuResources(input.pools)) {
    hard[`requests.${res}`] = input.holdsGpus ? String(granted.get(res) ?? 0) : '0';
    gpuKeys.push(`requests.${res}`);
  }
  // Storage per class: the tenant's grants, and zero on every other class of the cluster.
  Object.assign(hard, tenantStorageQuota(input.storage, input.storageClasses));
  return { hard, gpuKeys };
}

/**
 * Limits raised for borrowing (`LanesPlan.raise`), never lowered: a retired tenant's stay at zero,
 * and past the allocation's end its GPU keys stay at zero. Returns the limits as they then stand,
 * keys in the order they were first set.
 */
export function raiseQuota(
  applied: Readonly<Record<string, string>>,
  limits: Readonly<Record<string, string>>,
  tenant: { readonly retired: boolean; readonly holdsGpus: boolean; readonly gpuKeys: readonly string[] },
): Record<string, string> {
  const out = { ...applied };
  if (tenant.retired) return out;
  for (const [key, value] of Object.entries(limits)) {
    if (!tenant.holdsGpus && tenant.gpuKeys.includes(key)) continue;
    const current = out[key];
    if (current === undefined || parseQuantity(value) > parseQuantity(current)) out[key] = value;
  }
  return out;
}
