import { GpuNodePool } from '../compute/node-pool';
import { SCHEDULER_LABEL } from '../model/names';
import { celPositiveQuantity } from '../platform/admission';
import { celHasPath } from '../platform/policy-parts';

/**
 * The node label kubelet sets to the node's hostname
 * (https://kubernetes.io/docs/reference/labels-annotations-taints/#kubernetesiohostname). Selecting
 * a node by name (this label, `matchFields` on `metadata.name`, `nodeName`) is refused whatever the
 * name: the library does not know the nodes of a label-selected pool, and a list of every listed
 * node (3,456 at Leonardo) would make the policy's CEL grow with the site. CPU work selects CPU
 * nodes by their labels.
 */
const HOSTNAME_LABEL = 'kubernetes.io/hostname';

/**
 * Node label key prefixes a tenant may not select on, with any value: the labels the GPU operators
 * and Node Feature Discovery put on GPU nodes whatever pool they are in (NVIDIA's GPU feature
 * discovery `nvidia.com/gpu.product`, `nvidia.com/mig.*`; AMD's labeller `amd.com/gpu.*` and
 * `beta.amd.com/gpu.*`; NFD's PCI device labels `feature.node.kubernetes.io/pci-10de.present` for
 * NVIDIA and `pci-1002` for AMD), and the node roles (`node-role.kubernetes.io/control-plane`).
 * NFD's CPU and kernel labels (`feature.node.kubernetes.io/cpu-*`) stay usable: every node has
 * them. Only `DoesNotExist` passes in an affinity term: it keeps a pod away.
 */
export const REFUSED_NODE_LABEL_PREFIXES: readonly string[] = [
  'amd.com/',
  'beta.amd.com/',
  'feature.node.kubernetes.io/pci-',
  'node-role.kubernetes.io/',
  'nvidia.com/',
];

/**
 * Taint key prefixes a tenant may not tolerate: the control plane's
 * (`node-role.kubernetes.io/control-plane`, and `master` on old clusters), and a cordoned node's
 * (`node.kubernetes.io/unschedulable`: a node being drained for maintenance), and the CPU nodes
 * Slurm holds (`SLURM_CPU_NODE_TAINT`, slurmd's alone). The taints the API server itself adds
 * tolerations for (not-ready, unreachable) are not among them.
 */
export const REFUSED_TAINT_PREFIXES: readonly string[] = [
  'node-role.kubernetes.io/',
  'node.kubernetes.io/unschedulable',
  // Slurm's CPU nodes (SLURM_CPU_NODE_TAINT): slurmd's alone.
  SCHEDULER_LABEL,
];

/**
 * What a tenant may not use to reach a GPU pool's nodes, derived from the pool objects: the taint
 * keys that keep other pods off the pools, and every label (key and values) that tells pool nodes
 * apart: the pools' node selectors (the site's own labels for a label-selected pool), the labels the
 * library applies, the scheduler split; and the hostname label, with any value.
 */
export interface PoolPlacement {
  /** Taint key of the pools to the GPU resources the pools with that taint offer, sorted. */
  readonly taints: ReadonlyArray<readonly [string, readonly string[]]>;
  /** Label key to the values only pool nodes carry, keys and values sorted (the hostname: none, any value is refused). */
  readonly labels: ReadonlyArray<readonly [string, readonly string[]]>;
}

export function poolPlacement(pools: readonly GpuNodePool[]): PoolPlacement {
  const labels = new Map<string, Set<string>>();
  const add = (key: string, value: string) => labels.set(key, (labels.get(key) ?? new Set()).add(value));
  // Both sides of a split pool, also where no pool of this site is split yet: only pool nodes
  // carry the scheduler label.
  for (const side of ['kubernetes', 'slurm']) add(SCHEDULER_LABEL, side);
  for (const pool of pools) {
    for (const selector of [
      pool.nodeSelector,
      pool.managedLabels,
      pool.kubernetesSelector,
      pool.slurmSelector,
    ])
      for (const [k, v] of Object.entries(selector)) add(k, v);
    // The site's own labels of a label-selected pool also pick its nodes: work is not placed by
    // them (a kubelet could set them), but a tenant may not select the pool's nodes with them either.
    const nodes = pool.spec.nodes;
    if (typeof nodes === 'object' && 'labels' in nodes)
      for (const [k, v] of Object.entries(nodes.labels)) add(k, v);
  }
  labels.set(HOSTNAME_LABEL, new Set());
  const sorted = (xs: Iterable<string>) => [...xs].sort();
  const taints = new Map<string, Set<string>>();
  for (const pool of pools)
    for (const o of pool.offers)
      taints.set(pool.taint.key, (taints.get(pool.taint.key) ?? new Set()).add(o.resource));
  return {
    taints: sorted(taints.keys()).map((k) => [k, sorted(taints.get(k) as Set<string>)] as const),
    labels: sorted(labels.keys()).map((k) => [k, sorted(labels.get(k) as Set<string>)] as const),
  };
}

const str = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * The CEL variables the placement validation reads: the pools' taint keys and labels as literals.
 * They come first, so that a findings expression can use them.
 */
export function placementVariables(p: PoolPlacement): Array<{ name: string; expression: string }> {
  return [
    {
      name: 'poolTaints',
      expression: `{${p.taints.map(([k, rs]) => `${str(k)}: [${rs.map(str).join(', ')}]`).join(', ')}}`,
    },
    { name: 'poolLabelKeys', expression: `[${p.labels.map(([k]) => str(k)).join(', ')}]` },
    {
      name: 'poolLabels',
      expression: `{${p.labels.map(([k, vs]) => `${str(k)}: [${vs.map(str).join(', ')}]`).join(', ')}}`,
    },
    // Keys refused with any value: a node picked by name.
    { name: 'nameKeys', expression: `[${str(HOSTNAME_LABEL)}]` },
    { name: 'refusedKeyPrefixes', expression: `[${REFUSED_NODE_LABEL_PREFIXES.map(str).join(', ')}]` },
    { name: 'refusedTaintPrefixes', expression: `[${REFUSED_TAINT_PREFIXES.map(str).join(', ')}]` },
  ];
}

/**
 * CEL that turns one pod spec `s` into the list of what in it reaches pool nodes, as readable
 * strings in a stable order (tolerations in list order, node selector keys in the policy's order):
 * - a toleration with an empty key (with operator Exists it tolerates every taint), or for a pool's
 *   taint key, unless the pod requests more than zero of a GPU resource that a pool with that taint offers (its
 *   request then holds it to nodes that offer the resource, so the toleration opens no GPU node to
 *   CPU work), or it is exactly what the ExtendedResourceToleration admission plugin adds for an
 *   extended resource the pod requests (`{key: <resource>, operator: Exists, effect: NoSchedule}`);
 * - a toleration of the control plane's or a cordoned node's taint (`REFUSED_TAINT_PREFIXES`);
 * - a nodeSelector entry with a pool label's key and one of its pool values, or the hostname label,
 *   or a key the GPU operators, NFD or the node roles set (`REFUSED_NODE_LABEL_PREFIXES`);
 * - nodeName (it skips the scheduler, and with it every NoSchedule taint);
 * - a required or preferred node affinity term that selects pool nodes: on a pool label, any
 *   operator but DoesNotExist, except In with values no pool node carries (that selects other,
 *   CPU, nodes); on the hostname label or a refused prefix any operator but DoesNotExist; any
 *   `matchFields` (a node by its name).
 */
export function placementFindings(s: string): string {
  const containers = `((has(${s}.containers) ? ${s}.containers : []) + (has(${s}.initContainers) ? ${s}.initContainers : []))`;
  // Requests or limits: defaulting copies limits into requests for a Pod, not for a pod template.
  // Only an amount above zero counts: a pod asking for 0 GPUs is CPU work the scheduler may put on
  // any node it tolerates, though ExtendedResourceToleration adds the toleration all the same.
  const asks = (names: string, m: string) =>
    `${names}.exists(r, r in ${m} && ${celPositiveQuantity(`${m}[r]`)})`;
  const requestsAny = (names: string) =>
    `${containers}.exists(c, has(c.resources) && ((has(c.resources.requests) && ${asks(names, 'c.resources.requests')}) || (has(c.resources.limits) && ${asks(names, 'c.resources.limits')})))`;
  const addedForResource = `has(t.operator) && t.operator == 'Exists' && has(t.effect) && t.effect == 'NoSchedule' && ${requestsAny('[t.key]')}`;
  const badToleration = `!has(t.key) || t.key == '' || variables.refusedTaintPrefixes.exists(p, t.key.startsWith(p)) || (t.key in variables.poolTaints && !(${requestsAny('variables.poolTaints[t.key]')}) && !(${addedForResource}))`;
  const tolerations = `(has(${s}.tolerations) ? ${s}.tolerations.filter(t, ${badToleration}).map(t, 'toleration ' + (has(t.key) && t.key != '' ? t.key : '(every key)')) : [])`;
  const refusedKey = (k: string) => `variables.refusedKeyPrefixes.exists(p, ${k}.startsWith(p))`;
  const nodeSelector = `(has(${s}.nodeSelector) ? variables.poolLabelKeys.filter(k, k in ${s}.nodeSelector && (k in variables.nameKeys || ${s}.nodeSelector[k] in variables.poolLabels[k])).map(k, 'nodeSelector ' + k + '=' + ${s}.nodeSelector[k]) : []) + (has(${s}.nodeSelector) ? ${s}.nodeSelector.filter(k, ${refusedKey('k')} && !(k in variables.nameKeys) && !(k in variables.poolLabels && ${s}.nodeSelector[k] in variables.poolLabels[k])).map(k, 'nodeSelector ' + k + '=' + ${s}.nodeSelector[k]) : [])`;
  const nodeName = `(has(${s}.nodeName) && ${s}.nodeName != '' ? ['nodeName ' + ${s}.nodeName] : [])`;
  const reaches = `e.operator != 'DoesNotExist' && ((e.key in variables.poolLabels && (e.operator != 'In' || e.key in variables.nameKeys || (has(e.values) && e.values.exists(v, v in variables.poolLabels[e.key])))) || ${refusedKey('e.key')})`;
  const term = (t: string) =>
    `((has(${t}.matchExpressions) && ${t}.matchExpressions.exists(e, ${reaches})) || (has(${t}.matchFields) && size(${t}.matchFields) > 0))`;
  const affinity = ['affinity', 'nodeAffinity'];
  const required = `(${celHasPath(s, ...affinity, 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms')} && ${s}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms.exists(r, ${term('r')}) ? ['nodeAffinity (required)'] : [])`;
  const preferred = `(${celHasPath(s, ...affinity, 'preferredDuringSchedulingIgnoredDuringExecution')} && ${s}.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution.exists(w, has(w.preference) && ${term('w.preference')}) ? ['nodeAffinity (preferred)'] : [])`;
  return [tolerations, nodeSelector, nodeName, required, preferred].join(' + ');
}
