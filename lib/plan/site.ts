/**
 * The plan of a whole site: every number its constructs write, computed once from the profile and
 * the date allocations are judged on. Pure (no cdktf): a maintainer asking "where does this
 * tenant's GPU quota come from?" reads `planSite(profile, date).tenants[i].quota`, and a test holds
 * the synthesized output to it.
 */
import {
  accelerator,
  byName,
  grantResource,
  holdsGpus,
  poolNodeCount,
  poolSplits,
  resolveProfile,
  slurmAccountLimits,
  slurmAccountsFile,
  slurmPartitionAccounts,
  type NodePoolSpec,
  type SiteProfile,
  type SlurmAccountLimits,
  type TenantSpec,
} from '../model';
import { planLanes, type LanesPlan } from './kueue';
import { planQuota, raiseQuota } from './quota';

export interface PoolPlan {
  readonly name: string;
  readonly accelerator: string;
  readonly nodes: number;
  readonly gpusPerNode: number;
  /** Nodes whose GPUs Kubernetes workloads (Kueue's) may use. */
  readonly kubernetesNodes: number;
  /** Nodes that run a slurmd pod each. */
  readonly slurmNodes: number;
}

export interface TenantPlan {
  readonly name: string;
  readonly retired: boolean;
  /** Whether its grants hold on the plan's date (false past its allocation's end, or retired). */
  readonly holdsGpus: boolean;
  /**
   * Its grants in effect, resolved to units (a GPU-hour budget becomes the units it buys over the
   * period), in the profile's order: none for a retired tenant.
   */
  readonly grants: readonly {
    readonly pool: string;
    readonly resource: string;
    readonly units: number;
    readonly migProfile?: string;
  }[];
  /** The namespace ResourceQuota's hard limits as written: the allocation, raised for borrowing. */
  readonly quota: Readonly<Record<string, string>>;
  /** Its Kueue lanes, where the site runs Kueue. */
  readonly kueue?: LanesPlan;
}

export interface SlurmPlan {
  readonly clusterName: string;
  /** slurmd pods per pool (GPU and CPU pools), by name. */
  readonly nodeSets: Readonly<Record<string, number>>;
  /** Each partition's NodeSets and the accounts it admits (`AllowAccounts`). */
  readonly partitions: readonly {
    readonly name: string;
    readonly nodeSets: readonly string[];
    readonly allowAccounts?: readonly string[];
  }[];
  readonly accounts: readonly SlurmAccountLimits[];
  /** The `sacctmgr load` file of the accounts, where the cluster has accounting and tenants. */
  readonly accountsFile?: string;
}

export interface SitePlan {
  readonly site: string;
  /** The day allocations were judged on (`YYYY-MM-DD`). */
  readonly date: string;
  readonly pools: readonly PoolPlan[];
  readonly tenants: readonly TenantPlan[];
  readonly slurm?: SlurmPlan;
}

/** A tenant's plan: quota, lanes, and the grants they come from. */
function planTenant(profile: SiteProfile, t: TenantSpec, date: string): TenantPlan {
  const pools = byName(profile.nodePools);
  const spec = (name: string) => pools.find((p) => p.name === name) as NodePoolSpec;
  const retired = t.retired ?? false;
  const holds = !retired && holdsGpus(t.allocation, date);
  // A retired tenant holds no GPUs; its grants stay in the profile as the record.
  const grants = (retired ? [] : t.gpus).map((g) => ({
    pool: spec(g.pool),
    count: g.count as number, // resolved by resolveProfile
    migProfile: g.migProfile,
  }));
  const storageClasses = (profile.storageTiers ?? []).map((tier) => tier.name);
  const { hard, gpuKeys } = planQuota({
    accessMode: t.accessMode,
    retired,
    holdsGpus: holds,
    resources: t.resources,
    allocation: t.allocation,
    grants,
    pools,
    storage: (t.storage ?? []).map((g) => ({ className: g.tier, capacity: g.capacity, claims: g.claims })),
    storageClasses,
  });
  const kueue = profile.schedulers?.kueue;
  const override = retired ? undefined : kueue?.tenants?.[t.name];
  const lanes = kueue
    ? planLanes({
        accessMode: t.accessMode,
        grants,
        cpu: hard['requests.cpu'],
        memory: hard['requests.memory'],
        // A retired tenant's queues are stopped; one past its allocation holds no GPUs.
        held: !retired && holds,
        cohort: kueue.cohort !== false,
        borrowingLimit: override?.borrowingLimit,
        lendingLimit: override?.lendingLimit,
      })
    : undefined;
  return {
    name: t.name,
    retired,
    holdsGpus: holds,
    grants: grants.map((g) => ({
      pool: g.pool.name,
      resource: grantResource(g.pool, { pool: g.pool.name, count: g.count, migProfile: g.migProfile }),
      units: g.count,
      ...(g.migProfile ? { migProfile: g.migProfile } : {}),
    })),
    quota: lanes?.raise ? raiseQuota(hard, lanes.raise, { retired, holdsGpus: holds, gpuKeys }) : hard,
    ...(lanes ? { kueue: lanes } : {}),
  };
}

/**
 * The Slurm cluster: NodeSets, partitions and their accounts, and the accounts file, from a profile
 * whose budgets are resolved to counts.
 */
function planSlurm(profile: SiteProfile, tenants: readonly TenantPlan[]): SlurmPlan | undefined {
  const slurm = profile.schedulers?.slurm;
  if (!slurm) return undefined;
  const clusterName = slurm.clusterName ?? profile.name;
  const cpuPools = new Set((profile.cpuPools ?? []).map((p) => p.name));
  const names = Object.keys(slurm.nodes).sort();
  const gpuSets = names.filter((n) => !cpuPools.has(n));
  const clusterPools = gpuSets.map((n) => profile.nodePools.find((p) => p.name === n) as NodePoolSpec);
  const cpuSets = names.filter((n) => cpuPools.has(n));
  const accounts = [
    ...byName(profile.tenants).map((t) => {
      const plan = tenants.find((x) => x.name === t.name) as TenantPlan;
      const grants = plan.holdsGpus
        ? t.gpus.map((g) => ({
            pool: profile.nodePools.find((p) => p.name === g.pool) as NodePoolSpec,
            count: g.count as number,
            migProfile: g.migProfile,
          }))
        : [];
      const cpu = cpuSets.length > 0 ? { pools: cpuSets, closed: !plan.holdsGpus } : undefined;
      return slurmAccountLimits(t.name, t.displayName ?? t.name, grants, clusterPools, cpu);
    }),
    ...byName(profile.retiredTenants ?? []).map((r) =>
      slurmAccountLimits(
        r.name,
        r.note ?? r.name,
        [],
        clusterPools,
        cpuSets.length > 0 ? { pools: cpuSets, closed: true } : undefined,
      ),
    ),
  ];
  const withAccounts = slurm.accounting !== undefined && accounts.length > 0;
  const partition = (name: string, nodeSets: string[]) => ({
    name,
    nodeSets,
    ...(withAccounts ? { allowAccounts: slurmPartitionAccounts(nodeSets, accounts) } : {}),
  });
  return {
    clusterName,
    nodeSets: Object.fromEntries(names.map((n) => [n, slurm.nodes[n]])),
    partitions: [
      ...[...gpuSets, ...cpuSets].map((n) => partition(n, [n])),
      ...byName(slurm.partitions ?? []).map((p) => partition(p.name, [...p.pools].sort())),
    ],
    accounts,
    ...(withAccounts ? { accountsFile: slurmAccountsFile(clusterName, accounts) } : {}),
  };
}

/**
 * Every number of a validated profile's constructs, judged on `date`: the pools' split between
 * Kubernetes and Slurm, each tenant's resolved grants, quota and Kueue lanes, and the Slurm
 * cluster's NodeSets, partitions and accounts.
 */
export function planSite(profile: SiteProfile, date: string): SitePlan {
  const resolved = resolveProfile(profile);
  const splits = new Map(poolSplits(profile).map((s) => [s.pool, s]));
  const pools = byName(profile.nodePools).map((p) => ({
    name: p.name,
    accelerator: accelerator(p.accelerator).id,
    nodes: poolNodeCount(p),
    gpusPerNode: p.gpusPerNode,
    kubernetesNodes: splits.get(p.name)?.kubernetes ?? poolNodeCount(p),
    slurmNodes: splits.get(p.name)?.slurm ?? 0,
  }));
  const tenants = byName(resolved.tenants).map((t) => planTenant(resolved, t, date));
  const slurm = planSlurm(resolved, tenants);
  return { site: profile.name, date, pools, tenants, ...(slurm ? { slurm } : {}) };
}
