/**
 * `aif check`: the tenant isolation controls as a policy module over synthesized output. Every
 * namespace of every site is held against every check of `ISOLATION_CHECKS` that applies to its kind
 * (tenant namespaces, or the operator namespaces the library makes for platform components); a check
 * is one entry of that table (a stable id, the kind of namespace it applies to, the Multi-Tenancy
 * Benchmarks profile level 1 ids it maps to, what it protects, and a function of the site's output
 * and the namespace), so a new control is a new row.
 *
 * The MTB ids are those of kubernetes-sigs/multi-tenancy (now kubernetes-retired/multi-tenancy),
 * `benchmarks/kubectl-mtb/test/benchmarks/<check>/config.yaml` at commit 44dad58, profile level 1
 * only. Where the benchmarks have no level-1 check for a control, the row says none.
 *
 * Like the other review tools it reads only the synthesized JSON (lib/review/synthesized.ts): it
 * judges what would be deployed, not what a profile meant. The names of the library's admission
 * policies, labels and queues are those the constructs write by (lib/model/names.ts).
 */
import {
  carelessCidr,
  isCidr,
  KUEUE_FEATURE_GATES,
  KUEUE_INTEGRATIONS,
  OBJECT_COUNT_KEYS,
  parseQuantity,
  READ_VERBS,
  unwritableResources,
} from '../model';
import {
  ADMISSION_POLICIES,
  cpuClusterQueueName,
  DEFAULT_DENY_POLICY,
  GPU_GRANTS_ANNOTATION,
  KUEUE_CPU_FLAVOR,
  KUEUE_PRIORITY_LABEL,
  KUEUE_QUEUE_LABEL,
  MATCH_CONDITIONS,
  NAMESPACE_NAME_LABEL,
  OFFBOARDING_ANNOTATION,
  POD_SECURITY_ENFORCE_LABEL,
  POD_SECURITY_ENFORCE_VERSION_LABEL,
  SYSTEM_PRIORITY_CLASSES,
  TENANT_LABEL,
} from '../model/names';
import { type Json, type SynthesizedStack, unescapeTemplate } from './synthesized';

export type CheckStatus = 'PASS' | 'FAIL' | 'SKIP';

export interface CheckOutcome {
  readonly status: CheckStatus;
  /** Why: what was found (PASS), what is missing or wrong (FAIL), why it does not apply (SKIP). */
  readonly reason: string;
}

/**
 * The kinds of namespace the checks tell apart: a tenant's, or an operator namespace (one the
 * library makes for a platform component: Kueue, the GPU operators, CSI drivers, Slurm ...).
 */
export type NamespaceKind = 'tenant' | 'operator';

/** A namespace as synthesized. */
export interface CheckedNamespace {
  readonly name: string;
  /** Its labels, with the `kubernetes.io/metadata.name` label the API server adds to every namespace. */
  readonly labels: Readonly<Record<string, string>>;
}

export interface IsolationCheck {
  /** Stable id, safe to match on in scripts: `AIF-<area>-<n>`. */
  readonly id: string;
  /** The namespaces it is run on; the others are not shown a row of it. */
  readonly appliesTo: NamespaceKind;
  /** Multi-Tenancy Benchmarks profile level 1 ids this check stands for; empty where there is none. */
  readonly mtb: readonly string[];
  readonly title: string;
  /** What the control protects, one sentence (docs/security.md lists it). */
  readonly protects: string;
  readonly run: (site: SiteOutput, ns: CheckedNamespace) => CheckOutcome;
}

export interface CheckRow {
  readonly site: string;
  readonly namespace: string;
  /** Whether the namespace is a tenant's or an operator namespace. */
  readonly kind: NamespaceKind;
  readonly check: string;
  readonly mtb: readonly string[];
  readonly status: CheckStatus;
  readonly reason: string;
}

export interface CheckReport {
  /**
   * Every namespace of every site against every check that applies to its kind, in site, namespace
   * and check order.
   */
  readonly rows: readonly CheckRow[];
  /** Sites found, with the number of tenant namespaces and of operator namespaces of each. */
  readonly sites: ReadonlyArray<{
    readonly site: string;
    readonly namespaces: number;
    readonly operatorNamespaces: number;
  }>;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

const pass = (reason: string): CheckOutcome => ({ status: 'PASS', reason });
const fail = (reason: string): CheckOutcome => ({ status: 'FAIL', reason });
const skip = (reason: string): CheckOutcome => ({ status: 'SKIP', reason });

const asList = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const asRecord = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** A namespaced object of the output, with its namespace resolved to a name. */
interface Placed {
  readonly type: string;
  readonly address: string;
  readonly body: Json;
}

/** Manifest kinds the checks read, by `apiVersion/kind`, as the provider resource type they stand for. */
const MANIFEST_KINDS: Readonly<Record<string, string>> = {
  'v1/ResourceQuota': 'kubernetes_resource_quota_v1',
  'v1/LimitRange': 'kubernetes_limit_range_v1',
  'networking.k8s.io/v1/NetworkPolicy': 'kubernetes_network_policy_v1',
  'rbac.authorization.k8s.io/v1/Role': 'kubernetes_role_v1',
  'rbac.authorization.k8s.io/v1/RoleBinding': 'kubernetes_role_binding_v1',
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': 'kubernetes_cluster_role_binding_v1',
};
/** Fields whose keys are data (labels, quota keys), kept as written. */
const DATA_MAPS = new Set([
  'labels',
  'annotations',
  'matchLabels',
  'hard',
  'default',
  'defaultRequest',
  'max',
  'min',
]);
/** Lists the kubernetes provider names in the singular. */
const SINGULAR: Readonly<Record<string, string>> = { rules: 'rule', subjects: 'subject', limits: 'limit' };

/**
 * A Kubernetes object (a manifest's body) in the kubernetes provider's shape: snake_case keys,
 * the provider's singular list names (`rule`, `subject`, `limit`), data maps as written.
 */
function providerShape(v: unknown, key = ''): unknown {
  if (Array.isArray(v)) return v.map((x) => providerShape(x));
  if (v === null || typeof v !== 'object') return v;
  if (DATA_MAPS.has(key)) return v;
  return Object.fromEntries(
    Object.entries(v as Record<string, unknown>).map(([k, x]) => [
      SINGULAR[k] ?? k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
      providerShape(x, k),
    ]),
  );
}

// Indexing a site's output ------------------------------------------------------------------------

/** Every resource of one type in a site's stacks, in stack order, with its address and body. */
function resourcesOfType(stacks: readonly SynthesizedStack[], type: string): Placed[] {
  return stacks.flatMap((s) =>
    Object.entries(asRecord(s.json.resource?.[type])).map(([address, body]) => ({
      type,
      address,
      body: asRecord(body) as Json,
    })),
  );
}

/** The namespaces of a site's output, by name, and how a namespaced object names its namespace. */
interface NamespaceIndex {
  /** Each namespace's labels, with the name label the API server adds. */
  readonly labelsOf: Map<string, Record<string, string>>;
  /** The namespaces with grants written on them (a tenant's). */
  readonly annotated: Set<string>;
  /** A namespace's name from its name or a `${kubernetes_namespace_v1.<address>.metadata[0].name}`. */
  readonly resolve: (ref: unknown) => string | undefined;
}

/** Indexes the namespaces of a site's output (`kubernetes_namespace_v1` and its v0 twin). */
function indexNamespaces(stacks: readonly SynthesizedStack[]): NamespaceIndex {
  // Namespaces by address (for `${kubernetes_namespace_v1.<address>.metadata[0].name}`) and name.
  const byAddress = new Map<string, string>();
  const labelsOf = new Map<string, Record<string, string>>();
  const annotated = new Set<string>();
  for (const type of ['kubernetes_namespace_v1', 'kubernetes_namespace']) {
    for (const ns of resourcesOfType(stacks, type)) {
      const meta = asRecord(asList(ns.body.metadata)[0] ?? ns.body.metadata);
      const name = String(meta.name);
      byAddress.set(`${type}.${ns.address}`, name);
      labelsOf.set(name, {
        ...(asRecord(meta.labels) as Record<string, string>),
        [NAMESPACE_NAME_LABEL]: name,
      });
      if (GPU_GRANTS_ANNOTATION in asRecord(meta.annotations)) annotated.add(name);
    }
  }
  const resolve = (ref: unknown): string | undefined => {
    if (typeof ref !== 'string') return undefined;
    const m = /^\$\{(kubernetes_namespace(?:_v1)?\.[^.}]+)\.metadata\[0\]\.name\}$/.exec(ref);
    return m ? byAddress.get(m[1]) : ref;
  };
  return { labelsOf, annotated, resolve };
}

/** Adds an object to those of its namespace. */
function place(placed: Map<string, Placed[]>, namespace: string, object: Placed): void {
  placed.set(namespace, [...(placed.get(namespace) ?? []), object]);
}

/** The provider resource types of the namespaced kinds the checks read, each with its v0 twin. */
const NAMESPACED_TYPES = [
  'resource_quota',
  'limit_range',
  'network_policy',
  'role',
  'role_binding',
  'persistent_volume_claim',
].flatMap((t) => [`kubernetes_${t}_v1`, `kubernetes_${t}`]);

/**
 * Places the provider resources of the namespaced kinds the checks read (quotas, limit ranges,
 * network policies, roles and bindings, claims) in their namespaces. Returns the namespaces that
 * hold objects labelled as a tenant's.
 */
function placeResources(
  stacks: readonly SynthesizedStack[],
  resolve: NamespaceIndex['resolve'],
  placed: Map<string, Placed[]>,
): Set<string> {
  const tenantsByObjects = new Set<string>();
  for (const type of NAMESPACED_TYPES) {
    for (const r of resourcesOfType(stacks, type)) {
      const meta = asRecord(r.body.metadata);
      const ns = resolve(meta.namespace);
      if (ns === undefined) continue;
      place(placed, ns, r);
      if (TENANT_LABEL in asRecord(meta.labels)) tenantsByObjects.add(ns);
    }
  }
  return tenantsByObjects;
}

/**
 * The same kinds written as manifests (`kubernetes_manifest`) count as well, in the provider's
 * shape, so that a Role or a NetworkPolicy added that way is checked like the library's own: each
 * is placed in its namespace, a ClusterRoleBinding with the cluster-scoped objects.
 */
function placeManifests(
  manifests: readonly Placed[],
  resolve: NamespaceIndex['resolve'],
  placed: Map<string, Placed[]>,
  clusterScoped: Placed[],
): void {
  for (const { address, body } of manifests) {
    const manifest = asRecord(body.manifest) as Json;
    const type = MANIFEST_KINDS[`${String(manifest.apiVersion)}/${String(manifest.kind)}`];
    if (!type) continue;
    const shaped = providerShape(manifest) as Json;
    const object = { type, address, body: shaped };
    if (type === 'kubernetes_cluster_role_binding_v1') {
      clusterScoped.push(object);
      continue;
    }
    const ns = resolve(asRecord(shaped.metadata).namespace);
    if (ns === undefined) continue;
    place(placed, ns, object);
  }
}

/** The GPU resource names the site's pools offer (the platform stack's inventory); undefined without one. */
function gpuResourcesOf(stacks: readonly SynthesizedStack[]): string[] | undefined {
  const platform = stacks.find((s) => s.name.endsWith('-platform'));
  const inventory = asRecord(platform?.json.output?.aif_site_inventory?.value);
  return Array.isArray(inventory.pools)
    ? [
        ...new Set(asList(inventory.pools).flatMap((p) => asList(p.offers).map((o) => String(o.resource)))),
      ].sort()
    : undefined;
}

/** The names of the site's storage classes, sorted and without duplicates. */
function storageClassesOf(stacks: readonly SynthesizedStack[]): string[] {
  return [
    ...new Set(
      [
        ...resourcesOfType(stacks, 'kubernetes_storage_class_v1'),
        ...resourcesOfType(stacks, 'kubernetes_storage_class'),
      ].map((s) => String(asRecord(s.body.metadata).name)),
    ),
  ].sort();
}

/**
 * One site's synthesized output, indexed once for all checks: its stacks (`<site>-platform`,
 * `<site>-tenants`), every namespace and the namespaced objects in each, the custom resources and
 * admission policies (`kubernetes_manifest`), and what the platform stack says of itself.
 */
export class SiteOutput {
  public readonly namespaces: readonly CheckedNamespace[];
  /** Namespaces that belong to tenants, by name. */
  public readonly tenantNamespaces: readonly CheckedNamespace[];
  /** The other namespaces of the output: those the library makes for platform components, by name. */
  public readonly operatorNamespaces: readonly CheckedNamespace[];
  /** The bodies of every `kubernetes_manifest` of the site. */
  public readonly manifests: readonly Json[];
  /** GPU resource names the site's pools offer (`aif_site_inventory`); undefined without an inventory. */
  public readonly gpuResources?: readonly string[];
  public readonly storageClasses: readonly string[];
  /** Whether the site runs Kueue (its chart, or any of its custom resources). */
  public readonly runsKueue: boolean;
  /** The bodies of the site's Helm releases (`helm_release`). */
  public readonly helmReleases: readonly Json[];
  private readonly placed = new Map<string, Placed[]>();
  private readonly clusterScoped: Placed[] = [];

  constructor(
    public readonly site: string,
    public readonly stacks: readonly SynthesizedStack[],
  ) {
    const { labelsOf, annotated, resolve } = indexNamespaces(stacks);
    const manifests = resourcesOfType(stacks, 'kubernetes_manifest');
    this.manifests = manifests.map((m) => asRecord(m.body.manifest) as Json);
    const tenantsByObjects = placeResources(stacks, resolve, this.placed);
    placeManifests(manifests, resolve, this.placed, this.clusterScoped);
    for (const type of ['kubernetes_cluster_role_binding_v1', 'kubernetes_cluster_role_binding']) {
      this.clusterScoped.push(...resourcesOfType(stacks, type));
    }
    this.namespaces = [...labelsOf.entries()]
      .map(([name, labels]) => ({ name, labels }))
      .sort((a, b) => a.name.localeCompare(b.name));
    // A tenant's namespace is known by its label, by the grants written on it, or by the tenant
    // objects inside it, so that a namespace that lost its label is still checked (and fails).
    this.tenantNamespaces = this.namespaces.filter(
      (ns) => TENANT_LABEL in ns.labels || annotated.has(ns.name) || tenantsByObjects.has(ns.name),
    );
    this.operatorNamespaces = this.namespaces.filter((ns) => !this.tenantNamespaces.includes(ns));
    this.gpuResources = gpuResourcesOf(stacks);
    this.storageClasses = storageClassesOf(stacks);
    this.helmReleases = resourcesOfType(stacks, 'helm_release').map((r) => r.body);
    this.runsKueue =
      this.helmReleases.some((r) => r.chart === 'kueue') ||
      this.manifests.some((m) => String(m.apiVersion).startsWith('kueue.x-k8s.io/'));
  }

  /** The objects of one kind in a namespace: `resource_quota` finds `kubernetes_resource_quota_v1` and its v0 twin. */
  public inNamespace(namespace: string, kind: string): Json[] {
    return (this.placed.get(namespace) ?? [])
      .filter((p) => p.type === `kubernetes_${kind}_v1` || p.type === `kubernetes_${kind}`)
      .map((p) => p.body);
  }

  /** ClusterRoleBindings of the site (provider resources and manifests). */
  public clusterRoleBindings(): Array<{ name: string; subjects: Json[] }> {
    return [
      ...this.clusterScoped.map((b) => ({
        name: String(asRecord(b.body.metadata).name),
        subjects: asList(b.body.subject),
      })),
      ...this.manifests
        .filter((m) => m.kind === 'ClusterRoleBinding')
        .map((m) => ({ name: String(asRecord(m.metadata).name), subjects: asList(m.subjects) })),
    ];
  }

  /** The `kubernetes_manifest` bodies of one kind (and name). */
  public manifestsOf(kind: string, name?: string): Json[] {
    return this.manifests.filter(
      (m) => m.kind === kind && (name === undefined || asRecord(m.metadata).name === name),
    );
  }
}

// Selectors --------------------------------------------------------------------------------------

/**
 * Whether a label selector (as the API spells it, `matchLabels`/`matchExpressions`) selects an object
 * with these labels. `empty` says what an absent selector means: all (admission policies) or none
 * (a Kueue ClusterQueue's null namespaceSelector).
 */
export function selects(
  selector: unknown,
  labels: Readonly<Record<string, string>>,
  empty: 'all' | 'none',
): boolean {
  if (selector === undefined || selector === null) return empty === 'all';
  const s = asRecord(selector);
  const matchLabels = asRecord(s.matchLabels ?? s.match_labels);
  const expressions = asList(s.matchExpressions ?? s.match_expressions ?? s.match_expression);
  return (
    Object.entries(matchLabels).every(([k, v]) => labels[k] === v) &&
    expressions.every((e) => {
      const key = String(e.key);
      const values = strings(e.values);
      const has = key in labels;
      switch (e.operator) {
        case 'In':
          return has && values.includes(labels[key]);
        case 'NotIn':
          return !has || !values.includes(labels[key]);
        case 'Exists':
          return has;
        case 'DoesNotExist':
          return !has;
        default:
          return false;
      }
    })
  );
}

/** Whether a selector has any term (an empty one selects everything). */
function hasTerms(selector: unknown): boolean {
  const s = asRecord(selector);
  return (
    Object.keys(asRecord(s.matchLabels ?? s.match_labels)).length > 0 ||
    asList(s.matchExpressions ?? s.match_expressions ?? s.match_expression).length > 0
  );
}

/** The one namespace a selector pins by `kubernetes.io/metadata.name`, if it pins one. */
function pinnedNamespace(selector: unknown): string | undefined {
  const s = asRecord(selector);
  const byLabel = asRecord(s.matchLabels)[NAMESPACE_NAME_LABEL];
  if (typeof byLabel === 'string') return byLabel;
  const expr = asList(s.matchExpressions).find(
    (e) => e.key === NAMESPACE_NAME_LABEL && e.operator === 'In' && strings(e.values).length === 1,
  );
  return expr ? strings(expr.values)[0] : undefined;
}

// Quotas -----------------------------------------------------------------------------------------

/** The tenant's allocation quota: the unscoped ResourceQuota(s) of the namespace, merged. */
function unscopedHard(site: SiteOutput, ns: string): Record<string, string> | undefined {
  const quotas = site
    .inNamespace(ns, 'resource_quota')
    .filter((q) => !asRecord(q.spec).scope_selector && !asRecord(q.spec).scopes);
  if (quotas.length === 0) return undefined;
  const hard: Record<string, string> = {};
  for (const q of quotas) {
    for (const [k, v] of Object.entries(asRecord(asRecord(q.spec).hard))) {
      // With two quotas on one resource, the lower limit holds.
      const value = String(v);
      if (hard[k] === undefined || safeQuantity(value) < safeQuantity(hard[k])) hard[k] = value;
    }
  }
  return hard;
}

function safeQuantity(v: string): number {
  try {
    return parseQuantity(v);
  } catch {
    return Number.NaN;
  }
}

/** Keys the quota lacks, or holds without a finite, non-negative limit. */
function unbounded(hard: Readonly<Record<string, string>>, keys: readonly string[]): string[] {
  return keys.filter((k) => {
    const q = hard[k] === undefined ? Number.NaN : safeQuantity(hard[k]);
    return !(Number.isFinite(q) && q >= 0);
  });
}

function quotaCheck(keys: (site: SiteOutput) => readonly string[] | string, what: string) {
  return (site: SiteOutput, ns: CheckedNamespace): CheckOutcome => {
    const hard = unscopedHard(site, ns.name);
    if (!hard) return fail('no ResourceQuota without scopes in the namespace');
    const wanted = keys(site);
    if (typeof wanted === 'string') return fail(wanted);
    const missing = unbounded(hard, wanted);
    return missing.length > 0
      ? fail(`the quota does not bound ${missing.join(', ')}`)
      : pass(`${what} bounded (${wanted.length} limit${wanted.length === 1 ? '' : 's'})`);
  };
}

// RBAC -------------------------------------------------------------------------------------------

interface Rule {
  readonly role: string;
  readonly apiGroups: string[];
  readonly resources: string[];
  readonly verbs: string[];
}

function roleRules(site: SiteOutput, ns: string): Rule[] {
  return site.inNamespace(ns, 'role').flatMap((r) =>
    asList(r.rule).map((rule) => ({
      role: String(asRecord(r.metadata).name),
      apiGroups: strings(rule.api_groups),
      resources: strings(rule.resources),
      verbs: strings(rule.verbs),
    })),
  );
}

// Admission --------------------------------------------------------------------------------------

interface RequiredRule {
  readonly group: string;
  readonly resource: string;
  readonly operations: readonly string[];
}

const covers = (rule: Json, group: string, resource: string, op: string): boolean => {
  const any = (list: unknown, v: string) => strings(list).some((x) => x === v || x === '*');
  return (
    any(rule.apiGroups, group) &&
    any(rule.resources, resource) &&
    any(rule.operations, op) &&
    strings(rule.apiVersions).length > 0
  );
};

/** Rules of `required` (as `group/resource OP`) that a match block does not cover, or excludes. */
function uncovered(match: Json, required: readonly RequiredRule[], narrowsOnly: boolean): string[] {
  const rules = asList(match.resourceRules);
  const excluded = asList(match.excludeResourceRules);
  return required.flatMap((r) =>
    r.operations
      .filter(
        (op) =>
          (!(narrowsOnly && match.resourceRules === undefined) &&
            !rules.some((x) => covers(x, r.group, r.resource, op))) ||
          excluded.some((x) => covers(x, r.group, r.resource, op)),
      )
      .map((op) => `${r.group ? `${r.group}/` : ''}${r.resource} ${op}`),
  );
}

/**
 * The match conditions a policy may have: those the library writes. A match condition narrows the
 * requests a policy is evaluated for (all must be true), so any other one may switch it off.
 * - `notAController`: `not-a-controller`, which lets the cluster's controllers and the site's job
 *   operators pass (lib/scheduling/kueue-guard.ts `notAController`, `trustedControllers`);
 * - `queueChanged`: `created-or-queue-changed` of the lane guard (lib/scheduling/kueue.ts
 *   `KueueLaneGuard`): a Workload's creation, or a change of its queue.
 */
export type MatchConditionShape = keyof typeof MATCH_CONDITIONS;

/** The lane guard's match condition, as `KueueLaneGuard` writes it. */
const QUEUE_OF = (o: string) => `(has(${o}.spec.queueName) ? ${o}.spec.queueName : '')`;
export const QUEUE_CHANGED_CONDITION = {
  name: MATCH_CONDITIONS.queueChanged,
  expression: `request.operation == 'CREATE' || ${QUEUE_OF('object')} != ${QUEUE_OF('oldObject')}`,
};
const NOT_A_CONTROLLER = /^!\(request\.userInfo\.username in \[((?:'[^'\\]*'(?:, '[^'\\]*')*)?)\]\)$/;

/**
 * Why a `not-a-controller` condition excludes more than single, trusted usernames, or undefined:
 * its expression lists usernames, each one user (no wildcard, no group, not anonymous) and none a
 * ServiceAccount of a tenant namespace.
 */
function untrustedControllers(expression: string, tenants: ReadonlySet<string>): string | undefined {
  const list = NOT_A_CONTROLLER.exec(expression);
  if (!list) return 'its expression is not a list of usernames the policy passes';
  const users = list[1] === '' ? [] : list[1].slice(1, -1).split("', '");
  const bad = users.filter((u) => {
    const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(u);
    return (
      u === '' ||
      u.trim() !== u ||
      u.includes('*') ||
      u.startsWith('system:serviceaccounts') ||
      ['system:anonymous', 'system:unauthenticated', 'system:authenticated'].includes(u) ||
      (sa !== null && tenants.has(sa[1]))
    );
  });
  return bad.length > 0 ? `it passes ${bad.map((u) => `'${u}'`).join(', ')}` : undefined;
}

/** Why a policy's match conditions are not those the library writes for it, or undefined. */
function unknownConditions(
  policyName: string,
  conditions: unknown,
  allowed: readonly MatchConditionShape[],
  site: SiteOutput,
): string | undefined {
  if (conditions === undefined) return undefined;
  if (!Array.isArray(conditions)) return `${policyName}'s matchConditions are not a list`;
  const tenants = new Set(site.tenantNamespaces.map((n) => n.name));
  const problems = asList(conditions).flatMap((c, i) => {
    const name = typeof c.name === 'string' ? c.name : `#${i}`;
    const expression = typeof c.expression === 'string' ? c.expression : '';
    if (allowed.includes('notAController') && c.name === MATCH_CONDITIONS.notAController) {
      const why = untrustedControllers(expression, tenants);
      return why ? [`match condition ${MATCH_CONDITIONS.notAController}: ${why}`] : [];
    }
    if (
      allowed.includes('queueChanged') &&
      c.name === QUEUE_CHANGED_CONDITION.name &&
      expression === QUEUE_CHANGED_CONDITION.expression
    )
      return [];
    return [`match condition ${name} (${JSON.stringify(expression)}) is not one the library writes`];
  });
  return problems.length > 0
    ? `${policyName}: ${problems.join('; ')}: a match condition decides whether the policy runs at all`
    : undefined;
}

/** A term a policy's validations must name: one string, or any of several. */
export type ValidatedTerm = string | readonly string[];

/** A validation expression that is true whatever it is given: `true`, `true || ...`, `... || true`. */
const triviallyTrue = (e: string): boolean =>
  /^[\s(]*true[\s)]*$/.test(e) || /^[\s(]*true\s*\|\|/.test(e) || /\|\|[\s(]*true\b/.test(e);

/** A validation's expression with the expressions of the variables it uses (and they use), in turn. */
function withVariables(expression: string, variables: ReadonlyMap<string, string>): string {
  const seen = new Set<string>();
  const texts = [expression];
  for (let i = 0; i < texts.length; i++) {
    for (const [, name] of texts[i].matchAll(/\bvariables\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
      const v = variables.get(name);
      if (v !== undefined && !seen.has(name)) {
        seen.add(name);
        texts.push(v);
      }
    }
  }
  return texts.join('\n');
}

/**
 * Why a policy's validations do not check what its control is about, or undefined: each is a CEL
 * expression that is not trivially true, and each of `validates` is named by one of them (or the
 * variables it uses). A structural check: the CEL itself is tested in test/tenancy and
 * test/scheduling.
 */
function unvalidated(
  policyName: string,
  spec: Record<string, unknown>,
  validates: readonly ValidatedTerm[],
): string | undefined {
  const validations = asList(spec.validations);
  if (validations.length === 0) return `${policyName} has no validations`;
  const expressions = validations.map((v) => (typeof v.expression === 'string' ? v.expression : ''));
  const trivial = expressions.filter((e) => e.trim() === '' || triviallyTrue(e));
  if (trivial.length > 0)
    return `${policyName} has a validation that is always true (${trivial.map((e) => JSON.stringify(e.slice(0, 60))).join(', ')}): it refuses nothing`;
  const variables = new Map(
    asList(spec.variables)
      .filter((v) => typeof v.name === 'string' && typeof v.expression === 'string')
      .map((v) => [String(v.name), String(v.expression)]),
  );
  const texts = expressions.map((e) => withVariables(e, variables));
  const missing = validates.filter((term) => {
    const any = typeof term === 'string' ? [term] : term;
    return !texts.some((t) => any.some((x) => t.includes(x)));
  });
  return missing.length > 0
    ? `${policyName} has no validation of ${missing.map((t) => (typeof t === 'string' ? t : t.join(' or '))).join(', ')}`
    : undefined;
}

/**
 * An admission policy that holds in a namespace: the ValidatingAdmissionPolicy exists, fails closed,
 * has no match conditions but those the library writes for it (`conditions`), validates what it is
 * about (no validation trivially true, and for each of `validates` a validation whose expression,
 * or a variable it uses, names it), matches the namespace and the requests it is about, and no
 * object selector lets a tenant step around it by labelling its objects; a binding denies what it
 * rejects, in this namespace.
 */
function admissionCheck(
  policyName: string,
  required: readonly RequiredRule[],
  validates: readonly ValidatedTerm[],
  conditions: readonly MatchConditionShape[] = [],
) {
  return (site: SiteOutput, ns: CheckedNamespace): CheckOutcome => {
    const policy = site.manifestsOf('ValidatingAdmissionPolicy', policyName)[0];
    if (!policy) return fail(`no ValidatingAdmissionPolicy ${policyName}`);
    const spec = asRecord(policy.spec);
    const failure = spec.failurePolicy ?? 'Fail';
    if (failure !== 'Fail')
      return fail(`${policyName} has failurePolicy ${String(failure)}: it fails open when its check errs`);
    const badConditions = unknownConditions(policyName, spec.matchConditions, conditions, site);
    if (badConditions) return fail(badConditions);
    const badValidations = unvalidated(policyName, spec, validates);
    if (badValidations) return fail(badValidations);
    const match = asRecord(spec.matchConstraints) as Json;
    if (!selects(match.namespaceSelector, ns.labels, 'all'))
      return fail(`${policyName}'s namespaceSelector does not select namespace ${ns.name}`);
    if (hasTerms(match.objectSelector))
      return fail(`${policyName} has an objectSelector: a tenant steps around it by labelling its objects`);
    const missing = uncovered(match, required, false);
    if (missing.length > 0) return fail(`${policyName} does not match ${missing.join(', ')}`);
    const bindings = site
      .manifestsOf('ValidatingAdmissionPolicyBinding')
      .filter((b) => asRecord(b.spec).policyName === policyName);
    if (bindings.length === 0) return fail(`no ValidatingAdmissionPolicyBinding of ${policyName}`);
    const problems: string[] = [];
    const holding = bindings.filter((b) => {
      const bspec = asRecord(b.spec);
      const bname = String(asRecord(b.metadata).name);
      const resources = asRecord(bspec.matchResources) as Json;
      const why = !strings(bspec.validationActions).includes('Deny')
        ? `binding ${bname} does not Deny (validationActions ${JSON.stringify(bspec.validationActions ?? [])})`
        : !selects(resources.namespaceSelector, ns.labels, 'all')
          ? `binding ${bname}'s namespaceSelector does not select namespace ${ns.name}`
          : hasTerms(resources.objectSelector)
            ? `binding ${bname} has an objectSelector`
            : uncovered(resources, required, true).length > 0
              ? `binding ${bname} leaves out ${uncovered(resources, required, true).join(', ')}`
              : undefined;
      if (why) problems.push(why);
      return why === undefined;
    });
    return holding.length > 0
      ? pass(
          `${policyName}: fails closed, binding ${String(asRecord(holding[0].metadata).name)} denies in this namespace`,
        )
      : fail(problems.join('; '));
  };
}

/** Only where the site runs Kueue; else not applicable. */
const whenKueue =
  (check: (site: SiteOutput, ns: CheckedNamespace) => CheckOutcome) =>
  (site: SiteOutput, ns: CheckedNamespace): CheckOutcome =>
    site.runsKueue ? check(site, ns) : skip('the site runs no Kueue');

const CREATE_UPDATE = ['CREATE', 'UPDATE'];
/** What both Kueue guards must see: pods, and Jobs (the kind every job operator expands into). */
const KUEUE_WORKLOADS: readonly RequiredRule[] = [
  { group: '', resource: 'pods', operations: CREATE_UPDATE },
  { group: 'batch', resource: 'jobs', operations: CREATE_UPDATE },
];
/**
 * What the placement guard must see: pods and every kind that holds a pod template a trusted
 * controller or job operator expands into pods (which pass the guard as the controller's own).
 */
const POD_TEMPLATES: readonly RequiredRule[] = [
  ['', 'pods'],
  ['apps', 'deployments'],
  ['apps', 'replicasets'],
  ['apps', 'statefulsets'],
  ['apps', 'daemonsets'],
  ['batch', 'jobs'],
  ['batch', 'cronjobs'],
  ['jobset.x-k8s.io', 'jobsets'],
  ['kubeflow.org', 'mpijobs'],
  ['kubeflow.org', 'pytorchjobs'],
  ['trainer.kubeflow.org', 'trainjobs'],
].map(([group, resource]) => ({ group, resource, operations: CREATE_UPDATE }));

/** A NetworkPolicy (provider form) that selects every pod for Ingress and Egress and allows nothing. */
function deniesAll(policy: Json): boolean {
  const spec = asRecord(policy.spec);
  const types = strings(spec.policy_types);
  return (
    !hasTerms(spec.pod_selector) &&
    types.includes('Ingress') &&
    types.includes('Egress') &&
    asList(spec.ingress).length === 0 &&
    asList(spec.egress).length === 0
  );
}

/**
 * How an operator namespace's policy lets tenant pods in, or reaches into a tenant namespace: a peer
 * whose namespace selector selects a tenant namespace (by its labels, the name label included, or
 * by selecting every namespace), on ingress or egress, and an ingress `ipBlock` wider than a tenant
 * may name (it can hold the pod network). Peerless rules (any address) are the documented defaults
 * of webhooks and SSH without stated addresses, and egress to every namespace is the Slinky
 * operator's reach to each cluster's slurmrestd (port 6820, where no tenant listens): both are left
 * to AIF-NET-2's review of the allow list.
 */
function admitsTenants(policy: Json, tenants: readonly CheckedNamespace[]): string[] {
  const spec = asRecord(policy.spec);
  const name = String(asRecord(policy.metadata).name);
  const found: string[] = [];
  for (const direction of ['ingress', 'egress'] as const) {
    const way = direction === 'ingress' ? 'from' : 'to';
    for (const rule of asList(spec[direction])) {
      for (const peer of asList(direction === 'ingress' ? rule.from : rule.to)) {
        const block = asRecord(asList(peer.ip_block)[0] ?? peer.ip_block);
        if (direction === 'ingress' && block.cidr !== undefined) {
          const cidr = String(block.cidr);
          const why = !isCidr(cidr) ? 'not a CIDR block' : carelessCidr(cidr);
          if (why) found.push(`${name} allows ingress from ${cidr}: ${why}, which may hold tenant pods`);
        }
        if (peer.namespace_selector === undefined) continue;
        // A selector block, written as an object or as a list of one.
        const selector = asList(peer.namespace_selector)[0] ?? peer.namespace_selector;
        const every = !hasTerms(selector);
        if (every && direction === 'egress') continue;
        const hit = tenants.filter((t) => selects(selector, t.labels, 'all')).map((t) => t.name);
        if (every) found.push(`${name} allows ingress from every namespace, tenants' included`);
        else if (hit.length > 0)
          found.push(`${name} allows ${direction} ${way} tenant namespace ${hit.join(', ')}`);
      }
    }
  }
  return found;
}

/**
 * What a tenant namespace's allow policy opens beyond its own namespace, cluster DNS (port 53) and
 * narrow address blocks, as readable findings: a rule with no peers (every source or destination),
 * a namespace selector other than kube-system's DNS pods (every namespace with `{}`), the DNS pods
 * on other ports, an address block the profile's validation would refuse (`0.0.0.0/0`, wider than
 * a tenant may name, link-local). A policy that selects only some of the namespace's pods is fine.
 */
function widerThanTenant(policy: Json): string[] {
  const spec = asRecord(policy.spec);
  const name = String(asRecord(policy.metadata).name);
  const found: string[] = [];
  for (const direction of ['ingress', 'egress'] as const) {
    for (const rule of asList(spec[direction])) {
      const peers = asList(direction === 'ingress' ? rule.from : rule.to);
      if (peers.length === 0) {
        found.push(`${name} allows ${direction} ${direction === 'ingress' ? 'from' : 'to'} anywhere`);
        continue;
      }
      for (const peer of peers) {
        const nsSel = peer.namespace_selector;
        const block = asRecord(asList(peer.ip_block)[0] ?? peer.ip_block);
        if (nsSel !== undefined) {
          const labels = asRecord(asList(nsSel)[0] ?? nsSel);
          const dns =
            direction === 'egress' &&
            asRecord(labels.match_labels)[NAMESPACE_NAME_LABEL] === 'kube-system' &&
            Object.keys(asRecord(labels.match_labels)).length === 1 &&
            asList(labels.match_expressions).length === 0 &&
            asRecord(asRecord(asList(peer.pod_selector)[0] ?? peer.pod_selector).match_labels)['k8s-app'] ===
              'kube-dns';
          const onlyDnsPorts =
            asList(rule.ports).length > 0 && asList(rule.ports).every((p) => String(p.port) === '53');
          if (dns && !onlyDnsPorts)
            found.push(`${name} allows egress to the cluster DNS pods on other ports than 53`);
          if (!dns)
            found.push(
              `${name} allows ${direction} ${direction === 'ingress' ? 'from' : 'to'} ${hasTerms(nsSel) ? 'other namespaces' : 'every namespace'}`,
            );
        } else if (block.cidr !== undefined) {
          const cidr = String(block.cidr);
          const why = !isCidr(cidr) ? 'not a CIDR block' : carelessCidr(cidr);
          if (why) found.push(`${name} allows ${direction} ${cidr}: ${why}`);
        }
      }
    }
  }
  return found;
}

/**
 * The Kueue manager configuration and feature gates of the site's Kueue release (the chart's
 * `managerConfig.controllerManagerConfigYaml` and `controllerManager.featureGates`), or undefined
 * where the output has no Kueue release (Kueue installed some other way).
 */
function kueueSetup(site: SiteOutput): { config: Json; gates: Json[]; setOverrides: string[] } | undefined {
  const release = site.helmReleases.find((r) => r.chart === 'kueue');
  if (!release) return undefined;
  // `set` blocks are applied over `values`: one on the configuration or the gates hides what is read here.
  const setOverrides = ['set', 'set_list', 'set_sensitive']
    .flatMap((field) => asList(release[field]).map((x) => String(x.name)))
    .filter((name) => name.startsWith('managerConfig') || name.startsWith('controllerManager.featureGates'))
    .map((name) => `a set block overrides ${name}, which aif check cannot read: put it in the values`);
  let config: Json = {};
  let gates: Json[] = [];
  for (const v of strings(release.values)) {
    let values: Json;
    try {
      values = JSON.parse(unescapeTemplate(v)) as Json;
    } catch {
      continue;
    }
    const text = asRecord(values.managerConfig).controllerManagerConfigYaml;
    if (typeof text === 'string') {
      try {
        config = JSON.parse(text) as Json;
      } catch {
        config = { unreadable: true };
      }
    }
    if (Array.isArray(asRecord(values.controllerManager).featureGates))
      gates = asList(asRecord(values.controllerManager).featureGates);
  }
  return { config, gates, setOverrides };
}

/** The flavors a ClusterQueue offers, over all its resource groups. */
const offeredFlavors = (cq: Json): string[] =>
  asList(asRecord(cq.spec).resourceGroups).flatMap((g) => asList(g.flavors).map((f) => String(f.name)));

/**
 * The checks, one row each. Adding a control is adding a row: its id, the MTB level-1 ids it stands
 * for, and a function of the site's output and a tenant namespace.
 */
export const ISOLATION_CHECKS: readonly IsolationCheck[] = [
  {
    id: 'AIF-NS-1',
    appliesTo: 'tenant',
    mtb: [],
    title: 'Namespace carries its tenant label',
    protects:
      'the label the admission policies select tenant namespaces by: a namespace without it escapes all of them',
    run: (_site, ns) =>
      ns.labels[TENANT_LABEL] === ns.name
        ? pass(`${TENANT_LABEL}=${ns.name}`)
        : fail(
            `${TENANT_LABEL} is ${ns.labels[TENANT_LABEL] === undefined ? 'missing' : `'${ns.labels[TENANT_LABEL]}'`}, not '${ns.name}'`,
          ),
  },
  {
    id: 'AIF-PSA-1',
    appliesTo: 'tenant',
    mtb: [
      'MTB-PL1-BC-CPI-3',
      'MTB-PL1-BC-CPI-4',
      'MTB-PL1-BC-CPI-5',
      'MTB-PL1-BC-CPI-6',
      'MTB-PL1-BC-HI-1',
      'MTB-PL1-BC-HI-3',
      'MTB-PL1-BC-HI-4',
      'MTB-PL1-BC-HI-5',
    ],
    title: 'Pod Security restricted, enforced at a pinned version',
    protects:
      'the nodes: no privileged containers, added capabilities, privilege escalation, root users, host namespaces, host ports or hostPath volumes',
    run: (_site, ns) => {
      const level = ns.labels[POD_SECURITY_ENFORCE_LABEL];
      const version = ns.labels[POD_SECURITY_ENFORCE_VERSION_LABEL];
      if (level !== 'restricted') return fail(`${POD_SECURITY_ENFORCE_LABEL} is ${level ?? 'missing'}`);
      if (!version || !/^v1\.\d+$/.test(version))
        return fail(
          `${POD_SECURITY_ENFORCE_VERSION_LABEL} is ${version ?? 'missing'}, not a pinned v1.<minor>`,
        );
      return pass(`enforce=restricted at ${version}`);
    },
  },
  {
    id: 'AIF-QUOTA-1',
    appliesTo: 'tenant',
    mtb: ['MTB-PL1-CC-FNS-1'],
    title: 'Quota on cpu, memory, ephemeral storage, pods and claims',
    protects: "the nodes' CPU and memory, and the cluster's pod and volume capacity, from one tenant",
    run: quotaCheck(
      () => [
        'requests.cpu',
        'limits.cpu',
        'requests.memory',
        'limits.memory',
        'requests.ephemeral-storage',
        'pods',
        'persistentvolumeclaims',
      ],
      'cpu, memory, ephemeral storage, pods and claims',
    ),
  },
  {
    id: 'AIF-QUOTA-2',
    appliesTo: 'tenant',
    mtb: ['MTB-PL1-CC-FNS-1'],
    title: 'Quota on every GPU resource of the site',
    protects: "the site's GPUs: a resource left out of the quota would be unlimited for the tenant",
    run: quotaCheck(
      (site) =>
        site.gpuResources?.map((r) => `requests.${r}`) ??
        'the platform stack has no aif_site_inventory output, so the GPU resources of the site are unknown',
      'every GPU resource of the site',
    ),
  },
  {
    id: 'AIF-QUOTA-3',
    appliesTo: 'tenant',
    mtb: ['MTB-PL1-CC-FNS-1'],
    title: 'Quota on storage, per StorageClass of the site',
    protects: "the site's storage tiers: a class left out of the quota would be unlimited for the tenant",
    run: (site, ns) =>
      site.storageClasses.length === 0
        ? skip('the site has no StorageClass')
        : quotaCheck(
            (s) => [
              'requests.storage',
              ...s.storageClasses.flatMap((c) => [
                `${c}.storageclass.storage.k8s.io/requests.storage`,
                `${c}.storageclass.storage.k8s.io/persistentvolumeclaims`,
              ]),
            ],
            'storage of every StorageClass of the site',
          )(site, ns),
  },
  {
    id: 'AIF-QUOTA-4',
    appliesTo: 'tenant',
    mtb: ['MTB-PL1-BC-HI-1'],
    title: 'No NodePort or LoadBalancer Services',
    protects: "the nodes' ports and the site's load balancer addresses, which network policies cannot guard",
    run: (site, ns) => {
      const hard = unscopedHard(site, ns.name);
      if (!hard) return fail('no ResourceQuota without scopes in the namespace');
      const open = ['services.nodeports', 'services.loadbalancers'].filter(
        (k) => hard[k] === undefined || safeQuantity(hard[k]) !== 0,
      );
      return open.length > 0
        ? fail(open.map((k) => `${k} is ${hard[k] ?? 'not limited'}, not 0`).join('; '))
        : pass('services.nodeports=0, services.loadbalancers=0');
    },
  },
  {
    id: 'AIF-QUOTA-5',
    appliesTo: 'tenant',
    mtb: ['MTB-PL1-CC-FNS-2'],
    title: 'Object counts bounded',
    protects:
      'etcd and the Service range: unbounded Services, ConfigMaps, Secrets or jobs from one tenant fill them for everyone',
    run: quotaCheck(() => OBJECT_COUNT_KEYS.map(([key]) => key), 'object counts'),
  },
  {
    id: 'AIF-QUOTA-6',
    appliesTo: 'tenant',
    mtb: [],
    title: 'No pods at the system-* PriorityClasses',
    protects: "other tenants' work and the cluster's own components, which such pods would preempt",
    run: (site, ns) => {
      const closed = site.inNamespace(ns.name, 'resource_quota').some((q) => {
        const spec = asRecord(q.spec);
        const exprs = asList(asRecord(spec.scope_selector).match_expression);
        return (
          asRecord(spec.hard).pods !== undefined &&
          safeQuantity(String(asRecord(spec.hard).pods)) === 0 &&
          exprs.some(
            (e) =>
              e.scope_name === 'PriorityClass' &&
              e.operator === 'In' &&
              SYSTEM_PRIORITY_CLASSES.every((c) => strings(e.values).includes(c)),
          )
        );
      });
      return closed
        ? pass(`pods=0 at ${SYSTEM_PRIORITY_CLASSES.join(', ')}`)
        : fail(`no quota holds pods at 0 for PriorityClasses ${SYSTEM_PRIORITY_CLASSES.join(', ')}`);
    },
  },
  {
    id: 'AIF-QUOTA-7',
    appliesTo: 'tenant',
    mtb: [],
    title: 'No pods with pod (anti-)affinity terms on other namespaces',
    protects:
      "every tenant's scheduling, which one pod with a required anti-affinity on all pods of all namespaces would stop on every node of its topology",
    run: (site, ns) => {
      const closed = site.inNamespace(ns.name, 'resource_quota').some((q) => {
        const spec = asRecord(q.spec);
        return (
          asRecord(spec.hard).pods !== undefined &&
          safeQuantity(String(asRecord(spec.hard).pods)) === 0 &&
          strings(spec.scopes).includes('CrossNamespacePodAffinity') &&
          asList(asRecord(spec.scope_selector).match_expression).length === 0
        );
      });
      return closed
        ? pass('pods=0 in scope CrossNamespacePodAffinity')
        : fail('no quota holds pods at 0 in scope CrossNamespacePodAffinity');
    },
  },
  {
    id: 'AIF-LIMIT-1',
    appliesTo: 'tenant',
    mtb: [],
    title: 'LimitRange gives containers default requests and limits',
    protects:
      'the quota: where it limits cpu and memory, a container without requests and limits is refused; the LimitRange gives it defaults',
    run: (site, ns) => {
      const container = site
        .inNamespace(ns.name, 'limit_range')
        .flatMap((l) => asList(asRecord(l.spec).limit))
        .find((l) => l.type === 'Container');
      if (!container) return fail('no LimitRange with a Container limit in the namespace');
      const missing = ['default', 'default_request'].flatMap((field) =>
        ['cpu', 'memory']
          .filter((r) => asRecord(container[field])[r] === undefined)
          .map((r) => `${field}.${r}`),
      );
      return missing.length > 0
        ? fail(`the Container limit sets no ${missing.join(', ')}`)
        : pass('Container defaults for cpu and memory');
    },
  },
  {
    id: 'AIF-NET-1',
    appliesTo: 'tenant',
    mtb: [],
    title:
      'Default-deny NetworkPolicy for ingress and egress; allow policies open only the namespace, DNS and narrow blocks',
    protects:
      "other tenants' pods and the site's networks: only what another policy allows gets in or out, and no allow policy reaches other namespaces or the whole internet",
    run: (site, ns) => {
      const policies = site.inNamespace(ns.name, 'network_policy');
      const deny = policies.find(deniesAll);
      if (!deny)
        return fail('no NetworkPolicy selects every pod for Ingress and Egress without allowing anything');
      const wider = policies.filter((p) => p !== deny).flatMap(widerThanTenant);
      return wider.length > 0
        ? fail(wider.join('; '))
        : pass(
            `NetworkPolicy ${String(asRecord(deny.metadata).name)} selects every pod and allows nothing; ${policies.length - 1} allow polic${policies.length === 2 ? 'y opens' : 'ies open'} only the namespace, cluster DNS and narrow blocks`,
          );
    },
  },
  {
    id: 'AIF-NET-2',
    appliesTo: 'operator',
    mtb: [],
    title: `Default-deny NetworkPolicy ${DEFAULT_DENY_POLICY} for ingress and egress in operator namespaces`,
    protects:
      'the operators (Kueue, the GPU operators, CSI drivers, Slurm) from tenant pods, and the site from a compromised operator pod: only the flows its allow policies name get in or out',
    run: (site, ns) => {
      const policy = site
        .inNamespace(ns.name, 'network_policy')
        .find((p) => asRecord(p.metadata).name === DEFAULT_DENY_POLICY);
      if (!policy) return fail(`no NetworkPolicy ${DEFAULT_DENY_POLICY} in the namespace`);
      if (deniesAll(policy))
        return pass(`NetworkPolicy ${DEFAULT_DENY_POLICY} selects every pod and allows nothing`);
      const spec = asRecord(policy.spec);
      const types = strings(spec.policy_types);
      const why = [
        ...(hasTerms(spec.pod_selector) ? ['selects only some pods'] : []),
        ...['Ingress', 'Egress'].filter((t) => !types.includes(t)).map((t) => `has no policy type ${t}`),
        ...(['ingress', 'egress'] as const)
          .filter((d) => asList(spec[d]).length > 0)
          .map((d) => `allows ${d} (${asList(spec[d]).length} rule(s))`),
      ];
      return fail(`NetworkPolicy ${DEFAULT_DENY_POLICY} ${why.join(', ')}`);
    },
  },
  {
    id: 'AIF-NET-3',
    appliesTo: 'operator',
    mtb: [],
    title: "Operator namespaces' allow policies admit no tenant pods and reach no tenant namespace",
    protects:
      "the operators from tenant pods, also through flows a site adds (SystemNamespace.allow): a tenant could otherwise reach a component's metrics, admin or webhook ports",
    run: (site, ns) => {
      const policies = site.inNamespace(ns.name, 'network_policy').filter((p) => !deniesAll(p));
      const found = policies.flatMap((p) => admitsTenants(p, site.tenantNamespaces));
      return found.length > 0
        ? fail(found.join('; '))
        : pass(
            `${policies.length} allow polic${policies.length === 1 ? 'y names' : 'ies name'} no tenant namespace and no ingress from every namespace`,
          );
    },
  },
  {
    id: 'AIF-RBAC-1',
    appliesTo: 'tenant',
    mtb: ['MTB-PL1-CC-CPI-1'],
    title: "The tenant's rights are namespaced",
    protects: 'cluster-scoped resources (nodes, namespaces, ClusterRoles, CRDs) from every tenant',
    run: (site, ns) => {
      const roles = new Set(site.inNamespace(ns.name, 'role').map((r) => String(asRecord(r.metadata).name)));
      const bindings = site.inNamespace(ns.name, 'role_binding');
      const problems: string[] = [];
      const groups = new Set<string>();
      for (const b of bindings) {
        const name = String(asRecord(b.metadata).name);
        const ref = asRecord(asList(b.role_ref)[0] ?? b.role_ref);
        if (ref.kind !== 'Role')
          problems.push(`RoleBinding ${name} grants ${String(ref.kind)} ${String(ref.name)}`);
        else if (!roles.has(String(ref.name)))
          problems.push(
            `RoleBinding ${name} refers to Role ${String(ref.name)}, which is not in the namespace`,
          );
        for (const s of asList(b.subject)) groups.add(`${String(s.kind)}:${String(s.name)}`);
      }
      for (const crb of site.clusterRoleBindings()) {
        const shared = crb.subjects.filter((s) => groups.has(`${String(s.kind)}:${String(s.name)}`));
        if (shared.length > 0)
          problems.push(
            `ClusterRoleBinding ${crb.name} binds the tenant's ${shared.map((s) => String(s.name)).join(', ')}`,
          );
      }
      return problems.length > 0
        ? fail(problems.join('; '))
        : pass(
            `${roles.size} Role(s), ${bindings.length} RoleBinding(s), no cluster-wide binding of its groups`,
          );
    },
  },
  {
    id: 'AIF-RBAC-2',
    appliesTo: 'tenant',
    mtb: [],
    title: 'No escalate, bind, impersonate or wildcards',
    protects: 'the RBAC model itself: with these a tenant grants itself any right',
    run: (site, ns) => {
      const bad = roleRules(site, ns.name).flatMap((r) => {
        const why = [
          ...r.verbs
            .filter((v) => ['escalate', 'bind', 'impersonate', '*'].includes(v))
            .map((v) => `verb ${v}`),
          ...(r.resources.includes('*') ? ['resources *'] : []),
          ...(r.apiGroups.includes('*') ? ['apiGroups *'] : []),
        ];
        return why.length > 0 ? [`Role ${r.role}: ${why.join(', ')}`] : [];
      });
      return bad.length > 0 ? fail(bad.join('; ')) : pass('no escalate, bind, impersonate or wildcard');
    },
  },
  {
    id: 'AIF-RBAC-3',
    appliesTo: 'tenant',
    mtb: ['MTB-PL1-CC-TI-1', 'MTB-PL1-BC-CPI-2'],
    title:
      'The tenant writes only what TENANT_WRITABLE lists (workload kinds, pods, Services, ConfigMaps, Secrets, ServiceAccounts, claims); nothing of RBAC',
    protects:
      'the guard rails above, which a tenant with write rights would simply change; the queues, which it would step around by writing Workloads or binding pods to nodes; and the doors around them: endpoints, status subresources, ephemeral containers, tokens, device claims, ingresses and routes',
    run: (site, ns) => {
      const bad = roleRules(site, ns.name).flatMap((r) => {
        const writes = r.verbs.filter((v) => !READ_VERBS.includes(v));
        const unwritable = unwritableResources(r);
        const why = [
          ...(r.apiGroups.includes('rbac.authorization.k8s.io') ? ['rights on RBAC objects'] : []),
          ...(unwritable.length > 0 ? [`${writes.join(', ')} on ${unwritable.join(', ')}`] : []),
        ];
        return why.length > 0 ? [`Role ${r.role}: ${why.join(', ')}`] : [];
      });
      return bad.length > 0
        ? fail(bad.join('; '))
        : pass(
            'writes only to workload kinds, their pods, Services, ConfigMaps, Secrets, ServiceAccounts and claims',
          );
    },
  },
  {
    id: 'AIF-ADM-1',
    appliesTo: 'tenant',
    mtb: [],
    title: 'Services may not set externalIPs or be of type ExternalName (admission policy)',
    protects:
      'traffic to any IP address of the cluster, which a Service with externalIPs intercepts (CVE-2020-8554), and what ingress controllers and proxies reach with their own rights by following an ExternalName alias (a confused deputy, the CVE-2021-25740 family)',
    run: admissionCheck(
      ADMISSION_POLICIES.services,
      [{ group: '', resource: 'services', operations: CREATE_UPDATE }],
      ['externalIPs', 'ExternalName'],
    ),
  },
  {
    id: 'AIF-ADM-2',
    appliesTo: 'tenant',
    mtb: [],
    title: 'Pods may not name a PriorityClass (admission policy)',
    protects: "other tenants' work, which a pod with a high PriorityClass would preempt",
    run: admissionCheck(
      ADMISSION_POLICIES.priority,
      [{ group: '', resource: 'pods', operations: CREATE_UPDATE }],
      ['priorityClassName'],
    ),
  },
  {
    id: 'AIF-ADM-3',
    appliesTo: 'tenant',
    mtb: [],
    title:
      'The namespace and its guard rails are not deleted without offboarding, which only who may annotate the namespace starts (admission policy)',
    protects:
      "the tenant's data, and the quotas and default-deny that Terraform would destroy first; a tenant cannot mark its shared volume for offboarding itself",
    run: admissionCheck(
      ADMISSION_POLICIES.deletion,
      [
        { group: '', resource: 'namespaces', operations: ['DELETE'] },
        { group: '', resource: 'resourcequotas', operations: ['DELETE'] },
        { group: '', resource: 'limitranges', operations: ['DELETE'] },
        { group: '', resource: 'persistentvolumeclaims', operations: ['UPDATE', 'DELETE'] },
        { group: 'networking.k8s.io', resource: 'networkpolicies', operations: ['DELETE'] },
      ],
      [OFFBOARDING_ANNOTATION, 'authorizer'],
    ),
  },
  {
    id: 'AIF-ADM-4',
    appliesTo: 'tenant',
    mtb: [],
    title: 'Pods and pod templates may not tolerate pool taints or select pool nodes (admission policy)',
    protects:
      "the GPU pools, which a tenant's pod would otherwise reach around its queue (and CPU work onto GPU nodes) by a toleration, a node selector, node affinity or nodeName",
    run: admissionCheck(
      ADMISSION_POLICIES.placement,
      POD_TEMPLATES,
      ['tolerations', 'nodeSelector', 'nodeAffinity', 'nodeName'],
      ['notAController'],
    ),
  },
  {
    id: 'AIF-ADM-5',
    appliesTo: 'tenant',
    mtb: [],
    title:
      'Pods and pod templates keep a short grace period, mount no inline CSI volume the site did not allow, and bounded env, command and args (admission policy)',
    protects:
      "the GPUs an evicted job's pods would keep for their whole grace period; storage an inline NFS or Ceph volume mounts by address past the tiers; and etcd, which bulk in pod specs fills",
    run: admissionCheck(
      ADMISSION_POLICIES.podSpec,
      [...POD_TEMPLATES, { group: '', resource: 'pods', operations: ['DELETE'] }],
      ['terminationGracePeriodSeconds', 'gracePeriodSeconds', 'v.csi', 'c.env'],
    ),
  },
  {
    id: 'AIF-ADM-6',
    appliesTo: 'tenant',
    mtb: [],
    title: 'Labels, annotations and ConfigMap and Secret data are bounded in size (admission policy)',
    protects:
      'etcd, shared by every tenant: object counts bound how many objects a tenant keeps, this how big',
    run: admissionCheck(
      ADMISSION_POLICIES.size,
      [
        { group: '', resource: 'configmaps', operations: CREATE_UPDATE },
        { group: '', resource: 'secrets', operations: CREATE_UPDATE },
        ...POD_TEMPLATES,
      ],
      ['metadata.annotations', 'metadata.labels', 'object.data'],
    ),
  },
  {
    id: 'AIF-ADM-7',
    appliesTo: 'tenant',
    mtb: [],
    title: 'Claims may not name or select PersistentVolumes the tenant may not update (admission policy)',
    protects:
      "another tenant's data on an old volume made Available again, which a claim naming it (spec.volumeName) or selecting it by label (spec.selector) would bind",
    run: admissionCheck(
      ADMISSION_POLICIES.volumes,
      [{ group: '', resource: 'persistentvolumeclaims', operations: CREATE_UPDATE }],
      ['volumeName', 'selector', 'authorizer'],
    ),
  },
  {
    id: 'AIF-KUEUE-1',
    appliesTo: 'tenant',
    mtb: [],
    title: 'Kueue cannot be bypassed (admission policy)',
    protects:
      'the GPUs Kueue shares out: forged ownerReferences, the pod-suspending-parent or elastic-job annotation, a removed scheduling gate, a job resumed or widened by the tenant would start pods Kueue never admitted',
    run: whenKueue(
      admissionCheck(
        ADMISSION_POLICIES.kueueBypass,
        KUEUE_WORKLOADS,
        [
          'ownerReferences',
          'pod-suspending-parent',
          'schedulingGates',
          'elastic-job',
          'runPolicy.suspend',
          'parallelism',
        ],
        ['notAController'],
      ),
    ),
  },
  {
    id: 'AIF-KUEUE-2',
    appliesTo: 'tenant',
    mtb: [],
    title: 'Workload priority stays within the access mode (admission policy)',
    protects: "other tenants' queued work, which a higher kueue.x-k8s.io/priority-class would preempt",
    run: whenKueue(admissionCheck(ADMISSION_POLICIES.kueuePriority, KUEUE_WORKLOADS, [KUEUE_PRIORITY_LABEL])),
  },
  {
    id: 'AIF-KUEUE-3',
    appliesTo: 'tenant',
    mtb: [],
    title: "Only the tenant's own ClusterQueue admits its workloads",
    protects: "each tenant's GPU allocation: a ClusterQueue selecting another namespace spends it for them",
    run: whenKueue((site, ns) => {
      const problems: string[] = [];
      const own: string[] = [];
      for (const cq of site.manifestsOf('ClusterQueue')) {
        const meta = asRecord(cq.metadata);
        const name = String(meta.name);
        const selector = asRecord(cq.spec).namespaceSelector;
        const owner = asRecord(meta.labels)[TENANT_LABEL];
        if (owner === ns.name) {
          own.push(name);
          if (pinnedNamespace(selector) !== ns.name)
            problems.push(
              `its ClusterQueue ${name} does not select by ${NAMESPACE_NAME_LABEL}=${ns.name} alone`,
            );
        } else if (selects(selector, ns.labels, 'none')) {
          problems.push(
            `ClusterQueue ${name} of ${owner ? `tenant ${String(owner)}` : 'no tenant'} selects it`,
          );
        }
      }
      if (problems.length > 0) return fail(problems.join('; '));
      return pass(
        own.length > 0
          ? `ClusterQueue ${own.join(', ')} selects only ${ns.name}; no other selects it`
          : 'no ClusterQueue selects it',
      );
    }),
  },
  {
    id: 'AIF-KUEUE-4',
    appliesTo: 'tenant',
    mtb: [],
    title: 'Work without GPUs goes to the CPU lane, GPU work to the GPU lane (admission policy)',
    protects:
      "the GPU pools: Kueue admits work in a GPU queue on a pool's flavor, so work without GPUs there would run on GPU nodes",
    run: whenKueue(
      admissionCheck(
        ADMISSION_POLICIES.kueueLanes,
        [{ group: 'kueue.x-k8s.io', resource: 'workloads', operations: CREATE_UPDATE }],
        [['queueName', KUEUE_QUEUE_LABEL]],
        ['queueChanged'],
      ),
    ),
  },
  {
    id: 'AIF-KUEUE-5',
    appliesTo: 'tenant',
    mtb: [],
    title: `The CPU lane offers only the ${KUEUE_CPU_FLAVOR} flavor, which selects CPU nodes, outside the cohort`,
    protects: `the GPU nodes from CPU work, which lands on CPU nodes only when no GPU queue offers ${KUEUE_CPU_FLAVOR} and the CPU lane offers nothing else; and other tenants' cpu and memory, which a CPU lane in the cohort would borrow`,
    run: whenKueue((site, ns) => {
      const name = cpuClusterQueueName(ns.name);
      const problems: string[] = [];
      const lane = site.manifestsOf('ClusterQueue', name)[0];
      if (!lane) problems.push(`no ClusterQueue ${name}`);
      else {
        const offered = offeredFlavors(lane);
        if (offered.length !== 1 || offered[0] !== KUEUE_CPU_FLAVOR)
          problems.push(
            `ClusterQueue ${name} offers ${offered.length > 0 ? offered.join(', ') : 'no flavor'}, not ${KUEUE_CPU_FLAVOR} alone`,
          );
        const spec = asRecord(lane.spec);
        const cohort = spec.cohortName ?? spec.cohort;
        if (cohort !== undefined && cohort !== '')
          problems.push(`ClusterQueue ${name} is in cohort ${String(cohort)}`);
      }
      const flavor = site.manifestsOf('ResourceFlavor', KUEUE_CPU_FLAVOR)[0];
      if (!flavor) problems.push(`no ResourceFlavor ${KUEUE_CPU_FLAVOR}`);
      else if (Object.keys(asRecord(asRecord(flavor.spec).nodeLabels)).length === 0)
        problems.push(`ResourceFlavor ${KUEUE_CPU_FLAVOR} has no nodeLabels: it selects every node`);
      // The tenant's other ClusterQueues (its GPU lane), by name or by label.
      for (const cq of site.manifestsOf('ClusterQueue')) {
        const meta = asRecord(cq.metadata);
        const other = String(meta.name);
        if (other === name || (other !== ns.name && asRecord(meta.labels)[TENANT_LABEL] !== ns.name))
          continue;
        if (offeredFlavors(cq).includes(KUEUE_CPU_FLAVOR))
          problems.push(`its ClusterQueue ${other} offers ${KUEUE_CPU_FLAVOR} too`);
      }
      return problems.length > 0
        ? fail(problems.join('; '))
        : pass(
            `ClusterQueue ${name} offers ${KUEUE_CPU_FLAVOR} alone, in no cohort; the flavor selects ${Object.entries(
              asRecord(asRecord(flavor?.spec).nodeLabels),
            )
              .map(([k, v]) => `${k}=${String(v)}`)
              .join(', ')}`,
          );
    }),
  },
  {
    id: 'AIF-KUEUE-6',
    appliesTo: 'tenant',
    mtb: [],
    title: 'Kueue manages every job of the namespace, of every kind, and elastic jobs are off',
    protects:
      'the GPUs Kueue shares out: a job kind Kueue does not manage, or a namespace its selector leaves out, runs unqueued within the namespace quota (raised for borrowing); an elastic Job is not suspended again once it runs',
    run: whenKueue((site, ns) => {
      const setup = kueueSetup(site);
      if (!setup)
        return skip("the output has no Kueue release: Kueue's configuration is not the library's to check");
      const { config, gates, setOverrides } = setup;
      const problems: string[] = [];
      if (config.manageJobsWithoutQueueName !== true)
        problems.push('manageJobsWithoutQueueName is not true: a job without a queue label runs unqueued');
      if (!selects(config.managedJobsNamespaceSelector, ns.labels, 'none'))
        problems.push(`managedJobsNamespaceSelector does not select namespace ${ns.name}`);
      const frameworks = strings(asRecord(config.integrations).frameworks);
      const missing = KUEUE_INTEGRATIONS.filter((f) => !frameworks.includes(f));
      if (missing.length > 0) problems.push(`integrations leave out ${missing.join(', ')}`);
      // The chart joins the gates into one --feature-gates flag, where the last entry of a name wins.
      const effective = new Map(gates.map((x) => [String(x.name), x.enabled]));
      for (const g of KUEUE_FEATURE_GATES) {
        if (effective.get(g.name) !== g.enabled)
          problems.push(`feature gate ${g.name} is not ${g.enabled ? 'on' : 'off'}`);
      }
      problems.push(...setOverrides);
      return problems.length > 0
        ? fail(problems.join('; '))
        : pass(
            `every tenant job queued (${frameworks.length} integrations, manageJobsWithoutQueueName), ${KUEUE_FEATURE_GATES.map((g) => `${g.name} ${g.enabled ? 'on' : 'off'}`).join(', ')}`,
          );
    }),
  },
];

/** Groups stacks into sites by name (`<site>-platform`, `<site>-tenants`); other stacks are sites of their own. */
export function siteOutputs(stacks: readonly SynthesizedStack[]): SiteOutput[] {
  const bySite = new Map<string, SynthesizedStack[]>();
  for (const s of stacks) {
    const site = s.name.replace(/-(platform|tenants)$/, '');
    bySite.set(site, [...(bySite.get(site) ?? []), s]);
  }
  return [...bySite.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([site, list]) => new SiteOutput(site, list));
}

/**
 * Holds every namespace of every site against every check (or those given) that applies to its kind:
 * tenant namespaces against the tenant checks, operator namespaces against the operator checks.
 */
export function checkIsolation(
  stacks: readonly SynthesizedStack[],
  checks: readonly IsolationCheck[] = ISOLATION_CHECKS,
): CheckReport {
  const rows: CheckRow[] = [];
  const sites = siteOutputs(stacks);
  for (const site of sites) {
    for (const ns of site.namespaces) {
      const kind: NamespaceKind = site.tenantNamespaces.includes(ns) ? 'tenant' : 'operator';
      for (const check of checks.filter((c) => c.appliesTo === kind)) {
        let outcome: CheckOutcome;
        try {
          outcome = check.run(site, ns);
        } catch (e) {
          // Output this check cannot read is output it cannot vouch for.
          outcome = fail(`could not be evaluated: ${e instanceof Error ? e.message : String(e)}`);
        }
        rows.push({
          site: site.site,
          namespace: ns.name,
          kind,
          check: check.id,
          mtb: check.mtb,
          ...outcome,
        });
      }
    }
  }
  const count = (s: CheckStatus) => rows.filter((r) => r.status === s).length;
  return {
    rows,
    sites: sites.map((s) => ({
      site: s.site,
      namespaces: s.tenantNamespaces.length,
      operatorNamespaces: s.operatorNamespaces.length,
    })),
    passed: count('PASS'),
    failed: count('FAIL'),
    skipped: count('SKIP'),
  };
}

/** The report as a text table (site, namespace, check, MTB level-1 ids, status, reason) and a summary. */
export function renderCheckTable(report: CheckReport, rows: readonly CheckRow[] = report.rows): string {
  // MTB ids without their common `MTB-PL1-` prefix, which the header carries.
  const header = ['SITE', 'NAMESPACE', 'CHECK', 'MTB-PL1', 'STATUS', 'REASON'];
  const cells = rows.map((r) => [
    r.site,
    r.namespace,
    r.check,
    r.mtb.length > 0 ? r.mtb.map((m) => m.replace(/^MTB-PL1-/, '')).join(',') : '-',
    r.status,
    r.reason,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    c
      .map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), ...cells.map(line), '', checkSummary(report)].join('\n') + '\n';
}

/** One line per site and a total. */
export function checkSummary(report: CheckReport): string {
  const perSite = report.sites.map((s) => {
    const rows = report.rows.filter((r) => r.site === s.site);
    const failed = rows.filter((r) => r.status === 'FAIL').length;
    return `${s.site}: ${s.namespaces} tenant and ${s.operatorNamespaces} operator namespace(s), ${failed === 0 ? 'all checks pass' : `${failed} failed`}`;
  });
  const sum = (key: 'namespaces' | 'operatorNamespaces') => report.sites.reduce((n, s) => n + s[key], 0);
  return [
    ...perSite,
    `${report.rows.length} check(s) on ${sum('namespaces')} tenant and ${sum('operatorNamespaces')} operator namespace(s): ` +
      `${report.passed} passed, ${report.failed} failed, ${report.skipped} not applicable`,
  ].join('\n');
}
