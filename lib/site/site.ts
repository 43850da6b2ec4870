import { TerraformStack, type App } from 'cdktf';
import { AmdGpuOperator, CertManager, NvidiaGpuOperator } from '../compute/gpu-operators';
import { GpuNodePool } from '../compute/node-pool';
import { DEFAULT_POD_SECURITY_VERSION, validateSite, type SiteProfile } from '../model';
import { configureBackend, configureProviders } from '../platform/providers';
import { KUEUE_TENANT_RULES, type Kueue, type KueueTenantQueue } from '../scheduling/kueue';
import type { SlurmCluster, SlurmOperator } from '../scheduling/slurm';
import { TenantNamespace } from '../tenancy/tenant-namespace';
import { addPlatformSchedulers, addTenantSchedulers } from './schedulers';

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
  public readonly slurmOperator?: SlurmOperator;
  public readonly kueueQueues?: ReadonlyMap<string, KueueTenantQueue>;
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
    // One cert-manager for every component that needs it (AMD GPU operator, Slinky webhooks).
    if (amd.length > 0 || profile.schedulers?.slurm) {
      this.certManager = new CertManager(this.platform, 'cert-manager');
    }
    if (amd.length > 0 && this.certManager) {
      this.amdOperator = new AmdGpuOperator(this.platform, 'amd-gpu-operator', {
        pools: amd,
        certManager: this.certManager,
        driver,
      });
    }
    ({ kueue: this.kueue, slurmOperator: this.slurmOperator } = addPlatformSchedulers(
      this.platform,
      profile,
      this.certManager,
    ));

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
          additionalRules: profile.schedulers?.kueue
            ? { admin: KUEUE_TENANT_RULES, member: KUEUE_TENANT_RULES }
            : undefined,
        }),
      );
    }
    this.tenants = tenants;
    ({ kueueQueues: this.kueueQueues, slurm: this.slurm } = addTenantSchedulers(
      this.tenantsStack,
      profile,
      pools,
      tenants,
    ));
  }
}
