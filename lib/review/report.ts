/**
 * The capacity report: for every site and for the fleet, what the pools hold, what each tenant was
 * granted (by access mode), the headroom per pool, storage per tier, and allocations that have
 * expired or not yet started. Built from synthesized output only.
 */
import { allocationStatus, parseQuantity, type AccessMode, type AllocationStatus } from '../model';
import {
  ACCESS_MODE_LABEL,
  ALLOCATION_END_ANNOTATION,
  ALLOCATION_START_ANNOTATION,
  DISPLAY_NAME_ANNOTATION,
  GPU_GRANTS_ANNOTATION,
  GPU_HOURS_ANNOTATION,
  isCpuClusterQueueName,
  LIFECYCLE_LABEL,
  PROJECT_ID_ANNOTATION,
  RETIRED,
  SECTOR_LABEL,
  SLURM_ACCOUNTS_CONFIG_MAP,
  TENANT_LABEL,
} from '../model/names';
import { resourcesOf, unescapeTemplate, type Json, type SynthesizedStack } from './synthesized';

export interface OfferRow {
  readonly pool: string;
  readonly accelerator: string;
  readonly nodes: number;
  readonly gpusPerNode: number;
  /** Physical GPUs of the pool (schedulable devices). */
  readonly gpus: number;
  readonly resource: string;
  /** Units the pool offers of this resource. */
  readonly units: number;
  /** Nodes of the pool that the Slurm cluster holds. */
  readonly slurmNodes: number;
  /** Units left for the tenants' quotas (the pool less Slurm's nodes). */
  readonly tenantUnits: number;
  readonly gpuEquivalentPerUnit: number;
  readonly overcommitFactor: number;
  /**
   * Units granted to tenants whose allocation has not ended on the report's date: synthesis on or
   * after that date gives an ended allocation no GPU quota and frees its units (docs/access-modes.md).
   */
  readonly granted: number;
  /** What the tenants may be granted: tenantUnits times the pool's stated over-commit factor. */
  readonly grantable: number;
  /** grantable - granted; negative beyond the stated over-commit. */
  readonly headroom: number;
}

export interface GrantRow {
  readonly pool: string;
  readonly resource: string;
  readonly units: number;
  readonly gpuEquivalents: number;
  readonly gpuHours?: number;
}

export interface TenantRow {
  readonly tenant: string;
  readonly displayName: string;
  readonly accessMode: AccessMode;
  readonly sector?: string;
  readonly projectId?: string;
  readonly start?: string;
  readonly end?: string;
  /** The allocation's status on the report's date, or `retired` (the namespace is kept, nothing runs). */
  readonly status: AllocationStatus | 'retired';
  readonly grants: readonly GrantRow[];
  readonly gpuEquivalents: number;
  readonly gpuHours?: number;
  /** Storage quota per StorageClass, in bytes. */
  readonly storage: Readonly<Record<string, number>>;
}

export interface StorageRow {
  /** Tier name and purpose, where the class belongs to a tier of the site. */
  readonly tier?: string;
  readonly purpose?: string;
  readonly storageClass: string;
  readonly provisioner: string;
  readonly isDefault: boolean;
  /** Tier capacity in bytes, where the site states one. */
  readonly capacity?: number;
  /** Sum of tenant quotas on the class, in bytes. */
  readonly granted: number;
  /**
   * Bytes that tenants taken out of Terraform still hold on the tier (their namespace and volumes
   * stay until deleted; `retiredTenants[].storage`).
   */
  readonly retained: number;
}

export interface CpuPoolRow {
  readonly pool: string;
  readonly nodes: number;
  readonly coresPerNode: number;
  /** Cores of the whole pool. */
  readonly cores: number;
  /** Memory of the whole pool, in bytes. */
  readonly memoryBytes: number;
  /** Nodes the Slurm cluster holds (a partition of the pool's own). */
  readonly slurmNodes: number;
  /** Cores of the nodes Kubernetes keeps, where Kueue's CPU lane admits work without GPUs. */
  readonly kubernetesCores: number;
}

export interface SlurmShareRow {
  /** GRES type (`h100`, `mi300a`): Slurm limits accounts per type, not per pool. */
  readonly gresType: string;
  /** The NodeSets (pools) of that type. */
  readonly pools: readonly string[];
  /** slurmd nodes of that type. */
  readonly nodes: number;
  /** GPUs of that type on Slurm's nodes. */
  readonly share: number;
  /** Sum of the open accounts' `GrpTRES=gres/gpu:<type>` limits. */
  readonly granted: number;
}

export interface SiteReport {
  readonly site: string;
  readonly displayName: string;
  readonly offers: readonly OfferRow[];
  readonly tenants: readonly TenantRow[];
  /** GPU-equivalents granted per access mode. */
  readonly byAccessMode: Readonly<Partial<Record<AccessMode, number>>>;
  readonly storage: readonly StorageRow[];
  /**
   * The Slurm cluster's share per GRES type against what its accounts may hold: the same grants
   * are the tenants' Kueue quota (the GPU pools' `granted`), so each scheduler's share is compared
   * with the whole grant. Empty without Slurm.
   */
  readonly slurm: readonly SlurmShareRow[];
  /** The site's CPU pools (`cpuPools`); empty where it declares none. */
  readonly cpuPools: readonly CpuPoolRow[];
  /**
   * Cores that the tenants' CPU lanes (`<tenant>.cpu` ClusterQueues, on the `cpu-only` flavor) may
   * be admitted on together: their nominal cpu quotas, summed. Undefined without Kueue.
   */
  readonly cpuLaneCores?: number;
  readonly expired: readonly string[];
  readonly future: readonly string[];
  /** Tenants retired (`retired: true`): namespace and volumes kept, no quota, no queues. */
  readonly retired: readonly string[];
}

export interface FleetReport {
  /** The day the report is for (`YYYY-MM-DD`): statuses are relative to it. */
  readonly date: string;
  readonly sites: readonly SiteReport[];
  readonly fleet: {
    readonly gpus: number;
    readonly gpusByAccelerator: Readonly<Record<string, number>>;
    readonly grantedGpuEquivalents: number;
    readonly byAccessMode: Readonly<Partial<Record<AccessMode, number>>>;
    /** Tenants that are not retired. */
    readonly tenants: number;
    readonly expired: number;
    readonly future: number;
    readonly retired: number;
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function add<K extends string>(into: Partial<Record<K, number>>, key: K, n: number): void {
  into[key] = round2((into[key] ?? 0) + n);
}

/** A quota key on one StorageClass's requested storage: `<class>.storageclass.storage.k8s.io/requests.storage`. */
export const STORAGE_QUOTA = /^(.+)\.storageclass\.storage\.k8s\.io\/requests\.storage$/;

/** A tenant's namespace as synthesized: the `kubernetes_namespace_v1` carrying the tenant label. */
export interface SynthesizedTenant {
  readonly tenant: string;
  /** The namespace resource's address name (`tenant_<name>_namespace`). */
  readonly address: string;
  /** The namespace's `metadata.name`. */
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

/** The tenant namespaces of a stack, in address order. */
export function tenantNamespaces(stack: SynthesizedStack): SynthesizedTenant[] {
  const found: SynthesizedTenant[] = [];
  for (const [address, ns] of Object.entries(resourcesOf(stack, 'kubernetes_namespace_v1'))) {
    const labels = (ns.metadata?.labels ?? {}) as Record<string, string>;
    const tenant = labels[TENANT_LABEL];
    if (!tenant) continue;
    const annotations = (ns.metadata?.annotations ?? {}) as Record<string, string>;
    found.push({ tenant, address, namespace: String(ns.metadata?.name), labels, annotations });
  }
  return found;
}

/**
 * The hard limits of a tenant's allocation quota as applied: `spec.hard` of the unscoped
 * `kubernetes_resource_quota_v1` in the tenant's namespace. A raised quota (`raiseQuota`) is
 * written into `spec.hard` once, at synthesis, so the synthesized JSON holds it.
 * Scoped quotas (pods at system priorities) are not the allocation.
 */
export function tenantQuotaHard(stack: SynthesizedStack, namespaceAddress: string): Record<string, string> {
  // The quota is in the same stack and refers to the namespace by its address.
  const quota = Object.values(resourcesOf(stack, 'kubernetes_resource_quota_v1')).find(
    (q) =>
      String(q.metadata?.namespace).includes(`kubernetes_namespace_v1.${namespaceAddress}.`) &&
      !q.spec?.scope_selector &&
      !q.spec?.scopes,
  );
  return { ...((quota?.spec?.hard ?? {}) as Record<string, string>) };
}

/** Storage quota per StorageClass, in bytes, from a quota's hard limits; zero quotas left out. */
export function storageQuotas(hard: Readonly<Record<string, string>>): Record<string, number> {
  const storage: Record<string, number> = {};
  for (const [key, value] of Object.entries(hard)) {
    const m = STORAGE_QUOTA.exec(key);
    if (m && parseQuantity(value) > 0) storage[m[1]] = parseQuantity(value);
  }
  return storage;
}

/** The `aif_site_inventory` output of a platform stack (pools, offers, storage tiers), if it has one. */
export function siteInventory(platform: SynthesizedStack): Json | undefined {
  return platform.json.output?.aif_site_inventory?.value as Json | undefined;
}

function tenantRows(tenants: SynthesizedStack | undefined, date: string): TenantRow[] {
  if (!tenants) return [];
  const rows: TenantRow[] = [];
  for (const { tenant, address, labels, annotations: ann } of tenantNamespaces(tenants)) {
    const rawGrants = JSON.parse(ann[GPU_GRANTS_ANNOTATION] ?? '[]') as Array<{
      pool: string;
      resource: string;
      units: number;
      gpuHours?: number;
    }>;
    const allocation = ann[PROJECT_ID_ANNOTATION]
      ? {
          projectId: ann[PROJECT_ID_ANNOTATION],
          start: ann[ALLOCATION_START_ANNOTATION],
          end: ann[ALLOCATION_END_ANNOTATION],
        }
      : undefined;
    const storage = storageQuotas(tenantQuotaHard(tenants, address));
    rows.push({
      tenant,
      displayName: ann[DISPLAY_NAME_ANNOTATION] ?? tenant,
      accessMode: labels[ACCESS_MODE_LABEL] as AccessMode,
      sector: labels[SECTOR_LABEL],
      projectId: allocation?.projectId,
      start: allocation?.start,
      end: allocation?.end,
      status: labels[LIFECYCLE_LABEL] === RETIRED ? 'retired' : allocationStatus(allocation, date),
      grants: rawGrants.map((g) => ({ ...g, gpuEquivalents: 0 })),
      gpuEquivalents: 0,
      gpuHours: ann[GPU_HOURS_ANNOTATION] ? Number(ann[GPU_HOURS_ANNOTATION]) : undefined,
      storage,
    });
  }
  return rows.sort((a, b) => a.tenant.localeCompare(b.tenant));
}

function storageRows(
  stacks: readonly SynthesizedStack[],
  inventory: Json,
  tenants: readonly TenantRow[],
): StorageRow[] {
  const tiers = new Map<string, Json>(
    ((inventory.storageTiers ?? []) as Json[]).map((t) => [t.storageClass as string, t]),
  );
  const rows: StorageRow[] = [];
  for (const stack of stacks) {
    for (const sc of Object.values(resourcesOf(stack, 'kubernetes_storage_class_v1'))) {
      const name = sc.metadata?.name as string;
      const tier = tiers.get(name);
      rows.push({
        tier: tier?.name,
        purpose: tier?.purpose,
        storageClass: name,
        provisioner: sc.storage_provisioner as string,
        isDefault: sc.metadata?.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true',
        capacity: tier?.capacity ? parseQuantity(String(tier.capacity)) : undefined,
        granted: tenants.reduce((sum, t) => sum + (t.storage[name] ?? 0), 0),
        retained: typeof tier?.retained === 'number' ? tier.retained : 0,
      });
    }
  }
  return rows.sort((a, b) => a.storageClass.localeCompare(b.storageClass));
}

/**
 * Slurm's share per GRES type, from the `slurm` release's NodeSets (`replicas` times the
 * `Gres=gpu:<type>:<n>` of each), against the typed limits of the accounts in the `sacctmgr load`
 * file (`aif-slurm-accounts`); closed accounts (`GrpJobs=0`) hold nothing.
 */
export function slurmShareRows(tenantsStack: SynthesizedStack | undefined): SlurmShareRow[] {
  if (!tenantsStack) return [];
  const release = Object.values(resourcesOf(tenantsStack, 'helm_release')).find((r) => r.chart === 'slurm');
  if (!release) return [];
  const values = JSON.parse(unescapeTemplate(String(release.values?.[0] ?? '{}'))) as Json;
  const rows = new Map<string, { pools: string[]; nodes: number; share: number; granted: number }>();
  for (const [pool, set] of Object.entries((values.nodesets ?? {}) as Record<string, Json>)) {
    for (const gres of (set.extraConfMap?.Gres ?? []) as string[]) {
      const m = /^gpu:([^:]+):(\d+)$/.exec(gres);
      if (!m) continue;
      const row = rows.get(m[1]) ?? { pools: [], nodes: 0, share: 0, granted: 0 };
      row.pools.push(pool);
      row.nodes += Number(set.replicas ?? 0);
      row.share += Number(set.replicas ?? 0) * Number(m[2]);
      rows.set(m[1], row);
    }
  }
  const accounts = Object.values(resourcesOf(tenantsStack, 'kubernetes_config_map_v1')).find(
    (cm) => cm.metadata?.name === SLURM_ACCOUNTS_CONFIG_MAP,
  );
  for (const line of String(accounts?.data?.['accounts.cfg'] ?? '').split('\n')) {
    if (!line.startsWith('Account - ') || /:GrpJobs=0(:|$)/.test(line)) continue;
    for (const [, type, n] of line.matchAll(/gres\/gpu:([^=,']+)=(\d+)/g)) {
      const row = rows.get(type);
      if (row) row.granted += Number(n);
    }
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([gresType, r]) => ({
      gresType,
      pools: r.pools.sort(),
      nodes: r.nodes,
      share: r.share,
      granted: r.granted,
    }));
}

/** The CPU pools of a site's inventory. */
function cpuPoolRows(inventory: Json): CpuPoolRow[] {
  return ((inventory.cpuPools ?? []) as Json[]).map((p) => ({
    pool: p.name,
    nodes: p.nodes,
    coresPerNode: p.coresPerNode,
    cores: p.cores,
    memoryBytes: p.memoryBytes,
    slurmNodes: p.slurmNodes ?? 0,
    kubernetesCores: (p.nodes - (p.slurmNodes ?? 0)) * p.coresPerNode,
  }));
}

/** The nominal cpu of every CPU lane (`<tenant>.cpu` ClusterQueue) of a tenants stack, in cores. */
function cpuLaneCores(tenantsStack: SynthesizedStack | undefined): number | undefined {
  if (!tenantsStack) return undefined;
  const lanes = Object.values(resourcesOf(tenantsStack, 'kubernetes_manifest')).filter(
    (r) => r.manifest?.kind === 'ClusterQueue' && isCpuClusterQueueName(String(r.manifest?.metadata?.name)),
  );
  if (lanes.length === 0) return undefined;
  let cores = 0;
  for (const lane of lanes)
    for (const group of (lane.manifest.spec?.resourceGroups ?? []) as Json[])
      for (const flavor of (group.flavors ?? []) as Json[])
        for (const r of (flavor.resources ?? []) as Json[])
          if (r.name === 'cpu') cores += parseQuantity(String(r.nominalQuota));
  return round2(cores);
}

/** The report of one site, from its two stacks. */
export function siteReport(
  platform: SynthesizedStack,
  tenantsStack: SynthesizedStack | undefined,
  date: string,
): SiteReport {
  const inventory = siteInventory(platform);
  if (!inventory)
    throw new Error(`${platform.name} has no aif_site_inventory output: synthesize it with this library`);
  const tenants = tenantRows(tenantsStack, date);

  // GPU-equivalents per unit, by pool and resource, from the inventory.
  const perUnit = new Map<string, number>();
  for (const p of inventory.pools as Json[]) {
    for (const o of p.offers as Json[])
      perUnit.set(`${p.name}|${o.resource}`, o.gpuEquivalentPerUnit as number);
  }
  const withEq: TenantRow[] = tenants.map((t) => {
    const grants = t.grants.map((g) => ({
      ...g,
      gpuEquivalents: round2(g.units * (perUnit.get(`${g.pool}|${g.resource}`) ?? 1)),
    }));
    return { ...t, grants, gpuEquivalents: round2(grants.reduce((s, g) => s + g.gpuEquivalents, 0)) };
  });

  const offers: OfferRow[] = [];
  for (const p of inventory.pools as Json[]) {
    for (const o of p.offers as Json[]) {
      const granted = withEq.reduce(
        (sum, t) =>
          sum +
          (t.status === 'expired' ? 0 : 1) *
            t.grants
              .filter((g) => g.pool === p.name && g.resource === o.resource)
              .reduce((s, g) => s + g.units, 0),
        0,
      );
      offers.push({
        pool: p.name,
        accelerator: p.accelerator,
        nodes: p.nodes,
        gpusPerNode: p.gpusPerNode,
        gpus: p.gpus,
        resource: o.resource,
        units: o.units,
        slurmNodes: p.slurmNodes ?? 0,
        tenantUnits: o.tenantUnits ?? o.units,
        gpuEquivalentPerUnit: o.gpuEquivalentPerUnit,
        overcommitFactor: p.overcommitFactor ?? 1,
        granted,
        grantable: Math.floor((o.tenantUnits ?? o.units) * (p.overcommitFactor ?? 1)),
        headroom: Math.floor((o.tenantUnits ?? o.units) * (p.overcommitFactor ?? 1)) - granted,
      });
    }
  }
  const byAccessMode: Partial<Record<AccessMode, number>> = {};
  for (const t of withEq) if (t.status !== 'retired') add(byAccessMode, t.accessMode, t.gpuEquivalents);
  return {
    site: inventory.site,
    displayName: inventory.displayName,
    offers,
    tenants: withEq,
    byAccessMode,
    storage: storageRows([platform, ...(tenantsStack ? [tenantsStack] : [])], inventory, withEq),
    slurm: slurmShareRows(tenantsStack),
    cpuPools: cpuPoolRows(inventory),
    cpuLaneCores: cpuLaneCores(tenantsStack),
    expired: withEq.filter((t) => t.status === 'expired').map((t) => t.tenant),
    future: withEq.filter((t) => t.status === 'future').map((t) => t.tenant),
    retired: withEq.filter((t) => t.status === 'retired').map((t) => t.tenant),
  };
}

/** The report of every site in a set of synthesized stacks, and of the fleet. */
export function fleetReport(stacks: readonly SynthesizedStack[], date: string): FleetReport {
  const byName = new Map(stacks.map((s) => [s.name, s]));
  const sites = stacks
    .filter((s) => s.name.endsWith('-platform') && siteInventory(s))
    .map((p) => siteReport(p, byName.get(p.name.replace(/-platform$/, '-tenants')), date));
  const gpusByAccelerator: Record<string, number> = {};
  const pools = new Set<string>();
  for (const s of sites) {
    for (const o of s.offers) {
      const key = `${s.site}/${o.pool}`;
      if (pools.has(key)) continue; // a MIG pool has one row per profile, but its GPUs once
      pools.add(key);
      add(gpusByAccelerator, o.accelerator, o.gpus);
    }
  }
  const byAccessMode: Partial<Record<AccessMode, number>> = {};
  for (const s of sites)
    for (const [m, n] of Object.entries(s.byAccessMode)) add(byAccessMode, m as AccessMode, n as number);
  return {
    date,
    sites,
    fleet: {
      gpus: Object.values(gpusByAccelerator).reduce((a, b) => a + b, 0),
      gpusByAccelerator,
      grantedGpuEquivalents: round2(
        sites.reduce((sum, s) => sum + s.tenants.reduce((t, r) => t + r.gpuEquivalents, 0), 0),
      ),
      byAccessMode,
      tenants: sites.reduce((n, s) => n + s.tenants.length - s.retired.length, 0),
      expired: sites.reduce((n, s) => n + s.expired.length, 0),
      future: sites.reduce((n, s) => n + s.future.length, 0),
      retired: sites.reduce((n, s) => n + s.retired.length, 0),
    },
  };
}
