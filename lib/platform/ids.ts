import { TerraformStack, type TerraformElement } from 'cdktf';
import { ValidationError } from '../model/errors';

/** The resource name (the part after `<type>.`) that `pinAddress` gives for these parts. */
export function addressId(...parts: string[]): string {
  return parts.map((p) => p.replace(/[^A-Za-z0-9_-]/g, '_')).join('_');
}

/** Pinned addresses per stack, so that two constructs can never silently merge into one resource. */
const pinned = new WeakMap<TerraformStack, Map<string, string>>();

/**
 * Pins a resource's Terraform address to stable names (tenant, pool, tier, node), so that moving or
 * renaming the wrapper constructs around it never moves the resource: for a namespace, a moved
 * address is a destroy and a create, and the data in it is gone.
 */
export function pinAddress(element: TerraformElement, ...parts: string[]): void {
  const id = addressId(...parts);
  const stack = TerraformStack.of(element);
  const type = (element as { terraformResourceType?: string }).terraformResourceType ?? 'output';
  const address = `${type}.${id}`;
  const seen = pinned.get(stack) ?? new Map<string, string>();
  pinned.set(stack, seen);
  const other = seen.get(address);
  if (other !== undefined && other !== element.node.path) {
    throw new ValidationError(`stack '${stack.node.id}'`, [
      {
        code: 'NAME_DUPLICATE',
        path: element.node.path,
        received: address,
        message: `would take the Terraform address ${address}, which ${other} already has; the two would merge into one resource`,
        fix: 'give every tenant, pool, tier and node its own name within a stack',
      },
    ]);
  }
  seen.set(address, element.node.path);
  element.overrideLogicalId(id);
}

/** The label prefix the library writes on everything it manages. */
export const LABEL_PREFIX = 'ai-factory.eu';
/** Prefix of the node labels the library places work by (defined with the model, which validates them). */
export { NODE_LABEL_PREFIX } from '../model/scheduling';
export const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'cdktf-ai-factory' } as const;
/** Server-side apply field manager for node labels. */
export const FIELD_MANAGER = 'cdktf-ai-factory';
/**
 * Server-side apply field manager for node taints: not the labels' one. Each of the provider's
 * `kubernetes_labels` and `kubernetes_node_taint` sends an apply with only its own fields, and an
 * apply takes away what the same manager applied before and left out: under one manager the taint
 * removed the pool labels and the labels removed the taint, at every apply (found by the e2e suite:
 * the plan after an apply was never empty).
 */
export const TAINT_FIELD_MANAGER = 'cdktf-ai-factory-taints';
