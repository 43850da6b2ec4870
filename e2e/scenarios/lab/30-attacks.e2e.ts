/**
 * The attacks of docs/security.md, each sent as the tenant's own identity to the real admission
 * chain (RBAC, Pod Security, ResourceQuota, the library's ValidatingAdmissionPolicies, Kueue's
 * webhooks), and refused with the control's own message. Legitimate requests next to them pass,
 * so a policy that refused everything would fail here too.
 */
import {
  ADMIN,
  type Identity,
  admin,
  create,
  deleteJob,
  eventually,
  job,
  kubectl,
  pod,
  tenant,
} from '../helpers';
import type { Json } from '../../harness/json';

const POOL = 'node-restriction.kubernetes.io/ai-factory.eu-pool';
const member = tenant('alpha', 'users');
const owner = tenant('alpha', 'admins');

interface Attack {
  readonly name: string;
  readonly who?: Identity;
  readonly object: Record<string, unknown>;
  /** What the API server's answer says: the control that refused it. */
  readonly refusedBy: RegExp;
}

const gpu = { 'nvidia.com/gpu': 1 };

/** The object with labels or annotations on its own metadata (not its template's). */
function withMetadata(
  object: Record<string, unknown>,
  extra: Record<string, unknown>,
): Record<string, unknown> {
  return { ...object, metadata: { ...(object.metadata as object), ...extra } };
}

/** kubectl as `who`, in tenant alpha's namespace. */
function inAlpha(who: Identity, ...args: string[]) {
  return kubectl(who, ['-n', 'alpha', ...args]);
}

/** A JSON patch as `who`; the API server's answer. */
function patch(who: Identity, kind: string, name: string, ops: unknown[]) {
  return inAlpha(who, 'patch', kind, name, '--type=json', '-p', JSON.stringify(ops));
}
const h100Toleration = { key: 'nvidia.com/gpu', operator: 'Equal', value: 'present', effect: 'NoSchedule' };

const ATTACKS: Attack[] = [
  {
    // Kueue's pod webhook gates every tenant pod first, and a gated pod may not name a node: the API
    // server's own validation refuses it before the placement policy sees it (the job below shows
    // the policy refusing a node picked by name).
    name: 'a pod that names its node (refused while gated by Kueue)',
    object: pod('alpha', 'by-name', { resources: gpu, spec: { nodeName: 'h100-01' } }),
    refusedBy: /spec\.nodeName: Forbidden: cannot be set until all schedulingGates have been cleared/,
  },
  {
    name: 'a job whose template names its node',
    object: job('alpha', 'by-name', { resources: gpu, spec: { nodeName: 'h100-01' } }),
    refusedBy: /ValidatingAdmissionPolicy 'aif-tenant-placement'/,
  },
  {
    name: 'a pod that selects a pool by its label',
    object: pod('alpha', 'by-label', { spec: { nodeSelector: { [POOL]: 'h100' } } }),
    refusedBy: /ValidatingAdmissionPolicy 'aif-tenant-placement'/,
  },
  {
    name: 'a CPU pod that tolerates a pool taint',
    object: pod('alpha', 'tolerates', { resources: { cpu: 1 }, spec: { tolerations: [h100Toleration] } }),
    refusedBy: /ValidatingAdmissionPolicy 'aif-tenant-placement'/,
  },
  {
    name: 'a pod that tolerates every taint',
    object: pod('alpha', 'wildcard', { spec: { tolerations: [{ operator: 'Exists' }] } }),
    refusedBy: /ValidatingAdmissionPolicy 'aif-tenant-placement'/,
  },
  {
    name: 'a job whose template picks a node by hostname',
    object: job('alpha', 'hostname', { spec: { nodeSelector: { 'kubernetes.io/hostname': 'h100-02' } } }),
    refusedBy: /ValidatingAdmissionPolicy 'aif-tenant-placement'/,
  },
  {
    // One such pod would keep every later pod, of any tenant, off every node (issue 16, finding 2).
    name: 'a pod with a required anti-affinity on all pods of all namespaces, cluster-wide',
    object: pod('alpha', 'blocker', {
      spec: {
        affinity: {
          podAntiAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              { labelSelector: {}, namespaceSelector: {}, topologyKey: 'kubernetes.io/os' },
            ],
          },
        },
      },
    }),
    refusedBy: /exceeded quota: aif-no-cross-namespace-affinity/,
  },
  {
    name: 'a pod that names a PriorityClass',
    object: pod('alpha', 'priority', { spec: { priorityClassName: 'system-cluster-critical' } }),
    refusedBy: /ValidatingAdmissionPolicy 'aif-tenant-priority'/,
  },
  {
    name: 'a pod with a forged owner reference (Kueue does not gate owned pods)',
    object: {
      ...pod('alpha', 'owned', { resources: gpu }),
      metadata: {
        name: 'owned',
        namespace: 'alpha',
        ownerReferences: [
          { apiVersion: 'batch/v1', kind: 'Job', name: 'x', uid: '00000000-0000-0000-0000-000000000001' },
        ],
      },
    },
    refusedBy: /ValidatingAdmissionPolicy 'aif-kueue-bypass'/,
  },
  {
    name: "a pod with Kueue's pod-suspending-parent annotation",
    object: pod('alpha', 'parent', {
      resources: gpu,
      annotations: { 'kueue.x-k8s.io/pod-suspending-parent': 'batch/v1.Job' },
    }),
    refusedBy: /ValidatingAdmissionPolicy 'aif-kueue-bypass'/,
  },
  {
    name: 'a Service with externalIPs',
    object: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'ext', namespace: 'alpha' },
      spec: { ports: [{ port: 80 }], externalIPs: ['192.0.2.10'] },
    },
    refusedBy: /ValidatingAdmissionPolicy 'aif-tenant-services'/,
  },
  {
    name: 'an ExternalName Service',
    object: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'alias', namespace: 'alpha' },
      spec: { type: 'ExternalName', externalName: 'kubernetes.default.svc.cluster.local' },
    },
    refusedBy: /ValidatingAdmissionPolicy 'aif-tenant-services'/,
  },
  {
    name: 'a NodePort Service',
    object: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'np', namespace: 'alpha' },
      spec: { type: 'NodePort', ports: [{ port: 80 }] },
    },
    refusedBy: /exceeded quota: tenant-quota.*services\.nodeports/,
  },
  {
    name: 'a privileged pod',
    object: {
      ...pod('alpha', 'priv'),
      spec: {
        containers: [{ name: 'c', image: 'registry.example.org/x:1', securityContext: { privileged: true } }],
      },
    },
    refusedBy: /violates PodSecurity "restricted:v1\.33"/,
  },
  {
    name: 'more GPUs than the namespace quota',
    object: pod('alpha', 'greedy', { resources: { 'nvidia.com/gpu': 16 } }),
    refusedBy: /exceeded quota: tenant-quota.*requests\.nvidia\.com\/gpu/,
  },
  {
    name: 'AMD GPUs without a grant on the AMD pool',
    object: pod('alpha', 'amd', { resources: { 'amd.com/gpu': 1 } }),
    refusedBy: /exceeded quota: tenant-quota.*requests\.amd\.com\/gpu/,
  },
  {
    name: 'a GPU pod of a tenant whose allocation has ended',
    who: tenant('ended'),
    object: pod('ended', 'late', { resources: gpu }),
    refusedBy: /exceeded quota: tenant-quota.*requests\.nvidia\.com\/gpu/,
  },
  {
    name: 'a ResourceQuota of its own',
    who: owner,
    object: {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'mine', namespace: 'alpha' },
      spec: { hard: { pods: '1000' } },
    },
    refusedBy: /cannot create resource "resourcequotas"/,
  },
  {
    name: 'a NetworkPolicy that opens the namespace',
    who: owner,
    object: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'open', namespace: 'alpha' },
      spec: { podSelector: {}, ingress: [{}], egress: [{}] },
    },
    refusedBy: /cannot create resource "networkpolicies"/,
  },
  {
    name: 'a ClusterQueue of its own',
    who: owner,
    object: {
      apiVersion: 'kueue.x-k8s.io/v1beta2',
      kind: 'ClusterQueue',
      metadata: { name: 'mine' },
      spec: { namespaceSelector: {} },
    },
    refusedBy: /cannot create resource "clusterqueues"/,
  },
  {
    name: 'a RoleBinding to cluster-admin',
    who: owner,
    object: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'root', namespace: 'alpha' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ kind: 'Group', name: 'lab:alpha-users', apiGroup: 'rbac.authorization.k8s.io' }],
    },
    refusedBy:
      /cannot create resource "rolebindings"|is attempting to grant RBAC permissions not currently held/,
  },
  // Issue 16, finding 1: an elastic Job is not suspended again by Kueue once it runs.
  {
    name: 'a Job annotated elastic (Kueue would gate its template instead of suspending it)',
    object: withMetadata(job('alpha', 'elastic', { resources: gpu }), {
      annotations: { 'kueue.x-k8s.io/elastic-job': 'true' },
    }),
    refusedBy: /ValidatingAdmissionPolicy 'aif-kueue-bypass'.*elastic-job/,
  },
  // Finding 4: a year-long grace period keeps an evicted job's pods on the GPUs.
  {
    name: 'a job whose pods keep their GPUs for a year after eviction',
    object: job('alpha', 'sticky', { resources: gpu, spec: { terminationGracePeriodSeconds: 31536000 } }),
    refusedBy: /ValidatingAdmissionPolicy 'aif-tenant-pod-spec'.*terminationGracePeriodSeconds/,
  },
  // Finding 8: the GPU operators' and NFD's labels, and the control plane.
  {
    name: "a pod that selects GPU nodes by the NVIDIA feature discovery's label",
    object: pod('alpha', 'gfd', {
      spec: { nodeSelector: { 'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3' } },
    }),
    refusedBy: /ValidatingAdmissionPolicy 'aif-tenant-placement'.*nvidia\.com\/gpu\.product/,
  },
  {
    name: "a job whose template selects NVIDIA nodes by NFD's PCI label",
    object: job('alpha', 'nfd', {
      spec: { nodeSelector: { 'feature.node.kubernetes.io/pci-10de.present': 'true' } },
    }),
    refusedBy: /ValidatingAdmissionPolicy 'aif-tenant-placement'/,
  },
  {
    name: 'a pod that tolerates the control plane',
    object: pod('alpha', 'cp', {
      spec: {
        tolerations: [
          { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
        ],
      },
    }),
    refusedBy: /ValidatingAdmissionPolicy 'aif-tenant-placement'.*node-role\.kubernetes\.io\/control-plane/,
  },
  // Finding 9: an inline NFS volume mounts any share by its address.
  {
    name: 'a pod with an inline CSI volume of the NFS driver',
    object: pod('alpha', 'inline', {
      spec: {
        volumes: [
          {
            name: 'other',
            csi: { driver: 'nfs.csi.k8s.io', volumeAttributes: { server: '192.0.2.5', share: '/beta' } },
          },
        ],
      },
    }),
    refusedBy: /ValidatingAdmissionPolicy 'aif-tenant-pod-spec'.*inline CSI volumes/,
  },
  // Finding 14: a released volume keeps its data; a claim must not pick it by name.
  {
    name: "a claim that names another tenant's volume",
    object: {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'stolen', namespace: 'alpha' },
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: '1Gi' } },
        volumeName: 'pvc-beta-results',
      },
    },
    refusedBy: /ValidatingAdmissionPolicy 'aif-tenant-volumes'/,
  },
  // Finding 6: bulk in etcd.
  {
    name: 'a claim that selects existing volumes by label',
    object: {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'picked', namespace: 'alpha' },
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: '1Gi' } },
        selector: { matchLabels: { 'ai-factory.eu/tenant': 'beta' } },
      },
    },
    refusedBy: /ValidatingAdmissionPolicy 'aif-tenant-volumes'/,
  },
  {
    name: 'a ConfigMap of 300 KiB',
    object: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'bulk', namespace: 'alpha' },
      data: { blob: 'x'.repeat(300 * 1024) },
    },
    refusedBy: /ValidatingAdmissionPolicy 'aif-tenant-object-size'/,
  },
  {
    name: 'a Job with 40 KiB of annotations',
    object: withMetadata(job('alpha', 'fat'), { annotations: { blob: 'x'.repeat(40 * 1024) } }),
    refusedBy: /ValidatingAdmissionPolicy 'aif-tenant-object-size'/,
  },
  {
    name: "a pod in another tenant's namespace",
    object: pod('beta', 'intruder', { resources: gpu }),
    refusedBy: /cannot create resource "pods" in API group "" in the namespace "beta"/,
  },
];

describe('attacks as a tenant are refused by the API server', () => {
  it.each(ATTACKS.map((a) => [a.name, a] as const))('%s', (_, attack) => {
    const r = create(attack.who ?? member, attack.object);
    expect(r.ok).toBe(false);
    expect(r.stderr).toMatch(attack.refusedBy);
  });

  it('lets the same tenant run what the controls allow (a GPU pod in its own namespace)', () => {
    const r = create(member, pod('alpha', 'allowed', { resources: gpu }));
    expect(r.stderr).toBe('');
    inAlpha(ADMIN, 'delete', 'pod', 'allowed', '--wait=false');
  });

  it("starts no pod of a job whose template has an affinity term on another tenant's pods", async () => {
    const spy = job('alpha', 'spy', {
      queue: 'cpu',
      resources: { cpu: 1, memory: '8Gi' }, // at least the LimitRange's default requests (docs/schedulers.md)
      spec: {
        affinity: {
          podAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              { labelSelector: {}, namespaces: ['beta'], topologyKey: 'kubernetes.io/hostname' },
            ],
          },
        },
      },
    });
    expect(create(member, spy).stderr).toBe('');
    try {
      // The job controller's pods are refused by the quota, whoever asks.
      const refusal = await eventually('a FailedCreate event', () => {
        const events = inAlpha(
          ADMIN,
          'get',
          'events',
          '--field-selector',
          'involvedObject.name=spy',
          '-o',
          'json',
        );
        const found = (
          JSON.parse(events.stdout || '{"items":[]}').items as Array<{ reason: string; message: string }>
        ).find((e) => e.reason === 'FailedCreate');
        return found?.message;
      });
      expect(refusal).toMatch(/exceeded quota: aif-no-cross-namespace-affinity/);
      expect(inAlpha(ADMIN, 'get', 'pods', '-l', 'job-name=spy', '-o', 'name').stdout).toBe('');
    } finally {
      inAlpha(ADMIN, 'delete', 'job', 'spy', '--wait=false');
    }
  });

  it('refuses the removal of Kueue’s scheduling gate by the tenant', () => {
    // A queue that does not exist keeps the pod gated (Kueue ungates admitted pods at once).
    const name = `gated-${Date.now()}`;
    const gated = pod('alpha', name, { resources: gpu });
    (gated.metadata as Record<string, unknown>).labels = { 'kueue.x-k8s.io/queue-name': 'nowhere' };
    expect(create(member, gated).stderr).toBe('');
    expect(
      inAlpha(ADMIN, 'get', 'pod', name, '-o', 'jsonpath={.spec.schedulingGates[*].name}').stdout,
    ).toContain('kueue.x-k8s.io/admission');
    try {
      const r = inAlpha(
        member,
        'patch',
        'pod',
        name,
        '--type=json',
        '-p',
        '[{"op":"remove","path":"/spec/schedulingGates"}]',
      );
      expect(r.ok).toBe(false);
      expect(r.stderr).toMatch(/ValidatingAdmissionPolicy 'aif-kueue-bypass'/);
    } finally {
      inAlpha(ADMIN, 'delete', 'pod', name, '--wait=false');
    }
  });

  it('refuses DELETE of a tenant namespace without the offboarding annotation, even to an administrator', () => {
    const r = kubectl(ADMIN, ['delete', 'namespace', 'beta', '--wait=false']);
    expect(r.ok).toBe(false);
    expect(r.stderr).toMatch(/ValidatingAdmissionPolicy 'aif-tenant-deletion'/);
    expect(kubectl(ADMIN, ['get', 'namespace', 'beta']).ok).toBe(true);
  });

  it('refuses a tenant member the deletion of its own namespace (RBAC)', () => {
    const r = kubectl(owner, ['delete', 'namespace', 'alpha', '--wait=false']);
    expect(r.ok).toBe(false);
    expect(r.stderr).toMatch(/cannot delete resource "namespaces"/);
  });

  it("refuses the elastic-job bypass: removing a template's Kueue gate and resuming the job in one update", () => {
    const name = `bypass-${Date.now()}`;
    // A queue that does not exist keeps the job suspended; the tenant's template carries the gate
    // Kueue puts into an elastic job's template.
    const j = job('alpha', name, { queue: 'nowhere', resources: gpu });
    const spec = ((j.spec as Json).template as Json).spec as Json;
    spec.schedulingGates = [{ name: 'kueue.x-k8s.io/elastic-job' }];
    expect(create(member, j).stderr).toBe('');
    try {
      expect(admin<Json>(['get', 'job', name, '-n', 'alpha', '-o', 'json']).spec.suspend).toBe(true);
      const both = patch(member, 'job', name, [
        { op: 'remove', path: '/spec/template/spec/schedulingGates' },
        { op: 'replace', path: '/spec/suspend', value: false },
      ]);
      expect(both.ok).toBe(false);
      expect(both.stderr).toMatch(/ValidatingAdmissionPolicy 'aif-kueue-bypass'/);
      const resume = patch(member, 'job', name, [{ op: 'replace', path: '/spec/suspend', value: false }]);
      expect(resume.stderr).toMatch(/only Kueue may resume a suspended job/);
      const ungate = patch(member, 'job', name, [
        { op: 'remove', path: '/spec/template/spec/schedulingGates' },
      ]);
      expect(ungate.stderr).toMatch(/only Kueue may remove its scheduling gates/);
      // Still suspended, and no pod ever made.
      expect(admin<Json>(['get', 'job', name, '-n', 'alpha', '-o', 'json']).spec.suspend).toBe(true);
      expect(inAlpha(ADMIN, 'get', 'pods', '-l', `job-name=${name}`, '-o', 'name').stdout).toBe('');
    } finally {
      deleteJob('alpha', name);
    }
  });

  it('refuses deleting a running pod with a grace period past the cap (its GPUs would stay held)', async () => {
    // The API server deletes a pod that no node runs at once, whatever grace period is asked: the
    // policy sees the asked one only for a pod on a node, so this one is admitted (CPU lane) first.
    const name = `slow-${Date.now()}`;
    const p = pod('alpha', name, { resources: { cpu: 1, memory: '8Gi' } });
    (p.metadata as Record<string, unknown>).labels = { 'kueue.x-k8s.io/queue-name': 'cpu' };
    expect(create(member, p).stderr).toBe('');
    try {
      await eventually(`${name} on a node`, () =>
        admin<Json>(['get', 'pod', name, '-n', 'alpha', '-o', 'json']).spec.nodeName ? true : undefined,
      );
      const r = inAlpha(member, 'delete', 'pod', name, '--grace-period=86400', '--wait=false');
      expect(r.ok).toBe(false);
      expect(r.stderr).toMatch(
        /ValidatingAdmissionPolicy 'aif-tenant-pod-spec'.*grace period of at most 300/,
      );
      expect(inAlpha(member, 'delete', 'pod', name, '--grace-period=30', '--wait=false').stderr).toBe('');
    } finally {
      inAlpha(ADMIN, 'delete', 'pod', name, '--ignore-not-found', '--grace-period=0', '--force');
    }
  });

  it("refuses raising a running job's parallelism, and lets the tenant lower it", async () => {
    const name = `wide-${Date.now()}`;
    const j = job('alpha', name, {
      queue: 'cpu',
      parallelism: 2,
      runMs: 120000,
      resources: { cpu: 1, memory: '8Gi' },
    });
    expect(create(member, j).stderr).toBe('');
    try {
      await eventually(`${name} started by Kueue`, () =>
        admin<Json>(['get', 'job', name, '-n', 'alpha', '-o', 'json']).spec.suspend === false
          ? true
          : undefined,
      );
      const raise = patch(member, 'job', name, [{ op: 'replace', path: '/spec/parallelism', value: 8 }]);
      expect(raise.ok).toBe(false);
      expect(raise.stderr).toMatch(/may be made smaller, not larger/);
      const lower = patch(member, 'job', name, [{ op: 'replace', path: '/spec/parallelism', value: 1 }]);
      expect(lower.stderr).toBe('');
    } finally {
      deleteJob('alpha', name);
    }
  });

  it('refuses a tenant who marks a shared volume for offboarding or unlabels it, and lets an operator', () => {
    const before = admin<Json>(['get', 'pvc', 'datasets', '-n', 'alpha', '-o', 'json']);
    expect(before.metadata.labels['app.kubernetes.io/managed-by']).toBe('cdktf-ai-factory');
    const mark = inAlpha(owner, 'annotate', 'pvc', 'datasets', 'ai-factory.eu/offboarding=datasets');
    expect(mark.ok).toBe(false);
    expect(mark.stderr).toMatch(
      /ValidatingAdmissionPolicy 'aif-tenant-deletion'.*only who may annotate namespace alpha/,
    );
    const unlabel = inAlpha(owner, 'label', 'pvc', 'datasets', 'app.kubernetes.io/managed-by-');
    expect(unlabel.ok).toBe(false);
    expect(unlabel.stderr).toMatch(/ValidatingAdmissionPolicy 'aif-tenant-deletion'/);
    // The volume is still protected: the tenant's DELETE is refused.
    const del = inAlpha(owner, 'delete', 'pvc', 'datasets', '--wait=false');
    expect(del.ok).toBe(false);
    // An operator (who may patch the namespace) may mark it; taken off again here.
    const op = inAlpha(ADMIN, 'annotate', 'pvc', 'datasets', 'ai-factory.eu/offboarding=datasets');
    expect(op.stderr).toBe('');
    expect(inAlpha(ADMIN, 'annotate', 'pvc', 'datasets', 'ai-factory.eu/offboarding-').ok).toBe(true);
  });

  it('lets a tenant write what the size bounds allow: a 100 KiB ConfigMap, applied with kubectl', () => {
    const cm = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'script', namespace: 'alpha' },
      data: { 'train.py': 'x'.repeat(100 * 1024) },
    };
    const r = kubectl(member, ['apply', '-f', '-'], cm);
    expect(r.stderr).toBe('');
    inAlpha(ADMIN, 'delete', 'configmap', 'script');
  });
});
