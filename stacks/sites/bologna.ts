import type { SiteProfile } from '../../lib';

/**
 * IT4LIA AI Factory, CINECA, Bologna. Sector focus: agrifood, cybersecurity, earth and climate,
 * manufacturing (EuroHPC JU selection, December 2024).
 *
 * Modelled: the Kubernetes AI partition carved out of the Leonardo Booster. The Booster has 3,456
 * nodes with 4 NVIDIA A100 64 GB each and InfiniBand HDR in a Dragonfly+ topology
 * (https://docs.hpc.cineca.it/hpc/leonardo.html: 2 dual-port HDR100 HCAs per node). The partition
 * size, 128 nodes `lrdn[0001-0128]`, is assumed: a site sizes it down from the full Booster.
 */
export const profile: SiteProfile = {
  name: 'bologna',
  displayName: 'IT4LIA AI Factory (CINECA, Bologna)',
  kubernetes: { configPath: '~/.kube/config', context: 'it4lia-ai' },
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
  ],
  // Both schedulers share the Booster partition: Slurm (Slinky) takes 16 nodes for `sbatch` users,
  // Kueue the other 112 (448 GPUs), which the tenants' quotas below use in full.
  schedulers: {
    kueue: {},
    slurm: {
      nodes: { booster: 16 }, // assumed split
      // assumed: CINECA's existing accounting MariaDB; the Secret is created by the site.
      accounting: { host: 'slurmdb.leonardo.local', passwordSecret: { name: 'slurmdbd-mariadb' } },
      login: { replicas: 2, sssdConfSecret: { name: 'slurm-sssd-conf' } },
    },
  },
  // Allocations are illustrative (assumed), one tenant per sector of the factory; 448 of 512 GPUs.
  tenants: [
    {
      name: 'agrifood',
      displayName: 'Agrifood: crop and supply-chain models',
      accessMode: 'large-scale',
      sector: 'agrifood',
      gpus: [{ pool: 'booster', count: 96 }],
      groups: { admins: ['it4lia:agrifood-admins'], members: ['it4lia:agrifood-users'] },
    },
    {
      name: 'cybersecurity',
      displayName: 'Cybersecurity: threat-detection models',
      accessMode: 'fast-lane',
      sector: 'cybersecurity',
      gpus: [{ pool: 'booster', count: 64 }],
      groups: { admins: ['it4lia:cybersecurity-admins'], members: ['it4lia:cybersecurity-users'] },
    },
    {
      name: 'earth-climate',
      displayName: 'Earth and climate: weather and climate foundation models',
      accessMode: 'ai-for-science',
      sector: 'earth-climate',
      gpus: [{ pool: 'booster', count: 160 }],
      groups: { admins: ['it4lia:earth-climate-admins'], members: ['it4lia:earth-climate-users'] },
    },
    {
      name: 'manufacturing',
      displayName: 'Manufacturing: industrial vision and digital twins',
      accessMode: 'large-scale',
      sector: 'manufacturing',
      gpus: [{ pool: 'booster', count: 128 }],
      groups: { admins: ['it4lia:manufacturing-admins'], members: ['it4lia:manufacturing-users'] },
    },
  ],
};
