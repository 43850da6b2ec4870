/**
 * Slurm on Kubernetes through SchedMD's Slinky (https://slinky.schedmd.com): the operator and its
 * CRDs in the platform stack, and a `SlurmCluster` (chart `slurm`, which renders the Controller,
 * NodeSet, LoginSet and Accounting custom resources itself) per cluster in the tenants stack.
 *
 * Every value below is a key of the `slurm` chart's values.yaml at the pinned version; `aif verify`
 * checks that against the upstream defaults, since Helm ignores unknown keys silently.
 */
import { isIP } from 'node:net';
import type { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import type { CertManager } from '../compute/gpu-operators';
import { CpuNodePool } from '../compute/cpu-pool';
import type { GpuNodePool } from '../compute/node-pool';
import {
  byName,
  checkSlurm,
  IssueCollector,
  parseQuantity,
  SLURM_ACCOUNTING_ENFORCE,
  SLURM_DEFAULT_MAX_TIME,
  SLURM_NO_TENANT_ACCOUNT,
  slurmAccountLimits,
  slurmAccountsFile,
  slurmGres,
  slurmPartitionAccounts,
  type CpuPoolSpec,
  type NodePoolSpec,
  type SlurmAccountLimits,
  type SlurmAccountingSpec,
  type SlurmLoginSpec,
  type SlurmSpec,
} from '../model';
import { CHARTS } from '../platform/charts';
import { MANAGED_BY, SLURM_ACCOUNTS_CONFIG_MAP, SLURM_PRIORITY_CLASS_PREFIX } from '../model/names';
import { pinAddress } from '../platform/ids';
import { SystemNamespace } from '../platform/namespace';
import type { NamespaceNetwork, NetworkFlow } from '../platform/network-policy';
import { PinnedRelease } from '../platform/release';
import { providerClasses } from '../private/provider-classes';

// The Slurm cluster's names in Kubernetes, declared with the library's other names in the cluster.
export { SLURM_ACCOUNTS_CONFIG_MAP, SLURM_PRIORITY_CLASS_PREFIX } from '../model/names';
/** The highest value a user-defined PriorityClass may have (the chart's default too). */
export const SLURM_PRIORITY_VALUE = 1_000_000_000;

export interface SlurmOperatorProps {
  /** cert-manager, which issues the operator webhook's certificate. */
  readonly certManager: CertManager;
}

/**
 * The Slinky operator and its CRDs (charts `slurm-operator-crds` and `slurm-operator`), in `slinky`.
 *
 * @example
 * ```ts
 * import { App, TerraformStack } from 'cdktf';
 * import { CertManager, SlurmOperator } from 'cdktf-ai-factory';
 *
 * const platform = new TerraformStack(new App(), 'lab-platform');
 * // The Slinky slurm-operator and its CRDs; its webhook needs cert-manager.
 * new SlurmOperator(platform, 'slurm-operator', {
 *   certManager: new CertManager(platform, 'cert-manager'),
 * });
 * ```
 */
export class SlurmOperator extends Construct {
  public readonly namespace: SystemNamespace;
  public readonly crds: PinnedRelease;
  public readonly release: PinnedRelease;

  constructor(scope: Construct, id: string, props: SlurmOperatorProps) {
    super(scope, id);
    this.namespace = new SystemNamespace(this, 'namespace', {
      name: CHARTS.slurmOperator.namespace,
      podSecurity: 'baseline',
      network: {
        // The chart's webhook.serverPort.
        webhookPorts: [9443],
        // The operator manages each Slurm cluster through its slurmrestd, in the cluster's namespace.
        flows: [
          {
            name: 'slurmrestd',
            direction: 'egress',
            peer: { anyNamespace: true },
            ports: [SLURM_PORTS.slurmrestd],
          },
        ],
      },
    });
    // CRDs in a release of their own, so that upgrading or removing the operator never drops them
    // (and with them every Slurm cluster).
    this.crds = new PinnedRelease(this, 'crds', {
      chart: CHARTS.slurmOperatorCrds,
      values: {},
      dependsOn: [this.namespace.namespace],
    });
    this.release = new PinnedRelease(this, 'release', {
      chart: CHARTS.slurmOperator,
      values: {
        crds: { enabled: false },
        certManager: { enabled: true },
      },
      dependsOn: [this.namespace.namespace, this.crds.release, props.certManager.release.release],
    });
  }
}

/** slurmd pods on one pool. */
export interface SlurmNodeSetProps {
  readonly pool: GpuNodePool;
  /** slurmd pods (Slurm nodes), one per Kubernetes node of the pool. */
  readonly replicas: number;
  /**
   * The NodeSet's slurmd image, `repository:tag` (an AMD pool needs one with ROCm SMI).
   * @default - the chart's slurmd image
   */
  readonly slurmdImage?: string;
}

/** slurmd pods on a CPU pool: a NodeSet without GRES, and a partition of its own. */
export interface SlurmCpuNodeSetProps {
  readonly pool: CpuNodePool;
  /** slurmd pods (Slurm nodes), one per Kubernetes node of the pool's Slurm share. */
  readonly replicas: number;
}

/** A partition over several pools, besides the one partition per pool. */
export interface SlurmPartitionProps {
  readonly name: string;
  readonly pools: readonly (GpuNodePool | CpuNodePool)[];
  /** Slurm `MaxTime`. @default - the cluster's `maxTime` */
  readonly maxTime?: string;
}

/** Slurm's daemons' default ports (slurm.conf SlurmctldPort, SlurmdPort; slurmdbd.conf DbdPort; slurmrestd as Slinky runs it), and SSH on the login nodes. */
export const SLURM_PORTS = {
  slurmctld: 6817,
  slurmd: 6818,
  slurmdbd: 6819,
  slurmrestd: 6820,
  ssh: 22,
} as const;

/**
 * The flows of a Slurm cluster's namespace, where Slinky runs all of it (slurmctld, the slurmd
 * NodeSets, slurmdbd, slurmrestd, the login nodes) on the pod network:
 * - pod to pod within the namespace on every port: the daemons' ports, and srun's and the job
 *   steps' ports, which are ephemeral (slurm.conf `SrunPortRange` unset);
 * - from the Slinky operator's namespace to slurmrestd;
 * - with login nodes, SSH (22) from `loginSourceCidrs`, or from anywhere where none are given;
 * - with accounting, from slurmdbd to the database: its `cidrs`, or the host's address where the
 *   host is an IP address, else its port at any address (NetworkPolicy cannot name a host by DNS
 *   name; a site profile must give the addresses, `SLURM_ADDRESSES_REQUIRED`).
 * The login nodes' SSSD reaches the site's directory (LDAP) outside the cluster: the site adds that
 * egress policy, knowing its directory's addresses.
 */
export function slurmNamespaceNetwork(props: {
  readonly login?: SlurmLoginSpec;
  readonly accounting?: SlurmAccountingSpec;
  readonly loginSourceCidrs?: readonly string[];
}): NamespaceNetwork {
  const flows: NetworkFlow[] = [
    {
      name: 'slurmrestd',
      direction: 'ingress',
      peer: { namespace: CHARTS.slurmOperator.namespace },
      ports: [SLURM_PORTS.slurmrestd],
    },
  ];
  if (props.login) {
    const cidrs = props.loginSourceCidrs ?? [];
    flows.push({
      name: 'login-ssh',
      direction: 'ingress',
      ...(cidrs.length > 0 ? { peer: { cidrs } } : {}),
      ports: [SLURM_PORTS.ssh],
    });
  }
  if (props.accounting) {
    const host = props.accounting.host;
    const cidr = isIP(host) === 4 ? `${host}/32` : isIP(host) === 6 ? `${host}/128` : undefined;
    const cidrs = props.accounting.cidrs?.length ? [...props.accounting.cidrs] : cidr ? [cidr] : [];
    flows.push({
      name: 'accounting-database',
      direction: 'egress',
      ...(cidrs.length > 0 ? { peer: { cidrs } } : {}),
      ports: [props.accounting.port ?? 3306],
    });
  }
  return { withinNamespace: true, flows };
}

/** A tenant's Slurm account: its GPUs on the cluster's pools become the account's `GrpTRES`. */
export interface SlurmAccountProps {
  /** Account name (the tenant's). */
  readonly name: string;
  /** @default - the name */
  readonly description?: string;
  /**
   * GPUs the account's running jobs may hold together on each pool (the tenant's grants in effect,
   * as for its Kueue quota). Pools without a NodeSet of this cluster, and MIG grants, do not count.
   * An account with no GPUs here can run no job at all.
   * @default - none
   */
  readonly gpus?: readonly {
    readonly pool: GpuNodePool;
    readonly count: number;
    readonly migProfile?: string;
  }[];
  /**
   * No job at all, whatever `gpus` says (a retired tenant, or one past its allocation). An open
   * account may use the CPU partitions, and the partitions of the pools it holds GPUs on.
   * @default false
   */
  readonly closed?: boolean;
}

/**
 * cgroup.conf of every Slurm cluster: slurmd is privileged and holds every GPU of its node, so a job
 * that asked for one GPU would otherwise use them all, another tenant's included. Each job is held
 * to the GPUs (`ConstrainDevices`, through the GRES it was given), cores and memory it asked for;
 * swap too, so that memory is not exceeded through it. cgroup v2, as current kernels and the
 * container runtime use it; `IgnoreSystemd` because slurmd runs in a container without systemd
 * (Slinky's own example). https://slurm.schedmd.com/cgroup.conf.html
 */
export const SLURM_CGROUP_CONF = [
  'CgroupPlugin=cgroup/v2',
  'IgnoreSystemd=yes',
  'ConstrainCores=yes',
  'ConstrainDevices=yes',
  'ConstrainRAMSpace=yes',
  'ConstrainSwapSpace=yes',
  '',
].join('\n');

/**
 * The slurm.conf lines that make cgroup.conf hold: tasks are confined and bound by the cgroup task
 * plugin (with CPU affinity), and a job's processes are tracked by cgroup, so none escapes its
 * limits or outlives its job. Nodes are shared between users: jobs of several tenants may run on one
 * node, each held to its own devices, cores and memory (`ExclusiveUser` stays NO, the default: a
 * partition of whole nodes per user would leave most GPUs of an 8-GPU node idle for a 1-GPU job).
 * https://slurm.schedmd.com/slurm.conf.html#OPT_TaskPlugin
 */
export const SLURM_ISOLATION_CONF: Readonly<Record<string, string[]>> = {
  TaskPlugin: ['task/cgroup', 'task/affinity'],
  ProctrackType: ['proctrack/cgroup'],
  JobAcctGatherType: ['jobacct_gather/cgroup'],
};

/**
 * What a Slurm user sees only of their own (slurm.conf and slurmdbd.conf `PrivateData`): accounts,
 * jobs (with their command lines and directories), reservations, usage, users and events. Without
 * it `squeue` and `sacct` show every tenant's jobs to every other tenant.
 * https://slurm.schedmd.com/slurm.conf.html#OPT_PrivateData
 */
export const SLURM_PRIVATE_DATA: readonly string[] = [
  'accounts',
  'events',
  'jobs',
  'reservations',
  'usage',
  'users',
];

/** A `repository:tag` reference as the chart's image values: `{ repository, tag }`. */
function imageValue(reference: string): { repository: string; tag: string } {
  const colon = reference.lastIndexOf(':');
  return { repository: reference.slice(0, colon), tag: reference.slice(colon + 1) };
}

/** gres.conf's GPU detection per vendor: `nvidia` reads the devices without NVML; `rsmi` uses AMD's ROCm SMI library. */
const GRES_AUTODETECT: Readonly<Record<'nvidia' | 'amd', string>> = { nvidia: 'nvidia', amd: 'rsmi' };

/**
 * A cluster's gres.conf: how each slurmd finds its node's GPUs, which `ConstrainDevices` then holds a
 * job to. One line for a cluster of one vendor. Where NVIDIA and AMD pools share the cluster, one
 * line per NodeSet with its Slurm node names: the chart names a NodeSet's pods `<key>-<ordinal>`
 * (the key being the pool, `ordinalPadding` 0, the chart's default), so `h100-[0-15]` are pool
 * h100's 16 slurmd; a node-specific `AutoDetect` overrides the global one, and slurmd reads only the
 * lines that name it. https://slurm.schedmd.com/gres.conf.html#OPT_AutoDetect
 */
export function slurmGresConf(
  sets: readonly { readonly name: string; readonly vendor: 'nvidia' | 'amd'; readonly replicas: number }[],
): string {
  const vendors = [...new Set(sets.map((s) => s.vendor))];
  if (vendors.length === 1) return `AutoDetect=${GRES_AUTODETECT[vendors[0]]}\n`;
  const lines = [...sets]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((s) => {
      const nodes = s.replicas === 1 ? `${s.name}-0` : `${s.name}-[0-${s.replicas - 1}]`;
      return `NodeName=${nodes} AutoDetect=${GRES_AUTODETECT[s.vendor]}`;
    });
  // No detection for a node that no line names (a NodeSet scaled outside the profile): its GRES
  // then fails to register instead of slurmd guessing the wrong vendor's devices.
  return ['AutoDetect=off', ...lines, ''].join('\n');
}

export interface SlurmClusterProps {
  /** Slurm `ClusterName`, a DNS label. */
  readonly name: string;
  /** One NodeSet per pool. */
  readonly nodeSets: readonly SlurmNodeSetProps[];
  /** One NodeSet per CPU pool, with a partition of its own. @default - none */
  readonly cpuNodeSets?: readonly SlurmCpuNodeSetProps[];
  /** @default - one partition per pool only */
  readonly partitions?: readonly SlurmPartitionProps[];
  /** @default - the partition of the first pool by name */
  readonly defaultPartition?: string;
  /**
   * Slurm `MaxTime` of every partition that sets none, the pools' own included.
   * @default '2-00:00:00' (SLURM_DEFAULT_MAX_TIME)
   */
  readonly maxTime?: string;
  /**
   * Accounting through slurmdbd against an existing MariaDB; with it, slurm.conf enforces
   * associations and their limits (SLURM_ACCOUNTING_ENFORCE). Required with `accounts`.
   * @default - no accounting
   */
  readonly accounting?: SlurmAccountingSpec;
  /**
   * Tenants' accounts, written as a `sacctmgr load` file into the ConfigMap `aif-slurm-accounts`
   * (the chart cannot declare accounts); the site loads it with `sacctmgr` after each change. Each
   * partition then admits only the accounts with GPUs on each of its pools (`AllowAccounts`, which
   * always names the closed `aif_no_tenant` account too, so that no partition falls back to all).
   * @default - no accounts, and partitions open to every account
   */
  readonly accounts?: readonly SlurmAccountProps[];
  /** Login nodes with the site's SSSD configuration. @default - no login nodes */
  readonly login?: SlurmLoginSpec;
  /** @default - `slurm-<name>` */
  readonly namespace?: string;
  /**
   * Create the namespace here. A site creates it in its platform stack instead, so that the Secrets
   * the cluster reads (database password, sssd.conf) can be put there before the cluster is deployed.
   * @default true
   */
  readonly createNamespace?: boolean;
  /**
   * StorageClass of the controller's save-state volume (`controller.persistence`), which must outlive
   * pod restarts: a site passes its `slurmStateTier`'s class, a `Retain` tier.
   * @default - the cluster's default StorageClass
   */
  readonly stateStorageClass?: string;
  /** @default - no explicit dependencies */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * A cluster's props against the checks of a profile's Slurm spec, and what only props can get
 * wrong: accounts without accounting, the library's own account name, more slurmd pods than a
 * pool (or its Slurm share) has nodes. Every problem at once.
 */
function checkClusterProps(
  props: SlurmClusterProps,
  sets: readonly SlurmNodeSetProps[],
  cpuSets: readonly SlurmCpuNodeSetProps[],
): void {
  const pools = new Map<string, NodePoolSpec>();
  const cpuPools = new Map<string, CpuPoolSpec>();
  for (const p of [
    ...sets.map((s) => s.pool),
    ...cpuSets.map((s) => s.pool),
    ...(props.partitions ?? []).flatMap((x) => x.pools),
  ]) {
    if (p instanceof CpuNodePool) cpuPools.set(p.name, p.spec);
    else pools.set(p.name, p.spec);
  }
  const spec: SlurmSpec = {
    clusterName: props.name,
    nodes: Object.fromEntries([...sets, ...cpuSets].map((s) => [s.pool.name, s.replicas])),
    slurmdImages: Object.fromEntries(
      sets.filter((s) => s.slurmdImage !== undefined).map((s) => [s.pool.name, s.slurmdImage as string]),
    ),
    partitions: props.partitions?.map((p) => ({
      name: p.name,
      pools: p.pools.map((x) => x.name),
      maxTime: p.maxTime,
    })),
    defaultPartition: props.defaultPartition,
    maxTime: props.maxTime,
    accounting: props.accounting,
    login: props.login,
  };
  const c = new IssueCollector();
  checkSlurm(c, spec, pools, 'props', cpuPools);
  if ((props.accounts ?? []).length > 0 && !props.accounting) {
    c.add(
      'SLURM_ACCOUNTING_REQUIRED',
      'props.accounting',
      undefined,
      `${props.accounts?.length} accounts are given GPU limits, and without accounting (slurmdbd) Slurm enforces none of them`,
      "set accounting to the site's MariaDB, e.g. { host: 'slurmdb.example.org', passwordSecret: { name: 'slurmdbd-mariadb' } }",
    );
  }
  (props.accounts ?? []).forEach((a, i) => {
    if (a.name === SLURM_NO_TENANT_ACCOUNT) {
      c.add(
        'NAME_INVALID',
        `props.accounts[${i}].name`,
        a.name,
        'the library keeps that account closed and names it in every partition (AllowAccounts)',
        'give the account another name',
      );
    }
  });
  for (const s of [...sets, ...cpuSets]) {
    const where = `props.${s.pool instanceof CpuNodePool ? 'cpuNodeSets' : 'nodeSets'}["${s.pool.name}"].replicas`;
    if (s.replicas > s.pool.nodeCount) {
      c.add(
        'SCHEDULER_NODES_EXCEEDED',
        where,
        s.replicas,
        `pool '${s.pool.name}' has ${s.pool.nodeCount} nodes, and each slurmd pod takes a whole node`,
        `set replicas to ${s.pool.nodeCount} or less`,
      );
    } else if (s.pool.slurmNodes > 0 && s.replicas > s.pool.slurmNodes) {
      // The NodeSet selects only the nodes labelled for Slurm: more replicas would stay Pending.
      c.add(
        'SCHEDULER_NODES_EXCEEDED',
        where,
        s.replicas,
        `pool '${s.pool.name}' keeps ${s.pool.slurmNodes} of its nodes for Slurm (slurmNodes), and each slurmd pod takes a whole node`,
        `set replicas to ${s.pool.slurmNodes} or less, or give the pool more slurmNodes`,
      );
    }
  }
  c.throwIfAny(`SlurmCluster '${props.name}'`);
}

/** One partition's values: its NodeSets, state, MaxTime and whether it is the default. */
interface PartitionValues {
  readonly enabled: true;
  readonly nodesets: string[];
  readonly configMap: Record<string, unknown>;
}

/** A partition per pool (GPU pools, then CPU pools), then the extra ones; and the default. */
function partitionValues(
  props: SlurmClusterProps,
  sets: readonly SlurmNodeSetProps[],
  cpuSets: readonly SlurmCpuNodeSetProps[],
): { partitions: Record<string, PartitionValues>; defaultPartition: string } {
  const defaultPartition = props.defaultPartition ?? (sets[0] ?? cpuSets[0]).pool.name;
  const partition = (nodesets: string[], maxTime: string | undefined, name: string): PartitionValues => ({
    enabled: true,
    nodesets,
    configMap: {
      State: 'UP',
      MaxTime: maxTime ?? props.maxTime ?? SLURM_DEFAULT_MAX_TIME,
      Default: name === defaultPartition ? 'YES' : 'NO',
    },
  });
  const partitions: Record<string, PartitionValues> = {};
  for (const s of [...sets, ...cpuSets])
    partitions[s.pool.name] = partition([s.pool.name], undefined, s.pool.name);
  for (const p of byName(props.partitions ?? [])) {
    partitions[p.name] = partition([...p.pools.map((x) => x.name)].sort(), p.maxTime, p.name);
  }
  return { partitions, defaultPartition };
}

/**
 * A PriorityClass for every pod of the chart (values.yaml `priorityClass`; the NodeSet template uses
 * it unless `podSpec.priorityClassName` is set, a key the chart's values do not list). slurmd pods
 * take whole nodes: above every tenant pod (which the priority guard keeps at the default priority),
 * a slurmd pod evicts whatever landed on a Slurm node instead of staying Pending. Below the system-*
 * classes, so node agents (GPU operator, CNI) stay first.
 * https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/
 */
function priorityClassValues(cluster: string): Record<string, unknown> {
  return {
    enabled: true,
    create: true,
    name: `${SLURM_PRIORITY_CLASS_PREFIX}${cluster}`,
    description: `Slurm cluster ${cluster}: slurmd pods hold whole nodes and preempt other work there`,
    value: SLURM_PRIORITY_VALUE,
    preemptionPolicy: 'PreemptLowerPriority',
  };
}

/** slurmctld's slurm.conf lines (GRES, isolation, privacy, accounting) and its state volume. */
function controllerValues(
  props: SlurmClusterProps,
  sets: readonly SlurmNodeSetProps[],
): Record<string, unknown> {
  const conf: Record<string, string[]> = {
    GresTypes: ['gpu'],
    ...SLURM_ISOLATION_CONF,
    PrivateData: [...SLURM_PRIVATE_DATA],
  };
  if (props.accounting) {
    // A typed GPU is counted (and a typed GrpTRES limit holds) only if its type is listed; the
    // untyped gres/gpu counts GPUs of every type. https://slurm.schedmd.com/slurm.conf.html#OPT_AccountingStorageTRES
    const types = [...new Set(sets.map((s) => s.pool.accelerator.gresType))].sort();
    conf.AccountingStorageTRES = ['gres/gpu', ...types.map((t) => `gres/gpu:${t}`)];
    conf.AccountingStorageEnforce = [...SLURM_ACCOUNTING_ENFORCE];
  }
  return {
    extraConfMap: conf,
    ...(props.stateStorageClass
      ? { persistence: { enabled: true, storageClassName: props.stateStorageClass } }
      : {}),
  };
}

/** A NodeSet per GPU pool: slurmd holds every GPU of its node, with the pool's typed GRES. */
function gpuNodeSetValues(sets: readonly SlurmNodeSetProps[]): Record<string, unknown> {
  return Object.fromEntries(
    sets.map(({ pool, replicas, slurmdImage }) => [
      pool.name,
      {
        enabled: true,
        replicas,
        slurmd: {
          // The whole node's GPUs: Kubernetes then schedules nothing else that needs a GPU there,
          // and Kueue's quota covers only the nodes Slurm does not hold.
          resources: { limits: { [pool.accelerator.resourceName]: pool.gpusPerNode } },
          ...(slurmdImage ? { image: imageValue(slurmdImage) } : {}),
        },
        extraConfMap: { Gres: [slurmGres(pool.spec)], Features: [pool.name, pool.accelerator.id] },
        // Only the nodes the pool keeps for Slurm (SCHEDULER_LABEL=slurm on a split pool).
        podSpec: { nodeSelector: { ...pool.slurmSelector }, tolerations: [{ ...pool.toleration }] },
      },
    ]),
  );
}

/** A NodeSet per CPU pool: no GRES, and what the kubelet may give pods, not the host's. */
function cpuNodeSetValues(cpuSets: readonly SlurmCpuNodeSetProps[]): Record<string, unknown> {
  return Object.fromEntries(
    cpuSets.map(({ pool, replicas }) => [
      pool.name,
      {
        enabled: true,
        replicas,
        extraConfMap: {
          Features: [...new Set([pool.name, 'cpu'])],
          CPUs: [String(pool.spec.coresPerNode)],
          RealMemory: [String(Math.floor(parseQuantity(pool.spec.memoryPerNode) / 2 ** 20))],
        },
        // Only the nodes the pool keeps for Slurm, whose taint only slurmd tolerates.
        podSpec: { nodeSelector: { ...pool.slurmSelector }, tolerations: [{ ...pool.slurmToleration }] },
      },
    ]),
  );
}

/** slurmdbd against the site's database, the password by Secret reference only. */
function accountingValues(a: SlurmAccountingSpec | undefined): Record<string, unknown> {
  if (!a) return {};
  return {
    accounting: {
      enabled: true,
      // slurmdbd answers sacct and sreport itself: the same privacy as slurmctld's.
      extraConfMap: { PrivateData: [...SLURM_PRIVATE_DATA] },
      storageConfig: {
        host: a.host,
        port: a.port ?? 3306,
        database: a.database ?? 'slurm_acct_db',
        username: a.user ?? 'slurm',
        // The password stays in the Secret: only its name and key reach Terraform and Helm.
        passwordKeyRef: { name: a.passwordSecret.name, key: a.passwordSecret.key ?? 'password' },
      },
    },
  };
}

/** Login nodes with the site's sssd.conf, behind a ClusterIP unless the profile says. */
function loginValues(l: SlurmLoginSpec | undefined): Record<string, unknown> {
  if (!l) return {};
  return {
    sssd: { secretRef: { name: l.sssdConfSecret.name, key: l.sssdConfSecret.key ?? 'sssd.conf' } },
    loginsets: {
      login: {
        enabled: true,
        replicas: l.replicas ?? 1,
        // The chart's default is a LoadBalancer: sshd stays inside the cluster unless the profile says.
        service: { spec: { type: l.serviceType ?? 'ClusterIP' } },
      },
    },
  };
}

/**
 * A Slurm cluster (chart `slurm`): a NodeSet per pool whose slurmd pods take every GPU of their node
 * and land only on the pool's nodes, with the pool's `Gres=gpu:<type>:<n>` line; a partition per pool
 * plus any extra ones; `GresTypes=gpu` and a gres.conf that autodetects the vendor's GPUs; optionally
 * accounting and login nodes, whose secrets are referenced by name only.
 *
 * @example
 * ```ts
 * import { App, TerraformStack } from 'cdktf';
 * import { GpuNodePool, SlurmCluster } from 'cdktf-ai-factory';
 *
 * const app = new App();
 * const pool = new GpuNodePool(new TerraformStack(app, 'lab-platform'), 'a100', {
 *   name: 'a100',
 *   accelerator: 'nvidia-a100-80gb',
 *   gpusPerNode: 8,
 *   nodes: { hostlist: 'gpu[01-08]' },
 * });
 * // Two slurmd pods on the pool's nodes, a partition `a100` (the default) and a week-long one.
 * new SlurmCluster(new TerraformStack(app, 'lab-tenants'), 'slurm', {
 *   name: 'lab',
 *   nodeSets: [{ pool, replicas: 2 }],
 *   partitions: [{ name: 'long', pools: [pool], maxTime: '7-00:00:00' }],
 * });
 * ```
 */
export class SlurmCluster extends Construct {
  public readonly name: string;
  public readonly namespace: string;
  public readonly release: PinnedRelease;
  /** Partition names, the default first. */
  public readonly partitions: readonly string[];
  private readonly accountProps: SlurmAccountProps[];
  private readonly accounting?: SlurmAccountingSpec;
  private readonly clusterPools: readonly NodePoolSpec[];
  private readonly cpuPoolNames: readonly string[];
  /** The NodeSets of each partition, by partition name. */
  private readonly partitionSets: ReadonlyMap<string, readonly string[]>;
  private readonly accountDeps: ITerraformDependable[];
  private accountsConfigMap?: ConfigMapV1;
  private accountsText?: string;

  constructor(scope: Construct, id: string, props: SlurmClusterProps) {
    super(scope, id);
    const sets = [...props.nodeSets].sort((a, b) => a.pool.name.localeCompare(b.pool.name));
    const cpuSets = [...(props.cpuNodeSets ?? [])].sort((a, b) => a.pool.name.localeCompare(b.pool.name));
    checkClusterProps(props, sets, cpuSets);
    this.name = props.name;
    this.namespace = props.namespace ?? `slurm-${props.name}`;
    const deps: ITerraformDependable[] = [...(props.dependsOn ?? [])];
    if (props.createNamespace ?? true) {
      // slurmd manages cgroups and devices of its node: the namespace must allow privileged pods.
      const ns = new SystemNamespace(this, 'namespace', {
        name: this.namespace,
        podSecurity: 'privileged',
        network: slurmNamespaceNetwork(props),
      });
      deps.push(ns.namespace);
    }
    const { partitions, defaultPartition } = partitionValues(props, sets, cpuSets);
    this.partitions = [defaultPartition, ...Object.keys(partitions).filter((n) => n !== defaultPartition)];
    this.release = new PinnedRelease(this, 'release', {
      chart: CHARTS.slurm,
      releaseName: 'slurm',
      namespace: this.namespace,
      values: {
        clusterName: props.name,
        priorityClass: priorityClassValues(props.name),
        controller: controllerValues(props, sets),
        configFiles: {
          'gres.conf': slurmGresConf(
            sets.map((s) => ({ name: s.pool.name, vendor: s.pool.vendor, replicas: s.replicas })),
          ),
          'cgroup.conf': SLURM_CGROUP_CONF,
        },
        nodesets: { ...gpuNodeSetValues(sets), ...cpuNodeSetValues(cpuSets) },
        partitions,
        ...accountingValues(props.accounting),
        ...loginValues(props.login),
      },
      timeoutSeconds: 900,
      dependsOn: deps,
    });
    this.accounting = props.accounting;
    this.accountProps = [...(props.accounts ?? [])];
    this.clusterPools = sets.map((s) => s.pool.spec);
    this.cpuPoolNames = cpuSets.map((s) => s.pool.name);
    this.partitionSets = new Map(Object.entries(partitions).map(([name, p]) => [name, p.nodesets]));
    this.accountDeps = deps;
    this.applyAccounts();
  }

  /** The `sacctmgr load` file of the accounts, if any (also in the ConfigMap `aif-slurm-accounts`). */
  public get accountsFile(): string | undefined {
    return this.accountsText;
  }

  /**
   * Adds a tenant's account after construction (a tenant added to a site in code): the accounts
   * file and every partition's `AllowAccounts` are written again. Needs `accounting`.
   */
  public addAccount(account: SlurmAccountProps): void {
    const c = new IssueCollector();
    if (!this.accounting) {
      c.add(
        'SLURM_ACCOUNTING_REQUIRED',
        'account',
        account.name,
        `account '${account.name}' would be given GPU limits, and without accounting (slurmdbd) Slurm enforces none of them`,
        "give the cluster accounting: the site's MariaDB, e.g. { host: 'slurmdb.example.org', passwordSecret: { name: 'slurmdbd-mariadb' } }",
      );
    }
    if (account.name === SLURM_NO_TENANT_ACCOUNT || this.accountProps.some((a) => a.name === account.name)) {
      c.add(
        account.name === SLURM_NO_TENANT_ACCOUNT ? 'NAME_INVALID' : 'NAME_DUPLICATE',
        'account.name',
        account.name,
        account.name === SLURM_NO_TENANT_ACCOUNT
          ? 'the library keeps that account closed and names it in every partition (AllowAccounts)'
          : `the cluster has an account '${account.name}' already`,
        'give the account another name',
      );
    }
    c.throwIfAny(`SlurmCluster '${this.name}'.addAccount`);
    this.accountProps.push(account);
    this.applyAccounts();
  }

  /**
   * Writes the accounts where they show: each partition admits only the accounts with a grant on
   * its pools (a GRES type's limit holds only for jobs that name the type, and an untyped job would
   * otherwise run on any pool's partition within the account's total), slurmctld refuses at
   * submission what a partition keeps out, and the `sacctmgr load` file holds every limit.
   */
  private applyAccounts(): void {
    if (!this.accounting || this.accountProps.length === 0) return;
    const accounts = this.accountLimits(this.accountProps, this.clusterPools, this.cpuPoolNames);
    this.release.updateValues((values) => {
      const partitions = values.partitions as Record<string, { configMap: Record<string, unknown> }>;
      for (const [name, sets] of this.partitionSets) {
        partitions[name].configMap.AllowAccounts = slurmPartitionAccounts(sets, accounts);
      }
      // Instead of queueing such a job for good (the default, NO).
      // https://slurm.schedmd.com/slurm.conf.html#OPT_EnforcePartLimits
      const conf = (values.controller as { extraConfMap: Record<string, string[]> }).extraConfMap;
      conf.EnforcePartLimits = ['ALL'];
    });
    this.accountsText = slurmAccountsFile(this.name, accounts);
    if (this.accountsConfigMap) {
      this.accountsConfigMap.data = { 'accounts.cfg': this.accountsText };
      return;
    }
    this.accountsConfigMap = new providerClasses.ConfigMapV1(this, 'accounts', {
      metadata: { name: SLURM_ACCOUNTS_CONFIG_MAP, namespace: this.namespace, labels: { ...MANAGED_BY } },
      data: { 'accounts.cfg': this.accountsText },
      ...(this.accountDeps.length > 0 ? { dependsOn: this.accountDeps } : {}),
    });
    pinAddress(this.accountsConfigMap, 'slurm', this.namespace, 'accounts');
  }

  /** The accounts' limits on the cluster's pools; a closed account holds no GPUs anywhere. */
  private accountLimits(
    accounts: readonly SlurmAccountProps[],
    clusterPools: readonly NodePoolSpec[],
    cpuPools: readonly string[],
  ): SlurmAccountLimits[] {
    return accounts.map((a) =>
      slurmAccountLimits(
        a.name,
        a.description ?? a.name,
        a.closed
          ? []
          : (a.gpus ?? []).map((g) => ({ pool: g.pool.spec, count: g.count, migProfile: g.migProfile })),
        clusterPools,
        cpuPools.length > 0 ? { pools: cpuPools, closed: a.closed ?? false } : undefined,
      ),
    );
  }
}
