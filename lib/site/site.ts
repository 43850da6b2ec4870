import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AmdGpuOperator, CertManager, NvidiaGpuOperator, poolTolerations } from '../compute/gpu-operators';
import { CpuNodePool } from '../compute/cpu-pool';
import { GpuNodePool } from '../compute/node-pool';
import {
  byName,
  DEFAULT_POD_SECURITY_VERSION,
  offersOnNodes,
  parseQuantity,
  retainedStorage,
  synthesisDate,
  unitGpuEquivalent,
  validateSite,
  ValidationError,
  type SiteProfile,
  type TenantSpec,
} from '../model';
import { planSite, type SitePlan, type TenantPlan } from '../plan';
import { pinAddress } from '../platform/ids';
import { SystemNamespace } from '../platform/namespace';
import { ClusterNetwork } from '../platform/network-policy';
import { useMirror } from '../platform/mirror';
import { configureBackend, configureProviders } from '../platform/providers';
import { SiteStorage } from '../storage/site-storage';
import type { StorageTier } from '../storage/storage-tier';
import { KUEUE_TENANT_RULES, type Kueue, type KueueTenantQueue } from '../scheduling/kueue';
import type { SlurmCluster, SlurmOperator } from '../scheduling/slurm';
import { TenantGuardrails } from '../tenancy/guardrails';
import { RemovedTenant } from '../tenancy/removed-tenant';
import type { ISiteScope } from '../tenancy/site-scope';
import { TenantNamespace } from '../tenancy/tenant-namespace';
import { addPlatformSchedulers, addTenantSchedulers, type TenantSchedulingStep } from './schedulers';

/**
 * One AI Factory site from its profile: validates the profile (every problem at once, before any
 * construct exists), then builds two stacks.
 *
 * - `<site>-platform`: providers, GPU node pools (labels, taints), GPU operators, cert-manager (once,
 *   if anything needs it), storage tiers and their CSI drivers; everything that installs CRDs.
 * - `<site>-tenants`: tenant namespaces and, later, the custom resources of the operators. It
 *   depends on the platform stack: a `kubernetes_manifest` needs its CRD in the cluster at plan time
 *   (hashicorp/terraform-provider-kubernetes#1367), so the two can never be planned together.
 *
 * Pools and tenants are built in name order, so reordering a profile changes no byte of output.
 *
 * @example
 * ```ts
 * import { App } from 'cdktf';
 * import { AiFactorySite, type SiteProfile } from 'cdktf-ai-factory';
 *
 * const profile: SiteProfile = {
 *   name: 'lab',
 *   displayName: 'Lab AI Factory',
 *   kubernetes: { configPath: '~/.kube/config', context: 'lab-admin' },
 *   nodePools: [
 *     {
 *       name: 'a100',
 *       accelerator: 'nvidia-a100-80gb',
 *       gpusPerNode: 8,
 *       nodes: { hostlist: 'gpu[01-08]' },
 *     },
 *   ],
 *   tenants: [
 *     {
 *       name: 'vision',
 *       accessMode: 'fast-lane',
 *       allocation: { projectId: 'EHPC-AIF-2026FL01-0007', start: '2026-10-01', end: '2026-12-31' },
 *       gpus: [{ pool: 'a100', count: 16 }],
 *       groups: { admins: ['idp:vision-admins'] },
 *     },
 *   ],
 * };
 * const app = new App();
 * // Validates the whole profile, then builds the stacks lab-platform and lab-tenants.
 * const site = new AiFactorySite(app, profile);
 * console.log(site.platform.node.id, site.tenantsStack.node.id);
 * app.synth();
 * ```
 */
export class AiFactorySite extends Construct implements ISiteScope {
  public readonly profile: SiteProfile;
  public readonly platform: TerraformStack;
  public readonly tenantsStack: TerraformStack;
  public readonly pools: ReadonlyMap<string, GpuNodePool>;
  /** The tenants, by name: the profile's, and those added with `addTenant`. */
  public readonly tenants: ReadonlyMap<string, TenantNamespace>;
  /** The CPU pools, by name. */
  public readonly cpuPools: ReadonlyMap<string, CpuNodePool>;
  public readonly nvidiaOperator?: NvidiaGpuOperator;
  public readonly amdOperator?: AmdGpuOperator;
  /** The site's storage tiers by name (StorageClasses and driver releases in the platform stack). */
  public readonly storage: SiteStorage;
  /** The tier of the Slurm controller state and slurmdbd volumes (profile `slurmStateTier`). */
  public readonly slurmStateTier?: StorageTier;
  private certManagerInstance?: CertManager;

  /** cert-manager, if a component of the site needed it; at most one per site. */
  public get certManager(): CertManager | undefined {
    return this.certManagerInstance;
  }

  /** The site's cert-manager, created in the platform stack on first use. */
  private useCertManager(): CertManager {
    this.certManagerInstance ??= new CertManager(this.platform, 'cert-manager');
    return this.certManagerInstance;
  }
  public readonly kueue?: Kueue;
  public readonly slurmOperator?: SlurmOperator;
  public readonly kueueQueues?: ReadonlyMap<string, KueueTenantQueue>;
  public readonly slurm?: SlurmCluster;
  private readonly tenantMap: Map<string, TenantNamespace>;
  /** Tenants added in code (`addTenant`), after the profile's. */
  private readonly added: TenantSpec[] = [];
  private readonly date: string;
  private sitePlan: SitePlan;
  private readonly schedulingStep: TenantSchedulingStep;
  /** The tenant the site is building, the one tenant namespace it takes then. */
  private building?: string;

  /**
   * Every number of the site (pool splits, tenants' resolved grants, quotas and Kueue lanes, the
   * Slurm cluster's NodeSets, partitions and accounts), computed once from the profile and the
   * tenants added in code, judged on the site's date: what its constructs write.
   */
  public get plan(): SitePlan {
    return this.sitePlan;
  }

  /**
   * @param scope an `App`, or any construct of the operator's own that lives in one. The site is a
   *   construct there (`site-<name>`), but its two stacks are created at the app's root: the cdktf
   *   CLI orders `deploy` by stack name while the manifest names a stack's dependencies by construct
   *   path (cdktf 0.21 `manifest.js`), so a nested tenants stack would never find its platform stack.
   * @param profile the site profile, validated as a whole before any resource is created
   */
  constructor(scope: Construct, profile: SiteProfile) {
    validateSite(profile);
    super(scope, `site-${profile.name}`);
    this.profile = profile;
    // One date for the whole site: past its allocation's end a tenant holds no GPUs.
    this.date = synthesisDate();
    this.sitePlan = planSite(profile, this.date);
    // Stacks at the app's root (see the constructor's doc): their ids are their names.
    const root = this.node.root as Construct;
    this.platform = this.addStack(root, `${profile.name}-platform`);
    // Before any operator namespace: their network policies read the API server's address here.
    new ClusterNetwork(this.platform, 'cluster-network', {
      apiServerCidrs: profile.network?.apiServerCidrs,
      apiServerPorts: profile.network?.apiServerPorts,
    });
    this.pools = this.addPools();
    this.cpuPools = this.addCpuPools();
    const all = [...this.pools.values()];
    [this.nvidiaOperator, this.amdOperator] = this.addGpuOperators(all);
    ({ kueue: this.kueue, slurmOperator: this.slurmOperator } = addPlatformSchedulers(
      this.platform,
      profile,
      profile.schedulers?.slurm ? this.useCertManager() : undefined,
    ));
    new TenantGuardrails(this.platform, 'tenant-guardrails', {
      allowedPriorityClasses: profile.tenantPriorityClasses,
      pools: all,
      workloadControllers: profile.schedulers?.kueue?.workloadControllers,
      maxGracePeriodSeconds: profile.tenantPods?.maxGracePeriodSeconds,
      inlineCsiDrivers: profile.tenantPods?.inlineCsiDrivers,
    });
    this.storage = this.addStorage(all);
    this.slurmStateTier = profile.slurmStateTier ? this.storage.tiers.get(profile.slurmStateTier) : undefined;
    this.inventory(all, [...this.storage.tiers.values()]);

    this.tenantsStack = this.addStack(root, `${profile.name}-tenants`);
    this.tenantsStack.addDependency(this.platform);
    // An air-gapped site gets its charts and images from its mirror (both stacks install charts).
    if (profile.mirror)
      for (const stack of [this.platform, this.tenantsStack]) useMirror(stack, profile.mirror);
    const tenants = new Map<string, TenantNamespace>();
    this.tenantMap = tenants;
    for (const t of byName(profile.tenants)) tenants.set(t.name, this.buildTenant(t));
    this.tenants = tenants;
    // Retired tenants taken out of the profile leave Terraform's state and stay in the cluster.
    for (const r of byName(profile.retiredTenants ?? [])) {
      new RemovedTenant(this.tenantsStack, `removed-tenant-${r.name}`, { name: r.name, volumes: r.volumes });
    }
    // Queues and accounts take the plan's grants: budgets resolved over their periods, as the quotas.
    ({
      kueueQueues: this.kueueQueues,
      slurm: this.slurm,
      addTenant: this.schedulingStep,
    } = addTenantSchedulers(
      this.tenantsStack,
      profile,
      this.sitePlan,
      this.pools,
      tenants,
      this.slurmStateTier?.className,
      this.cpuPools,
    ));
  }

  /** A stack of the site at the app's root, with its providers and backend on the site's cluster. */
  private addStack(root: Construct, name: string): TerraformStack {
    const stack = new TerraformStack(root, name);
    configureProviders(stack, this.profile.kubernetes);
    configureBackend(stack, name, this.profile.kubernetes, this.profile.state);
    return stack;
  }

  /** The GPU pools; Slurm's share of each becomes node labels, so the schedulers never share a node. */
  private addPools(): Map<string, GpuNodePool> {
    const planned = new Map(this.sitePlan.pools.map((p) => [p.name, p]));
    return new Map(
      byName(this.profile.nodePools).map((spec) => {
        const slurmNodes = planned.get(spec.name)?.slurmNodes ?? 0;
        const pool = new GpuNodePool(this.platform, `pool-${spec.name}`, {
          ...spec,
          ...(slurmNodes > 0 ? { slurmNodes } : {}),
        });
        return [spec.name, pool];
      }),
    );
  }

  /** CPU pools: labelled for Kueue's CPU lane, and for Slurm where it takes some of their nodes. */
  private addCpuPools(): Map<string, CpuNodePool> {
    const profile = this.profile;
    return new Map(
      byName(profile.cpuPools ?? []).map((spec) => {
        const slurmNodes = profile.schedulers?.slurm?.nodes?.[spec.name] ?? 0;
        const pool = new CpuNodePool(this.platform, `cpu-pool-${spec.name}`, {
          ...spec,
          ...(slurmNodes > 0 ? { slurmNodes } : {}),
          cpuLaneLabels: profile.schedulers?.kueue?.cpuNodeLabels,
        });
        return [spec.name, pool];
      }),
    );
  }

  /** Each vendor's GPU operator, where the site has its pools; one Node Feature Discovery for both. */
  private addGpuOperators(
    all: readonly GpuNodePool[],
  ): [NvidiaGpuOperator | undefined, AmdGpuOperator | undefined] {
    const nvidia = all.filter((p) => p.vendor === 'nvidia');
    const amd = all.filter((p) => p.vendor === 'amd');
    const driver = this.profile.gpuOperator?.driver ?? 'host';
    const nvidiaOperator =
      nvidia.length > 0
        ? new NvidiaGpuOperator(this.platform, 'nvidia-gpu-operator', {
            pools: nvidia,
            driver,
            // One Node Feature Discovery per cluster: NVIDIA's labels the AMD nodes too.
            featureDiscoveryFor: amd,
          })
        : undefined;
    const amdOperator =
      amd.length > 0
        ? new AmdGpuOperator(this.platform, 'amd-gpu-operator', {
            pools: amd,
            certManager: this.useCertManager(),
            driver,
            nodeFeatureDiscovery: nvidiaOperator,
          })
        : undefined;
    return [nvidiaOperator, amdOperator];
  }

  /** The storage tiers; TopoLVM's node plugin runs on the pools with the NVMe volume group. */
  private addStorage(all: readonly GpuNodePool[]): SiteStorage {
    return new SiteStorage(this.platform, 'storage', {
      tiers: this.profile.storageTiers ?? [],
      certManager: () => this.useCertManager(),
      // Through the pools' taints.
      nodeLocalPlacement: (drivers) => {
        const names = new Set(drivers.flatMap((d) => d.nodePools ?? all.map((p) => p.name)));
        const chosen = all.filter((p) => names.has(p.name));
        return { tolerations: poolTolerations(chosen), nodeSelectorTerms: chosen.map((p) => p.nodeSelector) };
      },
    });
  }

  /**
   * An operator namespace of the site (`gpu-operator`, `kueue-system`, `slurm`, ...), to add a flow
   * of the site's own with `allow` (e.g. its monitoring scraping the GPU operator's exporter).
   * Throws, listing them, if the site has no such namespace.
   */
  public operatorNamespace(name: string): SystemNamespace {
    const all = [this.platform, this.tenantsStack]
      .flatMap((s) => s.node.findAll())
      .filter((c): c is SystemNamespace => c instanceof SystemNamespace);
    const found = all.find((n) => n.name === name);
    if (!found) {
      throw new Error(
        `site '${this.profile.name}' has no operator namespace '${name}'; it has ${all
          .map((n) => n.name)
          .sort()
          .join(', ')}`,
      );
    }
    return found;
  }

  /**
   * Adds a tenant in code, as if it were one more of the profile's `tenants`: checked with the whole
   * profile (its name, pools, access mode, allocation and the pools' capacity with every other
   * tenant's grants), and given the same namespace, quotas, guard rails, Kueue queues and Slurm
   * account. Its Terraform addresses are those it would have in the profile, so it can move there
   * later without a change. A `TenantNamespace` built directly on the site is refused as it is
   * built (`TENANT_OUTSIDE_SITE`): it would not be checked with the profile, nor get queues or account.
   */
  public addTenant(spec: TenantSpec): TenantNamespace {
    const tenants = [...this.profile.tenants, ...this.added, spec];
    const extended: SiteProfile = { ...this.profile, tenants };
    try {
      validateSite(extended);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      const at = `tenants[${tenants.length - 1}]`;
      throw new ValidationError(
        `AiFactorySite '${this.profile.name}'.addTenant('${String(spec?.name)}')`,
        e.issues.map((i) => (i.path.startsWith(at) ? { ...i, path: `tenant${i.path.slice(at.length)}` } : i)),
      );
    }
    this.added.push(spec);
    this.sitePlan = planSite(extended, this.date);
    const tenant = this.buildTenant(spec);
    this.tenantMap.set(spec.name, tenant);
    // Its queues and account take the plan's grants, as the profile's tenants' do.
    this.schedulingStep(spec, this.sitePlan.tenants.find((t) => t.name === spec.name) as TenantPlan, tenant);
    return tenant;
  }

  /** A tenant's namespace with its quotas, roles, policies and volumes. */
  private buildTenant(t: TenantSpec): TenantNamespace {
    // The one tenant the site takes (addTenantNamespace): the one it is building.
    this.building = t.name;
    try {
      return this.newTenant(t);
    } finally {
      this.building = undefined;
    }
  }

  private newTenant(t: TenantSpec): TenantNamespace {
    const profile = this.profile;
    const tiers = this.storage.tiers;
    return new TenantNamespace(this.tenantsStack, `tenant-${t.name}`, {
      name: t.name,
      site: this,
      accessMode: t.accessMode,
      displayName: t.displayName,
      sector: t.sector,
      allocation: t.allocation,
      retired: t.retired,
      // Judged against one date for the whole site: past its allocation's end a tenant holds no GPUs.
      date: this.date,
      // A retired tenant holds no GPUs; its grants stay in the profile as the record.
      gpus: (t.retired ? [] : t.gpus).map((g) => ({
        pool: this.pools.get(g.pool) as GpuNodePool,
        count: g.count,
        gpuHours: g.gpuHours,
        migProfile: g.migProfile,
      })),
      resources: t.resources,
      groups: t.groups,
      egressCidrs: t.egressCidrs,
      podSecurityVersion: profile.podSecurityVersion ?? DEFAULT_POD_SECURITY_VERSION,
      storage: (t.storage ?? []).map((g) => ({ ...g, tier: tiers.get(g.tier) as StorageTier })),
      volumes: (t.volumes ?? []).map((v) => ({ ...v, tier: tiers.get(v.tier) as StorageTier })),
      additionalRules: profile.schedulers?.kueue
        ? { admin: KUEUE_TENANT_RULES, member: KUEUE_TENANT_RULES }
        : undefined,
    });
  }

  /** The site's name (`ISiteScope`). */
  public get siteName(): string {
    return this.profile.name;
  }

  /** The site's GPU pools, in name order (`ISiteScope`). */
  public get gpuPools(): readonly GpuNodePool[] {
    return [...this.pools.values()];
  }

  /** The site's storage tiers (`ISiteScope`). */
  public get storageTiers(): readonly StorageTier[] {
    return [...this.storage.tiers.values()];
  }

  /**
   * Takes only the tenant namespaces the site builds itself (`ISiteScope`): one built directly on
   * the site (`new TenantNamespace(stack, id, { site, ... })`) was not checked with the whole
   * profile, and would get no Kueue queues (its jobs would stay suspended) and no Slurm account;
   * `addTenant` gives it all three.
   */
  public addTenantNamespace(tenant: TenantNamespace): void {
    if (tenant.name === this.building) return;
    const name = tenant.name;
    const s = this.profile.schedulers ?? {};
    const runs = [s.kueue && 'Kueue queues (its jobs would stay suspended)', s.slurm && 'Slurm account']
      .filter(Boolean)
      .join(' and ');
    throw new ValidationError(`site '${this.profile.name}'`, [
      {
        code: 'TENANT_OUTSIDE_SITE',
        path: `TenantNamespace '${name}'`,
        received: name,
        message: `tenant namespace '${name}' names site '${this.profile.name}' but was not made by it: it was not checked with the whole profile${runs ? `, and would get no ${runs}` : ''}`,
        fix: `add it with site.addTenant({ name: '${name}', ... }) or to the profile's tenants, instead of new TenantNamespace(...)`,
      },
    ]);
  }

  /**
   * The site's inventory as a Terraform output of the platform stack: what each pool holds, in the
   * units quotas count. Review tools (`aif report`) read it from the synthesized JSON, and
   * `terraform output` shows it on a deployed site.
   */
  private inventory(pools: readonly GpuNodePool[], tiers: readonly StorageTier[]): void {
    const planned = new Map(this.sitePlan.pools.map((p) => [p.name, p]));
    // Data of tenants taken out of Terraform, still on each tier until deleted (bytes).
    const retainedBytes = new Map<string, number>();
    for (const g of retainedStorage(this.profile).flatMap((r) => r.storage))
      retainedBytes.set(g.tier, (retainedBytes.get(g.tier) ?? 0) + parseQuantity(g.capacity));
    const out = new TerraformOutput(this.platform, 'site-inventory', {
      description: `What the GPU pools and storage tiers of ${this.profile.displayName} hold`,
      value: {
        site: this.profile.name,
        displayName: this.profile.displayName,
        accessModes: [...(this.profile.accessModes ?? [])].sort(),
        pools: pools.map((p) => ({
          name: p.name,
          accelerator: p.accelerator.id,
          acceleratorName: p.accelerator.displayName,
          vendor: p.vendor,
          nodes: p.nodeCount,
          gpusPerNode: p.gpusPerNode,
          gpus: p.gpuCount,
          interconnect: p.spec.interconnect
            ? `${p.spec.interconnect.fabric} ${p.spec.interconnect.generation} ${p.spec.interconnect.linksPerNode}x${p.spec.interconnect.gbpsPerLink}G`
            : '',
          overcommitFactor: p.spec.overcommit?.factor ?? 1,
          // Nodes the Slurm cluster holds; tenants' quotas draw on the rest.
          slurmNodes: planned.get(p.name)?.slurmNodes ?? 0,
          offers: p.offers.map((o) => ({
            resource: o.resource,
            units: o.units,
            tenantUnits: Math.floor(
              offersOnNodes(p.spec, planned.get(p.name)?.kubernetesNodes ?? p.nodeCount).find(
                (x) => x.resource === o.resource,
              )?.units ?? o.units,
            ),
            gpuEquivalentPerUnit: unitGpuEquivalent(p.spec, { migProfile: o.migProfile }),
          })),
          note: p.spec.note ?? '',
        })),
        // Only where the profile has CPU pools, so other sites' inventories stay as they were.
        ...(this.cpuPools.size > 0
          ? {
              cpuPools: [...this.cpuPools.values()].map((p) => ({
                name: p.name,
                nodes: p.nodeCount,
                coresPerNode: p.spec.coresPerNode,
                memoryPerNode: p.spec.memoryPerNode,
                cores: p.cores,
                memoryBytes: p.memoryBytes,
                slurmNodes: p.slurmNodes,
                note: p.spec.note ?? '',
              })),
            }
          : {}),
        storageTiers: tiers.map((t) => {
          const retained = retainedBytes.get(t.name) ?? 0;
          return {
            name: t.name,
            purpose: t.spec.purpose,
            storageClass: t.className,
            provisioner: t.provisioner,
            capacity: t.spec.capacity,
            reclaimPolicy: t.reclaimPolicy,
            ...(retained > 0 ? { retained } : {}),
          };
        }),
      },
    });
    pinAddress(out, 'aif', 'site_inventory');
  }
}
