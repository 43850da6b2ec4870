import type { SiteProfile } from '../../lib';

/**
 * L-AIF, the Luxembourg AI Factory, LuxProvide, Bissen. Sector focus: finance, space, cybersecurity
 * and the green economy; the seed article names finance and real estate.
 *
 * Modelled:
 * - the MeluXina GPU module today: 200 nodes with 4 NVIDIA A100 40 GB and InfiniBand HDR200
 *   (https://docs.lxp.lu/system/overview/). A Kubernetes share of 28 nodes is assumed, 24 with whole
 *   GPUs and 4 partitioned with MIG for Playground users; the node names `mel2001`... are assumed;
 * - MeluXina-AI from the end of 2026: 252 nodes, 1,008 NVIDIA Blackwell GPUs (4 per node). The exact
 *   Blackwell part is not published: B200 is assumed, as is the Kubernetes share (64 nodes) and the
 *   interconnect (InfiniBand NDR).
 */
export const profile: SiteProfile = {
  name: 'bissen',
  displayName: 'Luxembourg AI Factory (LuxProvide, Bissen)',
  kubernetes: { configPath: '~/.kube/config', context: 'l-aif' },
  gpuOperator: { driver: 'host' },
  nodePools: [
    {
      name: 'meluxina-gpu',
      accelerator: 'nvidia-a100-40gb',
      gpusPerNode: 4,
      nodes: { hostlist: 'mel[2001-2024]' }, // assumed node names and share
      interconnect: { fabric: 'infiniband', generation: 'HDR200', linksPerNode: 2, gbpsPerLink: 200 },
      note: 'MeluXina GPU module: 4 x A100 40GB per node; 24 of 200 nodes assumed for Kubernetes',
    },
    {
      name: 'meluxina-mig',
      accelerator: 'nvidia-a100-40gb',
      gpusPerNode: 4,
      nodes: { hostlist: 'mel[2025-2028]' }, // assumed
      interconnect: { fabric: 'infiniband', generation: 'HDR200', linksPerNode: 2, gbpsPerLink: 200 },
      // Per GPU: 3 + 2 + 1 + 1 of 7 compute slices, 4 + 2 + 1 + 1 of 8 memory slices.
      mig: { profiles: { '3g.20gb': 1, '2g.10gb': 1, '1g.5gb': 2 } },
      note: 'MeluXina GPU nodes partitioned with MIG for Playground and teaching (assumed)',
    },
    {
      name: 'meluxina-ai',
      accelerator: 'nvidia-b200', // assumed: "NVIDIA Blackwell", part not published
      gpusPerNode: 4,
      nodes: { labels: { 'luxprovide.lu/system': 'meluxina-ai-k8s' }, count: 64 }, // assumed share of 252
      interconnect: { fabric: 'infiniband', generation: 'NDR', linksPerNode: 4, gbpsPerLink: 400 }, // assumed
      note: 'MeluXina-AI (planned, end 2026): 252 nodes x 4 Blackwell; 64 nodes assumed for Kubernetes',
    },
  ],
  // MeluXina's storage is DDN EXAScaler Lustre in tiers: scratch (all-flash), project, backup and a
  // tape archive (https://docs.lxp.lu/system/overview/). The Kubernetes share, NIDs and file system
  // names are assumed.
  storageTiers: [
    {
      name: 'scratch',
      purpose: 'scratch',
      capacity: '200Ti', // assumed share of the 0.6 PB scratch tier
      reclaimPolicy: 'Delete',
      default: true,
      driver: { kind: 'exascaler', exaFS: '10.40.0.1@o2ib:/scratch', mountPoint: '/mnt/tier1' }, // assumed
      note: 'MeluXina Tier-1 scratch (Lustre, all-flash); share and NIDs assumed',
    },
    {
      name: 'project',
      purpose: 'project',
      capacity: '2Pi', // assumed share of the 12 PB project tier
      driver: { kind: 'exascaler', exaFS: '10.40.0.2@o2ib:/project', mountPoint: '/mnt/tier2' }, // assumed
      accessModes: ['ReadWriteMany'],
      note: 'MeluXina Tier-2 project (Lustre); share and NIDs assumed',
    },
    {
      name: 'backup',
      purpose: 'archive',
      capacity: '1Pi', // assumed share of the 7.5 PB backup tier
      driver: { kind: 'exascaler', exaFS: '10.40.0.3@o2ib:/backup', mountPoint: '/mnt/tier3' }, // assumed
      accessModes: ['ReadWriteMany'],
      note: 'MeluXina Tier-3 backup (Lustre); share and NIDs assumed',
    },
  ],
  // Kueue only: MeluXina's Slurm users stay on MeluXina's own Slurm outside Kubernetes (assumed).
  schedulers: { kueue: {} },
  tenants: [
    {
      name: 'finance-llm',
      displayName: 'Finance: document understanding for banks and funds',
      accessMode: 'large-scale',
      sector: 'finance',
      allocation: { projectId: 'EHPC-AIF-2026LS05-0201', start: '2026-07-01', end: '2026-12-31' },
      // 250,000 GPU-hours over 184 days: 56.6 GPUs, so 57.
      gpus: [{ pool: 'meluxina-gpu', gpuHours: 250_000 }],
      groups: { admins: ['l-aif:finance-llm-admins'], members: ['l-aif:finance-llm-users'] },
      storage: [
        { tier: 'scratch', capacity: '50Ti' },
        { tier: 'project', capacity: '400Ti' },
        { tier: 'backup', capacity: '200Ti' },
      ],
      volumes: [{ name: 'filings', tier: 'project', size: '100Ti' }],
    },
    {
      name: 'real-estate',
      displayName: 'Real estate: valuation models of a start-up',
      accessMode: 'fast-lane',
      sector: 'real-estate',
      allocation: { projectId: 'EHPC-AIF-2026FL06-0202', start: '2026-10-15', end: '2027-01-14' },
      gpus: [{ pool: 'meluxina-gpu', gpuHours: 40_000 }],
      groups: { admins: ['l-aif:real-estate-admins'] },
      storage: [
        { tier: 'scratch', capacity: '20Ti' },
        { tier: 'project', capacity: '50Ti' },
      ],
    },
    {
      name: 'space-eo',
      displayName: 'Space: Earth-observation foundation model',
      accessMode: 'ai-for-science',
      sector: 'space',
      allocation: { projectId: 'EHPC-AIF-2027SC01-0203', start: '2027-01-04', end: '2027-07-03' },
      gpus: [{ pool: 'meluxina-ai', count: 128 }],
      groups: { admins: ['l-aif:space-eo-admins'], members: ['l-aif:space-eo-users'] },
      storage: [
        { tier: 'scratch', capacity: '80Ti' },
        { tier: 'project', capacity: '1Pi' },
        { tier: 'backup', capacity: '400Ti' },
      ],
      volumes: [{ name: 'sentinel-archive', tier: 'project', size: '600Ti' }],
    },
    {
      name: 'cyber-playground',
      displayName: 'Cybersecurity: entry-level tests on MIG slices',
      accessMode: 'playground',
      sector: 'cybersecurity',
      allocation: { projectId: 'EHPC-AIF-2026PG07-0204', start: '2026-11-01', end: '2026-12-31' },
      gpus: [
        // 1,500 GPU-hours over 61 days: 1.02 GPUs = 7.2 1g.5gb slices, so 7.
        { pool: 'meluxina-mig', migProfile: '1g.5gb', gpuHours: 1_500 },
        { pool: 'meluxina-mig', migProfile: '3g.20gb', count: 4 },
      ],
      groups: { admins: ['l-aif:cyber-playground-admins'] },
      storage: [{ tier: 'scratch', capacity: '2Ti', claims: 10 }],
    },
    {
      name: 'green-economy',
      displayName: 'Green economy: energy-system models',
      accessMode: 'large-scale',
      sector: 'green-economy',
      allocation: { projectId: 'EHPC-AIF-2027LS01-0205', start: '2027-01-04', end: '2028-01-03' },
      gpus: [{ pool: 'meluxina-ai', gpuHours: 1_000_000 }],
      groups: { admins: ['l-aif:green-economy-admins'] },
      storage: [
        { tier: 'scratch', capacity: '40Ti' },
        { tier: 'project', capacity: '300Ti' },
      ],
    },
  ],
};
