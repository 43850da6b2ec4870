import { TenantGuardrails, TENANT_SIZE_LIMITS } from '../../lib';
import { profileProblems } from '../../lib/cli/profiles';
import { admit, NOT_MATCHED, type AdmissionRequest } from '../cel';
import { resources, sampleProfile, synth, testStack, type TfJson } from '../helpers';

/** The guard rails' policies by name, synthesized with the given props. */
function policies(props: ConstructorParameters<typeof TenantGuardrails>[2] = {}): Record<string, TfJson> {
  const stack = testStack();
  new TenantGuardrails(stack, 'g', { pools: [], ...props });
  const specs: Record<string, TfJson> = {};
  for (const r of Object.values(resources(synth(stack), 'kubernetes_manifest'))) {
    const m = r.manifest as TfJson;
    if (m.kind === 'ValidatingAdmissionPolicy') specs[m.metadata.name] = m.spec;
  }
  return specs;
}

const tenantNs = { 'ai-factory.eu/tenant': 'alpha' };
const defaults = policies();
const request = (spec: TfJson, req: Partial<AdmissionRequest> & { object: TfJson | null }) =>
  admit(spec, { resource: 'pods', namespaceLabels: tenantNs, ...req });
const pod = (spec: TfJson) => ({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c' }], ...spec } });
const job = (spec: TfJson) => ({
  metadata: { name: 'j' },
  spec: { template: { spec: { containers: [{ name: 'c' }], ...spec } } },
});

describe('pod specs (issue 16, findings 4, 6 and 9)', () => {
  const check = (req: Partial<AdmissionRequest> & { object: TfJson | null }) =>
    request(defaults['aif-tenant-pod-spec'], req);
  const graceRefused =
    "terminationGracePeriodSeconds may be at most 300 in a tenant namespace: an evicted job's pods keep their GPUs for as long; write checkpoints within it";

  it('refuses a grace period past the cap, on pods and on every template, and passes the default', () => {
    const yearLong = { terminationGracePeriodSeconds: 31_536_000 };
    expect(check({ object: pod(yearLong) })).toEqual([graceRefused]);
    expect(check({ resource: 'jobs', object: job(yearLong) })).toEqual([graceRefused]);
    expect(check({ resource: 'deployments', object: job({ terminationGracePeriodSeconds: 301 }) })).toEqual([
      graceRefused,
    ]);
    expect(check({ object: pod({ terminationGracePeriodSeconds: 30 }) })).toEqual([]);
    expect(check({ object: pod({ terminationGracePeriodSeconds: 300 }) })).toEqual([]);
    // Whoever creates it: the job controller expands the same template.
    expect(
      check({ object: pod(yearLong), username: 'system:serviceaccount:kube-system:job-controller' }),
    ).toEqual([graceRefused]);
  });

  it('refuses deleting a pod with a longer grace period than the cap (kubectl delete --grace-period)', () => {
    const del = (gracePeriodSeconds?: number) =>
      check({
        operation: 'DELETE',
        object: null,
        oldObject: pod({}),
        options: gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds },
      });
    expect(del(31_536_000)).toEqual([
      'a pod in a tenant namespace may be deleted with a grace period of at most 300 seconds (--grace-period): its GPUs stay held until it is gone',
    ]);
    expect(del(300)).toEqual([]);
    expect(del(0)).toEqual([]);
    expect(del()).toEqual([]);
  });

  it("takes the site's cap", () => {
    const p = policies({ maxGracePeriodSeconds: 900 })['aif-tenant-pod-spec'];
    expect(request(p, { object: pod({ terminationGracePeriodSeconds: 900 }) })).toEqual([]);
    expect(request(p, { object: pod({ terminationGracePeriodSeconds: 901 }) })).toHaveLength(1);
  });

  const nfsInline = {
    volumes: [
      { name: 'd', csi: { driver: 'nfs.csi.k8s.io', volumeAttributes: { server: '10.0.0.5', share: '/' } } },
    ],
  };
  const secretsInline = { volumes: [{ name: 's', csi: { driver: 'secrets-store.csi.k8s.io' } }] };

  it('refuses inline CSI volumes of drivers the site did not allow', () => {
    expect(check({ object: pod(nfsInline) })).toEqual([
      "inline CSI volumes (volumes[].csi) of driver nfs.csi.k8s.io are not allowed in a tenant namespace: the site allows none (tenantPods.inlineCsiDrivers); mount storage through a PersistentVolumeClaim of the site's tiers",
    ]);
    expect(check({ resource: 'jobs', object: job(secretsInline) })).toHaveLength(1);
    expect(check({ object: pod({ volumes: [{ name: 'e', emptyDir: {} }] }) })).toEqual([]);
    const allowing = policies({ inlineCsiDrivers: ['secrets-store.csi.k8s.io'] })['aif-tenant-pod-spec'];
    expect(request(allowing, { object: pod(secretsInline) })).toEqual([]);
    expect(request(allowing, { object: pod(nfsInline) })).toEqual([
      "inline CSI volumes (volumes[].csi) of driver nfs.csi.k8s.io are not allowed in a tenant namespace: only secrets-store.csi.k8s.io (the site's tenantPods.inlineCsiDrivers); mount storage through a PersistentVolumeClaim of the site's tiers",
    ]);
  });

  it('bounds the bytes of environment values, commands and arguments per pod spec', () => {
    const big = 'x'.repeat(TENANT_SIZE_LIMITS.podSpecStringBytes / 2);
    const refusedMsg = `the environment values, commands and arguments of a pod spec may hold at most ${TENANT_SIZE_LIMITS.podSpecStringBytes / 1024} KiB in a tenant namespace: put scripts and data in a volume`;
    const c = (extra: TfJson) => ({ name: 'c', ...extra });
    expect(
      check({ object: pod({ containers: [c({ args: [big] }), c({ env: [{ name: 'A', value: big }] })] }) }),
    ).toEqual([]);
    expect(
      check({
        object: pod({
          containers: [c({ args: [big] }), c({ env: [{ name: 'A', value: big }] })],
          initContainers: [c({ command: ['x'] })],
        }),
      }),
    ).toEqual([refusedMsg]);
    expect(
      check({ resource: 'jobs', object: job({ containers: [c({ command: [big, big, 'y'] })] }) }),
    ).toEqual([refusedMsg]);
  });
});

describe('object sizes (issue 16, finding 6)', () => {
  const check = (req: Partial<AdmissionRequest> & { object: TfJson | null }) =>
    request(defaults['aif-tenant-object-size'], req);
  const metaRefused = `labels and annotations may hold at most ${TENANT_SIZE_LIMITS.metadataBytes / 1024} KiB per object in a tenant namespace (kubectl's last-applied-configuration aside): keep data in volumes`;
  const half = 'a'.repeat(TENANT_SIZE_LIMITS.metadataBytes / 2);

  it("bounds labels and annotations of any namespaced object, but kubectl apply's copy", () => {
    expect(check({ resource: 'jobs', object: { metadata: { annotations: { a: half, b: half } } } })).toEqual([
      metaRefused,
    ]);
    expect(
      check({ resource: 'services', object: { metadata: { labels: { a: 'x' }, annotations: { b: half } } } }),
    ).toEqual([]);
    expect(
      check({
        resource: 'configmaps',
        object: {
          metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': half + half } },
          data: {},
        },
      }),
    ).toEqual([]);
  });

  it('bounds the data of a ConfigMap or a Secret', () => {
    const quarter = 'd'.repeat(TENANT_SIZE_LIMITS.dataBytes / 4);
    const ok = { metadata: { name: 'c' }, data: { a: quarter, b: quarter } };
    const tooBig = {
      metadata: { name: 'c' },
      data: { a: quarter, b: quarter },
      binaryData: { c: quarter, d: quarter },
    };
    expect(check({ resource: 'configmaps', object: ok })).toEqual([]);
    expect(check({ resource: 'configmaps', object: tooBig })).toEqual([
      `configmaps may hold at most ${TENANT_SIZE_LIMITS.dataBytes / 1024} KiB of data each in a tenant namespace: keep datasets and model files in a volume`,
    ]);
    expect(
      check({
        resource: 'secrets',
        object: { metadata: { name: 's' }, data: { a: quarter + quarter + quarter + quarter + 'x' } },
      }),
    ).toHaveLength(1);
  });

  it('matches every namespaced kind in tenant namespaces, never cluster-scoped ones', () => {
    const p = defaults['aif-tenant-object-size'];
    expect(p.matchConstraints.resourceRules).toEqual([
      {
        apiGroups: ['*'],
        apiVersions: ['*'],
        operations: ['CREATE', 'UPDATE'],
        resources: ['*'],
        scope: 'Namespaced',
      },
    ]);
    expect(
      check({
        resource: 'pods',
        namespaceLabels: {},
        object: { metadata: { annotations: { a: half + half } } },
      }),
    ).toBe(NOT_MATCHED);
  });
});

describe('claims naming a volume (issue 16, finding 14)', () => {
  const check = (req: Partial<AdmissionRequest> & { object: TfJson | null }) =>
    request(defaults['aif-tenant-volumes'], { resource: 'persistentvolumeclaims', ...req });
  const claim = (volumeName?: string) => ({
    metadata: { name: 'data', namespace: 'alpha' },
    spec: { accessModes: ['ReadWriteMany'], ...(volumeName ? { volumeName } : {}) },
  });
  const binder = (verb: string, group: string, resource: string) =>
    verb === 'update' && group === '' && resource === 'persistentvolumes';

  it("refuses a tenant's claim on another tenant's released volume by name", () => {
    expect(check({ object: claim('pvc-beta-era5') })).toEqual([
      "a claim in a tenant namespace may not name PersistentVolume pvc-beta-era5 (spec.volumeName): only the site's operators bind a claim to a given volume. Leave volumeName out and the claim gets a new volume of its StorageClass",
    ]);
  });

  it('refuses a claim that selects existing volumes by their labels', () => {
    const selecting = {
      ...claim(),
      spec: { ...claim().spec, selector: { matchLabels: { tenant: 'beta' } } },
    };
    expect(check({ object: selecting })).toEqual([
      "a claim in a tenant namespace may not select existing volumes (spec.selector): only the site's operators bind a claim to a given volume. Leave the selector out and the claim gets a new volume of its StorageClass",
    ]);
    expect(check({ object: selecting, authorize: binder })).toEqual([]);
  });

  it('lets claims without a name, the binding controller and the operators through', () => {
    expect(check({ object: claim() })).toEqual([]);
    expect(
      check({
        operation: 'UPDATE',
        oldObject: claim(),
        object: claim('pvc-1'),
        username: 'system:serviceaccount:kube-system:persistent-volume-binder',
        authorize: binder,
      }),
    ).toEqual([]);
    expect(check({ object: claim('nfs-shared'), authorize: binder })).toEqual([]);
    // A bound claim's later updates (a resize) keep its volume.
    expect(check({ operation: 'UPDATE', oldObject: claim('pvc-1'), object: claim('pvc-1') })).toEqual([]);
  });
});

describe('tenantPods in a profile', () => {
  it('refuses a grace period out of range and storage drivers inline', () => {
    const lines = profileProblems([
      sampleProfile({
        tenantPods: {
          maxGracePeriodSeconds: 86_400,
          inlineCsiDrivers: [
            'nfs.csi.k8s.io',
            'rook-ceph.cephfs.csi.ceph.com',
            'Bad_Name',
            'secrets-store.csi.k8s.io',
          ],
        },
      }),
    ]);
    expect(lines.map((l) => l.slice(0, l.indexOf(':', l.indexOf(']'))))).toEqual([
      'testsite: [VALUE_INVALID] tenantPods.maxGracePeriodSeconds',
      'testsite: [VALUE_INVALID] tenantPods.inlineCsiDrivers[0]',
      'testsite: [VALUE_INVALID] tenantPods.inlineCsiDrivers[1]',
      'testsite: [VALUE_INVALID] tenantPods.inlineCsiDrivers[2]',
    ]);
  });
});
