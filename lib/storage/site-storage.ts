import { Construct } from 'constructs';
import { byName, type StorageTierSpec, type TopoLvmDriverSpec } from '../model';
import {
  NfsCsiDriver,
  RookCeph,
  TopoLvm,
  type CertManagerDependency,
  type InstalledDriver,
  type NodeToleration,
  type RookPoolSpec,
} from './drivers';
import { StorageTier } from './storage-tier';

/** Where a node-local driver's node plugin runs. */
export interface NodePlacement {
  readonly tolerations: readonly NodeToleration[];
  /** ORed node selector terms. @default - any node the tolerations allow */
  readonly nodeSelectorTerms?: readonly Readonly<Record<string, string>>[];
}

export interface SiteStorageProps {
  readonly tiers: readonly StorageTierSpec[];
  /** Returns the site's cert-manager; called only if a tier needs it (TopoLVM). */
  readonly certManager: () => CertManagerDependency;
  /**
   * Placement of TopoLVM's lvmd and node plugin, from the node pools the TopoLVM tiers name.
   * @default - no tolerations: only untainted nodes
   */
  readonly nodeLocalPlacement?: (drivers: readonly TopoLvmDriverSpec[]) => NodePlacement;
}

/**
 * The storage of a site's platform stack: one release per driver that the library installs
 * (whatever number of tiers use it), then one `StorageTier` per tier. Tiers and driver entries are
 * built in name order, so reordering the profile changes no byte of output.
 */
export class SiteStorage extends Construct {
  public readonly tiers: ReadonlyMap<string, StorageTier>;
  public readonly nfs?: NfsCsiDriver;
  public readonly rook?: RookCeph;
  public readonly topolvm?: TopoLvm;

  constructor(scope: Construct, id: string, props: SiteStorageProps) {
    super(scope, id);
    const specs = byName(props.tiers);
    const of = <K extends StorageTierSpec['driver']['kind']>(kind: K) =>
      specs.filter((t) => t.driver.kind === kind) as Array<
        StorageTierSpec & { driver: Extract<StorageTierSpec['driver'], { kind: K }> }
      >;

    if (of('nfs').length > 0) this.nfs = new NfsCsiDriver(this, 'nfs');

    const rbd = of('rook-ceph-rbd');
    const cephfs = of('rook-cephfs');
    if (rbd.length + cephfs.length > 0) {
      const pool = (
        name: string,
        d: { replicas?: number; failureDomain?: RookPoolSpec['failureDomain'] },
      ) => ({
        name,
        replicas: d.replicas,
        failureDomain: d.failureDomain,
      });
      this.rook = new RookCeph(this, 'rook-ceph', {
        blockPools: rbd.map((t) => pool(t.driver.pool ?? t.name, t.driver)),
        fileSystems: cephfs.map((t) => pool(t.driver.fileSystem ?? t.name, t.driver)),
      });
    }

    const lvm = of('topolvm');
    if (lvm.length > 0) {
      const classes = new Map<string, { name: string; volumeGroup: string; spareGb?: number }>();
      for (const t of lvm) {
        const d = t.driver;
        if (!classes.has(d.deviceClass)) {
          classes.set(d.deviceClass, { name: d.deviceClass, volumeGroup: d.volumeGroup, spareGb: d.spareGb });
        }
      }
      const placement = props.nodeLocalPlacement?.(lvm.map((t) => t.driver));
      this.topolvm = new TopoLvm(this, 'topolvm', {
        deviceClasses: [...classes.values()],
        certManager: props.certManager(),
        tolerations: placement?.tolerations,
        nodeSelectorTerms: placement?.nodeSelectorTerms,
      });
    }

    const driverOf = (t: StorageTierSpec): InstalledDriver | undefined => {
      switch (t.driver.kind) {
        case 'nfs':
          return this.nfs;
        case 'rook-ceph-rbd':
        case 'rook-cephfs':
          return this.rook;
        case 'topolvm':
          return this.topolvm;
        default:
          return undefined;
      }
    };
    const tiers = new Map<string, StorageTier>();
    for (const t of specs) {
      tiers.set(t.name, new StorageTier(this, `tier-${t.name}`, { spec: t, driver: driverOf(t) }));
    }
    this.tiers = tiers;
  }
}
