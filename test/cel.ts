/**
 * Runs a ValidatingAdmissionPolicy on a sample request, the way the API server does: first whether
 * the policy (and its binding) matches the request at all (`matchConstraints`: resourceRules and
 * excludeResourceRules on group, version, resource and subresource, operation, scope and name;
 * namespaceSelector on the namespace's labels; objectSelector on the object's labels, or the old
 * object's), then the match conditions, the variables in order (each sees the ones before it), and
 * every validation. Returns NOT_MATCHED when the policy never sees the request, else the messages
 * of the validations that fail; an empty list means the object would be admitted.
 * https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/
 * (matchPolicy Equivalent, a request converted to another version of the same kind, is not
 * modelled: a request matches on the version it names.)
 */
import { Environment } from '@marcbachmann/cel-js';
import { selects } from '../lib/review/check';
import type { TfJson } from './helpers';

/** Who may do what, as the API server's `authorizer` variable asks it (SubjectAccessReview). */
export type Authorize = (verb: string, group: string, resource: string, name: string) => boolean;

class Authorizer {
  constructor(readonly authorize: Authorize) {}
}
class GroupCheck {
  constructor(
    readonly a: Authorizer,
    readonly group: string,
  ) {}
}
class ResourceCheck {
  constructor(
    readonly a: Authorizer,
    readonly group: string,
    readonly resource: string,
    readonly name: string,
  ) {}
}
class Decision {
  constructor(readonly ok: boolean) {}
}

/**
 * CEL as the API server evaluates admission policies, as far as the policies use it: the standard
 * library, Kubernetes' `list.sum()`, and the `authorizer` variable
 * (`authorizer.group(g).resource(r).name(n).check(verb).allowed()`).
 * https://kubernetes.io/docs/reference/using-api/cel/#kubernetes-list-library
 */
const CEL = new Environment({ unlistedVariablesAreDyn: true, homogeneousAggregateLiterals: true })
  .registerType('Authorizer', Authorizer)
  .registerType('GroupCheck', GroupCheck)
  .registerType('ResourceCheck', ResourceCheck)
  .registerType('Decision', Decision)
  .registerFunction({
    name: 'sum',
    receiverType: 'list',
    returnType: 'int',
    handler: (l: Array<bigint | number>) => l.reduce<bigint>((t, x) => t + BigInt(x), 0n),
    params: [],
  })
  .registerFunction({
    name: 'group',
    receiverType: 'Authorizer',
    returnType: 'GroupCheck',
    handler: (a: Authorizer, g: string) => new GroupCheck(a, g),
    params: [{ name: 'group', type: 'string' }],
  })
  .registerFunction({
    name: 'resource',
    receiverType: 'GroupCheck',
    returnType: 'ResourceCheck',
    handler: (c: GroupCheck, r: string) => new ResourceCheck(c.a, c.group, r, ''),
    params: [{ name: 'resource', type: 'string' }],
  })
  .registerFunction({
    name: 'name',
    receiverType: 'ResourceCheck',
    returnType: 'ResourceCheck',
    handler: (c: ResourceCheck, n: string) => new ResourceCheck(c.a, c.group, c.resource, n),
    params: [{ name: 'name', type: 'string' }],
  })
  .registerFunction({
    name: 'check',
    receiverType: 'ResourceCheck',
    returnType: 'Decision',
    handler: (c: ResourceCheck, verb: string) =>
      new Decision(c.a.authorize(verb, c.group, c.resource, c.name)),
    params: [{ name: 'verb', type: 'string' }],
  })
  .registerFunction({
    name: 'allowed',
    receiverType: 'Decision',
    returnType: 'bool',
    handler: (d: Decision) => d.ok,
    params: [],
  });

function evaluate(expression: string, context: Record<string, unknown>): unknown {
  return CEL.evaluate(expression, context);
}

/** What admit() returns for a request the policy or its binding does not match (so it is admitted). */
export const NOT_MATCHED = 'not matched';
/** NOT_MATCHED, or the messages of the failed validations ([]: admitted). */
export type Admission = string[] | typeof NOT_MATCHED;

/** Group, version and scope of the resources the tests send, so a test names the resource only. */
const KNOWN_RESOURCES: Record<string, { group: string; version: string; namespaced: boolean }> = {
  pods: { group: '', version: 'v1', namespaced: true },
  services: { group: '', version: 'v1', namespaced: true },
  persistentvolumeclaims: { group: '', version: 'v1', namespaced: true },
  resourcequotas: { group: '', version: 'v1', namespaced: true },
  limitranges: { group: '', version: 'v1', namespaced: true },
  serviceaccounts: { group: '', version: 'v1', namespaced: true },
  configmaps: { group: '', version: 'v1', namespaced: true },
  secrets: { group: '', version: 'v1', namespaced: true },
  namespaces: { group: '', version: 'v1', namespaced: false },
  deployments: { group: 'apps', version: 'v1', namespaced: true },
  replicasets: { group: 'apps', version: 'v1', namespaced: true },
  statefulsets: { group: 'apps', version: 'v1', namespaced: true },
  daemonsets: { group: 'apps', version: 'v1', namespaced: true },
  jobs: { group: 'batch', version: 'v1', namespaced: true },
  cronjobs: { group: 'batch', version: 'v1', namespaced: true },
  networkpolicies: { group: 'networking.k8s.io', version: 'v1', namespaced: true },
  rolebindings: { group: 'rbac.authorization.k8s.io', version: 'v1', namespaced: true },
  roles: { group: 'rbac.authorization.k8s.io', version: 'v1', namespaced: true },
  jobsets: { group: 'jobset.x-k8s.io', version: 'v1alpha2', namespaced: true },
  mpijobs: { group: 'kubeflow.org', version: 'v2beta1', namespaced: true },
  pytorchjobs: { group: 'kubeflow.org', version: 'v1', namespaced: true },
  trainjobs: { group: 'trainer.kubeflow.org', version: 'v1alpha1', namespaced: true },
  workloads: { group: 'kueue.x-k8s.io', version: 'v1beta1', namespaced: true },
  localqueues: { group: 'kueue.x-k8s.io', version: 'v1beta1', namespaced: true },
};

export interface AdmissionRequest {
  /** The object as a client would send it; null on DELETE. */
  readonly object: TfJson | null;
  /** The object as stored: on UPDATE, and on DELETE (where `object` is null). @default null */
  readonly oldObject?: TfJson | null;
  /**
   * `request.resource.resource`, e.g. `pods`, `jobs`, with the subresource after a slash where
   * there is one (`pods/status`, `deployments/scale`).
   */
  readonly resource: string;
  /** `request.resource.group`. @default the resource's group, for the resources in KNOWN_RESOURCES */
  readonly group?: string;
  /** `request.resource.version`. @default the resource's served version, as KNOWN_RESOURCES has it */
  readonly version?: string;
  /** Whether the resource lives in a namespace. @default as KNOWN_RESOURCES has it */
  readonly namespaced?: boolean;
  /** `request.operation`. @default 'CREATE' */
  readonly operation?: 'CREATE' | 'UPDATE' | 'DELETE';
  /** Labels of the namespace the object goes to. */
  readonly namespaceLabels?: Record<string, string>;
  /** The namespace object itself, where a test needs more than its labels (null: cluster-scoped). */
  readonly namespaceObject?: TfJson | null;
  /** `request.userInfo.username`. @default 'tenant-user@idp' */
  readonly username?: string;
  /** `request.options`: the DeleteOptions of a DELETE (`gracePeriodSeconds`), for example. */
  readonly options?: TfJson;
  /**
   * What the requester may do, for the policies that ask the authorizer.
   * @default a tenant's rights as far as the policies ask: none of the rights they check for
   */
  readonly authorize?: Authorize;
  /** The binding's spec, where its matchResources narrow the policy's. @default no matchResources */
  readonly binding?: TfJson;
}

type Rule = {
  apiGroups?: string[];
  apiVersions?: string[];
  resources?: string[];
  operations?: string[];
  scope?: string;
  resourceNames?: string[];
};

interface Attributes {
  group: string;
  version: string;
  resource: string;
  subresource: string;
  operation: string;
  namespaced: boolean;
  name: string;
}

/** One rule of resourceRules, as the API server's rule matcher reads it. */
function ruleMatches(rule: Rule, a: Attributes): boolean {
  const has = (list: string[] | undefined, v: string) => (list ?? []).some((x) => x === '*' || x === v);
  if (
    !has(rule.operations, a.operation) ||
    !has(rule.apiGroups, a.group) ||
    !has(rule.apiVersions, a.version)
  )
    return false;
  const resourceMatch = (rule.resources ?? []).some((r) => {
    const [res, sub = ''] = r.split(/\/(.*)/s);
    return (res === '*' || res === a.resource) && (sub === '*' || sub === a.subresource);
  });
  if (!resourceMatch) return false;
  const scope = rule.scope ?? '*';
  const isNamespace = a.resource === 'namespaces';
  if (scope === 'Namespaced' && (isNamespace || !a.namespaced)) return false;
  if (scope === 'Cluster' && !(isNamespace || !a.namespaced)) return false;
  return !rule.resourceNames?.length || rule.resourceNames.includes(a.name);
}

/** Whether a policy's matchConstraints (or a binding's matchResources) select the request. */
function matchResources(
  match: TfJson | undefined,
  req: AdmissionRequest,
  a: Attributes,
  namespaceLabels: Record<string, string> | null,
  rulesRequired: boolean,
): boolean {
  if (!match) return !rulesRequired;
  const rules = match.resourceRules as Rule[] | undefined;
  // A binding's matchResources without rules narrow by selectors only.
  if (rulesRequired || (rules?.length ?? 0) > 0) {
    if (!(rules ?? []).some((r) => ruleMatches(r, a))) return false;
  }
  if (((match.excludeResourceRules ?? []) as Rule[]).some((r) => ruleMatches(r, a))) return false;
  // Cluster-scoped resources other than namespaces always match the namespace selector.
  if (namespaceLabels !== null && !selects(match.namespaceSelector, namespaceLabels, 'all')) return false;
  // The object selector matches when the new object or the stored one does (DELETE: the stored one).
  const labelled = [req.object, req.oldObject].filter((o): o is TfJson => !!o);
  if (!labelled.some((o) => selects(match.objectSelector, o.metadata?.labels ?? {}, 'all'))) return false;
  return true;
}

/** The request's attributes, with group, version and scope filled in for known resources. */
function attributesOf(req: AdmissionRequest): Attributes {
  const [resource, subresource = ''] = req.resource.split(/\/(.*)/s);
  const known = KNOWN_RESOURCES[resource];
  const group = req.group ?? known?.group;
  const version = req.version ?? known?.version;
  const namespaced = req.namespaced ?? known?.namespaced;
  if (group === undefined || version === undefined || namespaced === undefined)
    throw new Error(
      `admit(): resource ${resource} is not in KNOWN_RESOURCES: give its group, version and scope`,
    );
  const stored = req.object ?? req.oldObject;
  return {
    group,
    version,
    resource,
    subresource,
    operation: req.operation ?? 'CREATE',
    namespaced,
    name: (stored?.metadata?.name as string | undefined) ?? '',
  };
}

/**
 * The labels the namespaceSelector sees: the namespace's, or for a Namespace itself its own (the
 * new object on CREATE and UPDATE, the stored one otherwise); null for other cluster-scoped kinds.
 */
function namespaceLabelsOf(req: AdmissionRequest, a: Attributes): Record<string, string> | null {
  if (a.resource === 'namespaces' && a.subresource === '') {
    const own = a.operation === 'CREATE' || a.operation === 'UPDATE' ? req.object : req.oldObject;
    return own?.metadata?.labels ?? {};
  }
  if (!a.namespaced) return null;
  if (req.namespaceObject) return req.namespaceObject.metadata?.labels ?? {};
  return req.namespaceLabels ?? {};
}

/** Whether the policy (and the binding, if given) receive the request at all. */
export function matches(policySpec: TfJson, req: AdmissionRequest): boolean {
  const a = attributesOf(req);
  const nsLabels = namespaceLabelsOf(req, a);
  return (
    matchResources(policySpec.matchConstraints, req, a, nsLabels, true) &&
    matchResources(req.binding?.matchResources, req, a, nsLabels, false)
  );
}

/**
 * Whole numbers as CEL ints: the API server types an object's fields by their schema, where counts
 * (replicas, parallelism, seconds) are int64; JSON would make them doubles, which CEL's arithmetic
 * does not mix with ints.
 */
function typed(v: unknown): unknown {
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (Array.isArray(v)) return v.map(typed);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, typed(x)]));
  return v;
}

export function admit(policySpec: TfJson, req: AdmissionRequest): Admission {
  if (!matches(policySpec, req)) return NOT_MATCHED;
  const a = attributesOf(req);
  const context: Record<string, unknown> = {
    object: typed(req.object),
    oldObject: typed(req.oldObject ?? null),
    namespaceObject:
      req.namespaceObject !== undefined
        ? req.namespaceObject
        : { metadata: { labels: req.namespaceLabels ?? {} } },
    request: {
      resource: { group: a.group, version: a.version, resource: a.resource },
      subResource: a.subresource,
      operation: a.operation,
      userInfo: { username: req.username ?? 'tenant-user@idp' },
      ...(req.options ? { options: typed(req.options) } : {}),
    },
    authorizer: new Authorizer(req.authorize ?? (() => false)),
  };
  // A request that fails a match condition is not evaluated by the policy at all.
  for (const m of (policySpec.matchConditions ?? []) as Array<{ expression: string }>) {
    if (evaluate(m.expression, context) !== true) return [];
  }
  // Variables are evaluated lazily, at their first use, as the API server does: a variable that
  // no validation of a request reads (the pod specs of a DELETE, whose object is null) never runs.
  const variables: Record<string, unknown> = {};
  for (const v of (policySpec.variables ?? []) as Array<{ name: string; expression: string }>) {
    let value: unknown;
    let done = false;
    Object.defineProperty(variables, v.name, {
      enumerable: true,
      get: () => {
        if (!done) {
          value = evaluate(v.expression, { ...context, variables });
          done = true;
        }
        return value;
      },
    });
  }
  const failed: string[] = [];
  for (const check of policySpec.validations as Array<{
    expression: string;
    message?: string;
    messageExpression?: string;
  }>) {
    if (evaluate(check.expression, { ...context, variables }) !== true) {
      failed.push(
        check.message ?? String(evaluate(check.messageExpression as string, { ...context, variables })),
      );
    }
  }
  return failed;
}
