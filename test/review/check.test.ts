import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { SiteProfile } from '../../lib/model';
import {
  CHECKED_POLICIES,
  checkIsolation,
  ISOLATION_CHECKS,
  TENANT_LABEL,
  type CheckReport,
} from '../../lib/review/check';
import type { Json, SynthesizedStack } from '../../lib/review/synthesized';
import { KueueBypassGuard } from '../../lib/scheduling/kueue-guard';
import { KueuePriorityGuard, TENANT_LABEL as KUEUE_TENANT_LABEL } from '../../lib/scheduling/kueue';
import { TenantGuardrails } from '../../lib/tenancy/guardrails';
import { aif, sampleProfile } from '../helpers';
import { synthesizedSite } from '../site-output';

/** The sample site with Kueue, a storage tier the tenants hold quota on, and a retired tenant. */
const PROFILE: SiteProfile = sampleProfile({
  schedulers: { kueue: {} },
  storageTiers: [
    {
      name: 'work',
      purpose: 'project',
      capacity: '100Ti',
      reclaimPolicy: 'Retain',
      driver: { kind: 'custom', provisioner: 'lustre.csi.example.org', parameters: { fs: 'work' } },
      accessModes: ['ReadWriteMany'],
    },
  ],
  tenants: [
    ...sampleProfile().tenants.map((t) => ({ ...t, storage: [{ tier: 'work', capacity: '10Ti' }] })),
    {
      name: 'gamma',
      accessMode: 'fast-lane',
      allocation: { projectId: 'EHPC-AIF-2025FL01-0003', start: '2025-07-01', end: '2025-09-30' },
      gpus: [],
      groups: { admins: ['idp:gamma-admins'] },
      retired: true,
    },
  ],
});

const base = synthesizedSite(PROFILE);

/** The rows of one namespace that do not pass, as `id: STATUS`. */
function notPassing(report: CheckReport, namespace: string): string[] {
  return report.rows
    .filter((r) => r.namespace === namespace && r.status !== 'PASS')
    .map((r) => `${r.check}: ${r.status}`);
}

/** A copy of the output with a change. */
function mutated(change: (stacks: SynthesizedStack[]) => void): SynthesizedStack[] {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}

const stack = (stacks: SynthesizedStack[], suffix: string) =>
  stacks.find((s) => s.name.endsWith(suffix)) as SynthesizedStack;
/** A resource by type and address name, in whichever stack holds it. */
function res(stacks: SynthesizedStack[], type: string, address: string): Json {
  const found = stacks.map((s) => s.json.resource?.[type]?.[address]).find(Boolean) as Json | undefined;
  if (!found) throw new Error(`no ${type}.${address}`);
  return found;
}
/** A kubernetes_manifest's body by kind and name. */
function manifest(stacks: SynthesizedStack[], kind: string, name: string): Json {
  const found = stacks
    .flatMap((s) => Object.values((s.json.resource?.kubernetes_manifest ?? {}) as Record<string, Json>))
    .map((m) => m.manifest as Json)
    .find((m) => m.kind === kind && m.metadata?.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
}
const alphaLabels = (s: SynthesizedStack[]) =>
  res(s, 'kubernetes_namespace_v1', 'tenant_alpha_namespace').metadata.labels as Record<string, string>;
const quota = (s: SynthesizedStack[]) =>
  res(s, 'kubernetes_resource_quota_v1', 'tenant_alpha_quota').spec.hard;
const adminRules = (s: SynthesizedStack[]) =>
  res(s, 'kubernetes_role_v1', 'tenant_alpha_role_admin').rule as Json[];

/**
 * For each check, output built to break it (and nothing else) in tenant alpha's namespace. Several
 * checks have more than one way to break.
 */
const BREAKS: ReadonlyArray<[string, string, (s: SynthesizedStack[]) => void]> = [
  [
    'AIF-NS-1',
    'tenant label names another tenant',
    (s) => {
      alphaLabels(s)[TENANT_LABEL] = 'beta';
    },
  ],
  [
    'AIF-PSA-1',
    'enforce baseline',
    (s) => {
      alphaLabels(s)['pod-security.kubernetes.io/enforce'] = 'baseline';
    },
  ],
  [
    'AIF-PSA-1',
    'enforce-version latest',
    (s) => {
      alphaLabels(s)['pod-security.kubernetes.io/enforce-version'] = 'latest';
    },
  ],
  ['AIF-QUOTA-1', 'no pod limit', (s) => void delete quota(s).pods],
  ['AIF-QUOTA-1', 'memory not a quantity', (s) => void (quota(s)['limits.memory'] = 'lots')],
  [
    'AIF-QUOTA-2',
    "a pool's GPU resource left out",
    (s) => void delete quota(s)['requests.nvidia.com/mig-1g.10gb'],
  ],
  [
    'AIF-QUOTA-3',
    'a StorageClass left out',
    (s) => void delete quota(s)['work.storageclass.storage.k8s.io/requests.storage'],
  ],
  ['AIF-QUOTA-4', 'node ports allowed', (s) => void (quota(s)['services.nodeports'] = '5')],
  ['AIF-QUOTA-4', 'load balancers unlimited', (s) => void delete quota(s)['services.loadbalancers']],
  ['AIF-QUOTA-5', 'secrets unbounded', (s) => void delete quota(s).secrets],
  ['AIF-QUOTA-5', 'jobs unbounded', (s) => void delete quota(s)['count/jobs.batch']],
  [
    'AIF-QUOTA-6',
    'pods allowed at system priorities',
    (s) => {
      res(s, 'kubernetes_resource_quota_v1', 'tenant_alpha_system_priority_quota').spec.hard.pods = '10';
    },
  ],
  [
    'AIF-LIMIT-1',
    'no default memory limit',
    (s) => {
      delete res(s, 'kubernetes_limit_range_v1', 'tenant_alpha_limits').spec.limit[0].default.memory;
    },
  ],
  [
    'AIF-NET-1',
    'default-deny only for ingress',
    (s) => {
      res(s, 'kubernetes_network_policy_v1', 'tenant_alpha_deny-all').spec.policy_types = ['Ingress'];
    },
  ],
  [
    'AIF-NET-1',
    'default-deny allows egress',
    (s) => {
      res(s, 'kubernetes_network_policy_v1', 'tenant_alpha_deny-all').spec.egress = [
        { to: [{ ip_block: { cidr: '0.0.0.0/0' } }] },
      ];
    },
  ],
  [
    'AIF-RBAC-1',
    'binding to a ClusterRole',
    (s) => {
      res(s, 'kubernetes_role_binding_v1', 'tenant_alpha_binding_admin').role_ref = {
        api_group: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'admin',
      };
    },
  ],
  [
    'AIF-RBAC-1',
    "a ClusterRoleBinding names the tenant's group",
    (s) => {
      stack(s, '-tenants').json.resource.kubernetes_cluster_role_binding_v1 = {
        view: {
          metadata: { name: 'alpha-view' },
          role_ref: { api_group: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
          subject: [{ kind: 'Group', name: 'idp:alpha-users', api_group: 'rbac.authorization.k8s.io' }],
        },
      };
    },
  ],
  ['AIF-RBAC-2', 'escalate on pods', (s) => void adminRules(s)[0].verbs.push('escalate')],
  ['AIF-RBAC-2', 'a wildcard resource', (s) => void adminRules(s)[0].resources.push('*')],
  [
    'AIF-RBAC-3',
    'update on resourcequotas',
    (s) => {
      adminRules(s)
        .find((r) => r.resources.includes('resourcequotas'))
        ?.verbs.push('update');
    },
  ],
  [
    'AIF-RBAC-3',
    'rights on RBAC objects',
    (s) => {
      adminRules(s).push({ api_groups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['get'] });
    },
  ],
  [
    'AIF-ADM-1',
    'externalIPs policy fails open',
    (s) => {
      manifest(s, 'ValidatingAdmissionPolicy', CHECKED_POLICIES.services).spec.failurePolicy = 'Ignore';
    },
  ],
  [
    'AIF-ADM-1',
    'externalIPs policy has no binding',
    (s) => {
      const m = manifest(s, 'ValidatingAdmissionPolicyBinding', CHECKED_POLICIES.services);
      m.spec.policyName = 'something-else';
    },
  ],
  [
    'AIF-ADM-2',
    'priority binding only warns',
    (s) => {
      manifest(s, 'ValidatingAdmissionPolicyBinding', CHECKED_POLICIES.priority).spec.validationActions = [
        'Warn',
      ];
    },
  ],
  [
    'AIF-ADM-2',
    'priority policy no longer matches pod updates',
    (s) => {
      manifest(
        s,
        'ValidatingAdmissionPolicy',
        CHECKED_POLICIES.priority,
      ).spec.matchConstraints.resourceRules[0].operations = ['CREATE'];
    },
  ],
  [
    'AIF-ADM-3',
    'deletion guard selects other namespaces',
    (s) => {
      manifest(
        s,
        'ValidatingAdmissionPolicy',
        CHECKED_POLICIES.deletion,
      ).spec.matchConstraints.namespaceSelector = {
        matchLabels: { team: 'platform' },
      };
    },
  ],
  [
    'AIF-ADM-3',
    'deletion guard binding leaves out the namespace',
    (s) => {
      manifest(s, 'ValidatingAdmissionPolicyBinding', CHECKED_POLICIES.deletion).spec.matchResources = {
        namespaceSelector: {
          matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['alpha'] }],
        },
      };
    },
  ],
  [
    'AIF-KUEUE-1',
    'bypass guard removed',
    (s) => {
      const t = stack(s, '-platform').json.resource.kubernetes_manifest;
      delete t.kueue_bypass_guard_policy;
      delete t.kueue_bypass_guard_binding;
    },
  ],
  [
    'AIF-KUEUE-1',
    'bypass guard steps aside for labelled objects',
    (s) => {
      manifest(
        s,
        'ValidatingAdmissionPolicy',
        CHECKED_POLICIES.kueueBypass,
      ).spec.matchConstraints.objectSelector = {
        matchExpressions: [{ key: 'trusted', operator: 'DoesNotExist' }],
      };
    },
  ],
  [
    'AIF-KUEUE-2',
    'priority label guard excludes jobs',
    (s) => {
      manifest(
        s,
        'ValidatingAdmissionPolicy',
        CHECKED_POLICIES.kueuePriority,
      ).spec.matchConstraints.excludeResourceRules = [
        { apiGroups: ['batch'], apiVersions: ['*'], operations: ['*'], resources: ['jobs'] },
      ];
    },
  ],
  [
    'AIF-KUEUE-3',
    "another tenant's ClusterQueue selects every namespace",
    (s) => {
      manifest(s, 'ClusterQueue', 'beta').spec.namespaceSelector = {};
    },
  ],
  [
    'AIF-KUEUE-3',
    'its ClusterQueue selects by a label the tenant could copy',
    (s) => {
      manifest(s, 'ClusterQueue', 'alpha').spec.namespaceSelector = {
        matchLabels: { [TENANT_LABEL]: 'alpha' },
      };
    },
  ],
];

// Every site of stacks/sites passes: test/site/site.test.ts checks each where it synthesizes it.
describe('aif check', () => {
  it('passes on a site with a retired tenant, whose namespace keeps its guard rails', () => {
    const report = checkIsolation(base);
    expect(report.sites).toEqual([{ site: 'testsite', namespaces: 3 }]);
    expect(report.rows.filter((r) => r.status !== 'PASS')).toEqual([]);
    expect(report.rows.find((r) => r.namespace === 'gamma' && r.check === 'AIF-RBAC-1')?.reason).toBe(
      '0 Role(s), 0 RoleBinding(s), no cluster-wide binding of its groups',
    );
  });

  it('marks the Kueue checks and the storage check not applicable on a site without Kueue or storage', () => {
    const report = checkIsolation(synthesizedSite(sampleProfile()));
    expect(notPassing(report, 'alpha').sort()).toEqual([
      'AIF-KUEUE-1: SKIP',
      'AIF-KUEUE-2: SKIP',
      'AIF-KUEUE-3: SKIP',
      'AIF-QUOTA-3: SKIP',
    ]);
    expect(report.failed).toBe(0);
  });

  it('has a way to break every check', () => {
    expect([...new Set(BREAKS.map(([id]) => id))].sort()).toEqual(ISOLATION_CHECKS.map((c) => c.id).sort());
  });

  it.each(BREAKS)('%s fails, and only it, on output with %s', (id, _what, change) => {
    const report = checkIsolation(mutated(change));
    expect(notPassing(report, 'alpha')).toEqual([`${id}: FAIL`]);
    const row = report.rows.find((r) => r.namespace === 'alpha' && r.check === id);
    expect(row?.reason).not.toBe('');
    expect(report.failed).toBeGreaterThan(0);
  });

  it('checks a namespace that lost its tenant label (found by its objects), and fails it', () => {
    const report = checkIsolation(
      mutated((s) => {
        delete alphaLabels(s)[TENANT_LABEL];
      }),
    );
    // Nothing selects it any more: the label check and every admission policy fail.
    expect(notPassing(report, 'alpha')).toEqual([
      'AIF-NS-1: FAIL',
      'AIF-ADM-1: FAIL',
      'AIF-ADM-2: FAIL',
      'AIF-ADM-3: FAIL',
      'AIF-KUEUE-1: FAIL',
      'AIF-KUEUE-2: FAIL',
    ]);
  });

  it('names every MTB profile level 1 id it uses as the benchmarks spell them', () => {
    // The level-1 ids of kubernetes-retired/multi-tenancy benchmarks/kubectl-mtb/test/benchmarks/*/config.yaml.
    const level1 = [
      'MTB-PL1-CC-CPI-1',
      'MTB-PL1-BC-CPI-2',
      'MTB-PL1-BC-CPI-3',
      'MTB-PL1-BC-CPI-4',
      'MTB-PL1-BC-CPI-5',
      'MTB-PL1-BC-CPI-6',
      'MTB-PL1-CC-TI-1',
      'MTB-PL1-BC-HI-1',
      'MTB-PL1-BC-HI-3',
      'MTB-PL1-BC-HI-4',
      'MTB-PL1-BC-HI-5',
      'MTB-PL1-CC-FNS-1',
      'MTB-PL1-CC-FNS-2',
      'MTB-PL1-CC-DI-1',
    ];
    for (const c of ISOLATION_CHECKS) for (const id of c.mtb) expect(level1).toContain(id);
    expect(new Set(ISOLATION_CHECKS.map((c) => c.id)).size).toBe(ISOLATION_CHECKS.length);
  });

  it('is documented in docs/security.md, one table row per check with its MTB ids', () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'security.md'), 'utf8');
    // Table rows as cells (prettier pads them).
    const rows = doc
      .split('\n')
      .filter((l) => l.startsWith('| `AIF-'))
      .map((l) =>
        l
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    expect(rows).toEqual(
      ISOLATION_CHECKS.map((c) => [
        `\`${c.id}\``,
        c.mtb.length > 0 ? c.mtb.map((m) => `\`${m}\``).join(', ') : 'none',
        c.title,
        c.protects,
      ]),
    );
  });

  it("looks for the constructs' own policy names and tenant label", () => {
    expect(CHECKED_POLICIES).toEqual({
      services: TenantGuardrails.POLICY_NAME,
      priority: TenantGuardrails.PRIORITY_POLICY_NAME,
      deletion: TenantGuardrails.DELETION_POLICY_NAME,
      kueueBypass: KueueBypassGuard.POLICY_NAME,
      kueuePriority: KueuePriorityGuard.POLICY_NAME,
    });
    expect(TENANT_LABEL).toBe(KUEUE_TENANT_LABEL);
  });
});

/** Writes stacks the way synthesis does: `<dir>/stacks/<stack>/cdk.tf.json`. */
function writeOut(stacks: readonly SynthesizedStack[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-check-'));
  for (const s of stacks) {
    fs.mkdirSync(path.join(dir, 'stacks', s.name), { recursive: true });
    fs.writeFileSync(path.join(dir, 'stacks', s.name, 'cdk.tf.json'), JSON.stringify(s.json));
  }
  return dir;
}

describe('aif check (command)', () => {
  const good = writeOut(base);
  const bad = writeOut(mutated((s) => void (quota(s)['services.nodeports'] = '5')));
  afterAll(() => [good, bad].forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('prints every namespace against every check and a summary; exit 0 when all pass', async () => {
    const r = await aif('check', '--out', good);
    expect([r.code, r.err]).toEqual([0, '']);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^SITE +NAMESPACE +CHECK +MTB-PL1 +STATUS +REASON$/);
    expect(lines.filter((l) => /^testsite +\S+ +AIF-/.test(l))).toHaveLength(3 * ISOLATION_CHECKS.length);
    expect(r.out).toMatch(/^testsite +alpha +AIF-QUOTA-4 +BC-HI-1 +PASS +services\.nodeports=0/m);
    expect(r.out).toContain(
      `testsite: 3 tenant namespace(s), all checks pass\n${3 * ISOLATION_CHECKS.length} check(s) on 3 tenant namespace(s): ${3 * ISOLATION_CHECKS.length} passed, 0 failed, 0 not applicable\n`,
    );
  });

  it('exits 1 on a failure, and --failures lists only the failing rows', async () => {
    const r = await aif('check', '--out', bad, '--failures');
    expect(r.code).toBe(1);
    expect(r.out.split('\n').filter((l) => l.startsWith('testsite '))).toEqual([
      expect.stringMatching(/^testsite +alpha +AIF-QUOTA-4 +BC-HI-1 +FAIL +services\.nodeports is 5, not 0$/),
    ]);
    expect(r.out).toContain('testsite: 3 tenant namespace(s), 1 failed\n');
  });

  it('prints JSON with --json', async () => {
    const r = await aif('check', '--out', bad, '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as CheckReport;
    expect([json.failed, json.rows.length]).toEqual([1, 3 * ISOLATION_CHECKS.length]);
    expect(json.rows.find((x) => x.status === 'FAIL')).toEqual({
      site: 'testsite',
      namespace: 'alpha',
      check: 'AIF-QUOTA-4',
      mtb: ['MTB-PL1-BC-HI-1'],
      status: 'FAIL',
      reason: 'services.nodeports is 5, not 0',
    });
  });

  it('exits 2 on wrong usage and 1 without synthesized output', async () => {
    expect((await aif('check', 'extra')).code).toBe(2);
    expect((await aif('check', '--format', 'x')).code).toBe(2);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-check-'));
    const r = await aif('check', '--out', empty);
    fs.rmSync(empty, { recursive: true, force: true });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^aif check: no synthesized stacks in .*; run 'npm run synth' first\n$/);
  });
});
