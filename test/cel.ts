/**
 * Runs a ValidatingAdmissionPolicy's CEL on a sample object, the way the API server does: the
 * variables in order (each sees the ones before it), then every validation. Returns the messages
 * of the validations that fail; an empty list means the object would be admitted.
 * https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/
 */
import { evaluate } from '@marcbachmann/cel-js';
import type { TfJson } from './helpers';

export interface AdmissionRequest {
  /** The object as a client would send it; null on DELETE. */
  readonly object: TfJson | null;
  /** The object as stored: on UPDATE, and on DELETE (where `object` is null). @default null */
  readonly oldObject?: TfJson | null;
  /** `request.resource.resource`, e.g. `pods`, `jobs`. */
  readonly resource: string;
  /** `request.operation`. @default 'CREATE' */
  readonly operation?: 'CREATE' | 'UPDATE' | 'DELETE';
  /** Labels of the namespace the object goes to. */
  readonly namespaceLabels?: Record<string, string>;
  /** The namespace object itself, where a test needs more than its labels (null: cluster-scoped). */
  readonly namespaceObject?: TfJson | null;
  /** `request.userInfo.username`. @default 'tenant-user@idp' */
  readonly username?: string;
}

export function admit(policySpec: TfJson, req: AdmissionRequest): string[] {
  const context: Record<string, unknown> = {
    object: req.object,
    oldObject: req.oldObject ?? null,
    namespaceObject:
      req.namespaceObject !== undefined
        ? req.namespaceObject
        : { metadata: { labels: req.namespaceLabels ?? {} } },
    request: {
      resource: { resource: req.resource },
      operation: req.operation ?? 'CREATE',
      userInfo: { username: req.username ?? 'tenant-user@idp' },
    },
  };
  // A request that fails a match condition is not evaluated by the policy at all.
  for (const m of (policySpec.matchConditions ?? []) as Array<{ expression: string }>) {
    if (evaluate(m.expression, context) !== true) return [];
  }
  const variables: Record<string, unknown> = {};
  for (const v of (policySpec.variables ?? []) as Array<{ name: string; expression: string }>) {
    variables[v.name] = evaluate(v.expression, { ...context, variables });
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
