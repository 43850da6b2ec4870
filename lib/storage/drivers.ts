/**
 * CSI drivers the library installs: csi-driver-nfs, Rook-Ceph (operator and cluster) and TopoLVM.
 * One release per driver, whatever number of tiers use it; the tiers' StorageClasses are created by
 * `StorageTier`, never by the charts, so every class is in code with its reclaim policy and quota
 * name. Drivers without a public chart (DDN EXAScaler, IBM Storage Scale) are installed by the site.
 *
 * Every Helm value set here is a key of the chart's default values: Helm ignores unknown keys
 * silently, and `aif verify` checks them against the pinned chart's values.yaml.
 */
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { CHARTS } from '../platform/charts';
import { SystemNamespace } from '../platform/namespace';
import { PinnedRelease } from '../platform/release';
import { PROVISIONERS } from '../model';

/** A toleration as the Kubernetes API spells it. */
export interface NodeToleration {
  readonly key: string;
  readonly operator: 'Equal' | 'Exists';
  readonly value?: string;
  readonly effect: string;
}

/** Anything that installs cert-manager (e.g. `CertManager` of lib/compute): its release is waited for. */
export interface CertManagerDependency {
  readonly release: PinnedRelease;
}

/** The driver a tier's StorageClass depends on. */
export interface InstalledDriver {
  /** The release(s) a StorageClass waits for. */
  readonly dependables: readonly ITerraformDependable[];
}

export interface NfsCsiDriverProps {
  /** @default - no explicit dependencies */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * csi-driver-nfs (`nfs.csi.k8s.io`), in its own privileged namespace (the node plugin mounts on the
 * host). Inline CSI volumes stay off: with them any pod could mount any NFS server it can reach,
 * bypassing StorageClasses and quotas.
 * https://github.com/kubernetes-csi/csi-driver-nfs/tree/master/charts
 */
export class NfsCsiDriver extends Construct implements InstalledDriver {
  public readonly provisioner = PROVISIONERS.nfs;
  public readonly namespace: SystemNamespace;
  public readonly release: PinnedRelease;

  constructor(scope: Construct, id: string, props: NfsCsiDriverProps = {}) {
    super(scope, id);
    // The driver's controller and node pods run on the host network, where NetworkPolicy does not
    // reach: the namespace's default-deny holds nothing of theirs, and NFS traffic leaves from the
    // nodes.
    this.namespace = new SystemNamespace(this, 'namespace', { name: CHARTS.csiDriverNfs.namespace });
    this.release = new PinnedRelease(this, 'release', {
      chart: CHARTS.csiDriverNfs,
      values: {
        feature: { enableInlineVolume: false },
        // Classes come from StorageTier, with the tier's reclaim policy and name.
        storageClass: { create: false },
      },
      dependsOn: [this.namespace.namespace, ...(props.dependsOn ?? [])],
    });
  }

  get dependables(): readonly ITerraformDependable[] {
    return [this.release.release];
  }
}

/** A replicated Ceph pool (RBD) or file system (CephFS) of the Rook cluster. */
export interface RookPoolSpec {
  readonly name: string;
  /** @default 3 */
  readonly replicas?: number;
  /** @default 'host' */
  readonly failureDomain?: 'host' | 'rack' | 'zone';
}

export interface RookCephProps {
  /** CephBlockPools, one per RBD tier. @default - none */
  readonly blockPools?: readonly RookPoolSpec[];
  /** CephFilesystems, one per CephFS tier. @default - none */
  readonly fileSystems?: readonly RookPoolSpec[];
  /** @default - no explicit dependencies */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * A Ceph cluster run by Rook: the operator (chart `rook-ceph`) and the cluster (chart
 * `rook-ceph-cluster`) in the privileged `rook-ceph` namespace, with the pools and file systems of
 * the site's Ceph tiers. The chart's example pool, file system and object store, and their
 * StorageClasses (one of them a default class), are replaced by the tiers' own.
 *
 * Rook's CSI driver names are prefixed with the operator namespace:
 * `rook-ceph.rbd.csi.ceph.com`, `rook-ceph.cephfs.csi.ceph.com`.
 * https://rook.io/docs/rook/latest-release/Helm-Charts/ceph-cluster-chart/
 */
export class RookCeph extends Construct implements InstalledDriver {
  /** Namespace of the operator and the cluster; also ceph-csi's cluster id. */
  public readonly clusterNamespace: string;
  public readonly rbdProvisioner: string;
  public readonly cephFsProvisioner: string;
  public readonly namespace: SystemNamespace;
  public readonly operator: PinnedRelease;
  public readonly cluster: PinnedRelease;
  public readonly blockPools: readonly string[];
  public readonly fileSystems: readonly string[];

  constructor(scope: Construct, id: string, props: RookCephProps) {
    super(scope, id);
    this.clusterNamespace = CHARTS.rookCephCluster.namespace;
    const operatorNamespace = CHARTS.rookCeph.namespace;
    this.rbdProvisioner = `${operatorNamespace}.rbd.csi.ceph.com`;
    this.cephFsProvisioner = `${operatorNamespace}.cephfs.csi.ceph.com`;
    const sorted = (xs: readonly RookPoolSpec[] = []) => [...xs].sort((a, b) => a.name.localeCompare(b.name));
    const blockPools = sorted(props.blockPools);
    const fileSystems = sorted(props.fileSystems);
    this.blockPools = blockPools.map((p) => p.name);
    this.fileSystems = fileSystems.map((f) => f.name);

    // Operator and cluster share the namespace: mons, OSDs, managers, MDSs and the CSI controller
    // plugins talk to each other there. Ceph's clients are the nodes (kernel mounts, and the CSI
    // node plugins on the host network), whose addresses the library does not know: they reach
    // the mons (3300, 6789) and the OSD and MDS daemons (6800-7300) from any address.
    this.namespace = new SystemNamespace(this, 'namespace', {
      name: operatorNamespace,
      network: {
        withinNamespace: true,
        flows: [{ name: 'ceph-clients', direction: 'ingress', ports: [3300, 6789, [6800, 7300]] }],
      },
    });
    this.operator = new PinnedRelease(this, 'operator', {
      chart: CHARTS.rookCeph,
      // CRDs stay with the chart: turning this off later can delete the cluster (see the chart).
      values: { crds: { enabled: true } },
      dependsOn: [this.namespace.namespace, ...(props.dependsOn ?? [])],
    });
    this.cluster = new PinnedRelease(this, 'cluster', {
      chart: CHARTS.rookCephCluster,
      namespace: this.clusterNamespace,
      values: {
        operatorNamespace,
        cephBlockPools: blockPools.map((p) => ({
          name: p.name,
          spec: { failureDomain: p.failureDomain ?? 'host', replicated: { size: p.replicas ?? 3 } },
          storageClass: { enabled: false },
        })),
        cephFileSystems: fileSystems.map((f) => ({
          name: f.name,
          spec: {
            metadataPool: { replicated: { size: f.replicas ?? 3 } },
            dataPools: [
              {
                name: 'data0',
                failureDomain: f.failureDomain ?? 'host',
                replicated: { size: f.replicas ?? 3 },
              },
            ],
            metadataServer: { activeCount: 1, activeStandby: true },
          },
          storageClass: { enabled: false },
        })),
        // No object store: S3 is not a volume, and tenants get no bucket claims through this library.
        cephObjectStores: [],
      },
      timeoutSeconds: 1800,
      dependsOn: [this.operator.release],
    });
  }

  /** Name of the data pool Rook creates for a file system's first data pool. */
  static cephFsDataPool(fileSystem: string): string {
    return `${fileSystem}-data0`;
  }

  get dependables(): readonly ITerraformDependable[] {
    return [this.cluster.release];
  }
}

/** One lvmd device class: a volume group present on every node the driver runs on. */
export interface TopoLvmDeviceClass {
  readonly name: string;
  readonly volumeGroup: string;
  /** @default 10 */
  readonly spareGb?: number;
}

export interface TopoLvmProps {
  readonly deviceClasses: readonly TopoLvmDeviceClass[];
  /** cert-manager, which issues TopoLVM's webhook certificate. */
  readonly certManager: CertManagerDependency;
  /** Tolerations of the node plugin and lvmd, e.g. the GPU pools' taints. @default - none */
  readonly tolerations?: readonly NodeToleration[];
  /**
   * Node selector terms (ORed) of the nodes that have the volume groups; lvmd fails on a node
   * without them.
   * @default - every node the tolerations allow
   */
  readonly nodeSelectorTerms?: readonly Readonly<Record<string, string>>[];
}

/**
 * TopoLVM (`topolvm.io`, chart `topolvm`): node-local NVMe as LVM logical volumes, with capacity-aware
 * scheduling through storage capacity tracking. lvmd and the node plugin run privileged; the webhook
 * certificate comes from cert-manager, which the site installs once.
 * https://github.com/topolvm/topolvm/tree/main/charts/topolvm
 */
export class TopoLvm extends Construct implements InstalledDriver {
  public readonly provisioner = PROVISIONERS.topolvm;
  public readonly namespace: SystemNamespace;
  public readonly release: PinnedRelease;
  public readonly deviceClasses: readonly string[];

  constructor(scope: Construct, id: string, props: TopoLvmProps) {
    super(scope, id);
    const classes = [...props.deviceClasses].sort((a, b) => a.name.localeCompare(b.name));
    this.deviceClasses = classes.map((d) => d.name);
    // TopoLVM's controller serves its webhooks on controller-runtime's default port, 9443.
    this.namespace = new SystemNamespace(this, 'namespace', {
      name: CHARTS.topolvm.namespace,
      network: { webhookPorts: [9443] },
    });
    const terms = props.nodeSelectorTerms ?? [];
    const affinity =
      terms.length > 0
        ? {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: terms.map((t) => ({
                  matchExpressions: Object.keys(t)
                    .sort()
                    .map((k) => ({ key: k, operator: 'In', values: [t[k]] })),
                })),
              },
            },
          }
        : {};
    const tolerations = [...(props.tolerations ?? [])];
    this.release = new PinnedRelease(this, 'release', {
      chart: CHARTS.topolvm,
      values: {
        lvmd: {
          deviceClasses: classes.map((d, i) => ({
            name: d.name,
            'volume-group': d.volumeGroup,
            default: i === 0,
            'spare-gb': d.spareGb ?? 10,
          })),
          tolerations,
          affinity,
        },
        node: { tolerations, affinity },
        // Classes come from StorageTier.
        storageClasses: [],
        // cert-manager is the site's, installed once; the chart must not bring its own.
        'cert-manager': { enabled: false },
        webhook: { certManager: true },
      },
      dependsOn: [this.namespace.namespace, props.certManager.release.release],
    });
  }

  get dependables(): readonly ITerraformDependable[] {
    return [this.release.release];
  }
}
