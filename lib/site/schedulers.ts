import type { TerraformStack } from 'cdktf';
import type { CertManager } from '../compute/gpu-operators';
import type { CpuNodePool } from '../compute/cpu-pool';
import type { GpuNodePool } from '../compute/node-pool';
import { byName, siteGpuResources, type SiteProfile, type TenantSpec } from '../model';
import { SystemNamespace } from '../platform/namespace';
import {
  Kueue,
  KueueCohort,
  KueueCpuFlavor,
  KueueLaneGuard,
  KueuePriorityGuard,
  KueuePriorityClasses,
  KueueResourceFlavor,
  KueueTenantQueue,
} from '../scheduling/kueue';
import { KueueBypassGuard } from '../scheduling/kueue-guard';
import {
  SlurmCluster,
  SlurmOperator,
  slurmNamespaceNetwork,
  type SlurmAccountProps,
} from '../scheduling/slurm';
import type { SitePlan, TenantPlan } from '../plan';
import type { TenantNamespace } from '../tenancy/tenant-namespace';

/** The namespace of a site's Slurm cluster (reserved: no tenant can take it). */
export const SITE_SLURM_NAMESPACE = 'slurm';

/**
 * The platform side of a site's schedulers: the Kueue controller, the Slinky operator and CRDs, and
 * the Slurm cluster's namespace. The namespace is made here, not with the cluster, so that the site
 * can put the Secrets the cluster reads (database password, sssd.conf) into it before the tenants
 * stack is deployed.
 */
export function addPlatformSchedulers(
  platform: TerraformStack,
  profile: SiteProfile,
  certManager: CertManager | undefined,
): { kueue?: Kueue; slurmOperator?: SlurmOperator } {
  const s = profile.schedulers ?? {};
  const kueue = s.kueue ? new Kueue(platform, 'kueue') : undefined;
  if (kueue) {
    new KueuePriorityGuard(platform, 'kueue-priority-guard');
    // Work without GPUs in the CPU lane only, GPU work in the GPU lane only.
    new KueueLaneGuard(platform, 'kueue-lane-guard', { gpuResources: siteGpuResources(profile.nodePools) });
    new KueueBypassGuard(platform, 'kueue-bypass-guard', {
      workloadControllers: s.kueue?.workloadControllers,
    });
  }
  let slurmOperator: SlurmOperator | undefined;
  if (s.slurm) {
    if (!certManager)
      throw new Error('addPlatformSchedulers: Slurm needs cert-manager for the Slinky webhooks');
    slurmOperator = new SlurmOperator(platform, 'slurm-operator', { certManager });
    new SystemNamespace(platform, 'slurm-namespace', {
      name: SITE_SLURM_NAMESPACE,
      podSecurity: 'privileged',
      network: slurmNamespaceNetwork({
        login: s.slurm.login,
        accounting: s.slurm.accounting,
        loginSourceCidrs: profile.network?.slurmLoginCidrs,
      }),
    });
  }
  return { kueue, slurmOperator };
}

/**
 * Every tenant's Slurm account, from the plan's grants in effect, as its Kueue GPU lane takes them:
 * a tenant that holds no GPUs (retired, or past its allocation's last day on the site's date) gets a
 * closed account, and so does every tenant of `retiredTenants`, whose account `sacctmgr load` would
 * otherwise keep with its old limits.
 */
function slurmAccounts(
  profile: SiteProfile,
  plan: SitePlan,
  pools: ReadonlyMap<string, GpuNodePool>,
): SlurmAccountProps[] {
  const planned = new Map(plan.tenants.map((t) => [t.name, t]));
  return [
    ...byName(profile.tenants).map((t) => slurmAccount(t, planned.get(t.name) as TenantPlan, pools)),
    ...byName(profile.retiredTenants ?? []).map((r) => ({
      name: r.name,
      description: r.note ?? r.name,
      closed: true,
    })),
  ];
}

/** The plan's grants of a tenant, on the site's pool constructs. */
const grantsOn = (plan: TenantPlan, pools: ReadonlyMap<string, GpuNodePool>) =>
  plan.grants.map((g) => ({
    pool: pools.get(g.pool) as GpuNodePool,
    count: g.units,
    migProfile: g.migProfile,
  }));

/** One tenant's Slurm account: its planned grants where it holds them, else closed. */
function slurmAccount(
  t: TenantSpec,
  plan: TenantPlan,
  pools: ReadonlyMap<string, GpuNodePool>,
): SlurmAccountProps {
  return {
    name: t.name,
    description: t.displayName ?? t.name,
    closed: !plan.holdsGpus,
    gpus: plan.holdsGpus ? grantsOn(plan, pools) : [],
  };
}

/**
 * Gives a tenant, with its plan, what the site's schedulers give every tenant of the profile: its
 * Kueue queues and its Slurm account. Returns the queues, if the site runs Kueue.
 */
export type TenantSchedulingStep = (
  t: TenantSpec,
  plan: TenantPlan,
  tenant: TenantNamespace,
) => KueueTenantQueue | undefined;

/**
 * The tenants side, with the grants of the site's plan: a ResourceFlavor per pool and the CPU-only
 * one, the site's cohort, the priority classes, a GPU and a CPU lane per tenant, and the Slurm
 * cluster. Everything in name order, so a reordered profile changes nothing.
 */
export function addTenantSchedulers(
  tenantsStack: TerraformStack,
  profile: SiteProfile,
  plan: SitePlan,
  pools: ReadonlyMap<string, GpuNodePool>,
  tenants: ReadonlyMap<string, TenantNamespace>,
  stateStorageClass?: string,
  cpuPools: ReadonlyMap<string, CpuNodePool> = new Map(),
): {
  kueueQueues?: Map<string, KueueTenantQueue>;
  slurm?: SlurmCluster;
  /** For a tenant added after the profile's (`AiFactorySite.addTenant`). */
  addTenant: TenantSchedulingStep;
} {
  const s = profile.schedulers ?? {};
  let kueueQueues: Map<string, KueueTenantQueue> | undefined;
  let queueFor: ((t: TenantSpec, plan: TenantPlan, tenant: TenantNamespace) => KueueTenantQueue) | undefined;
  if (s.kueue) {
    const kueue = s.kueue;
    const flavors = new Map<string, KueueResourceFlavor>();
    for (const pool of byName([...pools.values()])) {
      flavors.set(pool.name, new KueueResourceFlavor(tenantsStack, `flavor-${pool.name}`, { pool }));
    }
    const cpuFlavor = new KueueCpuFlavor(tenantsStack, 'flavor-cpu-only', {
      nodeLabels: kueue.cpuNodeLabels,
    });
    const cohortName = kueue.cohort === undefined ? profile.name : kueue.cohort;
    const cohort =
      cohortName === false ? undefined : new KueueCohort(tenantsStack, 'cohort', { name: cohortName });
    new KueuePriorityClasses(tenantsStack, 'priority-classes');
    kueueQueues = new Map();
    queueFor = (t, tenantPlan, tenant) => {
      // A retired tenant's queues stay, stopped and drained, with no quota, until it is removed. A
      // tenant past its allocation's end has its GPU queue stopped (TenantNamespace.holdsGpus).
      const override = t.retired ? undefined : kueue.tenants?.[t.name];
      return new KueueTenantQueue(tenantsStack, `queue-${t.name}`, {
        tenant,
        accessMode: t.accessMode,
        // None for a retired tenant.
        gpus: grantsOn(tenantPlan, pools),
        stopped: t.retired,
        flavors,
        cpuFlavor,
        cohort,
        borrowingLimit: override?.borrowingLimit,
        lendingLimit: override?.lendingLimit,
      });
    };
    const planned = new Map(plan.tenants.map((t) => [t.name, t]));
    for (const t of byName(profile.tenants)) {
      kueueQueues.set(
        t.name,
        queueFor(t, planned.get(t.name) as TenantPlan, tenants.get(t.name) as TenantNamespace),
      );
    }
  }
  let slurm: SlurmCluster | undefined;
  if (s.slurm) {
    const spec = s.slurm;
    slurm = new SlurmCluster(tenantsStack, 'slurm', {
      name: spec.clusterName ?? profile.name,
      namespace: SITE_SLURM_NAMESPACE,
      createNamespace: false,
      nodeSets: Object.keys(spec.nodes)
        .filter((p) => !cpuPools.has(p))
        .sort()
        .map((p) => ({
          pool: pools.get(p) as GpuNodePool,
          replicas: spec.nodes[p],
          slurmdImage: spec.slurmdImages?.[p],
        })),
      cpuNodeSets: Object.keys(spec.nodes)
        .filter((p) => cpuPools.has(p))
        .sort()
        .map((p) => ({ pool: cpuPools.get(p) as CpuNodePool, replicas: spec.nodes[p] })),
      partitions: spec.partitions?.map((p) => ({
        name: p.name,
        pools: p.pools.map((x) => (pools.get(x) ?? cpuPools.get(x)) as GpuNodePool | CpuNodePool),
        maxTime: p.maxTime,
      })),
      defaultPartition: spec.defaultPartition,
      maxTime: spec.maxTime,
      accounting: spec.accounting,
      login: spec.login,
      accounts: slurmAccounts(profile, plan, pools),
      stateStorageClass,
    });
  }
  const queues = kueueQueues;
  const addTenant: TenantSchedulingStep = (t, tenantPlan, tenant) => {
    slurm?.addAccount(slurmAccount(t, tenantPlan, pools));
    const q = queueFor?.(t, tenantPlan, tenant);
    if (q) queues?.set(t.name, q);
    return q;
  };
  return { kueueQueues, slurm, addTenant };
}
