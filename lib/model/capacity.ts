/**
 * Capacity arithmetic on pools and grants: what a pool offers, under which extended resource name,
 * and how much of it the tenants of a site take. Pure functions; used by validation, constructs and
 * the review tools alike so that they cannot disagree.
 */
import { accelerator, migResourceName } from './accelerators';
import { grantUnits, unitGpuEquivalent } from './allocation';
import { expandHostlist } from './hostlist';
import type { NodePoolSpec, TenantGpuGrant, TenantSpec } from './profile';

/** Something a pool offers: whole GPUs, or instances of one MIG profile. */
export interface PoolOffer {
  /** Extended resource name: `nvidia.com/gpu`, `amd.com/gpu`, `nvidia.com/mig-1g.10gb`. */
  readonly resource: string;
  /** Set for MIG offers. */
  readonly migProfile?: string;
  /** Schedulable units across the pool. */
  readonly units: number;
}

/** Node count of a pool: the stated count, or the length of its hostlist. */
export function poolNodeCount(pool: Pick<NodePoolSpec, 'nodes'>): number {
  return 'hostlist' in pool.nodes ? expandHostlist(pool.nodes.hostlist).length : pool.nodes.count;
}

/** What a pool offers, one entry per resource name. */
export function poolOffers(pool: NodePoolSpec): PoolOffer[] {
  const acc = accelerator(pool.accelerator);
  const gpus = poolNodeCount(pool) * pool.gpusPerNode;
  if (pool.mig) {
    return Object.entries(pool.mig.profiles)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([profile, perGpu]) => ({
        resource: migResourceName(profile),
        migProfile: profile,
        units: gpus * perGpu,
      }));
  }
  return [{ resource: acc.resourceName, units: gpus * (pool.timeSlicingReplicas ?? 1) }];
}

/** The extended resource a grant draws on. */
export function grantResource(pool: NodePoolSpec, grant: TenantGpuGrant): string {
  return grant.migProfile ? migResourceName(grant.migProfile) : accelerator(pool.accelerator).resourceName;
}

/**
 * GPU-equivalents of a grant: whole GPUs count 1, a MIG instance counts its compute slices / 7,
 * a time-sliced replica 1 / replicas. Used for default cpu and memory sizing and reports.
 */
export function grantGpuEquivalents(
  pool: NodePoolSpec,
  grant: TenantGpuGrant,
  allocation?: TenantSpec['allocation'],
): number {
  return grantUnits(pool, grant, allocation) * unitGpuEquivalent(pool, grant);
}

/** Quota per extended resource for one tenant: `{ 'nvidia.com/gpu': 16 }`. Sorted by name. */
export function tenantGpuQuota(
  tenant: Pick<TenantSpec, 'gpus' | 'allocation'>,
  pools: readonly NodePoolSpec[],
): Array<{ resource: string; count: number }> {
  const byName = new Map(pools.map((p) => [p.name, p]));
  const totals = new Map<string, number>();
  for (const grant of tenant.gpus) {
    const pool = byName.get(grant.pool);
    if (!pool) continue;
    const resource = grantResource(pool, grant);
    totals.set(resource, (totals.get(resource) ?? 0) + grantUnits(pool, grant, tenant.allocation));
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([resource, count]) => ({ resource, count }));
}

/** Every extended GPU resource a site's pools offer, sorted. */
export function siteGpuResources(pools: readonly NodePoolSpec[]): string[] {
  return [...new Set(pools.flatMap((p) => poolOffers(p).map((o) => o.resource)))].sort();
}
