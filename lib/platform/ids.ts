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

// The library's names in the cluster are declared once, for the constructs and lib/review, in
// lib/model/names.ts; exported from here as before (lib/index.ts lists the public ones).
export {
  FIELD_MANAGER,
  LABEL_PREFIX,
  MANAGED_BY,
  NODE_LABEL_PREFIX,
  TAINT_FIELD_MANAGER,
} from '../model/names';
