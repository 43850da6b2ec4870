import type { SiteProfile } from '../../lib';

/**
 * The e2e suite's own site: small enough to run on fake (kwok) nodes, and with one of each thing a
 * real site combines, so that every path of the library meets the real API server, Kueue and
 * scheduler:
 * - a label-selected NVIDIA pool (`h100`, 2 nodes x 4 GPUs), a listed MIG pool (`mig`, 2 nodes x
 *   4 A100 40GB, each GPU cut into 3g.20gb + 2g.10gb + 2 x 1g.5gb), a listed AMD pool (`mi300`);
 * - a listed CPU pool (`cpu`, 2 nodes) that the library labels for Kueue's CPU lane;
 * - tenants of four access modes: two that share `h100` in the cohort (borrowing and reclaim), a
 *   Playground tenant on MIG slices, a Large Scale tenant on AMD, one whose allocation has
 *   ended by the suite's synthesis date (2026-12-01) and one retired.
 *
 * The storage tier names a provisioner nothing serves here: claims stay Pending, which the
 * library allows (`wait_until_bound` is false) and no scenario depends on.
 */
export const profile: SiteProfile = {
  name: 'lab',
  displayName: 'e2e lab (fake nodes)',
  kubernetes: { configPath: '~/.kube/config', context: 'aif-e2e' },
  gpuOperator: { driver: 'host' },
  nodePools: [
    {
      name: 'h100',
      accelerator: 'nvidia-h100-80gb',
      gpusPerNode: 4,
      nodes: { labels: { 'lab.ai-factory.eu/partition': 'h100' }, count: 2 },
      note: 'label-selected NVIDIA pool',
    },
    {
      name: 'mig',
      accelerator: 'nvidia-a100-40gb',
      gpusPerNode: 4,
      nodes: { hostlist: 'mig[01-02]' },
      mig: { profiles: { '3g.20gb': 1, '2g.10gb': 1, '1g.5gb': 2 } },
      note: 'listed MIG pool',
    },
    {
      name: 'mi300',
      accelerator: 'amd-mi300a',
      gpusPerNode: 4,
      nodes: { hostlist: 'amd[01-02]' },
      note: 'listed AMD pool',
    },
  ],
  cpuPools: [
    {
      name: 'cpu',
      nodes: { hostlist: 'cpu-[01-02]' },
      coresPerNode: 128,
      memoryPerNode: '1Ti',
      note: 'listed CPU pool: the library labels both nodes for the CPU lane',
    },
  ],
  storageTiers: [
    {
      name: 'scratch',
      purpose: 'scratch',
      capacity: '100Ti',
      reclaimPolicy: 'Delete',
      default: true,
      driver: { kind: 'custom', provisioner: 'scratch.lab.ai-factory.eu' },
      note: 'no provisioner runs here: claims stay Pending',
    },
  ],
  schedulers: { kueue: {} },
  tenants: [
    {
      name: 'alpha',
      displayName: 'AI for Science tenant on h100 and MIG',
      accessMode: 'ai-for-science',
      sector: 'science',
      allocation: { projectId: 'EHPC-AIF-2026LS01-0001', start: '2026-10-01', end: '2027-03-31' },
      gpus: [
        { pool: 'h100', count: 4 },
        { pool: 'mig', migProfile: '3g.20gb', count: 2 },
      ],
      groups: { admins: ['lab:alpha-admins'], members: ['lab:alpha-users'] },
      storage: [{ tier: 'scratch', capacity: '10Ti' }],
      volumes: [{ name: 'datasets', tier: 'scratch', size: '1Ti' }],
    },
    {
      name: 'beta',
      displayName: 'Fast Lane tenant on h100',
      accessMode: 'fast-lane',
      allocation: { projectId: 'EHPC-AIF-2026FL01-0002', start: '2026-11-01', end: '2027-01-31' },
      gpus: [{ pool: 'h100', count: 2 }],
      groups: { admins: ['lab:beta-admins'], members: ['lab:beta-users'] },
      storage: [{ tier: 'scratch', capacity: '5Ti' }],
    },
    {
      name: 'gamma',
      displayName: 'Playground tenant on MIG slices',
      accessMode: 'playground',
      allocation: { projectId: 'EHPC-AIF-2026PG01-0003', start: '2026-11-15', end: '2027-01-15' },
      gpus: [{ pool: 'mig', migProfile: '1g.5gb', count: 4 }],
      groups: { admins: ['lab:gamma-admins'] },
      storage: [{ tier: 'scratch', capacity: '1Ti', claims: 5 }],
    },
    {
      name: 'delta',
      displayName: 'Large Scale tenant on AMD',
      accessMode: 'large-scale',
      sector: 'manufacturing',
      // 8 GPUs for a year: 70,080 GPU-hours, above Large Scale's 50,000.
      allocation: { projectId: 'EHPC-AIF-2026LS01-0004', start: '2026-06-01', end: '2027-05-31' },
      gpus: [{ pool: 'mi300', count: 8 }],
      groups: { admins: ['lab:delta-admins'] },
      storage: [{ tier: 'scratch', capacity: '5Ti' }],
    },
    {
      name: 'ended',
      displayName: 'Fast Lane tenant whose allocation ended on 2026-11-30',
      accessMode: 'fast-lane',
      allocation: { projectId: 'EHPC-AIF-2026FL02-0005', start: '2026-09-01', end: '2026-11-30' },
      gpus: [{ pool: 'h100', count: 1 }],
      groups: { admins: ['lab:ended-admins'] },
      storage: [{ tier: 'scratch', capacity: '1Ti' }],
    },
    {
      name: 'omega',
      displayName: 'Retired Fast Lane tenant (data kept)',
      accessMode: 'fast-lane',
      allocation: { projectId: 'EHPC-AIF-2026FL03-0006', start: '2026-08-01', end: '2026-10-31' },
      gpus: [{ pool: 'h100', count: 1 }],
      groups: { admins: ['lab:omega-admins'] },
      storage: [{ tier: 'scratch', capacity: '1Ti' }],
      volumes: [{ name: 'results', tier: 'scratch', size: '100Gi' }],
      retired: true,
    },
  ],
};
