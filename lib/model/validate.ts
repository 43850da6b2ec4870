/**
 * Validation of site profiles: collects every problem, never stops at the first. Each check is a
 * small function over one part of the profile, so constructs used without a profile run the same
 * checks on their own props.
 */
import {
  acceleratorCatalog,
  acceleratorKnownTo,
  acceleratorProblems,
  declareAccelerator,
  findAccelerator,
} from './accelerators';
import { IssueCollector, ValidationError, type ValidationIssue } from './errors';
import { expandHostlist, HostlistError } from './hostlist';
import { accessModePreset, describeDuration, type AccessModePreset } from './access-modes';
import {
  allocationStatus,
  grantGpuHours,
  grantUnits,
  holdsGpus,
  parseDate,
  validGrantUnits,
  periodDays,
  periodFits,
  periodMonths,
  PROJECT_ID,
  synthesisDate,
  unitGpuEquivalent,
} from './allocation';
import { grantResource, poolOffers } from './capacity';
import type { AcceleratorModel } from './accelerators';
import type {
  AccessMode,
  CpuPoolSpec,
  InterconnectSpec,
  MigLayoutSpec,
  NodePoolSpec,
  SiteProfile,
  TaintSpec,
  TenantAllocation,
  TenantGpuGrant,
  TenantResourceSpec,
  TenantPodsSpec,
  TenantSpec,
} from './profile';
import { isQuantity, parseQuantity } from './quantity';
import { checkSchema } from './schema';
import { checkStorage } from './storage';
import { checkSchedulers } from './scheduling';
import { DNS_SUBDOMAIN, isDnsLabel, OWN_NAME_PREFIX, poolConfigName } from './names';

// Declared with the library's other names and name rules (names.ts), and exported from here as before.
export { isDnsLabel };

const LABEL_NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;
const LABEL_VALUE = /^(([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?)$/;

export const ACCESS_MODES: readonly AccessMode[] = [
  'playground',
  'fast-lane',
  'large-scale',
  'ai-for-science',
  'internal',
];

/**
 * Namespaces a tenant may not take: Kubernetes' own and those the platform stack installs into.
 * A tenant called `kube-system` would get the tenant roles in the cluster's most privileged namespace.
 */
export const RESERVED_NAMESPACES: readonly string[] = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'gpu-operator',
  'kube-amd-gpu',
  'cert-manager',
  'kueue-system',
  'slinky',
  'slurm',
  'nvidia-network-operator',
  'rook-ceph',
  'topolvm-system',
  'csi-nfs',
];

export function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

/** A label key: optional DNS-subdomain prefix and a name of at most 63 characters. */
export function isLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) return false;
  return name.length > 0 && name.length <= 63 && LABEL_NAME.test(name);
}

export function isLabelValue(value: string): boolean {
  return value.length <= 63 && LABEL_VALUE.test(value);
}

export function isCidr(value: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
  if (v4) {
    return v4.slice(1, 5).every((o) => Number(o) <= 255) && Number(v4[5]) <= 32;
  }
  const v6 = /^([0-9a-fA-F:]+)\/(\d{1,3})$/.exec(value);
  return !!v6 && v6[1].includes(':') && Number(v6[2]) <= 128;
}

function checkName(c: IssueCollector, path: string, value: unknown, what: string): void {
  if (!isDnsLabel(value)) {
    c.add(
      'NAME_INVALID',
      path,
      value,
      `${what} must be a Kubernetes DNS label: lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters`,
      `rename it, e.g. '${suggestName(value)}'`,
    );
  }
}

function suggestName(value: unknown): string {
  const s = String(value ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
  return s === '' ? 'my-name' : s;
}

function checkPositive(c: IssueCollector, path: string, value: unknown, what: string): boolean {
  if (!isPositiveInteger(value)) {
    c.add(
      'COUNT_NOT_POSITIVE',
      path,
      value,
      `${what} must be a whole number greater than zero`,
      `set ${path} to 1 or more`,
    );
    return false;
  }
  return true;
}

function checkDuplicates(
  c: IssueCollector,
  items: readonly { name: string }[],
  path: string,
  what: string,
): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const seen = first.get(item.name);
    if (seen !== undefined) {
      c.add(
        'NAME_DUPLICATE',
        `${path}[${i}].name`,
        item.name,
        `${what} '${item.name}' is already defined at ${path}[${seen}]`,
        `give every ${what} its own name`,
      );
    } else {
      first.set(item.name, i);
    }
  });
}

function checkTaint(c: IssueCollector, path: string, taint: TaintSpec): void {
  if (!isLabelKey(taint.key) || !isLabelValue(taint.value ?? '')) {
    c.add(
      'TAINT_INVALID',
      path,
      taint,
      'the taint key or value is not a valid label key or value',
      'use e.g. { key: "nvidia.com/gpu", value: "present", effect: "NoSchedule" }',
    );
  }
  if (!['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(taint.effect)) {
    c.add(
      'TAINT_INVALID',
      `${path}.effect`,
      taint.effect,
      'the taint effect is unknown',
      'use NoSchedule, PreferNoSchedule or NoExecute',
    );
  }
}

/**
 * A pool's node selection (GPU or CPU pool): labels the site applies with a count, or a hostlist of
 * DNS names, each once. Returns the listed node names (none for a label-selected pool).
 */
function checkNodeSelection(c: IssueCollector, selection: unknown, path: string): readonly string[] {
  let hosts: readonly string[] = [];
  const nodes = selection as Partial<{ labels: Record<string, string>; count: number; hostlist: string }>;
  const hasLabels = nodes !== undefined && nodes.labels !== undefined;
  const hasList = nodes !== undefined && nodes.hostlist !== undefined;
  if (hasLabels === hasList) {
    c.add(
      'NODE_SELECTION_INVALID',
      `${path}.nodes`,
      selection,
      'a pool selects its nodes either by labels the site applies or by an explicit hostlist, not both or neither',
      `set ${path}.nodes to { labels: {...}, count: N } or to { hostlist: 'lrdn[0001-0128]' }`,
    );
  } else if (hasLabels) {
    const entries = Object.entries(nodes.labels ?? {});
    if (entries.length === 0) {
      c.add(
        'NODE_SELECTION_INVALID',
        `${path}.nodes.labels`,
        nodes.labels,
        'an empty label selector selects every node of the cluster',
        "name at least one label that only the pool's nodes carry",
      );
    }
    for (const [k, v] of entries) {
      if (!isLabelKey(k) || typeof v !== 'string' || !isLabelValue(v)) {
        c.add(
          'LABEL_INVALID',
          `${path}.nodes.labels["${k}"]`,
          v,
          'not a valid Kubernetes label key and value',
          'use a key like `example.org/partition` and a value of at most 63 letters, digits, `-`, `_` or `.`',
        );
      }
    }
    checkPositive(c, `${path}.nodes.count`, nodes.count, 'the node count');
  } else if (hasList) {
    try {
      hosts = expandHostlist(String(nodes.hostlist));
      const bad = hosts.filter((h) => h.length > 253 || !DNS_SUBDOMAIN.test(h));
      if (bad.length > 0) {
        c.add(
          'HOSTLIST_INVALID',
          `${path}.nodes.hostlist`,
          nodes.hostlist,
          `node names must be DNS names; these are not: ${bad.slice(0, 5).join(', ')}`,
          'write the node names as `kubectl get nodes` shows them',
        );
        hosts = [];
      }
      // The first name seen twice, in one pass (a pairwise search took 364 ms at 20,000 nodes).
      const seen = new Set<string>();
      const dup = hosts.find((h) => seen.size === seen.add(h).size);
      if (dup) {
        c.add(
          'HOSTLIST_INVALID',
          `${path}.nodes.hostlist`,
          nodes.hostlist,
          `node '${dup}' is listed twice`,
          'list each node once',
        );
        hosts = [...new Set(hosts)];
      }
    } catch (e) {
      if (!(e instanceof HostlistError)) throw e;
      c.add(
        'HOSTLIST_INVALID',
        `${path}.nodes.hostlist`,
        nodes.hostlist,
        e.message,
        "write it in Slurm hostlist syntax, e.g. 'lrdn[0001-0128]' or 'nid[001-004,010],gpu07'",
      );
    }
  }

  return hosts;
}

/**
 * Checks one node pool on its own. Returns the host names of a listed pool (for cross-pool checks),
 * or an empty list.
 */
export function checkPool(
  c: IssueCollector,
  pool: NodePoolSpec,
  path: string,
  /** The profile's own `accelerators`, which its pools may name. */
  declared: readonly AcceleratorModel[] = [],
): readonly string[] {
  checkName(c, `${path}.name`, pool.name, 'a pool name');
  checkPoolConfigName(c, pool, path);
  const acc = acceleratorKnownTo(pool.accelerator, declared) ? findAccelerator(pool.accelerator) : undefined;
  if (!acc) {
    c.add(
      'ACCELERATOR_UNKNOWN',
      `${path}.accelerator`,
      pool.accelerator,
      'the accelerator catalog has no such model',
      `use one of: ${acceleratorCatalog()
        .map((a) => a.id)
        .join(', ')}; or declare the model in the profile's accelerators (docs/profile.md#accelerators)`,
    );
  }
  checkPositive(c, `${path}.gpusPerNode`, pool.gpusPerNode, 'gpusPerNode');

  const hosts = checkNodeSelection(c, pool.nodes, path);

  if (pool.taint) checkTaint(c, `${path}.taint`, pool.taint);
  // An unknown accelerator is reported as ACCELERATOR_UNKNOWN already.
  if (pool.mig && acc) checkMigLayout(c, pool.mig, acc, `${path}.mig`);
  if (pool.timeSlicingReplicas !== undefined) checkTimeSlicing(c, pool, acc, path);
  if (pool.interconnect) checkInterconnect(c, pool.interconnect, `${path}.interconnect`);
  return hosts;
}

/**
 * The GPU operator's MIG and time-slicing configurations of a pool are named `aif-<pool>`, and
 * nodes select theirs by a label with that value (lib/compute/node-pool.ts), at most 63 characters.
 */
function checkPoolConfigName(c: IssueCollector, pool: NodePoolSpec, path: string): void {
  const configured = pool.mig !== undefined || pool.timeSlicingReplicas !== undefined;
  if (configured && isDnsLabel(pool.name) && pool.name.length > 59) {
    c.add(
      'NAME_INVALID',
      `${path}.name`,
      pool.name,
      `the pool's ${pool.mig !== undefined ? 'MIG' : 'time-slicing'} configuration is named '${poolConfigName('<pool name>')}' and selected by a node label, whose value may have at most 63 characters`,
      `shorten the pool name to 59 characters or fewer, e.g. '${pool.name.slice(0, 59).replace(/-+$/, '')}'`,
    );
  }
}

/**
 * A pool's MIG layout (at `path`): an accelerator with MIG, at least one profile, each of the
 * model's profiles within its instance limit, and all of them within a GPU's 7 compute and 8 memory
 * slices.
 */
function checkMigLayout(c: IssueCollector, mig: MigLayoutSpec, acc: AcceleratorModel, path: string): void {
  if (acc.migProfiles.length === 0) {
    c.add(
      'MIG_UNSUPPORTED',
      path,
      mig,
      `${acc.displayName} has no MIG profiles in the catalog`,
      `remove ${path}, or use an accelerator with MIG (e.g. nvidia-a100-80gb, nvidia-h100-80gb)`,
    );
    return;
  }
  const entries = Object.entries(mig.profiles ?? {});
  if (entries.length === 0) {
    c.add(
      'VALUE_INVALID',
      `${path}.profiles`,
      mig.profiles,
      'a MIG layout needs at least one profile',
      `list profiles, e.g. { '${acc.migProfiles[0].name}': 7 }`,
    );
  }
  let compute = 0;
  let memory = 0;
  for (const [name, count] of entries) {
    const p = acc.migProfiles.find((m) => m.name === name);
    const ppath = `${path}.profiles["${name}"]`;
    if (!p) {
      c.add(
        'MIG_PROFILE_UNKNOWN',
        ppath,
        name,
        `${acc.displayName} has no MIG profile '${name}'`,
        `use one of: ${acc.migProfiles.map((m) => m.name).join(', ')}`,
      );
      continue;
    }
    if (!checkPositive(c, ppath, count, 'a MIG instance count')) continue;
    if (count > p.maxInstances) {
      c.add(
        'MIG_INSTANCES_EXCEEDED',
        ppath,
        count,
        `a GPU holds at most ${p.maxInstances} instance(s) of ${name}`,
        `set it to ${p.maxInstances} or less`,
      );
    }
    compute += p.computeSlices * count;
    memory += p.memorySlices * count;
  }
  if (compute > 7 || memory > 8) {
    c.add(
      'MIG_LAYOUT_OVERFLOW',
      `${path}.profiles`,
      mig.profiles,
      `the layout takes ${compute} of 7 compute slices and ${memory} of 8 memory slices of each ${acc.displayName}`,
      'remove or shrink profiles until compute slices add up to at most 7 and memory slices to at most 8',
    );
  }
}

/**
 * A pool's time-slicing: a positive number of replicas, on an accelerator whose device plugin
 * time-slices (when the accelerator is known), and not together with MIG.
 */
function checkTimeSlicing(
  c: IssueCollector,
  pool: NodePoolSpec,
  acc: AcceleratorModel | undefined,
  path: string,
): void {
  if (!checkPositive(c, `${path}.timeSlicingReplicas`, pool.timeSlicingReplicas, 'timeSlicingReplicas'))
    return;
  if (acc && !acc.timeSlicing) {
    c.add(
      'TIME_SLICING_UNSUPPORTED',
      `${path}.timeSlicingReplicas`,
      pool.timeSlicingReplicas,
      `the ${acc.vendor.toUpperCase()} device plugin cannot time-slice ${acc.displayName}`,
      `remove ${path}.timeSlicingReplicas`,
    );
  } else if (pool.mig) {
    c.add(
      'TIME_SLICING_UNSUPPORTED',
      `${path}.timeSlicingReplicas`,
      pool.timeSlicingReplicas,
      'this library does not combine MIG and time-slicing on one pool',
      `keep either ${path}.mig or ${path}.timeSlicingReplicas`,
    );
  }
}

/** A pool's interconnect (at `path`): a known fabric, and positive link counts and speeds. */
function checkInterconnect(c: IssueCollector, ic: InterconnectSpec, path: string): void {
  if (!['infiniband', 'slingshot', 'ethernet'].includes(ic.fabric)) {
    c.add(
      'VALUE_INVALID',
      `${path}.fabric`,
      ic.fabric,
      'unknown fabric',
      "use 'infiniband', 'slingshot' or 'ethernet'",
    );
  }
  checkPositive(c, `${path}.linksPerNode`, ic.linksPerNode, 'linksPerNode');
  checkPositive(c, `${path}.gbpsPerLink`, ic.gbpsPerLink, 'gbpsPerLink');
}

function checkResources(c: IssueCollector, path: string, r: TenantResourceSpec): void {
  for (const key of ['cpu', 'memory', 'ephemeralStorage'] as const) {
    const v = r[key];
    if (v !== undefined && (typeof v !== 'string' || !isQuantity(v) || v.startsWith('-'))) {
      c.add(
        'QUANTITY_INVALID',
        `${path}.${key}`,
        v,
        'not a Kubernetes quantity',
        `write it like '64', '1500m', '512Gi' or '2Ti'`,
      );
    }
  }
  if (r.pods !== undefined) checkPositive(c, `${path}.pods`, r.pods, 'the pod limit');
  if (r.persistentVolumeClaims !== undefined) {
    checkPositive(c, `${path}.persistentVolumeClaims`, r.persistentVolumeClaims, 'the PVC limit');
  }
}

/** Checks one tenant against the site's pools (the pools themselves are checked by checkPool). */
export function checkTenant(
  c: IssueCollector,
  tenant: TenantSpec,
  pools: readonly NodePoolSpec[],
  path: string,
  options: { readonly requireAllocation?: boolean } = {},
): void {
  checkName(c, `${path}.name`, tenant.name, 'a tenant name (it is also the namespace name)');
  if (RESERVED_NAMESPACES.includes(tenant.name)) {
    c.add(
      'NAME_INVALID',
      `${path}.name`,
      tenant.name,
      'that namespace belongs to Kubernetes or to the platform',
      'choose another tenant name',
    );
  }
  if (!ACCESS_MODES.includes(tenant.accessMode)) {
    c.add(
      'VALUE_INVALID',
      `${path}.accessMode`,
      tenant.accessMode,
      'unknown access mode',
      `use one of: ${ACCESS_MODES.join(', ')}`,
    );
  }
  if (tenant.sector !== undefined && !isLabelValue(tenant.sector)) {
    c.add(
      'LABEL_INVALID',
      `${path}.sector`,
      tenant.sector,
      'the sector is written to a label and is not a valid label value',
      "use e.g. 'earth-climate'",
    );
  }
  checkAllocation(c, tenant, pools, path, options.requireAllocation ?? false);
  checkGpuGrants(c, tenant, pools, path);
  if (tenant.resources) checkResources(c, `${path}.resources`, tenant.resources);
  checkTenantGroups(c, tenant, path);
  checkEgressCidrs(c, tenant.egressCidrs ?? [], path);
}

/** A tenant's GPU grants: each with a valid amount, once per pool and MIG profile, on what a pool offers. */
function checkGpuGrants(
  c: IssueCollector,
  tenant: TenantSpec,
  pools: readonly NodePoolSpec[],
  path: string,
): void {
  const byName = new Map(pools.map((p) => [p.name, p]));
  const seenGrant = new Set<string>();
  (tenant.gpus ?? []).forEach((grant, j) => {
    const gpath = `${path}.gpus[${j}]`;
    checkGrantAmount(c, tenant, grant, gpath);
    const pool = byName.get(grant.pool);
    const key = `${grant.pool}/${grant.migProfile ?? ''}`;
    if (seenGrant.has(key)) {
      c.add(
        'NAME_DUPLICATE',
        gpath,
        grant,
        `pool '${grant.pool}'${grant.migProfile ? ` profile ${grant.migProfile}` : ''} is granted twice`,
        'merge the two grants into one',
      );
    }
    seenGrant.add(key);
    if (!pool) {
      c.add(
        'TENANT_GPU_UNAVAILABLE',
        `${gpath}.pool`,
        grant.pool,
        'the site has no pool of that name',
        `use one of the site's pools: ${pools.map((p) => p.name).join(', ') || '(none defined)'}`,
      );
      return;
    }
    checkGrantProfile(c, grant, pool, gpath);
  });
}

/** A grant's MIG profile is one the pool offers; a grant on a MIG pool names one, on another none. */
function checkGrantProfile(
  c: IssueCollector,
  grant: TenantGpuGrant,
  pool: NodePoolSpec,
  gpath: string,
): void {
  if (grant.migProfile !== undefined && !pool.mig?.profiles[grant.migProfile]) {
    const offered = Object.keys(pool.mig?.profiles ?? {}).sort();
    c.add(
      'TENANT_GPU_UNAVAILABLE',
      `${gpath}.migProfile`,
      grant.migProfile,
      `pool '${pool.name}' offers no MIG instances of that profile`,
      offered.length > 0
        ? `use one of: ${offered.join(', ')}`
        : `remove migProfile: pool '${pool.name}' offers whole GPUs`,
    );
  } else if (grant.migProfile === undefined && pool.mig) {
    c.add(
      'TENANT_GPU_UNAVAILABLE',
      `${gpath}.migProfile`,
      undefined,
      `pool '${pool.name}' is partitioned with MIG and offers no whole GPUs`,
      `set migProfile to one of: ${Object.keys(pool.mig.profiles).sort().join(', ')}`,
    );
  }
}

/**
 * A tenant's identity-provider groups: lists of names, at least one admin group, and no empty names
 * or Kubernetes system groups.
 */
function checkTenantGroups(c: IssueCollector, tenant: TenantSpec, path: string): void {
  // Lists, not strings: a string would be spread into one group per character.
  const rawAdmins: unknown = tenant.groups?.admins;
  const rawMembers: unknown = tenant.groups?.members;
  for (const [key, raw] of [
    ['admins', rawAdmins],
    ['members', rawMembers],
  ] as const) {
    if (raw !== undefined && !Array.isArray(raw)) {
      c.add(
        'GROUPS_MISSING',
        `${path}.groups.${key}`,
        raw,
        'groups must be a list of group names',
        `write ${path}.groups.${key} as ['idp:group-name']`,
      );
    }
  }
  const admins: unknown[] = Array.isArray(rawAdmins) ? rawAdmins : [];
  const members: unknown[] = Array.isArray(rawMembers) ? rawMembers : [];
  if ((Array.isArray(rawAdmins) && admins.length === 0) || rawAdmins === undefined) {
    c.add(
      'GROUPS_MISSING',
      `${path}.groups.admins`,
      rawAdmins,
      'a tenant needs at least one admin group from the identity provider',
      'name the IdP group of the project leads, e.g. `EHPC-AIF-2026PG01-0042-admins`',
    );
  }
  [...admins, ...members].forEach((g) => {
    if (typeof g !== 'string' || g.trim() === '' || g.startsWith('system:')) {
      c.add(
        'GROUPS_MISSING',
        `${path}.groups`,
        g,
        'a group name is empty or names a Kubernetes system group',
        'name groups of the identity provider',
      );
    }
  });
}

/** The blocks a tenant's egress may reach: CIDR blocks, none of them careless (carelessCidr). */
function checkEgressCidrs(c: IssueCollector, cidrs: readonly string[], path: string): void {
  cidrs.forEach((cidr, j) => {
    if (!isCidr(cidr)) {
      c.add(
        'CIDR_INVALID',
        `${path}.egressCidrs[${j}]`,
        cidr,
        'not a CIDR block',
        "write it like '10.20.0.0/16' or '2001:db8::/48'",
      );
    } else {
      const problem = carelessCidr(cidr);
      if (problem) {
        c.add(
          'CIDR_INVALID',
          `${path}.egressCidrs[${j}]`,
          cidr,
          problem,
          'name the proxies or services the tenant needs, each as a narrow block (a /32 for one host)',
        );
      }
    }
  });
}

/**
 * The cluster network facts of a profile: address blocks that parse, ports that exist. They open
 * flows in the operator namespaces, so a block that opens everything (`0.0.0.0/0`) is refused too:
 * leaving the field out states "any address" plainly.
 */
function checkNetwork(c: IssueCollector, profile: SiteProfile): void {
  const n = profile.network;
  if (!n) return;
  for (const field of ['apiServerCidrs', 'slurmLoginCidrs'] as const) {
    (n[field] ?? []).forEach((cidr, i) => {
      const path = `network.${field}[${i}]`;
      if (!isCidr(cidr)) {
        c.add(
          'CIDR_INVALID',
          path,
          cidr,
          'not a CIDR block',
          "write it like '10.0.0.10/32' or '2001:db8::/64'",
        );
      } else if (Number(cidr.split('/')[1]) === 0) {
        c.add(
          'CIDR_INVALID',
          path,
          cidr,
          'a /0 block is every address, which is what leaving the field out already means',
          `name the addresses, or leave network.${field} out`,
        );
      }
    });
  }
  (n.apiServerPorts ?? []).forEach((port, i) => {
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      c.add(
        'VALUE_INVALID',
        `network.apiServerPorts[${i}]`,
        port,
        'not a TCP port',
        'use a whole number from 1 to 65535, e.g. 6443 (kubeadm) or 443',
      );
    }
  });
  if (n.apiServerPorts && n.apiServerPorts.length === 0) {
    c.add(
      'VALUE_INVALID',
      'network.apiServerPorts',
      n.apiServerPorts,
      'no port: every operator would lose the API server',
      'list the ports the API server listens on, or leave the field out for 443 and 6443',
    );
  }
}

/** The widest egress block a tenant may name: IPv4 /16, IPv6 /48. */
const WIDEST_EGRESS = { v4: 16, v6: 48 };

/**
 * Why an egress block would open more than a tenant should reach, if it would: the whole internet
 * (also in pieces, like `0.0.0.0/1` and `128.0.0.0/1`), a whole private range such as `10.0.0.0/8`
 * (which holds the cluster's own pod and Service networks at most sites, and NetworkPolicy `ipBlock`
 * matches pod addresses with many CNIs), or link-local addresses, where cloud and node metadata
 * services answer (169.254.169.254).
 */
export function carelessCidr(cidr: string): string | undefined {
  const [address, bits] = cidr.split('/');
  const prefix = Number(bits);
  if (address.includes(':')) {
    if (prefix === 0) return 'this opens egress to the whole internet and defeats the default-deny policy';
    if (/^fe[89ab]/i.test(address))
      return "link-local addresses reach node and metadata services, not a tenant's peers";
    if (prefix < WIDEST_EGRESS.v6)
      return `a /${prefix} is wider than the /${WIDEST_EGRESS.v6} a tenant may name: it would reach far more than one service`;
    return undefined;
  }
  if (prefix === 0) return 'this opens egress to the whole internet and defeats the default-deny policy';
  const first = address.split('.').map(Number);
  if (first[0] === 169 && first[1] === 254)
    return "link-local addresses reach node and cloud metadata services (169.254.169.254), not a tenant's peers";
  if (prefix < WIDEST_EGRESS.v4)
    return `a /${prefix} is wider than the /${WIDEST_EGRESS.v4} a tenant may name: it would reach far more than one service (whole private ranges hold the cluster's own networks)`;
  return undefined;
}

function checkGrantAmount(c: IssueCollector, tenant: TenantSpec, grant: TenantGpuGrant, gpath: string): void {
  if ((grant.count === undefined) === (grant.gpuHours === undefined)) {
    c.add(
      'GRANT_AMOUNT_INVALID',
      gpath,
      grant,
      'a grant needs either an explicit count or a GPU-hour budget, not both or neither',
      `set ${gpath}.count (GPUs or MIG instances) or ${gpath}.gpuHours (a budget over the tenant's allocation period)`,
    );
    return;
  }
  if (grant.count !== undefined) {
    checkPositive(c, `${gpath}.count`, grant.count, 'a GPU count');
    return;
  }
  const hours = grant.gpuHours;
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0) {
    c.add(
      'GRANT_AMOUNT_INVALID',
      `${gpath}.gpuHours`,
      hours,
      'a GPU-hour budget must be a number greater than zero',
      `set ${gpath}.gpuHours, e.g. 50000`,
    );
  } else if (!tenant.allocation) {
    c.add(
      'ALLOCATION_MISSING',
      `${gpath}.gpuHours`,
      hours,
      'a GPU-hour budget needs the period it is spread over',
      "set the tenant's allocation: { projectId: 'EHPC-AIF-2026FL01-0001', start: '2026-01-01', end: '2026-03-31' }",
    );
  }
}

/** Project id, dates and the access mode's limits on a tenant's allocation. */
function checkAllocation(
  c: IssueCollector,
  tenant: TenantSpec,
  pools: readonly NodePoolSpec[],
  path: string,
  requireAllocation: boolean,
): void {
  const preset = ACCESS_MODES.includes(tenant.accessMode) ? accessModePreset(tenant.accessMode) : undefined;
  const a = tenant.allocation;
  let periodOk = false;
  if (a) {
    const apath = `${path}.allocation`;
    if (typeof a.projectId !== 'string' || !PROJECT_ID.test(a.projectId)) {
      c.add(
        'PROJECT_ID_INVALID',
        `${apath}.projectId`,
        a.projectId,
        'not a EuroHPC AI Factory project id',
        "write it like 'EHPC-AIF-2026PG01-0042'",
      );
    }
    periodOk = checkAllocationPeriod(c, a, preset, apath);
  }
  if (!preset) return;
  // EuroHPC access is always a project with a period: without them the mode's limits, the project
  // id on the namespace and the report's expiry check would all be skipped.
  if (requireAllocation && !a && preset.duration.kind !== 'any') {
    c.add(
      'ALLOCATION_MISSING',
      `${path}.allocation`,
      undefined,
      `a ${preset.displayName} tenant needs its allocation: the project id and the period it was granted for`,
      "set allocation: { projectId: 'EHPC-AIF-2026FL01-0001', start: '2026-01-01', end: '2026-03-31' }, or use the 'internal' mode for the site's own staff",
    );
  }
  const totals = checkGrantsWithinPools(c, tenant, pools, path, periodOk);
  checkModeLimits(c, preset, totals, (tenant.gpus ?? []).length > 0, path);
}

/**
 * An allocation's dates (at `apath`): both dates, in order, over a period the access mode allows.
 * Returns whether the period is usable (both dates valid and in order).
 */
function checkAllocationPeriod(
  c: IssueCollector,
  a: TenantAllocation,
  preset: AccessModePreset | undefined,
  apath: string,
): boolean {
  const s = parseDate(a.start);
  const e = parseDate(a.end);
  if (s === undefined)
    c.add(
      'DATE_INVALID',
      `${apath}.start`,
      a.start,
      'not a date of the form YYYY-MM-DD',
      "write it like '2026-01-15'",
    );
  if (e === undefined)
    c.add(
      'DATE_INVALID',
      `${apath}.end`,
      a.end,
      'not a date of the form YYYY-MM-DD',
      "write it like '2026-04-14'",
    );
  if (s === undefined || e === undefined) return false;
  if (e < s) {
    c.add(
      'PERIOD_INVALID',
      `${apath}.end`,
      a.end,
      `the allocation ends before it starts (${a.start})`,
      'swap the dates or correct the end date',
    );
    return false;
  }
  const rule = preset?.duration;
  const fits = !rule || periodFits(rule, a.start, a.end);
  if (!fits && rule && preset) {
    c.add(
      'DURATION_NOT_ALLOWED',
      apath,
      { start: a.start, end: a.end },
      `${preset.displayName} allocations last ${describeDuration(rule)}; this one lasts ${periodDays(a.start, a.end)} days (${periodMonths(a.start, a.end)} months)`,
      `change the end date, or the access mode`,
    );
  }
  return true;
}

/** What a tenant's grants add up to, for its access mode's limits. */
interface GrantTotals {
  /** GPU-hours over the allocation's period. */
  readonly budget: number;
  /** Whether `budget` counts every grant (a valid period, and every grant's amount known). */
  readonly budgetKnown: boolean;
  /** GPU-equivalents held at once. */
  readonly share: number;
}

/**
 * Adds up the tenant's grants whose pools and amounts are valid, and checks that each fits its
 * pool's offer.
 */
function checkGrantsWithinPools(
  c: IssueCollector,
  tenant: TenantSpec,
  pools: readonly NodePoolSpec[],
  path: string,
  periodOk: boolean,
): GrantTotals {
  const a = tenant.allocation;
  const byName = new Map(pools.map((p) => [p.name, p]));
  let budget = 0;
  let budgetKnown = periodOk;
  let share = 0;
  for (const [j, g] of (tenant.gpus ?? []).entries()) {
    const pool = byName.get(g.pool);
    if (!pool || !findAccelerator(pool.accelerator)) continue;
    if (g.migProfile !== undefined && !pool.mig?.profiles[g.migProfile]) continue;
    if (g.migProfile === undefined && pool.mig) continue;
    const amountOk =
      g.count !== undefined
        ? isPositiveInteger(g.count) && g.gpuHours === undefined
        : typeof g.gpuHours === 'number' && g.gpuHours > 0;
    if (!amountOk || (g.count === undefined && !periodOk)) {
      budgetKnown = false;
      continue;
    }
    let units: number;
    try {
      units = grantUnits(pool, g, periodOk ? a : undefined);
      share += units * unitGpuEquivalent(pool, g);
      const hours = periodOk ? grantGpuHours(pool, g, a) : undefined;
      if (hours === undefined) budgetKnown = false;
      else budget += hours;
      const offer = poolOffers(pool).find((o) => o.resource === grantResource(pool, g));
      if (offer && units > offer.units) {
        c.add(
          'TENANT_SHARE_EXCEEDS_POOL',
          `${path}.gpus[${j}]`,
          g,
          `the grant comes to ${units} ${offer.resource}, but pool '${pool.name}' holds ${offer.units}`,
          g.gpuHours !== undefined
            ? 'lower the budget, lengthen the period, or use a larger pool'
            : 'lower the count, or use a larger pool',
        );
      }
    } catch {
      budgetKnown = false;
    }
  }
  return { budget, budgetKnown, share };
}

/**
 * The access mode's limits on the grants together: the GPU-hour budget within the mode's bounds
 * (where it is known and there are grants), and the GPU-equivalents held at once.
 */
function checkModeLimits(
  c: IssueCollector,
  preset: AccessModePreset,
  { budget, budgetKnown, share }: GrantTotals,
  hasGrants: boolean,
  path: string,
): void {
  const round = (n: number) => Math.round(n).toLocaleString('en-GB');
  if (budgetKnown && hasGrants) {
    if (preset.maxGpuHours !== undefined && budget > preset.maxGpuHours + 1e-6) {
      c.add(
        'BUDGET_OUTSIDE_MODE',
        `${path}.gpus`,
        round(budget),
        `${preset.displayName} allows at most ${round(preset.maxGpuHours)} GPU-hours; the grants come to ${round(budget)}`,
        preset.id === 'fast-lane'
          ? 'lower the budget, or apply for Large Scale access'
          : 'lower the budget, or use another access mode',
      );
    }
    if (preset.gpuHoursAbove !== undefined && budget <= preset.gpuHoursAbove) {
      c.add(
        'BUDGET_OUTSIDE_MODE',
        `${path}.gpus`,
        round(budget),
        `${preset.displayName} is for budgets above ${round(preset.gpuHoursAbove)} GPU-hours; the grants come to ${round(budget)}`,
        'use Fast Lane for this budget, or raise it',
      );
    }
  }
  if (preset.maxGpus !== undefined && share > preset.maxGpus + 1e-6) {
    c.add(
      'SHARE_EXCEEDS_MODE',
      `${path}.gpus`,
      Math.round(share * 100) / 100,
      `${preset.displayName} tenants hold at most ${preset.maxGpus} GPU-equivalents at once; the grants come to ${Math.round(share * 100) / 100}`,
      'lower the grants, or use another access mode',
    );
  }
}

/**
 * Checks that the tenants' grants fit the pools, per resource of each pool, within the pool's
 * stated over-commit factor.
 */
export function checkCapacity(c: IssueCollector, profile: SiteProfile): void {
  profile.nodePools.forEach((pool, i) => {
    if (!findAccelerator(pool.accelerator)) return;
    let offers;
    try {
      offers = poolOffers(pool);
    } catch {
      return; // the pool's own problems are already reported
    }
    const factor = pool.overcommit && pool.overcommit.factor >= 1 ? pool.overcommit.factor : 1;
    for (const offer of offers) {
      const takers: Record<string, number> = {};
      let total = 0;
      for (const tenant of profile.tenants) {
        for (const grant of tenant.gpus ?? []) {
          if (grant.pool !== pool.name) continue;
          if (grant.migProfile !== undefined && !pool.mig?.profiles[grant.migProfile]) continue;
          if (grantResource(pool, grant) !== offer.resource) continue;
          const units = validGrantUnits(pool, grant, tenant.allocation);
          if (units === undefined) continue;
          takers[tenant.name] = (takers[tenant.name] ?? 0) + units;
          total += units;
        }
      }
      const allowed = Math.floor(offer.units * factor);
      if (total > allowed) {
        const held =
          factor === 1
            ? `which holds ${offer.units}`
            : `which holds ${offer.units} and may be over-committed ${factor}x to ${allowed}`;
        c.add(
          'POOL_OVERCOMMITTED',
          `nodePools[${i}]`,
          takers,
          `tenants are granted ${total} ${offer.resource} of pool '${pool.name}', ${held}`,
          `lower the tenants' grants on pool '${pool.name}' by ${total - allowed}, add nodes, or state an over-commit factor with its reason (nodePools[${i}].overcommit)`,
        );
      }
    }
  });
}

/** The oldest Pod Security Standards version tenants may pin: Pod Security admission went GA in 1.25. */
const OLDEST_POD_SECURITY_MINOR = 25;

/** Every problem of a site profile; an empty list means the profile can be built. */
export function siteIssues(profile: SiteProfile, date?: string): readonly ValidationIssue[] {
  const c = new IssueCollector();
  // The day allocations are judged against: expired ones no longer hold pool capacity.
  const today = date ?? synthesisDate(process.env, c);
  // Every other check assumes the profile's shape; report shape problems alone, all of them, and
  // misspelled fields, which would be ignored, before anything relies on them.
  const shapeOk = checkSchema(c, profile);
  if (!shapeOk) return c.issues;
  // The site's own GPU models first: the pools below may name them.
  declareSiteAccelerators(c, profile.accelerators ?? []);
  checkSiteName(c, profile);
  checkKubernetesConnection(c, profile);
  checkPodSecurityVersion(c, profile.podSecurityVersion);
  checkBackends(c, profile);

  const pools = profile.nodePools ?? [];
  const tenants = profile.tenants ?? [];
  // Retired tenants keep their namespace and storage, but no longer hold GPUs or queues; nor do
  // tenants whose allocation has ended (their GPU quota is zero), so their GPUs are free again.
  const active = tenants.filter((t) => !t.retired && holdsGpus(t.allocation, today));
  checkDuplicates(c, pools, 'nodePools', 'pool');
  checkDuplicates(c, tenants, 'tenants', 'tenant');
  checkRetiredTenants(c, profile, today);

  const owner = checkPools(c, pools, profile.accelerators ?? []);
  checkCpuPools(c, profile, owner);
  checkOvercommits(c, pools);
  checkTimeSlicingShared(c, pools, active);
  checkTenantPriorityClasses(c, profile.tenantPriorityClasses, 'tenantPriorityClasses');
  if (profile.tenantPods) checkTenantPods(c, profile.tenantPods, 'tenantPods');
  checkNetwork(c, profile);
  checkSiteAccessModes(c, profile.accessModes ?? []);
  checkSiteTenants(c, profile, pools, tenants);
  checkCarelessInputs(c, profile);
  checkCapacity(c, { ...profile, nodePools: pools, tenants: active });
  checkStorage(c, { ...profile, nodePools: pools, tenants });
  checkSchedulers(c, { ...profile, nodePools: pools, tenants: active });
  checkMirror(c, profile.mirror);
  return c.issues;
}

/** Declares the profile's own accelerator models, each that can be; reports the others. */
function declareSiteAccelerators(c: IssueCollector, models: readonly AcceleratorModel[]): void {
  models.forEach((model, i) => {
    const problems = acceleratorProblems(model);
    if (problems.length > 0)
      c.add(
        'VALUE_INVALID',
        `accelerators[${i}]`,
        model?.id,
        `the accelerator model cannot be declared: ${problems.join('; ')}`,
        'correct the model (docs/profile.md#accelerators), or use a model of the catalog',
      );
    else declareAccelerator(model);
  });
}

/** The site's name (a DNS label of 40 characters at most, for suffixed label values) and display name. */
function checkSiteName(c: IssueCollector, profile: SiteProfile): void {
  checkName(c, 'name', profile.name, 'the site name');
  if (typeof profile.name === 'string' && profile.name.length > 40) {
    c.add(
      'NAME_INVALID',
      'name',
      profile.name,
      'the site name is longer than 40 characters and would not fit into label values with a suffix',
      'shorten it',
    );
  }
  if (typeof profile.displayName !== 'string' || profile.displayName.trim() === '') {
    c.add(
      'VALUE_INVALID',
      'displayName',
      profile.displayName,
      'the display name is empty',
      'set a human-readable name for reports',
    );
  }
}

/** The kubeconfig path and context: both named, so a deploy goes to this site's cluster. */
function checkKubernetesConnection(c: IssueCollector, profile: SiteProfile): void {
  if (!profile.kubernetes || !profile.kubernetes.configPath) {
    c.add(
      'CONNECTION_INVALID',
      'kubernetes.configPath',
      profile.kubernetes?.configPath,
      'no kubeconfig path',
      "set it, e.g. '~/.kube/config'",
    );
  }
  if (!profile.kubernetes || !profile.kubernetes.context) {
    c.add(
      'CONNECTION_INVALID',
      'kubernetes.context',
      profile.kubernetes?.context,
      'no kubeconfig context: a deploy would go to whatever context is current',
      "name the context of this site's cluster",
    );
  }
}

/** The Pod Security version tenants' namespaces pin: `v1.<minor>`, not older than admission's GA. */
function checkPodSecurityVersion(c: IssueCollector, version: string | undefined): void {
  const psMinor = /^v1\.(\d+)$/.exec(version ?? '');
  if (version !== undefined && !psMinor) {
    c.add(
      'VALUE_INVALID',
      'podSecurityVersion',
      version,
      "the Pod Security version must be pinned like 'v1.33' ('latest' changes with cluster upgrades)",
      "set it to the cluster's minor version, e.g. 'v1.33'",
    );
  } else if (psMinor && Number(psMinor[1]) < OLDEST_POD_SECURITY_MINOR) {
    c.add(
      'VALUE_INVALID',
      'podSecurityVersion',
      version,
      `Pod Security admission went GA in Kubernetes 1.${OLDEST_POD_SECURITY_MINOR}; an older version pins rules the cluster no longer ships`,
      "pin the cluster's own minor version, e.g. 'v1.33'",
    );
  }
}

/** The kinds the site picks among: its Terraform state backend and the GPU driver's mode. */
function checkBackends(c: IssueCollector, profile: SiteProfile): void {
  if (profile.state && !['local', 'kubernetes'].includes(profile.state.kind)) {
    c.add(
      'VALUE_INVALID',
      'state.kind',
      (profile.state as { kind: unknown }).kind,
      'unknown state backend',
      "use 'local' or 'kubernetes'",
    );
  }
  if (
    profile.gpuOperator?.driver !== undefined &&
    !['host', 'operator'].includes(profile.gpuOperator.driver)
  ) {
    c.add(
      'VALUE_INVALID',
      'gpuOperator.driver',
      profile.gpuOperator.driver,
      'unknown driver mode',
      "use 'host' or 'operator'",
    );
  }
}

/**
 * Each GPU pool (checkPool), and no listed node in two of them: a listed node has one taint list,
 * owned by one pool. Returns the pool of each listed node, for the CPU pools' check.
 */
function checkPools(
  c: IssueCollector,
  pools: readonly NodePoolSpec[],
  declared: readonly AcceleratorModel[],
): Map<string, string> {
  const owner = new Map<string, string>();
  pools.forEach((pool, i) => {
    const hosts = checkPool(c, pool, `nodePools[${i}]`, declared);
    for (const h of hosts) {
      const other = owner.get(h);
      if (other !== undefined && other !== pool.name) {
        c.add(
          'NODE_IN_TWO_POOLS',
          `nodePools[${i}].nodes.hostlist`,
          h,
          `node '${h}' is also listed in pool '${other}'; each listed node has one taint list, owned by one pool`,
          'list each node in one pool only',
        );
      }
      owner.set(h, pool.name);
    }
  });
  return owner;
}

/** A pool's over-commit: a factor of at least 1, and the reason for it. */
function checkOvercommits(c: IssueCollector, pools: readonly NodePoolSpec[]): void {
  pools.forEach((pool, i) => {
    if (pool.overcommit && (!(pool.overcommit.factor >= 1) || !pool.overcommit.reason?.trim())) {
      c.add(
        'VALUE_INVALID',
        `nodePools[${i}].overcommit`,
        pool.overcommit,
        'an over-commit needs a factor of at least 1 and a stated reason',
        "write e.g. { factor: 1.5, reason: 'Playground tenants rarely run at once' }",
      );
    }
  });
}

/**
 * Time-sliced GPUs isolate neither memory nor faults: one active tenant per time-sliced pool,
 * unless the site states the pool may be shared (`timeSlicingSharedByTenants`).
 */
function checkTimeSlicingShared(
  c: IssueCollector,
  pools: readonly NodePoolSpec[],
  active: readonly TenantSpec[],
): void {
  pools.forEach((pool, i) => {
    if (!pool.timeSlicingReplicas || pool.timeSlicingSharedByTenants) return;
    const sharing = active.filter((t) => (t.gpus ?? []).some((g) => g.pool === pool.name)).map((t) => t.name);
    if (sharing.length > 1) {
      c.add(
        'TIME_SLICING_SHARED',
        `nodePools[${i}]`,
        sharing,
        `tenants ${sharing.join(', ')} would share the time-sliced GPUs of pool '${pool.name}', which isolate neither memory nor faults between them`,
        `give each tenant its own time-sliced pool, or set nodePools[${i}].timeSlicingSharedByTenants: true where no tenant's data needs protecting from another`,
      );
    }
  });
}

/** The access modes the site offers (`accessModes`): known ones only. */
function checkSiteAccessModes(c: IssueCollector, modes: readonly AccessMode[]): void {
  modes.forEach((m, i) => {
    if (!ACCESS_MODES.includes(m)) {
      c.add(
        'VALUE_INVALID',
        `accessModes[${i}]`,
        m,
        'unknown access mode',
        `use one of: ${ACCESS_MODES.join(', ')}`,
      );
    }
  });
}

/** Each tenant (checkTenant, with its allocation required), in an access mode the site offers. */
function checkSiteTenants(
  c: IssueCollector,
  profile: SiteProfile,
  pools: readonly NodePoolSpec[],
  tenants: readonly TenantSpec[],
): void {
  tenants.forEach((t, i) => {
    // A site profile is EuroHPC access: its tenants need their allocation (constructs used directly
    // serve whatever policy the operator's own code expresses).
    checkTenant(c, t, pools, `tenants[${i}]`, { requireAllocation: true });
    if (
      profile.accessModes &&
      ACCESS_MODES.includes(t.accessMode) &&
      !profile.accessModes.includes(t.accessMode)
    ) {
      c.add(
        'ACCESS_MODE_NOT_OFFERED',
        `tenants[${i}].accessMode`,
        t.accessMode,
        `the site offers only: ${profile.accessModes.join(', ')}`,
        "choose one of those modes, or add this one to the site's accessModes",
      );
    }
  });
}

/**
 * PriorityClasses tenants may name: never the cluster's `system-*` classes nor the library's `aif-*`
 * ones (the profile's `tenantPriorityClasses`, `TenantGuardrails`' `allowedPriorityClasses`).
 */
export function checkTenantPriorityClasses(
  c: IssueCollector,
  classes: readonly string[] | undefined,
  path: string,
): void {
  (classes ?? []).forEach((pc, i) => {
    const reason = pc.startsWith('system-')
      ? "the system-* PriorityClasses are for the cluster's own components; a tenant pod with one outranks every other workload"
      : pc.startsWith(OWN_NAME_PREFIX)
        ? `'${OWN_NAME_PREFIX}' classes are the library's own (the Slurm cluster's pods run at the highest user priority)`
        : undefined;
    if (reason) {
      c.add(
        'VALUE_INVALID',
        `${path}[${i}]`,
        pc,
        reason,
        "list only the cluster's globalDefault PriorityClass here",
      );
    }
  });
}

/** The longest grace period of a tenant pod unless the site sets one (`TenantPodsSpec`). */
export const DEFAULT_MAX_GRACE_PERIOD_SECONDS = 300;

/**
 * The drivers of the library's storage tiers, by name or suffix: an inline volume of one mounts any
 * share or image by its address, past the tier's claims and quotas.
 */
const STORAGE_CSI_DRIVERS: readonly RegExp[] = [
  /^nfs\.csi\.k8s\.io$/,
  /(^|\.)(cephfs|rbd)\.csi\.ceph\.com$/,
  /^topolvm\.io$/,
];

/** A profile's `tenantPods`, or `TenantGuardrails`' props of the same names. */
export function checkTenantPods(c: IssueCollector, spec: TenantPodsSpec, path: string): void {
  const grace = spec.maxGracePeriodSeconds;
  if (grace !== undefined && (!Number.isInteger(grace) || grace < 1 || grace > 3600)) {
    c.add(
      'VALUE_INVALID',
      `${path}.maxGracePeriodSeconds`,
      grace,
      'must be a whole number of seconds from 1 to 3600: pods of an evicted job keep their GPUs that long',
      `use ${DEFAULT_MAX_GRACE_PERIOD_SECONDS} (the default), or the time a job needs to write a checkpoint`,
    );
  }
  (spec.inlineCsiDrivers ?? []).forEach((d, i) => {
    if (d.length > 253 || !DNS_SUBDOMAIN.test(d)) {
      c.add(
        'VALUE_INVALID',
        `${path}.inlineCsiDrivers[${i}]`,
        d,
        'is not a CSI driver name (a DNS subdomain such as secrets-store.csi.k8s.io)',
        "use the name of the driver's CSIDriver object",
      );
    } else if (STORAGE_CSI_DRIVERS.some((r) => r.test(d))) {
      c.add(
        'VALUE_INVALID',
        `${path}.inlineCsiDrivers[${i}]`,
        d,
        'is a storage driver: an inline volume of it mounts any share or image by its address, past the storage tiers, their claims and quotas',
        "remove it; tenants reach storage through claims of the site's tiers",
      );
    }
  });
}

/** Bounds on numbers, at what a site can have; past them a value is a typo, not a site. */
const BOUNDS: ReadonlyArray<{
  readonly what: string;
  readonly max: number;
  /** Whose field it is, and where below that item's path. */
  readonly of: 'pool' | 'tenant';
  readonly field: string;
  readonly value: (item: NodePoolSpec & TenantSpec) => number | undefined;
}> = [
  {
    what: 'schedulable GPUs per node (the densest nodes have 8 GPUs, or 8 GCDs; 16 leaves room)',
    max: 16,
    of: 'pool',
    field: 'gpusPerNode',
    value: (pool) => pool.gpusPerNode,
  },
  {
    what: 'nodes in one pool',
    max: 100_000,
    of: 'pool',
    field: 'nodes.count',
    value: (pool) => ('count' in (pool.nodes ?? {}) ? (pool.nodes as { count: number }).count : undefined),
  },
  {
    what: 'time-slicing replicas per GPU',
    max: 64,
    of: 'pool',
    field: 'timeSlicingReplicas',
    value: (pool) => pool.timeSlicingReplicas,
  },
  {
    what: 'an over-commit factor',
    max: 10,
    of: 'pool',
    field: 'overcommit.factor',
    value: (pool) => pool.overcommit?.factor,
  },
  {
    what: 'pods or claims of one tenant namespace',
    max: 10_000,
    of: 'tenant',
    field: 'resources.pods',
    value: (t) => t.resources?.pods,
  },
  {
    what: 'pods or claims of one tenant namespace',
    max: 10_000,
    of: 'tenant',
    field: 'resources.persistentVolumeClaims',
    value: (t) => t.resources?.persistentVolumeClaims,
  },
];

/**
 * Numbers of one pool or tenant past what a site can have, each a problem at `<path>.<field>`: the
 * profile checks every pool and tenant this way, and `GpuNodePool` and `TenantNamespace` their props.
 */
export function checkBounds(
  c: IssueCollector,
  of: 'pool' | 'tenant',
  item: NodePoolSpec | TenantSpec,
  path: string,
): void {
  for (const bound of BOUNDS) {
    if (bound.of !== of) continue;
    const value = bound.value(item as NodePoolSpec & TenantSpec);
    if (typeof value === 'number' && value > bound.max) {
      c.add(
        'VALUE_INVALID',
        `${path}.${bound.field}`,
        value,
        `more than ${bound.max.toLocaleString('en-GB')} ${bound.what}`,
        `check the figure; it is at most ${bound.max.toLocaleString('en-GB')}`,
      );
    }
  }
}

/**
 * Inputs that validate one by one but open a door together: a state backend or a storage driver's
 * secrets in a namespace that is also a tenant's (tenant admins may read Secrets there), and
 * numbers no site has.
 */
function checkCarelessInputs(c: IssueCollector, profile: SiteProfile): void {
  const tenants = new Map((profile.tenants ?? []).map((t, i) => [t.name, i]));
  if (profile.state?.kind === 'kubernetes') {
    const ns = profile.state.namespace ?? 'kube-system';
    if (tenants.has(ns)) {
      c.add(
        'VALUE_INVALID',
        'state.namespace',
        ns,
        `the Terraform state Secrets would live in tenant namespace '${ns}', whose admins may read Secrets`,
        'keep state in a namespace of the platform, e.g. tfstate',
      );
    }
  }
  (profile.storageTiers ?? []).forEach((tier, i) => {
    const secrets = (tier.driver as { secrets?: { namespace?: string } } | undefined)?.secrets;
    const at = secrets?.namespace !== undefined ? tenants.get(secrets.namespace) : undefined;
    if (at !== undefined) {
      c.add(
        'NAME_INVALID',
        `tenants[${at}].name`,
        secrets?.namespace,
        `storage tier '${tier.name}' keeps its Ceph credentials in namespace '${secrets?.namespace}', which would make them readable by that tenant's admins`,
        `choose another tenant name, or move the secrets (storageTiers[${i}].driver.secrets.namespace)`,
      );
    }
  });
  (profile.nodePools ?? []).forEach((pool, i) => checkBounds(c, 'pool', pool, `nodePools[${i}]`));
  (profile.tenants ?? []).forEach((t, i) => checkBounds(c, 'tenant', t, `tenants[${i}]`));
}

/**
 * The CPU pools: names (DNS labels, none a GPU pool's or the CPU flavor's), their nodes (each listed
 * node in one pool of either kind), whole cores and a memory quantity per node.
 */
function checkCpuPools(c: IssueCollector, profile: SiteProfile, owner: Map<string, string>): void {
  const cpuPools = profile.cpuPools ?? [];
  checkDuplicates(c, cpuPools, 'cpuPools', 'CPU pool');
  const gpuPools = new Set((profile.nodePools ?? []).map((p) => p.name));
  cpuPools.forEach((pool, i) => {
    const path = `cpuPools[${i}]`;
    if (gpuPools.has(pool.name)) {
      c.add(
        'NAME_DUPLICATE',
        `${path}.name`,
        pool.name,
        `'${pool.name}' is the name of a GPU pool too; Slurm partitions and node labels name pools of both kinds`,
        'give the CPU pool another name',
      );
    }
    // Keyed apart from GPU pools, whose names a CPU pool must not take (reported above).
    const me = `CPU pool '${pool.name}'`;
    for (const h of checkCpuPool(c, pool, path)) {
      const other = owner.get(h);
      if (other !== undefined && other !== me) {
        c.add(
          'NODE_IN_TWO_POOLS',
          `${path}.nodes.hostlist`,
          h,
          `node '${h}' is also listed in ${other.startsWith('CPU pool') ? other : `pool '${other}'`}`,
          'list each node in one pool only',
        );
      }
      owner.set(h, me);
    }
  });
}

/**
 * One CPU pool on its own: a DNS-label name (not the CPU flavor's, `cpu-only`), its nodes, whole
 * cores and a memory quantity per node. Returns the listed node names.
 */
export function checkCpuPool(c: IssueCollector, pool: CpuPoolSpec, path: string): readonly string[] {
  checkName(c, `${path}.name`, pool.name, 'a CPU pool name');
  if (pool.name === 'cpu-only') {
    c.add(
      'NAME_INVALID',
      `${path}.name`,
      pool.name,
      "'cpu-only' names the Kueue ResourceFlavor of the CPU lane",
      'give the CPU pool another name',
    );
  }
  const hosts = checkNodeSelection(c, pool.nodes, path);
  checkPositive(c, `${path}.coresPerNode`, pool.coresPerNode, 'coresPerNode');
  if (!isQuantity(pool.memoryPerNode) || !(parseQuantity(pool.memoryPerNode) > 0)) {
    c.add(
      'QUANTITY_INVALID',
      `${path}.memoryPerNode`,
      pool.memoryPerNode,
      'not a Kubernetes memory quantity greater than zero',
      "write it like '480Gi'",
    );
  }
  return hosts;
}

/**
 * The record of retired tenants: valid names, each once, and never again the name of a tenant. A
 * namespace name once used at a site stays taken: the old tenant's namespace, its claims and their
 * data may still exist in the cluster (new claims never share old NFS directories: `subDir` must
 * contain the PV name, see checkTier).
 */
function checkRetiredTenants(c: IssueCollector, profile: SiteProfile, today: string): void {
  const retired = profile.retiredTenants ?? [];
  checkDuplicates(c, retired, 'retiredTenants', 'retired tenant');
  const index = new Map(retired.map((r, i) => [r.name, i]));
  retired.forEach((r, i) => {
    checkName(c, `retiredTenants[${i}].name`, r.name, 'a retired tenant name');
    (r.volumes ?? []).forEach((v, j) =>
      checkName(c, `retiredTenants[${i}].volumes[${j}]`, v, 'a volume name'),
    );
    if (r.dataDeleted !== undefined && parseDate(r.dataDeleted) === undefined) {
      c.add(
        'DATE_INVALID',
        `retiredTenants[${i}].dataDeleted`,
        r.dataDeleted,
        'not a date of the form YYYY-MM-DD',
        "write the day the namespace was deleted, like '2026-12-01'",
      );
    } else if (r.dataDeleted !== undefined && r.dataDeleted > today) {
      c.add(
        'DATE_INVALID',
        `retiredTenants[${i}].dataDeleted`,
        r.dataDeleted,
        `the day lies after ${today}: a deletion is recorded once it is done, and until then the data counts`,
        'set it on the day the namespace is deleted, or keep storage until then',
      );
    }
    if (r.storage === undefined && r.dataDeleted === undefined) {
      c.add(
        'RETIRED_STORAGE_UNKNOWN',
        `retiredTenants[${i}]`,
        r,
        `'${r.name}' left Terraform with its namespace and volumes, and the profile says neither what they take on the storage tiers nor that they were deleted`,
        `copy its storage grants (storage: [{ tier: 'work', capacity: '10Ti' }], or [] for none) until the namespace is deleted, then set dataDeleted: 'YYYY-MM-DD'`,
      );
    }
  });
  (profile.tenants ?? []).forEach((t, i) => {
    const at = index.get(t.name);
    if (at === undefined) return;
    c.add(
      'TENANT_NAME_RETIRED',
      `tenants[${i}].name`,
      t.name,
      `'${t.name}' belonged to a tenant that was retired (retiredTenants[${at}]); its namespace and data may still exist, and a tenant name is never reused`,
      t.retired
        ? `a tenant is either retired (retired: true, still in tenants) or taken out of Terraform (in retiredTenants): remove one of the two`
        : `choose a new name for the new tenant, e.g. '${t.name}-2'`,
    );
  });
}

const TERRAFORM_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** `host[:port]/path`, lower case, no scheme, tag or digest (an image reference's repository prefix). */
const REGISTRY_PATH = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/;

/**
 * The air-gapped mirror: a chart URL helm can pull from, an image registry path, and credentials
 * only by reference (a literal password would land in git and in cdk.tf.json).
 */
export function checkMirror(c: IssueCollector, mirror: SiteProfile['mirror']): void {
  if (mirror === undefined) return;
  if (!mirror || typeof mirror !== 'object') {
    c.add(
      'VALUE_INVALID',
      'mirror',
      mirror,
      'the mirror is not an object',
      'write `mirror: { charts: { url }, images: { registry } }`',
    );
    return;
  }
  const { charts, images } = mirror;
  if (charts !== undefined) {
    const url = charts && typeof charts === 'object' ? charts.url : undefined;
    let parsed: URL | undefined;
    try {
      parsed = typeof url === 'string' ? new URL(url) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['oci:', 'https:'].includes(parsed.protocol) || !parsed.hostname) {
      c.add(
        'MIRROR_URL_INVALID',
        'mirror.charts.url',
        url,
        'the chart mirror is not an oci:// or https:// URL',
        'use `oci://registry.site.example/charts` (an OCI registry path) or `https://charts.site.example/aif` (a chart repository)',
      );
    } else if (parsed.username || parsed.password) {
      c.add(
        'MIRROR_CREDENTIALS_INVALID',
        'mirror.charts.url',
        `${parsed.protocol}//***@${parsed.host}${parsed.pathname}`,
        'the chart mirror URL carries credentials, which would be committed and written into cdk.tf.json',
        'remove them from the URL and name Terraform variables in mirror.charts.credentials',
      );
    }
    const creds = charts && typeof charts === 'object' ? charts.credentials : undefined;
    if (creds !== undefined) checkMirrorCredentials(c, creds);
  }
  if (images !== undefined) {
    const registry = images && typeof images === 'object' ? images.registry : undefined;
    if (typeof registry !== 'string' || !REGISTRY_PATH.test(registry)) {
      c.add(
        'MIRROR_REGISTRY_INVALID',
        'mirror.images.registry',
        registry,
        'the image mirror is not a registry path (host, optional port, optional path; lower case; no scheme, tag or digest)',
        'write it like `registry.site.example/mirror`',
      );
    }
  }
}

function checkMirrorCredentials(c: IssueCollector, creds: unknown): void {
  const path = 'mirror.charts.credentials';
  const keys = creds && typeof creds === 'object' ? Object.keys(creds) : [];
  const literal = keys.filter((k) => k !== 'usernameVariable' && k !== 'passwordVariable');
  if (literal.length > 0 || keys.length === 0) {
    c.add(
      'MIRROR_CREDENTIALS_INVALID',
      path,
      // Never echo what may be a secret: only the keys.
      keys.length > 0 ? `{ ${keys.join(', ')} }` : creds,
      literal.length > 0
        ? `credentials are taken by reference only, not as ${literal.map((k) => `'${k}'`).join(', ')}`
        : 'the credentials name no Terraform variables',
      "name two Terraform variables, `{ usernameVariable: 'chart_mirror_username', passwordVariable: 'chart_mirror_password' }`, and set TF_VAR_chart_mirror_password where you deploy",
    );
    return;
  }
  const names = creds as { usernameVariable?: unknown; passwordVariable?: unknown };
  if (names.usernameVariable === names.passwordVariable) {
    c.add(
      'MIRROR_CREDENTIALS_INVALID',
      path,
      keys.length > 0 ? `{ ${keys.join(', ')} }` : creds,
      'the user name and the password are one variable',
      'name two different Terraform variables',
    );
  }
  for (const k of ['usernameVariable', 'passwordVariable'] as const) {
    const v = (creds as Record<string, unknown>)[k];
    if (typeof v !== 'string' || !TERRAFORM_NAME.test(v)) {
      c.add(
        'MIRROR_CREDENTIALS_INVALID',
        `${path}.${k}`,
        v,
        'not a Terraform variable name',
        'use letters, digits, _ and -, starting with a letter or _',
      );
    }
  }
}

/**
 * What an operator should know about a valid profile on `date` without it being an error: tenants
 * whose allocation has ended, which hold no GPUs until they are renewed or retired. One line each,
 * path first.
 */
export function allocationWarnings(profile: SiteProfile, date: string): string[] {
  const lines: string[] = [];
  (profile.tenants ?? []).forEach((t, i) => {
    if (t.retired || !t.allocation || allocationStatus(t.allocation, date) !== 'expired') return;
    lines.push(
      `tenants[${i}] '${t.name}': allocation ${t.allocation.projectId} ended on ${t.allocation.end}, before ${date}: its GPU quota is 0, its GPU queue is stopped and its GPUs are free for other grants (namespace, volumes and CPU queue stay). Renew it (a later allocation.end) or retire the tenant (retired: true, docs/offboarding.md)`,
    );
  });
  return lines;
}

/** Validates a site profile; throws a ValidationError listing every problem at once. */
export function validateSite(profile: SiteProfile): void {
  const issues = siteIssues(profile);
  if (issues.length === 0) return;
  // A malformed profile may be anything, also null: its name only where it has one.
  const name: unknown = profile !== null && typeof profile === 'object' ? profile.name : undefined;
  throw new ValidationError(`site profile${typeof name === 'string' ? ` '${name}'` : ''}`, issues);
}
