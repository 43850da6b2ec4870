import { admit, matches, NOT_MATCHED } from './cel';
import type { TfJson } from './helpers';

/** A policy that refuses everything it matches. */
const refuseAll = (matchConstraints: TfJson): TfJson => ({
  matchConstraints,
  validations: [{ expression: 'false', message: 'refused' }],
});
const tenant = { namespaceSelector: { matchExpressions: [{ key: 'tenant', operator: 'Exists' }] } };
const rule = (r: TfJson) => ({
  apiGroups: ['*'],
  apiVersions: ['*'],
  operations: ['*'],
  resources: ['*'],
  ...r,
});
const obj = (labels: Record<string, string> = {}) => ({ metadata: { name: 'o', labels } });
const inTenant = { namespaceLabels: { tenant: 'a' } };

describe('admit(): what the API server sends to a policy', () => {
  it('matches rules on group, version, resource and operation, with wildcards', () => {
    const p = refuseAll({
      resourceRules: [rule({ apiGroups: ['batch'], operations: ['CREATE', 'UPDATE'] })],
    });
    expect(admit(p, { resource: 'jobs', object: obj() })).toEqual(['refused']);
    expect(admit(p, { resource: 'cronjobs', operation: 'UPDATE', object: obj(), oldObject: obj() })).toEqual([
      'refused',
    ]);
    expect(admit(p, { resource: 'jobs', operation: 'DELETE', object: null, oldObject: obj() })).toBe(
      NOT_MATCHED,
    );
    expect(admit(p, { resource: 'pods', object: obj() })).toBe(NOT_MATCHED);
    const v1Only = refuseAll({ resourceRules: [rule({ apiVersions: ['v1'] })] });
    expect(admit(v1Only, { resource: 'jobsets', object: obj() })).toBe(NOT_MATCHED);
    expect(admit(v1Only, { resource: 'jobsets', version: 'v1', object: obj() })).toEqual(['refused']);
  });

  it('matches subresources only where a rule names them (`*` is every resource, not its subresources)', () => {
    const any = refuseAll({ resourceRules: [rule({})] });
    expect(admit(any, { resource: 'pods/status', operation: 'UPDATE', object: obj() })).toBe(NOT_MATCHED);
    const sub = refuseAll({ resourceRules: [rule({ resources: ['pods/*'] })] });
    expect(admit(sub, { resource: 'pods/status', operation: 'UPDATE', object: obj() })).toEqual(['refused']);
    expect(admit(sub, { resource: 'pods', object: obj() })).toEqual(['refused']);
    const status = refuseAll({ resourceRules: [rule({ resources: ['*/status'] })] });
    expect(admit(status, { resource: 'jobs/status', operation: 'UPDATE', object: obj() })).toEqual([
      'refused',
    ]);
    expect(admit(status, { resource: 'jobs', object: obj() })).toBe(NOT_MATCHED);
  });

  it('leaves out excluded resources, and honours scope and resourceNames', () => {
    const p = refuseAll({
      resourceRules: [rule({ scope: 'Namespaced' })],
      excludeResourceRules: [rule({ resources: ['services'] })],
    });
    expect(admit(p, { resource: 'services', object: obj() })).toBe(NOT_MATCHED);
    expect(admit(p, { resource: 'namespaces', object: obj() })).toBe(NOT_MATCHED);
    expect(admit(p, { resource: 'pods', object: obj() })).toEqual(['refused']);
    const named = refuseAll({ resourceRules: [rule({ resourceNames: ['x'] })] });
    expect(admit(named, { resource: 'pods', object: obj() })).toBe(NOT_MATCHED);
    expect(admit(named, { resource: 'pods', object: { metadata: { name: 'x' } } })).toEqual(['refused']);
  });

  it("selects namespaces by their labels, and a Namespace by its own (DELETE: the stored one's)", () => {
    const p = refuseAll({ ...tenant, resourceRules: [rule({})] });
    expect(admit(p, { resource: 'pods', object: obj(), ...inTenant })).toEqual(['refused']);
    expect(admit(p, { resource: 'pods', object: obj() })).toBe(NOT_MATCHED);
    expect(
      admit(p, {
        resource: 'pods',
        object: obj(),
        namespaceObject: { metadata: { labels: { tenant: 'a' } } },
      }),
    ).toEqual(['refused']);
    expect(admit(p, { resource: 'namespaces', object: obj({ tenant: 'a' }) })).toEqual(['refused']);
    expect(admit(p, { resource: 'namespaces', operation: 'DELETE', object: null, oldObject: obj() })).toBe(
      NOT_MATCHED,
    );
    expect(
      admit(p, {
        resource: 'namespaces',
        operation: 'DELETE',
        object: null,
        oldObject: obj({ tenant: 'a' }),
      }),
    ).toEqual(['refused']);
    // Other cluster-scoped kinds always match a namespace selector.
    expect(
      admit(p, {
        resource: 'clusterroles',
        group: 'rbac.authorization.k8s.io',
        version: 'v1',
        namespaced: false,
        object: obj(),
      }),
    ).toEqual(['refused']);
    const notIn = refuseAll({
      namespaceSelector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['system'] }] },
      resourceRules: [rule({})],
    });
    expect(admit(notIn, { resource: 'pods', object: obj() })).toEqual(['refused']);
    expect(admit(notIn, { resource: 'pods', object: obj(), namespaceLabels: { tier: 'system' } })).toBe(
      NOT_MATCHED,
    );
  });

  it('selects objects by their labels or the stored object’s, and narrows by the binding', () => {
    const p = refuseAll({ objectSelector: { matchLabels: { guarded: 'yes' } }, resourceRules: [rule({})] });
    expect(admit(p, { resource: 'pods', object: obj({ guarded: 'yes' }) })).toEqual(['refused']);
    expect(admit(p, { resource: 'pods', object: obj() })).toBe(NOT_MATCHED);
    const relabel = {
      resource: 'pods',
      operation: 'UPDATE' as const,
      object: obj(),
      oldObject: obj({ guarded: 'yes' }),
    };
    expect(admit(p, relabel)).toEqual(['refused']);
    expect(
      admit(p, { resource: 'pods', operation: 'DELETE', object: null, oldObject: obj({ guarded: 'yes' }) }),
    ).toEqual(['refused']);
    const any = refuseAll({ resourceRules: [rule({})] });
    const binding = { matchResources: { ...tenant } };
    expect(matches(any, { resource: 'pods', object: obj(), binding })).toBe(false);
    expect(admit(any, { resource: 'pods', object: obj(), binding, ...inTenant })).toEqual(['refused']);
    const jobsOnly = { matchResources: { resourceRules: [rule({ resources: ['jobs'] })] } };
    expect(admit(any, { resource: 'pods', object: obj(), binding: jobsOnly })).toBe(NOT_MATCHED);
  });

  it('wants the group and version of a resource it does not know', () => {
    expect(() =>
      admit(refuseAll({ resourceRules: [rule({})] }), { resource: 'widgets', object: obj() }),
    ).toThrow(/widgets is not in KNOWN_RESOURCES/);
  });
});
