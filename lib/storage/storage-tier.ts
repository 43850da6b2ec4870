import type { StorageClassV1 } from '@cdktf/provider-kubernetes/lib/storage-class-v1';
import { Construct } from 'constructs';
import {
  checkTier,
  IssueCollector,
  PROVISIONERS,
  tierAccessModes,
  tierBindingMode,
  type ReclaimPolicy,
  type StorageDriverSpec,
  type StorageTierSpec,
  type VolumeAccessMode,
  type VolumeBindingMode,
} from '../model';
import { MANAGED_BY, PURPOSE_LABEL, TIER_LABEL } from '../model/names';
import { pinAddress } from '../platform/ids';
import { escapeTemplate } from '../platform/release';
import { NfsCsiDriver, RookCeph, TopoLvm, type InstalledDriver } from './drivers';
import { providerClasses } from '../private/provider-classes';

export interface StorageTierProps {
  /** The tier: name, purpose, capacity, policies and driver parameters. */
  readonly spec: StorageTierSpec;
  /**
   * The installed driver, for the drivers the library installs: `NfsCsiDriver` for `nfs`,
   * `RookCeph` for `rook-ceph-rbd` and `rook-cephfs`, `TopoLvm` for `topolvm`.
   * @default - none: the driver is installed by the site (EXAScaler, Storage Scale, ceph-csi, custom)
   */
  readonly driver?: InstalledDriver;
}

/** Drivers whose release the library installs, and the construct that installs each. */
const INSTALLED_BY: Partial<Record<StorageDriverSpec['kind'], string>> = {
  nfs: 'NfsCsiDriver',
  'rook-ceph-rbd': 'RookCeph',
  'rook-cephfs': 'RookCeph',
  topolvm: 'TopoLvm',
};

/**
 * A storage tier: one StorageClass, named after the tier, with the tier's reclaim policy (`Retain`
 * unless the profile says `Delete`), binding mode and driver parameters. Tenants draw on it through
 * the quota resource names of the class (`TenantNamespace` takes the tier object), and other
 * constructs (e.g. the Slurm controller's state volume) take `className`.
 *
 * The class's address is pinned to the tier name. A StorageClass is immutable: changing its
 * parameters replaces it, which leaves its volumes alone.
 *
 * @example
 * ```ts
 * import { App, TerraformStack } from 'cdktf';
 * import { NfsCsiDriver, StorageTier } from 'cdktf-ai-factory';
 *
 * const platform = new TerraformStack(new App(), 'lab-platform');
 * const nfs = new NfsCsiDriver(platform, 'csi-nfs');
 * // A StorageClass `work` on an NFS share; reclaimPolicy defaults to Retain.
 * new StorageTier(platform, 'work', {
 *   spec: {
 *     name: 'work',
 *     purpose: 'project',
 *     capacity: '100Ti',
 *     driver: { kind: 'nfs', server: 'nfs01.example.org', share: '/export/work' },
 *   },
 *   driver: nfs,
 * });
 * ```
 */
export class StorageTier extends Construct {
  public readonly name: string;
  public readonly spec: StorageTierSpec;
  /** The StorageClass name, as a plain string (safe to use from the tenants stack). */
  public readonly className: string;
  public readonly provisioner: string;
  public readonly reclaimPolicy: ReclaimPolicy;
  public readonly bindingMode: VolumeBindingMode;
  public readonly accessModes: readonly VolumeAccessMode[];
  /** StorageClass parameters as applied. */
  public readonly parameters: Readonly<Record<string, string>>;
  public readonly storageClass: StorageClassV1;

  constructor(scope: Construct, id: string, props: StorageTierProps) {
    super(scope, id);
    const spec = props.spec;
    const c = new IssueCollector();
    checkTier(c, spec, 'props.spec');
    const needs = spec.driver ? INSTALLED_BY[spec.driver.kind] : undefined;
    if (needs && !matches(spec.driver, props.driver)) {
      c.add(
        'DRIVER_PARAMETER_INVALID',
        'props.driver',
        props.driver?.constructor?.name,
        `a ${spec.driver.kind} tier needs the ${needs} construct that installs its driver`,
        `pass driver: the ${needs} of the platform stack`,
      );
    }
    if (c.issues.length === 0 && props.driver instanceof RookCeph) {
      const d = spec.driver as { kind: string; pool?: string; fileSystem?: string };
      const pool = d.kind === 'rook-ceph-rbd' ? (d.pool ?? spec.name) : (d.fileSystem ?? spec.name);
      const known = d.kind === 'rook-ceph-rbd' ? props.driver.blockPools : props.driver.fileSystems;
      if (!known.includes(pool)) {
        c.add(
          'DRIVER_PARAMETER_INVALID',
          'props.driver',
          pool,
          `the RookCeph cluster has no ${d.kind === 'rook-ceph-rbd' ? 'block pool' : 'file system'} '${pool}'`,
          `add '${pool}' to the RookCeph construct's ${d.kind === 'rook-ceph-rbd' ? 'blockPools' : 'fileSystems'}`,
        );
      }
    }
    if (c.issues.length === 0 && props.driver instanceof TopoLvm) {
      const dc = (spec.driver as { deviceClass: string }).deviceClass;
      if (!props.driver.deviceClasses.includes(dc)) {
        c.add(
          'DRIVER_PARAMETER_INVALID',
          'props.driver',
          dc,
          `the TopoLvm driver has no device class '${dc}'`,
          `add '${dc}' to the TopoLvm construct's deviceClasses`,
        );
      }
    }
    c.throwIfAny(`StorageTier '${String(spec.name)}'`);

    this.name = spec.name;
    this.spec = spec;
    this.className = spec.name;
    this.reclaimPolicy = spec.reclaimPolicy ?? 'Retain';
    this.bindingMode = tierBindingMode(spec);
    this.accessModes = tierAccessModes(spec);
    const { provisioner, parameters } = classParameters(spec, props.driver);
    this.provisioner = provisioner;
    this.parameters = parameters;

    this.storageClass = new providerClasses.StorageClassV1(this, 'class', {
      metadata: {
        name: this.className,
        labels: {
          ...MANAGED_BY,
          [TIER_LABEL]: spec.name,
          [PURPOSE_LABEL]: spec.purpose,
        },
        annotations: {
          // https://kubernetes.io/docs/concepts/storage/storage-classes/#default-storageclass
          'storageclass.kubernetes.io/is-default-class': spec.default === true ? 'true' : 'false',
        },
      },
      storageProvisioner: provisioner,
      reclaimPolicy: this.reclaimPolicy,
      volumeBindingMode: this.bindingMode,
      allowVolumeExpansion: spec.allowVolumeExpansion ?? true,
      // Values are data: `${pvc.metadata.name}` must reach the driver, not Terraform's interpolation.
      parameters: Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, escapeTemplate(v)])),
      mountOptions: spec.mountOptions ? spec.mountOptions.map(escapeTemplate) : undefined,
      dependsOn: props.driver ? [...props.driver.dependables] : undefined,
    });
    pinAddress(this.storageClass, 'storage', 'class', spec.name);
  }
}

function matches(spec: StorageDriverSpec, driver: InstalledDriver | undefined): boolean {
  switch (spec.kind) {
    case 'nfs':
      return driver instanceof NfsCsiDriver;
    case 'rook-ceph-rbd':
    case 'rook-cephfs':
      return driver instanceof RookCeph;
    case 'topolvm':
      return driver instanceof TopoLvm;
    default:
      return true;
  }
}

/** Sorted, without undefined values. */
function clean(params: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params)
      .filter((e): e is [string, string] => e[1] !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** ceph-csi's secret parameters for one Ceph secret pair. */
function cephSecrets(namespace: string, provisioner: string, node: string): Record<string, string> {
  return {
    'csi.storage.k8s.io/provisioner-secret-name': provisioner,
    'csi.storage.k8s.io/provisioner-secret-namespace': namespace,
    'csi.storage.k8s.io/controller-expand-secret-name': provisioner,
    'csi.storage.k8s.io/controller-expand-secret-namespace': namespace,
    'csi.storage.k8s.io/node-stage-secret-name': node,
    'csi.storage.k8s.io/node-stage-secret-namespace': namespace,
  };
}

/**
 * The provisioner and StorageClass parameters of a tier, as each driver documents them:
 * - csi-driver-nfs: `server`, `share`, `subDir` (https://github.com/kubernetes-csi/csi-driver-nfs/blob/master/docs/driver-parameters.md)
 * - ceph-csi (Rook and stand-alone): `clusterID`, `pool` / `fsName`, secrets
 *   (https://rook.io/docs/rook/latest-release/Storage-Configuration/Block-Storage-RBD/block-storage/)
 * - TopoLVM: `topolvm.io/device-class`, `csi.storage.k8s.io/fstype`
 * - DDN EXAScaler: `exaFS`, `mountPoint`, `projectId` (https://github.com/DDNStorage/exa-csi-driver)
 * - IBM Storage Scale: `volBackendFs`, `filesetType`, `clusterId`
 *   (https://www.ibm.com/docs/en/scalecsi)
 */
function classParameters(
  spec: StorageTierSpec,
  driver: InstalledDriver | undefined,
): { provisioner: string; parameters: Record<string, string> } {
  const d = spec.driver;
  switch (d.kind) {
    case 'nfs':
      return {
        provisioner: PROVISIONERS.nfs,
        parameters: clean({ server: d.server, share: d.share, subDir: d.subDir }),
      };
    case 'rook-ceph-rbd': {
      const rook = driver as RookCeph;
      return {
        provisioner: rook.rbdProvisioner,
        parameters: clean({
          clusterID: rook.clusterNamespace,
          pool: d.pool ?? spec.name,
          imageFormat: '2',
          imageFeatures: 'layering',
          'csi.storage.k8s.io/fstype': d.fsType ?? 'ext4',
          ...cephSecrets(rook.clusterNamespace, 'rook-csi-rbd-provisioner', 'rook-csi-rbd-node'),
        }),
      };
    }
    case 'rook-cephfs': {
      const rook = driver as RookCeph;
      const fs = d.fileSystem ?? spec.name;
      return {
        provisioner: rook.cephFsProvisioner,
        parameters: clean({
          clusterID: rook.clusterNamespace,
          fsName: fs,
          pool: RookCeph.cephFsDataPool(fs),
          ...cephSecrets(rook.clusterNamespace, 'rook-csi-cephfs-provisioner', 'rook-csi-cephfs-node'),
        }),
      };
    }
    case 'ceph-rbd':
      return {
        provisioner: d.provisioner ?? PROVISIONERS.cephRbd,
        parameters: clean({
          clusterID: d.clusterID,
          pool: d.pool,
          imageFormat: '2',
          imageFeatures: 'layering',
          'csi.storage.k8s.io/fstype': d.fsType ?? 'ext4',
          ...cephSecrets(d.secrets.namespace, d.secrets.provisioner, d.secrets.node),
        }),
      };
    case 'cephfs':
      return {
        provisioner: d.provisioner ?? PROVISIONERS.cephFs,
        parameters: clean({
          clusterID: d.clusterID,
          fsName: d.fsName,
          pool: d.pool,
          ...cephSecrets(d.secrets.namespace, d.secrets.provisioner, d.secrets.node),
        }),
      };
    case 'topolvm':
      return {
        provisioner: PROVISIONERS.topolvm,
        parameters: clean({
          'topolvm.io/device-class': d.deviceClass,
          'csi.storage.k8s.io/fstype': d.fsType ?? 'xfs',
        }),
      };
    case 'exascaler':
      return {
        provisioner: PROVISIONERS.exascaler,
        parameters: clean({ exaFS: d.exaFS, mountPoint: d.mountPoint, projectId: d.projectId }),
      };
    case 'storage-scale':
      return {
        provisioner: PROVISIONERS.storageScale,
        parameters: clean({
          volBackendFs: d.volBackendFs,
          filesetType: d.filesetType ?? 'independent',
          clusterId: d.clusterId,
        }),
      };
    case 'custom':
      return { provisioner: d.provisioner, parameters: clean({ ...d.parameters }) };
  }
}
