/**
 * The fields a profile may have, at every level, so that a misspelled one is an error rather than
 * silently ignored: a JavaScript or JSON profile with `slurmStatTier` would otherwise lose the Slurm
 * controller's volume without a word. Each list is typed against its interface (`Fields<T>` needs
 * every key of `T` and no other), so the compiler keeps it in step with the profile types.
 */
import type { AcceleratorModel } from './accelerators';
import type { IssueCollector } from './errors';
import type {
  ClusterNetworkSpec,
  GpuOperatorSpec,
  InterconnectSpec,
  KubernetesConnection,
  MigLayoutSpec,
  MirrorSpec,
  NodePoolSpec,
  CpuPoolSpec,
  NodeSelection,
  RetiredTenantSpec,
  SiteProfile,
  TenantPodsSpec,
  StateBackendSpec,
  TaintSpec,
  TenantAllocation,
  TenantGpuGrant,
  TenantResourceSpec,
  TenantSpec,
} from './profile';
import type {
  KueueSpec,
  KueueTenantOverride,
  SchedulersSpec,
  SecretKeySpec,
  SlurmAccountingSpec,
  SlurmLoginSpec,
  SlurmPartitionSpec,
  SlurmSpec,
} from './scheduling';
import type {
  CephSecretsSpec,
  StorageDriverSpec,
  StorageTierSpec,
  TenantStorageGrant,
  TenantVolumeSpec,
} from './storage';

/** Every key of every member of a union. */
type AllKeys<T> = T extends unknown ? keyof T : never;

type Node =
  | { readonly leaf: true }
  | { readonly fields: Readonly<Record<string, Node>> }
  | { readonly list: Node }
  | { readonly map: Node }
  | { readonly byKind: Readonly<Record<string, Readonly<Record<string, Node>>>> };

/** The fields of an object of type T: every key, and no other. */
type Fields<T> = Record<AllKeys<T>, Node>;

const leaf: Node = { leaf: true };
const obj = <T>(fields: Fields<T>): Node => ({ fields });
const list = (item: Node): Node => ({ list: item });
const map = (value: Node): Node => ({ map: value });

const secret = obj<SecretKeySpec>({ name: leaf, key: leaf });
const cephSecrets = obj<CephSecretsSpec>({ namespace: leaf, provisioner: leaf, node: leaf });

/** Each storage driver's fields, by `kind`. */
const DRIVERS: Record<StorageDriverSpec['kind'], Readonly<Record<string, Node>>> = {
  nfs: { kind: leaf, server: leaf, share: leaf, subDir: leaf, mountOptions: leaf },
  'rook-ceph-rbd': { kind: leaf, pool: leaf, replicas: leaf, failureDomain: leaf, fsType: leaf },
  'rook-cephfs': { kind: leaf, fileSystem: leaf, replicas: leaf, failureDomain: leaf },
  'ceph-rbd': {
    kind: leaf,
    clusterID: leaf,
    pool: leaf,
    secrets: cephSecrets,
    provisioner: leaf,
    fsType: leaf,
  },
  cephfs: { kind: leaf, clusterID: leaf, fsName: leaf, pool: leaf, secrets: cephSecrets, provisioner: leaf },
  topolvm: { kind: leaf, deviceClass: leaf, volumeGroup: leaf, fsType: leaf, spareGb: leaf, nodePools: leaf },
  exascaler: { kind: leaf, exaFS: leaf, mountPoint: leaf, projectId: leaf },
  'storage-scale': { kind: leaf, volBackendFs: leaf, filesetType: leaf, clusterId: leaf },
  custom: { kind: leaf, provisioner: leaf, parameters: leaf },
};

const cpuPool = obj<CpuPoolSpec>({
  name: leaf,
  nodes: obj<NodeSelection>({ labels: leaf, count: leaf, hostlist: leaf }),
  coresPerNode: leaf,
  memoryPerNode: leaf,
  note: leaf,
});

const pool = obj<NodePoolSpec>({
  name: leaf,
  accelerator: leaf,
  gpusPerNode: leaf,
  nodes: obj<NodeSelection>({ labels: leaf, count: leaf, hostlist: leaf }),
  interconnect: obj<InterconnectSpec>({
    fabric: leaf,
    generation: leaf,
    linksPerNode: leaf,
    gbpsPerLink: leaf,
  }),
  taint: obj<TaintSpec>({ key: leaf, value: leaf, effect: leaf }),
  mig: obj<MigLayoutSpec>({ profiles: leaf }),
  timeSlicingReplicas: leaf,
  timeSlicingSharedByTenants: leaf,
  note: leaf,
  overcommit: obj<{ factor: number; reason: string }>({ factor: leaf, reason: leaf }),
});

const tenant = obj<TenantSpec>({
  name: leaf,
  displayName: leaf,
  accessMode: leaf,
  allocation: obj<TenantAllocation>({ projectId: leaf, start: leaf, end: leaf }),
  sector: leaf,
  gpus: list(obj<TenantGpuGrant>({ pool: leaf, count: leaf, gpuHours: leaf, migProfile: leaf })),
  resources: obj<TenantResourceSpec>({
    cpu: leaf,
    memory: leaf,
    ephemeralStorage: leaf,
    pods: leaf,
    persistentVolumeClaims: leaf,
  }),
  groups: obj<TenantSpec['groups']>({ admins: leaf, members: leaf }),
  egressCidrs: leaf,
  storage: list(obj<TenantStorageGrant>({ tier: leaf, capacity: leaf, claims: leaf })),
  volumes: list(obj<TenantVolumeSpec>({ name: leaf, tier: leaf, size: leaf, accessMode: leaf })),
  retired: leaf,
});

const tier = obj<StorageTierSpec>({
  name: leaf,
  purpose: leaf,
  capacity: leaf,
  reclaimPolicy: leaf,
  volumeBindingMode: leaf,
  accessModes: leaf,
  allowVolumeExpansion: leaf,
  default: leaf,
  mountOptions: leaf,
  driver: { byKind: DRIVERS },
  note: leaf,
});

const schedulers = obj<SchedulersSpec>({
  kueue: obj<KueueSpec>({
    nodes: leaf,
    cohort: leaf,
    tenants: map(obj<KueueTenantOverride>({ borrowingLimit: leaf, lendingLimit: leaf })),
    workloadControllers: leaf,
    cpuNodeLabels: leaf,
  }),
  slurm: obj<SlurmSpec>({
    clusterName: leaf,
    nodes: leaf,
    slurmdImages: leaf,
    partitions: list(obj<SlurmPartitionSpec>({ name: leaf, pools: leaf, maxTime: leaf })),
    defaultPartition: leaf,
    maxTime: leaf,
    accounting: obj<SlurmAccountingSpec>({
      host: leaf,
      cidrs: leaf,
      port: leaf,
      database: leaf,
      user: leaf,
      passwordSecret: secret,
    }),
    login: obj<SlurmLoginSpec>({ replicas: leaf, sssdConfSecret: secret, serviceType: leaf }),
  }),
});

type ChartMirror = NonNullable<MirrorSpec['charts']>;
const mirror = obj<MirrorSpec>({
  charts: obj<ChartMirror>({
    url: leaf,
    // checkMirror owns this object: it refuses literal credentials by name, and a report here would
    // repeat it.
    credentials: leaf,
  }),
  images: obj<NonNullable<MirrorSpec['images']>>({ registry: leaf }),
});

/** The whole profile. */
export const PROFILE_FIELDS: Node = obj<SiteProfile>({
  $schema: leaf,
  name: leaf,
  displayName: leaf,
  kubernetes: obj<KubernetesConnection>({ configPath: leaf, context: leaf }),
  state: obj<StateBackendSpec>({ kind: leaf, directory: leaf, namespace: leaf }),
  nodePools: list(pool),
  cpuPools: list(cpuPool),
  tenants: list(tenant),
  retiredTenants: list(
    obj<RetiredTenantSpec>({
      name: leaf,
      volumes: leaf,
      note: leaf,
      storage: list(obj<TenantStorageGrant>({ tier: leaf, capacity: leaf, claims: leaf })),
      dataDeleted: leaf,
    }),
  ),
  gpuOperator: obj<GpuOperatorSpec>({ driver: leaf }),
  accessModes: leaf,
  tenantPriorityClasses: leaf,
  accelerators: list(
    obj<AcceleratorModel>({
      id: leaf,
      vendor: leaf,
      displayName: leaf,
      memoryGb: leaf,
      resourceName: leaf,
      devicesPerPackage: leaf,
      gresType: leaf,
      migProfiles: leaf,
      timeSlicing: leaf,
    }),
  ),
  tenantPods: obj<TenantPodsSpec>({ maxGracePeriodSeconds: leaf, inlineCsiDrivers: leaf }),
  podSecurityVersion: leaf,
  storageTiers: list(tier),
  slurmStateTier: leaf,
  schedulers,
  mirror,
  network: obj<ClusterNetworkSpec>({ apiServerCidrs: leaf, apiServerPorts: leaf, slurmLoginCidrs: leaf }),
});

/** Levenshtein edit distance, for did-you-mean suggestions (here and in `aif verify`). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const here = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = here;
    }
  }
  return row[b.length];
}

/** The known field closest to `key`, if it is close enough to be a slip of the keyboard. */
export function didYouMean(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = k.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 4)) ? best : undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function visit(c: IssueCollector, node: Node, value: unknown, path: string): void {
  if ('leaf' in node) return;
  if ('list' in node) {
    if (Array.isArray(value)) value.forEach((item, i) => visit(c, node.list, item, `${path}[${i}]`));
    return;
  }
  if (!isObject(value)) return; // wrong kinds are the shape check's to report
  if ('map' in node) {
    for (const [k, v] of Object.entries(value)) visit(c, node.map, v, `${path}["${k}"]`);
    return;
  }
  const fields = 'byKind' in node ? node.byKind[String(value.kind)] : node.fields;
  if (!fields) return; // an unknown driver kind is reported by the storage checks
  const known = Object.keys(fields);
  for (const [k, v] of Object.entries(value)) {
    // A key that is not a name (empty, spaces, quotes) is written as an index, so the path still points at it.
    const at = /^[A-Za-z_$][\w$]*$/.test(k) ? (path ? `${path}.${k}` : k) : `${path}[${JSON.stringify(k)}]`;
    const field = fields[k];
    if (field) {
      visit(c, field, v, at);
      continue;
    }
    const guess = didYouMean(k, known);
    c.add(
      'FIELD_UNKNOWN',
      at,
      // The field's name, never its value: a misplaced field may hold a password.
      k,
      `'${k}' is not a field here${'byKind' in node ? ` (a '${String(value.kind)}' driver)` : ''}, so it would be ignored`,
      guess ? `did you mean '${guess}'?` : `remove it; the fields here are: ${[...known].sort().join(', ')}`,
    );
  }
}

/** Reports every field of a profile that the library does not know, with a suggestion where one is close. */
export function checkKnownFields(c: IssueCollector, profile: unknown): void {
  visit(c, PROFILE_FIELDS, profile, '');
}
