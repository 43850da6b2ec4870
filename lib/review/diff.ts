/**
 * The pull-request review (`aif diff`): two synthesized outputs in, a structured diff and the
 * Markdown of a pull-request comment out. Pure: it reads parsed `cdk.tf.json` only, so that it
 * reviews what Terraform would apply, not what a profile meant.
 *
 * Resources are matched by Terraform address (`<type>.<name>` per stack), and then by Kubernetes
 * identity (kind, namespace, metadata.name): the same object at a new address is destroyed and
 * re-created by Terraform, which for a namespace deletes every object and all data in it.
 * https://developer.hashicorp.com/terraform/language/modules/develop/refactoring
 */
import { parseQuantity } from '../model';
import {
  LIFECYCLE_LABEL,
  POD_SECURITY_ENFORCE_LABEL as ENFORCE,
  POD_SECURITY_ENFORCE_VERSION_LABEL as ENFORCE_VERSION,
  POOL_LABEL,
  RETIRED,
  SCHEDULER_LABEL,
  TENANT_LABEL,
} from '../model/names';
import {
  siteInventory,
  siteReport,
  STORAGE_QUOTA,
  storageQuotas,
  tenantNamespaces,
  tenantQuotaHard,
} from './report';
import type { Json, SynthesizedStack } from './synthesized';

/** https://kubernetes.io/docs/concepts/security/pod-security-standards/ : strictest first. */
const PSA_LEVELS = ['restricted', 'baseline', 'privileged'];

/** What Terraform destroys with data or with everything built on it. */
const HOLDS_DATA: Readonly<Record<string, string>> = {
  kubernetes_namespace_v1: 'namespace',
  kubernetes_persistent_volume_claim_v1: 'PVC',
  kubernetes_storage_class_v1: 'StorageClass',
  helm_release: 'Helm release',
};
const NETWORK_POLICY = 'kubernetes_network_policy_v1';
const ROLES = ['kubernetes_role_v1', 'kubernetes_cluster_role_v1'];
const BINDINGS = ['kubernetes_role_binding_v1', 'kubernetes_cluster_role_binding_v1'];

export interface AttentionItem {
  readonly stack: string;
  /** The Terraform address (or `tenant <name>` for a tenant that disappears). */
  readonly address: string;
  /** Short verdict, e.g. `deleted`, `destroyed and re-created`, `network policy wider`. */
  readonly what: string;
  readonly detail: string;
  readonly tenants: readonly string[];
}

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved' | 're-addressed' | 'leaves-state';

export interface ResourceChange {
  readonly address: string;
  readonly kind: ChangeKind;
  /** Changed attribute paths into the synthesized JSON (`spec.hard.requests.cpu`). */
  readonly paths: readonly string[];
  /** For moved and re-addressed resources: the new address. */
  readonly to?: string;
  /** Before and after, where the values themselves matter to a reviewer (the state backend). */
  readonly detail?: string;
  readonly tenant?: string;
}

export interface StackDiff {
  readonly stack: string;
  readonly status: 'added' | 'removed' | 'changed';
  readonly changes: readonly ResourceChange[];
}

export type TenantStatus = 'added' | 'removed' | 'retired' | 'leaves Terraform' | 'changed';

export interface QuotaFigures {
  /** GPU requests per extended resource (`nvidia.com/gpu`). */
  readonly gpus: Readonly<Record<string, string>>;
  readonly cpu?: string;
  /** Storage requests per StorageClass. */
  readonly storage: Readonly<Record<string, string>>;
}

export interface TenantDiff {
  readonly site: string;
  readonly tenant: string;
  readonly status: TenantStatus;
  readonly before?: QuotaFigures;
  readonly after?: QuotaFigures;
}

export interface PoolTotal {
  /** `<pool> <resource>` (`booster nvidia.com/gpu`), `cpu`, or a StorageClass name. */
  readonly resource: string;
  readonly before: number;
  readonly after: number;
  /** What tenants may be granted of a pool (units), or a tier's capacity (bytes), where the inventory says. */
  readonly capacity?: number;
  readonly storage: boolean;
}

export interface SiteTotals {
  readonly site: string;
  readonly totals: readonly PoolTotal[];
}

/** A stack the base does not have (a new site), in a few figures. */
export interface NewStackSummary {
  readonly stack: string;
  readonly namespaces: readonly string[];
  readonly resources: number;
  /** Network policies that select every pod and allow nothing. */
  readonly defaultDeny: number;
  /** Ingress and egress rules of the other network policies. */
  readonly allowRules: number;
}

export interface OutputDiff {
  readonly attention: readonly AttentionItem[];
  /** Stacks that are new in the head. */
  readonly newStacks: readonly NewStackSummary[];
  readonly tenants: readonly TenantDiff[];
  readonly totals: readonly SiteTotals[];
  readonly stacks: readonly StackDiff[];
}

interface Entry {
  readonly stack: string;
  readonly site: string;
  readonly address: string;
  readonly type: string;
  readonly body: Json;
  /** `site|kind|namespace|name`, where the resource names a Kubernetes object. */
  readonly identity?: string;
  readonly tenant?: string;
}

interface TenantState {
  readonly site: string;
  readonly tenant: string;
  readonly stack: string;
  readonly address: string;
  readonly retired: boolean;
  readonly hard: Readonly<Record<string, string>>;
}

interface Side {
  readonly stacks: ReadonlyMap<string, SynthesizedStack>;
  readonly entries: ReadonlyMap<string, Entry>;
  readonly tenants: ReadonlyMap<string, TenantState>;
  /** `stack|address` of `removed` blocks that keep the object (`lifecycle.destroy = false`). */
  readonly kept: ReadonlySet<string>;
  /** `stack|from` -> to, from `moved` blocks. */
  readonly moved: ReadonlyMap<string, string>;
  /** GPU resources the site's pools offer, by site. */
  readonly gpuResources: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * The cluster a stack's kubernetes provider reaches (kubeconfig file, context, host), or undefined
 * where it configures none: two stacks of one cluster are one site to a review, whatever their names.
 */
function clusterOf(stack: SynthesizedStack | undefined): string | undefined {
  const p = (stack?.json.provider?.kubernetes ?? [])[0] as Json | undefined;
  return p ? JSON.stringify([p.config_path, p.config_context, p.host]) : undefined;
}

/** `bologna-tenants` -> `bologna`: the cluster a stack deploys to. */
export function siteOf(stack: string): string {
  return stack.replace(/-(platform|tenants)$/, '');
}

const key = (...parts: string[]) => parts.join('|');
const NAMESPACE_REF = /^\$\{kubernetes_namespace_v1\.([^.}]+)\.metadata(?:\[0\])?\.name\}$/;

function metadataOf(type: string, body: Json): Json {
  return ((type === 'kubernetes_manifest' ? body.manifest?.metadata : body.metadata) ?? {}) as Json;
}

/** A resource as Terraform sees it: without `//`, cdktf's construct path, which a renamed wrapper changes. */
function terraformBody(raw: Json): Json {
  const body = { ...raw };
  delete body['//'];
  return body;
}

function indexSide(stacks: readonly SynthesizedStack[]): Side {
  const entries = new Map<string, Entry>();
  const tenants = new Map<string, TenantState>();
  const kept = new Set<string>();
  const moved = new Map<string, string>();
  const gpuResources = new Map<string, Set<string>>();
  // Tenant namespaces first: every namespaced resource is attributed to the tenant of its namespace.
  const tenantByNamespace = new Map<string, string>();
  for (const stack of stacks) {
    const site = siteOf(stack.name);
    for (const t of tenantNamespaces(stack)) {
      tenants.set(key(site, t.tenant), {
        site,
        tenant: t.tenant,
        stack: stack.name,
        address: `kubernetes_namespace_v1.${t.address}`,
        retired: t.labels[LIFECYCLE_LABEL] === RETIRED,
        hard: tenantQuotaHard(stack, t.address),
      });
      tenantByNamespace.set(key(site, t.namespace), t.tenant);
    }
    const inventory = siteInventory(stack);
    for (const pool of (inventory?.pools ?? []) as Json[]) {
      const set = gpuResources.get(site) ?? new Set<string>();
      for (const o of pool.offers as Json[]) set.add(String(o.resource));
      gpuResources.set(site, set);
    }
  }
  for (const stack of stacks) {
    const site = siteOf(stack.name);
    const namespaces = (stack.json.resource?.kubernetes_namespace_v1 ?? {}) as Record<string, Json>;
    for (const [type, byName] of Object.entries((stack.json.resource ?? {}) as Record<string, Json>)) {
      for (const [name, raw] of Object.entries(byName as Record<string, Json>)) {
        const body = terraformBody(raw);
        const meta = metadataOf(type, body);
        const ref = NAMESPACE_REF.exec(String(meta.namespace ?? body.namespace ?? ''));
        const namespace = ref
          ? String(namespaces[ref[1]]?.metadata?.name ?? ref[1])
          : ((meta.namespace ?? body.namespace) as string | undefined);
        const objectName = (type === 'helm_release' ? body.name : meta.name) as string | undefined;
        const kind =
          type === 'kubernetes_manifest' ? `${body.manifest?.apiVersion}/${body.manifest?.kind}` : type;
        const labels = (meta.labels ?? {}) as Record<string, string>;
        const tenant =
          labels[TENANT_LABEL] ??
          (namespace !== undefined ? tenantByNamespace.get(key(site, namespace)) : undefined);
        const address = `${type}.${name}`;
        entries.set(key(stack.name, address), {
          stack: stack.name,
          site,
          address,
          type,
          body,
          identity: objectName ? key(site, kind, namespace ?? '', objectName) : undefined,
          tenant,
        });
      }
    }
    for (const r of (stack.json.removed ?? []) as Json[]) {
      if (r.lifecycle?.destroy === false) kept.add(key(stack.name, String(r.from)));
    }
    for (const m of (stack.json.moved ?? []) as Json[])
      moved.set(key(stack.name, String(m.from)), String(m.to));
  }
  return {
    stacks: new Map(stacks.map((s) => [s.name, s])),
    entries,
    tenants,
    kept,
    moved,
    gpuResources,
  };
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function parsedJson(v: unknown): Json | undefined {
  if (typeof v !== 'string' || !/^\s*[{[]/.test(v)) return undefined;
  try {
    return JSON.parse(v) as Json;
  } catch {
    return undefined;
  }
}

/**
 * The paths at which two values differ, as paths into the synthesized JSON. Helm values are a JSON
 * string (`values[0]`): both sides parse, so the path goes on into the chart's values.
 */
export function changedPaths(a: unknown, b: unknown, at = ''): string[] {
  return changedLeaves(a, b, at).map((l) => l.path);
}

/** One changed leaf: its path, and the values before and after (undefined where absent). */
interface ChangedLeaf {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

function changedLeaves(a: unknown, b: unknown, at = ''): ChangedLeaf[] {
  const join = (k: string) => (at ? `${at}.${k}` : k);
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => changedLeaves(a[k], b[k], join(k)));
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    return a.flatMap((v, i) => changedLeaves(v, b[i], `${at}[${i}]`));
  }
  const [pa, pb] = [parsedJson(a), parsedJson(b)];
  if (pa && pb) return changedLeaves(pa, pb, at);
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ path: at, before: a, after: b }];
}

/** A scalar as a review shows it (`'176'`, `true`, `–` for absent); undefined for objects, lists and long text. */
function shortValue(v: unknown): string | undefined {
  if (v === undefined || v === null) return '–';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string' && v.length <= 40 && !v.includes('\n')) return v;
  return undefined;
}

/**
 * The changed paths of a resource as a review shows them: `path: before → after` where both values
 * are short scalars, the path alone otherwise.
 */
function changedPathsWithValues(a: unknown, b: unknown): string[] {
  return changedLeaves(a, b).map((l) => {
    const [x, y] = [shortValue(l.before), shortValue(l.after)];
    return x !== undefined && y !== undefined ? `${l.path}: ${x} → ${y}` : l.path;
  });
}

/** A stable, key-sorted rendering of a JSON value, for comparing and printing rules and peers. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (isObject(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${k}:${stable(v[k])}`)
      .join(',')}}`;
  return String(v);
}

/** What a network policy lets through: one line per peer and port, `egress to {..} on TCP/443`. */
function networkAllows(body: Json | undefined): Set<string> {
  const allows = new Set<string>();
  const spec = (body?.spec ?? {}) as Json;
  for (const [direction, peersKey, word] of [
    ['ingress', 'from', 'from'],
    ['egress', 'to', 'to'],
  ]) {
    for (const rule of (spec[direction] ?? []) as Json[]) {
      const peers = (rule[peersKey] as Json[] | undefined)?.length ? (rule[peersKey] as Json[]) : [undefined];
      const ports = (rule.ports as Json[] | undefined)?.length ? (rule.ports as Json[]) : [undefined];
      for (const peer of peers)
        for (const port of ports)
          allows.add(
            `${direction} ${word} ${peer ? peerSentence(peer) : 'anywhere'} on ${
              port ? `${port.protocol ?? 'TCP'}/${port.port ?? 'any'}` : 'any port'
            }`,
          );
    }
  }
  return allows;
}

/** A label selector in words: `k=v, k2 in (a, b), k3 exists`; '' for one that selects everything. */
function selectorWords(selector: unknown): string {
  const sel = (Array.isArray(selector) ? selector[0] : selector) as Json | undefined;
  if (!sel) return '';
  const parts = [
    ...Object.entries((sel.match_labels ?? sel.matchLabels ?? {}) as Record<string, unknown>)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}=${String(v)}`),
    ...((sel.match_expressions ?? sel.matchExpressions ?? []) as Json[]).map((e) => {
      const op = String(e.operator);
      const values = ((e.values ?? []) as string[]).join(', ');
      return op === 'Exists'
        ? `${e.key} exists`
        : op === 'DoesNotExist'
          ? `no ${e.key}`
          : `${e.key} ${op === 'NotIn' ? 'not in' : 'in'} (${values})`;
    }),
  ];
  return parts.join(', ');
}

/**
 * A network policy peer as a reader says it: `pods labelled k8s-app=kube-dns in the namespaces
 * labelled kubernetes.io/metadata.name=kube-system`, `every namespace`, `10.0.0.0/8 except
 * 10.1.0.0/16`, `the pods of its own namespace`.
 */
function peerSentence(peer: Json): string {
  const block = (Array.isArray(peer.ip_block) ? peer.ip_block[0] : (peer.ip_block ?? peer.ipBlock)) as
    Json | undefined;
  if (block) {
    const except = (block.except ?? []) as string[];
    return `addresses ${block.cidr}${except.length ? ` except ${except.join(', ')}` : ''}`;
  }
  const nsSel = peer.namespace_selector ?? peer.namespaceSelector;
  const podSel = peer.pod_selector ?? peer.podSelector;
  const pods = podSel === undefined ? undefined : selectorWords(podSel);
  const podWords = pods === undefined || pods === '' ? 'every pod' : `pods labelled ${pods}`;
  if (nsSel === undefined)
    return pods === undefined || pods === '' ? 'every pod of its namespace' : `${podWords} of its namespace`;
  const ns = selectorWords(nsSel);
  const nsWords = ns === '' ? 'every namespace' : `the namespaces labelled ${ns}`;
  return pods === undefined ? nsWords : `${podWords} in ${nsWords}`;
}

/** What a Role or ClusterRole grants: one line per API group, resource (and names) and verb. */
function roleGrants(body: Json | undefined): Set<string> {
  const grants = new Set<string>();
  for (const rule of (body?.rule ?? []) as Json[]) {
    const names = (rule.resource_names as string[] | undefined)?.length ? `[${rule.resource_names}]` : '';
    const targets = [
      ...((rule.api_groups ?? ['']) as string[]).flatMap((g) =>
        ((rule.resources ?? []) as string[]).map((r) => `${g || 'core'}/${r}${names}`),
      ),
      ...((rule.non_resource_urls ?? []) as string[]),
    ];
    for (const t of targets) for (const v of (rule.verbs ?? []) as string[]) grants.add(`${t}: ${v}`);
  }
  return grants;
}

function bindingSubjects(body: Json | undefined): Set<string> {
  return new Set(
    ((body?.subject ?? []) as Json[]).map(
      (s) => `${s.kind} ${s.namespace ? `${s.namespace}/` : ''}${s.name}`,
    ),
  );
}

const newIn = (before: Set<string>, after: Set<string>) => [...after].filter((x) => !before.has(x)).sort();

const psaRank = (level: string | undefined) => {
  const i = PSA_LEVELS.indexOf(level ?? 'privileged');
  return i < 0 ? PSA_LEVELS.length : i;
};

class Differ {
  readonly attention: AttentionItem[] = [];
  readonly changes = new Map<string, ResourceChange[]>();

  constructor(
    private readonly base: Side,
    private readonly head: Side,
  ) {}

  run(): OutputDiff {
    const readdressed = this.pairByIdentity();
    for (const [k, b] of this.base.entries) {
      const h = this.head.entries.get(k);
      const to = this.head.moved.has(k) && this.head.entries.get(key(b.stack, this.head.moved.get(k)!));
      if (h) this.compare(b, h, 'changed');
      else if (to) this.compare(b, to, 'moved');
      else if (readdressed.has(k)) this.readdressed(b, readdressed.get(k)!);
      else this.removed(b);
    }
    const paired = new Set([...readdressed.values()].map((e) => key(e.stack, e.address)));
    for (const [k, h] of this.head.entries) {
      if (this.base.entries.has(k) || paired.has(k) || this.movedTarget(h)) continue;
      this.added(h);
    }
    this.tenantsRemoved();
    this.nodeLabelsRemoved();
    this.schedulerMoves();
    this.poolCapacity();
    return {
      attention: this.attention.sort(
        (a, b) =>
          a.stack.localeCompare(b.stack) ||
          a.address.localeCompare(b.address) ||
          a.what.localeCompare(b.what),
      ),
      tenants: this.tenantDiffs(),
      totals: this.siteTotals(),
      stacks: this.stackDiffs(),
      newStacks: this.newStacks(),
    };
  }

  /**
   * Whether a head stack belongs to a site the base has no stack of: a new site, whose policies and
   * roles are all new. A new stack of an existing site (or a new stack in an existing cluster) is
   * held to the guard-rail checks like any other change.
   */
  private isNewSite(stack: string): boolean {
    if (!this.isNewStack(stack)) return false;
    const cluster = clusterOf(this.head.stacks.get(stack));
    return ![...this.base.stacks.values()].some(
      (b) => siteOf(b.name) === siteOf(stack) || (cluster !== undefined && clusterOf(b) === cluster),
    );
  }

  /** Stacks of the head that the base does not have. */
  private isNewStack(stack: string): boolean {
    return this.head.stacks.has(stack) && !this.base.stacks.has(stack);
  }

  /**
   * A stack the base does not have, summarized rather than ranked with weakened guard rails: every
   * policy in it is new, not wider than before.
   */
  private newStacks(): NewStackSummary[] {
    return [...this.head.stacks.keys()]
      .filter((name) => this.isNewStack(name))
      .sort()
      .map((name) => {
        const entries = [...this.head.entries.values()].filter((e) => e.stack === name);
        const policies = entries.filter((e) => e.type === NETWORK_POLICY).map((e) => e.body.spec ?? {});
        const denyAll = policies.filter(
          (p) =>
            (p.ingress ?? []).length === 0 &&
            (p.egress ?? []).length === 0 &&
            (p.policy_types ?? []).includes('Ingress') &&
            (p.policy_types ?? []).includes('Egress'),
        ).length;
        return {
          stack: name,
          namespaces: entries
            .filter((e) => e.type === 'kubernetes_namespace_v1')
            .map((e) => String(metadataOf(e.type, e.body).name))
            .sort(),
          resources: entries.length,
          defaultDeny: denyAll,
          allowRules: policies.reduce((n, p) => n + (p.ingress ?? []).length + (p.egress ?? []).length, 0),
        };
      });
  }

  /**
   * Listed nodes that move from one scheduler to the other (their scheduler label changes): slurmd
   * pods take a node that moves to Slurm and preempt the pods running there; a node that moves to
   * Kubernetes loses its slurmd pod and the Slurm jobs on it. One item per pool and direction.
   */
  private schedulerMoves(): void {
    const groups = new Map<string, { b: Entry; pool: string; from: string; to: string; nodes: string[] }>();
    for (const [k, b] of this.base.entries) {
      const h = this.head.entries.get(k);
      if (b.type !== 'kubernetes_labels' || b.body.kind !== 'Node' || !h) continue;
      const from = (b.body.labels ?? {})[SCHEDULER_LABEL];
      const to = (h.body.labels ?? {})[SCHEDULER_LABEL];
      if (!from || !to || from === to) continue;
      const pool = String((h.body.labels ?? {})[POOL_LABEL] ?? '?');
      const id = key(b.stack, pool, from, to);
      const g = groups.get(id) ?? { b, pool, from: String(from), to: String(to), nodes: [] as string[] };
      g.nodes.push(String(b.body.metadata?.name ?? b.address));
      groups.set(id, g);
    }
    const who = (side: string) => (side === 'slurm' ? 'Slurm' : 'Kueue (Kubernetes)');
    for (const g of groups.values()) {
      const nodes = g.nodes.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
      const one = nodes.length === 1;
      const it = one ? 'it' : 'them';
      const which = one ? nodes[0] : `${nodes[0]} … ${nodes[nodes.length - 1]}`;
      const effect =
        g.to === 'slurm'
          ? `slurmd pods take ${it} and preempt the Kubernetes pods running there (drain ${it} first)`
          : `${one ? 'its slurmd pod goes' : 'their slurmd pods go'}, and the Slurm jobs running there with ${one ? 'it' : 'them'} (drain ${it} in Slurm first)`;
      this.attention.push({
        stack: g.b.stack,
        address: `kubernetes_labels (${nodes.length} node${one ? '' : 's'})`,
        what: 'nodes change scheduler',
        detail: `${nodes.length} node${one ? '' : 's'} of pool \`${g.pool}\` (${which}) ${one ? 'moves' : 'move'} from ${who(g.from)} to ${who(g.to)}: ${effect}`,
        tenants: this.siteTenants(g.b.site).map((t) => t.tenant),
      });
    }
  }

  /** A pool whose nodes or scheduler shares change: before and after, with the Kueue and Slurm shares. */
  private poolCapacity(): void {
    const pools = (side: Side) => {
      const out = new Map<string, { stack: string; site: string; pool: Json }>();
      for (const stack of side.stacks.values())
        for (const pool of (siteInventory(stack)?.pools ?? []) as Json[])
          out.set(key(siteOf(stack.name), String(pool.name)), {
            stack: stack.name,
            site: siteOf(stack.name),
            pool,
          });
      return out;
    };
    const [before, after] = [pools(this.base), pools(this.head)];
    for (const [k, a] of after) {
      const b = before.get(k);
      if (!b) continue;
      const n = (p: Json, f: string) => Number(p[f] ?? 0);
      const [nb, na, sb, sa] = [
        n(b.pool, 'nodes'),
        n(a.pool, 'nodes'),
        n(b.pool, 'slurmNodes'),
        n(a.pool, 'slurmNodes'),
      ];
      // A pool that only grows takes nothing from anyone: Tenants and Held show it.
      if (sb === sa && na >= nb) continue;
      const arrow = (x: number, y: number) => (x === y ? String(y) : `${x} → ${y}`);
      this.attention.push({
        stack: a.stack,
        address: `pool ${a.pool.name}`,
        what: 'pool capacity',
        detail: `nodes ${arrow(nb, na)}: Kueue ${arrow(nb - sb, na - sa)}, Slurm ${arrow(sb, sa)}; GPUs ${arrow(n(b.pool, 'gpus'), n(a.pool, 'gpus'))}`,
        tenants: this.siteTenants(a.site).map((t) => t.tenant),
      });
    }
  }

  private movedTarget(h: Entry): boolean {
    return [...this.head.moved.entries()].some(
      ([from, to]) => from.startsWith(`${h.stack}|`) && to === h.address,
    );
  }

  /** Removed addresses whose Kubernetes object appears at a new address in the same cluster. */
  private pairByIdentity(): Map<string, Entry> {
    const unique = (side: Side, other: Side) => {
      const byIdentity = new Map<string, Entry | null>();
      for (const [k, e] of side.entries) {
        if (!e.identity || other.entries.has(k)) continue;
        // Two objects with one identity on a side cannot be told apart: do not guess.
        byIdentity.set(e.identity, byIdentity.has(e.identity) ? null : e);
      }
      return byIdentity;
    };
    const removed = unique(this.base, this.head);
    const added = unique(this.head, this.base);
    const pairs = new Map<string, Entry>();
    for (const [identity, b] of removed) {
      const h = added.get(identity);
      if (b && h && !this.head.moved.has(key(b.stack, b.address))) pairs.set(key(b.stack, b.address), h);
    }
    return pairs;
  }

  private record(stack: string, change: ResourceChange): void {
    const list = this.changes.get(stack) ?? [];
    list.push(change);
    this.changes.set(stack, list);
  }

  private flag(e: Entry, what: string, detail: string, tenants = this.tenantsOf(e)): void {
    this.attention.push({ stack: e.stack, address: e.address, what, detail, tenants });
  }

  /** The tenants a resource affects: its own, or every tenant of the site for cluster-wide ones. */
  private tenantsOf(e: Entry): string[] {
    if (e.tenant) return [e.tenant];
    if (e.type === 'kubernetes_storage_class_v1') {
      const cls = String(e.body.metadata?.name);
      return this.siteTenants(e.site)
        .filter((t) => storageQuotas(t.hard)[cls] !== undefined)
        .map((t) => t.tenant);
    }
    return this.siteTenants(e.site).map((t) => t.tenant);
  }

  private siteTenants(site: string): TenantState[] {
    return [...this.base.tenants.values()]
      .filter((t) => t.site === site)
      .sort((a, b) => a.tenant.localeCompare(b.tenant));
  }

  /**
   * Whether a resource's tenant is still there and not retired: a retired tenant's policies go by
   * design, and a tenant that is gone altogether is flagged once, by itself, not per policy.
   */
  private tenantStaysActive(e: Entry): boolean {
    if (e.tenant === undefined) return true;
    const t = this.head.tenants.get(key(e.site, e.tenant));
    return t !== undefined && !t.retired;
  }

  private newTenant(e: Entry): boolean {
    return e.tenant !== undefined && !this.base.tenants.has(key(e.site, e.tenant));
  }

  /** What a data-holding resource is, for a reader: `namespace \`x\``, `CRD \`y\``. */
  private describe(e: Entry): string | undefined {
    const meta = metadataOf(e.type, e.body);
    if (e.type === 'kubernetes_manifest')
      return e.body.manifest?.kind === 'CustomResourceDefinition'
        ? `CRD \`${meta.name}\` and every custom resource of it`
        : undefined;
    const what = HOLDS_DATA[e.type];
    if (!what) return undefined;
    if (e.type === 'helm_release')
      return `Helm release \`${e.body.namespace}/${e.body.name}\` (chart ${e.body.chart}) and the CRDs it installs`;
    if (e.type === 'kubernetes_namespace_v1') return `namespace \`${meta.name}\` and all data in it`;
    if (e.type === 'kubernetes_persistent_volume_claim_v1')
      return `PVC \`${e.identity?.split('|')[2]}/${meta.name}\` and its data`;
    return `${what} \`${meta.name}\``;
  }

  private removed(b: Entry): void {
    const k = key(b.stack, b.address);
    if (this.head.kept.has(k)) {
      this.record(b.stack, { address: b.address, kind: 'leaves-state', paths: [], tenant: b.tenant });
      return;
    }
    this.record(b.stack, { address: b.address, kind: 'removed', paths: [], tenant: b.tenant });
    const described = this.describe(b);
    if (described) this.flag(b, 'deleted', `Terraform destroys ${described}`);
    else if (b.type === NETWORK_POLICY && this.tenantStaysActive(b))
      this.flag(b, 'network policy removed', `\`${b.body.metadata?.name}\` no longer applies`);
  }

  private readdressed(b: Entry, h: Entry): void {
    this.record(b.stack, {
      address: b.address,
      kind: 're-addressed',
      to: h.address,
      paths: [],
      tenant: b.tenant,
    });
    const described = this.describe(b);
    if (described)
      this.flag(
        b,
        'destroyed and re-created',
        `same object at \`${h.address}\`${h.stack === b.stack ? '' : ` in ${h.stack}`}: Terraform destroys ${described}, then creates it empty`,
      );
    this.guardRails(b, h);
  }

  private added(h: Entry): void {
    this.record(h.stack, { address: h.address, kind: 'added', paths: [], tenant: h.tenant });
    // A new tenant's roles and policies are the point of the change, and a new stack's are all new
    // (summarized under New stacks); for anyone else they widen.
    if (!this.newTenant(h) && !this.isNewSite(h.stack)) this.guardRails(undefined, h);
  }

  private compare(b: Entry, h: Entry, kind: 'changed' | 'moved'): void {
    const paths = changedPathsWithValues(b.body, h.body);
    if (paths.length === 0 && kind === 'changed') return;
    this.record(b.stack, {
      address: b.address,
      kind,
      paths,
      to: kind === 'moved' ? h.address : undefined,
      tenant: h.tenant,
    });
    this.guardRails(b, h);
  }

  /** Pod Security, network policies, RBAC and chart versions: what a change can open. */
  private guardRails(b: Entry | undefined, h: Entry): void {
    if (h.type === 'kubernetes_namespace_v1' && b) this.podSecurity(b, h);
    if (h.type === NETWORK_POLICY) this.networkPolicy(b, h);
    if (ROLES.includes(h.type)) {
      const more = newIn(roleGrants(b?.body), roleGrants(h.body));
      if (more.length) this.flag(h, 'grants more', more.join('; '));
    }
    if (BINDINGS.includes(h.type)) {
      const more = newIn(bindingSubjects(b?.body), bindingSubjects(h.body));
      if (more.length) this.flag(h, 'binds new subjects', more.join('; '));
      if (b && stable(b.body.role_ref) !== stable(h.body.role_ref))
        this.flag(h, 'binds another role', `${refText(b.body.role_ref)} → ${refText(h.body.role_ref)}`);
    }
    if (b) this.placementKeys(b, h);
    if (h.type === 'helm_release' && b && b.body.version !== h.body.version)
      this.flag(
        h,
        'chart version',
        `${h.body.chart} ${b.body.version ?? 'unpinned'} → ${h.body.version ?? 'unpinned'}`,
      );
  }

  /**
   * Node label keys that a Kueue ResourceFlavor or a Slurm NodeSet starts to require: work placed by
   * them reaches only nodes that already carry them, so on a pool the site labels itself the site
   * must apply them before this is deployed.
   */
  private placementKeys(b: Entry, h: Entry): void {
    const selectors = (e: Entry): Map<string, Json> => {
      if (e.type === 'kubernetes_manifest' && e.body.manifest?.kind === 'ResourceFlavor')
        return new Map([
          [`flavor \`${e.body.manifest.metadata?.name}\``, e.body.manifest.spec?.nodeLabels ?? {}],
        ]);
      if (e.type === 'helm_release' && e.body.chart === 'slurm') {
        const values = parsedJson((e.body.values as unknown[] | undefined)?.[0]) ?? {};
        return new Map(
          Object.entries((values.nodesets ?? {}) as Record<string, Json>).map(([name, set]) => [
            `NodeSet \`${name}\``,
            set.podSpec?.nodeSelector ?? {},
          ]),
        );
      }
      return new Map();
    };
    const before = selectors(b);
    for (const [what, after] of selectors(h)) {
      const old = before.get(what);
      if (!old) continue;
      const added = Object.keys(after)
        .filter((k) => !(k in old))
        .sort();
      if (added.length)
        this.flag(
          h,
          'selects nodes by new labels',
          `${what} now needs ${added.map((k) => `\`${k}=${after[k]}\``).join(', ')} on its nodes: its work waits for nodes that carry them (label-selected pools: the site applies them first, see the pool's \`site_applied_node_config\`)`,
        );
    }
  }

  private podSecurity(b: Entry, h: Entry): void {
    const [bl, hl] = [b.body.metadata?.labels ?? {}, h.body.metadata?.labels ?? {}] as Json[];
    if (psaRank(hl[ENFORCE]) > psaRank(bl[ENFORCE]))
      this.flag(
        h,
        'Pod Security weaker',
        `enforce ${bl[ENFORCE] ?? 'unset'} → ${hl[ENFORCE] ?? 'unset (privileged)'}`,
      );
    if (bl[ENFORCE_VERSION] !== hl[ENFORCE_VERSION])
      this.flag(
        h,
        'Pod Security version',
        `enforce-version ${bl[ENFORCE_VERSION] ?? 'unset'} → ${hl[ENFORCE_VERSION] ?? 'unset (latest)'}`,
      );
  }

  private networkPolicy(b: Entry | undefined, h: Entry): void {
    const wider = newIn(networkAllows(b?.body), networkAllows(h.body)).map((a) => `allows ${a}`);
    const types = (e: Entry | undefined) => new Set<string>((e?.body.spec?.policy_types ?? []) as string[]);
    for (const t of newIn(types(h), types(b))) wider.push(`no longer restricts ${t}`);
    if (wider.length) this.flag(h, 'network policy wider', wider.join('; '));
  }

  /**
   * Label keys that Terraform takes off nodes it keeps labelling (a `kubernetes_labels` on a Node
   * whose map loses keys), one item per stack and set of keys instead of one per node: pods, Kueue
   * flavors, Slurm NodeSets and the site's own tools that select nodes by those keys stop matching
   * them, and pods waiting for such nodes stay Pending until every stack uses the new keys.
   */
  private nodeLabelsRemoved(): void {
    const groups = new Map<string, { stack: string; site: string; keys: string[]; nodes: string[] }>();
    for (const [k, b] of this.base.entries) {
      const h = this.head.entries.get(k);
      if (b.type !== 'kubernetes_labels' || b.body.kind !== 'Node' || !h) continue;
      const after = (h.body.labels ?? {}) as Json;
      const gone = Object.keys((b.body.labels ?? {}) as Json)
        .filter((label) => !(label in after))
        .sort();
      if (gone.length === 0) continue;
      const id = key(b.stack, ...gone);
      const g = groups.get(id) ?? { stack: b.stack, site: b.site, keys: gone, nodes: [] };
      g.nodes.push(String(b.body.metadata?.name ?? b.address));
      groups.set(id, g);
    }
    for (const g of groups.values()) {
      const nodes = g.nodes.sort();
      const which =
        nodes.length === 1
          ? `node ${nodes[0]}`
          : `${nodes.length} nodes (${nodes[0]} … ${nodes[nodes.length - 1]})`;
      this.attention.push({
        stack: g.stack,
        address: `kubernetes_labels (${nodes.length} node${nodes.length === 1 ? '' : 's'})`,
        what: 'node labels removed',
        detail: `Terraform takes ${g.keys.map((x) => `\`${x}\``).join(', ')} off ${which}: whatever selects nodes by them (pods, Kueue flavors, Slurm NodeSets, the site's tools) no longer finds these nodes; deploy the stacks that use the new keys right after`,
        tenants: this.siteTenants(g.site).map((t) => t.tenant),
      });
    }
  }

  private tenantsRemoved(): void {
    for (const [k, t] of this.base.tenants) {
      if (this.head.tenants.has(k) || t.retired) continue;
      this.attention.push({
        stack: t.stack,
        address: `tenant ${t.tenant}`,
        what: 'removed without retirement',
        detail: `tenant \`${t.tenant}\` disappears without having been retired first`,
        tenants: [t.tenant],
      });
    }
  }

  private tenantDiffs(): TenantDiff[] {
    const keys = [...new Set([...this.base.tenants.keys(), ...this.head.tenants.keys()])];
    const diffs: TenantDiff[] = [];
    for (const k of keys) {
      const [b, h] = [this.base.tenants.get(k), this.head.tenants.get(k)];
      const t = (h ?? b)!;
      const before = b && this.figures(b);
      const after = h && this.figures(h);
      let status: TenantStatus;
      if (!b) status = 'added';
      else if (!h)
        status = this.head.kept.has(key(b.stack, b.address)) && b.retired ? 'leaves Terraform' : 'removed';
      else if (h.retired && !b.retired) status = 'retired';
      else if (stable(before) !== stable(after)) status = h.retired ? 'retired' : 'changed';
      else continue;
      diffs.push({ site: t.site, tenant: t.tenant, status, before, after });
    }
    return diffs.sort((a, b) => a.site.localeCompare(b.site) || a.tenant.localeCompare(b.tenant));
  }

  private figures(t: TenantState): QuotaFigures {
    const side = this.head.tenants.get(key(t.site, t.tenant)) === t ? this.head : this.base;
    const gpuResources = side.gpuResources.get(t.site) ?? new Set<string>();
    const gpus: Record<string, string> = {};
    for (const r of [...gpuResources].sort())
      if (t.hard[`requests.${r}`] !== undefined) gpus[r] = t.hard[`requests.${r}`];
    const storage: Record<string, string> = {};
    // Zero quotas too: a retired tenant's storage going to zero is the point of the row.
    for (const [k, v] of Object.entries(t.hard).sort(([a], [b]) => a.localeCompare(b))) {
      const cls = STORAGE_QUOTA.exec(k)?.[1];
      if (cls) storage[cls] = v;
    }
    return { gpus, cpu: t.hard['requests.cpu'], storage };
  }

  /** What the tenants of the sites with a tenant that changed hold together, before and after. */
  private siteTotals(): SiteTotals[] {
    const sites = [...new Set(this.tenantDiffs().map((t) => t.site))].sort();
    return sites.map((site) => {
      const [before, after] = [siteHoldings(this.base, site), siteHoldings(this.head, site)];
      const totals = [...new Set([...after.keys(), ...before.keys()])].map((resource) => {
        const b = before.get(resource);
        const a = after.get(resource);
        return {
          resource,
          before: b?.value ?? 0,
          after: a?.value ?? 0,
          capacity: (a ?? b)!.capacity,
          storage: (a ?? b)!.storage,
        };
      });
      return { site, totals };
    });
  }

  private stackDiffs(): StackDiff[] {
    const names = [...new Set([...this.base.stacks.keys(), ...this.head.stacks.keys()])].sort();
    const diffs: StackDiff[] = [];
    for (const name of names) {
      const [b, h] = [this.base.stacks.get(name), this.head.stacks.get(name)];
      const changes = [...(this.changes.get(name) ?? [])];
      if (b && h) {
        // Everything outside `resource`: backend, providers, outputs. `//` is cdktf's bookkeeping.
        for (const section of ['terraform', 'provider', 'output', 'data', 'variable', 'locals']) {
          const { backend: before, ...bRest } = (b.json[section] ?? {}) as Json;
          const { backend: after, ...hRest } = (h.json[section] ?? {}) as Json;
          const paths = changedPaths(bRest, hRest);
          if (paths.length) changes.push({ address: section, kind: 'changed', paths });
          // Where the state lives decides what Terraform believes exists: worth a line of its own.
          const moved = changedPaths(before, after);
          if (moved.length)
            changes.push({
              address: 'terraform.backend',
              kind: 'changed',
              paths: moved,
              detail: `${stable(before)} → ${stable(after)}`,
            });
        }
      }
      if (changes.length === 0) continue;
      changes.sort((x, y) => x.address.localeCompare(y.address));
      diffs.push({ stack: name, status: !b ? 'added' : !h ? 'removed' : 'changed', changes });
    }
    return diffs;
  }
}

interface Holding {
  readonly value: number;
  readonly capacity?: number;
  readonly storage: boolean;
}

/**
 * What a site's tenants hold together on one side: GPU units granted per pool as `aif report` reads
 * them (the allocations: a quota may be raised above its allocation so that Kueue can lend, and
 * quota sums would overstate), against what the pool lets tenants be granted; CPU quotas; storage
 * quotas per class against the tier's capacity. Retired tenants hold no GPUs but keep their storage.
 */
function siteHoldings(side: Side, site: string): Map<string, Holding> {
  const holdings = new Map<string, Holding>();
  const tenants = [...side.tenants.values()].filter((t) => t.site === site);
  // A retired tenant's grants may still be on record, but it runs nothing; its volumes stay. So
  // for a tenant whose allocation had ended when the side was synthesized: its grants stay on
  // record, its quota holds no GPU (a tenant with a grant in effect has some GPU quota above zero).
  const gpus = side.gpuResources.get(site) ?? new Set<string>();
  const holdsGpus = (t: TenantState) =>
    Object.entries(t.hard).some(
      ([k, v]) => k.startsWith('requests.') && gpus.has(k.slice('requests.'.length)) && parseQuantity(v) > 0,
    );
  const names = new Set(tenants.filter((t) => !t.retired && holdsGpus(t)).map((t) => t.tenant));
  const platform = [...side.stacks.values()].find((s) => siteOf(s.name) === site && siteInventory(s));
  if (platform) {
    // Only the grants are read, so the day the allocation statuses are judged against does not matter.
    const report = siteReport(
      platform,
      side.stacks.get(platform.name.replace(/-platform$/, '-tenants')),
      '1970-01-01',
    );
    const grants = report.tenants.filter((t) => names.has(t.tenant)).flatMap((t) => t.grants);
    for (const o of report.offers) {
      const value = grants
        .filter((g) => g.pool === o.pool && g.resource === o.resource)
        .reduce((n, g) => n + g.units, 0);
      holdings.set(`${o.pool} ${o.resource}`, { value, capacity: o.grantable, storage: false });
    }
  }
  const cpu = tenants.reduce((n, t) => n + parseQuantity(t.hard['requests.cpu'] ?? '0'), 0);
  holdings.set('cpu', { value: cpu, storage: false });
  const tiers = new Map<string, number>(
    ((platform && siteInventory(platform)?.storageTiers) ?? ([] as Json[]))
      .filter((t: Json) => t.capacity)
      .map((t: Json) => [String(t.storageClass), parseQuantity(String(t.capacity))]),
  );
  const storage = new Map<string, number>();
  for (const t of tenants)
    for (const [cls, bytes] of Object.entries(storageQuotas(t.hard)))
      storage.set(cls, (storage.get(cls) ?? 0) + bytes);
  for (const cls of [...storage.keys()].sort())
    holdings.set(cls, { value: storage.get(cls)!, capacity: tiers.get(cls), storage: true });
  return holdings;
}

function refText(ref: Json | undefined): string {
  return ref ? `${ref.kind} ${ref.name}` : 'nothing';
}

/** The review of a change: from the base's stacks to the head's. */
export function diffOutputs(
  base: readonly SynthesizedStack[],
  head: readonly SynthesizedStack[],
): OutputDiff {
  return new Differ(indexSide(base), indexSide(head)).run();
}

/** Whether the review has something a reviewer must not miss (`--fail-on destructive`). */
export function isDestructive(diff: OutputDiff): boolean {
  return diff.attention.length > 0;
}

export interface RenderOptions {
  /** Lines of "Everything else" per stack before the rest is counted instead of listed. */
  readonly maxLines?: number;
}

const DEFAULT_MAX_LINES = 200;
/** Changed paths listed per resource before the rest is counted. */
const MAX_PATHS = 6;
const BINARY = [
  ['Pi', 2 ** 50],
  ['Ti', 2 ** 40],
  ['Gi', 2 ** 30],
  ['Mi', 2 ** 20],
] as const;

/** Bytes as a Kubernetes quantity a reader compares at a glance: `1.5Pi`, `96Ti`. */
export function formatBytes(n: number): string {
  for (const [unit, size] of BINARY) if (n >= size) return `${Math.round((n / size) * 100) / 100}${unit}`;
  return String(n);
}

const code = (s: string) => `\`${s}\``;
const fromTo = (a: string | undefined, b: string | undefined) =>
  a === b ? (a ?? '–') : `${a ?? '–'} → ${b ?? '–'}`;

function quotaCell(
  before: Readonly<Record<string, string>> | undefined,
  after: Readonly<Record<string, string>> | undefined,
): string {
  // A resource at zero on both sides (a MIG profile the tenant never had) is noise in a PR comment.
  const held = (v: string | undefined) => v !== undefined && parseQuantity(v) > 0;
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])]
    .filter((k) => held(before?.[k]) || held(after?.[k]))
    .sort();
  return keys.map((k) => `${k} ${fromTo(before?.[k], after?.[k])}`).join('; ') || '–';
}

/** Lines of one stack's changes above which the review folds them (`<details>`). */
const FOLD_LINES = 10;

function changeLine(c: ResourceChange): string {
  const paths =
    c.paths.length > MAX_PATHS
      ? `${c.paths.slice(0, MAX_PATHS).join(', ')}, +${c.paths.length - MAX_PATHS} more`
      : c.paths.join(', ');
  switch (c.kind) {
    case 'added':
      return `- added ${code(c.address)}`;
    case 'removed':
      return `- destroyed ${code(c.address)}`;
    case 'leaves-state':
      return `- ${code(c.address)}: leaves Terraform, stays in the cluster`;
    case 're-addressed':
      return `- ${code(c.address)} → ${code(c.to!)}: destroyed and re-created`;
    case 'moved':
      return `- moved ${code(c.address)} → ${code(c.to!)}${paths ? `: ${paths}` : ''}`;
    default:
      return `- changed ${code(c.address)}: ${c.detail ?? paths}`;
  }
}

function attentionLine(a: AttentionItem): string {
  const tenants = a.tenants.length ? ` Tenants: ${a.tenants.join(', ')}.` : '';
  return `- **${a.what}** ${code(a.stack)} ${code(a.address)}: ${a.detail}.${tenants}`;
}

function totalsLine(t: SiteTotals): string {
  const parts = t.totals
    .filter((p) => p.before !== 0 || p.after !== 0)
    .map((p) => {
      const f = (n: number) => (p.storage ? formatBytes(n) : String(Math.round(n * 1000) / 1000));
      const of = p.capacity !== undefined ? ` of ${f(p.capacity)}` : '';
      return `${p.resource} ${p.before === p.after ? f(p.after) : `${f(p.before)} → ${f(p.after)}`}${of}`;
    });
  return `Held at ${t.site} (GPU units granted per pool, CPU and storage quotas; retired tenants and ended allocations hold no GPUs): ${parts.join('; ')}.`;
}

/** The review as Markdown for a pull-request comment: sorted, so that the same change reads the same. */
export function renderDiff(diff: OutputDiff, options: RenderOptions = {}): string {
  const maxLines = options.maxLines ?? DEFAULT_MAX_LINES;
  const all = diff.stacks.flatMap((s) => s.changes);
  const count = (...kinds: ChangeKind[]) => all.filter((c) => kinds.includes(c.kind)).length;
  const out: string[] = ['## Infrastructure review (`aif diff`)', ''];
  out.push(
    `${diff.stacks.length} stack(s) differ: ${count('added')} resource(s) added, ` +
      `${count('changed', 'moved')} changed, ${count('removed', 're-addressed')} destroyed, ` +
      `${count('leaves-state')} leave Terraform.`,
    '',
  );
  if (diff.attention.length) {
    out.push(`### Needs attention (${diff.attention.length})`, '', ...diff.attention.map(attentionLine), '');
  } else {
    out.push(
      '### Needs attention',
      '',
      'Nothing: no data deleted, no object re-created, no guard rail weakened, no chart version changed.',
      '',
    );
  }
  if (diff.newStacks.length) {
    out.push('### New stacks', '');
    for (const n of diff.newStacks)
      out.push(
        `- ${code(n.stack)}: ${n.resources} resource(s); namespace(s) ${n.namespaces.length ? n.namespaces.map(code).join(', ') : 'none'}; ${n.defaultDeny} default-deny network polic${n.defaultDeny === 1 ? 'y' : 'ies'} and ${n.allowRules} allow rule(s).`,
      );
    out.push('');
  }
  out.push('### Tenants', '');
  if (diff.tenants.length === 0) out.push('No tenant added, removed, retired or given another quota.', '');
  for (const site of [...new Set(diff.tenants.map((t) => t.site))]) {
    out.push(
      `#### ${site}`,
      '',
      // The columns are the namespace quotas: GPU includes what the access mode may borrow; the
      // "Held" line below sums grants (issue 18, item 6).
      '| tenant | change | GPU quota (with borrowing) | CPU quota | storage quota |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const t of diff.tenants.filter((x) => x.site === site)) {
      out.push(
        `| ${t.tenant} | ${t.status} | ${quotaCell(t.before?.gpus, t.after?.gpus)} | ` +
          `${fromTo(t.before?.cpu, t.after?.cpu)} | ${quotaCell(t.before?.storage, t.after?.storage)} |`,
      );
    }
    const totals = diff.totals.find((x) => x.site === site);
    out.push('', ...(totals ? [totalsLine(totals), ''] : []));
  }
  out.push('### Everything else', '');
  if (diff.stacks.length === 0) out.push('No stack differs.', '');
  for (const s of diff.stacks) {
    const lines = s.changes.map(changeLine);
    out.push(`#### ${s.stack}${s.status === 'changed' ? '' : ` (stack ${s.status})`}`, '');
    // A long list folds away in a pull-request comment (<details>), its count in the summary.
    const fold = lines.length > FOLD_LINES;
    if (fold) out.push(`<details><summary>${lines.length} change(s)</summary>`, '');
    out.push(...lines.slice(0, maxLines));
    if (lines.length > maxLines) out.push(`- … and ${lines.length - maxLines} more in ${s.stack}`);
    if (fold) out.push('', '</details>');
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
