import type { TerraformElement } from 'cdktf';

/**
 * Pins a resource's Terraform address to stable names (tenant, pool, tier, node), so that moving or
 * renaming the wrapper constructs around it never moves the resource: for a namespace, a moved
 * address is a destroy and a create, and the data in it is gone.
 */
export function pinAddress(element: TerraformElement, ...parts: string[]): void {
  element.overrideLogicalId(parts.map((p) => p.replace(/[^A-Za-z0-9_-]/g, '_')).join('_'));
}

/** The label prefix the library writes on everything it manages. */
export const LABEL_PREFIX = 'ai-factory.eu';
export const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'cdktf-ai-factory' } as const;
/** Server-side apply field manager for node labels and taints. */
export const FIELD_MANAGER = 'cdktf-ai-factory';
