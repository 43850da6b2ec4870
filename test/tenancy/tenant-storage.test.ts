import { GpuNodePool } from '../../lib/compute/node-pool';
import { StorageTier } from '../../lib/storage/storage-tier';
import { TenantNamespace, type TenantNamespaceProps } from '../../lib/tenancy/tenant-namespace';
import { resources, synth, testStack, type TfJson, siteScope } from '../helpers';

function setup(
  extra: Partial<TenantNamespaceProps>,
  siteTiers: readonly StorageTier[] = [],
): { json: TfJson; tenant: TenantNamespace } {
  const stack = testStack();
  const site = siteScope(stack, 'test');
  siteTiers.forEach((t) => site.addTier(t));
  const pool = new GpuNodePool(stack, 'pool', {
    name: 'a100',
    accelerator: 'nvidia-a100-80gb',
    gpusPerNode: 4,
    nodes: { hostlist: 'gpu[01-02]' },
  });
  const tenant = new TenantNamespace(stack, 'tenant', {
    name: 'alpha',
    site,
    accessMode: 'fast-lane',
    allocation: { projectId: 'EHPC-AIF-2026FL01-0001', start: '2026-01-01', end: '2026-03-31' },
    gpus: [{ pool, count: 4 }],
    groups: { admins: ['idp:alpha-admins'] },
    ...extra,
  });
  return { json: synth(stack), tenant };
}

const stack = testStack('tiers');
const scratch = new StorageTier(stack, 'scratch', {
  spec: {
    name: 'scratch',
    purpose: 'scratch',
    capacity: '100Ti',
    reclaimPolicy: 'Delete',
    accessModes: ['ReadWriteMany', 'ReadWriteOnce'],
    driver: { kind: 'exascaler', exaFS: '10.0.0.1@tcp:/scratch', mountPoint: '/exa/scratch' },
  },
});
const work = new StorageTier(stack, 'work', {
  spec: {
    name: 'work',
    purpose: 'project',
    capacity: '200Ti',
    driver: { kind: 'storage-scale', volBackendFs: 'gpfs0' },
  },
});
const archive = new StorageTier(stack, 'archive', {
  spec: {
    name: 'archive',
    purpose: 'archive',
    capacity: '1Pi',
    driver: { kind: 'custom', provisioner: 'csi.example.org' },
  },
});

describe('TenantNamespace storage', () => {
  const { json, tenant } = setup(
    {
      storage: [
        { tier: work, capacity: '50Ti', claims: 5 },
        { tier: scratch, capacity: '20Ti' },
      ],
      volumes: [
        { name: 'datasets', tier: work, size: '30Ti' },
        { name: 'checkpoints', tier: scratch, size: '10Ti', accessMode: 'ReadWriteOnce' },
      ],
    },
    [archive, scratch, work],
  );

  it('quotas each granted tier and zero on every other class of the site', () => {
    const hard = Object.values(resources(json, 'kubernetes_resource_quota_v1')).find(
      (q) => q.metadata.name === 'tenant-quota',
    )?.spec.hard;
    expect(hard).toMatchObject({
      // The sum of the grants: classes the library does not manage get nothing.
      'requests.storage': '70Ti',
      'work.storageclass.storage.k8s.io/requests.storage': '50Ti',
      'work.storageclass.storage.k8s.io/persistentvolumeclaims': '5',
      'scratch.storageclass.storage.k8s.io/requests.storage': '20Ti',
      'scratch.storageclass.storage.k8s.io/persistentvolumeclaims': '20',
      'archive.storageclass.storage.k8s.io/requests.storage': '0',
      'archive.storageclass.storage.k8s.io/persistentvolumeclaims': '0',
    });
    expect(tenant.hardLimits['archive.storageclass.storage.k8s.io/requests.storage']).toBe('0');
  });

  it('creates the shared volumes as PVCs on their tier, protected with prevent_destroy', () => {
    const pvcs = resources(json, 'kubernetes_persistent_volume_claim_v1');
    expect(Object.keys(pvcs).sort()).toEqual([
      'tenant_alpha_volume_checkpoints',
      'tenant_alpha_volume_datasets',
    ]);
    const datasets = pvcs.tenant_alpha_volume_datasets;
    expect(datasets.lifecycle).toEqual({ prevent_destroy: true });
    expect(datasets.wait_until_bound).toBe(false);
    expect(datasets.metadata.name).toBe('datasets');
    expect(datasets.metadata.namespace).toBe(
      '${kubernetes_namespace_v1.tenant_alpha_namespace.metadata[0].name}',
    );
    expect(datasets.metadata.labels['ai-factory.eu/tier']).toBe('work');
    expect(datasets.spec).toEqual({
      storage_class_name: 'work',
      access_modes: ['ReadWriteMany'],
      resources: { requests: { storage: '30Ti' } },
    });
    expect(datasets.depends_on).toEqual(['kubernetes_resource_quota_v1.tenant_alpha_quota']);
    expect(pvcs.tenant_alpha_volume_checkpoints.spec.access_modes).toEqual(['ReadWriteOnce']);
    expect(tenant.volumes.map((v) => v.node.id)).toEqual(['volume-checkpoints', 'volume-datasets']);
  });

  it('adds no storage keys and no PVCs without tiers', () => {
    const { json: plain } = setup({});
    const hard = Object.values(resources(plain, 'kubernetes_resource_quota_v1')).find(
      (q) => q.metadata.name === 'tenant-quota',
    )?.spec.hard;
    expect(Object.keys(hard).filter((k) => k.includes('storageclass'))).toEqual([]);
    expect(resources(plain, 'kubernetes_persistent_volume_claim_v1')).toEqual({});
  });

  it('refuses volumes beyond the quota, with code and message', () => {
    expect(() =>
      setup({
        storage: [{ tier: work, capacity: '10Ti' }],
        volumes: [
          { name: 'big', tier: work, size: '12Ti' },
          { name: 'elsewhere', tier: archive, size: '1Ti' },
        ],
      }),
    ).toThrow(
      new RegExp(
        [
          "TenantNamespace 'alpha' has 2 problems:",
          "  \\[VOLUME_OVER_QUOTA\\] props.volumes\\[1\\].tier: the tenant has no quota on tier 'archive', so the claim would be refused",
          "  \\[VOLUME_OVER_QUOTA\\] props.storage\\[0\\].capacity: the tenant's shared volumes on tier 'work' request 12Ti, more than its quota there",
        ].join('[\\s\\S]*'),
      ),
    );
  });

  it('refuses an access mode the tier does not offer', () => {
    expect(() =>
      setup({
        storage: [{ tier: work, capacity: '10Ti' }],
        volumes: [{ name: 'x', tier: work, size: '1Ti', accessMode: 'ReadWriteOncePod' }],
      }),
    ).toThrow(/\[STORAGE_MODE_UNSUPPORTED\] props.volumes\[0\].accessMode: tier 'work' offers ReadWriteMany/);
  });
});
