/**
 * The container images of each pinned chart, and where in the chart's values each one is named:
 * knowledge an air-gapped site needs twice, to copy the images into its own registry (`aif charts`)
 * and to point every release at that copy (lib/platform/mirror.ts).
 *
 * Charts name images in four ways, and each entry says which:
 * - `repository`: `<path>.repository` is the whole repository (`registry.k8s.io/kueue/kueue`), with
 *   `<path>.tag` beside it (Kueue, Slinky, Rook, csi-driver-nfs' plugin, TopoLVM, AMD's operator);
 * - `split`: `<path>.repository` is registry and namespace, `<path>.image` the name and
 *   `<path>.version` the tag (NVIDIA's GPU operator);
 * - `reference`: `<path>` is one `repository:tag` string (AMD's DeviceConfig);
 * - `registry`: `<path>` is a registry the chart puts in front of the image's path (cert-manager's
 *   `imageRegistry` before `jetstack/cert-manager-controller`; csi-driver-nfs' `image.baseRepo`
 *   before `/sig-storage/csi-provisioner`).
 *
 * Paths, defaults and tags come from each chart's default values at the pinned version (the
 * reference data that `aif reference pull` writes). A `*` in a path stands for every entry the
 * release's own values have there (Slinky's `nodesets.<name>`). `when` lists the switches that
 * deploy the image, with their chart defaults, so `aif charts` lists only what a site pulls.
 *
 * Not covered: images of subcharts (node-feature-discovery in both GPU operators, AMD's KMM), whose
 * values are not in the parent chart's defaults; docs/air-gapped.md says how to mirror those.
 */

import type { ChartRef } from './charts';

export interface ImageSwitch {
  /** Dotted path of a boolean value. */
  readonly path: string;
  /** The chart's default for it. */
  readonly default: boolean;
}

export interface ChartImage {
  readonly kind: 'repository' | 'split' | 'reference' | 'registry';
  /** Dotted path in the values (see the module comment for what it points at). */
  readonly path: string;
  /** Upstream repository with its registry host, without tag: `nvcr.io/nvidia/gpu-operator`. */
  readonly image: string;
  /** Upstream tag at the pinned chart version. */
  readonly tag: string;
  /** @default - always deployed */
  readonly when?: readonly ImageSwitch[];
  /**
   * The chart's own default where it floats (`latest`, a branch): `tag` is then the pinned tag the
   * library writes into every release's values (`pinImages`), and `image` the repository it pins.
   * @default - the chart's default is `image:tag` already
   */
  readonly upstream?: string;
}

const on = (path: string): ImageSwitch => ({ path, default: true });
const off = (path: string): ImageSwitch => ({ path, default: false });

const slot =
  (kind: ChartImage['kind']) =>
  (path: string, image: string, tag: string, ...when: ImageSwitch[]): ChartImage => ({
    kind,
    path,
    image,
    tag,
    when,
  });
/** A slot whose chart default floats (`upstream`), pinned to `image:tag` by the library. */
const pinned = (s: ChartImage, upstream: string): ChartImage => ({ ...s, upstream });
const nvidia = slot('split');
const repo = slot('repository');
const ref = slot('reference');
const registry = slot('registry');

const sandbox = off('sandboxWorkloads.enabled');
const slurmImage = (component: string) => `ghcr.io/slinkyproject/${component}`;
// The chart's `26.05-ubuntu26.04` is a series tag, moved to each Slurm patch release; Slinky's
// image builds tag every image with the full version too (SlinkyProject/containers,
// schedmd/slurm/*/docker-bake.hcl: `<major>.<minor>-<flavor>` and `<version>-<flavor>`), and
// schedmd/slurm/26.05/*/slurm.hcl builds 26.05.1.
const SLURM_TAG = '26.05.1-ubuntu26.04';
const SLURM_SERIES_TAG = '26.05-ubuntu26.04';
/** A Slurm image slot, pinned from the chart's series tag to the patch release. */
const slurm = (path: string, component: string, ...when: ImageSwitch[]) =>
  pinned(
    repo(path, slurmImage(component), SLURM_TAG, ...when),
    `${slurmImage(component)}:${SLURM_SERIES_TAG}`,
  );
// The Slurm chart's log and init sidecars default to `alpine:latest`; 3.22.2 is an Alpine release
// (https://alpinelinux.org/releases/), pinned here.
const alpine = (path: string) =>
  pinned(repo(path, 'docker.io/library/alpine', '3.22.2'), 'docker.io/library/alpine:latest');

/** Images by chart key (`ChartRef.key`). */
export const CHART_IMAGES: Readonly<Record<string, readonly ChartImage[]>> = {
  // https://github.com/cert-manager/cert-manager/blob/v1.21.1/deploy/charts/cert-manager/values.yaml
  'cert-manager': [
    registry('imageRegistry', 'quay.io/jetstack/cert-manager-controller', 'v1.21.1'),
    registry('imageRegistry', 'quay.io/jetstack/cert-manager-webhook', 'v1.21.1'),
    registry(
      'imageRegistry',
      'quay.io/jetstack/cert-manager-cainjector',
      'v1.21.1',
      on('cainjector.enabled'),
    ),
    registry('imageRegistry', 'quay.io/jetstack/cert-manager-acmesolver', 'v1.21.1'),
    registry(
      'imageRegistry',
      'quay.io/jetstack/cert-manager-startupapicheck',
      'v1.21.1',
      on('startupapicheck.enabled'),
    ),
  ],
  // https://github.com/NVIDIA/gpu-operator/blob/main/deployments/gpu-operator/values.yaml (v26.7.0)
  'nvidia-gpu-operator': [
    nvidia('operator', 'nvcr.io/nvidia/gpu-operator', 'v26.7.0'),
    nvidia('validator', 'nvcr.io/nvidia/gpu-operator', 'v26.7.0'),
    nvidia('driver', 'nvcr.io/nvidia/driver', '595.91.07', on('driver.enabled')),
    nvidia(
      'driver.manager',
      'nvcr.io/nvidia/cloud-native/k8s-driver-manager',
      'v0.12.0',
      on('driver.enabled'),
    ),
    nvidia('toolkit', 'nvcr.io/nvidia/k8s/container-toolkit', 'v1.20.0', on('toolkit.enabled')),
    nvidia('devicePlugin', 'nvcr.io/nvidia/k8s-device-plugin', 'v0.20.0', on('devicePlugin.enabled')),
    nvidia('dcgm', 'nvcr.io/nvidia/cloud-native/dcgm', '4.6.0-1-ubuntu24.04', off('dcgm.enabled')),
    nvidia(
      'dcgmExporter',
      'nvcr.io/nvidia/k8s/dcgm-exporter',
      '4.6.0-4.8.3-distroless',
      on('dcgmExporter.enabled'),
    ),
    nvidia('gfd', 'nvcr.io/nvidia/k8s-device-plugin', 'v0.20.0', on('gfd.enabled')),
    nvidia('migManager', 'nvcr.io/nvidia/cloud-native/k8s-mig-manager', 'v0.15.0', on('migManager.enabled')),
    nvidia('nodeStatusExporter', 'nvcr.io/nvidia/gpu-operator', 'v26.7.0', off('nodeStatusExporter.enabled')),
    nvidia('gds', 'nvcr.io/nvidia/cloud-native/nvidia-fs', '2.29.4', off('gds.enabled')),
    nvidia('gdrcopy', 'nvcr.io/nvidia/cloud-native/gdrdrv', 'v2.6', off('gdrcopy.enabled')),
    nvidia(
      'vgpuManager.driverManager',
      'nvcr.io/nvidia/cloud-native/k8s-driver-manager',
      'v0.12.0',
      sandbox,
      off('vgpuManager.enabled'),
    ),
    nvidia('vgpuDeviceManager', 'nvcr.io/nvidia/cloud-native/vgpu-device-manager', 'v0.5.0', sandbox),
    nvidia('vfioManager', 'nvcr.io/nvidia/cloud-native/k8s-driver-manager', 'v0.12.0', sandbox),
    nvidia('vfioManager.driverManager', 'nvcr.io/nvidia/cloud-native/k8s-driver-manager', 'v0.12.0', sandbox),
    nvidia('sandboxDevicePlugin', 'nvcr.io/nvidia/kubevirt-gpu-device-plugin', 'v1.6.0', sandbox),
    nvidia(
      'kataSandboxDevicePlugin',
      'nvcr.io/nvidia/cloud-native/nvidia-sandbox-device-plugin',
      'v0.0.5',
      sandbox,
    ),
    nvidia(
      'ccManager',
      'nvcr.io/nvidia/cloud-native/k8s-cc-manager',
      'v0.4.3',
      sandbox,
      on('ccManager.enabled'),
    ),
    nvidia('draDriver', 'nvcr.io/nvidia/dra-driver-nvidia-gpu', 'v0.5.0', off('gpuCluster.deployCR')),
  ],
  // https://github.com/ROCm/gpu-operator/blob/v1.5.1/helm-charts-k8s/values.yaml. The chart's
  // DeviceConfig defaults to `:latest` images. AMD tags the operator's own images with the operator
  // version (docs/specialized_networks/airgapped-install.md: gpu-operator-utils, device-metrics-
  // exporter, test-runner, device-config-manager at `<version>`; the utils image is published as
  // `rocm/gpu-operator-utils`), and its device-plugin chart pins the plugin and labeller to
  // `1.31.0.9` / `labeller-1.31.0.9` (ROCm/k8s-device-plugin, helm/amd-gpu/values.yaml).
  'amd-gpu-operator': [
    repo('controllerManager.manager.image', 'docker.io/rocm/amd-gpu-operator', 'v1.5.1'),
    // The DeviceConfig's `busybox:1.36` is a series tag; 1.36.1 is BusyBox's release
    // (https://busybox.net/news.html), which Docker's official image tags.
    pinned(
      ref('deviceConfig.spec.commonConfig.initContainerImage', 'docker.io/library/busybox', '1.36.1'),
      'docker.io/library/busybox:1.36',
    ),
    pinned(
      ref(
        'deviceConfig.spec.commonConfig.utilsContainer.image',
        'docker.io/rocm/gpu-operator-utils',
        'v1.5.1',
      ),
      'docker.io/rocm/amd-gpu-operator-utils:latest',
    ),
    pinned(
      ref('deviceConfig.spec.devicePlugin.devicePluginImage', 'docker.io/rocm/k8s-device-plugin', '1.31.0.9'),
      'rocm/k8s-device-plugin:latest',
    ),
    // Off unless a site switches the DRA driver on (then the device plugin goes off), pinned all
    // the same: ROCm/k8s-gpu-dra-driver tags its image with its version (env.mk: VERSION v0.1.0,
    // DRIVER_IMAGE_TAG = VERSION).
    pinned(
      ref(
        'deviceConfig.spec.draDriver.image',
        'docker.io/rocm/k8s-gpu-dra-driver',
        'v0.1.0',
        off('deviceConfig.spec.draDriver.enable'),
      ),
      'docker.io/rocm/k8s-gpu-dra-driver:latest',
    ),
    pinned(
      ref(
        'deviceConfig.spec.devicePlugin.nodeLabellerImage',
        'docker.io/rocm/k8s-device-plugin',
        'labeller-1.31.0.9',
      ),
      'rocm/k8s-device-plugin:labeller-latest',
    ),
    pinned(
      ref(
        'deviceConfig.spec.metricsExporter.image',
        'docker.io/rocm/device-metrics-exporter',
        'v1.5.1',
        on('deviceConfig.spec.metricsExporter.enable'),
      ),
      'docker.io/rocm/device-metrics-exporter:latest',
    ),
    ref(
      'deviceConfig.spec.metricsExporter.rbacConfig.image',
      'quay.io/brancz/kube-rbac-proxy',
      'v0.18.1',
      off('deviceConfig.spec.metricsExporter.rbacConfig.enable'),
    ),
    pinned(
      ref(
        'deviceConfig.spec.testRunner.image',
        'docker.io/rocm/test-runner',
        'v1.5.1',
        off('deviceConfig.spec.testRunner.enable'),
      ),
      'docker.io/rocm/test-runner:latest',
    ),
    pinned(
      ref(
        'deviceConfig.spec.configManager.image',
        'docker.io/rocm/device-config-manager',
        'v1.5.1',
        off('deviceConfig.spec.configManager.enable'),
      ),
      'docker.io/rocm/device-config-manager:latest',
    ),
    // Off, and not pinned: AMD publishes no version of the DRA driver image that goes with this
    // operator release. `aif verify` refuses it if a site switches it on without a tag of its own.
    ref(
      'deviceConfig.spec.draDriver.image',
      'docker.io/rocm/k8s-gpu-dra-driver',
      'latest',
      off('deviceConfig.spec.draDriver.enable'),
    ),
    ref(
      'remediation.controller.image',
      'quay.io/argoproj/workflow-controller',
      'v4.0.3',
      on('remediation.enabled'),
    ),
    pinned(
      ref(
        'deviceConfig.spec.remediationWorkflow.testerImage',
        'docker.io/rocm/test-runner',
        'v1.5.1',
        off('deviceConfig.spec.remediationWorkflow.enable'),
      ),
      'docker.io/rocm/test-runner:latest',
    ),
  ],
  // https://github.com/kubernetes-sigs/kueue/blob/v0.19.2/charts/kueue/values.yaml (the library pins
  // the released image instead of the chart's staging default)
  kueue: [
    repo('controllerManager.manager.image', 'registry.k8s.io/kueue/kueue', 'v0.19.2'),
    // KueueViz is off; its defaults are staging builds of a branch (`release-0.19`), pinned anyway so
    // that switching it on pulls the release.
    pinned(
      repo(
        'kueueViz.backend.image',
        'registry.k8s.io/kueue/kueueviz-backend',
        'v0.19.2',
        off('enableKueueViz'),
      ),
      'us-central1-docker.pkg.dev/k8s-staging-images/kueue/kueueviz-backend:release-0.19',
    ),
    pinned(
      repo(
        'kueueViz.frontend.image',
        'registry.k8s.io/kueue/kueueviz-frontend',
        'v0.19.2',
        off('enableKueueViz'),
      ),
      'us-central1-docker.pkg.dev/k8s-staging-images/kueue/kueueviz-frontend:release-0.19',
    ),
  ],
  // https://github.com/SlinkyProject/slurm-operator/tree/v1.2.1/helm
  'slurm-operator-crds': [],
  'slurm-operator': [
    repo('operator.image', 'ghcr.io/slinkyproject/slurm-operator', '1.2.1'),
    repo('webhook.image', 'ghcr.io/slinkyproject/slurm-operator-webhook', '1.2.1', on('webhook.enabled')),
  ],
  slurm: [
    slurm('controller.slurmctld.image', 'slurmctld'),
    slurm('controller.reconfigure.image', 'slurmctld'),
    alpine('controller.logfile.image'),
    slurm('restapi.slurmrestd.image', 'slurmrestd'),
    slurm('accounting.slurmdbd.image', 'slurmdbd', off('accounting.enabled')),
    // The defaults every login set and node set inherits (pinned there), and the sets the library
    // writes itself.
    slurm('loginsetDefaults.login.image', 'login'),
    alpine('loginsetDefaults.initconf.image'),
    slurm('nodesetDefaults.slurmd.image', 'slurmd'),
    alpine('nodesetDefaults.logfile.image'),
    repo('loginsets.*.login.image', slurmImage('login'), SLURM_TAG),
    repo('loginsets.*.initconf.image', 'docker.io/library/alpine', '3.22.2'),
    repo('nodesets.*.slurmd.image', slurmImage('slurmd'), SLURM_TAG),
    repo('nodesets.*.logfile.image', 'docker.io/library/alpine', '3.22.2'),
  ],
  // https://github.com/kubernetes-csi/csi-driver-nfs/blob/master/charts/v4.13.4/csi-driver-nfs/values.yaml
  'csi-driver-nfs': [
    repo('image.nfs', 'registry.k8s.io/sig-storage/nfsplugin', 'v4.13.4'),
    registry('image.baseRepo', 'registry.k8s.io/sig-storage/csi-provisioner', 'v6.3.0'),
    registry('image.baseRepo', 'registry.k8s.io/sig-storage/csi-resizer', 'v2.2.0'),
    registry('image.baseRepo', 'registry.k8s.io/sig-storage/csi-snapshotter', 'v8.6.0'),
    registry('image.baseRepo', 'registry.k8s.io/sig-storage/livenessprobe', 'v2.19.0'),
    registry('image.baseRepo', 'registry.k8s.io/sig-storage/csi-node-driver-registrar', 'v2.17.0'),
    registry(
      'image.baseRepo',
      'registry.k8s.io/sig-storage/snapshot-controller',
      'v8.6.0',
      off('externalSnapshotter.enabled'),
    ),
  ],
  // https://github.com/rook/rook/blob/v1.20.6/deploy/charts/rook-ceph/values.yaml
  'rook-ceph': [
    repo('image', 'docker.io/rook/ceph', 'v1.20.6'),
    repo('csi.cephcsi', 'quay.io/cephcsi/cephcsi', 'v3.17.0'),
    repo('csi.registrar', 'registry.k8s.io/sig-storage/csi-node-driver-registrar', 'v2.17.0'),
    repo('csi.provisioner', 'registry.k8s.io/sig-storage/csi-provisioner', 'v6.2.0'),
    repo('csi.snapshotter', 'registry.k8s.io/sig-storage/csi-snapshotter', 'v8.5.0'),
    repo('csi.attacher', 'registry.k8s.io/sig-storage/csi-attacher', 'v4.12.0'),
    repo('csi.resizer', 'registry.k8s.io/sig-storage/csi-resizer', 'v2.1.0'),
    repo('csi.csiAddons', 'quay.io/csiaddons/k8s-sidecar', 'v0.14.0', off('csi.csiAddons.enabled')),
  ],
  // https://github.com/rook/rook/blob/v1.20.6/deploy/charts/rook-ceph-cluster/values.yaml
  'rook-ceph-cluster': [repo('cephImage', 'quay.io/ceph/ceph', 'v20.2.4')],
  // https://github.com/topolvm/topolvm/blob/topolvm-chart-v17.1.0/charts/topolvm/values.yaml (its
  // CSI sidecars are built into the same image)
  topolvm: [repo('image', 'ghcr.io/topolvm/topolvm-with-sidecar', '0.41.0')],
  // https://github.com/Mellanox/network-operator/blob/v26.4.1/deployment/network-operator/values.yaml
  'network-operator': [
    nvidia('operator', 'nvcr.io/nvidia/cloud-native/network-operator', 'v26.4.1'),
    nvidia(
      'operator.ofedDriver.initContainer',
      'nvcr.io/nvidia/mellanox/network-operator-init-container',
      'network-operator-v26.4.1',
    ),
  ],
};

/**
 * Subcharts whose images the mirror cannot rewrite (their values are not in the parent chart's
 * defaults, so `aif verify` would refuse them), with the switch that deploys each.
 */
export const UNMIRRORED_SUBCHARTS: Readonly<Record<string, readonly { name: string; when: ImageSwitch }[]>> =
  {
    'nvidia-gpu-operator': [{ name: 'node-feature-discovery', when: { path: 'nfd.enabled', default: true } }],
    'amd-gpu-operator': [
      { name: 'node-feature-discovery', when: { path: 'node-feature-discovery.enabled', default: true } },
      { name: 'kmm', when: { path: 'kmm.enabled', default: true } },
    ],
  };

type Values = Record<string, unknown>;

const isMap = (v: unknown): v is Values => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The paths a slot stands for in `values`: `*` expanded over the entries the values have there. */
export function slotPaths(values: Record<string, unknown>, dotted: string): string[] {
  const star = dotted.indexOf('*');
  if (star < 0) return [dotted];
  const head = dotted.slice(0, star - 1);
  const map = head.split('.').reduce<unknown>((v, k) => (isMap(v) ? v[k] : undefined), values);
  if (!isMap(map)) return [];
  return Object.keys(map).flatMap((k) => slotPaths(values, dotted.replace('*', k)));
}

/** The image slots of a chart: its own `images` (a site's chart), or the library's table. */
export function chartImages(chart: ChartRef): readonly ChartImage[] {
  return chart.images ?? CHART_IMAGES[chart.key] ?? [];
}

function get(values: unknown, dotted: string): unknown {
  return dotted
    .split('.')
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Values)[k] : undefined), values);
}

/** The image and tag a slot deploys, reading what the release's values override. */
export function effectiveImage(
  slot: ChartImage,
  values: Values,
  path: string,
): { image: string; tag: string } {
  const at = get(values, path);
  const o = at && typeof at === 'object' ? (at as Values) : {};
  switch (slot.kind) {
    case 'repository':
      return { image: String(o.repository ?? slot.image), tag: String(o.tag ?? slot.tag) };
    case 'split': {
      const name = String(o.image ?? slot.image.split('/').pop());
      const prefix = String(o.repository ?? slot.image.split('/').slice(0, -1).join('/'));
      return { image: `${prefix}/${name}`, tag: String(o.version ?? slot.tag) };
    }
    case 'reference': {
      if (typeof at !== 'string' || at === '') return { image: slot.image, tag: slot.tag };
      const colon = at.lastIndexOf(':');
      return colon > at.lastIndexOf('/')
        ? { image: at.slice(0, colon), tag: at.slice(colon + 1) }
        : { image: at, tag: slot.tag };
    }
    case 'registry':
      return { image: slot.image, tag: slot.tag };
  }
}

/** Whether the switches of a slot deploy it, given the release's values (chart defaults otherwise). */
function deployed(slot: ChartImage, values: Values): boolean {
  return (slot.when ?? []).every((s) => {
    const v = get(values, s.path);
    return typeof v === 'boolean' ? v : s.default;
  });
}

export interface ReleaseImage {
  /** Upstream repository with host. */
  readonly image: string;
  readonly tag: string;
  /** Dotted path of the value that names it. */
  readonly valuePath: string;
}

/** The images a release of `chart` with `values` deploys, in table order, without repeats. */
export function releaseImages(chart: ChartRef, values: Values): ReleaseImage[] {
  const seen = new Set<string>();
  const out: ReleaseImage[] = [];
  for (const slot of chartImages(chart)) {
    if (!deployed(slot, values)) continue;
    for (const path of slotPaths(values, slot.path)) {
      const { image, tag } = effectiveImage(slot, values, path);
      if (seen.has(`${image}:${tag}`)) continue;
      seen.add(`${image}:${tag}`);
      out.push({ image, tag, valuePath: path });
    }
  }
  return out;
}

/**
 * The values of a release of chart `key` (or of a chart of the site's own, every declared slot) with
 * every image whose chart default floats (`upstream`)
 * pinned to the table's `image:tag`, unless the values name that image themselves. The caller's
 * values are not changed. `aif verify` checks the result against the chart's defaults.
 */
export function pinImages(
  chart: string | ChartRef,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const out = structuredClone(values);
  // A site's own chart (`ChartRef.images`): every slot it declares is written, so the release runs
  // the image and tag that `aif charts` copies, whatever the chart's default.
  const own = typeof chart !== 'string' && chart.images !== undefined;
  const slots = typeof chart === 'string' ? (CHART_IMAGES[chart] ?? []) : chartImages(chart);
  for (const s of slots) {
    if (!s.upstream && !own) continue;
    for (const path of slotPaths(out, s.path)) {
      const keys = path.split('.');
      let at: Values = out;
      for (const k of keys.slice(0, -1)) {
        if (!isMap(at[k])) at[k] = {};
        at = at[k] as Values;
      }
      const last = keys[keys.length - 1];
      if (s.kind === 'reference') {
        if (typeof at[last] !== 'string' || at[last] === '') at[last] = `${s.image}:${s.tag}`;
      } else if (s.kind === 'repository') {
        const image = isMap(at[last]) ? (at[last] as Values) : {};
        at[last] = { ...image, repository: image.repository ?? s.image, tag: image.tag ?? s.tag };
      }
    }
  }
  return out;
}
