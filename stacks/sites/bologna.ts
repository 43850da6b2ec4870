import type { SiteProfile } from '../../lib';

/**
 * IT4LIA AI Factory, CINECA, Bologna. Sector focus: agrifood, cybersecurity, earth and climate,
 * manufacturing (EuroHPC JU selection, December 2024).
 *
 * Modelled: the Kubernetes AI partition carved out of the Leonardo Booster. The Booster has 3,456
 * nodes with 4 NVIDIA A100 64 GB each and InfiniBand HDR in a Dragonfly+ topology
 * (https://docs.hpc.cineca.it/hpc/leonardo.html: 2 dual-port HDR100 HCAs per node). The partition
 * size, 128 nodes `lrdn[0001-0128]`, is assumed: a site sizes it down from the full Booster.
 *
 * Planned: IT4LIA's new AI system with more than 8,000 NVIDIA GB200 NVL4 GPUs on Quantum-X800
 * InfiniBand. A Kubernetes share of 64 nodes of 4 GB200 is assumed. The LISA add-on (166 nodes of 8
 * GPUs) is not modelled: its GPU model is not published.
 */
export const profile: SiteProfile = {
  name: 'bologna',
  displayName: 'IT4LIA AI Factory (CINECA, Bologna)',
  kubernetes: { configPath: '~/.kube/config', context: 'it4lia-ai' },
  // assumed addresses: a Slurm site names its API server (and its accounting database below), so
  // that Slurm's namespace, shared by every Slurm tenant, reaches only those (SLURM_ADDRESSES_REQUIRED).
  network: { apiServerCidrs: ['10.40.0.10/32'] },
  gpuOperator: { driver: 'host' },
  nodePools: [
    {
      name: 'booster',
      accelerator: 'nvidia-a100-64gb',
      gpusPerNode: 4,
      // assumed: 128 of the 3,456 Booster nodes serve the Kubernetes partition.
      nodes: { hostlist: 'lrdn[0001-0128]' },
      interconnect: { fabric: 'infiniband', generation: 'HDR100', linksPerNode: 4, gbpsPerLink: 100 },
      note: 'Leonardo Booster: 4 x A100 64GB per node; 128 nodes assumed for Kubernetes',
    },
    {
      name: 'it4lia-gb200',
      accelerator: 'nvidia-gb200',
      gpusPerNode: 4, // GB200 NVL4
      nodes: { labels: { 'cineca.it/system': 'it4lia-ai-k8s' }, count: 64 }, // assumed share
      interconnect: {
        fabric: 'infiniband',
        generation: 'XDR (Quantum-X800)',
        linksPerNode: 4,
        gbpsPerLink: 800,
      }, // links assumed
      note: 'IT4LIA AI system (planned): >8,000 GB200 NVL4 GPUs; 64 nodes assumed for Kubernetes',
    },
  ],
  /*
   * Storage: every CINECA file system is Lustre (https://docs.hpc.cineca.it/hpc/hpc_data_storage.html),
   * on Leonardo a DDN EXAScaler system with an HDD capacity tier and an all-flash fast tier
   * (Turisini et al., "LEONARDO: A Pan-European Pre-Exascale Supercomputer for HPC and AI
   * Applications", https://arxiv.org/abs/2307.16885). The user guide's areas map to tiers: $SCRATCH
   * (temporary, files older than 40 days deleted), $WORK (per project, kept 6 months after the
   * project) and $FAST (per project, faster I/O, Leonardo only). The DDN CSI driver is installed by
   * the site. No node-local tier: the guide publishes no local disks on Booster nodes (assumed none).
   */
  storageTiers: [
    {
      name: 'scratch',
      purpose: 'scratch',
      // assumed: the Kubernetes partition's share of the capacity tier.
      capacity: '2Pi',
      // Scratch data goes with its claim, as $SCRATCH data goes after 40 days.
      reclaimPolicy: 'Delete',
      default: true,
      // assumed: MGS NIDs and file system name are not published.
      driver: {
        kind: 'exascaler',
        exaFS: '10.128.0.1@o2ib:10.128.0.2@o2ib:/scratch',
        mountPoint: '/exa/scratch',
      },
      note: 'Leonardo $SCRATCH (Lustre, DDN EXAScaler capacity tier); size and NIDs assumed',
    },
    {
      name: 'work',
      purpose: 'project',
      // assumed: the Kubernetes partition's share of the capacity tier.
      capacity: '4Pi',
      driver: { kind: 'exascaler', exaFS: '10.128.0.1@o2ib:10.128.0.2@o2ib:/work', mountPoint: '/exa/work' },
      note: 'Leonardo $WORK (Lustre, DDN EXAScaler capacity tier): datasets and results; size and NIDs assumed',
    },
    {
      name: 'fast',
      purpose: 'fast',
      // assumed: the Kubernetes partition's share of the all-flash tier.
      capacity: '512Ti',
      driver: { kind: 'exascaler', exaFS: '10.128.0.3@o2ib:10.128.0.4@o2ib:/fast', mountPoint: '/exa/fast' },
      note: 'Leonardo $FAST (Lustre, DDN EXAScaler all-flash tier): checkpoints; size and NIDs assumed',
    },
  ],
  // The Slurm controller state and slurmdbd database outlive their claims on the project tier.
  slurmStateTier: 'work',
  // Both schedulers share the Booster partition: Slurm (Slinky) takes 16 nodes for `sbatch` users,
  // Kueue the other 112 (448 GPUs), which the tenants' quotas below use in full.
  schedulers: {
    kueue: {},
    slurm: {
      nodes: { booster: 16 }, // assumed split
      // assumed: CINECA's existing accounting MariaDB; the Secret is created by the site.
      accounting: {
        host: 'slurmdb.leonardo.local',
        cidrs: ['10.40.0.30/32'],
        passwordSecret: { name: 'slurmdbd-mariadb' },
      },
      login: { replicas: 2, sssdConfSecret: { name: 'slurm-sssd-conf' } },
    },
  },
  // Allocations are illustrative (assumed), one tenant per sector of the factory.
  // Storage quotas are illustrative too (assumed), sized to the tenants' GPU shares.
  tenants: [
    {
      name: 'agrifood',
      displayName: 'Agrifood: crop and supply-chain models',
      accessMode: 'large-scale',
      sector: 'agrifood',
      allocation: { projectId: 'EHPC-AIF-2026LS01-0007', start: '2026-07-01', end: '2027-06-30' },
      // 800,000 GPU-hours over 365 days: 91.3 GPUs sustained, so 91.
      gpus: [{ pool: 'booster', gpuHours: 800_000 }],
      groups: { admins: ['it4lia:agrifood-admins'], members: ['it4lia:agrifood-users'] },
      storage: [
        { tier: 'scratch', capacity: '400Ti' },
        { tier: 'work', capacity: '800Ti' },
        { tier: 'fast', capacity: '96Ti' },
      ],
      volumes: [{ name: 'crop-datasets', tier: 'work', size: '200Ti' }],
    },
    {
      name: 'cybersecurity',
      displayName: 'Cybersecurity: threat-detection models',
      accessMode: 'fast-lane',
      sector: 'cybersecurity',
      allocation: { projectId: 'EHPC-AIF-2026FL03-0112', start: '2026-10-01', end: '2026-12-31' },
      // The Fast Lane maximum, 50,000 GPU-hours over 92 days: 22.6 GPUs, so 23.
      gpus: [{ pool: 'booster', gpuHours: 50_000 }],
      groups: { admins: ['it4lia:cybersecurity-admins'], members: ['it4lia:cybersecurity-users'] },
      storage: [
        { tier: 'scratch', capacity: '256Ti' },
        { tier: 'work', capacity: '512Ti' },
      ],
    },
    {
      name: 'earth-climate',
      displayName: 'Earth and climate: weather and climate foundation models',
      accessMode: 'ai-for-science',
      sector: 'earth-climate',
      allocation: { projectId: 'EHPC-AIF-2026SC02-0019', start: '2026-06-01', end: '2026-11-30' },
      gpus: [{ pool: 'booster', count: 160 }],
      groups: { admins: ['it4lia:earth-climate-admins'], members: ['it4lia:earth-climate-users'] },
      storage: [
        { tier: 'scratch', capacity: '768Ti' },
        { tier: 'work', capacity: '1536Ti' },
        { tier: 'fast', capacity: '192Ti' },
      ],
      volumes: [
        { name: 'era5', tier: 'work', size: '400Ti' },
        { name: 'checkpoints', tier: 'fast', size: '128Ti' },
      ],
    },
    {
      name: 'manufacturing',
      displayName: 'Manufacturing: industrial vision and digital twins',
      accessMode: 'large-scale',
      sector: 'manufacturing',
      // Ended in August: the report lists it as expired until the tenant is offboarded.
      allocation: { projectId: 'EHPC-AIF-2026LS02-0031', start: '2026-03-01', end: '2026-08-31' },
      gpus: [{ pool: 'booster', gpuHours: 300_000 }],
      groups: { admins: ['it4lia:manufacturing-admins'], members: ['it4lia:manufacturing-users'] },
      storage: [
        { tier: 'scratch', capacity: '512Ti' },
        { tier: 'work', capacity: '1Pi' },
        { tier: 'fast', capacity: '128Ti' },
      ],
      volumes: [{ name: 'checkpoints', tier: 'fast', size: '64Ti' }],
    },
    {
      name: 'climate-foundation',
      displayName: 'Earth and climate: foundation model on the new system',
      accessMode: 'large-scale',
      sector: 'earth-climate',
      allocation: { projectId: 'EHPC-AIF-2027LS01-0008', start: '2027-04-01', end: '2028-03-31' },
      // 1,500,000 GPU-hours over 366 days (2028 is a leap year): 170.8 GPUs, so 171.
      gpus: [{ pool: 'it4lia-gb200', gpuHours: 1_500_000 }],
      groups: { admins: ['it4lia:climate-foundation-admins'], members: ['it4lia:climate-foundation-users'] },
      storage: [{ tier: 'fast', capacity: '64Ti' }],
    },
  ],
};
