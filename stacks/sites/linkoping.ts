import type { SiteProfile } from '../../lib';

/**
 * MIMER, the Swedish AI Factory: NAISS at Linkoping University with RISE. Sector focus: life
 * sciences, materials, autonomous systems and gaming.
 *
 * Modelled:
 * - NSC Berzelius today: NVIDIA DGX A100 nodes with 8 GPUs and 8 InfiniBand HDR200 links each
 *   (https://www.nsc.liu.se/support/systems/berzelius-getting-started/). The Kubernetes share (16
 *   nodes) and the label are assumed;
 * - MIMER, a Bull/Eviden system announced with "400 GB200" (count unconfirmed) and 400G Ethernet from
 *   Nokia, the only first-wave site without InfiniBand or Slingshot. 100 nodes of 4 GB200 are assumed,
 *   as are 4 links per node.
 */
export const profile: SiteProfile = {
  name: 'linkoping',
  displayName: 'MIMER AI Factory (NAISS, Linkoping)',
  kubernetes: { configPath: '~/.kube/config', context: 'mimer-aif' },
  gpuOperator: { driver: 'host' },
  nodePools: [
    {
      name: 'berzelius',
      accelerator: 'nvidia-a100-40gb',
      gpusPerNode: 8,
      nodes: { labels: { 'nsc.liu.se/cluster': 'berzelius-k8s' }, count: 16 }, // assumed share
      interconnect: { fabric: 'infiniband', generation: 'HDR200', linksPerNode: 8, gbpsPerLink: 200 },
      note: 'NSC Berzelius: DGX A100, 8 GPUs per node; 16 nodes assumed for Kubernetes',
    },
    {
      name: 'mimer',
      accelerator: 'nvidia-gb200',
      gpusPerNode: 4, // assumed
      nodes: { labels: { 'naiss.se/system': 'mimer' }, count: 100 }, // assumed: "400 GB200", unconfirmed
      interconnect: { fabric: 'ethernet', generation: 'Nokia 400GbE', linksPerNode: 4, gbpsPerLink: 400 },
      note: 'MIMER (planned): Bull/Eviden, "400 GB200" (count unconfirmed), Nokia 400G Ethernet',
    },
  ],
  // Berzelius has DDN AI400X Lustre storage and 15 TB of NVMe in each DGX A100; MIMER's storage is
  // not published. The Kubernetes share, NIDs and the NVMe volume group are assumed.
  storageTiers: [
    {
      name: 'nvme',
      purpose: 'scratch',
      capacity: '120Ti', // 16 nodes x ~7.5 TiB kept for TopoLVM (assumed)
      reclaimPolicy: 'Delete',
      driver: { kind: 'topolvm', deviceClass: 'nvme', volumeGroup: 'vg-nvme', nodePools: ['berzelius'] }, // volume group assumed
      note: 'DGX A100 local NVMe on the Berzelius share, through TopoLVM (volume group assumed)',
    },
    {
      name: 'proj',
      purpose: 'project',
      capacity: '500Ti', // assumed share
      default: true,
      driver: { kind: 'exascaler', exaFS: '10.50.0.1@o2ib:/proj', mountPoint: '/proj' }, // assumed NIDs
      accessModes: ['ReadWriteMany'],
      note: 'Berzelius /proj (Lustre, DDN AI400X); share and NIDs assumed',
    },
  ],
  // Kueue only (assumed): Berzelius' Slurm stays outside Kubernetes.
  schedulers: { kueue: {} },
  tenants: [
    {
      name: 'life-sciences',
      displayName: 'Life sciences: single-cell and protein models',
      accessMode: 'ai-for-science',
      sector: 'life-sciences',
      allocation: { projectId: 'EHPC-AIF-2026SC04-0301', start: '2026-08-01', end: '2027-01-31' },
      gpus: [{ pool: 'berzelius', count: 64 }],
      groups: { admins: ['mimer:life-sciences-admins'], members: ['mimer:life-sciences-users'] },
      storage: [
        { tier: 'nvme', capacity: '40Ti' },
        { tier: 'proj', capacity: '200Ti' },
      ],
      volumes: [{ name: 'reference-genomes', tier: 'proj', size: '20Ti' }],
    },
    {
      name: 'materials',
      displayName: 'Materials: generative models for battery chemistry',
      accessMode: 'large-scale',
      sector: 'materials',
      allocation: { projectId: 'EHPC-AIF-2027LS02-0302', start: '2027-02-01', end: '2027-07-31' },
      // 400,000 GPU-hours over 181 days: 92.1 GPUs, so 92.
      gpus: [{ pool: 'mimer', gpuHours: 400_000 }],
      groups: { admins: ['mimer:materials-admins'] },
      storage: [{ tier: 'proj', capacity: '150Ti' }],
    },
    {
      name: 'autonomous-systems',
      displayName: 'Autonomous systems: perception models of a start-up',
      accessMode: 'fast-lane',
      sector: 'autonomous-systems',
      allocation: { projectId: 'EHPC-AIF-2026FL07-0303', start: '2026-11-16', end: '2027-02-15' },
      gpus: [{ pool: 'berzelius', gpuHours: 50_000 }],
      groups: { admins: ['mimer:autonomous-systems-admins'] },
      storage: [
        { tier: 'nvme', capacity: '20Ti' },
        { tier: 'proj', capacity: '60Ti' },
      ],
    },
    {
      name: 'gaming',
      displayName: 'Gaming: entry-level tests of a studio',
      accessMode: 'playground',
      sector: 'gaming',
      allocation: { projectId: 'EHPC-AIF-2026PG08-0304', start: '2026-10-01', end: '2026-11-30' },
      gpus: [{ pool: 'berzelius', count: 4 }],
      groups: { admins: ['mimer:gaming-admins'] },
      storage: [{ tier: 'nvme', capacity: '2Ti', claims: 10 }],
    },
  ],
};
