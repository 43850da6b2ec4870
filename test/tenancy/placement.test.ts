import { GpuNodePool, SCHEDULER_LABEL, SiteScope, TENANT_LABEL, TenantGuardrails } from '../../lib';
import { KUEUE_CONTROLLER_USER } from '../../lib/scheduling/kueue-guard';
import { admit, NOT_MATCHED, type AdmissionRequest } from '../cel';
import { resources, synth, testStack, type TfJson } from '../helpers';

const tenantNs = { [TENANT_LABEL]: 't' };
const JOBSET_USER = 'system:serviceaccount:jobset-system:jobset-controller-manager';

function policies(withPoolsProp: boolean): { specs: Record<string, TfJson>; booster: GpuNodePool } {
  const stack = testStack();
  const booster = new GpuNodePool(stack, 'booster', {
    name: 'booster',
    accelerator: 'nvidia-a100-64gb',
    gpusPerNode: 4,
    nodes: { hostlist: 'lrdn[0001-0004]' },
    slurmNodes: 2,
  });
  const lisa = new GpuNodePool(stack, 'lisa', {
    name: 'lisa',
    accelerator: 'nvidia-h100-80gb',
    gpusPerNode: 8,
    nodes: { labels: { 'example.org/partition': 'lisa' }, count: 2 },
    mig: { profiles: { '3g.40gb': 2 } },
  });
  if (withPoolsProp)
    new TenantGuardrails(stack, 'g', { pools: [booster, lisa], workloadControllers: [JOBSET_USER] });
  else {
    // A site scope makes its guard rails first; its pools are added after, and still reach them.
    const site = new SiteScope(stack, 'site', {
      name: 'lab',
      guardrails: { workloadControllers: [JOBSET_USER] },
    });
    site.addPool(booster);
    site.addPool(lisa);
  }
  const manifests = Object.values(resources(synth(stack), 'kubernetes_manifest')).map(
    (r) => r.manifest as TfJson,
  );
  const specs = Object.fromEntries(
    manifests.filter((m) => m.kind === 'ValidatingAdmissionPolicy').map((m) => [m.metadata.name, m.spec]),
  );
  return { specs, booster };
}

const { specs: all, booster } = policies(true);
// The label keys as the pool objects spell them (they may move to other prefixes).
const POOL = Object.keys(booster.nodeSelector)[0];
const ACCELERATOR = (Object.entries(booster.managedLabels).find(([, v]) => v === booster.accelerator.id) ??
  [])[0] as string;
const placement = all['aif-tenant-placement'];
const check = (req: Partial<AdmissionRequest> & { object: TfJson | null }) =>
  admit(placement, { resource: 'pods', namespaceLabels: tenantNs, ...req });
const refused = (found: string) => [
  `GPU pool placement is set by the site's scheduler, not by a tenant (${found}): remove it. GPU work goes through your queue, which adds the pool's node selector and toleration when it admits the workload; a pod that requests a pool's GPU resource may tolerate that pool's taint; CPU work may select CPU nodes`,
];

const POOL_TOLERATION = { key: 'nvidia.com/gpu', operator: 'Equal', value: 'present', effect: 'NoSchedule' };
const ADDED_FOR_GPU = { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' };
const gpuContainer = (n = 1) => ({ name: 'c', resources: { requests: { 'nvidia.com/gpu': `${n}` } } });
const pod = (spec: TfJson): TfJson => ({
  metadata: { name: 'p' },
  spec: { containers: [{ name: 'c' }], ...spec },
});
const template = (spec: TfJson) => ({ template: { spec: { containers: [{ name: 'c' }], ...spec } } });
/** The findings of a nodeSelector's pool entries, in the policy's (sorted) key order. */
const selected = (entries: Record<string, string>) =>
  Object.keys(entries)
    .sort()
    .map((k) => `nodeSelector ${k}=${entries[k]}`)
    .join(', ');
/** A nodeSelector with one entry, and the finding it makes. */
const sel = (key: string, value: string): [TfJson, string] => [
  { nodeSelector: { [key]: value } },
  `nodeSelector ${key}=${value}`,
];
const required = (key: string, operator: string, values?: string[]) => ({
  affinity: {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key, operator, ...(values ? { values } : {}) }] }],
      },
    },
  },
});
const preferred = (key: string, values: string[]) => ({
  affinity: {
    nodeAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        {
          weight: 1,
          preference: { matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'Exists' }] },
        },
        { weight: 50, preference: { matchExpressions: [{ key, operator: 'In', values }] } },
      ],
    },
  },
});

describe('placement guard: what a tenant may not do', () => {
  it.each<[string, TfJson, string]>([
    ['tolerate a pool taint', { tolerations: [POOL_TOLERATION] }, 'toleration nvidia.com/gpu'],
    [
      'tolerate every taint (empty key, operator Exists)',
      { tolerations: [{ operator: 'Exists' }] },
      'toleration (every key)',
    ],
    [
      'tolerate every NoSchedule taint',
      { tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }] },
      'toleration (every key)',
    ],
    [
      "keep the GPU resource's Exists toleration without requesting the resource",
      { tolerations: [ADDED_FOR_GPU] },
      'toleration nvidia.com/gpu',
    ],
    [
      'tolerate a pool taint while requesting a GPU resource no pool of that taint offers',
      {
        containers: [{ name: 'c', resources: { requests: { 'nvidia.com/mig-1g.5gb': '1' } } }],
        tolerations: [POOL_TOLERATION],
      },
      'toleration nvidia.com/gpu',
    ],
    [
      'tolerate a pool taint while requesting 0 GPUs (the scheduler then looks for none)',
      { containers: [gpuContainer(0)], tolerations: [POOL_TOLERATION] },
      'toleration nvidia.com/gpu',
    ],
    [
      'keep the toleration ExtendedResourceToleration adds for a request of 0 GPUs, in limits or an init container',
      {
        containers: [{ name: 'c', resources: { limits: { 'nvidia.com/gpu': '0' } } }],
        initContainers: [{ name: 'i', resources: { requests: { 'nvidia.com/gpu': '0.0' } } }],
        tolerations: [ADDED_FOR_GPU],
      },
      'toleration nvidia.com/gpu',
    ],
    [
      'tolerate a pool taint while requesting only CPU',
      { containers: [{ name: 'c', resources: { requests: { cpu: '64' } } }], tolerations: [POOL_TOLERATION] },
      'toleration nvidia.com/gpu',
    ],
    ['select a listed pool by its label', ...sel(POOL, 'booster')],
    ["select a label-selected pool by the site's own label", ...sel('example.org/partition', 'lisa')],
    ["select Slurm's nodes of a split pool", ...sel(SCHEDULER_LABEL, 'slurm')],
    ['select a pool node by hostname', ...sel('kubernetes.io/hostname', 'lrdn0003')],
    [
      'select any node by hostname (node names are not the way to place work)',
      ...sel('kubernetes.io/hostname', 'cpu-17'),
    ],
    [
      'require a node by hostname affinity',
      required('kubernetes.io/hostname', 'In', ['cpu-17']),
      'nodeAffinity (required)',
    ],
    ['select the MIG layout label the library applies', ...sel('nvidia.com/mig.config', 'aif-lisa')],
    ['bind to a node with nodeName', { nodeName: 'cpu-17' }, 'nodeName cpu-17'],
    // Issue 16, finding 8: the GPU operators', NFD's and the node roles' labels, any value.
    [
      'select GPU nodes by the NVIDIA feature discovery label',
      ...sel('nvidia.com/gpu.product', 'NVIDIA-H100'),
    ],
    ['select GPU nodes by a MIG layout of no pool', ...sel('nvidia.com/mig.config', 'all-1g.10gb')],
    ["select AMD GPU nodes by the labeller's label", ...sel('amd.com/gpu.family', 'AI')],
    [
      "select NVIDIA nodes by NFD's PCI vendor label",
      ...sel('feature.node.kubernetes.io/pci-10de.present', 'true'),
    ],
    ['select control-plane nodes', ...sel('node-role.kubernetes.io/control-plane', '')],
    [
      'require GPU nodes by the NVIDIA label (Exists)',
      required('nvidia.com/gpu.present', 'Exists'),
      'nodeAffinity (required)',
    ],
    ['prefer AMD GPU nodes', preferred('beta.amd.com/gpu.family', ['AI']), 'nodeAffinity (preferred)'],
    [
      'tolerate the control-plane taint',
      {
        tolerations: [
          { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
        ],
      },
      'toleration node-role.kubernetes.io/control-plane',
    ],
    [
      'tolerate a cordoned node',
      {
        tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }],
      },
      'toleration node.kubernetes.io/unschedulable',
    ],
    [
      "tolerate the taint of Slurm's CPU nodes",
      {
        tolerations: [
          {
            key: 'node-restriction.kubernetes.io/ai-factory.eu-scheduler',
            operator: 'Equal',
            value: 'slurm',
            effect: 'NoSchedule',
          },
        ],
      },
      'toleration node-restriction.kubernetes.io/ai-factory.eu-scheduler',
    ],
    [
      'require a pool by node affinity (In)',
      required(POOL, 'In', ['cpu', 'booster']),
      'nodeAffinity (required)',
    ],
    ['require pool nodes by Exists', required(ACCELERATOR, 'Exists'), 'nodeAffinity (required)'],
    [
      'require pool nodes by NotIn',
      required(SCHEDULER_LABEL, 'NotIn', ['kubernetes']),
      'nodeAffinity (required)',
    ],
    ['prefer a pool by node affinity', preferred(POOL, ['booster']), 'nodeAffinity (preferred)'],
    [
      'require a node by name (matchFields)',
      {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['lrdn0001'] }] },
              ],
            },
          },
        },
      },
      'nodeAffinity (required)',
    ],
    [
      'combine several',
      { tolerations: [{ operator: 'Exists' }], nodeSelector: { [POOL]: 'booster' } },
      `toleration (every key), nodeSelector ${POOL}=booster`,
    ],
  ])('a pod may not %s', (_what, spec, found) => {
    expect(check({ object: pod(spec) })).toEqual(refused(found));
  });

  it('refuses the same in the pod templates of every workload kind a controller expands', () => {
    const spec = { tolerations: [POOL_TOLERATION] };
    const objects: Array<[string, TfJson]> = [
      ['jobs', { spec: template(spec) }],
      ['cronjobs', { spec: { jobTemplate: { spec: template(spec) } } }],
      ['deployments', { spec: template(spec) }],
      ['replicasets', { spec: template(spec) }],
      ['statefulsets', { spec: template(spec) }],
      ['daemonsets', { spec: template(spec) }],
      [
        'jobsets',
        {
          spec: {
            replicatedJobs: [{ template: { spec: template({}) } }, { template: { spec: template(spec) } }],
          },
        },
      ],
      ['pytorchjobs', { spec: { pytorchReplicaSpecs: { Master: template({}), Worker: template(spec) } } }],
      ['mpijobs', { spec: { mpiReplicaSpecs: { Launcher: template(spec), Worker: template({}) } } }],
      ['trainjobs', { spec: { podSpecOverrides: [{ targetJobs: [{ name: 'node' }], ...spec }] } }],
      ['trainjobs', { spec: { podTemplateOverrides: [{ targetJobs: [{ name: 'node' }], spec }] } }],
    ];
    for (const [resource, object] of objects) {
      // The map kinds' findings name their replica type.
      const found = { pytorchjobs: '[Worker] ', mpijobs: '[Launcher] ' }[resource] ?? '';
      expect([resource, check({ resource, object })]).toEqual([
        resource,
        refused(`${found}toleration nvidia.com/gpu`),
      ]);
    }
    expect(check({ resource: 'jobs', object: { spec: template({ nodeName: 'lrdn0001' }) } })).toEqual(
      refused('nodeName lrdn0001'),
    );
  });

  it("compares a map kind's replica types as a set: the API server walks a map in random order", () => {
    // Kueue placed the Worker; the Launcher asks for no GPU. A label edit that sends the replica
    // types in the other order is the same placement; moving the toleration to the Launcher is not.
    const job = (specs: Record<string, TfJson>) => ({
      metadata: { labels: {} },
      spec: { pytorchReplicaSpecs: specs },
    });
    const kueued = { tolerations: [POOL_TOLERATION], containers: [gpuContainer(4)] };
    const before = job({ Master: template({}), Worker: template(kueued) });
    const reordered = job({ Worker: template(kueued), Master: template({}) });
    expect(
      check({ resource: 'pytorchjobs', operation: 'UPDATE', oldObject: before, object: reordered }),
    ).toEqual([]);
    const moved = job({
      Master: template({ tolerations: [POOL_TOLERATION] }),
      Worker: template({ containers: [gpuContainer(4)] }),
    });
    expect(check({ resource: 'pytorchjobs', operation: 'UPDATE', oldObject: before, object: moved })).toEqual(
      refused('[Master] toleration nvidia.com/gpu'),
    );
  });

  it('refuses a toleration added to a running pod, and a placement changed on an update', () => {
    const placed = pod({ tolerations: [POOL_TOLERATION], nodeSelector: { [POOL]: 'booster' } });
    const added = pod({
      tolerations: [POOL_TOLERATION, { operator: 'Exists' }],
      nodeSelector: placed.spec.nodeSelector,
    });
    expect(check({ operation: 'UPDATE', object: added, oldObject: placed })).toEqual(
      refused(`toleration nvidia.com/gpu, toleration (every key), nodeSelector ${POOL}=booster`),
    );
    const moved = {
      spec: template({ nodeSelector: { [POOL]: 'lisa', 'example.org/partition': 'lisa' } }),
    };
    expect(
      check({
        resource: 'jobs',
        operation: 'UPDATE',
        object: moved,
        oldObject: { spec: template({ nodeSelector: { [POOL]: 'booster' } }) },
      }),
    ).toEqual(refused(selected({ [POOL]: 'lisa', 'example.org/partition': 'lisa' })));
    // Copying the placement Kueue gave one replicated job to another one is a change too.
    const rj = (a: TfJson, b: TfJson) => ({
      spec: { replicatedJobs: [{ template: { spec: template(a) } }, { template: { spec: template(b) } }] },
    });
    const kueued = { tolerations: [POOL_TOLERATION] };
    expect(
      check({
        resource: 'jobsets',
        operation: 'UPDATE',
        object: rj(kueued, kueued),
        oldObject: rj(kueued, {}),
      }),
    ).toEqual(refused('toleration nvidia.com/gpu; toleration nvidia.com/gpu'));
  });
});

describe('placement guard: what passes', () => {
  it("passes Kueue's own update that injects a flavor's node labels and toleration", () => {
    const flavor = {
      nodeSelector: { [POOL]: 'booster', [SCHEDULER_LABEL]: 'kubernetes' },
      tolerations: [POOL_TOLERATION],
    };
    expect(
      check({
        resource: 'jobs',
        operation: 'UPDATE',
        username: KUEUE_CONTROLLER_USER,
        object: { spec: template({ containers: [gpuContainer(4)], ...flavor }) },
        oldObject: { spec: template({ containers: [gpuContainer(4)] }) },
      }),
    ).toEqual([]);
    // Plain pods: Kueue removes the gate and adds the placement in one update.
    expect(
      check({
        operation: 'UPDATE',
        username: KUEUE_CONTROLLER_USER,
        object: pod({ containers: [gpuContainer()], ...flavor }),
        oldObject: pod({
          containers: [gpuContainer()],
          schedulingGates: [{ name: 'kueue.x-k8s.io/admission' }],
        }),
      }),
    ).toEqual([]);
    // The same update from the tenant is refused.
    expect(
      check({
        resource: 'jobs',
        operation: 'UPDATE',
        object: { spec: template(flavor) },
        oldObject: { spec: template({}) },
      }),
    ).toEqual(
      refused(
        `toleration nvidia.com/gpu, ${selected({ [POOL]: 'booster', [SCHEDULER_LABEL]: 'kubernetes' })}`,
      ),
    );
  });

  it('passes the pods that controllers create from an admitted template', () => {
    const admitted = pod({
      nodeSelector: { [POOL]: 'booster' },
      tolerations: [POOL_TOLERATION],
    });
    for (const username of [
      'system:serviceaccount:kube-system:job-controller',
      'system:serviceaccount:kube-system:replicaset-controller',
      'system:serviceaccount:kube-system:statefulset-controller',
      'system:kube-controller-manager',
      JOBSET_USER,
    ]) {
      expect([username, check({ username, object: admitted })]).toEqual([username, []]);
    }
    expect(
      check({ username: JOBSET_USER, resource: 'jobs', object: { spec: template(admitted.spec) } }),
    ).toEqual([]);
  });

  it("passes a tenant pod that requests a pool's GPU resource and tolerates that pool's taint (MIG without Kueue)", () => {
    const mig = { 'nvidia.com/mig-3g.40gb': '1' };
    for (const toleration of [POOL_TOLERATION, { key: 'nvidia.com/gpu', operator: 'Exists' }]) {
      expect(
        check({
          object: pod({
            containers: [{ name: 'c', resources: { requests: mig } }],
            tolerations: [toleration],
          }),
        }),
      ).toEqual([]);
    }
    expect(check({ object: pod({ containers: [gpuContainer(8)], tolerations: [POOL_TOLERATION] }) })).toEqual(
      [],
    );
  });

  it('passes a tenant pod that requests a GPU with the toleration ExtendedResourceToleration adds', () => {
    expect(check({ object: pod({ containers: [gpuContainer()], tolerations: [ADDED_FOR_GPU] }) })).toEqual(
      [],
    );
    // In an init container, or as a limit in a Job template (templates are not defaulted).
    expect(
      check({
        object: pod({
          initContainers: [gpuContainer()],
          containers: [{ name: 'main' }],
          tolerations: [ADDED_FOR_GPU],
        }),
      }),
    ).toEqual([]);
    expect(
      check({
        resource: 'jobs',
        object: {
          spec: template({
            containers: [{ name: 'c', resources: { limits: { 'nvidia.com/gpu': '2' } } }],
            tolerations: [ADDED_FOR_GPU],
          }),
        },
      }),
    ).toEqual([]);
    // A MIG request's toleration has the MIG resource's key, which is no pool's taint.
    const mig = { 'nvidia.com/mig-3g.40gb': '1' };
    expect(
      check({
        object: pod({
          containers: [{ name: 'c', resources: { requests: mig } }],
          tolerations: [{ key: 'nvidia.com/mig-3g.40gb', operator: 'Exists', effect: 'NoSchedule' }],
        }),
      }),
    ).toEqual([]);
  });

  it.each<[string, TfJson]>([
    ['no placement at all', {}],
    [
      'tolerations the API server adds to every pod, and an unrelated one',
      {
        tolerations: [
          {
            key: 'node.kubernetes.io/not-ready',
            operator: 'Exists',
            effect: 'NoExecute',
            tolerationSeconds: 300,
          },
          {
            key: 'node.kubernetes.io/unreachable',
            operator: 'Exists',
            effect: 'NoExecute',
            tolerationSeconds: 300,
          },
          { key: 'example.org/maintenance', operator: 'Exists' },
        ],
      },
    ],
    ['a zone node selector', { nodeSelector: { 'topology.kubernetes.io/zone': 'eu-south-1a' } }],
    ["a CPU partition by the key a pool's label uses", { nodeSelector: { 'example.org/partition': 'cpu' } }],
    ['required affinity for CPU nodes (In with no pool value)', required(POOL, 'In', ['cpu'])],
    ['required affinity away from the pools (DoesNotExist)', required(ACCELERATOR, 'DoesNotExist')],
    ['preferred affinity for a zone', preferred('topology.kubernetes.io/zone', ['eu-south-1a'])],
    [
      'an NFD CPU label (every node has one)',
      { nodeSelector: { 'feature.node.kubernetes.io/cpu-model.vendor_id': 'AMD' } },
    ],
    [
      'required affinity away from NVIDIA nodes (DoesNotExist)',
      required('nvidia.com/gpu.present', 'DoesNotExist'),
    ],
  ])('passes a tenant pod with %s', (_what, spec) => {
    expect(check({ object: pod(spec) })).toEqual([]);
  });

  it('passes a tenant update that leaves the placement Kueue gave as it was', () => {
    const placed = template({
      nodeSelector: { [POOL]: 'booster' },
      tolerations: [POOL_TOLERATION],
    });
    expect(
      check({
        resource: 'jobs',
        operation: 'UPDATE',
        object: { metadata: { labels: { team: 'a' } }, spec: placed },
        oldObject: { metadata: {}, spec: placed },
      }),
    ).toEqual([]);
  });

  it("is built from its site's pools, as they stand at synthesis, when it is given none", () => {
    expect(policies(false).specs['aif-tenant-placement']).toEqual(placement);
  });

  it('matches every kind whose pod specs it reads, in tenant namespaces only, and fails closed', () => {
    expect(placement.failurePolicy).toBe('Fail');
    expect(placement.matchConstraints.namespaceSelector).toEqual({
      matchExpressions: [{ key: TENANT_LABEL, operator: 'Exists' }],
    });
    expect(placement.matchConstraints.resourceRules.map((r: TfJson) => r.resources[0]).sort()).toEqual([
      'cronjobs',
      'daemonsets',
      'deployments',
      'jobs',
      'jobsets',
      'mpijobs',
      'pods',
      'pytorchjobs',
      'replicasets',
      'statefulsets',
      'trainjobs',
    ]);
    // The site's own namespaces are not the policy's (their pods go to the pools as they must).
    expect(check({ namespaceLabels: {}, object: pod({ nodeSelector: { [POOL]: 'x' } }) })).toBe(NOT_MATCHED);
  });
});

describe('Services: ExternalName refused', () => {
  const services = all['aif-tenant-services'];
  const svc = (spec: TfJson, oldSpec?: TfJson) =>
    admit(services, {
      resource: 'services',
      namespaceLabels: tenantNs,
      object: { spec },
      ...(oldSpec ? { operation: 'UPDATE' as const, oldObject: { spec: oldSpec } } : {}),
    });
  const externalName = [
    "Services in tenant namespaces may not be of type ExternalName (a confused deputy, the CVE-2021-25740 family: proxies and ingress controllers would follow it with their own rights); use a ClusterIP Service with a selector, or reach the external name directly (the tenant's egressCidrs)",
  ];

  it('refuses an ExternalName Service, created or turned into one', () => {
    expect(svc({ type: 'ExternalName', externalName: 'kubernetes.default.svc.cluster.local' })).toEqual(
      externalName,
    );
    expect(
      svc(
        { type: 'ExternalName', externalName: 'db.other-tenant.svc' },
        { type: 'ClusterIP', ports: [{ port: 80 }] },
      ),
    ).toEqual(externalName);
  });

  it('passes ClusterIP and headless Services', () => {
    expect(svc({ ports: [{ port: 80 }], selector: { app: 'a' } })).toEqual([]);
    expect(svc({ type: 'ClusterIP', ports: [{ port: 80 }] })).toEqual([]);
    expect(svc({ type: 'ClusterIP', clusterIP: 'None', selector: { app: 'a' } })).toEqual([]);
  });
});
