import type { TerraformStack } from 'cdktf';
import type { GpuNodePool } from '../compute/node-pool';
import { siteGpuResources, tenantStorageQuota } from '../model';
import type { ClusterView } from '../platform/cluster';
import type { StorageTier } from '../storage/storage-tier';
import { TenantGuardrails } from './guardrails';
import type { TenantNamespace } from './tenant-namespace';

/**
 * What the tenants of a stack learn from their cluster when the stack is synthesized (see
 * lib/platform/cluster.ts): a quota of zero on every GPU resource and storage class of the cluster
 * that their props did not name, and the tenant guard rails, created in this stack when nobody
 * added them to the cluster (`TenantGuardrails`, once per cluster; an `AiFactorySite` always has
 * its own).
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
  if (view.parts('guardrails', stack).length === 0) new TenantGuardrails(stack, 'tenant-guardrails');
}
