/**
 * Storage tiers of a site and the tenants' share of them: types and validation. Pure TypeScript;
 * `StorageTier` (lib/storage) builds the StorageClasses and driver releases from these specs.
 *
 * Quota arithmetic works on the tier's StorageClass name: Kubernetes limits storage per class with
 * `<class>.storageclass.storage.k8s.io/requests.storage` and
 * `<class>.storageclass.storage.k8s.io/persistentvolumeclaims`
 * (https://kubernetes.io/docs/concepts/policy/resource-quotas/#storage-resource-quota).
 */
import type { IssueCollector } from './errors';
import type { NodePoolSpec, SiteProfile, TenantSpec } from './profile';
import { DNS_LABEL, DNS_SUBDOMAIN } from './names';
import { isQuantity, parseQuantity } from './quantity';

export type ReclaimPolicy = 'Retain' | 'Delete';
export type VolumeBindingMode = 'Immediate' | 'WaitForFirstConsumer';
export type VolumeAccessMode = 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod';

/** NFS through csi-driver-nfs (`nfs.csi.k8s.io`), installed by the library. */
export interface NfsDriverSpec {
  readonly kind: 'nfs';
  /** NFS server: a host name or an IP address. */
  readonly server: string;
  /** Exported path on the server, absolute, e.g. `/export/projects`. */
  readonly share: string;
  /**
   * Directory of each volume under the share; may use `${pvc.metadata.namespace}`,
   * `${pvc.metadata.name}` and `${pv.metadata.name}`, and must use `${pv.metadata.name}`: the PV of
   * a dynamically provisioned claim is named `pvc-<claim UID>`, new for every claim, so a claim made
   * later under an old name never finds the old directory (`NFS_PATH_REUSABLE`).
   * @default - the driver's default: one directory per volume, named after the PV
   */
  readonly subDir?: string;
  /** @default - the driver's mount options */
  readonly mountOptions?: readonly string[];
}

/** Ceph RBD block volumes from a Ceph cluster that Rook runs (charts rook-ceph, rook-ceph-cluster). */
export interface RookRbdDriverSpec {
  readonly kind: 'rook-ceph-rbd';
  /** CephBlockPool name. @default - the tier name */
  readonly pool?: string;
  /** Replicas of each object. @default 3 */
  readonly replicas?: number;
  /** @default 'host' */
  readonly failureDomain?: 'host' | 'rack' | 'zone';
  /** @default 'ext4' (Rook advises against xfs on hyper-converged nodes) */
  readonly fsType?: 'ext4' | 'xfs';
}

/** CephFS shared file systems from a Ceph cluster that Rook runs. */
export interface RookCephFsDriverSpec {
  readonly kind: 'rook-cephfs';
  /** CephFilesystem name. @default - the tier name */
  readonly fileSystem?: string;
  /** @default 3 */
  readonly replicas?: number;
  /** @default 'host' */
  readonly failureDomain?: 'host' | 'rack' | 'zone';
}

/** Ceph-CSI secrets of an existing cluster, created by the site. */
export interface CephSecretsSpec {
  /** Namespace of the secrets. */
  readonly namespace: string;
  /** Secret with the provisioner's (and volume expansion's) Ceph credentials. */
  readonly provisioner: string;
  /** Secret with the node plugin's Ceph credentials. */
  readonly node: string;
}

/** RBD on an existing Ceph cluster, through ceph-csi installed by the site. */
export interface CephRbdDriverSpec {
  readonly kind: 'ceph-rbd';
  /** The cluster id that ceph-csi's configuration knows the cluster by. */
  readonly clusterID: string;
  readonly pool: string;
  readonly secrets: CephSecretsSpec;
  /** @default 'rbd.csi.ceph.com' (ceph-csi's default driver name) */
  readonly provisioner?: string;
  /** @default 'ext4' */
  readonly fsType?: 'ext4' | 'xfs';
}

/** CephFS on an existing Ceph cluster, through ceph-csi installed by the site. */
export interface CephFsDriverSpec {
  readonly kind: 'cephfs';
  readonly clusterID: string;
  /** CephFS file system name. */
  readonly fsName: string;
  /** @default - the file system's default data pool */
  readonly pool?: string;
  readonly secrets: CephSecretsSpec;
  /** @default 'cephfs.csi.ceph.com' */
  readonly provisioner?: string;
}

/** Node-local NVMe through TopoLVM (`topolvm.io`), installed by the library; needs cert-manager. */
export interface TopoLvmDriverSpec {
  readonly kind: 'topolvm';
  /** lvmd device class, e.g. `nvme`. */
  readonly deviceClass: string;
  /** LVM volume group of the NVMe devices on each node; created by the site. */
  readonly volumeGroup: string;
  /** @default 'xfs' */
  readonly fsType?: 'xfs' | 'ext4' | 'btrfs';
  /** GiB of the volume group kept free. @default 10 */
  readonly spareGb?: number;
  /** Node pools whose nodes have the volume group. @default - every pool of the site */
  readonly nodePools?: readonly string[];
}

/** Lustre through DDN EXAScaler CSI (`exa.csi.ddn.com`), installed by the site. */
export interface ExaScalerDriverSpec {
  readonly kind: 'exascaler';
  /** The Lustre file system as `<nid>@<net>:/<fs>`, e.g. `10.0.0.1@o2ib:/scratch`. */
  readonly exaFS: string;
  /** Where the driver mounts the file system on each node, absolute. */
  readonly mountPoint: string;
  /**
   * Lustre project id of the volumes' quota.
   * @default - the driver assigns one per volume, which enforces each volume's size as a project quota
   */
  readonly projectId?: string;
}

/** IBM Storage Scale CSI (`spectrumscale.csi.ibm.com`), installed by the site. */
export interface StorageScaleDriverSpec {
  readonly kind: 'storage-scale';
  /** Storage Scale file system that holds the volumes' filesets. */
  readonly volBackendFs: string;
  /** @default 'independent' (own inode space, so quotas and snapshots per volume) */
  readonly filesetType?: 'independent' | 'dependent';
  /** @default - the driver's primary cluster */
  readonly clusterId?: string;
}

/** Any other CSI provisioner, installed by the site: the escape hatch. */
export interface CustomDriverSpec {
  readonly kind: 'custom';
  /** CSI driver name, e.g. `csi.weka.io`. */
  readonly provisioner: string;
  /** @default - none */
  readonly parameters?: Readonly<Record<string, string>>;
}

export type StorageDriverSpec =
  | NfsDriverSpec
  | RookRbdDriverSpec
  | RookCephFsDriverSpec
  | CephRbdDriverSpec
  | CephFsDriverSpec
  | TopoLvmDriverSpec
  | ExaScalerDriverSpec
  | StorageScaleDriverSpec
  | CustomDriverSpec;

export type StorageDriverKind = StorageDriverSpec['kind'];

export interface StorageTierSpec {
  /**
   * Tier name, a DNS label; also the StorageClass name. Never rename: PVCs refer to it.
   * @pattern ^[a-z0-9]+(-+[a-z0-9]+)*$
   * @maxLength 63
   */
  readonly name: string;
  /** What the tier is for: `scratch`, `project`, `archive`, `node-local` or a name the site uses. */
  readonly purpose: string;
  /** Capacity the tenants' quotas on this tier may add up to (a quantity, e.g. `2Pi`). */
  readonly capacity: string;
  /**
   * `Retain` keeps a volume's data after its claim is deleted. `Delete` must be chosen explicitly,
   * for tiers whose data may go with the claim (scratch, node-local).
   * @default 'Retain'
   */
  readonly reclaimPolicy?: ReclaimPolicy;
  /** @default - `WaitForFirstConsumer` for TopoLVM, `Immediate` otherwise */
  readonly volumeBindingMode?: VolumeBindingMode;
  /**
   * Access modes claims on the tier may use; the first is the default of shared volumes.
   * @default - `ReadWriteMany` for file systems (NFS, CephFS, Lustre, Storage Scale), `ReadWriteOnce`
   *   for block and node-local volumes and custom provisioners
   */
  readonly accessModes?: readonly VolumeAccessMode[];
  /** @default true */
  readonly allowVolumeExpansion?: boolean;
  /** Make the tier's class the cluster's default StorageClass; at most one per site. @default false */
  readonly default?: boolean;
  /** @default - the driver's */
  readonly mountOptions?: readonly string[];
  readonly driver: StorageDriverSpec;
  /** Where the figures come from, or what is assumed. @default - no note */
  readonly note?: string;
}

/** A tenant's quota on one tier. */
export interface TenantStorageGrant {
  /** Name of a tier of the site. */
  readonly tier: string;
  /** Storage all the tenant's claims on the tier may request together (a quantity). */
  readonly capacity: string;
  /** Claims on the tier. @default 20 */
  readonly claims?: number;
}

/** A named shared volume of a tenant (a dataset, a checkpoint directory), kept with `prevent_destroy`. */
export interface TenantVolumeSpec {
  /**
   * PVC name, a DNS label. Never rename: a renamed claim is a new, empty volume.
   * @pattern ^[a-z0-9]+(-+[a-z0-9]+)*$
   * @maxLength 63
   */
  readonly name: string;
  /** Tier the volume is on; the tenant needs a quota there. */
  readonly tier: string;
  /** Requested size (a quantity). */
  readonly size: string;
  /** @default - the tier's first access mode */
  readonly accessMode?: VolumeAccessMode;
}

export const DEFAULT_TENANT_TIER_CLAIMS = 20;

export const VOLUME_ACCESS_MODES: readonly VolumeAccessMode[] = [
  'ReadWriteOnce',
  'ReadOnlyMany',
  'ReadWriteMany',
  'ReadWriteOncePod',
];

/** CSI provisioner names of the drivers with a fixed name. */
export const PROVISIONERS = {
  nfs: 'nfs.csi.k8s.io',
  topolvm: 'topolvm.io',
  exascaler: 'exa.csi.ddn.com',
  storageScale: 'spectrumscale.csi.ibm.com',
  cephRbd: 'rbd.csi.ceph.com',
  cephFs: 'cephfs.csi.ceph.com',
} as const;

const FILE_SYSTEM_DRIVERS: readonly StorageDriverKind[] = [
  'nfs',
  'rook-cephfs',
  'cephfs',
  'exascaler',
  'storage-scale',
];

/** Access modes a driver can serve with file-system volumes. */
function supportedAccessModes(kind: StorageDriverKind): readonly VolumeAccessMode[] {
  if (FILE_SYSTEM_DRIVERS.includes(kind)) return VOLUME_ACCESS_MODES;
  if (kind === 'topolvm') return ['ReadWriteOnce', 'ReadWriteOncePod'];
  // RBD serves ReadWriteMany only as raw block devices, which tiers do not offer.
  if (kind === 'rook-ceph-rbd' || kind === 'ceph-rbd')
    return ['ReadWriteOnce', 'ReadWriteOncePod', 'ReadOnlyMany'];
  return VOLUME_ACCESS_MODES;
}

/** The tier's access modes, defaults applied. */
export function tierAccessModes(tier: StorageTierSpec): readonly VolumeAccessMode[] {
  if (tier.accessModes && tier.accessModes.length > 0) return tier.accessModes;
  return FILE_SYSTEM_DRIVERS.includes(tier.driver?.kind) ? ['ReadWriteMany'] : ['ReadWriteOnce'];
}

/** The tier's binding mode, defaults applied. */
export function tierBindingMode(tier: StorageTierSpec): VolumeBindingMode {
  return tier.volumeBindingMode ?? (tier.driver?.kind === 'topolvm' ? 'WaitForFirstConsumer' : 'Immediate');
}

/** The quota resource names of a StorageClass. */
export function storageClassQuotaKeys(className: string): { storage: string; claims: string } {
  const prefix = `${className}.storageclass.storage.k8s.io`;
  return { storage: `${prefix}/requests.storage`, claims: `${prefix}/persistentvolumeclaims` };
}

/** A byte count as a quantity, in the largest binary unit that divides it exactly. */
export function bytesToQuantity(bytes: number): string {
  for (const [u, n] of [
    ['Pi', 2 ** 50],
    ['Ti', 2 ** 40],
    ['Gi', 2 ** 30],
    ['Mi', 2 ** 20],
    ['Ki', 2 ** 10],
  ] as const) {
    if (bytes >= n && Number.isInteger(bytes / n)) return `${bytes / n}${u}`;
  }
  return String(Math.ceil(bytes));
}

/**
 * Hard quota entries for a tenant's storage: its grants, and zero on every other class of the
 * site, so a new tier never opens up by default; and `requests.storage`, the sum of the grants,
 * which also closes classes the library does not manage (a cluster's pre-installed default class).
 * Sorted by key; empty when the site has no tiers.
 */
export function tenantStorageQuota(
  grants: readonly { className: string; capacity: string; claims?: number }[],
  siteClasses: readonly string[],
): Record<string, string> {
  const hard: Record<string, string> = {};
  const byClass = new Map(grants.map((g) => [g.className, g]));
  if (siteClasses.length + grants.length === 0) return hard;
  const total = grants.reduce((sum, g) => sum + (isSize(g.capacity) ? parseQuantity(g.capacity) : 0), 0);
  hard['requests.storage'] = bytesToQuantity(total);
  for (const cls of [...new Set([...siteClasses, ...byClass.keys()])].sort()) {
    const keys = storageClassQuotaKeys(cls);
    const g = byClass.get(cls);
    hard[keys.storage] = g ? g.capacity : '0';
    hard[keys.claims] = g ? String(g.claims ?? DEFAULT_TENANT_TIER_CLAIMS) : '0';
  }
  return Object.fromEntries(Object.entries(hard).sort(([a], [b]) => a.localeCompare(b)));
}

// Validation -----------------------------------------------------------------------------------

const HOST_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)*$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const ABSOLUTE_PATH = /^\/[^\0\s]*$/;
/**
 * A Lustre NID list and file system: `<nid>@<net>[:<nid>@<net>...]:/<fsname>[/<subdir>]`, where a
 * NID is an IPv4 address (or host name) and the network e.g. `tcp`, `tcp1`, `o2ib`, `o2ib0`, `kfi`.
 * Lustre file system names have at most 8 characters.
 */
const NID = '(?:\\d{1,3}(?:\\.\\d{1,3}){3}|[A-Za-z0-9][-A-Za-z0-9.]*)@[a-z][a-z0-9]*';
const LUSTRE_FS = new RegExp(`^${NID}(?:[:,]${NID})*:/[A-Za-z0-9_-]{1,8}(?:/[^\\s]*)?$`);
const NFS_SUBDIR_VARS = ['${pvc.metadata.name}', '${pvc.metadata.namespace}', '${pv.metadata.name}'];

function isIpv4(v: string): boolean {
  const m = IPV4.exec(v);
  return !!m && m.slice(1).every((o) => Number(o) <= 255);
}

function isIpv6(v: string): boolean {
  return /^[0-9a-fA-F:]+$/.test(v) && v.includes(':') && v.split('::').length <= 2;
}

/** A host name or an IP address, as csi-driver-nfs passes it to `mount`. */
export function isHostOrAddress(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  if (isIpv4(v) || isIpv6(v)) return true;
  // An all-numeric dotted name is a mistyped address, not a host name.
  return HOST_NAME.test(v) && !/^[\d.]+$/.test(v);
}

/** A Lustre `exaFS` value, `<nid>@<net>:/<fs>`. */
export function isLustreFs(v: unknown): boolean {
  if (typeof v !== 'string' || !LUSTRE_FS.test(v)) return false;
  const nids = v.slice(0, v.indexOf(':/')).split(/[:,]/);
  return nids.every((n) => {
    const host = n.slice(0, n.indexOf('@'));
    return /^[\d.]+$/.test(host) ? isIpv4(host) : true;
  });
}

function isSize(v: unknown): v is string {
  return typeof v === 'string' && isQuantity(v) && !v.startsWith('-');
}

function checkSize(c: IssueCollector, path: string, v: unknown, what: string): boolean {
  if (!isSize(v)) {
    c.add(
      'QUANTITY_INVALID',
      path,
      v,
      `${what} is not a Kubernetes quantity`,
      "write it like '500Gi', '20Ti' or '2Pi' (binary suffixes for storage)",
    );
    return false;
  }
  return true;
}

function checkLabelName(c: IssueCollector, path: string, v: unknown, what: string): void {
  if (typeof v !== 'string' || v.length > 63 || !DNS_LABEL.test(v)) {
    c.add(
      'NAME_INVALID',
      path,
      v,
      `${what} must be a Kubernetes DNS label: lower-case letters, digits and '-', at most 63 characters`,
      `rename it, e.g. '${String(v ?? 'scratch')
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/^-+|-+$/g, '')}'`,
    );
  }
}

function param(
  c: IssueCollector,
  path: string,
  v: unknown,
  ok: (x: string) => boolean,
  what: string,
  fix: string,
): void {
  if (typeof v !== 'string' || v === '') {
    c.add('DRIVER_PARAMETER_INVALID', path, v, `${what} is missing`, fix);
  } else if (!ok(v)) {
    c.add('DRIVER_PARAMETER_INVALID', path, v, `${what} is malformed`, fix);
  }
}

const nonEmpty = (x: string) => x.trim() !== '';
const cephName = (x: string) => /^[A-Za-z0-9_.-]+$/.test(x);

function checkReplicas(c: IssueCollector, path: string, v: unknown): void {
  if (v !== undefined && !(typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 7)) {
    c.add(
      'DRIVER_PARAMETER_INVALID',
      path,
      v,
      'Ceph replicas must be a whole number from 1 to 7',
      'use 3 for production data (Rook default), 2 or 1 only for scratch',
    );
  }
}

function checkCephSecrets(c: IssueCollector, path: string, s: CephSecretsSpec | undefined): void {
  if (!s) {
    c.add(
      'DRIVER_PARAMETER_INVALID',
      path,
      s,
      'the ceph-csi secrets are missing',
      "name them, e.g. { namespace: 'ceph-csi', provisioner: 'csi-rbd-provisioner', node: 'csi-rbd-node' }",
    );
    return;
  }
  param(
    c,
    `${path}.namespace`,
    s.namespace,
    (x) => DNS_LABEL.test(x),
    'the secrets namespace',
    'name the namespace of the ceph-csi secrets',
  );
  param(
    c,
    `${path}.provisioner`,
    s.provisioner,
    (x) => DNS_SUBDOMAIN.test(x),
    'the provisioner secret',
    'name the Secret with the provisioner credentials',
  );
  param(
    c,
    `${path}.node`,
    s.node,
    (x) => DNS_SUBDOMAIN.test(x),
    'the node secret',
    'name the Secret with the node plugin credentials',
  );
}

/**
 * Checks a tier's driver: that it has one, of a known kind, and that kind's parameters (one check
 * per kind below).
 */
function checkDriver(
  c: IssueCollector,
  path: string,
  d: StorageDriverSpec | undefined,
  pools: readonly NodePoolSpec[] | undefined,
): void {
  if (!d || typeof d !== 'object') {
    c.add(
      'DRIVER_PARAMETER_INVALID',
      path,
      d,
      'the tier has no driver',
      "set driver, e.g. { kind: 'nfs', server: 'nfs.example.org', share: '/export' }",
    );
    return;
  }
  switch (d.kind) {
    case 'nfs':
      return checkNfsDriver(c, path, d);
    case 'rook-ceph-rbd':
      return checkRookRbdDriver(c, path, d);
    case 'rook-cephfs':
      return checkRookCephFsDriver(c, path, d);
    case 'ceph-rbd':
      return checkCephRbdDriver(c, path, d);
    case 'cephfs':
      return checkCephFsDriver(c, path, d);
    case 'topolvm':
      return checkTopoLvmDriver(c, path, d, pools);
    case 'exascaler':
      return checkExaScalerDriver(c, path, d);
    case 'storage-scale':
      return checkStorageScaleDriver(c, path, d);
    case 'custom':
      return checkCustomDriver(c, path, d);
    default:
      c.add(
        'DRIVER_PARAMETER_INVALID',
        `${path}.kind`,
        (d as { kind: unknown }).kind,
        'unknown storage driver',
        'use nfs, rook-ceph-rbd, rook-cephfs, ceph-rbd, cephfs, topolvm, exascaler, storage-scale or custom',
      );
  }
}

/** csi-driver-nfs: the server, the share, and the sub-directory template of its volumes. */
function checkNfsDriver(c: IssueCollector, path: string, d: NfsDriverSpec): void {
  param(
    c,
    `${path}.server`,
    d.server,
    isHostOrAddress,
    'the NFS server',
    "use a host name or an IP address, e.g. 'nfs01.example.org' or '10.20.0.5'",
  );
  param(
    c,
    `${path}.share`,
    d.share,
    (x) => ABSOLUTE_PATH.test(x),
    'the NFS share',
    "use the exported path, absolute, e.g. '/export/projects'",
  );
  if (d.subDir !== undefined) checkNfsSubDir(c, `${path}.subDir`, d.subDir);
}

/**
 * The directory of each NFS volume under the share: a relative path inside it, of the driver's
 * variables only, and new for every claim (`NFS_PATH_REUSABLE`).
 */
function checkNfsSubDir(c: IssueCollector, path: string, subDir: string): void {
  const unknown = (subDir.match(/\$\{[^}]*\}/g) ?? []).filter((v) => !NFS_SUBDIR_VARS.includes(v));
  // A `..` segment climbs out of the share (or into another volume's directory).
  const climbs = subDir.split('/').includes('..');
  if (subDir === '' || subDir.startsWith('/') || climbs || unknown.length > 0) {
    c.add(
      'DRIVER_PARAMETER_INVALID',
      path,
      subDir,
      unknown.length > 0
        ? `the sub-directory template uses unknown variables ${unknown.join(', ')}`
        : climbs
          ? "the sub-directory template must stay inside the share: a '..' segment leaves it"
          : 'the sub-directory template must be a relative path',
      `use a relative path with ${NFS_SUBDIR_VARS.join(', ')}`,
    );
  } else if (!subDir.includes('${pv.metadata.name}')) {
    // Names come back: a claim removed and made again under its old name (and a tenant's
    // namespace, for a site that reuses names) would mount the old directory, data and all.
    c.add(
      'NFS_PATH_REUSABLE',
      path,
      subDir,
      "the directory of a volume would be named after its namespace and claim only, so a claim made later under the same name would get the old claim's data",
      "add '${pv.metadata.name}' (pvc-<claim UID>, new for every claim), e.g. '${pvc.metadata.namespace}/${pvc.metadata.name}-${pv.metadata.name}', or leave subDir out",
    );
  }
}

/** Rook's Ceph RBD: the block pool's name and its replicas. */
function checkRookRbdDriver(c: IssueCollector, path: string, d: RookRbdDriverSpec): void {
  if (d.pool !== undefined)
    param(c, `${path}.pool`, d.pool, (x) => DNS_LABEL.test(x), 'the block pool name', 'use a DNS label');
  checkReplicas(c, `${path}.replicas`, d.replicas);
}

/** Rook's CephFS: the file system's name and its replicas. */
function checkRookCephFsDriver(c: IssueCollector, path: string, d: RookCephFsDriverSpec): void {
  if (d.fileSystem !== undefined)
    param(
      c,
      `${path}.fileSystem`,
      d.fileSystem,
      (x) => DNS_LABEL.test(x),
      'the file system name',
      'use a DNS label',
    );
  checkReplicas(c, `${path}.replicas`, d.replicas);
}

/** ceph-csi's id of an existing Ceph cluster (RBD and CephFS alike). */
function checkCephClusterId(c: IssueCollector, path: string, clusterID: string): void {
  param(
    c,
    path,
    clusterID,
    nonEmpty,
    'the Ceph cluster id',
    "use the clusterID of ceph-csi's config, e.g. the cluster fsid",
  );
}

/** RBD on an existing Ceph cluster: the cluster, the pool and ceph-csi's secrets. */
function checkCephRbdDriver(c: IssueCollector, path: string, d: CephRbdDriverSpec): void {
  checkCephClusterId(c, `${path}.clusterID`, d.clusterID);
  param(c, `${path}.pool`, d.pool, cephName, 'the RBD pool', "name the pool, e.g. 'kubernetes'");
  checkCephSecrets(c, `${path}.secrets`, d.secrets);
}

/** CephFS on an existing Ceph cluster: the cluster, the file system, its pool and ceph-csi's secrets. */
function checkCephFsDriver(c: IssueCollector, path: string, d: CephFsDriverSpec): void {
  checkCephClusterId(c, `${path}.clusterID`, d.clusterID);
  param(c, `${path}.fsName`, d.fsName, cephName, 'the CephFS name', "name the file system, e.g. 'cephfs'");
  if (d.pool !== undefined)
    param(c, `${path}.pool`, d.pool, cephName, 'the CephFS data pool', 'name a data pool of the file system');
  checkCephSecrets(c, `${path}.secrets`, d.secrets);
}

/**
 * TopoLVM: the device class, the volume group, the file system, the spare space, and the node
 * pools that have the volume group (when the site's pools are known).
 */
function checkTopoLvmDriver(
  c: IssueCollector,
  path: string,
  d: TopoLvmDriverSpec,
  pools: readonly NodePoolSpec[] | undefined,
): void {
  param(
    c,
    `${path}.deviceClass`,
    d.deviceClass,
    (x) => DNS_LABEL.test(x),
    'the TopoLVM device class',
    "use a DNS label, e.g. 'nvme'",
  );
  param(
    c,
    `${path}.volumeGroup`,
    d.volumeGroup,
    (x) => /^[A-Za-z0-9+_.-]+$/.test(x),
    'the LVM volume group',
    "name the volume group on the nodes, e.g. 'vg-nvme'",
  );
  if (d.fsType !== undefined && !['xfs', 'ext4', 'btrfs'].includes(d.fsType)) {
    c.add(
      'DRIVER_PARAMETER_INVALID',
      `${path}.fsType`,
      d.fsType,
      'TopoLVM formats xfs, ext4 or btrfs',
      "use 'xfs'",
    );
  }
  if (d.spareGb !== undefined && !(Number.isInteger(d.spareGb) && d.spareGb >= 0)) {
    c.add(
      'DRIVER_PARAMETER_INVALID',
      `${path}.spareGb`,
      d.spareGb,
      'spareGb must be a whole number of GiB',
      'use e.g. 10',
    );
  }
  if (pools) {
    (d.nodePools ?? []).forEach((p, k) => {
      if (!pools.some((x) => x.name === p)) {
        c.add(
          'DRIVER_PARAMETER_INVALID',
          `${path}.nodePools[${k}]`,
          p,
          'the site has no node pool of that name',
          `use one of: ${pools.map((x) => x.name).join(', ') || '(none defined)'}`,
        );
      }
    });
  }
}

/** DDN EXAScaler (Lustre): the file system, its mount point and the volumes' project id. */
function checkExaScalerDriver(c: IssueCollector, path: string, d: ExaScalerDriverSpec): void {
  param(
    c,
    `${path}.exaFS`,
    d.exaFS,
    isLustreFs,
    "the Lustre file system 'exaFS'",
    "write it as '<nid>@<net>:/<fs>', e.g. '10.0.0.1@tcp:/lustre' or '10.0.0.1@o2ib:10.0.0.2@o2ib:/scratch'",
  );
  param(
    c,
    `${path}.mountPoint`,
    d.mountPoint,
    (x) => ABSOLUTE_PATH.test(x),
    'the mount point',
    "use an absolute path, e.g. '/exa/scratch'",
  );
  if (d.projectId !== undefined)
    param(
      c,
      `${path}.projectId`,
      d.projectId,
      (x) => /^\d+$/.test(x),
      'the Lustre project id',
      'use a number, or leave it out to let the driver assign one per volume',
    );
}

/** IBM Storage Scale: the file system, the fileset type and the cluster id. */
function checkStorageScaleDriver(c: IssueCollector, path: string, d: StorageScaleDriverSpec): void {
  param(
    c,
    `${path}.volBackendFs`,
    d.volBackendFs,
    (x) => /^[A-Za-z0-9_.-]+$/.test(x),
    "the Storage Scale file system 'volBackendFs'",
    "name the file system, e.g. 'gpfs0'",
  );
  if (d.filesetType !== undefined && !['independent', 'dependent'].includes(d.filesetType)) {
    c.add(
      'DRIVER_PARAMETER_INVALID',
      `${path}.filesetType`,
      d.filesetType,
      'unknown fileset type',
      "use 'independent' or 'dependent'",
    );
  }
  if (d.clusterId !== undefined)
    param(
      c,
      `${path}.clusterId`,
      d.clusterId,
      (x) => /^\d+$/.test(x),
      'the Storage Scale cluster id',
      'use the numeric id that `mmlscluster` shows',
    );
}

/** Any other CSI provisioner: its name, and StorageClass parameters that are strings. */
function checkCustomDriver(c: IssueCollector, path: string, d: CustomDriverSpec): void {
  param(
    c,
    `${path}.provisioner`,
    d.provisioner,
    (x) => x.length <= 63 && DNS_SUBDOMAIN.test(x.toLowerCase()),
    'the CSI provisioner name',
    "use the driver's name as `kubectl get csidrivers` shows it, e.g. 'csi.weka.io'",
  );
  for (const [k, v] of Object.entries(d.parameters ?? {})) {
    if (typeof v !== 'string') {
      c.add(
        'DRIVER_PARAMETER_INVALID',
        `${path}.parameters["${k}"]`,
        v,
        'StorageClass parameters are strings',
        `quote it: '${String(v)}'`,
      );
    }
  }
}

/** Checks one tier on its own (driver parameters, sizes, modes). */
export function checkTier(
  c: IssueCollector,
  tier: StorageTierSpec,
  path: string,
  pools?: readonly NodePoolSpec[],
): void {
  checkLabelName(c, `${path}.name`, tier.name, 'a tier name (it is also the StorageClass name)');
  if (typeof tier.purpose !== 'string' || !DNS_LABEL.test(tier.purpose)) {
    c.add(
      'VALUE_INVALID',
      `${path}.purpose`,
      tier.purpose,
      'the purpose is written to a label and must be a DNS label',
      "use e.g. 'scratch', 'project', 'archive' or 'node-local'",
    );
  }
  checkSize(c, `${path}.capacity`, tier.capacity, "the tier's capacity");
  if (tier.reclaimPolicy !== undefined && !['Retain', 'Delete'].includes(tier.reclaimPolicy)) {
    c.add(
      'VALUE_INVALID',
      `${path}.reclaimPolicy`,
      tier.reclaimPolicy,
      'unknown reclaim policy',
      "use 'Retain' (data outlives its claims) or 'Delete'",
    );
  }
  if (
    tier.volumeBindingMode !== undefined &&
    !['Immediate', 'WaitForFirstConsumer'].includes(tier.volumeBindingMode)
  ) {
    c.add(
      'VALUE_INVALID',
      `${path}.volumeBindingMode`,
      tier.volumeBindingMode,
      'unknown binding mode',
      "use 'Immediate' or 'WaitForFirstConsumer'",
    );
  }
  checkDriver(c, `${path}.driver`, tier.driver, pools);
  const kind = tier.driver?.kind;
  if (kind === 'topolvm' && tier.volumeBindingMode === 'Immediate') {
    c.add(
      'STORAGE_MODE_UNSUPPORTED',
      `${path}.volumeBindingMode`,
      tier.volumeBindingMode,
      'node-local volumes must bind when a pod is scheduled, or the volume lands on a node the pod cannot use',
      "remove volumeBindingMode (TopoLVM defaults to 'WaitForFirstConsumer')",
    );
  }
  (tier.accessModes ?? []).forEach((m, k) => {
    if (!VOLUME_ACCESS_MODES.includes(m)) {
      c.add(
        'VALUE_INVALID',
        `${path}.accessModes[${k}]`,
        m,
        'unknown access mode',
        `use one of: ${VOLUME_ACCESS_MODES.join(', ')}`,
      );
    } else if (kind && !supportedAccessModes(kind).includes(m)) {
      c.add(
        'STORAGE_MODE_UNSUPPORTED',
        `${path}.accessModes[${k}]`,
        m,
        `the ${kind} driver cannot serve ${m} file-system volumes`,
        `use ${supportedAccessModes(kind).join(' or ')}, or a shared file-system tier`,
      );
    }
  });
  (tier.mountOptions ?? []).forEach((o, k) => {
    if (typeof o !== 'string' || o.trim() === '' || /\s/.test(o)) {
      c.add(
        'VALUE_INVALID',
        `${path}.mountOptions[${k}]`,
        o,
        'a mount option is empty or contains blanks',
        "write one option per entry, e.g. 'nfsvers=4.1'",
      );
    }
  });
}

/** Checks a tenant's storage grants and shared volumes against the site's tiers. */
/**
 * The retired tenants (taken out of Terraform) whose data is still on the storage tiers: each with
 * the storage it still takes, until the profile says the data was deleted (`dataDeleted`). Named
 * `<tenant> (retired)` in messages.
 */
export function retainedStorage(
  profile: Pick<SiteProfile, 'retiredTenants' | 'tenants'>,
): { readonly name: string; readonly storage: readonly TenantStorageGrant[] }[] {
  // A name still (or again) in tenants is that tenant's namespace, counted with its grants
  // (and refused as TENANT_NAME_RETIRED).
  const current = new Set((profile.tenants ?? []).map((t) => t.name));
  return (profile.retiredTenants ?? [])
    .filter((r) => r.dataDeleted === undefined && (r.storage ?? []).length > 0 && !current.has(r.name))
    .map((r) => ({ name: `${r.name} (retired)`, storage: r.storage ?? [] }));
}

/** The site's tiers as a tenant's grants and volumes refer to them: by name, and listed for messages. */
interface SiteTiers {
  readonly byName: ReadonlyMap<string, StorageTierSpec>;
  /** The tiers' names, for a fix, or `(none defined)`. */
  readonly known: string;
}

/** What a tenant's shared volumes take of one tier. */
interface VolumeUse {
  readonly bytes: number;
  readonly count: number;
}

export function checkTenantStorage(
  c: IssueCollector,
  tenant: Pick<TenantSpec, 'storage' | 'volumes'>,
  tiers: readonly StorageTierSpec[],
  path: string,
): void {
  const site: SiteTiers = {
    byName: new Map(tiers.map((t) => [t.name, t])),
    known: tiers.map((t) => t.name).join(', ') || '(none defined)',
  };
  const granted = checkStorageGrants(c, tenant.storage ?? [], site, path);
  const used = checkTenantVolumes(c, tenant.volumes ?? [], site, granted, path);
  checkVolumesWithinGrants(c, tenant.storage ?? [], granted, used, path);
}

/** A grant or a volume names a tier the site does not have. */
function reportUnknownTier(c: IssueCollector, path: string, tier: string, site: SiteTiers): void {
  c.add(
    'STORAGE_TIER_UNKNOWN',
    path,
    tier,
    'the site has no storage tier of that name',
    `use one of the site's tiers: ${site.known}`,
  );
}

/**
 * A tenant's quotas: each on a tier of the site, once per tier, with a valid capacity and claim
 * limit. Returns the grants by tier name (the last one of a tier granted twice).
 */
function checkStorageGrants(
  c: IssueCollector,
  grants: readonly TenantStorageGrant[],
  site: SiteTiers,
  path: string,
): Map<string, TenantStorageGrant> {
  const granted = new Map<string, TenantStorageGrant>();
  grants.forEach((g, j) => {
    const gpath = `${path}.storage[${j}]`;
    if (!site.byName.has(g.tier)) reportUnknownTier(c, `${gpath}.tier`, g.tier, site);
    if (granted.has(g.tier)) {
      c.add('NAME_DUPLICATE', gpath, g, `tier '${g.tier}' is granted twice`, 'merge the two grants into one');
    }
    granted.set(g.tier, g);
    checkSize(c, `${gpath}.capacity`, g.capacity, 'the storage quota');
    if (g.claims !== undefined && !(Number.isInteger(g.claims) && g.claims > 0)) {
      c.add(
        'COUNT_NOT_POSITIVE',
        `${gpath}.claims`,
        g.claims,
        'the claim limit must be a whole number greater than zero',
        `set ${gpath}.claims to 1 or more`,
      );
    }
  });
  return granted;
}

/**
 * A tenant's shared volumes: a name and a size each, on a tier of the site that the tenant has a
 * quota on and that offers the volume's access mode. Returns what the volumes of a valid size take
 * of each tier.
 */
function checkTenantVolumes(
  c: IssueCollector,
  volumes: readonly TenantVolumeSpec[],
  site: SiteTiers,
  granted: ReadonlyMap<string, TenantStorageGrant>,
  path: string,
): Map<string, VolumeUse> {
  const seen = new Map<string, number>();
  const used = new Map<string, VolumeUse>();
  volumes.forEach((v, k) => {
    const vpath = `${path}.volumes[${k}]`;
    checkLabelName(c, `${vpath}.name`, v.name, 'a volume name (it is the PVC name)');
    const first = seen.get(v.name);
    if (first !== undefined) {
      c.add(
        'NAME_DUPLICATE',
        `${vpath}.name`,
        v.name,
        `volume '${v.name}' is already defined at ${path}.volumes[${first}]`,
        'give every volume its own name',
      );
    } else {
      seen.set(v.name, k);
    }
    const sizeOk = checkSize(c, `${vpath}.size`, v.size, 'the volume size');
    const tier = site.byName.get(v.tier);
    if (!tier) {
      reportUnknownTier(c, `${vpath}.tier`, v.tier, site);
      return;
    }
    if (!granted.has(v.tier)) {
      c.add(
        'VOLUME_OVER_QUOTA',
        `${vpath}.tier`,
        v.tier,
        `the tenant has no quota on tier '${v.tier}', so the claim would be refused`,
        `add { tier: '${v.tier}', capacity: '${sizeOk ? v.size : '1Ti'}' } to ${path}.storage`,
      );
    }
    if (v.accessMode !== undefined && !tierAccessModes(tier).includes(v.accessMode)) {
      c.add(
        'STORAGE_MODE_UNSUPPORTED',
        `${vpath}.accessMode`,
        v.accessMode,
        `tier '${tier.name}' offers ${tierAccessModes(tier).join(', ')}`,
        'use one of those, or put the volume on another tier',
      );
    }
    if (sizeOk) {
      const u = used.get(v.tier) ?? { bytes: 0, count: 0 };
      used.set(v.tier, { bytes: u.bytes + parseQuantity(v.size), count: u.count + 1 });
    }
  });
  return used;
}

/** The shared volumes on each tier fit the tenant's quota there: its storage and its claim limit. */
function checkVolumesWithinGrants(
  c: IssueCollector,
  grants: readonly TenantStorageGrant[],
  granted: ReadonlyMap<string, TenantStorageGrant>,
  used: ReadonlyMap<string, VolumeUse>,
  path: string,
): void {
  for (const [tierName, u] of [...used.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const g = granted.get(tierName);
    if (!g || !isSize(g.capacity)) continue;
    const j = grants.indexOf(g);
    if (u.bytes > parseQuantity(g.capacity)) {
      c.add(
        'VOLUME_OVER_QUOTA',
        `${path}.storage[${j}].capacity`,
        g.capacity,
        `the tenant's shared volumes on tier '${tierName}' request ${formatBytes(u.bytes)}, more than its quota there`,
        `raise the quota to at least ${formatBytes(u.bytes)}, or shrink the volumes`,
      );
    }
    if (u.count > (g.claims ?? DEFAULT_TENANT_TIER_CLAIMS)) {
      c.add(
        'VOLUME_OVER_QUOTA',
        `${path}.storage[${j}].claims`,
        g.claims ?? DEFAULT_TENANT_TIER_CLAIMS,
        `the tenant has ${u.count} shared volumes on tier '${tierName}', more than its claim limit there`,
        `raise claims to at least ${u.count}`,
      );
    }
  }
}

/** Bytes as the largest binary unit that keeps two decimals, e.g. `1.5Ti`. */
export function formatBytes(bytes: number): string {
  const units: Array<[string, number]> = [
    ['Ei', 2 ** 60],
    ['Pi', 2 ** 50],
    ['Ti', 2 ** 40],
    ['Gi', 2 ** 30],
    ['Mi', 2 ** 20],
    ['Ki', 2 ** 10],
  ];
  for (const [u, n] of units) {
    if (bytes >= n) return `${Math.round((bytes / n) * 100) / 100}${u}`;
  }
  return String(bytes);
}

/** Every storage problem of a site profile: tiers, defaults, tenants' grants and volumes, capacity. */
export function checkStorage(c: IssueCollector, profile: SiteProfile): void {
  const tiers = profile.storageTiers ?? [];
  checkTiers(c, tiers, profile.nodePools ?? []);
  checkTopoLvmVolumeGroups(c, tiers);
  const tenants = profile.tenants ?? [];
  tenants.forEach((t, i) => checkTenantStorage(c, t, tiers, `tenants[${i}]`));
  // Tenants taken out of Terraform keep their data on the tiers until it is deleted.
  const retained = retainedStorage(profile);
  (profile.retiredTenants ?? []).forEach((r, i) => {
    if (r.storage) checkTenantStorage(c, { storage: r.storage }, tiers, `retiredTenants[${i}]`);
  });
  checkTierCapacity(c, tiers, [...tenants, ...retained]);
  checkSlurmStateTier(c, profile.slurmStateTier, tiers);
}

/**
 * Each tier on its own (checkTier), and what the tiers must not share: a name (it is the
 * StorageClass name), and being the cluster's default StorageClass.
 */
function checkTiers(
  c: IssueCollector,
  tiers: readonly StorageTierSpec[],
  pools: readonly NodePoolSpec[],
): void {
  const first = new Map<string, number>();
  let defaultAt: number | undefined;
  tiers.forEach((t, i) => {
    const path = `storageTiers[${i}]`;
    checkTier(c, t, path, pools);
    const seen = first.get(t.name);
    if (seen !== undefined) {
      c.add(
        'NAME_DUPLICATE',
        `${path}.name`,
        t.name,
        `tier '${t.name}' is already defined at storageTiers[${seen}]`,
        'give every tier its own name',
      );
    } else {
      first.set(t.name, i);
    }
    if (t.default === true) {
      if (defaultAt !== undefined) {
        c.add(
          'DEFAULT_CLASS_DUPLICATE',
          `${path}.default`,
          true,
          `tier '${tiers[defaultAt].name}' (storageTiers[${defaultAt}]) is already the default StorageClass; a cluster with two defaults picks one at random`,
          `keep default: true on one tier only`,
        );
      } else {
        defaultAt = i;
      }
    }
  });
}

/** One TopoLVM device class is one volume group on every node. */
function checkTopoLvmVolumeGroups(c: IssueCollector, tiers: readonly StorageTierSpec[]): void {
  const vgOf = new Map<string, string>();
  tiers.forEach((t, i) => {
    if (t.driver?.kind !== 'topolvm') return;
    const vg = vgOf.get(t.driver.deviceClass);
    if (vg !== undefined && vg !== t.driver.volumeGroup) {
      c.add(
        'DRIVER_PARAMETER_INVALID',
        `storageTiers[${i}].driver.volumeGroup`,
        t.driver.volumeGroup,
        `device class '${t.driver.deviceClass}' already uses volume group '${vg}'`,
        'use one volume group per device class, or another device class',
      );
    }
    vgOf.set(t.driver.deviceClass, t.driver.volumeGroup);
  });
}

/**
 * The quotas on each tier (of the tenants, and of the retired tenants whose data is still there)
 * add up to its capacity at most.
 */
function checkTierCapacity(
  c: IssueCollector,
  tiers: readonly StorageTierSpec[],
  holders: readonly { readonly name: string; readonly storage?: readonly TenantStorageGrant[] }[],
): void {
  tiers.forEach((tier, i) => {
    if (!isSize(tier.capacity)) return;
    const takers: Record<string, string> = {};
    let total = 0;
    for (const t of holders) {
      for (const g of t.storage ?? []) {
        if (g.tier !== tier.name || !isSize(g.capacity)) continue;
        takers[t.name] = g.capacity;
        total += parseQuantity(g.capacity);
      }
    }
    const capacity = parseQuantity(tier.capacity);
    if (total > capacity) {
      c.add(
        'STORAGE_OVERCOMMITTED',
        `storageTiers[${i}]`,
        takers,
        `tenants' quotas on tier '${tier.name}' add up to ${formatBytes(total)}, more than its capacity of ${tier.capacity}`,
        `lower the tenants' storage on '${tier.name}' by ${formatBytes(total - capacity)}, or raise the tier's capacity`,
      );
    }
  });
}

/**
 * The tier of the Slurm controller's state and accounting database, when the site names one: a
 * tier of the site that keeps volumes after their claims and is not node-local.
 */
function checkSlurmStateTier(
  c: IssueCollector,
  slurmStateTier: string | undefined,
  tiers: readonly StorageTierSpec[],
): void {
  if (slurmStateTier === undefined) return;
  const tier = tiers.find((t) => t.name === slurmStateTier);
  if (!tier) {
    c.add(
      'STORAGE_TIER_UNKNOWN',
      'slurmStateTier',
      slurmStateTier,
      'the site has no storage tier of that name for the Slurm controller state',
      `use one of the site's tiers: ${tiers.map((t) => t.name).join(', ') || '(none defined)'}`,
    );
  } else if ((tier.reclaimPolicy ?? 'Retain') !== 'Retain') {
    c.add(
      'VALUE_INVALID',
      'slurmStateTier',
      slurmStateTier,
      `tier '${tier.name}' deletes volumes with their claims; the Slurm controller state and accounting database must outlive them`,
      'name a tier with reclaimPolicy Retain',
    );
  } else if (tier.driver?.kind === 'topolvm') {
    c.add(
      'VALUE_INVALID',
      'slurmStateTier',
      slurmStateTier,
      `tier '${tier.name}' is node-local: the controller could not move to another node with its state`,
      'name a shared or replicated tier',
    );
  }
}
