import type { SiteProfile } from '../../lib';

/**
 * HammerHAI, HLRS Stuttgart (with LRZ, KIT and GWDG). Industry only: mobility, mechanical
 * engineering and manufacturing. AI for Science access is therefore not offered here.
 *
 * Modelled: a Kubernetes share of Hunter, today's system: 188 nodes with 4 AMD Instinct MI300A APUs
 * each, on HPE Slingshot (https://www.hlrs.de/solutions/systems/hpe-apollo-hunter). The NVIDIA-based
 * AI system HammerHAI plans is not published and not modelled. The share (32 nodes), the label and
 * the Slingshot links per node (4 x 200 Gb/s) are assumed.
 */
export const profile: SiteProfile = {
  name: 'stuttgart',
  displayName: 'HammerHAI (HLRS, Stuttgart)',
  kubernetes: { configPath: '~/.kube/config', context: 'hammerhai' },
  gpuOperator: { driver: 'host' },
  accessModes: ['playground', 'fast-lane', 'large-scale', 'internal'],
  nodePools: [
    {
      name: 'hunter',
      accelerator: 'amd-mi300a',
      gpusPerNode: 4,
      nodes: { labels: { 'hlrs.de/partition': 'hunter-k8s' }, count: 32 }, // assumed share of 188
      interconnect: { fabric: 'slingshot', generation: 'Slingshot-11', linksPerNode: 4, gbpsPerLink: 200 }, // links assumed
      note: 'HLRS Hunter: 4 x MI300A per node; 32 of 188 nodes assumed for Kubernetes',
    },
  ],
  // Hunter's parallel file system is Lustre on HPE ClusterStor, mounted through a CSI driver the site
  // runs (provisioner name assumed); project homes on an NFS server through csi-driver-nfs, which the
  // library installs. Server names, shares and the Kubernetes share are assumed.
  storageTiers: [
    {
      name: 'ws',
      purpose: 'scratch',
      capacity: '500Ti', // assumed
      reclaimPolicy: 'Delete',
      default: true,
      driver: { kind: 'custom', provisioner: 'lustre.csi.hlrs.de', parameters: { fileSystem: 'ws' } }, // assumed
      accessModes: ['ReadWriteMany'],
      note: 'Hunter workspaces (Lustre, HPE ClusterStor); driver and share assumed',
    },
    {
      name: 'home',
      purpose: 'project',
      capacity: '100Ti', // assumed
      driver: {
        kind: 'nfs',
        server: 'nfs-k8s.hww.hlrs.de', // assumed
        share: '/export/k8s-projects', // assumed
        // Readable per tenant and claim; the PV name (pvc-<claim UID>) keeps a claim made later
        // under an old name away from the old directory.
        subDir: '${pvc.metadata.namespace}/${pvc.metadata.name}-${pv.metadata.name}',
      },
      accessModes: ['ReadWriteMany'],
      note: 'Project homes on NFS for industrial tenants; server and share assumed',
    },
  ],
  // Kueue only (assumed): HLRS runs its own batch system for Hunter outside Kubernetes.
  schedulers: { kueue: {} },
  tenants: [
    {
      name: 'mobility',
      displayName: 'Mobility: driving-simulation surrogates',
      accessMode: 'large-scale',
      sector: 'mobility',
      allocation: { projectId: 'EHPC-AIF-2026LS06-0401', start: '2026-10-01', end: '2027-03-31' },
      // 200,000 GPU-hours over 182 days: 45.8 APUs, so 46.
      gpus: [{ pool: 'hunter', gpuHours: 200_000 }],
      groups: { admins: ['hammerhai:mobility-admins'], members: ['hammerhai:mobility-users'] },
      storage: [
        { tier: 'ws', capacity: '200Ti' },
        { tier: 'home', capacity: '20Ti' },
      ],
    },
    {
      name: 'mech-engineering',
      displayName: 'Mechanical engineering: CFD surrogate models of an SME',
      accessMode: 'fast-lane',
      sector: 'mechanical-engineering',
      allocation: { projectId: 'EHPC-AIF-2026FL08-0402', start: '2026-09-01', end: '2026-11-30' },
      gpus: [{ pool: 'hunter', gpuHours: 36_000 }],
      groups: { admins: ['hammerhai:mech-engineering-admins'] },
      storage: [
        { tier: 'ws', capacity: '60Ti' },
        { tier: 'home', capacity: '10Ti' },
      ],
    },
    {
      name: 'manufacturing',
      displayName: 'Manufacturing: visual inspection models',
      accessMode: 'large-scale',
      sector: 'manufacturing',
      allocation: { projectId: 'EHPC-AIF-2027LS03-0403', start: '2027-01-11', end: '2027-04-10' },
      gpus: [{ pool: 'hunter', gpuHours: 90_000 }],
      groups: { admins: ['hammerhai:manufacturing-admins'] },
      storage: [
        { tier: 'ws', capacity: '150Ti' },
        { tier: 'home', capacity: '20Ti' },
      ],
      volumes: [{ name: 'inspection-images', tier: 'home', size: '10Ti' }],
    },
    {
      name: 'sme-playground',
      displayName: 'Industrial SMEs: entry-level tests',
      accessMode: 'playground',
      sector: 'industry',
      allocation: { projectId: 'EHPC-AIF-2026PG09-0404', start: '2026-11-02', end: '2026-12-31' },
      gpus: [{ pool: 'hunter', count: 4 }],
      groups: { admins: ['hammerhai:sme-playground-admins'] },
      storage: [{ tier: 'home', capacity: '2Ti', claims: 10 }],
    },
  ],
};
