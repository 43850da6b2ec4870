import type { SiteProfile } from 'cdktf-ai-factory';

/**
 * CZAI, the Czech AI Factory (selected by EuroHPC in October 2025), at IT4Innovations, VSB -
 * Technical University of Ostrava. Modelled: Karolina's accelerated partition, 72 nodes with 8
 * NVIDIA A100 40 GB (SXM4) each (https://docs.it4i.cz/karolina/hardware-overview/).
 *
 * Assumed, and marked where used: the node names (`acn01`...), the split of the 72 nodes (64 with
 * whole GPUs, 6 partitioned with MIG here, 2 for the teaching cluster in teaching-cluster.ts), the
 * interconnect figures, the kubeconfig context and every tenant (the names, projects and grants are
 * examples, not real allocations).
 */
/** assumed: 4 x InfiniBand HDR 200 Gb/s per accelerated node. */
const interconnect = {
  fabric: 'infiniband',
  generation: 'HDR200',
  linksPerNode: 4,
  gbpsPerLink: 200,
} as const;

export const profile: SiteProfile = {
  name: 'karolina',
  displayName: 'CZAI, the Czech AI Factory (IT4Innovations, Ostrava): Karolina',
  kubernetes: { configPath: '~/.kube/config', context: 'karolina-aif' }, // assumed context
  gpuOperator: { driver: 'host' },
  nodePools: [
    {
      name: 'acn',
      accelerator: 'nvidia-a100-40gb',
      gpusPerNode: 8,
      nodes: { hostlist: 'acn[01-64]' }, // assumed node names and share of the 72
      interconnect,
      note: 'Karolina accelerated nodes: 8 x A100 40GB each; 64 of 72 assumed for whole GPUs',
    },
    {
      name: 'acn-mig',
      accelerator: 'nvidia-a100-40gb',
      gpusPerNode: 8,
      nodes: { hostlist: 'acn[65-70]' }, // assumed
      interconnect,
      // Per GPU: 3 + 2 + 1 + 1 of 7 compute slices, 4 + 2 + 1 + 1 of 8 memory slices.
      mig: { profiles: { '3g.20gb': 1, '2g.10gb': 1, '1g.5gb': 2 } },
      note: 'Karolina accelerated nodes partitioned with MIG for Playground users (assumed)',
    },
  ],
  schedulers: { kueue: {} },
  tenants: [
    {
      name: 'czech-llm',
      displayName: 'A Czech language model (research consortium)',
      accessMode: 'ai-for-science',
      sector: 'language',
      allocation: { projectId: 'EHPC-AIF-2027SC01-0301', start: '2027-01-04', end: '2027-07-03' },
      gpus: [{ pool: 'acn', count: 256 }],
      groups: { admins: ['czai:czech-llm-admins'], members: ['czai:czech-llm-users'] },
    },
    {
      name: 'factory-vision',
      displayName: 'Manufacturing: visual inspection models of an SME',
      accessMode: 'fast-lane',
      sector: 'manufacturing',
      allocation: { projectId: 'EHPC-AIF-2026FL06-0302', start: '2026-10-15', end: '2027-01-14' },
      // 40,000 GPU-hours over 92 days: 18.1 GPUs, so 18.
      gpus: [{ pool: 'acn', gpuHours: 40_000 }],
      groups: { admins: ['czai:factory-vision-admins'] },
    },
    {
      name: 'startup-playground',
      displayName: 'Start-ups: entry-level tests on MIG slices',
      accessMode: 'playground',
      sector: 'start-ups',
      allocation: { projectId: 'EHPC-AIF-2026PG07-0303', start: '2026-11-01', end: '2026-12-31' },
      gpus: [
        { pool: 'acn-mig', migProfile: '1g.5gb', count: 14 },
        { pool: 'acn-mig', migProfile: '3g.20gb', count: 4 },
      ],
      groups: { admins: ['czai:startup-playground-admins'], members: ['czai:startup-playground-users'] },
    },
  ],
};
