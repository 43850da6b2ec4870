import { AmdGpuOperator, CertManager, GpuNodePool, NvidiaGpuOperator } from '../../lib';
import { AiFactorySite } from '../../lib/site/site';
import { profile as stuttgart } from '../../stacks/sites/stuttgart';
import { helmValues, resources, sampleProfile, synth, testApp, testStack } from '../helpers';

function nvidiaPools(stack: ReturnType<typeof testStack>) {
  return [
    new GpuNodePool(stack, 'whole', {
      name: 'whole',
      accelerator: 'nvidia-h100-80gb',
      gpusPerNode: 8,
      nodes: { hostlist: 'w1' },
    }),
    new GpuNodePool(stack, 'mig', {
      name: 'mig',
      accelerator: 'nvidia-a100-80gb',
      gpusPerNode: 8,
      nodes: { labels: { 'example.org/mig': 'yes' }, count: 2 },
      taint: { key: 'example.org/mig-pool', value: 'yes', effect: 'NoSchedule' },
      mig: { profiles: { '3g.40gb': 1, '1g.10gb': 4 } },
    }),
    new GpuNodePool(stack, 'sliced', {
      name: 'sliced',
      accelerator: 'nvidia-a100-40gb',
      gpusPerNode: 4,
      nodes: { hostlist: 's1' },
      timeSlicingReplicas: 4,
    }),
  ];
}

describe('NvidiaGpuOperator', () => {
  it('isolates GPUs between tenants: volume-mount device lists, no NVIDIA_VISIBLE_DEVICES from unprivileged pods', () => {
    const stack = testStack();
    new NvidiaGpuOperator(stack, 'op', { pools: nvidiaPools(stack).slice(0, 1) });
    const v = helmValues(synth(stack), 'gpu-operator');
    expect(v.devicePlugin.env).toContainEqual({ name: 'DEVICE_LIST_STRATEGY', value: 'volume-mounts' });
    expect(v.toolkit.env).toContainEqual({
      name: 'ACCEPT_NVIDIA_VISIBLE_DEVICES_ENVVAR_WHEN_UNPRIVILEGED',
      value: 'false',
    });
    expect(v.toolkit.env).toContainEqual({
      name: 'ACCEPT_NVIDIA_VISIBLE_DEVICES_AS_VOLUME_MOUNTS',
      value: 'true',
    });
  });

  it('uses host-installed drivers by default and can install them', () => {
    const a = testStack('a');
    new NvidiaGpuOperator(a, 'op', { pools: nvidiaPools(a).slice(0, 1) });
    expect(helmValues(synth(a), 'gpu-operator').driver).toEqual({ enabled: false });
    const b = testStack('b');
    new NvidiaGpuOperator(b, 'op', { pools: nvidiaPools(b).slice(0, 1), driver: 'operator' });
    expect(helmValues(synth(b), 'gpu-operator').driver).toEqual({ enabled: true });
  });

  it("configures MIG manager from the pools' layouts under the mixed strategy", () => {
    const stack = testStack();
    const op = new NvidiaGpuOperator(stack, 'op', { pools: nvidiaPools(stack) });
    const v = helmValues(synth(stack), 'gpu-operator');
    expect(op.migStrategy).toBe('mixed');
    expect(v.mig).toEqual({ strategy: 'mixed' });
    expect(v.migManager.enabled).toBe(true);
    expect(v.migManager.config).toMatchObject({
      create: true,
      name: 'aif-mig-parted-config',
      default: 'all-disabled',
    });
    const parted = JSON.parse(v.migManager.config.data['config.yaml']);
    expect(parted['mig-configs']['aif-mig']).toEqual([
      { devices: 'all', 'mig-enabled': true, 'mig-devices': { '1g.10gb': 4, '3g.40gb': 1 } },
    ]);
    expect(parted['mig-configs']['all-disabled']).toEqual([{ devices: 'all', 'mig-enabled': false }]);
  });

  it('configures time-slicing per pool and refuses requests for several slices', () => {
    const stack = testStack();
    new NvidiaGpuOperator(stack, 'op', { pools: nvidiaPools(stack) });
    const cfg = helmValues(synth(stack), 'gpu-operator').devicePlugin.config;
    expect(cfg).toMatchObject({ create: true, name: 'aif-device-plugin-config', default: 'aif-whole-gpus' });
    const sliced = JSON.parse(cfg.data['aif-sliced']);
    expect(sliced.sharing.timeSlicing).toEqual({
      failRequestsGreaterThanOne: true,
      resources: [{ name: 'nvidia.com/gpu', replicas: 4 }],
    });
  });

  it('tolerates every pool taint on its daemonsets, and runs in a privileged namespace it creates', () => {
    const stack = testStack();
    new NvidiaGpuOperator(stack, 'op', { pools: nvidiaPools(stack) });
    const json = synth(stack);
    expect(helmValues(json, 'gpu-operator').daemonsets.tolerations).toEqual([
      { key: 'example.org/mig-pool', operator: 'Equal', value: 'yes', effect: 'NoSchedule' },
      { key: 'nvidia.com/gpu', operator: 'Equal', value: 'present', effect: 'NoSchedule' },
    ]);
    const ns = resources(json, 'kubernetes_namespace_v1')['namespace_gpu-operator'];
    expect(ns.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('privileged');
    const rel = resources(json, 'helm_release')['helm_gpu-operator_gpu-operator'];
    expect(rel).toMatchObject({
      repository: 'https://helm.ngc.nvidia.com/nvidia',
      chart: 'gpu-operator',
      version: 'v26.7.0',
      namespace: 'gpu-operator',
      atomic: true,
      cleanup_on_fail: true,
      max_history: 10,
    });
    expect(rel.depends_on).toEqual(['kubernetes_namespace_v1.namespace_gpu-operator']);
  });

  it('keeps the single strategy and MIG manager off without MIG pools', () => {
    const stack = testStack();
    new NvidiaGpuOperator(stack, 'op', { pools: nvidiaPools(stack).slice(0, 1) });
    const v = helmValues(synth(stack), 'gpu-operator');
    expect(v.mig).toEqual({ strategy: 'single' });
    expect(v.migManager).toEqual({ enabled: false });
  });

  it('refuses AMD pools', () => {
    const stack = testStack();
    const amd = new GpuNodePool(stack, 'amd', {
      name: 'amd',
      accelerator: 'amd-mi300a',
      gpusPerNode: 4,
      nodes: { hostlist: 'a1' },
    });
    expect(() => new NvidiaGpuOperator(stack, 'op', { pools: [amd] })).toThrow(
      /pools amd are not NVIDIA pools/,
    );
  });
});

describe('AmdGpuOperator', () => {
  it('tolerates the AMD pool taints, waits for cert-manager, and uses host drivers by default', () => {
    const stack = testStack();
    const pool = new GpuNodePool(stack, 'p', {
      name: 'lumi-g',
      accelerator: 'amd-mi250x',
      gpusPerNode: 8,
      nodes: { labels: { a: 'b' }, count: 2 },
    });
    const cm = new CertManager(stack, 'cm');
    new AmdGpuOperator(stack, 'amd', { pools: [pool], certManager: cm });
    const json = synth(stack);
    const v = helmValues(json, 'gpu-operator-charts');
    const tol = [{ key: 'amd.com/gpu', operator: 'Equal', value: 'present', effect: 'NoSchedule' }];
    expect(v.deviceConfig.spec.devicePlugin.devicePluginTolerations).toEqual(tol);
    expect(v.deviceConfig.spec.devicePlugin.nodeLabellerTolerations).toEqual(tol);
    expect(v.deviceConfig.spec.metricsExporter.tolerations).toEqual(tol);
    expect(v.deviceConfig.spec.driver).toEqual({ enable: false });
    expect(v['node-feature-discovery'].worker.tolerations).toContainEqual(tol[0]);
    const rel = resources(json, 'helm_release')['helm_kube-amd-gpu_gpu-operator-charts'];
    expect(rel.depends_on).toContain('helm_release.helm_cert-manager_cert-manager');
    expect(helmValues(json, 'cert-manager')).toEqual({ crds: { enabled: true } });
  });
});

describe('one Node Feature Discovery for NVIDIA and AMD pools (issue 18, item 4)', () => {
  const build = () => {
    const stack = testStack();
    const nvidia = new GpuNodePool(stack, 'h', {
      name: 'h100',
      accelerator: 'nvidia-h100-80gb',
      gpusPerNode: 8,
      nodes: { hostlist: 'h1' },
      taint: { key: 'example.org/h100', value: 'yes', effect: 'NoSchedule' },
    });
    const amd = new GpuNodePool(stack, 'm', {
      name: 'mi300a',
      accelerator: 'amd-mi300a',
      gpusPerNode: 4,
      nodes: { hostlist: 'm1' },
    });
    const nv = new NvidiaGpuOperator(stack, 'nvidia', { pools: [nvidia], featureDiscoveryFor: [amd] });
    new AmdGpuOperator(stack, 'amd', {
      pools: [amd],
      certManager: new CertManager(stack, 'cm'),
      nodeFeatureDiscovery: nv,
    });
    return synth(stack);
  };

  it("switches the AMD chart's NFD off and runs NVIDIA's on both vendors' nodes", () => {
    const json = build();
    expect(helmValues(json, 'gpu-operator-charts')['node-feature-discovery']).toEqual({ enabled: false });
    const nvidiaValues = helmValues(json, 'gpu-operator');
    // NVIDIA's chart keeps NFD on (its default), and its worker tolerates every pool's taint and
    // the taints each chart's own NFD tolerated.
    expect(nvidiaValues.nfd).toBeUndefined();
    expect(nvidiaValues['node-feature-discovery'].worker.tolerations).toEqual([
      { key: 'node-role.kubernetes.io/control-plane', operator: 'Equal', value: '', effect: 'NoSchedule' },
      { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'amd-dcm', operator: 'Equal', value: 'up', effect: 'NoExecute' },
      { key: 'amd-gpu-unhealthy', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'amd.com/gpu', operator: 'Equal', value: 'present', effect: 'NoSchedule' },
      { key: 'example.org/h100', operator: 'Equal', value: 'yes', effect: 'NoSchedule' },
    ]);
  });

  it("installs the AMD operator (and its NodeFeatureRule) after NVIDIA's NFD and its CRDs", () => {
    const rel = resources(build(), 'helm_release')['helm_kube-amd-gpu_gpu-operator-charts'];
    expect(rel.depends_on).toContain('helm_release.helm_gpu-operator_gpu-operator');
  });

  it('runs one NFD at a site with both vendors, and each chart its own where a site has one vendor', () => {
    const both = sampleProfile({
      nodePools: [
        { name: 'h100', accelerator: 'nvidia-h100-80gb', gpusPerNode: 8, nodes: { hostlist: 'h1' } },
        { name: 'mi300a', accelerator: 'amd-mi300a', gpusPerNode: 4, nodes: { hostlist: 'm1' } },
      ],
      tenants: [],
    });
    const platform = synth(new AiFactorySite(testApp(), both).platform);
    expect(helmValues(platform, 'gpu-operator-charts')['node-feature-discovery']).toEqual({ enabled: false });
    expect(helmValues(platform, 'gpu-operator')['node-feature-discovery']).toBeDefined();
    const amdOnly = synth(new AiFactorySite(testApp(), stuttgart).platform);
    expect(helmValues(amdOnly, 'gpu-operator-charts')['node-feature-discovery'].enabled).toBeUndefined();
  });
});
