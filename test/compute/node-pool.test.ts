import { GpuNodePool, ValidationError } from '../../lib';
import { Testing } from 'cdktf';
import { resources, synth, testStack } from '../helpers';

describe('GpuNodePool', () => {
  it('labels and taints every listed node, one resource each, addressed by node name', () => {
    const stack = testStack();
    const pool = new GpuNodePool(stack, 'pool', {
      name: 'booster',
      accelerator: 'nvidia-a100-64gb',
      gpusPerNode: 4,
      nodes: { hostlist: 'lrdn[0001-0003]' },
      interconnect: { fabric: 'infiniband', generation: 'HDR100', linksPerNode: 4, gbpsPerLink: 100 },
    });
    const json = synth(stack);
    const labels = resources(json, 'kubernetes_labels');
    const taints = resources(json, 'kubernetes_node_taint');
    expect(Object.keys(labels).sort()).toEqual([
      'pool_booster_labels_lrdn0001',
      'pool_booster_labels_lrdn0002',
      'pool_booster_labels_lrdn0003',
    ]);
    expect(Object.keys(taints)).toHaveLength(3);

    const l = labels.pool_booster_labels_lrdn0002;
    expect(l).toMatchObject({
      api_version: 'v1',
      kind: 'Node',
      metadata: { name: 'lrdn0002' },
      field_manager: 'cdktf-ai-factory',
    });
    expect(l.labels).toEqual({
      'node-restriction.kubernetes.io/ai-factory.eu-pool': 'booster',
      'node-restriction.kubernetes.io/ai-factory.eu-accelerator': 'nvidia-a100-64gb',
      'node-restriction.kubernetes.io/ai-factory.eu-interconnect': 'infiniband',
    });
    // Labels are a map: force takes only the keys above.
    expect(l.force).toBe(true);

    const t = taints.pool_booster_taint_lrdn0001;
    expect(t.metadata).toEqual({ name: 'lrdn0001' });
    expect(t.taint).toEqual([{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }]);
    // The taint list is atomic: never take it over silently.
    expect(t.force).toBe(false);
    // Each resource applies only its own fields, and an apply takes away what its field manager
    // applied before and left out: under one manager each would remove the other's at every apply
    // (the plan after an apply was never empty on a real API server). The taint goes first.
    expect(t.field_manager).toBe('cdktf-ai-factory-taints');
    expect(l.field_manager).not.toBe(t.field_manager);
    expect(l.depends_on).toEqual(['kubernetes_node_taint.pool_booster_taint_lrdn0002']);

    expect(pool.nodeCount).toBe(3);
    expect(pool.gpuCount).toBe(12);
    expect(pool.nodeSelector).toEqual({ 'node-restriction.kubernetes.io/ai-factory.eu-pool': 'booster' });
    expect(pool.toleration).toEqual({
      key: 'nvidia.com/gpu',
      operator: 'Equal',
      value: 'present',
      effect: 'NoSchedule',
    });
  });

  it("carries the site's own taints on listed nodes, because it owns the whole list", () => {
    const stack = testStack();
    new GpuNodePool(stack, 'pool', {
      name: 'p',
      accelerator: 'nvidia-h100-80gb',
      gpusPerNode: 8,
      nodes: { hostlist: 'n1' },
      additionalTaints: [{ key: 'site.example/maintenance', value: 'planned', effect: 'NoSchedule' }],
      forceTaintOwnership: true,
    });
    const t = resources(synth(stack), 'kubernetes_node_taint').pool_p_taint_n1;
    expect(t.taint).toEqual([
      { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' },
      { key: 'site.example/maintenance', value: 'planned', effect: 'NoSchedule' },
    ]);
    expect(t.force).toBe(true);
  });

  it("selects label-selected pools by the pool label, not the site's, and outputs what the site must apply", () => {
    const stack = testStack();
    const pool = new GpuNodePool(stack, 'pool', {
      name: 'lumi-g',
      accelerator: 'amd-mi250x',
      gpusPerNode: 8,
      nodes: { labels: { 'lumi.csc.fi/partition': 'k8s' }, count: 64 },
    });
    const json = synth(stack);
    expect(resources(json, 'kubernetes_labels')).toEqual({});
    expect(resources(json, 'kubernetes_node_taint')).toEqual({});
    // The site's label only says which nodes to label: a kubelet may set it on its own Node.
    expect(pool.nodeSelector).toEqual({ 'node-restriction.kubernetes.io/ai-factory.eu-pool': 'lumi-g' });
    expect(pool.taint).toEqual({ key: 'amd.com/gpu', value: 'present', effect: 'NoSchedule' });
    expect(pool.offers).toEqual([{ resource: 'amd.com/gpu', units: 512 }]);
    expect(json.output['pool_lumi-g_site_applied_node_config'].value).toEqual({
      nodes: { labels: { 'lumi.csc.fi/partition': 'k8s' }, count: 64 },
      selector: { 'node-restriction.kubernetes.io/ai-factory.eu-pool': 'lumi-g' },
      labels: {
        'node-restriction.kubernetes.io/ai-factory.eu-pool': 'lumi-g',
        'node-restriction.kubernetes.io/ai-factory.eu-accelerator': 'amd-mi250x',
      },
      taint: 'amd.com/gpu=present:NoSchedule',
    });
  });

  it('labels the last slurmNodes nodes of a listed pool for Slurm, the others for Kubernetes', () => {
    const stack = testStack();
    const pool = new GpuNodePool(stack, 'pool', {
      name: 'booster',
      accelerator: 'nvidia-a100-64gb',
      gpusPerNode: 4,
      nodes: { hostlist: 'lrdn[0001-0005]' },
      slurmNodes: 2,
    });
    const labels = resources(synth(stack), 'kubernetes_labels');
    const scheduler = Object.fromEntries(
      Object.values(labels).map((l) => [
        l.metadata.name,
        l.labels['node-restriction.kubernetes.io/ai-factory.eu-scheduler'],
      ]),
    );
    expect(scheduler).toEqual({
      lrdn0001: 'kubernetes',
      lrdn0002: 'kubernetes',
      lrdn0003: 'kubernetes',
      lrdn0004: 'slurm',
      lrdn0005: 'slurm',
    });
    // The other labels are those of an unsplit pool.
    expect(labels.pool_booster_labels_lrdn0004.labels).toEqual({
      'node-restriction.kubernetes.io/ai-factory.eu-pool': 'booster',
      'node-restriction.kubernetes.io/ai-factory.eu-accelerator': 'nvidia-a100-64gb',
      'node-restriction.kubernetes.io/ai-factory.eu-scheduler': 'slurm',
    });
    expect(pool.slurmNodes).toBe(2);
    expect(pool.nodeSelector).toEqual({ 'node-restriction.kubernetes.io/ai-factory.eu-pool': 'booster' });
    expect(pool.kubernetesSelector).toEqual({
      'node-restriction.kubernetes.io/ai-factory.eu-pool': 'booster',
      'node-restriction.kubernetes.io/ai-factory.eu-scheduler': 'kubernetes',
    });
    expect(pool.slurmSelector).toEqual({
      'node-restriction.kubernetes.io/ai-factory.eu-pool': 'booster',
      'node-restriction.kubernetes.io/ai-factory.eu-scheduler': 'slurm',
    });
  });

  it('writes no scheduler label and keeps one selector where Slurm holds none of the pool', () => {
    const build = (extra: { slurmNodes?: number }) => {
      const stack = testStack();
      const pool = new GpuNodePool(stack, 'pool', {
        name: 'p',
        accelerator: 'nvidia-h100-80gb',
        gpusPerNode: 8,
        nodes: { hostlist: 'n[1-2]' },
        ...extra,
      });
      return { pool, json: Testing.synth(stack) };
    };
    const unset = build({});
    const zero = build({ slurmNodes: 0 });
    expect(zero.json).toBe(unset.json);
    expect(unset.json).not.toContain('node-restriction.kubernetes.io/ai-factory.eu-scheduler');
    expect(unset.pool.kubernetesSelector).toEqual(unset.pool.nodeSelector);
    expect(unset.pool.slurmSelector).toEqual(unset.pool.nodeSelector);
  });

  it('tells the site how many nodes of a label-selected pool to label for each scheduler', () => {
    const stack = testStack();
    const pool = new GpuNodePool(stack, 'pool', {
      name: 'mn5-acc',
      accelerator: 'nvidia-h100-64gb',
      gpusPerNode: 4,
      nodes: { labels: { 'bsc.es/partition': 'acc' }, count: 80 },
      slurmNodes: 8,
    });
    const json = synth(stack);
    expect(resources(json, 'kubernetes_labels')).toEqual({});
    const out = json.output['pool_mn5-acc_site_applied_node_config'].value;
    expect(out.schedulerLabel).toEqual({
      key: 'node-restriction.kubernetes.io/ai-factory.eu-scheduler',
      nodes: { kubernetes: 72, slurm: 8 },
    });
    expect(out.nodes).toEqual({ labels: { 'bsc.es/partition': 'acc' }, count: 80 });
    expect(out.selector).toEqual({ 'node-restriction.kubernetes.io/ai-factory.eu-pool': 'mn5-acc' });
    expect(pool.kubernetesSelector).toEqual({
      'node-restriction.kubernetes.io/ai-factory.eu-pool': 'mn5-acc',
      'node-restriction.kubernetes.io/ai-factory.eu-scheduler': 'kubernetes',
    });
    expect(pool.slurmSelector).toEqual({
      'node-restriction.kubernetes.io/ai-factory.eu-pool': 'mn5-acc',
      'node-restriction.kubernetes.io/ai-factory.eu-scheduler': 'slurm',
    });
  });

  it('refuses a Slurm share larger than the pool or not a whole number', () => {
    for (const slurmNodes of [3, -1, 1.5]) {
      let error: unknown;
      try {
        new GpuNodePool(testStack(), 'p', {
          name: 'p',
          accelerator: 'nvidia-h100-80gb',
          gpusPerNode: 8,
          nodes: { hostlist: 'n[1-2]' },
          slurmNodes,
        });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => [i.code, i.path])).toEqual([
        ['SCHEDULER_NODES_EXCEEDED', 'props.slurmNodes'],
      ]);
      expect((error as Error).message).toMatch(/pool 'p' has 2 nodes/);
    }
  });

  it('labels MIG and time-sliced nodes with their configuration names', () => {
    const stack = testStack();
    const mig = new GpuNodePool(stack, 'mig', {
      name: 'mig',
      accelerator: 'nvidia-a100-80gb',
      gpusPerNode: 8,
      nodes: { hostlist: 'm1' },
      mig: { profiles: { '1g.10gb': 7 } },
    });
    const sliced = new GpuNodePool(stack, 'sliced', {
      name: 'sliced',
      accelerator: 'nvidia-a100-40gb',
      gpusPerNode: 4,
      nodes: { hostlist: 's1' },
      timeSlicingReplicas: 4,
    });
    const labels = resources(synth(stack), 'kubernetes_labels');
    expect(labels.pool_mig_labels_m1.labels['nvidia.com/mig.config']).toBe('aif-mig');
    expect(labels.pool_sliced_labels_s1.labels['nvidia.com/device-plugin.config']).toBe('aif-sliced');
    expect(mig.offers).toEqual([{ resource: 'nvidia.com/mig-1g.10gb', migProfile: '1g.10gb', units: 56 }]);
    expect(sliced.offers).toEqual([{ resource: 'nvidia.com/gpu', units: 16 }]);
  });

  it('rejects bad props with every problem, by code', () => {
    const stack = testStack();
    let error: unknown;
    try {
      new GpuNodePool(stack, 'bad', {
        name: 'Bad',
        accelerator: 'nvidia-a100-80gb',
        gpusPerNode: 0,
        nodes: { hostlist: 'x[1-' },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.code)).toEqual([
      'NAME_INVALID',
      'COUNT_NOT_POSITIVE',
      'HOSTLIST_INVALID',
    ]);
    expect((error as Error).message).toMatch(/^GpuNodePool 'Bad' has 3 problems/);
  });
});
