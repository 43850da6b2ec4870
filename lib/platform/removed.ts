import { Lazy, type TerraformStack } from 'cdktf';

/** Resources to take out of a stack's state, per stack, by address. */
const removals = new WeakMap<TerraformStack, Map<string, boolean>>();

/**
 * Terraform `removed` blocks (Terraform 1.7 or later): each resource leaves the stack's state, and
 * with `destroy: false` stays where it is in the cluster. cdktf 0.21 has no construct for them, so
 * they go into the stack's top-level `removed` list, written once per stack and filled lazily (one
 * override however many resources are added).
 * https://developer.hashicorp.com/terraform/language/resources/syntax#removing-resources
 */
export function removeFromState(
  stack: TerraformStack,
  resources: ReadonlyArray<{ readonly type: string; readonly name: string }>,
  destroy = false,
): void {
  let entries = removals.get(stack);
  if (!entries) {
    const created = new Map<string, boolean>();
    removals.set(stack, created);
    entries = created;
    stack.addOverride(
      'removed',
      Lazy.anyValue({
        produce: () =>
          [...created.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([from, d]) => ({ from, lifecycle: { destroy: d } })),
      }),
    );
  }
  for (const r of resources) entries.set(`${r.type}.${r.name}`, destroy);
}
