/**
 * The Kubernetes objects of a synthesized stack (cdk.tf.json), as the kubernetes provider 2.38.0
 * would make them in the API server (it creates and updates the typed resources, and server-side
 * applies manifests, labels and taints; the deploy, e2e/harness/deploy.ts, applies all of them
 * server-side and refuses to adopt what already exists): `kubernetes_manifest` resources carry
 * their object as it is,
 * the typed resources (`kubernetes_namespace_v1`, `kubernetes_role_v1`, ...) are turned from the
 * provider's snake_case blocks into the API's camelCase fields, and `${type.name.metadata[0].name}`
 * references are resolved.
 *
 * This stands in for the provider in the e2e suite because the provider cannot be had here (the Go
 * module proxy refuses github.com/hashicorp/terraform-provider-kubernetes at v2.38.0, and the
 * Terraform registry is not reachable): see docs/e2e.md. It is strict on purpose: a resource type,
 * attribute or reference it does not know is an error, never silently dropped, so a new construct
 * cannot slip past the real API server.
 */

/** The kubernetes provider's default field manager, for whole objects. */
export const FIELD_MANAGER = 'Terraform';

/** One object to apply, with the Terraform address it comes from. */
export interface PlannedObject {
  /** `kubernetes_namespace_v1.tenant_alpha_namespace` */
  readonly address: string;
  readonly object: KubeObject;
  /** Resources this one waits for (`depends_on` and references), by address. */
  readonly dependsOn: readonly string[];
  /** `lifecycle.prevent_destroy` */
  readonly preventDestroy: boolean;
  /** How it is applied: a whole object, or a field manager's part of an existing Node. */
  readonly mode: 'object' | 'node-labels' | 'node-taints';
  /**
   * Server-side apply with `--force-conflicts`: the typed resources (the provider updates them and
   * overwrites whoever changed a field), labels and taints with `force = true`; not manifests
   * (server-side apply without force_conflicts, which fails on another manager's field).
   */
  readonly force: boolean;
  /**
   * The server-side apply field manager: the resource's `field_manager`, else the provider's
   * default, `Terraform`. Two resources that apply parts of one object under one field manager
   * take each other's fields away, as they would with the provider.
   */
  readonly fieldManager: string;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [k: string]: unknown };
  [field: string]: unknown;
}

/** A stack's `removed` blocks: addresses that leave the state, and whether they are destroyed. */
export interface RemovedBlock {
  readonly from: string;
  readonly destroy: boolean;
}

export interface StackObjects {
  readonly objects: readonly PlannedObject[];
  readonly removed: readonly RemovedBlock[];
  /** Resources the harness does not apply (Helm releases: charts cannot be fetched here). */
  readonly skipped: readonly string[];
}

interface TypedKind {
  readonly apiVersion: string;
  readonly kind: string;
  /** Top-level attributes (besides metadata) that become fields of the object. */
  readonly fields: readonly string[];
}

/** The typed resources the library emits, and where each of their attributes goes. */
const TYPED: Readonly<Record<string, TypedKind>> = {
  kubernetes_namespace_v1: { apiVersion: 'v1', kind: 'Namespace', fields: [] },
  kubernetes_config_map_v1: {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    fields: ['data', 'binary_data', 'immutable'],
  },
  kubernetes_limit_range_v1: { apiVersion: 'v1', kind: 'LimitRange', fields: ['spec'] },
  kubernetes_resource_quota_v1: { apiVersion: 'v1', kind: 'ResourceQuota', fields: ['spec'] },
  kubernetes_persistent_volume_claim_v1: {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    fields: ['spec'],
  },
  kubernetes_network_policy_v1: {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    fields: ['spec'],
  },
  kubernetes_role_v1: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', fields: ['rule'] },
  kubernetes_role_binding_v1: {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    fields: ['role_ref', 'subject'],
  },
  kubernetes_storage_class_v1: {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    fields: [
      'storage_provisioner',
      'reclaim_policy',
      'volume_binding_mode',
      'allow_volume_expansion',
      'parameters',
      'mount_options',
      'allowed_topologies',
    ],
  },
};

/** Terraform meta-arguments and provider-only attributes: they never reach the API server. */
const META = new Set(['//', 'depends_on', 'lifecycle', 'provider', 'count', 'for_each', 'timeouts']);
const PROVIDER_ONLY: Readonly<Record<string, readonly string[]>> = {
  kubernetes_persistent_volume_claim_v1: ['wait_until_bound'],
  kubernetes_manifest: ['computed_fields', 'field_manager', 'wait', 'wait_for'],
  kubernetes_labels: ['field_manager', 'force'],
  kubernetes_node_taint: ['field_manager', 'force'],
};

/**
 * The provider's block names that the API spells differently (singular repeated blocks, renamed
 * attributes); everything else is snake_case to camelCase.
 */
const RENAMED: Readonly<Record<string, string>> = {
  rule: 'rules',
  subject: 'subjects',
  limit: 'limits',
  match_expression: 'matchExpressions',
  storage_provisioner: 'provisioner',
  allowed_topologies: 'allowedTopologies',
  match_label_expressions: 'matchLabelExpressions',
};

/** Maps whose keys are data (labels, quota names, parameters), not field names: copied as they are. */
const VERBATIM = new Set([
  'labels',
  'annotations',
  'data',
  'binary_data',
  'parameters',
  'hard',
  'default',
  'default_request',
  'max',
  'min',
  'max_limit_request_ratio',
  'requests',
  'limits',
  'match_labels',
]);

function camel(key: string): string {
  return RENAMED[key] ?? key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** snake_case blocks to camelCase fields, recursively; data maps stay as they are. */
function convert(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => convert(v, key));
  if (value === null || typeof value !== 'object') return value;
  if (key !== undefined && VERBATIM.has(key)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[camel(k)] = convert(v, k);
  return out;
}

/**
 * NetworkPolicy ports are IntOrString: the provider takes them as strings and sends a number when
 * the string is one (as the API server would otherwise keep "443" as a named port).
 */
function fixPorts(spec: Record<string, unknown>): void {
  for (const dir of ['ingress', 'egress']) {
    for (const rule of (spec[dir] as Array<Record<string, unknown>> | undefined) ?? []) {
      for (const port of (rule.ports as Array<Record<string, unknown>> | undefined) ?? []) {
        if (typeof port.port === 'string' && /^\d+$/.test(port.port)) port.port = Number(port.port);
      }
    }
  }
}

const REFERENCE = /\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.metadata\[0\]\.name\}/g;

/** Resolves `${type.name.metadata[0].name}`; any other interpolation is an error. */
function resolve(value: unknown, names: ReadonlyMap<string, string>, refs: Set<string>, at: string): unknown {
  if (typeof value === 'string') {
    const replaced = value.replace(REFERENCE, (_, type: string, name: string) => {
      const address = `${type}.${name}`;
      const target = names.get(address);
      if (target === undefined)
        throw new Error(`${at}: reference to ${address}, which the stack does not hold`);
      refs.add(address);
      return target;
    });
    if (replaced.includes('${'))
      throw new Error(`${at}: interpolation the e2e deploy cannot resolve: ${value}`);
    return replaced;
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, names, refs, at));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, resolve(v, names, refs, at)]),
    );
  }
  return value;
}

function checkKnown(
  type: string,
  address: string,
  body: Record<string, unknown>,
  known: readonly string[],
): void {
  const allowed = new Set([...known, ...(PROVIDER_ONLY[type] ?? []), 'metadata']);
  for (const key of Object.keys(body)) {
    if (!META.has(key) && !allowed.has(key)) {
      throw new Error(
        `${address}: attribute '${key}' is not known to the e2e deploy (e2e/harness/translate.ts)`,
      );
    }
  }
}

function typedObject(type: string, address: string, body: Record<string, unknown>): KubeObject {
  const kind = TYPED[type];
  checkKnown(type, address, body, kind.fields);
  const object: KubeObject = {
    apiVersion: kind.apiVersion,
    kind: kind.kind,
    metadata: convert(body.metadata, 'metadata') as KubeObject['metadata'],
  };
  for (const field of kind.fields) {
    if (body[field] !== undefined) object[camel(field)] = convert(body[field], field);
  }
  if (kind.kind === 'NetworkPolicy') fixPorts(object.spec as Record<string, unknown>);
  return object;
}

function nodePart(type: string, address: string, body: Record<string, unknown>): KubeObject {
  const metadata = body.metadata as { name: string };
  if (type === 'kubernetes_labels') {
    checkKnown(type, address, body, ['api_version', 'kind', 'labels']);
    if (body.kind !== 'Node') throw new Error(`${address}: kubernetes_labels of kind ${String(body.kind)}`);
    return {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: metadata.name, labels: body.labels as Record<string, string> },
    };
  }
  checkKnown(type, address, body, ['taint']);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: metadata.name },
    spec: { taints: convert(body.taint, 'taint') },
  };
}

function forceConflicts(body: Record<string, unknown>): boolean {
  const fm = body.field_manager as { force_conflicts?: unknown } | undefined;
  return typeof fm === 'object' && fm !== null && fm.force_conflicts === true;
}

/** `field_manager`: a string on labels and taints, a block `{ name, force_conflicts }` on manifests. */
function fieldManagerOf(body: Record<string, unknown>): string {
  const fm = body.field_manager;
  if (typeof fm === 'string') return fm;
  if (fm && typeof fm === 'object' && typeof (fm as { name?: unknown }).name === 'string')
    return (fm as { name: string }).name;
  return FIELD_MANAGER;
}

/**
 * Every Kubernetes object of a synthesized stack, in the stack's address order, with its
 * dependencies. Helm releases are listed as skipped.
 */
export function stackObjects(stack: {
  resource?: Record<string, Record<string, unknown>>;
  removed?: unknown;
}): StackObjects {
  const resources = stack.resource ?? {};
  // Names first, so that references resolve whatever the order.
  const names = new Map<string, string>();
  for (const [type, byName] of Object.entries(resources)) {
    for (const [name, body] of Object.entries(byName)) {
      const meta = ((body as Record<string, unknown>).metadata ??
        (body as { manifest?: { metadata?: unknown } }).manifest?.metadata) as { name?: string } | undefined;
      if (typeof meta?.name === 'string') names.set(`${type}.${name}`, meta.name);
    }
  }
  const objects: PlannedObject[] = [];
  const skipped: string[] = [];
  for (const type of Object.keys(resources).sort()) {
    for (const name of Object.keys(resources[type]).sort()) {
      const address = `${type}.${name}`;
      const body = resources[type][name] as Record<string, unknown>;
      if (type === 'helm_release') {
        skipped.push(address);
        continue;
      }
      const refs = new Set<string>();
      const resolved = resolve(body, names, refs, address) as Record<string, unknown>;
      let object: KubeObject;
      let mode: PlannedObject['mode'] = 'object';
      if (type === 'kubernetes_manifest') {
        checkKnown(type, address, resolved, ['manifest']);
        object = resolved.manifest as KubeObject;
      } else if (type === 'kubernetes_labels' || type === 'kubernetes_node_taint') {
        object = nodePart(type, address, resolved);
        mode = type === 'kubernetes_labels' ? 'node-labels' : 'node-taints';
      } else if (TYPED[type]) {
        object = typedObject(type, address, resolved);
      } else {
        throw new Error(
          `${address}: resource type ${type} is not known to the e2e deploy (e2e/harness/translate.ts)`,
        );
      }
      const dependsOn = new Set<string>(refs);
      for (const d of (body.depends_on as string[] | undefined) ?? []) dependsOn.add(d);
      objects.push({
        address,
        object,
        dependsOn: [...dependsOn].sort(),
        preventDestroy:
          (body.lifecycle as { prevent_destroy?: boolean } | undefined)?.prevent_destroy === true,
        mode,
        force: TYPED[type] !== undefined || body.force === true || forceConflicts(body),
        fieldManager: fieldManagerOf(body),
      });
    }
  }
  const removed = (
    (stack.removed as Array<{ from: string; lifecycle?: { destroy?: boolean } }> | undefined) ?? []
  ).map((r) => ({ from: r.from, destroy: r.lifecycle?.destroy !== false }));
  return { objects, removed, skipped };
}

/**
 * The objects in an order the API server accepts: dependencies first (a namespace before what
 * lives in it, a role before its binding), then by address.
 */
export function applyOrder(objects: readonly PlannedObject[]): PlannedObject[] {
  const byAddress = new Map(objects.map((o) => [o.address, o]));
  const done = new Set<string>();
  const out: PlannedObject[] = [];
  const visit = (o: PlannedObject, path: string[]): void => {
    if (done.has(o.address)) return;
    if (path.includes(o.address)) throw new Error(`dependency cycle: ${[...path, o.address].join(' -> ')}`);
    for (const d of o.dependsOn) {
      const dep = byAddress.get(d);
      if (dep) visit(dep, [...path, o.address]);
    }
    done.add(o.address);
    out.push(o);
  };
  for (const o of objects) visit(o, []);
  return out;
}
