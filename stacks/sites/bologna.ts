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
  // Allocations are illustrative (assumed), one tenant per sector of the factory.
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
    },
    {
      name: 'earth-climate',
      displayName: 'Earth and climate: weather and climate foundation models',
      accessMode: 'ai-for-science',
      sector: 'earth-climate',
      allocation: { projectId: 'EHPC-AIF-2026SC02-0019', start: '2026-06-01', end: '2026-11-30' },
      gpus: [{ pool: 'booster', count: 160 }],
      groups: { admins: ['it4lia:earth-climate-admins'], members: ['it4lia:earth-climate-users'] },
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
    },
  ],
};
