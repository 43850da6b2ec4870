import { applyOrder, stackObjects } from '../../e2e/harness/translate';
import { profile as bissen } from '../../stacks/sites/bissen';
import { profile as bologna } from '../../stacks/sites/bologna';
import { synthesizedSite } from '../site-output';

// The e2e deploy's stand-in for the kubernetes provider (e2e/harness/translate.ts): what it sends
// the API server for each resource type the library emits. The e2e suite then proves it against a
// real API server with strict field validation; these tests pin the mapping without one.

const ns = (name: string) => ({ metadata: { name } });

describe('stackObjects', () => {
  it('turns typed resources into API objects and resolves namespace references', () => {
    const { objects } = stackObjects({
      resource: {
        kubernetes_namespace_v1: { t_ns: ns('alpha') },
        kubernetes_role_v1: {
          t_role: {
            metadata: {
              name: 'tenant-member',
              namespace: '${kubernetes_namespace_v1.t_ns.metadata[0].name}',
            },
            rule: [{ api_groups: ['batch'], resources: ['jobs'], resource_names: ['a'], verbs: ['get'] }],
          },
        },
        kubernetes_role_binding_v1: {
          t_binding: {
            depends_on: ['kubernetes_role_v1.t_role'],
            metadata: {
              name: 'tenant-member',
              namespace: '${kubernetes_namespace_v1.t_ns.metadata[0].name}',
            },
            role_ref: { api_group: 'rbac.authorization.k8s.io', kind: 'Role', name: 'tenant-member' },
            subject: [{ api_group: 'rbac.authorization.k8s.io', kind: 'Group', name: 'lab:alpha-users' }],
          },
        },
        kubernetes_limit_range_v1: {
          t_limits: {
            metadata: { name: 'tenant-defaults', namespace: 'alpha' },
            spec: {
              limit: [
                { type: 'Container', default: { cpu: '2' }, default_request: { 'ephemeral-storage': '1Gi' } },
              ],
            },
          },
        },
      },
    });
    const by = Object.fromEntries(objects.map((o) => [o.address, o]));
    expect(by['kubernetes_role_v1.t_role'].object).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'tenant-member', namespace: 'alpha' },
      rules: [{ apiGroups: ['batch'], resources: ['jobs'], resourceNames: ['a'], verbs: ['get'] }],
    });
    expect(by['kubernetes_role_binding_v1.t_binding'].object.subjects).toEqual([
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'lab:alpha-users' },
    ]);
    expect(by['kubernetes_role_binding_v1.t_binding'].dependsOn).toEqual([
      'kubernetes_namespace_v1.t_ns',
      'kubernetes_role_v1.t_role',
    ]);
    // Quantities' keys are data, not field names: 'ephemeral-storage' and 'default' stay as they are.
    expect(by['kubernetes_limit_range_v1.t_limits'].object.spec).toEqual({
      limits: [{ type: 'Container', default: { cpu: '2' }, defaultRequest: { 'ephemeral-storage': '1Gi' } }],
    });
  });

  it('sends numeric NetworkPolicy ports as numbers and named ones as names', () => {
    const { objects } = stackObjects({
      resource: {
        kubernetes_network_policy_v1: {
          p: {
            metadata: { name: 'allow', namespace: 'a' },
            spec: {
              pod_selector: {},
              policy_types: ['Egress'],
              egress: [
                {
                  ports: [
                    { port: '443', protocol: 'TCP' },
                    { port: 'dns', protocol: 'UDP' },
                  ],
                },
              ],
            },
          },
        },
      },
    });
    expect(objects[0].object.spec).toEqual({
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          ports: [
            { port: 443, protocol: 'TCP' },
            { port: 'dns', protocol: 'UDP' },
          ],
        },
      ],
    });
  });

  it('refuses what it does not know instead of dropping it', () => {
    expect(() => stackObjects({ resource: { kubernetes_pod_v1: { p: ns('x') } } })).toThrow(
      /kubernetes_pod_v1 is not known to the e2e deploy/,
    );
    expect(() =>
      stackObjects({
        resource: { kubernetes_namespace_v1: { n: { ...ns('x'), wait_for_default_service_account: true } } },
      }),
    ).toThrow(/attribute 'wait_for_default_service_account' is not known/);
    expect(() =>
      stackObjects({
        resource: {
          kubernetes_config_map_v1: { c: { metadata: { name: 'c', namespace: '${var.ns}' }, data: {} } },
        },
      }),
    ).toThrow(/interpolation the e2e deploy cannot resolve: \$\{var.ns\}/);
  });

  it("applies a node's labels and taints as parts, under each resource's own field manager", () => {
    const { objects } = stackObjects({
      resource: {
        kubernetes_labels: {
          l: {
            api_version: 'v1',
            kind: 'Node',
            metadata: { name: 'n1' },
            labels: { a: 'b' },
            field_manager: 'm-labels',
            force: true,
          },
        },
        kubernetes_node_taint: {
          t: {
            metadata: { name: 'n1' },
            taint: [{ key: 'k', value: 'v', effect: 'NoSchedule' }],
            field_manager: 'm-taints',
            force: false,
          },
        },
        kubernetes_manifest: { m: { manifest: { apiVersion: 'x/v1', kind: 'X', metadata: { name: 'x' } } } },
        kubernetes_namespace_v1: { n: ns('a') },
      },
    });
    const by = Object.fromEntries(objects.map((o) => [o.address, o]));
    expect(by['kubernetes_labels.l']).toMatchObject({
      mode: 'node-labels',
      fieldManager: 'm-labels',
      force: true,
      object: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', labels: { a: 'b' } } },
    });
    expect(by['kubernetes_node_taint.t']).toMatchObject({
      mode: 'node-taints',
      fieldManager: 'm-taints',
      force: false,
      object: { spec: { taints: [{ key: 'k', value: 'v', effect: 'NoSchedule' }] } },
    });
    // The provider updates typed resources over anyone's change; a manifest is applied without force.
    expect([by['kubernetes_namespace_v1.n'].force, by['kubernetes_manifest.m'].force]).toEqual([true, false]);
    expect(by['kubernetes_manifest.m'].fieldManager).toBe('Terraform');
  });

  it('lists Helm releases as skipped and reads removed blocks', () => {
    const r = stackObjects({
      resource: { helm_release: { kueue: { name: 'kueue' } } },
      removed: [{ from: 'kubernetes_namespace_v1.old', lifecycle: { destroy: false } }],
    });
    expect(r.skipped).toEqual(['helm_release.kueue']);
    expect(r.removed).toEqual([{ from: 'kubernetes_namespace_v1.old', destroy: false }]);
  });

  it('orders dependencies first and refuses a cycle', () => {
    const { objects } = stackObjects({
      resource: {
        kubernetes_config_map_v1: {
          a: { depends_on: ['kubernetes_namespace_v1.z'], metadata: { name: 'a', namespace: 'z' }, data: {} },
        },
        kubernetes_namespace_v1: { z: ns('z') },
      },
    });
    expect(applyOrder(objects).map((o) => o.address)).toEqual([
      'kubernetes_namespace_v1.z',
      'kubernetes_config_map_v1.a',
    ]);
    const loop = objects.map((o) => ({
      ...o,
      dependsOn: objects.filter((x) => x !== o).map((x) => x.address),
    }));
    expect(() => applyOrder(loop)).toThrow(/dependency cycle/);
  });

  it.each([
    ['bissen', bissen], // listed and MIG pools
    ['bologna', bologna], // Slurm
  ])('translates every resource of the %s stacks', (_, profile) => {
    for (const stack of synthesizedSite(profile)) {
      const { objects } = stackObjects(stack.json as Parameters<typeof stackObjects>[0]);
      expect(objects.length).toBeGreaterThan(10);
      for (const o of objects) {
        expect(o.object.metadata.name).toMatch(/^[a-z0-9.-]+$/);
        expect(JSON.stringify(o.object)).not.toContain('${');
      }
    }
  });
});
