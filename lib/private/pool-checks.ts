/**
 * Checks the pool constructs share (lib/private: never exported from the package index).
 */
import { poolNodeCount, type IssueCollector, type NodeSelection } from '../model';

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
