/**
 * fast-check generators of site profiles for the property tests: valid profiles built from the
 * model (its accelerator catalog, access-mode presets and allocation arithmetic), and invalid ones
 * made by mutating valid ones. Profiles are kept small (1 to 3 pools of a few nodes, up to 3
 * tenants): synthesis costs a few milliseconds per resource, and the properties are about shapes,
 * names and combinations, not about size.
 */
import fc from 'fast-check';
import {
  ACCESS_MODE_PRESETS,
  acceleratorCatalog,
  addMonths,
  grantUnits,
  poolOffers,
  type AccessMode,
  type NodePoolSpec,
  type SiteProfile,
  type StorageTierSpec,
  type TenantGpuGrant,
  type TenantSpec,
} from '../../lib/model';
import { ACCESS_MODES, RESERVED_NAMESPACES } from '../../lib/model/validate';

/** Seed and number of runs: fixed by default, for reproducible runs; see docs/performance.md. */
export function propertyParameters(defaultRuns: number): fc.Parameters<unknown> {
  const seedText = process.env.AIF_PROPERTY_SEED;
  const seed =
    seedText === 'random'
      ? Date.now() ^ (Math.random() * 0x7fffffff)
      : seedText
        ? Number(seedText)
        : 20261130;
  const runs = process.env.AIF_PROPERTY_RUNS ? Number(process.env.AIF_PROPERTY_RUNS) : defaultRuns;
  return { seed, numRuns: runs, endOnFailure: true };
}

/** A DNS label of `min` to `max` characters: letters, digits and inner dashes. */
export function dnsLabel(min = 1, max = 63): fc.Arbitrary<string> {
  const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split(''));
  const inner = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'.split(''));
  return fc
    .tuple(alnum, fc.array(inner, { minLength: Math.max(0, min - 2), maxLength: max - 2 }), alnum)
    .map(([a, mid, z]) => (max === 1 ? a : `${a}${mid.join('')}${z}`))
    .filter((s) => s.length >= min && s.length <= max);
}

/** Names that are often at the limits: short ones, and ones of exactly the longest allowed length. */
function boundaryName(max: number): fc.Arbitrary<string> {
  return fc.oneof({ weight: 3, arbitrary: dnsLabel(1, 12) }, { weight: 1, arbitrary: dnsLabel(max, max) });
}

const START = '2026-01-01';
const DAY_MS = 86_400_000;

/** An allocation of `months` months from START: the end date is the day before START + months. */
function allocation(index: number, months: number): TenantSpec['allocation'] {
  const end = new Date(addMonths(Date.parse(`${START}T00:00:00Z`), months) - DAY_MS)
    .toISOString()
    .slice(0, 10);
  return { projectId: `EHPC-AIF-2026FL01-${String(index + 1).padStart(4, '0')}`, start: START, end };
}

/** The month counts an access mode allows (the `any` rule: a few). */
function allowedMonths(mode: AccessMode): number[] {
  const d = ACCESS_MODE_PRESETS[mode].duration;
  if (d.kind === 'any') return [1, 6, 12];
  if (d.kind === 'one-of') return [...d.months];
  return Array.from({ length: d.maxMonths - d.minMonths + 1 }, (_, i) => d.minMonths + i);
}

interface PoolDraft {
  readonly name: string;
  readonly accelerator: string;
  readonly gpusPerNode: number;
  readonly byLabels: boolean;
  readonly mig?: { profile: string; instances: number };
  readonly timeSlicing?: number;
  readonly sharedSlices: boolean;
}

const catalog = acceleratorCatalog();

const poolDraft = (name: string): fc.Arbitrary<PoolDraft> =>
  fc
    .record({
      accelerator: fc.constantFrom(...catalog.map((a) => a.id)),
      gpusPerNode: fc.integer({ min: 1, max: 8 }),
      byLabels: fc.boolean(),
      partition: fc.integer({ min: 0, max: 2 }),
      profileIndex: fc.nat(),
      instances: fc.integer({ min: 1, max: 7 }),
      replicas: fc.integer({ min: 2, max: 4 }),
      sharedSlices: fc.boolean(),
    })
    .map((d) => {
      const acc = catalog.find((a) => a.id === d.accelerator) as (typeof catalog)[number];
      let mig: PoolDraft['mig'];
      let timeSlicing: number | undefined;
      // A MIG or time-slicing configuration is named after the pool, in a label: at most 59 characters.
      const configurable = name.length <= 59;
      if (configurable && d.partition === 1 && acc.migProfiles.length > 0) {
        const p = acc.migProfiles[d.profileIndex % acc.migProfiles.length];
        const fit = Math.min(p.maxInstances, Math.floor(7 / p.computeSlices), Math.floor(8 / p.memorySlices));
        mig = { profile: p.name, instances: Math.max(1, Math.min(d.instances, fit)) };
      } else if (configurable && d.partition === 2 && acc.timeSlicing) {
        timeSlicing = d.replicas;
      }
      return {
        name,
        accelerator: d.accelerator,
        gpusPerNode: d.gpusPerNode,
        byLabels: d.byLabels,
        mig,
        timeSlicing,
        sharedSlices: d.sharedSlices,
      };
    });

interface TenantDraft {
  readonly name: string;
  readonly mode: AccessMode;
  readonly months: number;
  readonly withAllocation: boolean;
  /** Pool indexes (deduplicated later) and amounts. */
  readonly grants: ReadonlyArray<{ pool: number; count: number; budget: boolean }>;
  readonly retired: boolean;
  readonly members: boolean;
  readonly sector?: string;
  readonly egress: readonly string[];
  readonly storage: boolean;
  readonly volume: boolean;
}

const tenantDraft = (name: string): fc.Arbitrary<TenantDraft> =>
  fc
    .record({
      mode: fc.constantFrom(...ACCESS_MODES),
      monthIndex: fc.nat(),
      withAllocation: fc.boolean(),
      grants: fc.array(
        fc.record({ pool: fc.nat({ max: 2 }), count: fc.integer({ min: 1, max: 4 }), budget: fc.boolean() }),
        { maxLength: 2 },
      ),
      retired: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
      members: fc.boolean(),
      sector: fc.option(dnsLabel(1, 20), { nil: undefined }),
      egress: fc.array(
        fc
          .tuple(
            fc.integer({ min: 0, max: 255 }),
            fc.integer({ min: 0, max: 255 }),
            fc.integer({ min: 24, max: 32 }),
          )
          .map(([b, c, bits]) => `10.${b}.${c}.0/${bits}`),
        { maxLength: 2 },
      ),
      storage: fc.boolean(),
      volume: fc.boolean(),
    })
    .map((d) => {
      const months = allowedMonths(d.mode);
      return {
        name,
        mode: d.mode,
        months: months[d.monthIndex % months.length],
        // Only the internal mode may go without an allocation in a site profile.
        withAllocation: d.mode !== 'internal' || d.withAllocation,
        grants: d.grants,
        retired: d.retired,
        members: d.members,
        sector: d.sector,
        egress: [...new Set(d.egress)],
        storage: d.storage,
        volume: d.volume,
      };
    });

/** Distinct names for a list, none of them a reserved namespace or `slurm`. */
function distinctNames(count: { min: number; max: number }, max: number): fc.Arbitrary<string[]> {
  return fc.uniqueArray(
    boundaryName(max).filter((n) => !RESERVED_NAMESPACES.includes(n)),
    { minLength: count.min, maxLength: count.max },
  );
}

/** Shapes the drafts into a profile whose grants fit the pools, by sizing the pools to the grants. */
function buildProfile(d: {
  site: string;
  pools: readonly PoolDraft[];
  tenants: readonly TenantDraft[];
  tiers: number;
  scheduler: 'kueue' | 'slurm' | 'both' | 'none';
  retiredNames: readonly string[];
}): SiteProfile {
  const usedUnits = new Map<string, number>();
  const specOf = (p: PoolDraft, nodes: number): NodePoolSpec => ({
    name: p.name,
    accelerator: p.accelerator,
    gpusPerNode: p.gpusPerNode,
    nodes: p.byLabels
      ? { labels: { 'example.org/pool': p.name }, count: nodes }
      : { hostlist: `${p.name}-n[${'1'.padStart(3, '0')}-${String(nodes).padStart(3, '0')}]` },
    ...(p.mig ? { mig: { profiles: { [p.mig.profile]: p.mig.instances } } } : {}),
    ...(p.timeSlicing ? { timeSlicingReplicas: p.timeSlicing } : {}),
    ...(p.timeSlicing && p.sharedSlices ? { timeSlicingSharedByTenants: true } : {}),
  });
  const tiers: StorageTierSpec[] = Array.from({ length: d.tiers }, (_, i) => ({
    name: ['work', 'scratch'][i],
    purpose: ['project', 'scratch'][i],
    capacity: '100Ti',
    ...(i === 0 ? { reclaimPolicy: 'Retain' as const } : {}),
    driver:
      i === 0
        ? { kind: 'nfs' as const, server: 'nfs.example.org', share: '/export/work' }
        : { kind: 'custom' as const, provisioner: 'lustre.csi.example.org' },
    accessModes: ['ReadWriteMany'],
  }));
  // A time-sliced pool not shared by tenants goes to its first taker only.
  const takenSlices = new Set<string>();
  const tenants: TenantSpec[] = d.tenants.map((t, i) => {
    const preset = ACCESS_MODE_PRESETS[t.mode];
    const alloc = t.withAllocation ? allocation(i, t.months) : undefined;
    const seen = new Set<string>();
    const gpus: TenantGpuGrant[] = [];
    for (const g of t.grants) {
      const pool = d.pools[g.pool % d.pools.length];
      if (seen.has(pool.name)) continue;
      if (pool.timeSlicing && !pool.sharedSlices) {
        if (takenSlices.has(pool.name)) continue;
        takenSlices.add(pool.name);
      }
      seen.add(pool.name);
      // Small grants fit every mode's share and budget limits: Playground and Fast Lane get at most
      // 2 units; Large Scale needs a budget above 50,000 GPU-hours and gets one.
      const count = t.mode === 'playground' || t.mode === 'fast-lane' ? Math.min(g.count, 2) : g.count;
      const grant: TenantGpuGrant =
        t.mode === 'large-scale' && alloc
          ? {
              pool: pool.name,
              gpuHours: 50_001 + g.count * 1000,
              ...(pool.mig ? { migProfile: pool.mig.profile } : {}),
            }
          : g.budget && alloc && preset.maxGpuHours === undefined
            ? {
                pool: pool.name,
                gpuHours: g.count * 1000,
                ...(pool.mig ? { migProfile: pool.mig.profile } : {}),
              }
            : { pool: pool.name, count, ...(pool.mig ? { migProfile: pool.mig.profile } : {}) };
      gpus.push(grant);
      // Retired tenants' grants count too: each grant must still fit its pool.
      usedUnits.set(pool.name, (usedUnits.get(pool.name) ?? 0) + grantUnits(specOf(pool, 1), grant, alloc));
    }
    // A Large Scale tenant needs its budget above 50,000 GPU-hours: one grant at least.
    if (t.mode === 'large-scale' && gpus.length === 0 && alloc) {
      const pool = d.pools[0];
      const grant: TenantGpuGrant = {
        pool: pool.name,
        gpuHours: 60_000,
        ...(pool.mig ? { migProfile: pool.mig.profile } : {}),
      };
      if (!(pool.timeSlicing && !pool.sharedSlices && takenSlices.has(pool.name))) {
        takenSlices.add(pool.name);
        gpus.push(grant);
        usedUnits.set(pool.name, (usedUnits.get(pool.name) ?? 0) + grantUnits(specOf(pool, 1), grant, alloc));
      }
    }
    return {
      name: t.name,
      accessMode: t.mode,
      ...(alloc ? { allocation: alloc } : {}),
      ...(t.sector ? { sector: t.sector } : {}),
      gpus,
      groups: {
        admins: [`idp:${t.name}-admins`],
        ...(t.members ? { members: [`idp:${t.name}-users`] } : {}),
      },
      ...(t.egress.length > 0 ? { egressCidrs: t.egress } : {}),
      ...(t.storage && tiers.length > 0 ? { storage: [{ tier: tiers[0].name, capacity: '1Ti' }] } : {}),
      ...(t.storage && t.volume && tiers.length > 0
        ? { volumes: [{ name: 'shared', tier: tiers[0].name, size: '100Gi' }] }
        : {}),
      ...(t.retired ? { retired: true } : {}),
    };
  });
  const slurm = d.scheduler === 'slurm' || d.scheduler === 'both';
  // Slurm takes one node of the first pool that it can run on (whole GPUs).
  const slurmPool = slurm ? d.pools.find((p) => !p.mig && !p.timeSlicing) : undefined;
  const nodePools = d.pools.map((p) => {
    const perNode = poolOffers(specOf(p, 1))[0]?.units ?? p.gpusPerNode;
    const nodes = Math.max(1, Math.ceil((usedUnits.get(p.name) ?? 0) / perNode)) + (p === slurmPool ? 1 : 0);
    return specOf(p, nodes);
  });
  return {
    name: d.site,
    displayName: `Site ${d.site}`,
    kubernetes: { configPath: '~/.kube/config', context: d.site },
    nodePools,
    tenants,
    ...(d.retiredNames.length > 0
      ? { retiredTenants: d.retiredNames.map((name) => ({ name, dataDeleted: '2026-01-01' })) }
      : {}),
    ...(tiers.length > 0 ? { storageTiers: tiers } : {}),
    // A Slurm site names its API server (SLURM_ADDRESSES_REQUIRED).
    ...(slurmPool ? { network: { apiServerCidrs: ['10.0.0.10/32'] } } : {}),
    ...(d.scheduler === 'none'
      ? {}
      : {
          schedulers: {
            ...(d.scheduler !== 'slurm' ? { kueue: {} } : {}),
            // With accounting: it is what enforces the tenants' Slurm limits.
            ...(slurmPool
              ? {
                  slurm: {
                    nodes: { [slurmPool.name]: 1 },
                    accounting: {
                      host: 'slurmdb.example.org',
                      cidrs: ['10.0.0.20/32'],
                      passwordSecret: { name: 'slurmdbd-mariadb' },
                    },
                  },
                }
              : {}),
          },
        }),
  };
}

/** Optional fields of a site, each present or not. */
const siteExtras = fc.record(
  {
    podSecurityVersion: fc.integer({ min: 25, max: 34 }).map((m) => `v1.${m}`),
    state: fc.oneof(
      fc.constant({ kind: 'local' as const, directory: 'ops/state' }),
      fc.constant({ kind: 'kubernetes' as const, namespace: 'tfstate' }),
    ),
    gpuOperator: fc.constantFrom({ driver: 'host' as const }, { driver: 'operator' as const }),
    tenantPriorityClasses: fc.constant(['default-priority']),
    cohort: fc.constantFrom<string | false>('shared', false),
    login: fc.constant(true),
    interconnect: fc.constant(true),
    taint: fc.constant(true),
    overcommit: fc.constant(true),
    resources: fc.constant(true),
  },
  { requiredKeys: [] },
);

/** Valid site profiles: 1 to 3 pools of every kind of accelerator, 0 to 3 tenants of every mode. */
export const validProfile: fc.Arbitrary<SiteProfile> = fc
  .record({
    site: boundaryName(40),
    poolNames: distinctNames({ min: 1, max: 3 }, 63),
    names: distinctNames({ min: 0, max: 5 }, 63),
    tiers: fc.integer({ min: 0, max: 2 }),
    scheduler: fc.constantFrom('kueue' as const, 'slurm' as const, 'both' as const, 'none' as const),
    retiredCount: fc.integer({ min: 0, max: 2 }),
    extras: siteExtras,
  })
  .chain((r) => {
    // Tenant names first, retired names after them: the two lists never share a name.
    const tenantNames = r.names.slice(0, Math.max(0, r.names.length - r.retiredCount)).slice(0, 3);
    const retiredNames = r.names.slice(tenantNames.length);
    return fc
      .record({
        pools: fc.tuple(...r.poolNames.map(poolDraft)),
        tenants: fc.tuple(...tenantNames.map(tenantDraft)),
      })
      .map(({ pools, tenants }) =>
        withExtras(
          buildProfile({
            site: r.site,
            pools,
            tenants,
            tiers: r.tiers,
            scheduler: r.scheduler,
            retiredNames,
          }),
          r.extras,
        ),
      );
  });

type SiteExtras = typeof siteExtras extends fc.Arbitrary<infer T> ? T : never;

/** Adds the optional fields drawn for a site, each in a form that validates. */
function withExtras(profile: SiteProfile, x: SiteExtras): SiteProfile {
  const kueue = profile.schedulers?.kueue;
  const slurm = profile.schedulers?.slurm;
  return {
    ...profile,
    ...(x.podSecurityVersion ? { podSecurityVersion: x.podSecurityVersion } : {}),
    ...(x.state ? { state: x.state } : {}),
    ...(x.gpuOperator ? { gpuOperator: x.gpuOperator } : {}),
    ...(x.tenantPriorityClasses ? { tenantPriorityClasses: x.tenantPriorityClasses } : {}),
    nodePools: profile.nodePools.map((p, i) => ({
      ...p,
      ...(x.interconnect
        ? {
            interconnect: {
              fabric: 'infiniband' as const,
              generation: 'NDR200',
              linksPerNode: 4,
              gbpsPerLink: 200,
            },
          }
        : {}),
      // A taint of the site's own on the first pool.
      ...(x.taint && i === 0
        ? { taint: { key: 'example.org/gpu', value: 'reserved', effect: 'NoSchedule' as const } }
        : {}),
      ...(x.overcommit
        ? { overcommit: { factor: 1.5, reason: 'Playground tenants rarely run at once' } }
        : {}),
    })),
    tenants: profile.tenants.map((t) =>
      x.resources
        ? { ...t, resources: { pods: 100, persistentVolumeClaims: 20, cpu: '64', memory: '256Gi' } }
        : t,
    ),
    ...(profile.schedulers
      ? {
          schedulers: {
            ...(kueue
              ? { kueue: { ...kueue, ...(x.cohort !== undefined ? { cohort: x.cohort } : {}) } }
              : {}),
            ...(slurm
              ? {
                  slurm: {
                    ...slurm,
                    ...(x.login
                      ? {
                          login: {
                            sssdConfSecret: { name: 'sssd-conf', key: 'sssd.conf' },
                            serviceType: 'ClusterIP' as const,
                          },
                        }
                      : {}),
                  },
                }
              : {}),
          },
        }
      : {}),
  };
}

// Invalid profiles ------------------------------------------------------------------------------

/** Every path of a JSON-like value, as key lists; the root is []. */
export function pathsOf(
  value: unknown,
  at: ReadonlyArray<string | number> = [],
): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [[...at]];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...at, i])));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...at, k]));
  return out;
}

/** Values that do not belong where a profile has its values. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -1,
    0,
    0.5,
    1e308,
    2 ** 53,
    -(2 ** 31),
    '',
    ' ',
    'UPPER_case!',
    'a'.repeat(300),
    '-leading-dash',
    'ünïcödé',
    '../../etc/passwd',
    '${var.x}',
    '0.0.0.0/0',
    'latest',
    true,
    false,
    [],
    {},
    [1, 'x', null],
    { kind: 'custom' },
  ),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.anything({ maxDepth: 2 }),
);

export type Mutation =
  | { readonly kind: 'set'; readonly path: number; readonly value: unknown }
  | { readonly kind: 'delete'; readonly path: number }
  | { readonly kind: 'unknown-field'; readonly path: number; readonly field: string }
  | { readonly kind: 'wrap-in-array'; readonly path: number }
  | { readonly kind: 'array-to-object'; readonly path: number }
  | { readonly kind: 'set-field'; readonly path: number; readonly field: string; readonly value: unknown }
  /** A hole in a list (`[a, , b]`), where the path is an entry of one. */
  | { readonly kind: 'hole'; readonly path: number };

/** Field names of the profile at every level, so that a mutation also reaches optional fields. */
const FIELD_NAMES = [
  'name',
  'displayName',
  'kubernetes',
  'state',
  'kind',
  'namespace',
  'directory',
  'nodePools',
  'tenants',
  'retiredTenants',
  'gpuOperator',
  'driver',
  'accessModes',
  'tenantPriorityClasses',
  'podSecurityVersion',
  'storageTiers',
  'slurmStateTier',
  'schedulers',
  'kueue',
  'slurm',
  'mirror',
  'charts',
  'images',
  'url',
  'registry',
  'credentials',
  'accelerator',
  'gpusPerNode',
  'nodes',
  'labels',
  'count',
  'hostlist',
  'interconnect',
  'taint',
  'mig',
  'profiles',
  'timeSlicingReplicas',
  'overcommit',
  'factor',
  'reason',
  'accessMode',
  'allocation',
  'projectId',
  'start',
  'end',
  'gpus',
  'pool',
  'gpuHours',
  'migProfile',
  'resources',
  'cpu',
  'pods',
  'groups',
  'admins',
  'members',
  'egressCidrs',
  'storage',
  'volumes',
  'tier',
  'capacity',
  'claims',
  'size',
  'retired',
  'cohort',
  'workloadControllers',
  'borrowingLimit',
  'partitions',
  'accounting',
  'login',
  'sssdConfSecret',
  'passwordSecret',
  'secrets',
  'provisioner',
  'parameters',
  'server',
  'share',
  'purpose',
  'reclaimPolicy',
  'default',
  'mountOptions',
  'volumes',
  'note',
];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('set' as const), path: fc.nat(), value: wrongValue }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), path: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hole' as const), path: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('unknown-field' as const),
      path: fc.nat(),
      field: fc.constantFrom('slurmStatTier', 'gpu', 'nodePool', 'extra', '__proto__x', 'constructor'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wrap-in-array' as const), path: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('array-to-object' as const), path: fc.nat() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('set-field' as const),
      path: fc.nat(),
      field: fc.constantFrom(...FIELD_NAMES),
      value: wrongValue,
    }),
  },
);

/** Applies mutations to a copy of a profile; paths are picked among the copy's current paths. */
export function mutate(profile: SiteProfile, mutations: readonly Mutation[]): unknown {
  let root: unknown = structuredClone(profile);
  for (const m of mutations) {
    const paths = pathsOf(root);
    const path = paths[m.path % paths.length];
    const current = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root);
    let next: unknown;
    switch (m.kind) {
      case 'set':
        next = m.value;
        break;
      case 'delete':
        next = undefined;
        break;
      case 'unknown-field':
        next =
          current !== null && typeof current === 'object' && !Array.isArray(current)
            ? { ...current, [m.field]: 1 }
            : current;
        break;
      case 'wrap-in-array':
        next = [current];
        break;
      case 'array-to-object':
        next = Array.isArray(current) ? { ...current } : { value: current };
        break;
      case 'hole':
        next = current;
        break;
      case 'set-field':
        next =
          current !== null && typeof current === 'object' && !Array.isArray(current)
            ? { ...current, [m.field]: m.value }
            : current;
        break;
    }
    if (path.length === 0) {
      root = next;
      continue;
    }
    const parent = path
      .slice(0, -1)
      .reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root) as Record<
      string | number,
      unknown
    >;
    const key = path[path.length - 1];
    if ((m.kind === 'delete' && !Array.isArray(parent)) || (m.kind === 'hole' && Array.isArray(parent)))
      delete parent[key];
    else parent[key] = next;
  }
  return root;
}

/** Valid profiles broken in 1 to 3 places. */
export const invalidProfile: fc.Arbitrary<unknown> = fc
  .tuple(validProfile, fc.array(mutation, { minLength: 1, maxLength: 3 }))
  .map(([profile, mutations]) => mutate(profile, mutations));
