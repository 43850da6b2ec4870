import { TerraformStack, type App } from 'cdktf';
import { AmdGpuOperator, CertManager, NvidiaGpuOperator } from '../compute/gpu-operators';
import { GpuNodePool } from '../compute/node-pool';
import { DEFAULT_POD_SECURITY_VERSION, validateSite, type SiteProfile } from '../model';
import { configureBackend, configureProviders } from '../platform/providers';
import { SystemNamespace } from '../platform/namespace';
import {
  Kueue,
  KUEUE_TENANT_RULES,
  KueueCohort,
  KueuePriorityClasses,
  KueueResourceFlavor,
  KueueTenantQueue,
} from '../scheduling/kueue';
import { SlurmCluster, SlurmOperator } from '../scheduling/slurm';
import { TenantNamespace } from '../tenancy/tenant-namespace';

function byName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * One AI Factory site from its profile: validates the profile (every problem at once, before any
 * construct exists), then builds two stacks.
 *
 * - `<site>-platform`: providers, GPU node pools (labels, taints), GPU operators, cert-manager;
 *   everything that installs CRDs.
 * - `<site>-tenants`: tenant namespaces and, later, the custom resources of the operators. It
 *   depends on the platform stack: a `kubernetes_manifest` needs its CRD in the cluster at plan time
 *   (hashicorp/terraform-provider-kubernetes#1367), so the two can never be planned together.
 *
 * Pools and tenants are built in name order, so reordering a profile changes no byte of output.
 */
export class AiFactorySite {
  public readonly profile: SiteProfile;
  public readonly platform: TerraformStack;
  public readonly tenantsStack: TerraformStack;
  public readonly pools: ReadonlyMap<string, GpuNodePool>;
  public readonly tenants: ReadonlyMap<string, TenantNamespace>;
  public readonly nvidiaOperator?: NvidiaGpuOperator;
  public readonly amdOperator?: AmdGpuOperator;
  public readonly certManager?: CertManager;
  public readonly kueue?: Kueue;
  public readonly kueueQueues?: ReadonlyMap<string, KueueTenantQueue>;
  public readonly slurmOperator?: SlurmOperator;
  public readonly slurm?: SlurmCluster;

  constructor(app: App, profile: SiteProfile) {
    validateSite(profile);
    this.profile = profile;
    const platformName = `${profile.name}-platform`;
    const tenantsName = `${profile.name}-tenants`;

    this.platform = new TerraformStack(app, platformName);
    configureProviders(this.platform, profile.kubernetes);
    configureBackend(this.platform, platformName, profile.kubernetes, profile.state);

    const pools = new Map<string, GpuNodePool>();
    for (const spec of byName(profile.nodePools)) {
      pools.set(spec.name, new GpuNodePool(this.platform, `pool-${spec.name}`, spec));
    }
    this.pools = pools;
    const all = [...pools.values()];
    const nvidia = all.filter((p) => p.vendor === 'nvidia');
    const amd = all.filter((p) => p.vendor === 'amd');
    const driver = profile.gpuOperator?.driver ?? 'host';
    if (nvidia.length > 0) {
      this.nvidiaOperator = new NvidiaGpuOperator(this.platform, 'nvidia-gpu-operator', {
        pools: nvidia,
        driver,
      });
    }
    const schedulers = profile.schedulers ?? {};
    // One cert-manager for every component that needs it (AMD GPU operator, Slinky webhooks).
    if (amd.length > 0 || schedulers.slurm) {
      this.certManager = new CertManager(this.platform, 'cert-manager');
    }
    if (amd.length > 0 && this.certManager) {
      this.amdOperator = new AmdGpuOperator(this.platform, 'amd-gpu-operator', {
        pools: amd,
        certManager: this.certManager,
        driver,
      });
    }
    if (schedulers.kueue) this.kueue = new Kueue(this.platform, 'kueue');
    if (schedulers.slurm && this.certManager) {
      this.slurmOperator = new SlurmOperator(this.platform, 'slurm-operator', {
        certManager: this.certManager,
      });
      // In the platform stack, so the site can put the cluster's Secrets there before deploying it.
      new SystemNamespace(this.platform, 'slurm-namespace', { name: 'slurm', podSecurity: 'privileged' });
    }

    this.tenantsStack = new TerraformStack(app, tenantsName);
    configureProviders(this.tenantsStack, profile.kubernetes);
    configureBackend(this.tenantsStack, tenantsName, profile.kubernetes, profile.state);
    this.tenantsStack.addDependency(this.platform);

    const tenants = new Map<string, TenantNamespace>();
    for (const t of byName(profile.tenants)) {
      tenants.set(
        t.name,
        new TenantNamespace(this.tenantsStack, `tenant-${t.name}`, {
          name: t.name,
          site: profile.name,
          accessMode: t.accessMode,
          displayName: t.displayName,
          sector: t.sector,
          gpus: t.gpus.map((g) => ({
            pool: pools.get(g.pool) as GpuNodePool,
            count: g.count,
            migProfile: g.migProfile,
          })),
          sitePools: all,
          resources: t.resources,
          groups: t.groups,
          egressCidrs: t.egressCidrs,
          podSecurityVersion: profile.podSecurityVersion ?? DEFAULT_POD_SECURITY_VERSION,
          additionalRules: schedulers.kueue
            ? { admin: KUEUE_TENANT_RULES, member: KUEUE_TENANT_RULES }
            : undefined,
        }),
      );
    }
    this.tenants = tenants;
    if (schedulers.kueue) this.kueueQueues = this.buildKueueQueues(profile, pools, tenants);
    if (schedulers.slurm) {
      const s = schedulers.slurm;
      this.slurm = new SlurmCluster(this.tenantsStack, 'slurm', {
        name: s.clusterName ?? profile.name,
        namespace: 'slurm',
        createNamespace: false,
        nodeSets: Object.keys(s.nodes)
          .sort()
          .map((p) => ({ pool: pools.get(p) as GpuNodePool, replicas: s.nodes[p] })),
        partitions: s.partitions?.map((p) => ({
          name: p.name,
          pools: p.pools.map((x) => pools.get(x) as GpuNodePool),
          maxTime: p.maxTime,
        })),
        defaultPartition: s.defaultPartition,
        accounting: s.accounting,
        login: s.login,
      });
    }
  }

  /** Flavors per pool, the site's cohort, priority classes, and a queue pair per tenant. */
  private buildKueueQueues(
    profile: SiteProfile,
    pools: ReadonlyMap<string, GpuNodePool>,
    tenants: ReadonlyMap<string, TenantNamespace>,
  ): Map<string, KueueTenantQueue> {
    const kueue = profile.schedulers?.kueue ?? {};
    const flavors = new Map<string, KueueResourceFlavor>();
    for (const pool of pools.values()) {
      flavors.set(pool.name, new KueueResourceFlavor(this.tenantsStack, `flavor-${pool.name}`, { pool }));
    }
    const cohortName = kueue.cohort === undefined ? profile.name : kueue.cohort;
    const cohort =
      cohortName === false ? undefined : new KueueCohort(this.tenantsStack, 'cohort', { name: cohortName });
    new KueuePriorityClasses(this.tenantsStack, 'priority-classes');
    const queues = new Map<string, KueueTenantQueue>();
    for (const t of byName(profile.tenants)) {
      const override = kueue.tenants?.[t.name];
      queues.set(
        t.name,
        new KueueTenantQueue(this.tenantsStack, `queue-${t.name}`, {
          tenant: tenants.get(t.name) as TenantNamespace,
          accessMode: t.accessMode,
          gpus: t.gpus.map((g) => ({
            pool: pools.get(g.pool) as GpuNodePool,
            count: g.count,
            migProfile: g.migProfile,
          })),
          flavors,
          cohort,
          borrowingLimit: override?.borrowingLimit,
          lendingLimit: override?.lendingLimit,
        }),
      );
    }
    return queues;
  }
}
