/**
 * The numbers of a tenant's two Kueue lanes: the GPU lane's nominal, borrowing and lending quota
 * per flavor, the CPU lane's share of the tenant's cpu and memory, and the namespace quota's
 * ceiling that borrowing needs. Pure: `KueueTenantQueue` writes what this computes.
 */
import {
  ACCESS_MODE_PRESETS,
  grantGpuEquivalents,
  grantResource,
  parseQuantity,
  siteGpuResources,
  type AccessMode,
  type NodePoolSpec,
} from '../model';
import { cpuQuantity, memoryQuantity } from './quantities';

/** Share of a tenant's cpu and memory that its CPU-only flavor holds (notebooks, preprocessing). */
export const DEFAULT_CPU_ONLY_SHARE = 0.25;

/** One grant of the lanes: units of a pool (whole GPUs or a MIG profile's instances). */
export interface LaneGrant {
  readonly pool: NodePoolSpec;
  readonly count: number;
  readonly migProfile?: string;
}

export interface LanesInput {
  readonly accessMode: AccessMode;
  readonly grants: readonly LaneGrant[];
  /** The namespace quota's `requests.cpu` and `requests.memory`, which the lanes split. */
  readonly cpu: string;
  readonly memory: string;
  /** Whether the GPU lane holds the grants (false when stopped, retired or past the allocation). */
  readonly held: boolean;
  /** @default DEFAULT_CPU_ONLY_SHARE */
  readonly cpuOnlyShare?: number;
  /** Whether the queues share a cohort (borrowing and lending happen only there). */
  readonly cohort: boolean;
  readonly borrowingLimit?: number;
  readonly lendingLimit?: number;
}

/** One resource of a flavor, as the ClusterQueue writes it. */
export interface LaneResource {
  readonly name: string;
  readonly nominalQuota: string;
  readonly borrowingLimit?: string;
  readonly lendingLimit?: string;
}

export interface LanesPlan {
  /** The GPU lane's covered resources: cpu, memory and every GPU resource of the granted pools. */
  readonly covered: readonly string[];
  /** The GPU lane's flavors, one per granted pool, by pool name. */
  readonly flavors: readonly { readonly pool: string; readonly resources: readonly LaneResource[] }[];
  /** The CPU lane's nominal cpu and memory. */
  readonly cpu: { readonly cpu: string; readonly memory: string };
  /**
   * The namespace quota's limits that borrowing needs (nominal plus borrowing of both lanes), or
   * none where the queue may not borrow or holds nothing.
   */
  readonly raise?: Readonly<Record<string, string>>;
}

/** The grants in name order (pool, then MIG profile), as the lanes list them. */
function ordered(grants: readonly LaneGrant[]): LaneGrant[] {
  return [...grants].sort((a, b) =>
    `${a.pool.name}/${a.migProfile ?? ''}`.localeCompare(`${b.pool.name}/${b.migProfile ?? ''}`),
  );
}

/**
 * The GPU lane's quota per flavor is the tenant's grant on that pool for the pool's GPU resource;
 * cpu and memory are the namespace quota's, less the CPU lane's share, split across the granted
 * pools in proportion to their GPU-equivalents, so the lanes add up to the namespace quota and
 * Kueue never admits what the ResourceQuota would refuse. Borrowing and lending are the access
 * mode's factors of the nominal quota, or the limits given, within a cohort only.
 */
export function planLanes(input: LanesInput): LanesPlan {
  const preset = ACCESS_MODE_PRESETS[input.accessMode].scheduling;
  const grants = ordered(input.grants);
  const held = input.held;
  // GPU units per pool and resource, and GPU-equivalents per pool for the cpu/memory split.
  const units = new Map<string, Map<string, number>>();
  const equivalents = new Map<string, number>();
  for (const g of grants) {
    const grant = { pool: g.pool.name, count: g.count, migProfile: g.migProfile };
    const resource = grantResource(g.pool, grant);
    const perPool = units.get(g.pool.name) ?? new Map<string, number>();
    perPool.set(resource, (perPool.get(resource) ?? 0) + (held ? g.count : 0));
    units.set(g.pool.name, perPool);
    equivalents.set(g.pool.name, (equivalents.get(g.pool.name) ?? 0) + grantGpuEquivalents(g.pool, grant));
  }
  const totalEq = [...equivalents.values()].reduce((a, b) => a + b, 0);
  const totalUnits = held ? grants.reduce((a, g) => a + g.count, 0) : 0;
  const totalCpu = parseQuantity(input.cpu);
  const totalMemory = parseQuantity(input.memory);
  // A tenant without GPUs keeps all of its cpu and memory on CPU.
  const cpuOnlyShare = grants.length === 0 || !held ? 1 : (input.cpuOnlyShare ?? DEFAULT_CPU_ONLY_SHARE);
  const cpuOnlyCpu = parseQuantity(cpuQuantity(totalCpu * cpuOnlyShare));
  const cpuOnlyMemory = parseQuantity(memoryQuantity(totalMemory * cpuOnlyShare));
  const cpu = totalCpu - cpuOnlyCpu;
  const memory = totalMemory - cpuOnlyMemory;

  const gpuResources = siteGpuResources(grants.map((g) => g.pool));
  const covered = ['cpu', 'memory', ...gpuResources];
  const factor = (limit: number | undefined, preset: number) =>
    input.cohort ? (limit !== undefined && totalUnits > 0 ? limit / totalUnits : preset) : undefined;
  const borrowFactor = factor(input.borrowingLimit, preset.borrowingFactor);
  const lendFactor = factor(input.lendingLimit, preset.lendingFactor);

  const render = (r: string, v: number) =>
    r === 'cpu' ? cpuQuantity(v) : r === 'memory' ? memoryQuantity(v) : String(Math.floor(v));
  /** Most of each resource Kueue may admit for the tenant: nominal plus borrowing, both lanes. */
  const ceiling = new Map<string, number>();
  const flavors = [...units.keys()].sort().map((pool) => {
    const share = totalEq > 0 ? (equivalents.get(pool) ?? 0) / totalEq : 0;
    const nominal: Record<string, number> = { cpu: cpu * share, memory: memory * share };
    for (const r of gpuResources) nominal[r] = units.get(pool)?.get(r) ?? 0;
    for (const r of covered) {
      const most =
        parseQuantity(render(r, nominal[r])) + parseQuantity(render(r, nominal[r] * (borrowFactor ?? 0)));
      ceiling.set(r, (ceiling.get(r) ?? 0) + most);
    }
    return {
      pool,
      resources: covered.map((r) => ({
        name: r,
        nominalQuota: render(r, nominal[r]),
        ...(borrowFactor !== undefined ? { borrowingLimit: render(r, nominal[r] * borrowFactor) } : {}),
        // Omitted when everything idle may be lent (Kueue's default).
        ...(lendFactor !== undefined && lendFactor < 1
          ? { lendingLimit: render(r, nominal[r] * lendFactor) }
          : {}),
      })),
    };
  });
  // The CPU lane's cpu and memory are a share of the tenant's allocation, not borrowed or lent.
  ceiling.set('cpu', (ceiling.get('cpu') ?? 0) + cpuOnlyCpu);
  ceiling.set('memory', (ceiling.get('memory') ?? 0) + cpuOnlyMemory);
  const cpuLane = { cpu: render('cpu', cpuOnlyCpu), memory: render('memory', cpuOnlyMemory) };
  if (!((borrowFactor ?? 0) > 0 && held)) return { covered, flavors, cpu: cpuLane };
  // The namespace quota holds the allocation; borrowed capacity must fit in it too.
  const raise: Record<string, string> = {};
  for (const [r, v] of ceiling) {
    const q = render(r, v);
    raise[`requests.${r}`] = q;
    if (r === 'cpu' || r === 'memory') raise[`limits.${r}`] = q;
  }
  return { covered, flavors, cpu: cpuLane, raise };
}
