import { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import { byName } from '../model';
import { DEVICE_PLUGIN_CONFIG_MAP, MIG_PARTED_CONFIG_MAP, WHOLE_GPUS_CONFIG } from '../model/names';
import { CHARTS } from '../platform/charts';
import { SystemNamespace } from '../platform/namespace';
import { PinnedRelease } from '../platform/release';
import type { GpuNodePool, Toleration } from './node-pool';

/** The tolerations of a set of pools, deduplicated and sorted, so pool order never shows. */
export function poolTolerations(pools: readonly GpuNodePool[]): Toleration[] {
  const byKey = new Map<string, Toleration>();
  for (const p of pools) {
    const t = p.toleration;
    byKey.set(`${t.key}=${t.value}:${t.effect}`, t);
  }
  return [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, t]) => t);
}

export interface NvidiaGpuOperatorProps {
  /** The NVIDIA pools the operator serves; their MIG layouts and time-slicing configure it. */
  readonly pools: readonly GpuNodePool[];
  /**
   * `host`: drivers come with the node image (usual at HPC sites); `operator`: the operator builds
   * and loads them.
   * @default 'host'
   */
  readonly driver?: 'host' | 'operator';
  /**
   * Pools of another vendor (AMD) whose nodes the operator's Node Feature Discovery labels too, so
   * that a cluster with both vendors runs one NFD: its worker then tolerates their taints, and the
   * AMD operator is given `nodeFeatureDiscovery` to use it instead of its own.
   * @default - NFD on the NVIDIA pools' nodes (and untainted ones) only
   */
  readonly featureDiscoveryFor?: readonly GpuNodePool[];
}

/**
 * Tolerations of NFD's worker where one NFD serves both vendors: the NVIDIA chart's own (the
 * control plane and `nvidia.com/gpu`), the AMD chart's (`amd-dcm`, `amd-gpu-unhealthy`, which its
 * node problem handling sets), and every pool's taint.
 */
function sharedNfdTolerations(pools: readonly GpuNodePool[]): Toleration[] {
  return [
    { key: 'node-role.kubernetes.io/control-plane', operator: 'Equal', value: '', effect: 'NoSchedule' },
    { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
    ...AMD_OWN_TOLERATIONS,
    ...poolTolerations(pools),
  ];
}

/** The tolerations the AMD chart gives NFD's worker by default (values.yaml). */
const AMD_OWN_TOLERATIONS: readonly Toleration[] = [
  { key: 'amd-dcm', operator: 'Equal', value: 'up', effect: 'NoExecute' },
  { key: 'amd-gpu-unhealthy', operator: 'Exists', effect: 'NoSchedule' },
];

/**
 * The NVIDIA GPU Operator (chart `gpu-operator`), set up for a multi-tenant site:
 *
 * - the device plugin passes GPUs to containers as volume mounts, and the container toolkit ignores
 *   `NVIDIA_VISIBLE_DEVICES` from unprivileged containers, so a pod that sets
 *   `NVIDIA_VISIBLE_DEVICES=all` sees only the GPUs it was allocated
 *   (https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/docker-specialized.html);
 * - MIG manager gets one named layout per MIG pool (`aif-<pool>`), selected per node by the
 *   `nvidia.com/mig.config` label, under the `mixed` strategy so each profile is its own resource;
 * - time-sliced pools get a device-plugin configuration selected by `nvidia.com/device-plugin.config`;
 * - operand daemonsets tolerate every pool's taint.
 *
 * @example
 * ```ts
 * import { App, TerraformStack } from 'cdktf';
 * import { GpuNodePool, NvidiaGpuOperator } from 'cdktf-ai-factory';
 *
 * const platform = new TerraformStack(new App(), 'lab-platform');
 * const pool = new GpuNodePool(platform, 'h100', {
 *   name: 'h100',
 *   accelerator: 'nvidia-h100-80gb',
 *   gpusPerNode: 8,
 *   nodes: { hostlist: 'gpu[01-04]' },
 * });
 * // Drivers come with the node image; the operator adds the device plugin, toolkit and MIG manager.
 * new NvidiaGpuOperator(platform, 'gpu-operator', { pools: [pool], driver: 'host' });
 * ```
 */
export class NvidiaGpuOperator extends Construct {
  public readonly namespace: SystemNamespace;
  public readonly release: PinnedRelease;
  /** `mixed` when any pool uses MIG, else `single`. */
  public readonly migStrategy: 'single' | 'mixed';

  constructor(scope: Construct, id: string, props: NvidiaGpuOperatorProps) {
    super(scope, id);
    const pools = byName(props.pools);
    const wrongVendor = pools.filter((p) => p.vendor !== 'nvidia').map((p) => p.name);
    if (wrongVendor.length > 0) {
      throw new Error(
        `NvidiaGpuOperator: pools ${wrongVendor.join(', ')} are not NVIDIA pools; pass them to AmdGpuOperator`,
      );
    }
    const migPools = pools.filter((p) => p.migConfigName);
    const slicedPools = pools.filter((p) => p.devicePluginConfigName);
    this.migStrategy = migPools.length > 0 ? 'mixed' : 'single';

    this.namespace = new SystemNamespace(this, 'namespace', { name: CHARTS.nvidiaGpuOperator.namespace });

    const values: Record<string, unknown> = {
      driver: { enabled: (props.driver ?? 'host') === 'operator' },
      toolkit: {
        env: [
          { name: 'ACCEPT_NVIDIA_VISIBLE_DEVICES_ENVVAR_WHEN_UNPRIVILEGED', value: 'false' },
          { name: 'ACCEPT_NVIDIA_VISIBLE_DEVICES_AS_VOLUME_MOUNTS', value: 'true' },
        ],
      },
      devicePlugin: {
        env: [{ name: 'DEVICE_LIST_STRATEGY', value: 'volume-mounts' }],
        ...(slicedPools.length > 0 ? { config: this.devicePluginConfig(slicedPools) } : {}),
      },
      mig: { strategy: this.migStrategy },
      migManager: {
        enabled: migPools.length > 0,
        ...(migPools.length > 0 ? { config: this.migManagerConfig(migPools) } : {}),
      },
      daemonsets: { tolerations: poolTolerations(pools) },
    };
    const others = props.featureDiscoveryFor ?? [];
    if (others.length > 0) {
      values['node-feature-discovery'] = {
        worker: { tolerations: sharedNfdTolerations([...pools, ...others]) },
      };
    }

    this.release = new PinnedRelease(this, 'release', {
      chart: CHARTS.nvidiaGpuOperator,
      values,
      timeoutSeconds: 900,
      dependsOn: [this.namespace.namespace],
    });
  }

  /** mig-parted configuration: `all-disabled` for unlabelled nodes, and one layout per MIG pool. */
  private migManagerConfig(pools: readonly GpuNodePool[]): Record<string, unknown> {
    const configs: Record<string, unknown> = {
      'all-disabled': [{ devices: 'all', 'mig-enabled': false }],
    };
    for (const p of pools) {
      const profiles = p.spec.mig?.profiles ?? {};
      configs[p.migConfigName as string] = [
        {
          devices: 'all',
          'mig-enabled': true,
          'mig-devices': Object.fromEntries(
            Object.keys(profiles)
              .sort()
              .map((k) => [k, profiles[k]]),
          ),
        },
      ];
    }
    return {
      create: true,
      name: MIG_PARTED_CONFIG_MAP,
      default: 'all-disabled',
      // JSON is YAML; mig-parted parses this key as its config file.
      data: { 'config.yaml': JSON.stringify({ version: 'v1', 'mig-configs': configs }, null, 2) },
    };
  }

  /** Device-plugin configurations: whole GPUs by default, time-slicing for the sliced pools. */
  private devicePluginConfig(pools: readonly GpuNodePool[]): Record<string, unknown> {
    const data: Record<string, string> = {
      [WHOLE_GPUS_CONFIG]: JSON.stringify(
        { version: 'v1', flags: { migStrategy: this.migStrategy } },
        null,
        2,
      ),
    };
    for (const p of pools) {
      data[p.devicePluginConfigName as string] = JSON.stringify(
        {
          version: 'v1',
          flags: { migStrategy: this.migStrategy },
          sharing: {
            timeSlicing: {
              // A pod asking for 2 replicas would get 2 slices of one GPU, not 2 GPUs: refuse it.
              failRequestsGreaterThanOne: true,
              resources: [{ name: 'nvidia.com/gpu', replicas: p.spec.timeSlicingReplicas }],
            },
          },
        },
        null,
        2,
      );
    }
    return { create: true, name: DEVICE_PLUGIN_CONFIG_MAP, default: WHOLE_GPUS_CONFIG, data };
  }
}

export interface CertManagerProps {
  /** @default - no explicit dependencies */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * cert-manager (chart `cert-manager`, CRDs installed by the chart), for operators that need it.
 *
 * @example
 * ```ts
 * import { App, TerraformStack } from 'cdktf';
 * import { CertManager, SlurmOperator } from 'cdktf-ai-factory';
 *
 * const platform = new TerraformStack(new App(), 'lab-platform');
 * // One per cluster; the components that need certificates take it as a prop.
 * const certManager = new CertManager(platform, 'cert-manager');
 * new SlurmOperator(platform, 'slurm-operator', { certManager });
 * ```
 */
export class CertManager extends Construct {
  public readonly namespace: SystemNamespace;
  public readonly release: PinnedRelease;

  constructor(scope: Construct, id: string, props: CertManagerProps = {}) {
    super(scope, id);
    // cert-manager's pods meet the restricted profile; nothing here needs host access.
    this.namespace = new SystemNamespace(this, 'namespace', {
      name: CHARTS.certManager.namespace,
      podSecurity: 'restricted',
      // The chart's webhook.securePort. The controller talks to the API server only; a site with
      // ACME issuers adds an egress policy to its ACME server.
      network: { webhookPorts: [10250] },
    });
    this.release = new PinnedRelease(this, 'release', {
      chart: CHARTS.certManager,
      values: { crds: { enabled: true } },
      dependsOn: [this.namespace.namespace, ...(props.dependsOn ?? [])],
    });
  }
}

export interface AmdGpuOperatorProps {
  /** The AMD pools the operator serves. */
  readonly pools: readonly GpuNodePool[];
  /** cert-manager, which the operator's webhooks need. */
  readonly certManager: CertManager;
  /** @default 'host' */
  readonly driver?: 'host' | 'operator';
  /**
   * The cluster's Node Feature Discovery, run by the NVIDIA operator (given these pools in its
   * `featureDiscoveryFor`): the AMD chart's own NFD is then switched off, and its NodeFeatureRule
   * (which labels AMD nodes `feature.node.kubernetes.io/amd-gpu=true`) waits for that NFD's CRDs.
   * @default - the AMD chart runs an NFD of its own
   */
  readonly nodeFeatureDiscovery?: NvidiaGpuOperator;
}

/**
 * The AMD GPU Operator (chart `gpu-operator-charts`): device plugin, node labeller and metrics
 * exporter on AMD nodes, tolerating every AMD pool's taint. Needs cert-manager.
 * https://instinct.docs.amd.com/projects/gpu-operator/en/latest/
 *
 * @example
 * ```ts
 * import { App, TerraformStack } from 'cdktf';
 * import { AmdGpuOperator, CertManager, GpuNodePool } from 'cdktf-ai-factory';
 *
 * const platform = new TerraformStack(new App(), 'lab-platform');
 * // A LUMI-G-like node: 4 MI250X, each 2 GCDs, so 8 schedulable GPUs.
 * const pool = new GpuNodePool(platform, 'lumi-g', {
 *   name: 'lumi-g',
 *   accelerator: 'amd-mi250x',
 *   gpusPerNode: 8,
 *   nodes: { labels: { 'example.org/partition': 'lumi-g' }, count: 16 },
 * });
 * const certManager = new CertManager(platform, 'cert-manager');
 * new AmdGpuOperator(platform, 'amd-gpu-operator', { pools: [pool], certManager });
 * ```
 */
export class AmdGpuOperator extends Construct {
  public readonly namespace: SystemNamespace;
  public readonly release: PinnedRelease;

  constructor(scope: Construct, id: string, props: AmdGpuOperatorProps) {
    super(scope, id);
    const pools = byName(props.pools);
    const wrongVendor = pools.filter((p) => p.vendor !== 'amd').map((p) => p.name);
    if (wrongVendor.length > 0) {
      throw new Error(
        `AmdGpuOperator: pools ${wrongVendor.join(', ')} are not AMD pools; pass them to NvidiaGpuOperator`,
      );
    }
    const tolerations = poolTolerations(pools);
    // The chart's Kernel Module Management sub-chart serves its webhooks on controller-runtime's
    // default port, 9443.
    this.namespace = new SystemNamespace(this, 'namespace', {
      name: CHARTS.amdGpuOperator.namespace,
      network: { webhookPorts: [9443] },
    });
    this.release = new PinnedRelease(this, 'release', {
      chart: CHARTS.amdGpuOperator,
      values: {
        'node-feature-discovery': props.nodeFeatureDiscovery
          ? { enabled: false }
          : {
              // The chart's own tolerations, plus the pools' taints: NFD must label tainted GPU nodes.
              worker: { tolerations: [...AMD_OWN_TOLERATIONS, ...tolerations] },
            },
        deviceConfig: {
          spec: {
            driver: { enable: (props.driver ?? 'host') === 'operator' },
            devicePlugin: {
              devicePluginTolerations: tolerations,
              nodeLabellerTolerations: tolerations,
            },
            metricsExporter: { tolerations },
          },
        },
      },
      timeoutSeconds: 900,
      dependsOn: [
        this.namespace.namespace,
        props.certManager.release.release,
        ...(props.nodeFeatureDiscovery ? [props.nodeFeatureDiscovery.release.release] : []),
      ],
    });
  }
}
