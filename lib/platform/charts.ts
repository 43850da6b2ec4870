import type { ChartImage } from './images';

/**
 * The pinned chart catalog: every upstream Helm chart the library installs, with its repository,
 * version and namespace, in one place. Bumping a chart is a one-line change here, reviewed in the
 * PR diff, and checked by `aif verify` against that version's default values.
 */

export interface ChartRef {
  /** Key used by the conformance tool to find the chart's reference data (`<key>-<version>`). */
  readonly key: string;
  /** Chart repository URL, or an `oci://` registry path. */
  readonly repository: string;
  readonly chart: string;
  /** Exact version: never a range, so a plan is reproducible. */
  readonly version: string;
  /** Namespace the release goes to. */
  readonly namespace: string;
  /** Upstream documentation of its values. */
  readonly docs: string;
  /**
   * The chart installs its CRDs from `templates/` rather than `crds/`, so `helm show crds` prints
   * nothing and `aif reference pull` unpacks the chart to find them.
   * @default false
   */
  readonly crdsInTemplates?: boolean;
  /**
   * Where the chart's values name its images: for a chart of the site's own (the library's charts
   * are in `CHART_IMAGES`). A site's mirror points each at its registry, `aif charts` lists them
   * with the commands that copy them, and PinnedRelease records them in the stack's `aif_charts`
   * output.
   * @default - the library's table for its own charts, none for others
   */
  readonly images?: readonly ChartImage[];
}

function chart(ref: ChartRef): ChartRef {
  return ref;
}

export const CHARTS = {
  certManager: chart({
    key: 'cert-manager',
    repository: 'oci://quay.io/jetstack/charts',
    chart: 'cert-manager',
    version: 'v1.21.1',
    namespace: 'cert-manager',
    docs: 'https://cert-manager.io/docs/installation/helm/',
  }),
  nvidiaGpuOperator: chart({
    key: 'nvidia-gpu-operator',
    repository: 'https://helm.ngc.nvidia.com/nvidia',
    chart: 'gpu-operator',
    version: 'v26.7.0',
    namespace: 'gpu-operator',
    docs: 'https://docs.nvidia.com/datacenter/cloud-native/gpu-operator/latest/getting-started.html',
  }),
  amdGpuOperator: chart({
    key: 'amd-gpu-operator',
    repository: 'https://rocm.github.io/gpu-operator',
    chart: 'gpu-operator-charts',
    version: 'v1.5.1',
    namespace: 'kube-amd-gpu',
    docs: 'https://instinct.docs.amd.com/projects/gpu-operator/en/latest/installation/kubernetes-helm.html',
  }),
  nvidiaNetworkOperator: chart({
    key: 'network-operator',
    repository: 'https://helm.ngc.nvidia.com/nvidia',
    chart: 'network-operator',
    version: '26.4.1',
    namespace: 'nvidia-network-operator',
    docs: 'https://docs.nvidia.com/networking/display/kubernetes2640/',
  }),
  kueue: chart({
    key: 'kueue',
    repository: 'oci://registry.k8s.io/kueue/charts',
    chart: 'kueue',
    version: '0.19.2',
    namespace: 'kueue-system',
    docs: 'https://kueue.sigs.k8s.io/docs/installation/',
    crdsInTemplates: true,
  }),
  slurmOperatorCrds: chart({
    key: 'slurm-operator-crds',
    repository: 'oci://ghcr.io/slinkyproject/charts',
    chart: 'slurm-operator-crds',
    version: '1.2.1',
    namespace: 'slinky',
    docs: 'https://slinky.schedmd.com/projects/slurm-operator/en/latest/',
  }),
  slurmOperator: chart({
    key: 'slurm-operator',
    repository: 'oci://ghcr.io/slinkyproject/charts',
    chart: 'slurm-operator',
    version: '1.2.1',
    namespace: 'slinky',
    docs: 'https://slinky.schedmd.com/projects/slurm-operator/en/latest/',
  }),
  slurm: chart({
    key: 'slurm',
    repository: 'oci://ghcr.io/slinkyproject/charts',
    chart: 'slurm',
    version: '1.2.1',
    namespace: 'slurm',
    docs: 'https://slinky.schedmd.com/projects/slurm-operator/en/latest/',
  }),
  csiDriverNfs: chart({
    key: 'csi-driver-nfs',
    repository: 'https://kubernetes-csi.github.io/csi-driver-nfs',
    chart: 'csi-driver-nfs',
    version: '4.13.4',
    // Its own namespace rather than upstream's kube-system: the library creates (and would own)
    // the namespace with its Pod Security level.
    namespace: 'csi-nfs',
    docs: 'https://github.com/kubernetes-csi/csi-driver-nfs/tree/master/charts',
  }),
  rookCeph: chart({
    key: 'rook-ceph',
    repository: 'https://charts.rook.io/release',
    chart: 'rook-ceph',
    version: 'v1.20.6',
    namespace: 'rook-ceph',
    docs: 'https://rook.io/docs/rook/latest-release/Helm-Charts/operator-chart/',
  }),
  rookCephCluster: chart({
    key: 'rook-ceph-cluster',
    repository: 'https://charts.rook.io/release',
    chart: 'rook-ceph-cluster',
    version: 'v1.20.6',
    namespace: 'rook-ceph',
    docs: 'https://rook.io/docs/rook/latest-release/Helm-Charts/ceph-cluster-chart/',
  }),
  topolvm: chart({
    key: 'topolvm',
    repository: 'https://topolvm.github.io/topolvm',
    chart: 'topolvm',
    version: '17.1.0',
    namespace: 'topolvm-system',
    docs: 'https://github.com/topolvm/topolvm/tree/main/charts/topolvm',
  }),
} as const;
