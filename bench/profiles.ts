/**
 * Generated site profiles for the benchmark: N tenants over 8 pools and 3 storage tiers, with
 * Kueue or with Slurm, optionally with one pool of many nodes either listed (a hostlist, labelled and
 * tainted node by node) or label-selected. Built from the profile types, so they pass validateSite.
 */
import type { AccessMode, NodePoolSpec, SiteProfile, StorageTierSpec, TenantSpec } from '../lib/model';

export interface GeneratedProfileOptions {
  readonly tenants: number;
  readonly scheduler: 'kueue' | 'slurm';
  /** One pool (`big`) of this many nodes; the 7 others keep their small sizes. @default - no big pool */
  readonly bigPool?: { readonly nodes: number; readonly listed: boolean };
}

const MODES: readonly AccessMode[] = ['playground', 'fast-lane', 'large-scale', 'ai-for-science', 'internal'];
const PROJECT_CODES: Record<AccessMode, string> = {
  playground: 'PG01',
  'fast-lane': 'FL01',
  'large-scale': 'LS01',
  'ai-for-science': 'AS01',
  internal: 'IN01',
};
const PERIOD_END: Record<AccessMode, string> = {
  playground: '2026-02-28',
  'fast-lane': '2026-03-31',
  'large-scale': '2026-12-31',
  'ai-for-science': '2026-06-30',
  internal: '2026-12-31',
};
const ACCELERATORS = [
  'nvidia-a100-80gb',
  'nvidia-h100-80gb',
  'nvidia-h200-141gb',
  'nvidia-gh200-96gb',
  'nvidia-b200',
  'nvidia-gb200',
  'nvidia-a100-40gb',
];

const pad = (i: number) => String(i).padStart(5, '0');

export function generatedProfile(o: GeneratedProfileOptions): SiteProfile {
  const poolNodes = Math.max(64, Math.ceil(o.tenants / 2)); // room for every grant below
  const pools: NodePoolSpec[] = ACCELERATORS.map((acc, i) => ({
    name: `pool-${i}`,
    accelerator: acc,
    gpusPerNode: 4,
    nodes: { labels: { 'example.org/partition': `p${i}` }, count: poolNodes },
  }));
  // The eighth pool: MIG, or the big pool under test.
  pools.push(
    o.bigPool
      ? {
          name: 'big',
          accelerator: 'nvidia-h100-80gb',
          gpusPerNode: 4,
          nodes: o.bigPool.listed
            ? { hostlist: `n[${pad(1)}-${pad(o.bigPool.nodes)}]` }
            : { labels: { 'example.org/partition': 'big' }, count: o.bigPool.nodes },
        }
      : {
          name: 'mig',
          accelerator: 'nvidia-h100-80gb',
          gpusPerNode: 8,
          nodes: { labels: { 'example.org/partition': 'mig' }, count: poolNodes },
          mig: { profiles: { '3g.40gb': 1, '1g.10gb': 4 } },
        },
  );
  const tierCapacity = `${Math.max(1, Math.ceil(o.tenants / 100))}Pi`;
  const tiers: StorageTierSpec[] = [
    {
      name: 'scratch',
      purpose: 'scratch',
      capacity: tierCapacity,
      reclaimPolicy: 'Delete',
      default: true,
      driver: { kind: 'nfs', server: 'nfs.example.org', share: '/export/scratch' },
    },
    {
      name: 'projects',
      purpose: 'project',
      capacity: tierCapacity,
      driver: { kind: 'nfs', server: 'nfs.example.org', share: '/export/projects' },
    },
    {
      name: 'state',
      purpose: 'scheduler-state',
      capacity: '10Ti',
      driver: { kind: 'nfs', server: 'nfs.example.org', share: '/export/state' },
    },
  ];
  const tenants: TenantSpec[] = [];
  for (let i = 0; i < o.tenants; i++) {
    const name = `t${String(i).padStart(5, '0')}`;
    const pool = pools[i % pools.length];
    const mode = MODES[i % MODES.length];
    // Each mode's period and budget rules: Large Scale needs more than 50,000 GPU-hours.
    const large = mode === 'large-scale';
    const grant = pool.mig
      ? { pool: pool.name, count: large ? 16 : 4, migProfile: large ? '3g.40gb' : '1g.10gb' }
      : { pool: pool.name, count: large ? 32 : 4 };
    tenants.push({
      name,
      accessMode: mode,
      allocation: {
        projectId: `EHPC-AIF-2026${PROJECT_CODES[mode]}-${String(i % 10_000).padStart(4, '0')}`,
        start: '2026-01-01',
        end: PERIOD_END[mode],
      },
      sector: 'research',
      gpus: [grant],
      groups: { admins: [`idp:${name}-admins`], members: [`idp:${name}-users`] },
      storage: [
        { tier: 'scratch', capacity: '10Ti' },
        { tier: 'projects', capacity: '10Ti' },
      ],
    });
  }
  const firstPool = pools[0].name;
  return {
    name: 'bench',
    displayName: `Generated site, ${o.tenants} tenants`,
    kubernetes: { configPath: '~/.kube/config', context: 'bench' },
    nodePools: pools,
    tenants,
    storageTiers: tiers,
    ...(o.scheduler === 'kueue'
      ? { schedulers: { kueue: {} } }
      : {
          // Accounting, which Slurm with tenants needs (SLURM_ACCOUNTING_REQUIRED); one account per
          // tenant. The API server's and the database's addresses (SLURM_ADDRESSES_REQUIRED).
          schedulers: {
            slurm: {
              nodes: { [firstPool]: 8 },
              accounting: {
                host: 'slurmdb.bench.local',
                cidrs: ['10.0.0.20/32'],
                passwordSecret: { name: 'slurmdbd-mariadb' },
              },
            },
          },
          network: { apiServerCidrs: ['10.0.0.10/32'] },
          slurmStateTier: 'state',
        }),
  };
}
