/**
 * What the pool constructs (GPU and CPU) share: the check of Slurm's share, and the labels and
 * taints of a listed node (lib/private: never exported from the package index).
 */
import type { Construct } from 'constructs';
import { poolNodeCount, type IssueCollector, type NodeSelection, type TaintSpec } from '../model';
import { FIELD_MANAGER, TAINT_FIELD_MANAGER } from '../model/names';
import { pinAddress } from '../platform/ids';
import { providerClasses } from './provider-classes';

/**
 * The nodes of a pool (GPU or CPU), 0 where its hostlist is bad (its own check reports that), and
 * Slurm's share of them (`slurmNodes`): a whole number from 0 to all of them.
 */
export function checkSlurmShare(
  c: IssueCollector,
  props: { readonly name: string; readonly nodes: NodeSelection; readonly slurmNodes?: number },
  what: 'pool' | 'CPU pool',
): { total: number; slurmNodes: number } {
  const total = (() => {
    try {
      return poolNodeCount(props);
    } catch {
      return 0;
    }
  })();
  const slurmNodes = props.slurmNodes ?? 0;
  if (!Number.isInteger(slurmNodes) || slurmNodes < 0 || slurmNodes > total) {
    c.add(
      'SCHEDULER_NODES_EXCEEDED',
      'props.slurmNodes',
      props.slurmNodes,
      `${what} '${props.name}' has ${total} nodes; Slurm can hold a whole number of them, 0 to ${total}`,
      `set slurmNodes to a whole number from 0 to ${total}`,
    );
  }
  return { total, slurmNodes };
}

/**
 * A listed node's labels and, where it has any, its taints, one resource each, addressed as
 * `<kind>_<pool>_labels_<node>` and `..._taint_<node>`. The taints apply under a field manager of
 * their own and first: on a node that the labels' field manager also tainted before the two had
 * managers of their own, the labels' apply takes that taint away, so the taint's own manager must
 * hold it by then and the node is never without its taint. Labels are a map: `force` takes over
 * only the keys given, never other labels of the node; a taint list is atomic, so `forceTaints`
 * takes over the node's whole list.
 */
export function configureListedNode(
  scope: Construct,
  node: string,
  address: { readonly kind: 'pool' | 'cpu_pool'; readonly pool: string },
  labels: Readonly<Record<string, string>>,
  taints: readonly TaintSpec[],
  forceTaints: boolean,
): void {
  const t =
    taints.length > 0
      ? new providerClasses.NodeTaint(scope, `taint-${node}`, {
          metadata: { name: node },
          taint: taints.map((x) => ({ key: x.key, value: x.value, effect: x.effect })),
          fieldManager: TAINT_FIELD_MANAGER,
          force: forceTaints,
        })
      : undefined;
  if (t) pinAddress(t, address.kind, address.pool, 'taint', node);
  const l = new providerClasses.Labels(scope, `labels-${node}`, {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: node },
    labels: { ...labels },
    fieldManager: FIELD_MANAGER,
    force: true,
    ...(t ? { dependsOn: [t] } : {}),
  });
  pinAddress(l, address.kind, address.pool, 'labels', node);
}
