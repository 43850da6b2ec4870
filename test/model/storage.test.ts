import {
  formatIssue,
  isHostOrAddress,
  isLustreFs,
  siteIssues,
  tenantStorageQuota,
  validateSite,
  ValidationError,
  type SiteProfile,
  type StorageTierSpec,
  type TenantSpec,
} from '../../lib/model';
import { profile as bologna } from '../../stacks/sites/bologna';
import { profile as kajaani } from '../../stacks/sites/kajaani';
import { sampleProfile } from '../helpers';

const tiers: StorageTierSpec[] = [
  {
    name: 'scratch',
    purpose: 'scratch',
    capacity: '100Ti',
    reclaimPolicy: 'Delete',
    default: true,
    driver: { kind: 'exascaler', exaFS: '10.0.0.1@tcp:/lustre', mountPoint: '/exa/scratch' },
  },
  {
    name: 'project',
    purpose: 'project',
    capacity: '200Ti',
    driver: { kind: 'nfs', server: 'nfs01.example.org', share: '/export/projects' },
  },
  {
    name: 'local',
    purpose: 'node-local',
    capacity: '50Ti',
    reclaimPolicy: 'Delete',
    driver: { kind: 'topolvm', deviceClass: 'nvme', volumeGroup: 'vg-nvme', nodePools: ['a100'] },
  },
];

const sample = sampleProfile();
const base: SiteProfile = {
  ...sample,
  storageTiers: tiers,
  slurmStateTier: 'project',
  tenants: [
    {
      ...sample.tenants[0],
      storage: [
        { tier: 'scratch', capacity: '60Ti' },
        { tier: 'project', capacity: '100Ti', claims: 5 },
      ],
      volumes: [{ name: 'datasets', tier: 'project', size: '40Ti' }],
    },
    { ...sample.tenants[1], storage: [{ tier: 'scratch', capacity: '40Ti' }] },
  ],
};

const withTier = (t: Partial<StorageTierSpec>, i = 0): SiteProfile => ({
  ...base,
  storageTiers: tiers.map((x, j) => (j === i ? ({ ...x, ...t } as StorageTierSpec) : x)),
});
const withDriver = (d: Record<string, unknown>, i = 0): SiteProfile =>
  withTier({ driver: { ...tiers[i].driver, ...d } as StorageTierSpec['driver'] }, i);
const withTenant = (t: Partial<TenantSpec>, i = 0): SiteProfile => ({
  ...base,
  tenants: base.tenants.map((x, j) => (j === i ? { ...x, ...t } : x)),
});

describe('storage validation', () => {
  it('accepts the sample storage and the shipped site profiles', () => {
    expect(siteIssues(base)).toEqual([]);
    expect(siteIssues(bologna)).toEqual([]);
    expect(siteIssues(kajaani)).toEqual([]);
  });

  // Each case: a profile, the code, the path, and the exact message.
  const cases: Array<[string, SiteProfile, string, string, string]> = [
    [
      'quotas over a tier',
      withTenant({ storage: [{ tier: 'scratch', capacity: '70Ti' }] }),
      'STORAGE_OVERCOMMITTED',
      'storageTiers[0]',
      "tenants' quotas on tier 'scratch' add up to 110Ti, more than its capacity of 100Ti",
    ],
    [
      'a tenant quota on a tier the site lacks',
      withTenant({ storage: [{ tier: 'archive', capacity: '1Ti' }] }),
      'STORAGE_TIER_UNKNOWN',
      'tenants[0].storage[0].tier',
      'the site has no storage tier of that name',
    ],
    [
      'a volume on a tier the site lacks',
      withTenant({ volumes: [{ name: 'data', tier: 'archive', size: '1Ti' }] }),
      'STORAGE_TIER_UNKNOWN',
      'tenants[0].volumes[0].tier',
      'the site has no storage tier of that name',
    ],
    [
      'two default classes',
      withTier({ default: true }, 1),
      'DEFAULT_CLASS_DUPLICATE',
      'storageTiers[1].default',
      "tier 'scratch' (storageTiers[0]) is already the default StorageClass; a cluster with two defaults picks one at random",
    ],
    [
      'an NFS server that is no host name or address',
      withDriver({ server: 'nfs_01:2049' }, 1),
      'DRIVER_PARAMETER_INVALID',
      'storageTiers[1].driver.server',
      'the NFS server is malformed',
    ],
    [
      'an NFS address out of range',
      withDriver({ server: '10.0.0.300' }, 1),
      'DRIVER_PARAMETER_INVALID',
      'storageTiers[1].driver.server',
      'the NFS server is malformed',
    ],
    [
      'a missing NFS server',
      withDriver({ server: undefined }, 1),
      'DRIVER_PARAMETER_INVALID',
      'storageTiers[1].driver.server',
      'the NFS server is missing',
    ],
    [
      'a relative NFS share',
      withDriver({ share: 'export' }, 1),
      'DRIVER_PARAMETER_INVALID',
      'storageTiers[1].driver.share',
      'the NFS share is malformed',
    ],
    [
      'an unknown NFS sub-directory variable',
      withDriver({ subDir: '${pvc.metadata.uid}' }, 1),
      'DRIVER_PARAMETER_INVALID',
      'storageTiers[1].driver.subDir',
      'the sub-directory template uses unknown variables ${pvc.metadata.uid}',
    ],
    [
      "an NFS sub-directory that climbs out of the share with '..'",
      withDriver({ subDir: '${pvc.metadata.namespace}/../${pv.metadata.name}' }, 1),
      'DRIVER_PARAMETER_INVALID',
      'storageTiers[1].driver.subDir',
      "the sub-directory template must stay inside the share: a '..' segment leaves it",
    ],
    [
      'an NFS sub-directory a claim made later under the same name would find again',
      withDriver({ subDir: '${pvc.metadata.namespace}/${pvc.metadata.name}' }, 1),
      'NFS_PATH_REUSABLE',
      'storageTiers[1].driver.subDir',
      "the directory of a volume would be named after its namespace and claim only, so a claim made later under the same name would get the old claim's data",
    ],
    [
      'a Lustre exaFS without a NID',
      withDriver({ exaFS: '/lustre' }),
      'DRIVER_PARAMETER_INVALID',
      'storageTiers[0].driver.exaFS',
      "the Lustre file system 'exaFS' is malformed",
    ],
    [
      'a Lustre exaFS without the file system',
      withDriver({ exaFS: '10.0.0.1@tcp' }),
      'DRIVER_PARAMETER_INVALID',
      'storageTiers[0].driver.exaFS',
      "the Lustre file system 'exaFS' is malformed",
    ],
    [
      'a missing Lustre mount point',
      withDriver({ mountPoint: '' }),
      'DRIVER_PARAMETER_INVALID',
      'storageTiers[0].driver.mountPoint',
      'the mount point is missing',
    ],
    [
      'a TopoLVM tier on a pool the site lacks',
      withDriver({ nodePools: ['h200'] }, 2),
      'DRIVER_PARAMETER_INVALID',
      'storageTiers[2].driver.nodePools[0]',
      'the site has no node pool of that name',
    ],
    [
      'an unknown driver',
      withTier({ driver: { kind: 'vast' } as never }),
      'DRIVER_PARAMETER_INVALID',
      'storageTiers[0].driver.kind',
      'unknown storage driver',
    ],
    [
      'an existing Ceph cluster without secrets',
      withTier({ driver: { kind: 'ceph-rbd', clusterID: 'c1', pool: 'rbd' } as never }),
      'DRIVER_PARAMETER_INVALID',
      'storageTiers[0].driver.secrets',
      'the ceph-csi secrets are missing',
    ],
    [
      'a Storage Scale tier without a file system',
      withTier({ driver: { kind: 'storage-scale', volBackendFs: '' } }),
      'DRIVER_PARAMETER_INVALID',
      'storageTiers[0].driver.volBackendFs',
      "the Storage Scale file system 'volBackendFs' is missing",
    ],
    [
      'a tier capacity that is no quantity',
      withTier({ capacity: '100 TB' }),
      'QUANTITY_INVALID',
      'storageTiers[0].capacity',
      "the tier's capacity is not a Kubernetes quantity",
    ],
    [
      'a tenant quota that is no quantity',
      withTenant({ storage: [{ tier: 'scratch', capacity: 'lots' }] }),
      'QUANTITY_INVALID',
      'tenants[0].storage[0].capacity',
      'the storage quota is not a Kubernetes quantity',
    ],
    [
      'a volume size that is no quantity',
      withTenant({ volumes: [{ name: 'data', tier: 'project', size: '-5Ti' }] }),
      'QUANTITY_INVALID',
      'tenants[0].volumes[0].size',
      'the volume size is not a Kubernetes quantity',
    ],
    [
      'a volume on a tier without quota',
      withTenant({ volumes: [{ name: 'data', tier: 'local', size: '1Ti' }] }),
      'VOLUME_OVER_QUOTA',
      'tenants[0].volumes[0].tier',
      "the tenant has no quota on tier 'local', so the claim would be refused",
    ],
    [
      'volumes over the tenant quota',
      withTenant({ volumes: [{ name: 'data', tier: 'project', size: '120Ti' }] }),
      'VOLUME_OVER_QUOTA',
      'tenants[0].storage[1].capacity',
      "the tenant's shared volumes on tier 'project' request 120Ti, more than its quota there",
    ],
    [
      'a ReadWriteMany node-local tier',
      withTier({ accessModes: ['ReadWriteMany'] }, 2),
      'STORAGE_MODE_UNSUPPORTED',
      'storageTiers[2].accessModes[0]',
      'the topolvm driver cannot serve ReadWriteMany file-system volumes',
    ],
    [
      'a node-local tier binding immediately',
      withTier({ volumeBindingMode: 'Immediate' }, 2),
      'STORAGE_MODE_UNSUPPORTED',
      'storageTiers[2].volumeBindingMode',
      'node-local volumes must bind when a pod is scheduled, or the volume lands on a node the pod cannot use',
    ],
    [
      'duplicate tiers',
      { ...base, storageTiers: [...tiers, { ...tiers[1] }] },
      'NAME_DUPLICATE',
      'storageTiers[3].name',
      "tier 'project' is already defined at storageTiers[1]",
    ],
    [
      'a Slurm state tier the site lacks',
      { ...base, slurmStateTier: 'archive' },
      'STORAGE_TIER_UNKNOWN',
      'slurmStateTier',
      'the site has no storage tier of that name for the Slurm controller state',
    ],
    [
      'a Slurm state tier that deletes volumes',
      { ...base, slurmStateTier: 'scratch' },
      'VALUE_INVALID',
      'slurmStateTier',
      "tier 'scratch' deletes volumes with their claims; the Slurm controller state and accounting database must outlive them",
    ],
  ];

  it.each(cases)('reports %s', (_what, profile, code, path, message) => {
    const issues = siteIssues(profile);
    const hit = issues.find((i) => i.code === code && i.path === path);
    expect(hit).toBeDefined();
    expect(hit?.message).toBe(message);
    expect(hit?.fix.length).toBeGreaterThan(0);
  });

  it('lists every storage problem at once, each with its value and fix, before synthesis', () => {
    const bad: SiteProfile = {
      ...base,
      storageTiers: [
        { ...tiers[0], capacity: '10Ti', driver: { kind: 'exascaler', exaFS: 'lustre', mountPoint: '/x' } },
        { ...tiers[1], default: true, driver: { kind: 'nfs', server: 'bad host', share: '/s' } },
        tiers[2],
      ],
      tenants: [
        { ...base.tenants[0], storage: [{ tier: 'scratch', capacity: '60Ti' }], volumes: [] },
        { ...base.tenants[1], storage: [{ tier: 'archive', capacity: '1Zi' }] },
      ],
    };
    let error: unknown;
    try {
      validateSite(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'DRIVER_PARAMETER_INVALID storageTiers[0].driver.exaFS',
      'DRIVER_PARAMETER_INVALID storageTiers[1].driver.server',
      'DEFAULT_CLASS_DUPLICATE storageTiers[1].default',
      'STORAGE_TIER_UNKNOWN tenants[1].storage[0].tier',
      'QUANTITY_INVALID tenants[1].storage[0].capacity',
      'STORAGE_OVERCOMMITTED storageTiers[0]',
    ]);
    expect(formatIssue(issues[0])).toBe(
      `[DRIVER_PARAMETER_INVALID] storageTiers[0].driver.exaFS: the Lustre file system 'exaFS' is malformed (received: "lustre"). ` +
        "Fix: write it as '<nid>@<net>:/<fs>', e.g. '10.0.0.1@tcp:/lustre' or '10.0.0.1@o2ib:10.0.0.2@o2ib:/scratch'",
    );
    expect(issues[5].received).toEqual({ alpha: '60Ti' });
    expect(issues[5].fix).toBe(
      "lower the tenants' storage on 'scratch' by 50Ti, or raise the tier's capacity",
    );
  });
});

describe('storage helpers', () => {
  it.each([
    ['10.0.0.1@tcp:/lustre', true],
    ['10.0.0.1@o2ib:10.0.0.2@o2ib:/scratch', true],
    ['10.0.0.1@tcp1,10.0.0.2@tcp1:/fs/sub/dir', true],
    ['mgs01@o2ib:/work', true],
    ['10.0.0.1:/lustre', false],
    ['10.0.0.1@tcp:lustre', false],
    ['10.0.0.1@tcp:/averylongname', false],
    ['10.0.0.300@tcp:/lustre', false],
  ])('isLustreFs(%s) is %s', (value, ok) => expect(isLustreFs(value)).toBe(ok));

  it.each([
    ['nfs01.example.org', true],
    ['10.20.0.5', true],
    ['fd00::5', true],
    ['10.20.0', false],
    ['nfs server', false],
    ['-nfs', false],
  ])('isHostOrAddress(%s) is %s', (value, ok) => expect(isHostOrAddress(value)).toBe(ok));

  it('adds no storage quota on a site without tiers', () => {
    expect(tenantStorageQuota([], [])).toEqual({});
  });

  it('sums grants to the total storage quota, exactly', () => {
    const q = tenantStorageQuota(
      [
        { className: 'a', capacity: '1536Gi' },
        { className: 'b', capacity: '1Pi' },
      ],
      [],
    );
    expect(q['requests.storage']).toBe('1050112Gi');
    expect(tenantStorageQuota([], ['a'])['requests.storage']).toBe('0');
  });

  it('quotas every class of the site, zero where the tenant has no grant', () => {
    expect(
      tenantStorageQuota([{ className: 'work', capacity: '2Ti', claims: 3 }], ['scratch', 'work']),
    ).toEqual({
      'requests.storage': '2Ti',
      'scratch.storageclass.storage.k8s.io/persistentvolumeclaims': '0',
      'scratch.storageclass.storage.k8s.io/requests.storage': '0',
      'work.storageclass.storage.k8s.io/persistentvolumeclaims': '3',
      'work.storageclass.storage.k8s.io/requests.storage': '2Ti',
    });
  });
});
