import type { SiteProfile } from '../../lib';

/**
 * BSC AI Factory, Barcelona Supercomputing Center (BSC-CNS). Sector focus: public administration,
 * health, biotech, finance, agriculture, energy and media (EuroHPC JU selection, December 2024).
 *
 * Modelled: a Kubernetes partition of MareNostrum 5 ACC, the accelerated partition: 1,120 nodes, each
 * with 4 NVIDIA H100 64 GB and 4 InfiniBand NDR200 links
 * (https://www.bsc.es/marenostrum/marenostrum-5). The partition size (80 nodes) and the label BSC puts
 * on those nodes are assumed.
 */
export const profile: SiteProfile = {
  name: 'barcelona',
  displayName: 'BSC AI Factory (BSC-CNS, Barcelona)',
  kubernetes: { configPath: '~/.kube/config', context: 'bsc-aif' },
  // assumed addresses: a Slurm site names its API server (and its accounting database below), so
  // that Slurm's namespace, shared by every Slurm tenant, reaches only those (SLURM_ADDRESSES_REQUIRED).
  network: { apiServerCidrs: ['10.20.0.10/32'] },
  gpuOperator: { driver: 'host' },
  nodePools: [
    {
      name: 'mn5-acc',
      accelerator: 'nvidia-h100-64gb',
      gpusPerNode: 4,
      // assumed: 80 of the 1,120 ACC nodes, labelled by the site.
      nodes: { labels: { 'bsc.es/partition': 'acc-k8s' }, count: 80 },
      interconnect: { fabric: 'infiniband', generation: 'NDR200', linksPerNode: 4, gbpsPerLink: 200 },
      note: 'MareNostrum 5 ACC: 4 x H100 64GB per node; 80 nodes assumed for Kubernetes',
    },
  ],
  // Allocations are illustrative (assumed), one tenant per sector group of the factory.
  // MareNostrum 5 storage is IBM Storage Scale (https://www.bsc.es/marenostrum/marenostrum-5); the
  // file system names and the Kubernetes share of the capacity are assumed.
  storageTiers: [
    {
      name: 'scratch',
      purpose: 'scratch',
      capacity: '1Pi', // assumed
      reclaimPolicy: 'Delete',
      default: true,
      driver: { kind: 'storage-scale', volBackendFs: 'gpfs_scratch' }, // assumed file system name
      note: 'MareNostrum 5 scratch (IBM Storage Scale); share and file system assumed',
    },
    {
      name: 'projects',
      purpose: 'project',
      capacity: '2Pi', // assumed
      driver: { kind: 'storage-scale', volBackendFs: 'gpfs_projects' }, // assumed file system name
      accessModes: ['ReadWriteMany'],
      note: 'MareNostrum 5 projects (IBM Storage Scale); share and file system assumed',
    },
  ],
  // The Slurm controller's save-state lives on the projects tier (Retain).
  slurmStateTier: 'projects',
  // MareNostrum 5 users expect `sbatch`: Slurm (Slinky) takes 8 of the 80 ACC nodes (assumed split),
  // Kueue the other 72 (288 GPUs), which the tenants' grants below fit.
  schedulers: {
    kueue: {},
    slurm: {
      nodes: { 'mn5-acc': 8 }, // assumed split
      // assumed: BSC's accounting MariaDB; the Secret is created by the site in the slurm namespace.
      accounting: {
        host: 'slurmdb.bsc.es',
        cidrs: ['10.20.0.30/32'],
        passwordSecret: { name: 'slurmdbd-mariadb' },
      },
      login: { replicas: 2, sssdConfSecret: { name: 'slurm-sssd-conf' } },
    },
  },
  tenants: [
    {
      name: 'public-admin',
      displayName: 'Public administration: language models for Spanish and co-official languages',
      accessMode: 'ai-for-science',
      sector: 'public-administration',
      allocation: { projectId: 'EHPC-AIF-2026SC03-0101', start: '2026-09-01', end: '2027-02-28' },
      gpus: [{ pool: 'mn5-acc', count: 64 }],
      groups: { admins: ['bsc-aif:public-admin-admins'], members: ['bsc-aif:public-admin-users'] },
      storage: [
        { tier: 'scratch', capacity: '200Ti' },
        { tier: 'projects', capacity: '400Ti' },
      ],
      volumes: [{ name: 'corpora', tier: 'projects', size: '100Ti' }],
    },
    {
      name: 'health-imaging',
      displayName: 'Health: medical imaging models',
      accessMode: 'large-scale',
      sector: 'health',
      allocation: { projectId: 'EHPC-AIF-2026LS04-0102', start: '2026-10-01', end: '2027-09-30' },
      // 600,000 GPU-hours over 365 days: 68.5 GPUs, so 68.
      gpus: [{ pool: 'mn5-acc', gpuHours: 600_000 }],
      groups: { admins: ['bsc-aif:health-imaging-admins'], members: ['bsc-aif:health-imaging-users'] },
      storage: [
        { tier: 'scratch', capacity: '200Ti' },
        { tier: 'projects', capacity: '600Ti' },
      ],
    },
    {
      name: 'biotech-protein',
      displayName: 'Biotech: protein design start-up',
      accessMode: 'fast-lane',
      sector: 'biotech',
      allocation: { projectId: 'EHPC-AIF-2026FL05-0103', start: '2026-11-01', end: '2027-01-31' },
      gpus: [{ pool: 'mn5-acc', gpuHours: 48_000 }],
      groups: { admins: ['bsc-aif:biotech-protein-admins'] },
      storage: [
        { tier: 'scratch', capacity: '64Ti' },
        { tier: 'projects', capacity: '64Ti' },
      ],
    },
    {
      name: 'finance-risk',
      displayName: 'Finance: risk models of an SME',
      accessMode: 'fast-lane',
      sector: 'finance',
      allocation: { projectId: 'EHPC-AIF-2026FL05-0104', start: '2026-12-01', end: '2027-02-28' },
      gpus: [{ pool: 'mn5-acc', gpuHours: 30_000 }],
      groups: { admins: ['bsc-aif:finance-risk-admins'] },
      storage: [{ tier: 'scratch', capacity: '32Ti' }],
    },
    {
      name: 'agri-energy',
      displayName: 'Agriculture and energy: yield and grid forecasting',
      accessMode: 'large-scale',
      sector: 'agriculture-energy',
      allocation: { projectId: 'EHPC-AIF-2026LS01-0105', start: '2026-04-01', end: '2026-09-30' },
      gpus: [{ pool: 'mn5-acc', gpuHours: 200_000 }],
      groups: { admins: ['bsc-aif:agri-energy-admins'], members: ['bsc-aif:agri-energy-users'] },
      storage: [
        { tier: 'scratch', capacity: '100Ti' },
        { tier: 'projects', capacity: '200Ti' },
      ],
    },
    {
      name: 'media-playground',
      displayName: 'Media: entry-level tests',
      accessMode: 'playground',
      sector: 'media',
      allocation: { projectId: 'EHPC-AIF-2026PG06-0106', start: '2026-11-15', end: '2027-01-14' },
      gpus: [{ pool: 'mn5-acc', gpuHours: 8_000 }],
      groups: { admins: ['bsc-aif:media-playground-admins'] },
      storage: [{ tier: 'scratch', capacity: '4Ti', claims: 10 }],
    },
  ],
};
