import type { SiteProfile } from '../../lib';

/**
 * LUMI AI Factory, CSC, Kajaani (with Czechia, Denmark, Estonia, Norway and Poland). No sector
 * focus is published; the factory runs general AI trials and development.
 *
 * Modelled: a Kubernetes partition of LUMI-G. LUMI-G has 2,978 nodes, each with 4 AMD MI250X
 * modules of 2 GCDs, which the device plugin advertises as 8 `amd.com/gpu`, and 4 HPE Slingshot-11
 * links of 200 Gb/s (https://docs.lumi-supercomputer.eu/hardware/lumig/). The partition size (64
 * nodes) and the label the site puts on those nodes are assumed. LUMI-AI, due in 2027, is not
 * modelled: its hardware is not published.
 */
export const profile: SiteProfile = {
  name: 'kajaani',
  displayName: 'LUMI AI Factory (CSC, Kajaani)',
  kubernetes: { configPath: '~/.kube/config', context: 'lumi-aif' },
  gpuOperator: { driver: 'host' },
  nodePools: [
    {
      name: 'lumi-g',
      accelerator: 'amd-mi250x',
      gpusPerNode: 8,
      // assumed: the site labels (and taints) 64 LUMI-G nodes for Kubernetes itself.
      nodes: { labels: { 'lumi.csc.fi/partition': 'lumi-g-k8s' }, count: 64 },
      interconnect: { fabric: 'slingshot', generation: 'Slingshot-11', linksPerNode: 4, gbpsPerLink: 200 },
      note: 'LUMI-G: 4 x MI250X (8 GCDs) per node; 64 nodes assumed for Kubernetes',
    },
  ],
  /*
   * Storage (https://docs.lumi-supercomputer.eu/storage/): LUMI-P, four independent Lustre file
   * systems of 20 PB each on hard disks (https://docs.lumi-supercomputer.eu/hardware/storage/lumip/),
   * holds project persistent storage and project scratch (purged after 90 days unaccessed); LUMI-F
   * is the flash Lustre of project "fast" scratch (purged after 30 days); LUMI-O is Ceph object
   * storage reached over S3 only, so it is no StorageClass and no tier here. Both Lustre systems
   * are HPE ClusterStor, not DDN: no public CSI driver provisions them dynamically (HPE's
   * lustre-csi-driver mounts existing file systems statically), so the tiers use the custom
   * provisioner escape hatch with a provisioner name the site must supply (assumed). LUMI compute
   * nodes have no local disks, so there is no node-local tier.
   */
  storageTiers: [
    {
      name: 'scratch',
      purpose: 'scratch',
      // assumed: the Kubernetes partition's share of LUMI-P.
      capacity: '2Pi',
      reclaimPolicy: 'Delete',
      default: true,
      // assumed: provisioner name and parameters of the site's Lustre CSI driver (placeholder).
      driver: {
        kind: 'custom',
        provisioner: 'lustre.csi.lumi.csc.fi',
        parameters: { fileSystem: 'lustrep3' },
      },
      note: 'LUMI-P project scratch (Lustre, HPE ClusterStor); size and driver assumed',
    },
    {
      name: 'project',
      purpose: 'project',
      // assumed: the Kubernetes partition's share of LUMI-P.
      capacity: '1Pi',
      // assumed: provisioner name and parameters of the site's Lustre CSI driver (placeholder).
      driver: {
        kind: 'custom',
        provisioner: 'lustre.csi.lumi.csc.fi',
        parameters: { fileSystem: 'lustrep4' },
      },
      accessModes: ['ReadWriteMany'],
      note: 'LUMI-P project persistent storage (Lustre, HPE ClusterStor); size and driver assumed',
    },
    {
      name: 'flash',
      purpose: 'fast',
      // assumed: the Kubernetes partition's share of LUMI-F.
      capacity: '256Ti',
      // LUMI-F data is short-lived (30-day purge): volumes go with their claims.
      reclaimPolicy: 'Delete',
      // assumed: provisioner name and parameters of the site's Lustre CSI driver (placeholder).
      driver: {
        kind: 'custom',
        provisioner: 'lustre.csi.lumi.csc.fi',
        parameters: { fileSystem: 'lustref1' },
      },
      accessModes: ['ReadWriteMany'],
      note: 'LUMI-F flash Lustre (HPE ClusterStor); size and driver assumed',
    },
  ],
  // Kueue only: LUMI's Slurm users stay on LUMI-G's own Slurm outside Kubernetes.
  schedulers: { kueue: {} },
  // Allocations are illustrative (assumed). Budgets count hours of one GCD, the unit Kubernetes schedules.
  // Storage quotas are illustrative too (assumed), sized to the tenants' GPU shares.
  tenants: [
    {
      name: 'nordic-llm',
      displayName: 'Nordic and Baltic language models',
      accessMode: 'ai-for-science',
      sector: 'language',
      allocation: { projectId: 'EHPC-AIF-2026SC01-0004', start: '2026-09-01', end: '2027-02-28' },
      gpus: [{ pool: 'lumi-g', count: 256 }],
      groups: { admins: ['lumi-aif:nordic-llm-admins'], members: ['lumi-aif:nordic-llm-users'] },
      storage: [
        { tier: 'scratch', capacity: '1Pi' },
        { tier: 'project', capacity: '512Ti' },
        { tier: 'flash', capacity: '128Ti' },
      ],
      volumes: [
        { name: 'corpora', tier: 'project', size: '300Ti' },
        { name: 'checkpoints', tier: 'flash', size: '64Ti' },
      ],
    },
    {
      name: 'startup-trials',
      displayName: 'Start-up AI trials',
      accessMode: 'fast-lane',
      allocation: { projectId: 'EHPC-AIF-2026FL04-0210', start: '2026-11-02', end: '2027-01-31' },
      // 45,000 GCD-hours over 91 days: 20.6 GCDs, so 21.
      gpus: [{ pool: 'lumi-g', gpuHours: 45_000 }],
      groups: { admins: ['lumi-aif:startup-trials-admins'], members: ['lumi-aif:startup-trials-users'] },
      storage: [
        { tier: 'scratch', capacity: '384Ti' },
        { tier: 'project', capacity: '192Ti' },
        { tier: 'flash', capacity: '48Ti' },
      ],
    },
    {
      name: 'industry-pilot',
      displayName: 'Industrial AI pilots',
      accessMode: 'large-scale',
      sector: 'industry',
      allocation: { projectId: 'EHPC-AIF-2026LS03-0044', start: '2026-04-01', end: '2026-09-30' },
      gpus: [{ pool: 'lumi-g', gpuHours: 350_000 }],
      groups: { admins: ['lumi-aif:industry-pilot-admins'] },
      storage: [
        { tier: 'scratch', capacity: '320Ti' },
        { tier: 'project', capacity: '160Ti' },
      ],
      volumes: [{ name: 'datasets', tier: 'project', size: '100Ti' }],
    },
    {
      name: 'playground',
      displayName: 'Playground for entry-level tests',
      accessMode: 'playground',
      allocation: { projectId: 'EHPC-AIF-2026PG05-0042', start: '2026-11-16', end: '2027-01-15' },
      // 4,000 GCD-hours over 61 days: 2.7 GCDs, so 3.
      gpus: [{ pool: 'lumi-g', gpuHours: 4_000 }],
      groups: { admins: ['lumi-aif:playground-admins'], members: ['lumi-aif:playground-users'] },
      storage: [{ tier: 'scratch', capacity: '16Ti', claims: 10 }],
    },
  ],
};
