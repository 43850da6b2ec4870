import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import {
  accelerator,
  checkBounds,
  checkPool,
  expandHostlist,
  IssueCollector,
  poolNodeCount,
  poolOffers,
  type AcceleratorModel,
  type NodePoolSpec,
  type PoolOffer,
  type TaintSpec,
  acceleratorCatalog,
} from '../model';
import { checkSlurmShare, configureListedNode } from '../private/pools';
import {
  ACCELERATOR_LABEL,
  INTERCONNECT_LABEL,
  POOL_LABEL,
  poolConfigName,
  SCHEDULER_LABEL,
} from '../model/names';
import { pinAddress } from '../platform/ids';

export interface GpuNodePoolProps extends NodePoolSpec {
  /**
   * Taints the site itself wants on listed nodes besides the pool taint. A `kubernetes_node_taint`
   * owns a node's whole taint list (taints are an atomic list under server-side apply), so any
   * taint that must stay on a listed node has to be declared here.
   * @default - none
   */
  readonly additionalTaints?: readonly TaintSpec[];
  /**
   * Take over listed nodes' taint lists even where another manager set taints first (the
   * provider's `force`). Off by default: the first apply then fails with a conflict that names the
   * node, instead of silently dropping taints some other tool relies on.
   * @default false
   */
  readonly forceTaintOwnership?: boolean;
  /**
   * Nodes of the pool that the site's Slurm cluster holds (one slurmd pod each, taking all their
   * GPUs). With a Slurm share, the pool's nodes carry `SCHEDULER_LABEL=slurm` or `=kubernetes`,
   * and `slurmSelector` / `kubernetesSelector` keep the two schedulers on their own nodes: Kueue pods
   * spread over every node would otherwise leave slurmd pods Pending for good. A listed pool labels
   * the LAST `slurmNodes` nodes of its hostlist (in hostlist order) for Slurm and the others for
   * Kubernetes; a label-selected pool says in its `site_applied_node_config` output how many nodes
   * the site must label with each value.
   * @default 0 - no Slurm share: the pool belongs to Kubernetes whole and carries no scheduler label
   */
  readonly slurmNodes?: number;
}

// The node labels the library places work by (declared with its other names in the cluster).
export {
  ACCELERATOR_LABEL,
  INTERCONNECT_LABEL,
  NODE_LABELS,
  POOL_LABEL,
  SCHEDULER_LABEL,
} from '../model/names';

/** A toleration as the Kubernetes API spells it. */
export interface Toleration {
  readonly key: string;
  readonly operator: 'Equal' | 'Exists';
  readonly value?: string;
  readonly effect: string;
}

/**
 * A pool's props against the checks of a profile's pool, with the construct's own: Slurm's share is
 * a whole number of the pool's nodes. Returns that share.
 */
function checkPoolProps(props: GpuNodePoolProps): number {
  const c = new IssueCollector();
  // Any model the app knows: the catalog's, those registered in code, and those the site's
  // profile declared (validated before its pools are built).
  checkPool(c, props, 'props', acceleratorCatalog());
  checkBounds(c, 'pool', props, 'props');
  const { slurmNodes } = checkSlurmShare(c, props, 'pool');
  c.throwIfAny(`GpuNodePool '${props.name}'`);
  return slurmNodes;
}

/**
 * A named pool of identical GPU nodes. Everything that places work on the pool (quota resource
 * names, node selectors, tolerations, MIG and device-plugin configuration names, later Kueue
 * flavors and Slurm NodeSets) is derived from this object.
 *
 * Nodes are found either by labels the site applies, or by an explicit hostlist; listed nodes are
 * labelled (`kubernetes_labels`) and tainted (`kubernetes_node_taint`) by the library, one resource
 * each per node, addressed by node name. Work is placed by `POOL_LABEL` either way: the site's own
 * labels of a label-selected pool only say which nodes the site must give the pool's labels to,
 * because a kubelet may rewrite them.
 *
 * @example
 * ```ts
 * import { App, TerraformStack } from 'cdktf';
 * import { GpuNodePool } from 'cdktf-ai-factory';
 *
 * const platform = new TerraformStack(new App(), 'lab-platform');
 * // 16 listed nodes of 4 A100 64 GB each: the library labels and taints them.
 * const booster = new GpuNodePool(platform, 'booster', {
 *   name: 'booster',
 *   accelerator: 'nvidia-a100-64gb',
 *   gpusPerNode: 4,
 *   nodes: { hostlist: 'lrdn[0001-0016]' },
 * });
 * // 8 nodes the site labels itself, each GPU cut into MIG instances.
 * new GpuNodePool(platform, 'mig', {
 *   name: 'mig',
 *   accelerator: 'nvidia-a100-40gb',
 *   gpusPerNode: 8,
 *   nodes: { labels: { 'example.org/partition': 'mig' }, count: 8 },
 *   mig: { profiles: { '3g.20gb': 1, '1g.5gb': 4 } },
 * });
 * console.log(booster.accelerator.displayName);
 * ```
 */
export class GpuNodePool extends Construct {
  public readonly name: string;
  public readonly spec: NodePoolSpec;
  public readonly accelerator: AcceleratorModel;
  public readonly gpusPerNode: number;
  public readonly nodeCount: number;
  /** Node names of a listed pool; empty for a label-selected pool. */
  public readonly nodeNames: readonly string[];
  /** The taint that keeps other pods off the pool. */
  public readonly taint: TaintSpec;
  /**
   * Labels that select exactly this pool's nodes: `POOL_LABEL=<name>`, which no kubelet can set on its
   * own Node, for listed and label-selected pools alike.
   */
  public readonly nodeSelector: Readonly<Record<string, string>>;
  /** Labels the library applies to listed nodes (or the site must apply to labelled ones). */
  public readonly managedLabels: Readonly<Record<string, string>>;
  /** Nodes the site's Slurm cluster holds (`props.slurmNodes`). */
  public readonly slurmNodes: number;
  /**
   * Labels that select the pool's nodes Kubernetes workloads may use: `nodeSelector`, plus
   * `SCHEDULER_LABEL=kubernetes` where Slurm holds part of the pool. Kueue's ResourceFlavor
   * uses it.
   */
  public readonly kubernetesSelector: Readonly<Record<string, string>>;
  /**
   * Labels that select the pool's nodes Slurm holds: `nodeSelector`, plus
   * `SCHEDULER_LABEL=slurm` where Slurm holds part of the pool. The Slurm NodeSet uses it.
   * On a pool without a Slurm share it is `nodeSelector` (nothing is split).
   */
  public readonly slurmSelector: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: GpuNodePoolProps) {
    super(scope, id);
    const slurmNodes = checkPoolProps(props);

    this.name = props.name;
    this.spec = props;
    this.accelerator = accelerator(props.accelerator);
    this.gpusPerNode = props.gpusPerNode;
    this.nodeCount = poolNodeCount(props);
    this.taint = props.taint ?? {
      key: this.accelerator.resourceName,
      value: 'present',
      effect: 'NoSchedule',
    };

    const listed = 'hostlist' in props.nodes;
    this.nodeNames = listed ? expandHostlist((props.nodes as { hostlist: string }).hostlist) : [];
    // A label-selected pool is selected by the pool label too, never by the site's own labels (which
    // the node's kubelet may set): the site gives its nodes the pool's labels.
    const poolLabel = { [POOL_LABEL]: props.name };
    this.nodeSelector = poolLabel;

    const labels: Record<string, string> = {
      ...poolLabel,
      [ACCELERATOR_LABEL]: this.accelerator.id,
    };
    if (props.interconnect) labels[INTERCONNECT_LABEL] = props.interconnect.fabric;
    // The GPU operator's MIG manager and device plugin pick their per-node configuration by these.
    if (this.migConfigName) labels['nvidia.com/mig.config'] = this.migConfigName;
    if (this.devicePluginConfigName) labels['nvidia.com/device-plugin.config'] = this.devicePluginConfigName;
    this.managedLabels = labels;
    this.slurmNodes = slurmNodes;
    const split = slurmNodes > 0;
    this.kubernetesSelector = split
      ? { ...this.nodeSelector, [SCHEDULER_LABEL]: 'kubernetes' }
      : { ...this.nodeSelector };
    this.slurmSelector = split
      ? { ...this.nodeSelector, [SCHEDULER_LABEL]: 'slurm' }
      : { ...this.nodeSelector };
    if (listed) this.addListedNodes(props, labels);
    else this.addSiteAppliedConfig(props, labels);
  }

  /**
   * Labels and taints of each listed node, one resource each, addressed by node name. Slurm holds the
   * last nodes of the hostlist, so adding nodes at its end moves none of the others.
   */
  private addListedNodes(props: GpuNodePoolProps, labels: Readonly<Record<string, string>>): void {
    const split = this.slurmNodes > 0;
    const firstSlurm = this.nodeNames.length - this.slurmNodes;
    const taints = [this.taint, ...(props.additionalTaints ?? [])];
    this.nodeNames.forEach((node, i) => {
      const scheduler: Record<string, string> = split
        ? { [SCHEDULER_LABEL]: i >= firstSlurm ? 'slurm' : 'kubernetes' }
        : {};
      configureListedNode(
        this,
        node,
        { kind: 'pool', pool: props.name },
        { ...labels, ...scheduler },
        taints,
        props.forceTaintOwnership ?? false,
      );
    });
  }

  /** What the site must apply to the nodes of a label-selected pool, as an output. */
  private addSiteAppliedConfig(props: GpuNodePoolProps, labels: Readonly<Record<string, string>>): void {
    const split = this.slurmNodes > 0;
    const slurmNodes = this.slurmNodes;
    // The site labels and taints these nodes itself; say exactly what it must apply.
    const out = new TerraformOutput(this, 'site-applied-node-config', {
      description: `Labels and taint the site must apply to the ${this.nodeCount} nodes of pool ${props.name}`,
      value: {
        // Which nodes to label: the site's own labels (kubectl label nodes -l <these> ...).
        nodes: {
          labels: { ...(props.nodes as { labels: Record<string, string> }).labels },
          count: this.nodeCount,
        },
        selector: this.nodeSelector,
        labels,
        taint: `${this.taint.key}=${this.taint.value}:${this.taint.effect}`,
        // Which scheduler each node belongs to: the site picks the nodes, the counts must match.
        ...(split
          ? {
              schedulerLabel: {
                key: SCHEDULER_LABEL,
                nodes: { kubernetes: this.nodeCount - slurmNodes, slurm: slurmNodes },
              },
            }
          : {}),
      },
    });
    pinAddress(out, 'pool', props.name, 'site_applied_node_config');
  }

  get vendor(): 'nvidia' | 'amd' {
    return this.accelerator.vendor;
  }

  /** GPUs in the pool (physical devices as Kubernetes counts them). */
  get gpuCount(): number {
    return this.nodeCount * this.gpusPerNode;
  }

  /** What the pool offers per extended resource (MIG instances, time-sliced replicas, GPUs). */
  get offers(): PoolOffer[] {
    return poolOffers(this.spec);
  }

  /** Name of the pool's MIG layout in the MIG manager's configuration, if the pool uses MIG. */
  get migConfigName(): string | undefined {
    return this.spec.mig ? poolConfigName(this.name) : undefined;
  }

  /** Name of the pool's device-plugin configuration, if the pool is time-sliced. */
  get devicePluginConfigName(): string | undefined {
    return this.spec.timeSlicingReplicas ? poolConfigName(this.name) : undefined;
  }

  /** The toleration a workload needs to land on the pool. */
  get toleration(): Toleration {
    return { key: this.taint.key, operator: 'Equal', value: this.taint.value, effect: this.taint.effect };
  }
}
