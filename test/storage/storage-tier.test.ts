import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import type { StorageTierSpec } from '../../lib/model';
import { CertManager } from '../../lib/compute/gpu-operators';
import { CHARTS, type ChartRef } from '../../lib/platform/charts';
import { NfsCsiDriver, RookCeph, SiteStorage, StorageTier, TopoLvm } from '../../lib/storage';
import { helmValues, resources, runsWithReference, synth, testStack, type TfJson } from '../helpers';

const REFERENCE = path.resolve(__dirname, '..', '..', '..', 'shared', 'reference', 'charts');

/**
 * Key paths of `values` that the chart's default values do not have. Objects are walked key by key;
 * list elements are compared with the default list's first element; an empty or null default
 * (`{}`, `[]`, `~`) takes anything, as Helm templates read such values whole.
 */
function unknownKeys(values: unknown, defaults: unknown, at = ''): string[] {
  if (defaults === null || defaults === undefined) return [];
  if (Array.isArray(values)) {
    if (!Array.isArray(defaults) || defaults.length === 0) return [];
    return values.flatMap((v, i) => unknownKeys(v, defaults[0], `${at}[${i}]`));
  }
  if (values && typeof values === 'object') {
    if (typeof defaults !== 'object' || Array.isArray(defaults)) return [at];
    const d = defaults as Record<string, unknown>;
    if (Object.keys(d).length === 0) return [];
    return Object.entries(values as Record<string, unknown>).flatMap(([k, v]) =>
      k in d ? unknownKeys(v, d[k], `${at}.${k}`) : [`${at}.${k}`],
    );
  }
  return [];
}

function chartDefaults(chart: ChartRef): unknown {
  return parse(fs.readFileSync(path.join(REFERENCE, `${chart.key}-${chart.version}`, 'values.yaml'), 'utf8'));
}

// Skipped without the reference, except in CI, where a missing reference fails these tests.
const haveReference = runsWithReference(REFERENCE);

const tier = (t: Partial<StorageTierSpec> & Pick<StorageTierSpec, 'name' | 'driver'>): StorageTierSpec => ({
  purpose: 'project',
  capacity: '10Ti',
  ...t,
});

function classes(json: TfJson): Record<string, TfJson> {
  return Object.fromEntries(
    Object.values(resources(json, 'kubernetes_storage_class_v1')).map((r) => [r.metadata.name, r]),
  );
}

describe('StorageTier', () => {
  it('creates a Retain class by default, and Delete only when the spec says so', () => {
    const stack = testStack();
    new StorageTier(stack, 'a', {
      spec: tier({
        name: 'work',
        driver: { kind: 'exascaler', exaFS: '10.0.0.1@o2ib:/work', mountPoint: '/exa/work' },
      }),
    });
    new StorageTier(stack, 'b', {
      spec: tier({
        name: 'scratch',
        purpose: 'scratch',
        reclaimPolicy: 'Delete',
        default: true,
        driver: { kind: 'storage-scale', volBackendFs: 'gpfs0' },
      }),
    });
    const json = synth(stack);
    const c = classes(json);
    expect(c.work).toMatchObject({
      storage_provisioner: 'exa.csi.ddn.com',
      reclaim_policy: 'Retain',
      volume_binding_mode: 'Immediate',
      allow_volume_expansion: true,
      parameters: { exaFS: '10.0.0.1@o2ib:/work', mountPoint: '/exa/work' },
      metadata: {
        annotations: { 'storageclass.kubernetes.io/is-default-class': 'false' },
        labels: { 'ai-factory.eu/tier': 'work', 'ai-factory.eu/purpose': 'project' },
      },
    });
    expect(c.scratch).toMatchObject({
      storage_provisioner: 'spectrumscale.csi.ibm.com',
      reclaim_policy: 'Delete',
      parameters: { volBackendFs: 'gpfs0', filesetType: 'independent' },
      metadata: { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    });
    // Addresses follow the tier name, not the construct path.
    expect(Object.keys(resources(json, 'kubernetes_storage_class_v1')).sort()).toEqual([
      'storage_class_scratch',
      'storage_class_work',
    ]);
  });

  it('passes NFS sub-directory templates to the driver, not to Terraform interpolation', () => {
    const stack = testStack();
    const nfs = new NfsCsiDriver(stack, 'nfs');
    new StorageTier(stack, 't', {
      spec: tier({
        name: 'home',
        driver: {
          kind: 'nfs',
          server: '10.20.0.5',
          share: '/export/home',
          subDir: '${pvc.metadata.namespace}/${pvc.metadata.name}-${pv.metadata.name}',
        },
        mountOptions: ['nfsvers=4.1'],
      }),
      driver: nfs,
    });
    const sc = classes(synth(stack)).home;
    expect(sc.parameters).toEqual({
      server: '10.20.0.5',
      share: '/export/home',
      subDir: '$${pvc.metadata.namespace}/$${pvc.metadata.name}-$${pv.metadata.name}',
    });
    expect(sc.storage_provisioner).toBe('nfs.csi.k8s.io');
    expect(sc.access_modes).toBeUndefined();
    expect(sc.mount_options).toEqual(['nfsvers=4.1']);
    expect(sc.depends_on).toEqual(['helm_release.helm_csi-nfs_csi-driver-nfs']);
  });

  it('refuses a tier whose installed driver is missing, with code and message', () => {
    const stack = testStack();
    expect(
      () =>
        new StorageTier(stack, 't', {
          spec: tier({ name: 'home', driver: { kind: 'nfs', server: 'nfs01', share: '/home' } }),
        }),
    ).toThrow(/\[DRIVER_PARAMETER_INVALID\] props.driver: a nfs tier needs the NfsCsiDriver construct/);
  });

  it('refuses a malformed tier before building anything', () => {
    const stack = testStack();
    expect(
      () =>
        new StorageTier(stack, 't', {
          spec: tier({
            name: 'x',
            capacity: '1 PB',
            driver: { kind: 'exascaler', exaFS: 'x', mountPoint: '/m' },
          }),
        }),
    ).toThrow(
      /StorageTier 'x' has 2 problems:[\s\S]*\[QUANTITY_INVALID\] props.spec.capacity[\s\S]*\[DRIVER_PARAMETER_INVALID\] props.spec.driver.exaFS/,
    );
  });

  it('builds Ceph classes for Rook pools and file systems and for an existing cluster', () => {
    const stack = testStack();
    const rook = new RookCeph(stack, 'rook', {
      blockPools: [{ name: 'blocks' }],
      fileSystems: [{ name: 'shared' }],
    });
    new StorageTier(stack, 'a', {
      spec: tier({ name: 'blocks', driver: { kind: 'rook-ceph-rbd' } }),
      driver: rook,
    });
    new StorageTier(stack, 'b', {
      spec: tier({ name: 'shared', driver: { kind: 'rook-cephfs' } }),
      driver: rook,
    });
    new StorageTier(stack, 'c', {
      spec: tier({
        name: 'external',
        driver: {
          kind: 'ceph-rbd',
          clusterID: 'b9127830-b0cc-4e34-aa47-9d1a2e9949a8',
          pool: 'kubernetes',
          secrets: { namespace: 'ceph-csi', provisioner: 'csi-rbd-provisioner', node: 'csi-rbd-node' },
        },
      }),
    });
    const c = classes(synth(stack));
    expect(c.blocks.storage_provisioner).toBe('rook-ceph.rbd.csi.ceph.com');
    expect(c.blocks.parameters).toMatchObject({
      clusterID: 'rook-ceph',
      pool: 'blocks',
      'csi.storage.k8s.io/node-stage-secret-name': 'rook-csi-rbd-node',
    });
    expect(c.shared.storage_provisioner).toBe('rook-ceph.cephfs.csi.ceph.com');
    expect(c.shared.parameters).toMatchObject({
      clusterID: 'rook-ceph',
      fsName: 'shared',
      pool: 'shared-data0',
    });
    expect(c.external.storage_provisioner).toBe('rbd.csi.ceph.com');
    expect(c.external.parameters).toMatchObject({
      clusterID: 'b9127830-b0cc-4e34-aa47-9d1a2e9949a8',
      pool: 'kubernetes',
      'csi.storage.k8s.io/provisioner-secret-namespace': 'ceph-csi',
    });
    expect(
      () =>
        new StorageTier(stack, 'd', {
          spec: tier({ name: 'other', driver: { kind: 'rook-ceph-rbd' } }),
          driver: rook,
        }),
    ).toThrow(/the RookCeph cluster has no block pool 'other'/);
  });
});

describe('SiteStorage', () => {
  const specs: StorageTierSpec[] = [
    tier({ name: 'home', driver: { kind: 'nfs', server: 'nfs01.example.org', share: '/export/home' } }),
    tier({ name: 'datasets', driver: { kind: 'nfs', server: 'nfs02.example.org', share: '/export/data' } }),
    tier({ name: 'blocks', driver: { kind: 'rook-ceph-rbd', replicas: 2 } }),
    tier({ name: 'shared', driver: { kind: 'rook-cephfs', fileSystem: 'cephfs' } }),
    tier({
      name: 'local',
      purpose: 'node-local',
      reclaimPolicy: 'Delete',
      driver: { kind: 'topolvm', deviceClass: 'nvme', volumeGroup: 'vg-nvme', spareGb: 20 },
    }),
    tier({
      name: 'weka',
      driver: { kind: 'custom', provisioner: 'csi.weka.io', parameters: { filesystemName: 'default' } },
    }),
  ];

  function build(tiers: readonly StorageTierSpec[]): { json: TfJson; cert: number } {
    const stack = testStack();
    let cert = 0;
    let instance: CertManager | undefined;
    new SiteStorage(stack, 'storage', {
      tiers,
      certManager: () => {
        cert += 1;
        instance ??= new CertManager(stack, 'cert-manager');
        return instance;
      },
      nodeLocalPlacement: () => ({
        tolerations: [{ key: 'nvidia.com/gpu', operator: 'Equal', value: 'present', effect: 'NoSchedule' }],
        nodeSelectorTerms: [{ 'ai-factory.eu/pool': 'a100' }],
      }),
    });
    return { json: synth(stack), cert };
  }

  const { json, cert } = build(specs);

  it('installs one release per driver, however many tiers use it', () => {
    const charts = Object.values(resources(json, 'helm_release'))
      .map((r) => r.chart)
      .sort();
    expect(charts).toEqual(['cert-manager', 'csi-driver-nfs', 'rook-ceph', 'rook-ceph-cluster', 'topolvm']);
    expect(cert).toBe(1);
    expect(Object.keys(classes(json)).sort()).toEqual([
      'blocks',
      'datasets',
      'home',
      'local',
      'shared',
      'weka',
    ]);
  });

  it('puts driver namespaces at the privileged Pod Security level', () => {
    const ns = Object.values(resources(json, 'kubernetes_namespace_v1')).map((n) => [
      n.metadata.name,
      n.metadata.labels['pod-security.kubernetes.io/enforce'],
    ]);
    expect(ns.sort()).toEqual([
      ['cert-manager', 'restricted'],
      ['csi-nfs', 'privileged'],
      ['rook-ceph', 'privileged'],
      ['topolvm-system', 'privileged'],
    ]);
  });

  it('replaces the Rook chart examples (and their default class) with the tiers’ pools', () => {
    const v = helmValues(json, 'rook-ceph-cluster');
    expect(v.cephBlockPools).toEqual([
      {
        name: 'blocks',
        spec: { failureDomain: 'host', replicated: { size: 2 } },
        storageClass: { enabled: false },
      },
    ]);
    expect(v.cephFileSystems.map((f: TfJson) => [f.name, f.storageClass.enabled])).toEqual([
      ['cephfs', false],
    ]);
    expect(v.cephObjectStores).toEqual([]);
  });

  it('configures TopoLVM with the device classes, the pools’ taints and site cert-manager', () => {
    const v = helmValues(json, 'topolvm');
    expect(v.lvmd.deviceClasses).toEqual([
      { name: 'nvme', 'volume-group': 'vg-nvme', default: true, 'spare-gb': 20 },
    ]);
    expect(v.node.tolerations).toEqual([
      { key: 'nvidia.com/gpu', operator: 'Equal', value: 'present', effect: 'NoSchedule' },
    ]);
    expect(
      v.lvmd.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms,
    ).toEqual([{ matchExpressions: [{ key: 'ai-factory.eu/pool', operator: 'In', values: ['a100'] }] }]);
    expect(v['cert-manager']).toEqual({ enabled: false });
    expect(v.storageClasses).toEqual([]);
    const rel = Object.values(resources(json, 'helm_release')).find((r) => r.chart === 'topolvm') as TfJson;
    expect(rel.depends_on).toContain('helm_release.helm_cert-manager_cert-manager');
    expect(classes(json).local).toMatchObject({
      storage_provisioner: 'topolvm.io',
      volume_binding_mode: 'WaitForFirstConsumer',
      reclaim_policy: 'Delete',
      parameters: { 'topolvm.io/device-class': 'nvme', 'csi.storage.k8s.io/fstype': 'xfs' },
    });
  });

  it('keeps NFS inline volumes off (they would bypass classes and quotas)', () => {
    expect(helmValues(json, 'csi-driver-nfs').feature).toEqual({ enableInlineVolume: false });
  });

  (haveReference ? it : it.skip).each([
    ['csi-driver-nfs', CHARTS.csiDriverNfs],
    ['rook-ceph', CHARTS.rookCeph],
    ['rook-ceph-cluster', CHARTS.rookCephCluster],
    ['topolvm', CHARTS.topolvm],
  ])('sets only keys of the %s chart’s default values', (name, chart) => {
    expect(unknownKeys(helmValues(json, name), chartDefaults(chart))).toEqual([]);
  });

  it('changes no byte of output when the tiers are reordered', () => {
    expect(JSON.stringify(build([...specs].reverse()).json)).toBe(JSON.stringify(json));
  });

  it('needs no cert-manager without node-local tiers', () => {
    const { json: j, cert: n } = build(specs.filter((s) => s.driver.kind !== 'topolvm'));
    expect(n).toBe(0);
    expect(Object.values(resources(j, 'helm_release')).map((r) => r.chart)).not.toContain('cert-manager');
  });

  it('exposes the driver objects', () => {
    const stack = testStack();
    const s = new SiteStorage(stack, 's', {
      tiers: specs.slice(0, 2),
      certManager: () => new CertManager(stack, 'c'),
    });
    expect(s.nfs).toBeInstanceOf(NfsCsiDriver);
    expect(s.rook).toBeUndefined();
    expect(s.topolvm).toBeUndefined();
    expect(s.tiers.get('home')?.className).toBe('home');
    expect(TopoLvm).toBeDefined();
  });
});
