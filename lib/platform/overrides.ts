import { TerraformElement, TerraformStack, type TerraformResource } from 'cdktf';
import { Construct } from 'constructs';

/**
 * cdktf lists, in the stack's `//` metadata, the override paths of every resource that has any
 * (`overrides: { kubernetes_resource_quota_v1: ['spec', 'spec', ...] }`). It builds that list by
 * merging each resource's entry into it, copying the whole list each time: quadratic in the number
 * of resources with an override (0.19 s at 10,000, 30 s at 30,000; docs/performance.md). A ledger
 * per stack reports the same entries in one list instead, so the output is unchanged.
 */
class OverrideLedger extends TerraformElement {
  private readonly resources: TerraformResource[] = [];

  constructor(scope: Construct, id: string) {
    super(scope, id);
  }

  public record(resource: TerraformResource): void {
    if (this.resources.includes(resource)) return;
    this.resources.push(resource);
    const own = resource.toMetadata.bind(resource);
    // The resource still reports imports and moves itself; only its override paths move here.
    resource.toMetadata = () => {
      const rest = { ...(own() as Record<string, unknown>) };
      delete rest.overrides;
      return rest;
    };
  }

  public override toMetadata(): Record<string, unknown> {
    const byType = new Map<string, string[]>();
    for (const r of this.resources) {
      const paths = Object.keys((r as unknown as { rawOverrides: Record<string, unknown> }).rawOverrides);
      if (paths.length === 0) continue;
      const list = byType.get(r.terraformResourceType) ?? [];
      for (const p of paths) list.push(p);
      byType.set(r.terraformResourceType, list);
    }
    return byType.size > 0 ? { overrides: Object.fromEntries(byType) } : {};
  }
}

const ledgers = new WeakMap<TerraformStack, OverrideLedger>();

/**
 * `resource.addOverride(path, value)`, with the override reported in the stack's metadata through
 * one ledger per stack (see OverrideLedger), so that many resources with overrides cost linear time.
 */
export function addRecordedOverride(resource: TerraformResource, path: string, value: unknown): void {
  const stack = TerraformStack.of(resource);
  let ledger = ledgers.get(stack);
  if (!ledger) {
    ledger = new OverrideLedger(stack, 'aif-override-ledger');
    ledgers.set(stack, ledger);
  }
  ledger.record(resource);
  resource.addOverride(path, value);
}
