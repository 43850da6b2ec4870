import { Construct, type IConstruct } from 'constructs';
import type { GpuNodePool } from '../compute/node-pool';
import {
  checkCapacity,
  IssueCollector,
  isDnsLabel,
  uniqueByName,
  ValidationError,
  type SiteProfile,
  type TenantSpec,
} from '../model';
import type { StorageTier } from '../storage/storage-tier';
import { TenantGuardrails, type TenantGuardrailsProps } from './guardrails';
import type { TenantNamespace } from './tenant-namespace';

/**
 * The site a tenant namespace belongs to, named in its props (`TenantNamespaceProps.site`): its GPU
 * pools and storage tiers, on which the tenant gets a quota of zero where it has no grant, and the
 * check that the grants of all its tenants fit its pools. An `AiFactorySite` is one (and takes only
 * the tenants it builds itself: `addTenant`); a `SiteScope` is one for a cluster built from the
 * constructs without a profile.
 */
export interface ISiteScope extends IConstruct {
  /** The site's name, written to its tenants' `site` label. */
  readonly siteName: string;
  /** The site's GPU pools as they stand; a tenant's quota reads them when the stack is synthesized. */
  readonly gpuPools: readonly GpuNodePool[];
  /** The site's storage tiers as they stand, read as the pools are. */
  readonly storageTiers: readonly StorageTier[];
  /**
   * Takes a tenant namespace built on the site, before it makes anything, with its grants as a
   * profile's tenant: the pools and tiers it draws on (`grantedPools`, `grantedTiers`) become the
   * site's, so that every other tenant gets a zero quota there too. Throws a `ValidationError`
   * where the site does not take it, or where the grants of the site's tenants no longer fit its
   * pools (`POOL_OVERCOMMITTED`).
   */
  addTenantNamespace(tenant: TenantNamespace, grants: TenantSpec): void;
}

export interface SiteScopeProps {
  /** The site's name (a DNS label), written to its tenants' `site` label. */
  readonly name: string;
  /**
   * The tenant guard rails of the cluster, made with the scope (`TenantGuardrails`, its placement
   * guard over the scope's pools). Once per cluster: two scopes on one cluster would install the
   * same policies twice.
   * @default - the guard rails with their defaults
   */
  readonly guardrails?: Omit<TenantGuardrailsProps, 'pools' | 'site'>;
}

/**
 * A cluster built from the constructs without a site profile: the pools and tiers added to it, the
 * tenant namespaces built on it (`site` in their props), and the tenant guard rails, which it makes
 * itself. A tenant gets a quota of zero on every GPU resource and storage class of the scope it has
 * no grant on, pools and tiers added after it included; the grants of its tenants must fit its
 * pools, checked as each tenant is added.
 *
 * @example
 * ```ts
 * import { App, TerraformStack } from 'cdktf';
 * import { GpuNodePool, SiteScope, TenantNamespace } from 'cdktf-ai-factory';
 *
 * const app = new App();
 * const stack = new TerraformStack(app, 'lab');
 * const site = new SiteScope(stack, 'site', { name: 'lab' });
 * const pool = site.addPool(
 *   new GpuNodePool(stack, 'a100', {
 *     name: 'a100',
 *     accelerator: 'nvidia-a100-80gb',
 *     gpusPerNode: 8,
 *     nodes: { hostlist: 'gpu[01-08]' },
 *   }),
 * );
 * new TenantNamespace(stack, 'vision', {
 *   name: 'vision',
 *   site,
 *   accessMode: 'internal',
 *   gpus: [{ pool, count: 16 }],
 *   groups: { admins: ['idp:vision-admins'] },
 * });
 * ```
 */
export class SiteScope extends Construct implements ISiteScope {
  public readonly siteName: string;
  /** The guard rails the scope made for its cluster. */
  public readonly guardrails: TenantGuardrails;
  private readonly pools: GpuNodePool[] = [];
  private readonly tiers: StorageTier[] = [];
  private readonly tenants: { readonly tenant: TenantNamespace; readonly grants: TenantSpec }[] = [];

  /**
   * @param scope the stack that holds the cluster's guard rails (the tenants' stack, or the
   *   platform's)
   */
  constructor(scope: Construct, id: string, props: SiteScopeProps) {
    super(scope, id);
    if (!isDnsLabel(props?.name)) {
      const c = new IssueCollector();
      c.add(
        'NAME_INVALID',
        'props.name',
        props?.name,
        'the site name is written to a label and must be a Kubernetes DNS label',
        "name the site with lower-case letters, digits and '-', e.g. 'lab'",
      );
      c.throwIfAny(`SiteScope '${id}'`);
    }
    this.siteName = props.name;
    this.guardrails = new TenantGuardrails(this, 'tenant-guardrails', { ...props.guardrails, site: this });
  }

  public get gpuPools(): readonly GpuNodePool[] {
    return [...this.pools];
  }

  public get storageTiers(): readonly StorageTier[] {
    return [...this.tiers];
  }

  /** Adds a GPU pool of the cluster; returns it. */
  public addPool(pool: GpuNodePool): GpuNodePool {
    if (!this.pools.includes(pool)) this.pools.push(pool);
    return pool;
  }

  /** Adds a storage tier of the cluster; returns it. */
  public addTier(tier: StorageTier): StorageTier {
    if (!this.tiers.includes(tier)) this.tiers.push(tier);
    return tier;
  }

  public addTenantNamespace(tenant: TenantNamespace, grants: TenantSpec): void {
    const tenants = [...this.tenants, { tenant, grants }];
    checkSiteCapacity(
      `SiteScope '${this.siteName}'`,
      uniqueByName([...this.pools, ...tenant.grantedPools]),
      tenants.map((t) => t.grants),
    );
    this.tenants.push({ tenant, grants });
    // A pool or tier a tenant draws on is the site's: zero quota there for every other tenant.
    tenant.grantedPools.forEach((p) => this.addPool(p));
    tenant.grantedTiers.forEach((t) => this.addTier(t));
  }
}

/**
 * The profile's capacity check over a site built from constructs: the grants of all its tenants on
 * a pool may not add up to more than the pool holds (times its over-commit factor). Problems name
 * the pool construct, as a profile's name `nodePools[i]`.
 */
function checkSiteCapacity(
  what: string,
  pools: readonly GpuNodePool[],
  tenants: readonly TenantSpec[],
): void {
  const c = new IssueCollector();
  checkCapacity(c, { nodePools: pools.map((p) => p.spec), tenants } as unknown as SiteProfile);
  if (c.issues.length === 0) return;
  const named = c.issues.map((i) => {
    const at = /^nodePools\[(\d+)\]/.exec(i.path);
    return at ? { ...i, path: i.path.replace(at[0], `GpuNodePool '${pools[Number(at[1])].name}'`) } : i;
  });
  throw new ValidationError(`the tenants of ${what}`, named);
}
