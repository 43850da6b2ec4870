import type { TerraformStack } from 'cdktf';
import type { GpuNodePool } from '../compute/node-pool';
import {
  checkCapacity,
  IssueCollector,
  siteGpuResources,
  tenantStorageQuota,
  ValidationError,
  type SiteProfile,
  type TenantSpec,
} from '../model';
import type { ClusterView } from '../platform/cluster';
import type { StorageTier } from '../storage/storage-tier';
import { TenantGuardrails } from './guardrails';
import type { TenantNamespace } from './tenant-namespace';

/** What each tenant was granted, as a profile's tenant (pool names, counts or budgets, period). */
const grantsOf = new WeakMap<TenantNamespace, TenantSpec>();

/** Records a tenant's grants for the cluster-wide checks at synthesis. */
export function rememberGrants(tenant: TenantNamespace, spec: TenantSpec): void {
  grantsOf.set(tenant, spec);
}

/**
 * The profile's capacity check over a cluster built from constructs: the grants of all its tenants
 * on a pool may not add up to more than the pool holds (times its over-commit factor). Problems
 * name the pool construct, as a profile's name `nodePools[i]`.
 */
function checkClusterCapacity(pools: readonly GpuNodePool[], tenants: readonly TenantNamespace[]): void {
  const c = new IssueCollector();
  const specs = tenants.map((t) => grantsOf.get(t)).filter((t): t is TenantSpec => t !== undefined);
  checkCapacity(c, { nodePools: pools.map((p) => p.spec), tenants: specs } as unknown as SiteProfile);
  if (c.issues.length === 0) return;
  const named = c.issues.map((i) => {
    const at = /^nodePools\[(\d+)\]/.exec(i.path);
    return at ? { ...i, path: i.path.replace(at[0], `GpuNodePool '${pools[Number(at[1])].name}'`) } : i;
  });
  throw new ValidationError('the tenants of the cluster', named);
}

/**
 * What the tenants of a stack learn from their cluster when the stack is synthesized (see
 * lib/platform/cluster.ts): a quota of zero on every GPU resource and storage class of the cluster
 * that their props did not name, and the tenant guard rails, created in this stack when nobody
 * added them to the cluster (`TenantGuardrails`, once per cluster; an `AiFactorySite` always has
 * its own). Then the grants of all tenants of the cluster, in any stack, must fit its pools
 * (`POOL_OVERCOMMITTED`), as in a profile.
 */
export function completeTenants(stack: TerraformStack, view: ClusterView): void {
  const tenants = view.inStack<TenantNamespace>('tenant', stack);
  if (tenants.length === 0) return;
  const pools = view.parts<GpuNodePool>('pool', stack);
  const tiers = view.parts<StorageTier>('tier', stack);
  const gpuResources = siteGpuResources(pools.map((p) => p.spec));
  const storage = tenantStorageQuota(
    [],
    tiers.map((t) => t.className),
  );
  for (const tenant of tenants) tenant.coverCluster(gpuResources, storage);
  checkClusterCapacity(pools, view.parts<TenantNamespace>('tenant', stack));
  if (view.parts('guardrails', stack).length === 0) new TenantGuardrails(stack, 'tenant-guardrails');
}
