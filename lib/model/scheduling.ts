/**
 * The schedulers of a site: Kueue for Kubernetes-native jobs and Slurm (through SchedMD's Slinky)
 * for `sbatch` users, over the same GPU pools. Types, the split of each pool's nodes between the
 * two, and the validation of both; pure TypeScript like the rest of lib/model.
 */
import { accelerator, findAccelerator } from './accelerators';
import { holdsGpus, resolveProfile, validGrantUnits } from './allocation';
import { grantResource, poolNodeCount, poolOffers, type PoolOffer } from './capacity';
import type { IssueCollector } from './errors';
import { byName } from './order';
import { carelessCidr, isCidr, isLabelKey, isLabelValue } from './validate';
import {
  CPU_NODE_LABEL,
  DNS_LABEL,
  DNS_SUBDOMAIN,
  KUEUE_CPU_FLAVOR,
  LABEL_PREFIX,
  NODE_LABEL_PREFIX,
} from './names';
import { isIP } from 'node:net';
import type { CpuPoolSpec, NodePoolSpec, SiteProfile } from './profile';

/** A key of a Kubernetes Secret, by name: the library never sees the secret value itself. */
export interface SecretKeySpec {
  /** Name of a Secret the site creates in the scheduler's namespace. */
  readonly name: string;
  /** @default - the chart's conventional key (`password`, `sssd.conf`) */
  readonly key?: string;
}

/** Per-tenant departures from the access mode's Kueue defaults. */
export interface KueueTenantOverride {
  /**
   * Units of each GPU resource (and the matching share of cpu and memory) the tenant's queue may
   * borrow from the cohort beyond its quota. Needs a cohort.
   * @default - the access mode's borrowing factor times the quota
   */
  readonly borrowingLimit?: number;
  /**
   * Units of each GPU resource of its unused quota the tenant lends to the cohort.
   * @default - the access mode's lending factor times the quota
   */
  readonly lendingLimit?: number;
}

export interface KueueSpec {
  /**
   * Nodes of each pool that Kueue admits Kubernetes jobs onto, by pool name. A pool not named gets
   * every node Slurm does not take.
   * @default - every node of each pool, less the pool's Slurm NodeSet
   */
  readonly nodes?: Readonly<Record<string, number>>;
  /**
   * Cohort that the tenants' ClusterQueues share, so idle quota can be borrowed; `false` makes
   * every queue stand alone (no borrowing or lending at all).
   * @default - the site name
   */
  readonly cohort?: string | false;
  /** By tenant name. @default - the access modes' presets (see ACCESS_MODE_PRESETS) */
  readonly tenants?: Readonly<Record<string, KueueTenantOverride>>;
  /**
   * Usernames of the job operators the site runs (e.g.
   * `system:serviceaccount:jobset-system:jobset-controller-manager`), which create Jobs or pods with
   * owner references in tenant namespaces. Kubernetes' own controllers and Kueue are always trusted;
   * anyone else who sets owner references there is refused (see `KueueBypassGuard`).
   * @default - none
   */
  readonly workloadControllers?: readonly string[];
  /**
   * Labels of the site's CPU nodes, where Kueue admits tenants' work without GPUs (the `cpu-only`
   * ResourceFlavor's `nodeLabels`). Nodes of a GPU pool must not carry all of them.
   * @default - DEFAULT_CPU_NODE_LABELS (`node-restriction.kubernetes.io/ai-factory.eu-cpu-node: 'true'`)
   */
  readonly cpuNodeLabels?: Readonly<Record<string, string>>;
}

/** A Slurm partition over several pools, besides the one partition per pool. */
export interface SlurmPartitionSpec {
  /** Partition name as users pass it to `sbatch -p`. */
  readonly name: string;
  /** Pools (by name) whose NodeSets the partition spans. */
  readonly pools: readonly string[];
  /**
   * Slurm `MaxTime`, e.g. `7-00:00:00`; `UNLIMITED` only where a site means it.
   * @default - the cluster's `maxTime`
   */
  readonly maxTime?: string;
}

export interface SlurmAccountingSpec {
  /** Host of the site's existing MariaDB or MySQL server. */
  readonly host: string;
  /**
   * The database's addresses, where `host` is a DNS name: slurmdbd may reach only these
   * (NetworkPolicy cannot name a host). Required then (`SLURM_ADDRESSES_REQUIRED`).
   * @default - the host, where it is an IP address
   */
  readonly cidrs?: readonly string[];
  /** @default 3306 */
  readonly port?: number;
  /** @default 'slurm_acct_db' */
  readonly database?: string;
  /** @default 'slurm' */
  readonly user?: string;
  /** The Secret holding the database password (key `password` unless stated). */
  readonly passwordSecret: SecretKeySpec;
}

export interface SlurmLoginSpec {
  /** @default 1 */
  readonly replicas?: number;
  /** The Secret holding the site's `sssd.conf` (key `sssd.conf` unless stated). */
  readonly sssdConfSecret: SecretKeySpec;
  /**
   * How users reach the login nodes' SSH. `ClusterIP` keeps sshd inside the cluster, behind the
   * site's own bastion or ingress; `LoadBalancer` and `NodePort` put it on the site's network.
   * @default 'ClusterIP'
   */
  readonly serviceType?: 'LoadBalancer' | 'NodePort' | 'ClusterIP';
}

export interface SlurmSpec {
  /** Slurm `ClusterName` (unique per accounting database). @default - the site name */
  readonly clusterName?: string;
  /** slurmd pods (Slurm nodes) per pool, by pool name: one NodeSet per entry. */
  readonly nodes: Readonly<Record<string, number>>;
  /**
   * The slurmd image of a pool's NodeSet, `repository:tag`, by pool name: for a pool whose GPUs the
   * chart's image cannot detect, such as an AMD pool (gres.conf `AutoDetect=rsmi` needs AMD's ROCm
   * SMI library in the image). An image in the site's mirror registry is used as it is.
   * @default - the chart's slurmd image for every pool
   */
  readonly slurmdImages?: Readonly<Record<string, string>>;
  /** @default - one partition per pool only */
  readonly partitions?: readonly SlurmPartitionSpec[];
  /** @default - the partition of the first pool by name */
  readonly defaultPartition?: string;
  /**
   * Slurm `MaxTime` of every partition that sets none (the pools' own partitions included), e.g.
   * `7-00:00:00`; `UNLIMITED` only where a site means it.
   * @default '2-00:00:00' (SLURM_DEFAULT_MAX_TIME)
   */
  readonly maxTime?: string;
  /**
   * Accounting through slurmdbd, which enforces each tenant's Slurm account limits; required when
   * the site has tenants (`SLURM_ACCOUNTING_REQUIRED`).
   * @default - no accounting
   */
  readonly accounting?: SlurmAccountingSpec;
  /** Login nodes for users. @default - no login nodes */
  readonly login?: SlurmLoginSpec;
}

/**
 * Where a Slurm site's namespace may connect outside the cluster. Every Slurm tenant's jobs run in
 * that one namespace, so its egress to the API server and the accounting database must name their
 * addresses, not only their ports.
 */
function checkSlurmAddresses(c: IssueCollector, profile: SiteProfile): void {
  const slurm = profile.schedulers?.slurm;
  if (!slurm) return;
  if ((profile.network?.apiServerCidrs ?? []).length === 0) {
    c.add(
      'SLURM_ADDRESSES_REQUIRED',
      'network.apiServerCidrs',
      undefined,
      "Slurm's namespace runs every Slurm tenant's jobs, and without the API server's addresses its policy lets them reach any address on the API server's ports",
      "list the API server's addresses, e.g. network: { apiServerCidrs: ['10.0.0.10/32'] }",
    );
  }
  const a = slurm.accounting;
  if (
    a &&
    typeof a.host === 'string' &&
    a.host !== '' &&
    isIP(a.host) === 0 &&
    (a.cidrs ?? []).length === 0
  ) {
    c.add(
      'SLURM_ADDRESSES_REQUIRED',
      'schedulers.slurm.accounting.cidrs',
      undefined,
      `the accounting database '${a.host}' is a DNS name, which a NetworkPolicy cannot name: Slurm's namespace would reach any address on port ${a.port ?? 3306}`,
      "list the database's addresses, e.g. cidrs: ['10.0.0.20/32'], or give host as an IP address",
    );
  }
  (a?.cidrs ?? []).forEach((cidr, i) => {
    const problem = !isCidr(cidr) ? 'not a CIDR block' : carelessCidr(cidr);
    if (problem) {
      c.add(
        'CIDR_INVALID',
        `schedulers.slurm.accounting.cidrs[${i}]`,
        cidr,
        problem,
        "name the database's own addresses, e.g. '10.0.0.20/32'",
      );
    }
  });
}

/** Which schedulers a site runs. */
export interface SchedulersSpec {
  /** @default - no Kueue */
  readonly kueue?: KueueSpec;
  /** @default - no Slurm */
  readonly slurm?: SlurmSpec;
}

/**
 * Slurm `MaxTime` of a partition whose profile sets none: two days, so that no job holds its nodes
 * for good and a drained node comes back within that time.
 */
export const SLURM_DEFAULT_MAX_TIME = '2-00:00:00';

/**
 * Slurm `AccountingStorageEnforce` whenever a cluster has accounting: `associations` (no job runs
 * without an account association), `limits` (associations' limits such as `GrpTRES` hold), `qos`
 * (every job has a valid QOS; new clusters give their root association `normal`), `safe` (a job
 * starts only if it can finish within a TRES-minutes limit).
 * https://slurm.schedmd.com/slurm.conf.html#OPT_AccountingStorageEnforce
 */
export const SLURM_ACCOUNTING_ENFORCE: readonly string[] = ['associations', 'limits', 'qos', 'safe'];

/** One Slurm account's limits, which the library writes for `sacctmgr load`. */
export interface SlurmAccountLimits {
  /** Account name: the tenant's name. */
  readonly name: string;
  readonly description: string;
  /** GPUs the account's running jobs may hold together, per GRES type (every type of the cluster). */
  readonly gpusByType: Readonly<Record<string, number>>;
  /**
   * The cluster's pools on which the account holds whole GPUs, by name: its jobs run only in their
   * partitions (`AllowAccounts`). None for a closed account.
   */
  readonly pools: readonly string[];
  /**
   * No job of the account may be submitted or started: a retired tenant, or one without GPUs on
   * the cluster's pools (and without cores on its CPU pools), whose CPU-only jobs would otherwise
   * take cores of Slurm's GPU nodes.
   */
  readonly closed: boolean;
}

/** A grant in effect, resolved to a count, on a pool (budgets resolved over the tenant's period). */
export interface EffectiveGrant {
  readonly pool: NodePoolSpec;
  readonly count: number;
  readonly migProfile?: string;
}

/**
 * The limits of one tenant's Slurm account from the grants in effect: the same grants as the
 * tenant's Kueue quota, none for a retired tenant. Only whole-GPU grants on the cluster's pools
 * count (Slurm takes no MIG or time-sliced pool); pools of one GRES type add up.
 */
export function slurmAccountLimits(
  name: string,
  description: string,
  grants: readonly EffectiveGrant[],
  clusterPools: readonly NodePoolSpec[],
  /**
   * The cluster's CPU pools, whose partitions admit the account while it is open (`closed` false:
   * a tenant with an allocation in effect, GPUs or not). @default - a cluster without CPU pools
   */
  cpu?: { readonly pools: readonly string[]; readonly closed: boolean },
): SlurmAccountLimits {
  const types = new Map(clusterPools.map((p) => [p.name, accelerator(p.accelerator).gresType]));
  const gpusByType: Record<string, number> = {};
  for (const t of [...new Set(types.values())].sort()) gpusByType[t] = 0;
  const pools = new Set<string>();
  for (const g of grants) {
    const type = types.get(g.pool.name);
    if (type !== undefined && g.migProfile === undefined) {
      gpusByType[type] += g.count;
      if (g.count > 0) pools.add(g.pool.name);
    }
  }
  const total = Object.values(gpusByType).reduce((a, b) => a + b, 0);
  const onCpu = cpu !== undefined && !cpu.closed && cpu.pools.length > 0;
  if (onCpu) for (const p of cpu.pools) pools.add(p);
  return { name, description, gpusByType, pools: [...pools].sort(), closed: total === 0 && !onCpu };
}

/**
 * A closed account without users that the accounts file always holds and every partition's
 * `AllowAccounts` names first. Slurm drops the accounts of `AllowAccounts` that its database does
 * not know, and a partition whose list ends up empty admits every account; `root` would admit every
 * account too, as the list includes sub-accounts. With this account the list is never empty once the
 * file is loaded, so a partition on which no tenant has a grant admits no tenant. The underscore
 * keeps it apart from tenants, whose names are DNS labels.
 * https://slurm.schedmd.com/slurm.conf.html#OPT_AllowAccounts
 */
export const SLURM_NO_TENANT_ACCOUNT = 'aif_no_tenant';

/**
 * A partition's `AllowAccounts`: `aif_no_tenant`, then every open account that holds GPUs on each of
 * the partition's pools, by name. A partition over several pools admits only the accounts with a
 * grant on all of them, so that no job reaches a pool its account has no grant on.
 */
export function slurmPartitionAccounts(
  partitionPools: readonly string[],
  accounts: readonly SlurmAccountLimits[],
): string[] {
  const allowed = accounts
    .filter((a) => !a.closed && partitionPools.every((p) => a.pools.includes(p)))
    .map((a) => a.name)
    .sort();
  return [SLURM_NO_TENANT_ACCOUNT, ...allowed];
}

/** A value for a `sacctmgr load` file: quoted, without the quotes the format cannot escape. */
function flatValue(text: string): string {
  return `'${text.replace(/['"\n\r]/g, ' ').trim()}'`;
}

/**
 * A `sacctmgr load` file of a cluster's accounts, children of `root`: `GrpTRES` with the account's
 * GPUs in total and per GRES type, and for closed accounts no jobs at all; first the closed
 * `aif_no_tenant` account that every partition's `AllowAccounts` names. Every limit is written
 * on every load, open ones as -1, so loading it again after a change lifts what no longer applies.
 * The typed value is quoted: `sacctmgr` before Slurm 26.05.1 splits options at the `:` of
 * `gres/gpu:a100` otherwise. Users are not in it: the site adds each user to its tenant's account.
 * https://slurm.schedmd.com/sacctmgr.html#SECTION_FLAT-FILE-DUMP-AND-LOAD
 */
export function slurmAccountsFile(clusterName: string, accounts: readonly SlurmAccountLimits[]): string {
  const lines = [
    `# Slurm accounts of cluster ${clusterName}, generated by cdktf-ai-factory from the site profile's grants.`,
    '# Load after every change: sacctmgr -i load file=<this file>. Do not edit: the next synthesis overwrites it.',
    `Cluster - ${flatValue(clusterName)}`,
    `Parent - 'root'`,
    `Account - '${SLURM_NO_TENANT_ACCOUNT}':Description='No tenant, no users: in every partition AllowAccounts so that none admits all':GrpTRES='gres/gpu=0':GrpJobs=0:GrpSubmitJobs=0`,
  ];
  for (const a of [...accounts].sort((x, y) => x.name.localeCompare(y.name))) {
    const types = Object.keys(a.gpusByType).sort();
    const total = types.reduce((n, t) => n + a.gpusByType[t], 0);
    const tres = [`gres/gpu=${total}`, ...types.map((t) => `gres/gpu:${t}=${a.gpusByType[t]}`)].join(',');
    const jobs = a.closed ? 0 : -1;
    lines.push(
      `Account - ${flatValue(a.name)}:Description=${flatValue(a.description || a.name)}:GrpTRES='${tres}':GrpJobs=${jobs}:GrpSubmitJobs=${jobs}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

// Declared with the library's other names in the cluster (names.ts), and exported from here as before.
export { KUEUE_CPU_FLAVOR, NODE_LABEL_PREFIX };

/**
 * The label that the site puts on the CPU nodes where tenants' work without GPUs runs, unless its
 * profile names other labels (`schedulers.kueue.cpuNodeLabels`). Under the
 * `node-restriction.kubernetes.io/` prefix, which the NodeRestriction admission plugin keeps a
 * node's kubelet from setting on itself: `kubectl label node <node> node-restriction.kubernetes.io/ai-factory.eu-cpu-node=true`.
 */
export const DEFAULT_CPU_NODE_LABELS: Readonly<Record<string, string>> = {
  [CPU_NODE_LABEL]: 'true',
};

/** How one pool's nodes are shared between the schedulers. */
export interface PoolSplit {
  readonly pool: string;
  readonly nodes: number;
  /** Nodes whose GPUs Kubernetes workloads (Kueue or not) may use. */
  readonly kubernetes: number;
  /** Nodes that run a slurmd pod each. */
  readonly slurm: number;
}

function isCount(v: unknown, min: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min;
}

/**
 * The split of every pool of a profile between Kubernetes workloads and Slurm. Without schedulers,
 * a pool belongs to Kubernetes whole. Assumes a validated profile (counts are whole numbers).
 */
export function poolSplits(profile: SiteProfile): PoolSplit[] {
  const slurm = profile.schedulers?.slurm?.nodes ?? {};
  const kueue = profile.schedulers?.kueue?.nodes ?? {};
  return byName(profile.nodePools).map((p) => {
    const nodes = poolNodeCount(p);
    const s = slurm[p.name] ?? 0;
    const k = kueue[p.name] ?? Math.max(0, nodes - s);
    return { pool: p.name, nodes, kubernetes: k, slurm: s };
  });
}

/** What `nodes` of a pool offer, per extended resource (the pool's offers scaled down). */
export function offersOnNodes(pool: NodePoolSpec, nodes: number): PoolOffer[] {
  const total = poolNodeCount(pool);
  return poolOffers(pool).map((o) => ({ ...o, units: total === 0 ? 0 : (o.units / total) * nodes }));
}

/** The Slurm GRES of one node of a pool: `gpu:a100:4` (`Gres=` in slurm.conf). */
export function slurmGres(pool: NodePoolSpec): string {
  return `gpu:${accelerator(pool.accelerator).gresType}:${pool.gpusPerNode}`;
}

/** The partition names of a Slurm spec: one per pool, then the extra ones. */
export function slurmPartitionNames(spec: SlurmSpec): string[] {
  return [...Object.keys(spec.nodes).sort(), ...(spec.partitions ?? []).map((p) => p.name)];
}

const SLURM_TIME = /^(UNLIMITED|INFINITE|\d+(-\d{1,2}(:\d{2}(:\d{2})?)?)?|\d+:\d{2}(:\d{2})?)$/;

function checkPoolNames(
  c: IssueCollector,
  path: string,
  map: Readonly<Record<string, number>>,
  pools: ReadonlyMap<string, unknown>,
  min: number,
  what: string,
): void {
  for (const [name, count] of Object.entries(map)) {
    const p = `${path}["${name}"]`;
    if (!pools.has(name)) {
      c.add(
        'SCHEDULER_POOL_UNKNOWN',
        p,
        name,
        `the site has no pool '${name}'`,
        `use one of the site's pools: ${[...pools.keys()].sort().join(', ') || '(none defined)'}`,
      );
    }
    if (!isCount(count, min)) {
      c.add(
        'COUNT_NOT_POSITIVE',
        p,
        count,
        `${what} must be a whole number of ${min === 0 ? 'zero or more' : 'one or more'} nodes`,
        `set ${p} to ${min} or more`,
      );
    }
  }
}

function checkSecret(c: IssueCollector, path: string, ref: SecretKeySpec | undefined, what: string): void {
  const name = ref?.name;
  if (typeof name !== 'string' || name === '') {
    c.add(
      'SECRET_REF_MISSING',
      `${path}.name`,
      name,
      `${what} must come from a Secret named here; the library never puts secrets into Terraform`,
      `create the Secret in the scheduler's namespace and set ${path} to { name: 'its-name' }`,
    );
  } else if (name.length > 253 || !DNS_SUBDOMAIN.test(name)) {
    c.add(
      'NAME_INVALID',
      `${path}.name`,
      name,
      'not a valid Secret name (a DNS subdomain: lower-case letters, digits, - and .)',
      `write the name as \`kubectl get secrets\` shows it`,
    );
  }
}

/**
 * Trusted job operators: real usernames, and never an identity a tenant holds (a ServiceAccount of
 * a tenant namespace, or a group), which would reopen the way around Kueue.
 */
function checkWorkloadControllers(c: IssueCollector, profile: SiteProfile, users: readonly string[]): void {
  const tenants = new Set((profile.tenants ?? []).map((t) => t.name));
  users.forEach((u, i) => {
    const path = `schedulers.kueue.workloadControllers[${i}]`;
    const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(u);
    if (
      typeof u !== 'string' ||
      u.trim() !== u ||
      u === '' ||
      u.includes('*') ||
      u.startsWith('system:serviceaccounts')
    ) {
      c.add(
        'VALUE_INVALID',
        path,
        u,
        'a trusted controller is one username, as the API server reports it (no groups, no wildcards)',
        "write it like 'system:serviceaccount:jobset-system:jobset-controller-manager'",
      );
    } else if (sa && tenants.has(sa[1])) {
      c.add(
        'VALUE_INVALID',
        path,
        u,
        `'${u}' is a ServiceAccount of tenant namespace '${sa[1]}': trusting it would let that tenant start pods around Kueue`,
        "run job operators in a namespace of their own, and name that operator's ServiceAccount",
      );
    }
  });
}

/**
 * The CPU nodes' labels: valid, at least one, none of the library's own node labels, and not all
 * carried by a label-selected GPU pool's nodes (work without GPUs would then be sent to that pool).
 */
function checkCpuNodeLabels(
  c: IssueCollector,
  profile: SiteProfile,
  labels: Readonly<Record<string, string>> | undefined,
): void {
  if (labels === undefined) return;
  const path = 'schedulers.kueue.cpuNodeLabels';
  const entries = Object.entries(labels);
  if (entries.length === 0) {
    c.add(
      'LABEL_INVALID',
      path,
      labels,
      'no label: the cpu-only flavor would select every node, GPU nodes included',
      `name the label of the site's CPU nodes, or leave the field out for ${JSON.stringify(DEFAULT_CPU_NODE_LABELS)}`,
    );
  }
  for (const [k, v] of entries) {
    if (!isLabelKey(k) || typeof v !== 'string' || !isLabelValue(v)) {
      c.add(
        'LABEL_INVALID',
        `${path}["${k}"]`,
        v,
        'not a valid Kubernetes label key and value',
        `use a key like ${CPU_NODE_LABEL} and a value of at most 63 characters`,
      );
    } else if (
      k.startsWith(`${LABEL_PREFIX}/`) ||
      (k.startsWith(NODE_LABEL_PREFIX) && !(k in DEFAULT_CPU_NODE_LABELS))
    ) {
      c.add(
        'LABEL_INVALID',
        `${path}["${k}"]`,
        v,
        `'${LABEL_PREFIX}/' keys are the library's own, and '${NODE_LABEL_PREFIX}*' keys the ones it puts on GPU pool nodes`,
        `label the CPU nodes with a key of the site's own, e.g. ${CPU_NODE_LABEL}`,
      );
    }
  }
  (profile.nodePools ?? []).forEach((p, i) => {
    const poolLabels = p?.nodes && 'labels' in p.nodes ? (p.nodes.labels ?? {}) : undefined;
    if (entries.length > 0 && poolLabels && entries.every(([k, v]) => poolLabels[k] === v)) {
      c.add(
        'LABEL_INVALID',
        path,
        labels,
        `the nodes of GPU pool '${p.name}' (nodePools[${i}].nodes.labels) carry every one of these labels: work without GPUs would be sent there`,
        'give the CPU nodes a label that no GPU node carries',
      );
    }
  });
}

function checkKueue(c: IssueCollector, profile: SiteProfile, pools: ReadonlyMap<string, NodePoolSpec>): void {
  const kueue = profile.schedulers?.kueue;
  if (!kueue) return;
  checkWorkloadControllers(c, profile, kueue.workloadControllers ?? []);
  // Pools' ResourceFlavors are named after the pools; this one is the site's CPU-only flavor.
  (profile.nodePools ?? []).forEach((p, i) => {
    if (p?.name === KUEUE_CPU_FLAVOR) {
      c.add(
        'NAME_INVALID',
        `nodePools[${i}].name`,
        p.name,
        `'${KUEUE_CPU_FLAVOR}' names the Kueue ResourceFlavor of pods that request no GPU`,
        'rename the pool',
      );
    }
  });
  checkCpuNodeLabels(c, profile, kueue.cpuNodeLabels);
  checkPoolNames(c, 'schedulers.kueue.nodes', kueue.nodes ?? {}, pools, 0, 'the Kueue share of a pool');
  if (kueue.cohort !== undefined && kueue.cohort !== false && !DNS_LABEL.test(String(kueue.cohort))) {
    c.add(
      'NAME_INVALID',
      'schedulers.kueue.cohort',
      kueue.cohort,
      'the cohort name must be a Kubernetes DNS label',
      "rename it, e.g. 'bologna', or set it to false for queues without a cohort",
    );
  }
  const tenants = new Set(profile.tenants.map((t) => t.name));
  for (const [name, o] of Object.entries(kueue.tenants ?? {})) {
    const p = `schedulers.kueue.tenants["${name}"]`;
    if (!tenants.has(name)) {
      c.add(
        'TENANT_UNKNOWN',
        p,
        name,
        `the site has no tenant '${name}'`,
        `use one of: ${[...tenants].sort().join(', ') || '(none defined)'}`,
      );
    }
    for (const key of ['borrowingLimit', 'lendingLimit'] as const) {
      if (o[key] !== undefined && !isCount(o[key], 0)) {
        c.add('COUNT_NOT_POSITIVE', `${p}.${key}`, o[key], `${key} must be a whole number`, 'set 0 or more');
      }
    }
    if (kueue.cohort === false && (o.borrowingLimit !== undefined || o.lendingLimit !== undefined)) {
      c.add(
        'BORROWING_WITHOUT_COHORT',
        o.borrowingLimit !== undefined ? `${p}.borrowingLimit` : `${p}.lendingLimit`,
        o.borrowingLimit ?? o.lendingLimit,
        'a queue borrows and lends only within a cohort, and schedulers.kueue.cohort is false',
        `remove the limit, or give the queues a cohort (schedulers.kueue.cohort: '${profile.name}')`,
      );
    }
  }
}

function checkMaxTime(c: IssueCollector, path: string, maxTime: string | undefined): void {
  if (maxTime !== undefined && !SLURM_TIME.test(maxTime)) {
    c.add(
      'VALUE_INVALID',
      path,
      maxTime,
      'not a Slurm time limit',
      "write it like '2-00:00:00', '48:00:00' or 'UNLIMITED'",
    );
  }
}

/**
 * Checks a Slurm cluster's spec against the pools it may use (by name). Used for profiles and by
 * the SlurmCluster construct on its own props.
 */
export function checkSlurm(
  c: IssueCollector,
  slurm: SlurmSpec,
  pools: ReadonlyMap<string, NodePoolSpec>,
  path: string,
  /** The CPU pools Slurm may also take (a NodeSet and a partition each, without GRES). */
  cpuPools: ReadonlyMap<string, CpuPoolSpec> = new Map(),
): void {
  const anyPools = new Map<string, unknown>([...pools, ...cpuPools]);
  if (slurm.clusterName !== undefined && !DNS_LABEL.test(String(slurm.clusterName))) {
    c.add(
      'NAME_INVALID',
      `${path}.clusterName`,
      slurm.clusterName,
      'the Slurm cluster name must be a DNS label (it also names Kubernetes objects)',
      "rename it, e.g. 'leonardo-ai'",
    );
  }
  const nodes = slurm.nodes ?? {};
  checkSlurmNodeSets(c, slurm, pools, anyPools, path);
  checkSlurmdImages(c, slurm.slurmdImages ?? {}, nodes, path);
  const partitions = checkSlurmPartitions(c, slurm.partitions ?? [], nodes, anyPools, path);
  checkMaxTime(c, `${path}.maxTime`, slurm.maxTime);
  if (slurm.defaultPartition !== undefined && !partitions.has(slurm.defaultPartition)) {
    c.add(
      'SCHEDULER_POOL_UNKNOWN',
      `${path}.defaultPartition`,
      slurm.defaultPartition,
      'no partition of that name',
      `use one of: ${[...partitions].join(', ')}`,
    );
  }
  if (slurm.accounting) checkSlurmAccounting(c, slurm.accounting, `${path}.accounting`);
  if (slurm.login) checkSlurmLogin(c, slurm.login, `${path}.login`);
}

/**
 * The NodeSets: at least one, each on a pool the cluster may use with one node or more, and none on
 * a GPU pool without whole GPUs (MIG or time-slicing), since slurmd takes whole GPUs.
 */
function checkSlurmNodeSets(
  c: IssueCollector,
  slurm: SlurmSpec,
  pools: ReadonlyMap<string, NodePoolSpec>,
  anyPools: ReadonlyMap<string, unknown>,
  path: string,
): void {
  const nodes = slurm.nodes ?? {};
  if (Object.keys(nodes).length === 0) {
    c.add(
      'VALUE_INVALID',
      `${path}.nodes`,
      slurm.nodes,
      'a Slurm cluster needs at least one NodeSet',
      'give Slurm nodes of a pool, e.g. { booster: 16 }, or remove schedulers.slurm',
    );
  }
  checkPoolNames(c, `${path}.nodes`, nodes, anyPools, 1, 'the Slurm NodeSet of a pool');
  for (const name of Object.keys(nodes).sort()) {
    const pool = pools.get(name);
    const acc = pool && findAccelerator(pool.accelerator);
    if (!pool || !acc) continue;
    if (pool.mig || pool.timeSlicingReplicas) {
      c.add(
        'SLURM_POOL_UNSUPPORTED',
        `${path}.nodes["${name}"]`,
        name,
        `pool '${name}' is ${pool.mig ? 'partitioned with MIG' : 'time-sliced'}; slurmd takes whole GPUs of a node`,
        'give Slurm nodes of a pool that offers whole GPUs',
      );
    }
  }
}

/** The slurmd images by pool: each of a pool with a NodeSet, and named with an exact tag. */
function checkSlurmdImages(
  c: IssueCollector,
  images: Readonly<Record<string, string>>,
  nodes: Readonly<Record<string, number>>,
  path: string,
): void {
  for (const [name, image] of Object.entries(images)) {
    const p = `${path}.slurmdImages["${name}"]`;
    if (nodes[name] === undefined) {
      c.add(
        'SCHEDULER_POOL_UNKNOWN',
        p,
        name,
        `pool '${name}' has no Slurm NodeSet (${path}.nodes does not name it)`,
        `use one of the Slurm pools: ${Object.keys(nodes).sort().join(', ') || '(none)'}`,
      );
    }
    const tag =
      typeof image === 'string'
        ? /^[^\s@]+\/[^\s@:/]+(?:\/[^\s@:/]+)*:([\w][\w.-]{0,127})$/.exec(image)?.[1]
        : undefined;
    // `latest`, a bare major (`26`) or a series (`26.05`, `26.05-ubuntu26.04`) moves under a cluster.
    const floats = tag !== undefined && (tag === 'latest' || /^v?\d+(\.\d+)?(-|$)/.test(tag));
    if (tag === undefined || floats) {
      c.add(
        'VALUE_INVALID',
        p,
        image,
        floats
          ? `tag '${tag}' floats: the image would change under a running cluster`
          : 'not an image reference of the form registry/path:tag',
        "name the image with its registry and an exact tag, e.g. 'registry.site.example/slurm/slurmd-rocm:26.05.1-ubuntu26.04'",
      );
    }
  }
}

/**
 * The extra partitions: a name of their own (every pool has a partition of its name), at least one
 * pool, each with a NodeSet, and a valid time limit. Returns the names of all the partitions, the
 * pools' first.
 */
function checkSlurmPartitions(
  c: IssueCollector,
  partitions: readonly SlurmPartitionSpec[],
  nodes: Readonly<Record<string, number>>,
  anyPools: ReadonlyMap<string, unknown>,
  path: string,
): Set<string> {
  const seen = new Set(Object.keys(nodes));
  partitions.forEach((part, i) => {
    const p = `${path}.partitions[${i}]`;
    if (!DNS_LABEL.test(String(part.name)) || seen.has(part.name)) {
      c.add(
        seen.has(part.name) ? 'NAME_DUPLICATE' : 'NAME_INVALID',
        `${p}.name`,
        part.name,
        seen.has(part.name)
          ? `partition '${part.name}' already exists (every pool has a partition of its own name)`
          : 'a partition name must be a DNS label',
        'choose another name',
      );
    }
    seen.add(part.name);
    if ((part.pools ?? []).length === 0) {
      c.add(
        'VALUE_INVALID',
        `${p}.pools`,
        part.pools,
        'a partition needs at least one pool',
        'name its pools',
      );
    }
    (part.pools ?? []).forEach((name, j) => {
      if (!anyPools.has(name) || nodes[name] === undefined) {
        c.add(
          'SCHEDULER_POOL_UNKNOWN',
          `${p}.pools[${j}]`,
          name,
          anyPools.has(name)
            ? `pool '${name}' has no Slurm NodeSet (schedulers.slurm.nodes does not name it)`
            : `the site has no pool '${name}'`,
          `use one of the Slurm pools: ${Object.keys(nodes).sort().join(', ') || '(none)'}`,
        );
      }
    });
    checkMaxTime(c, `${p}.maxTime`, part.maxTime);
  });
  return seen;
}

/** slurmdbd's database: a host, a TCP port, and the password from a Secret. */
function checkSlurmAccounting(c: IssueCollector, a: SlurmAccountingSpec, path: string): void {
  if (typeof a.host !== 'string' || a.host.trim() === '' || /\s/.test(a.host)) {
    c.add(
      'VALUE_INVALID',
      `${path}.host`,
      a.host,
      'the accounting database host is empty or not a host name',
      "name the site's MariaDB host, e.g. 'mariadb.slurm.svc'",
    );
  }
  if (a.port !== undefined && !(isCount(a.port, 1) && a.port <= 65535)) {
    c.add('VALUE_INVALID', `${path}.port`, a.port, 'not a TCP port', 'use 1 to 65535');
  }
  checkSecret(c, `${path}.passwordSecret`, a.passwordSecret, 'the accounting database password');
}

/** The login nodes: one replica or more, and sssd.conf from a Secret. */
function checkSlurmLogin(c: IssueCollector, login: SlurmLoginSpec, path: string): void {
  if (login.replicas !== undefined && !isCount(login.replicas, 1)) {
    c.add(
      'COUNT_NOT_POSITIVE',
      `${path}.replicas`,
      login.replicas,
      'login replicas must be a whole number of one or more',
      'set 1 or more',
    );
  }
  checkSecret(c, `${path}.sssdConfSecret`, login.sssdConfSecret, "the login nodes' sssd.conf");
}

/**
 * Checks the schedulers of a site: names of pools and tenants they refer to, that the schedulers'
 * nodes fit each pool, and that each tenant's quota fits the Kubernetes share of its pools.
 */
export function checkSchedulers(c: IssueCollector, profile: SiteProfile): void {
  if (!profile.schedulers) return;
  const pools = new Map((profile.nodePools ?? []).map((p) => [p.name, p]));
  checkKueue(c, profile, pools);
  if (profile.schedulers.slurm) checkSiteSlurm(c, profile, profile.schedulers.slurm, pools);
  // The arithmetic below needs whole node counts; unknown pool names in the maps are ignored by it.
  if (
    c.issues.some((i) => i.code === 'COUNT_NOT_POSITIVE' && /^schedulers\.(kueue|slurm)\.nodes/.test(i.path))
  ) {
    return;
  }
  checkPoolSplits(c, profile, pools);
}

/**
 * A site's Slurm: its spec over the site's GPU and CPU pools (checkSlurm), the CPU pools' nodes it
 * takes, the addresses its namespace reaches, and accounting wherever there are tenants to limit.
 */
function checkSiteSlurm(
  c: IssueCollector,
  profile: SiteProfile,
  slurm: SlurmSpec,
  pools: ReadonlyMap<string, NodePoolSpec>,
): void {
  const cpuPools = new Map((profile.cpuPools ?? []).map((p) => [p.name, p]));
  checkSlurm(c, slurm, pools, 'schedulers.slurm', cpuPools);
  checkSlurmCpuNodes(c, profile);
  checkSlurmAddresses(c, profile);
  if (!slurm.accounting && (profile.tenants ?? []).length > 0) {
    c.add(
      'SLURM_ACCOUNTING_REQUIRED',
      'schedulers.slurm.accounting',
      undefined,
      'every tenant gets a Slurm account with its grants as GrpTRES limits, and without accounting (slurmdbd) Slurm enforces none of them: anyone who can log in may take every Slurm GPU',
      "set schedulers.slurm.accounting to the site's MariaDB, e.g. { host: 'slurmdb.example.org', passwordSecret: { name: 'slurmdbd-mariadb' } }",
    );
  }
}

/** Slurm's NodeSet of a CPU pool takes whole nodes: at most as many as the pool has. */
function checkSlurmCpuNodes(c: IssueCollector, profile: SiteProfile): void {
  (profile.cpuPools ?? []).forEach((p) => {
    const slurmNodes = profile.schedulers?.slurm?.nodes?.[p.name];
    let count: number;
    try {
      count = poolNodeCount(p);
    } catch {
      return; // a bad hostlist is reported by checkCpuPools
    }
    if (typeof slurmNodes === 'number' && slurmNodes > count) {
      c.add(
        'SCHEDULER_NODES_EXCEEDED',
        `schedulers.slurm.nodes["${p.name}"]`,
        slurmNodes,
        `CPU pool '${p.name}' has ${count} nodes, and each slurmd pod takes a whole node`,
        `set it to ${count} or less`,
      );
    }
  });
}

/**
 * Each GPU pool's split between the schedulers: their nodes fit the pool, and where Kubernetes keeps
 * only part of it, the tenants' quotas fit that part (checkKubernetesShare).
 */
function checkPoolSplits(
  c: IssueCollector,
  profile: SiteProfile,
  pools: ReadonlyMap<string, NodePoolSpec>,
): void {
  let splits: PoolSplit[];
  try {
    splits = poolSplits(profile);
  } catch {
    return; // pools with unknown accelerators or bad hostlists are reported by checkPool
  }
  for (const s of splits) {
    const pool = pools.get(s.pool) as NodePoolSpec;
    const i = profile.nodePools.indexOf(pool);
    const explicitKueue = profile.schedulers?.kueue?.nodes?.[s.pool] !== undefined;
    if (s.kubernetes + s.slurm > s.nodes || (!explicitKueue && s.slurm > s.nodes)) {
      c.add(
        'SCHEDULER_NODES_EXCEEDED',
        s.slurm > 0 ? `schedulers.slurm.nodes["${s.pool}"]` : `schedulers.kueue.nodes["${s.pool}"]`,
        { pool: s.pool, kueue: s.kubernetes, slurm: s.slurm },
        `pool '${s.pool}' has ${s.nodes} nodes, but the schedulers are given ${s.kubernetes + s.slurm}`,
        `lower schedulers.kueue.nodes["${s.pool}"] or schedulers.slurm.nodes["${s.pool}"] to fit ${s.nodes}`,
      );
      continue;
    }
    if (!findAccelerator(pool.accelerator) || s.kubernetes >= s.nodes) continue;
    checkKubernetesShare(c, profile, pool, s, i);
  }
}

/**
 * Part of pool `nodePools[i]` went to Slurm (or is held back): each tenant's grant, and the tenants'
 * grants together (within the pool's over-commit factor), must fit what Kubernetes keeps.
 */
function checkKubernetesShare(
  c: IssueCollector,
  profile: SiteProfile,
  pool: NodePoolSpec,
  s: PoolSplit,
  i: number,
): void {
  const whole = new Map(poolOffers(pool).map((o) => [o.resource, o.units]));
  for (const offer of offersOnNodes(pool, s.kubernetes)) {
    let total = 0;
    const takers: Record<string, number> = {};
    profile.tenants.forEach((t, ti) => {
      (t.gpus ?? []).forEach((g, gi) => {
        if (g.pool !== s.pool || (g.migProfile !== undefined && !pool.mig?.profiles[g.migProfile])) return;
        if (grantResource(pool, g) !== offer.resource) return;
        // A budget counts as the units it resolves to over the tenant's period.
        const units = validGrantUnits(pool, g, t.allocation);
        if (units === undefined) return;
        total += units;
        takers[t.name] = (takers[t.name] ?? 0) + units;
        if (units > offer.units) {
          c.add(
            'TENANT_QUOTA_EXCEEDS_SHARE',
            `tenants[${ti}].gpus[${gi}]`,
            g,
            `pool '${s.pool}' keeps ${s.kubernetes} of its ${s.nodes} nodes for Kubernetes jobs, ${offer.units} ${offer.resource}; the grant comes to ${units}`,
            `lower the grant to ${offer.units} or less, or give Kubernetes more nodes of '${s.pool}'`,
          );
        }
      });
    });
    // Beyond the whole pool, checkCapacity has reported it already.
    const factor = pool.overcommit && pool.overcommit.factor >= 1 ? pool.overcommit.factor : 1;
    const allowed = Math.floor(offer.units * factor);
    if (total > allowed && total <= Math.floor((whole.get(offer.resource) ?? 0) * factor)) {
      c.add(
        'POOL_OVERCOMMITTED',
        `nodePools[${i}]`,
        takers,
        `tenants are granted ${total} ${offer.resource} of pool '${s.pool}', whose ${s.kubernetes} Kubernetes nodes (of ${s.nodes}; Slurm has ${s.slurm}) hold ${offer.units}`,
        `lower the tenants' grants on pool '${s.pool}' by ${total - allowed}, or give Slurm fewer nodes`,
      );
    }
  }
}

/**
 * AMD pools that Slurm takes with the chart's slurmd image: their gres.conf line is
 * `AutoDetect=rsmi`, which needs AMD's ROCm SMI library in the image, so a site names an image
 * with it (`schedulers.slurm.slurmdImages`). One warning line per such pool.
 */
export function slurmImageWarnings(profile: SiteProfile): string[] {
  const slurm = profile.schedulers?.slurm;
  if (!slurm) return [];
  return Object.keys(slurm.nodes ?? {})
    .sort()
    .filter((name) => {
      const pool = (profile.nodePools ?? []).find((p) => p.name === name);
      return (
        pool !== undefined &&
        findAccelerator(pool.accelerator)?.vendor === 'amd' &&
        !slurm.slurmdImages?.[name]
      );
    })
    .map(
      (name) =>
        `pool '${name}' is AMD and its Slurm NodeSet runs the chart's slurmd image: gres.conf detects its GPUs with ROCm SMI (AutoDetect=rsmi), which that image must carry. Name one that does in schedulers.slurm.slurmdImages["${name}"]`,
    );
}

/**
 * Pools whose Slurm share is smaller than what the tenants' grants let their Slurm accounts hold
 * there: the same grants are each tenant's Kueue quota and its Slurm `GrpTRES`, so both schedulers
 * may be asked for the whole grant, and on Slurm jobs beyond the share wait. One warning line per
 * such pool (whole-GPU pools; MIG grants do not reach Slurm); empty when none. Judged on `date`
 * (an allocation that has ended holds nothing).
 */
export function slurmShareWarnings(profile: SiteProfile, date: string): string[] {
  if (!profile.schedulers?.slurm) return [];
  const resolved = resolveProfile(profile);
  const lines: string[] = [];
  for (const split of poolSplits(profile)) {
    if (split.slurm === 0) continue;
    const pool = profile.nodePools.find((p) => p.name === split.pool);
    if (!pool) continue;
    const share = split.slurm * pool.gpusPerNode;
    const granted = resolved.tenants
      .filter((t) => !t.retired && holdsGpus(t.allocation, date))
      .flatMap((t) => t.gpus.filter((g) => g.pool === pool.name && !g.migProfile))
      .reduce((n, g) => n + (g.count ?? 0), 0);
    if (granted > share)
      lines.push(
        `pool '${pool.name}': the tenants' grants let their Slurm accounts hold ${granted} GPUs, and Slurm has ${share} (${split.slurm} nodes): the same grants are their Kueue quota, so on Slurm jobs beyond ${share} GPUs wait. Give Slurm more nodes of the pool, or expect the queue`,
      );
  }
  return lines;
}
