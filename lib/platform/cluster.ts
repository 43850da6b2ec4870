import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { Aspects, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';

/**
 * What a cluster is made of, as constructs register themselves: a tenant finds its site's pools,
 * storage tiers and guard rails here instead of in props someone may forget (DESIGN.md, "A construct
 * finds what it needs in its scope").
 *
 * One registry per App. Constructs of one App belong to one cluster when their stacks' kubernetes
 * providers name the same kubeconfig file, context and host (an `AiFactorySite` configures both of
 * its stacks from one profile; an App holding several sites keeps them apart by their contexts).
 * Stacks without a kubernetes provider count as one cluster of their own. Membership is read at
 * synthesis, so a pool added after a tenant in code order, or in another stack, still counts.
 */
export type ClusterPart = 'pool' | 'tier' | 'guardrails' | 'tenant';

const registries = new WeakMap<IConstruct, Map<ClusterPart, IConstruct[]>>();

/** Registers a construct as a part of its cluster. */
export function registerClusterPart(part: ClusterPart, construct: IConstruct): void {
  const root = construct.node.root;
  let parts = registries.get(root);
  if (!parts) {
    parts = new Map();
    registries.set(root, parts);
  }
  const list = parts.get(part) ?? [];
  list.push(construct);
  parts.set(part, list);
}

/** The cluster a stack deploys to, as a comparable key (see the module comment). */
function clusterKey(stack: TerraformStack): string {
  const provider = stack.node.children.find((c): c is KubernetesProvider => c instanceof KubernetesProvider);
  if (!provider) return '';
  return JSON.stringify([provider.configPath ?? '', provider.configContext ?? '', provider.host ?? '']);
}

/** The parts of the clusters of an App, read once for one synthesis of one stack. */
export class ClusterView {
  private readonly keys = new Map<TerraformStack, string>();

  constructor(private readonly root: IConstruct) {}

  /** The key of a construct's cluster. */
  public keyOf(construct: IConstruct): string {
    const stack = TerraformStack.of(construct);
    let key = this.keys.get(stack);
    if (key === undefined) {
      key = clusterKey(stack);
      this.keys.set(stack, key);
    }
    return key;
  }

  /** The registered parts of one kind in the cluster of `of`, in registration order. */
  public parts<T extends IConstruct>(part: ClusterPart, of: IConstruct): T[] {
    const key = this.keyOf(of);
    const all = registries.get(this.root)?.get(part) ?? [];
    return all.filter((c) => this.keyOf(c) === key) as T[];
  }

  /** The registered parts of one kind in one stack. */
  public inStack<T extends IConstruct>(part: ClusterPart, stack: TerraformStack): T[] {
    return (registries.get(this.root)?.get(part) ?? []).filter((c) => TerraformStack.of(c) === stack) as T[];
  }
}

type Completion = (stack: TerraformStack, view: ClusterView) => void;
const prepared = new WeakMap<TerraformStack, Set<Completion>>();

/**
 * Runs `complete` once per synthesis of the stack that holds `construct`, before the stack is
 * rendered, with a view of the App's clusters as they stand then (everything is constructed).
 */
export function onStackSynthesis(construct: IConstruct, complete: Completion): void {
  const stack = TerraformStack.of(construct);
  const done = prepared.get(stack) ?? new Set<Completion>();
  if (done.has(complete)) return;
  done.add(complete);
  prepared.set(stack, done);
  Aspects.of(stack).add({
    visit(node: IConstruct) {
      if (node === stack) complete(stack, new ClusterView(stack.node.root));
    },
  });
}
