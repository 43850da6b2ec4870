/**
 * Small builders of admission policy parts, shared by the policies of the library. Not part of the
 * public API (the platform index does not export this module).
 */

/** One admission rule: these operations on these resources of one API group, at one version. */
export function admissionRule(
  apiGroup: string,
  operations: readonly string[],
  resources: readonly string[],
  apiVersion = 'v1',
): Record<string, string[]> {
  return {
    apiGroups: [apiGroup],
    apiVersions: [apiVersion],
    operations: [...operations],
    resources: [...resources],
  };
}

/** CEL: `has()` down a path of optional fields, e.g. `has(s.a) && has(s.a.b)`. */
export function celHasPath(obj: string, ...fields: string[]): string {
  return fields.map((_, i) => `has(${[obj, ...fields.slice(0, i + 1)].join('.')})`).join(' && ');
}
