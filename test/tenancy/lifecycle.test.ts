import { AiFactorySite, RemovedTenant, TenantGuardrails, ValidationError, type SiteProfile } from '../../lib';
import { profileProblems } from '../../lib/cli/profiles';
import { profile as bologna } from '../../stacks/sites/bologna';
import { admit, NOT_MATCHED } from '../cel';
import { fleetReport } from '../../lib/review/report';
import { renderSite } from '../../lib/review/render';
import { resources, synth, testApp, testStack, type TfJson } from '../helpers';

/** Every `<type>.<name>` of a stack whose name belongs to a tenant. */
function addressesOf(json: TfJson, tenant: string): string[] {
  return Object.entries((json.resource ?? {}) as Record<string, Record<string, TfJson>>)
    .flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`))
    .filter((a) => new RegExp(`^(kueue_)?tenant_${tenant}_`).test(a.split('.')[1]))
    .sort();
}

function tenantsStack(profile: SiteProfile): TfJson {
  return synth(new AiFactorySite(testApp(), profile).tenantsStack);
}

const withTenant = (name: string, change: (t: SiteProfile['tenants'][number]) => object): SiteProfile => ({
  ...bologna,
  tenants: bologna.tenants.map((t) => (t.name === name ? { ...t, ...change(t) } : t)),
});

// Bologna's earth-climate tenant: Kueue queues, egress, two groups, storage and two volumes.
const NAME = 'earth-climate';
const active = tenantsStack(bologna);
const retired = tenantsStack(withTenant(NAME, () => ({ retired: true })));
const removedProfile: SiteProfile = {
  ...bologna,
  tenants: bologna.tenants.filter((t) => t.name !== NAME),
  retiredTenants: [
    {
      name: NAME,
      volumes: ['checkpoints', 'era5'],
      note: 'EHPC-AIF-2026SC02-0019 ended 2026-11-30',
      // Its grants as they were: the data stays on the tiers until the namespace is deleted.
      storage: bologna.tenants.find((t) => t.name === NAME)!.storage,
    },
  ],
};
const removed = tenantsStack(removedProfile);

const KEPT = [
  'kubernetes_limit_range_v1.tenant_earth-climate_limits',
  'kubernetes_namespace_v1.tenant_earth-climate_namespace',
  'kubernetes_network_policy_v1.tenant_earth-climate_deny-all',
  'kubernetes_persistent_volume_claim_v1.tenant_earth-climate_volume_checkpoints',
  'kubernetes_persistent_volume_claim_v1.tenant_earth-climate_volume_era5',
  'kubernetes_resource_quota_v1.tenant_earth-climate_cross_namespace_affinity_quota',
  'kubernetes_resource_quota_v1.tenant_earth-climate_quota',
  'kubernetes_resource_quota_v1.tenant_earth-climate_system_priority_quota',
];
const QUEUES = [
  'kubernetes_manifest.kueue_tenant_earth-climate_cluster_queue',
  'kubernetes_manifest.kueue_tenant_earth-climate_cpu_cluster_queue',
  'kubernetes_manifest.kueue_tenant_earth-climate_cpu_local_queue',
  'kubernetes_manifest.kueue_tenant_earth-climate_local_queue',
];

describe('retiring a tenant (retired: true)', () => {
  it('keeps the namespace, volumes and what constrains them, stops the queues, and drops the rest', () => {
    expect(addressesOf(active, NAME)).toEqual(
      [
        ...KEPT,
        ...QUEUES,
        'kubernetes_network_policy_v1.tenant_earth-climate_cluster-dns',
        'kubernetes_network_policy_v1.tenant_earth-climate_same-namespace',
        'kubernetes_role_binding_v1.tenant_earth-climate_binding_admin',
        'kubernetes_role_binding_v1.tenant_earth-climate_binding_member',
        'kubernetes_role_v1.tenant_earth-climate_role_admin',
        'kubernetes_role_v1.tenant_earth-climate_role_member',
      ].sort(),
    );
    expect(addressesOf(retired, NAME)).toEqual([...KEPT, ...QUEUES].sort());
  });

  it('marks the namespace retired and keeps its annotations (the record of the allocation)', () => {
    const before = resources(active, 'kubernetes_namespace_v1')[`tenant_${NAME}_namespace`].metadata;
    const after = resources(retired, 'kubernetes_namespace_v1')[`tenant_${NAME}_namespace`];
    expect(after.metadata.labels['ai-factory.eu/lifecycle']).toBe('retired');
    expect(before.labels['ai-factory.eu/lifecycle']).toBeUndefined();
    expect(after.metadata.annotations['ai-factory.eu/project-id']).toBe('EHPC-AIF-2026SC02-0019');
    expect(after.lifecycle).toEqual({ prevent_destroy: true });
  });

  it('takes compute quota to zero and keeps the storage quota', () => {
    const hard = resources(retired, 'kubernetes_resource_quota_v1')[`tenant_${NAME}_quota`].spec.hard;
    expect(hard).toMatchObject({
      'requests.cpu': '0',
      'limits.cpu': '0',
      'requests.memory': '0',
      'requests.ephemeral-storage': '0',
      pods: '0',
      'requests.nvidia.com/gpu': '0',
      'work.storageclass.storage.k8s.io/requests.storage': '1536Ti',
      'fast.storageclass.storage.k8s.io/requests.storage': '192Ti',
      persistentvolumeclaims: '50',
    });
    // Kueue's borrowing no longer raises it (the override is the applied quota).
    const override = resources(retired, 'kubernetes_resource_quota_v1')[`tenant_${NAME}_quota`];
    expect(JSON.stringify(override)).not.toMatch(/"requests\.nvidia\.com\/gpu":"[1-9]/);
  });

  it('stops and drains every queue of both lanes, with no quota left to lend', () => {
    const m = resources(retired, 'kubernetes_manifest');
    const quotas: string[] = [];
    for (const lane of ['', 'cpu_']) {
      const cq = m[`kueue_tenant_${NAME}_${lane}cluster_queue`].manifest;
      const lq = m[`kueue_tenant_${NAME}_${lane}local_queue`].manifest;
      expect(cq.spec.stopPolicy).toBe('HoldAndDrain');
      expect(lq.spec.stopPolicy).toBe('HoldAndDrain');
      quotas.push(
        ...cq.spec.resourceGroups.flatMap((g: TfJson) =>
          g.flavors.flatMap((f: TfJson) => f.resources.map((r: TfJson) => r.nominalQuota)),
        ),
      );
    }
    // The GPU lane has no flavor left; the CPU lane holds no cpu or memory.
    expect(m[`kueue_tenant_${NAME}_cluster_queue`].manifest.spec.resourceGroups).toEqual([]);
    expect(quotas).toEqual(['0', '0']);
    // Active tenants' queues run as before.
    expect(m['kueue_tenant_agrifood_cluster_queue'].manifest.spec.stopPolicy).toBeUndefined();
  });

  it("frees the tenant's GPUs for new grants, but not its name", () => {
    const newcomer = {
      name: 'climate-adaptation',
      accessMode: 'ai-for-science' as const,
      allocation: { projectId: 'EHPC-AIF-2026SC04-0044', start: '2026-12-01', end: '2027-05-31' },
      gpus: [{ pool: 'booster', count: 160 }],
      groups: { admins: ['it4lia:adaptation-admins'] },
    };
    const full = { ...bologna, tenants: [...bologna.tenants, newcomer] };
    expect(profileProblems([full]).join('\n')).toContain('[POOL_OVERCOMMITTED]');
    const swapped = withTenant(NAME, () => ({ retired: true }));
    expect(profileProblems([{ ...swapped, tenants: [...swapped.tenants, newcomer] }])).toEqual([]);
  });
});

describe('the capacity report of a site with a retired tenant', () => {
  const site = new AiFactorySite(
    testApp(),
    withTenant(NAME, () => ({ retired: true })),
  );
  const stacks = [
    { name: site.platform.node.id, json: synth(site.platform) },
    { name: site.tenantsStack.node.id, json: synth(site.tenantsStack) },
  ];
  const report = fleetReport(stacks, '2026-11-30');
  const bolognaReport = report.sites[0];

  it('lists the tenant as retired, holding no GPUs, with its storage kept', () => {
    const row = bolognaReport.tenants.find((t) => t.tenant === NAME)!;
    expect(row.status).toBe('retired');
    expect(row.grants).toEqual([]);
    expect(row.gpuEquivalents).toBe(0);
    expect(row.storage).toMatchObject({ work: 1536 * 2 ** 40, fast: 192 * 2 ** 40 });
    expect(bolognaReport.retired).toEqual([NAME]);
    // Not counted as expired (its allocation ended on the report's date) nor among active tenants.
    expect(bolognaReport.expired).not.toContain(NAME);
    expect(report.fleet.retired).toBe(1);
    expect(report.fleet.tenants).toBe(bologna.tenants.length - 1);
  });

  it('says so in the rendered report', () => {
    const text = renderSite(bolognaReport, 'markdown');
    expect(text).toContain(
      `- Retired tenants (namespace and volumes kept, nothing runs; move them to retiredTenants to take them out of Terraform): ${NAME}`,
    );
    expect(text).toMatch(new RegExp(`\\| ${NAME} \\|[^\\n]*\\| retired \\|`));
  });
});

describe('taking a retired tenant out of the profile (retiredTenants)', () => {
  it('leaves no resource of the tenant in the configuration', () => {
    expect(addressesOf(removed, NAME)).toEqual([]);
  });

  it('writes a removed block with destroy = false for exactly what the retired tenant kept, but the queues', () => {
    expect(removed.removed).toEqual(KEPT.map((from) => ({ from, lifecycle: { destroy: false } })));
    // Everything else the retired tenant had is destroyed: only its stopped queues.
    const leaving = addressesOf(retired, NAME).filter((a) => !KEPT.includes(a));
    expect(leaving).toEqual(QUEUES);
  });

  it('keeps every other tenant byte for byte', () => {
    const others = (json: TfJson) =>
      JSON.stringify(bologna.tenants.filter((t) => t.name !== NAME).map((t) => addressesOf(json, t.name)));
    expect(others(removed)).toEqual(others(active));
  });

  it('refuses the name for a new tenant, and a tenant both retired and removed', () => {
    const reuse: SiteProfile = {
      ...removedProfile,
      tenants: [
        ...removedProfile.tenants,
        { ...bologna.tenants.find((t) => t.name === NAME)!, retired: false },
      ],
    };
    const lines = profileProblems([reuse]);
    expect(lines).toEqual([
      expect.stringContaining(
        `bologna: [TENANT_NAME_RETIRED] tenants[4].name: 'earth-climate' belonged to a tenant that was retired (retiredTenants[0])`,
      ),
    ]);
    expect(lines[0]).toContain("Fix: choose a new name for the new tenant, e.g. 'earth-climate-2'");
    const both = profileProblems([
      { ...removedProfile, tenants: withTenant(NAME, () => ({ retired: true })).tenants },
    ]);
    expect(both).toHaveLength(1);
    expect(both[0]).toContain(
      'a tenant is either retired (retired: true, still in tenants) or taken out of Terraform',
    );
    expect(() => new AiFactorySite(testApp(), reuse)).toThrow(ValidationError);
  });

  it("counts a removed tenant's storage in the tiers until its data is deleted (issue 18, item 6)", () => {
    // Bologna's fast tier holds 512Ti, and the other tenants 192Ti of it besides the first's. With
    // earth-climate's 192Ti kept there, a 256Ti grant to the first is more than the tier has; it
    // fits once the profile says the data was deleted.
    const grow = (p: SiteProfile): SiteProfile => ({
      ...p,
      tenants: p.tenants.map((t, i) =>
        i === 0
          ? {
              ...t,
              storage: [
                ...(t.storage ?? []).filter((g) => g.tier !== 'fast'),
                { tier: 'fast', capacity: '256Ti' },
              ],
            }
          : t,
      ),
    });
    const held = bologna.tenants
      .filter((t, i) => i !== 0 && t.name !== NAME)
      .flatMap((t) => (t.storage ?? []).filter((g) => g.tier === 'fast').map((g) => g.capacity));
    expect([bologna.storageTiers!.find((t) => t.name === 'fast')!.capacity, held]).toEqual([
      '512Ti',
      ['128Ti', '64Ti'],
    ]);
    const kept = profileProblems([grow(removedProfile)]);
    expect(kept).toEqual([expect.stringContaining('[STORAGE_OVERCOMMITTED] storageTiers[')]);
    expect(kept[0]).toContain(`"${NAME} (retired)":"192Ti"`);
    const deleted = {
      ...removedProfile,
      retiredTenants: [{ ...removedProfile.retiredTenants![0], dataDeleted: '2026-01-10' }],
    };
    expect(profileProblems([grow(deleted)])).toEqual([]);
    // The report counts it too, in a column of its own, until then.
    const reportOf = (p: SiteProfile) => {
      const site = new AiFactorySite(testApp(), p);
      const stacks = [site.platform, site.tenantsStack].map((s) => ({ name: s.node.id, json: synth(s) }));
      return renderSite(fleetReport(stacks, '2026-12-20').sites[0], 'markdown');
    };
    const report = reportOf(removedProfile);
    expect(report).toContain('kept for retired tenants');
    expect(report).toMatch(/\| fast \|[^\n]*\| 192 TiB \| /);
    expect(reportOf(deleted)).not.toContain('kept for retired tenants');
  });

  it('asks a removed tenant for its storage or the day its data was deleted', () => {
    const lines = profileProblems([
      { ...removedProfile, retiredTenants: [{ name: NAME, volumes: ['era5'] }] },
    ]);
    expect(lines).toEqual([expect.stringContaining('[RETIRED_STORAGE_UNKNOWN] retiredTenants[0]')]);
    const bad = profileProblems([
      { ...removedProfile, retiredTenants: [{ name: NAME, dataDeleted: '2026-13-01' }] },
    ]);
    expect(bad).toEqual([expect.stringContaining('[DATE_INVALID] retiredTenants[0].dataDeleted')]);
    // A deletion is recorded once done: a day after the synthesis date (2026-01-15 in the tests) is refused.
    const later = profileProblems([
      { ...removedProfile, retiredTenants: [{ name: NAME, dataDeleted: '2026-02-01' }] },
    ]);
    expect(later).toEqual([expect.stringContaining('the day lies after 2026-01-15')]);
    const unknownTier = profileProblems([
      { ...removedProfile, retiredTenants: [{ name: NAME, storage: [{ tier: 'tape', capacity: '1Ti' }] }] },
    ]);
    expect(unknownTier).toEqual([
      expect.stringContaining('[STORAGE_TIER_UNKNOWN] retiredTenants[0].storage[0].tier'),
    ]);
  });

  it('checks the record itself: names, volume names, no duplicates, and its shape', () => {
    const lines = profileProblems([
      {
        ...removedProfile,
        retiredTenants: [
          { name: NAME, volumes: ['Era5'], storage: [] },
          { name: NAME, dataDeleted: '2026-01-10' },
        ],
      },
    ]);
    expect(lines.map((l) => l.slice(0, l.indexOf(':', 9)))).toEqual([
      'bologna: [NAME_DUPLICATE] retiredTenants[1].name',
      'bologna: [NAME_INVALID] retiredTenants[0].volumes[0]',
    ]);
    const shape = profileProblems([
      { ...removedProfile, retiredTenants: [{ name: NAME, volumes: 'era5' }] } as never,
    ]);
    expect(shape).toEqual([
      expect.stringContaining('[VALUE_INVALID] retiredTenants[0].volumes: expected a list'),
    ]);
  });

  it('works without a profile: RemovedTenant in a stack of the operator', () => {
    const stack = testStack();
    const r = new RemovedTenant(stack, 'old', { name: 'course-2025', volumes: ['notebooks'] });
    new RemovedTenant(stack, 'older', { name: 'course-2024' });
    expect(r.released.map((x) => x.type)).toContain('kubernetes_persistent_volume_claim_v1');
    const json = synth(stack);
    expect(json.removed.map((b: TfJson) => b.from)).toEqual([
      'kubernetes_limit_range_v1.tenant_course-2024_limits',
      'kubernetes_limit_range_v1.tenant_course-2025_limits',
      'kubernetes_namespace_v1.tenant_course-2024_namespace',
      'kubernetes_namespace_v1.tenant_course-2025_namespace',
      'kubernetes_network_policy_v1.tenant_course-2024_deny-all',
      'kubernetes_network_policy_v1.tenant_course-2025_deny-all',
      'kubernetes_persistent_volume_claim_v1.tenant_course-2025_volume_notebooks',
      'kubernetes_resource_quota_v1.tenant_course-2024_cross_namespace_affinity_quota',
      'kubernetes_resource_quota_v1.tenant_course-2024_quota',
      'kubernetes_resource_quota_v1.tenant_course-2024_system_priority_quota',
      'kubernetes_resource_quota_v1.tenant_course-2025_cross_namespace_affinity_quota',
      'kubernetes_resource_quota_v1.tenant_course-2025_quota',
      'kubernetes_resource_quota_v1.tenant_course-2025_system_priority_quota',
    ]);
    expect(new Set(json.removed.map((b: TfJson) => b.lifecycle.destroy))).toEqual(new Set([false]));
  });
});

describe('the tenant deletion guard', () => {
  const stack = testStack();
  new TenantGuardrails(stack, 'g', { pools: [] });
  const policy = Object.values(resources(synth(stack), 'kubernetes_manifest'))
    .map((r) => r.manifest as TfJson)
    .find(
      (m) => m.kind === 'ValidatingAdmissionPolicy' && m.metadata.name === 'aif-tenant-deletion',
    ) as TfJson;
  const ns = (name: string, labels: Record<string, string> = {}, annotations?: Record<string, string>) => ({
    metadata: {
      name,
      labels: { 'ai-factory.eu/tenant': name, ...labels },
      ...(annotations ? { annotations } : {}),
    },
  });
  const deleteNamespace = (obj: TfJson) =>
    admit(policy.spec, {
      object: null,
      oldObject: obj,
      resource: 'namespaces',
      operation: 'DELETE',
      namespaceObject: null,
    });
  const MANAGED = { 'app.kubernetes.io/managed-by': 'cdktf-ai-factory' };
  /** DELETE of a namespaced object, as Terraform or kubectl sends it. */
  const deleteIn = (
    namespace: TfJson,
    resource: string,
    name: string,
    labels: Record<string, string> = {},
    annotations?: Record<string, string>,
  ) =>
    admit(policy.spec, {
      object: null,
      oldObject: {
        metadata: {
          name,
          namespace: namespace.metadata.name,
          labels,
          ...(annotations ? { annotations } : {}),
        },
      },
      resource,
      operation: 'DELETE',
      namespaceObject: namespace,
    });
  const refused = (resource: string, name: string) =>
    `${resource} ${name} of tenant namespace acme holds or guards tenant data and may not be deleted (a tenant or volume left out of a profile is offboarded, not deleted); to delete it on purpose, annotate it (or the namespace) with ai-factory.eu/offboarding=<its name>`;

  it('matches DELETE of namespaces and of the objects that hold or guard data, failing closed', () => {
    expect(policy.spec.failurePolicy).toBe('Fail');
    expect(policy.spec.matchConstraints.namespaceSelector).toEqual({
      matchExpressions: [{ key: 'ai-factory.eu/tenant', operator: 'Exists' }],
    });
    expect(
      policy.spec.matchConstraints.resourceRules.map((r: TfJson) => [r.resources, r.operations]),
    ).toEqual([
      [['namespaces'], ['DELETE']],
      [
        ['persistentvolumeclaims', 'resourcequotas', 'limitranges'],
        ['UPDATE', 'DELETE'],
      ],
      [['networkpolicies'], ['UPDATE', 'DELETE']],
    ]);
  });

  it('refuses to delete a tenant namespace (terraform destroy, kubectl delete ns) and says how to offboard', () => {
    expect(deleteNamespace(ns('acme'))).toEqual([
      'tenant namespace acme holds tenant data and may not be deleted; to offboard it, annotate it first: kubectl annotate namespace acme ai-factory.eu/offboarding=acme',
    ]);
    expect(
      deleteNamespace(ns('acme', { 'ai-factory.eu/lifecycle': 'retired' }, { other: 'x' })),
    ).toHaveLength(1);
    // The annotation must name the namespace itself.
    expect(deleteNamespace(ns('acme', {}, { 'ai-factory.eu/offboarding': 'true' }))).toHaveLength(1);
    expect(deleteNamespace(ns('acme', {}, { 'ai-factory.eu/offboarding': 'acme' }))).toEqual([]);
    // Namespaces that are not a tenant's are not the policy's to guard.
    expect(deleteNamespace({ metadata: { name: 'scratch', labels: {} } })).toBe(NOT_MATCHED);
  });

  it('refuses what Terraform would destroy for a tenant deleted from a profile: shared volumes, quotas, limits, default-deny', () => {
    const active = ns('acme');
    expect(deleteIn(active, 'persistentvolumeclaims', 'era5', MANAGED)).toEqual([
      refused('persistentvolumeclaims', 'era5'),
    ]);
    expect(deleteIn(active, 'resourcequotas', 'tenant-quota', MANAGED)).toEqual([
      refused('resourcequotas', 'tenant-quota'),
    ]);
    expect(deleteIn(active, 'limitranges', 'tenant-defaults', MANAGED)).toEqual([
      refused('limitranges', 'tenant-defaults'),
    ]);
    expect(deleteIn(active, 'networkpolicies', 'aif-default-deny', MANAGED)).toEqual([
      refused('networkpolicies', 'aif-default-deny'),
    ]);
  });

  it('lets retirement and tenants do their part: other policies, roles, and claims the tenant made', () => {
    const active = ns('acme');
    // Retiring deletes the allow policies (and roles and bindings, which the policy does not match).
    expect(deleteIn(active, 'rolebindings', 'tenant-admins', MANAGED)).toBe(NOT_MATCHED);
    expect(deleteIn(active, 'networkpolicies', 'aif-allow-egress-cidrs', MANAGED)).toEqual([]);
    expect(deleteIn(active, 'networkpolicies', 'aif-allow-same-namespace', MANAGED)).toEqual([]);
    // A claim the tenant created itself carries no managed-by label.
    expect(deleteIn(active, 'persistentvolumeclaims', 'scratch-1')).toEqual([]);
  });

  it('lets a deliberate deletion through: the object, or the namespace, annotated with its own name', () => {
    const active = ns('acme');
    expect(
      deleteIn(active, 'persistentvolumeclaims', 'era5', MANAGED, { 'ai-factory.eu/offboarding': 'era5' }),
    ).toEqual([]);
    expect(
      deleteIn(active, 'persistentvolumeclaims', 'era5', MANAGED, { 'ai-factory.eu/offboarding': 'other' }),
    ).toHaveLength(1);
    // The namespace controller deleting the contents of an annotated namespace.
    const offboarding = ns('acme', {}, { 'ai-factory.eu/offboarding': 'acme' });
    expect(deleteIn(offboarding, 'resourcequotas', 'tenant-quota', MANAGED)).toEqual([]);
  });

  // Issue 16, finding 10: a tenant may update its claims, so the marks that open one for deletion
  // need the right to annotate the namespace.
  const updateIn = (
    oldMeta: TfJson,
    newMeta: TfJson,
    authorize?: (verb: string, group: string, resource: string, name: string) => boolean,
  ) =>
    admit(policy.spec, {
      object: { metadata: { name: 'era5', namespace: 'acme', ...newMeta }, spec: {} },
      oldObject: { metadata: { name: 'era5', namespace: 'acme', ...oldMeta }, spec: {} },
      resource: 'persistentvolumeclaims',
      operation: 'UPDATE',
      namespaceObject: ns('acme'),
      authorize,
    });
  const markRefused =
    "only who may annotate namespace acme may mark persistentvolumeclaims era5 for offboarding (ai-factory.eu/offboarding) or remove its app.kubernetes.io/managed-by label: ask the site's operators to offboard it";
  const operator = (verb: string, group: string, resource: string, name: string) =>
    verb === 'patch' && group === '' && resource === 'namespaces' && name === 'acme';

  it("refuses a tenant's marking of a shared volume for offboarding, or unlabelling it, and lets an operator do both", () => {
    const marked = { labels: MANAGED, annotations: { 'ai-factory.eu/offboarding': 'era5' } };
    expect(updateIn({ labels: MANAGED }, marked)).toEqual([markRefused]);
    expect(updateIn({ labels: MANAGED }, { labels: {} })).toEqual([markRefused]);
    expect(updateIn({ labels: MANAGED }, marked, operator)).toEqual([]);
    expect(updateIn({ labels: MANAGED }, { labels: {} }, operator)).toEqual([]);
    // Other updates pass: a label of the tenant's own, a claim already marked, the tenant's own claim.
    expect(updateIn({ labels: MANAGED }, { labels: { ...MANAGED, team: 'x' } })).toEqual([]);
    expect(updateIn(marked, { ...marked, labels: { ...MANAGED, team: 'x' } })).toEqual([]);
    expect(updateIn({}, { annotations: { 'ai-factory.eu/offboarding': 'era5' } })).toEqual([markRefused]);
  });

  it("refuses to delete any of a retired tenant's claims until the namespace is marked for offboarding", () => {
    const retiredNs = ns('acme', { 'ai-factory.eu/lifecycle': 'retired' });
    expect(deleteIn(retiredNs, 'persistentvolumeclaims', 'scratch-1')).toEqual([
      refused('persistentvolumeclaims', 'scratch-1'),
    ]);
    expect(
      deleteIn(
        ns('acme', { 'ai-factory.eu/lifecycle': 'retired' }, { 'ai-factory.eu/offboarding': 'acme' }),
        'persistentvolumeclaims',
        'scratch-1',
      ),
    ).toEqual([]);
  });
});
