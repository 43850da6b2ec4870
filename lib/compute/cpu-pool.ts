import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import {
  DEFAULT_CPU_NODE_LABELS,
  expandHostlist,
  IssueCollector,
  parseQuantity,
  type CpuPoolSpec,
} from '../model';
import { POOL_LABEL, SCHEDULER_LABEL } from '../model/names';
import { checkCpuPool } from '../model/validate';
import { pinAddress } from '../platform/ids';
import { checkSlurmShare, configureListedNode } from '../private/pools';
import type { Toleration } from './node-pool';

/**
 * The taint of the CPU nodes Slurm holds: on a GPU node slurmd takes every GPU, so nothing else that
 * needs one fits there, but a CPU node has nothing slurmd could take whole. The taint keeps every
 * pod without its toleration off (the slurmd NodeSet has it; the placement guard refuses it to
 * tenants, `REFUSED_TAINT_PREFIXES`).
 */
export const SLURM_CPU_NODE_TAINT = { key: SCHEDULER_LABEL, value: 'slurm', effect: 'NoSchedule' } as const;

/** The value the CPU lane's label keys take on Slurm's nodes, so that the `cpu-only` flavor never matches them. */
export function slurmHeldValue(laneValue: string): string {
  return laneValue === 'slurm' ? 'slurm-held' : 'slurm';
}

export interface CpuNodePoolProps extends CpuPoolSpec {
  /**
   * Nodes of the pool that the site's Slurm cluster holds: the last ones of a hostlist. They carry
   * `SCHEDULER_LABEL=slurm` and not the CPU lane's labels, so Kueue admits nothing onto them.
   * @default 0
   */
  readonly slurmNodes?: number;
  /**
   * The labels of Kueue's CPU lane (the `cpu-only` ResourceFlavor's `nodeLabels`), which the nodes
   * Kubernetes keeps carry.
   * @default DEFAULT_CPU_NODE_LABELS
   */
  readonly cpuLaneLabels?: Readonly<Record<string, string>>;
  /**
   * Take over the whole taint list of the listed nodes Slurm holds (`kubernetes_node_taint` owns a
   * node's taints), as on a GPU pool.
   * @default false
   */
  readonly forceTaintOwnership?: boolean;
}

/** A CPU pool's props: the profile's checks, and Slurm's share a whole number of its nodes. */
function checkCpuPoolProps(props: CpuNodePoolProps): { total: number; slurmNodes: number } {
  const c = new IssueCollector();
  checkCpuPool(c, props, 'props');
  const share = checkSlurmShare(c, props, 'CPU pool');
  c.throwIfAny(`CpuNodePool '${props.name}'`);
  return share;
}

/**
 * A pool of CPU nodes: counted in the site's inventory, labelled `POOL_LABEL=<name>`, its
 * Kubernetes nodes with the labels of Kueue's CPU lane (where every tenant's work without GPUs is
 * admitted) and, with a Slurm share, its last nodes for Slurm's NodeSet and partition: those are
 * tainted (`SLURM_CPU_NODE_TAINT`), which only the slurmd pods tolerate, and their CPU-lane labels
 * take a value the `cpu-only` flavor does not select. Listed nodes are labelled (and Slurm's
 * tainted) by the library; for label-selected ones the `site_applied_node_config` output says what
 * the site applies.
 *
 * @example
 * ```ts
 * import { App, TerraformStack } from 'cdktf';
 * import { CpuNodePool } from 'cdktf-ai-factory';
 *
 * const platform = new TerraformStack(new App(), 'lab-platform');
 * // 32 listed CPU nodes; Slurm holds the last 8, Kueue's CPU lane the other 24.
 * const cpu = new CpuNodePool(platform, 'cpu', {
 *   name: 'cpu',
 *   nodes: { hostlist: 'cn[001-032]' },
 *   coresPerNode: 112,
 *   memoryPerNode: '480Gi',
 *   slurmNodes: 8,
 * });
 * console.log(cpu.cores); // 3584
 * ```
 */
export class CpuNodePool extends Construct {
  public readonly name: string;
  public readonly spec: CpuPoolSpec;
  public readonly nodeCount: number;
  /** Node names of a listed pool; empty for a label-selected pool. */
  public readonly nodeNames: readonly string[];
  public readonly slurmNodes: number;
  /** `POOL_LABEL=<name>`. */
  public readonly nodeSelector: Readonly<Record<string, string>>;
  /** The nodes Slurm holds: `nodeSelector` plus `SCHEDULER_LABEL=slurm` on a split pool. */
  public readonly slurmSelector: Readonly<Record<string, string>>;
  /** Labels of the nodes Kubernetes keeps: the pool's, the CPU lane's, and the scheduler's on a split pool. */
  public readonly kubernetesLabels: Readonly<Record<string, string>>;
  /**
   * Labels of the nodes Slurm holds: the pool's, `SCHEDULER_LABEL=slurm`, and each CPU-lane key at
   * a value the `cpu-only` flavor does not select (a label put there by hand is overwritten).
   */
  public readonly slurmLabels: Readonly<Record<string, string>>;
  /** The toleration of the taint on Slurm's nodes (`SLURM_CPU_NODE_TAINT`), for the slurmd NodeSet. */
  public readonly slurmToleration: Toleration = {
    key: SLURM_CPU_NODE_TAINT.key,
    operator: 'Equal',
    value: SLURM_CPU_NODE_TAINT.value,
    effect: SLURM_CPU_NODE_TAINT.effect,
  };

  constructor(scope: Construct, id: string, props: CpuNodePoolProps) {
    super(scope, id);
    const { total, slurmNodes } = checkCpuPoolProps(props);
    this.name = props.name;
    this.spec = props;
    this.nodeCount = total;
    this.slurmNodes = slurmNodes;
    const listed = 'hostlist' in props.nodes;
    this.nodeNames = listed ? expandHostlist((props.nodes as { hostlist: string }).hostlist) : [];
    const split = slurmNodes > 0;
    this.nodeSelector = { [POOL_LABEL]: props.name };
    this.slurmSelector = split
      ? { ...this.nodeSelector, [SCHEDULER_LABEL]: 'slurm' }
      : { ...this.nodeSelector };
    const lane = props.cpuLaneLabels ?? DEFAULT_CPU_NODE_LABELS;
    this.kubernetesLabels = {
      ...this.nodeSelector,
      ...lane,
      ...(split ? { [SCHEDULER_LABEL]: 'kubernetes' } : {}),
    };
    this.slurmLabels = {
      ...Object.fromEntries(Object.entries(lane).map(([k, v]) => [k, slurmHeldValue(v)])),
      ...this.slurmSelector,
    };
    const slurmLabels = this.slurmLabels;
    const taint = `${SLURM_CPU_NODE_TAINT.key}=${SLURM_CPU_NODE_TAINT.value}:${SLURM_CPU_NODE_TAINT.effect}`;
    this.addListedNodes(props);
    if (!listed) {
      const out = new TerraformOutput(this, 'site-applied-node-config', {
        description: `Labels the site must apply to the ${total} nodes of CPU pool ${props.name}`,
        value: {
          nodes: { labels: { ...(props.nodes as { labels: Record<string, string> }).labels }, count: total },
          kubernetes: { nodes: total - slurmNodes, labels: this.kubernetesLabels },
          ...(split ? { slurm: { nodes: slurmNodes, labels: slurmLabels, taint } } : {}),
        },
      });
      pinAddress(out, 'cpu_pool', props.name, 'site_applied_node_config');
    }
  }

  /** Labels of each listed node, and the taint of those Slurm holds (the last of the hostlist). */
  private addListedNodes(props: CpuNodePoolProps): void {
    // Slurm holds the last nodes of the hostlist, as on a GPU pool; only those are tainted.
    const firstSlurm = this.nodeNames.length - this.slurmNodes;
    this.nodeNames.forEach((node, i) => {
      const slurm = i >= firstSlurm;
      configureListedNode(
        this,
        node,
        { kind: 'cpu_pool', pool: props.name },
        slurm ? this.slurmLabels : this.kubernetesLabels,
        slurm ? [SLURM_CPU_NODE_TAINT] : [],
        props.forceTaintOwnership ?? false,
      );
    });
  }

  /** Cores of the whole pool. */
  get cores(): number {
    return this.nodeCount * this.spec.coresPerNode;
  }

  /** Memory of the whole pool, in bytes. */
  get memoryBytes(): number {
    return this.nodeCount * parseQuantity(this.spec.memoryPerNode);
  }
}
