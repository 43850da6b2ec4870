import { changedPaths, diffOutputs, formatBytes, isDestructive, renderDiff } from '../../lib/review/diff';
import type { SiteProfile } from '../../lib/model';
import type { SynthesizedStack } from '../../lib/review/synthesized';
import { AiFactorySite } from '../../lib/site/site';
import { retireTenant } from '../diff-fixtures';
import { sampleProfile, synth, testApp, type TfJson } from '../helpers';

/**
 * Pairs of outputs built from one synthesized sample site: the base as synthesized, the head a copy
 * edited the way a change would edit it. Retirement is also built by hand (label, zero quota,
 * bindings, egress policies and queues gone), to the contract of issue 8, so that these tests pin
 * the contract and not one implementation of it; two tests run the library's own retirement.
 */
let synthesized: SynthesizedStack[];
beforeAll(() => {
  const site = new AiFactorySite(testApp(), sampleProfile({ schedulers: { kueue: {} } }));
  synthesized = [site.platform, site.tenantsStack].map((s) => ({ name: s.node.id, json: synth(s) }));
});

const copy = (): SynthesizedStack[] => JSON.parse(JSON.stringify(synthesized)) as SynthesizedStack[];
const stack = (out: SynthesizedStack[], suffix: string) => out.find((s) => s.name.endsWith(suffix))!.json;
const res = (out: SynthesizedStack[], type: string): Record<string, TfJson> =>
  (stack(out, '-tenants').resource[type] ?? {}) as Record<string, TfJson>;

/** Lines of one `###` section of the Markdown (without its heading and blank lines). */
function section(markdown: string, heading: string): string[] {
  const parts = markdown.split(/^### /m);
  const part = parts.find((p) => p.startsWith(heading));
  if (!part) throw new Error(`no section ${heading} in:\n${markdown}`);
  return part
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '');
}

const retireAlpha = (out: SynthesizedStack[]) => retireTenant(out, 'alpha');

/** Moves tenant alpha's namespace to another address, as renaming its construct id would. */
function readdressAlpha(out: SynthesizedStack[]): void {
  const namespaces = res(out, 'kubernetes_namespace_v1');
  namespaces.tenant_alpha_ns = namespaces.tenant_alpha_namespace;
  delete namespaces.tenant_alpha_namespace;
}

/** Tenant alpha's resources, by type and address name. */
function alphaAddresses(out: SynthesizedStack[]): Array<[string, string]> {
  const r = stack(out, '-tenants').resource as Record<string, Record<string, TfJson>>;
  return Object.entries(r).flatMap(([type, byName]) =>
    Object.keys(byName)
      .filter((n) => /^(kueue_)?tenant_alpha_/.test(n))
      .map((n): [string, string] => [type, n]),
  );
}

function removeAlpha(out: SynthesizedStack[]): Array<[string, string]> {
  const gone = alphaAddresses(out);
  for (const [type, name] of gone) delete stack(out, '-tenants').resource[type][name];
  return gone;
}

describe('aif diff review', () => {
  it('finds nothing between an output and itself', () => {
    const diff = diffOutputs(synthesized, copy());
    expect(diff).toEqual({ attention: [], newStacks: [], tenants: [], totals: [], stacks: [] });
    expect(isDestructive(diff)).toBe(false);
    expect(section(renderDiff(diff), 'Everything else')).toEqual(['No stack differs.']);
  });

  it('shows a raised quota per tenant with the pool sums, and nothing to attend to', () => {
    const head = copy();
    const hard = res(head, 'kubernetes_resource_quota_v1').tenant_alpha_quota.spec.hard;
    expect([hard['requests.nvidia.com/gpu'], hard['requests.cpu']]).toEqual(['12', '176']);
    hard['requests.nvidia.com/gpu'] = '14';
    hard['requests.cpu'] = '192';
    const md = renderDiff(diffOutputs(synthesized, head));
    expect(section(md, 'Needs attention')).toEqual([
      'Nothing: no data deleted, no object re-created, no guard rail weakened, no chart version changed.',
    ]);
    expect(section(md, 'Tenants')).toEqual([
      '#### testsite',
      '| tenant | change | GPU quota (with borrowing) | CPU quota | storage quota |',
      '| --- | --- | --- | --- | --- |',
      '| alpha | changed | nvidia.com/gpu 12 → 14 | 176 → 192 | – |',
      // The quota was raised, not the allocation: the pools' grants stay.
      'Held at testsite (GPU units granted per pool, CPU and storage quotas; retired tenants and ended allocations hold no GPUs): a100 nvidia.com/gpu 8 of 16; mig nvidia.com/mig-1g.10gb 16 of 64; cpu 213 → 229.',
    ]);
    expect(section(md, 'Everything else')).toEqual([
      '#### testsite-tenants',
      '- changed `kubernetes_resource_quota_v1.tenant_alpha_quota`: spec.hard.requests.cpu: 176 → 192, spec.hard.requests.nvidia.com/gpu: 12 → 14',
    ]);
  });

  it('treats retiring a tenant as the safe path: listed as retired, never as needing attention', () => {
    const head = copy();
    retireAlpha(head);
    const diff = diffOutputs(synthesized, head);
    expect(diff.attention).toEqual([]);
    expect(diff.tenants.map((t) => [t.tenant, t.status])).toEqual([['alpha', 'retired']]);
    const md = renderDiff(diff);
    expect(section(md, 'Tenants')[3]).toBe('| alpha | retired | nvidia.com/gpu 12 → 0 | 176 → 0 | – |');
    const rest = section(md, 'Everything else');
    expect(rest).toContain('- destroyed `kubernetes_role_binding_v1.tenant_alpha_binding_admin`');
    expect(rest).toContain('- destroyed `kubernetes_network_policy_v1.tenant_alpha_cluster-dns`');
    expect(rest).toContain('- destroyed `kubernetes_manifest.kueue_tenant_alpha_local_queue`');
    expect(rest).toContain(
      '- changed `kubernetes_namespace_v1.tenant_alpha_namespace`: metadata.labels.ai-factory.eu/lifecycle: – → retired',
    );
  });

  it('folds a long list of changes in a pull-request comment, and shows short values as before → after (issue 17, item 12)', () => {
    const head = copy();
    removeAlpha(head);
    const md = renderDiff(diffOutputs(synthesized, head));
    const rest = md.slice(md.indexOf('### Everything else'));
    expect(rest).toMatch(/#### testsite-tenants\n\n<details><summary>\d+ change\(s\)<\/summary>\n\n- /);
    expect(rest).toMatch(/\n\n<\/details>\n/);
    // A short change is not folded.
    const small = copy();
    res(small, 'kubernetes_resource_quota_v1').tenant_alpha_quota.spec.hard['requests.cpu'] = '192';
    expect(renderDiff(diffOutputs(synthesized, small))).not.toContain('<details>');
  });

  it('puts a tenant removed without retirement first: its namespace deleted and the tenant gone', () => {
    const head = copy();
    removeAlpha(head);
    const diff = diffOutputs(synthesized, head);
    expect(isDestructive(diff)).toBe(true);
    // Its network policies go with the namespace: no line each.
    expect(section(renderDiff(diff), 'Needs attention (2)')).toEqual([
      '- **deleted** `testsite-tenants` `kubernetes_namespace_v1.tenant_alpha_namespace`: Terraform destroys namespace `alpha` and all data in it. Tenants: alpha.',
      '- **removed without retirement** `testsite-tenants` `tenant alpha`: tenant `alpha` disappears without having been retired first. Tenants: alpha.',
    ]);
    expect(diff.tenants).toEqual([expect.objectContaining({ tenant: 'alpha', status: 'removed' })]);
  });

  it('lets a retired tenant leave Terraform through removed blocks without anything destructive', () => {
    const base = copy();
    retireAlpha(base);
    const head = copy();
    retireAlpha(head);
    const gone = removeAlpha(head);
    const kept = gone.filter(([type]) => type !== 'kubernetes_role_v1');
    stack(head, '-tenants').removed = kept.map(([type, name]) => ({
      from: `${type}.${name}`,
      lifecycle: { destroy: false },
    }));
    const diff = diffOutputs(base, head);
    expect(diff.attention).toEqual([]);
    expect(diff.tenants.map((t) => [t.tenant, t.status])).toEqual([['alpha', 'leaves Terraform']]);
    const rest = section(renderDiff(diff), 'Everything else');
    expect(rest).toContain(
      '- `kubernetes_namespace_v1.tenant_alpha_namespace`: leaves Terraform, stays in the cluster',
    );
    expect(rest).toContain(
      '- `kubernetes_resource_quota_v1.tenant_alpha_quota`: leaves Terraform, stays in the cluster',
    );
    // The roles had no removed block: Terraform destroys them, which takes rights away.
    expect(rest).toContain('- destroyed `kubernetes_role_v1.tenant_alpha_role_admin`');
  });

  it('still flags a tenant taken out of the profile with removed blocks if it was never retired', () => {
    const head = copy();
    const gone = removeAlpha(head);
    stack(head, '-tenants').removed = gone.map(([type, name]) => ({
      from: `${type}.${name}`,
      lifecycle: { destroy: false },
    }));
    const diff = diffOutputs(synthesized, head);
    expect(diff.attention.map((a) => [a.address, a.what])).toEqual([
      ['tenant alpha', 'removed without retirement'],
    ]);
  });

  describe("with the library's own retirement", () => {
    const profile = sampleProfile({ schedulers: { kueue: {} } });
    const output = (p: SiteProfile): SynthesizedStack[] => {
      const site = new AiFactorySite(testApp(), p);
      return [site.platform, site.tenantsStack].map((st) => ({ name: st.node.id, json: synth(st) }));
    };
    const retired = {
      ...profile,
      tenants: profile.tenants.map((t) => (t.name === 'alpha' ? { ...t, retired: true } : t)),
    };

    it('reviews `retired: true` as a retirement, with nothing that needs attention', () => {
      const diff = diffOutputs(output(profile), output(retired));
      expect(diff.attention).toEqual([]);
      expect(section(renderDiff(diff), 'Tenants')[3]).toBe(
        '| alpha | retired | nvidia.com/gpu 12 → 0 | 176 → 0 | – |',
      );
    });

    it('reviews moving it to retiredTenants as leaving Terraform, with nothing that needs attention', () => {
      const gone = {
        ...profile,
        tenants: profile.tenants.filter((t) => t.name !== 'alpha'),
        retiredTenants: [{ name: 'alpha', storage: [] }],
      };
      const diff = diffOutputs(output(retired), output(gone));
      expect(diff.attention).toEqual([]);
      expect(diff.tenants.map((t) => [t.tenant, t.status])).toEqual([['alpha', 'leaves Terraform']]);
      expect(section(renderDiff(diff), 'Everything else')).toEqual([
        '#### testsite-tenants',
        '- `kubernetes_limit_range_v1.tenant_alpha_limits`: leaves Terraform, stays in the cluster',
        '- destroyed `kubernetes_manifest.kueue_tenant_alpha_cluster_queue`',
        '- destroyed `kubernetes_manifest.kueue_tenant_alpha_cpu_cluster_queue`',
        '- destroyed `kubernetes_manifest.kueue_tenant_alpha_cpu_local_queue`',
        '- destroyed `kubernetes_manifest.kueue_tenant_alpha_local_queue`',
        '- `kubernetes_namespace_v1.tenant_alpha_namespace`: leaves Terraform, stays in the cluster',
        '- `kubernetes_network_policy_v1.tenant_alpha_deny-all`: leaves Terraform, stays in the cluster',
        '- `kubernetes_resource_quota_v1.tenant_alpha_cross_namespace_affinity_quota`: leaves Terraform, stays in the cluster',
        '- `kubernetes_resource_quota_v1.tenant_alpha_quota`: leaves Terraform, stays in the cluster',
        '- `kubernetes_resource_quota_v1.tenant_alpha_system_priority_quota`: leaves Terraform, stays in the cluster',
      ]);
    });
  });

  it('flags a namespace at a new address as destroyed and re-created', () => {
    const head = copy();
    readdressAlpha(head);
    const md = renderDiff(diffOutputs(synthesized, head));
    expect(section(md, 'Needs attention (1)')).toEqual([
      '- **destroyed and re-created** `testsite-tenants` `kubernetes_namespace_v1.tenant_alpha_namespace`: same object at `kubernetes_namespace_v1.tenant_alpha_ns`: Terraform destroys namespace `alpha` and all data in it, then creates it empty. Tenants: alpha.',
    ]);
    expect(section(md, 'Everything else')).toEqual([
      '#### testsite-tenants',
      '- `kubernetes_namespace_v1.tenant_alpha_namespace` → `kubernetes_namespace_v1.tenant_alpha_ns`: destroyed and re-created',
    ]);
  });

  it('does not flag a namespace moved with a moved block', () => {
    const head = copy();
    readdressAlpha(head);
    stack(head, '-tenants').moved = [
      {
        from: 'kubernetes_namespace_v1.tenant_alpha_namespace',
        to: 'kubernetes_namespace_v1.tenant_alpha_ns',
      },
    ];
    const md = renderDiff(diffOutputs(synthesized, head));
    expect(section(md, 'Needs attention')[0]).toMatch(/^Nothing/);
    expect(section(md, 'Everything else')).toEqual([
      '#### testsite-tenants',
      '- moved `kubernetes_namespace_v1.tenant_alpha_namespace` → `kubernetes_namespace_v1.tenant_alpha_ns`',
    ]);
  });

  it('still flags a namespace deleted when its moved block points nowhere', () => {
    const head = copy();
    delete res(head, 'kubernetes_namespace_v1').tenant_alpha_namespace;
    stack(head, '-tenants').moved = [
      {
        from: 'kubernetes_namespace_v1.tenant_alpha_namespace',
        to: 'kubernetes_namespace_v1.tenant_alpha_ns',
      },
    ];
    expect(diffOutputs(synthesized, head).attention.map((a) => `${a.what} ${a.address}`)).toEqual([
      'deleted kubernetes_namespace_v1.tenant_alpha_namespace',
      'removed without retirement tenant alpha',
    ]);
  });

  it('says network policy peers in words, not as selector maps (issue 17, item 3)', () => {
    const head = copy();
    const dns = res(head, 'kubernetes_network_policy_v1')['tenant_alpha_cluster-dns'];
    dns.spec.egress.push({
      to: [
        { namespace_selector: {}, pod_selector: { match_labels: { app: 'db' } } },
        { namespace_selector: { match_expressions: [{ key: 'team', operator: 'In', values: ['a', 'b'] }] } },
        { pod_selector: {} },
      ],
    });
    const detail = diffOutputs(synthesized, head).attention.find(
      (a) => a.what === 'network policy wider',
    )!.detail;
    expect(detail).toBe(
      'allows egress to every pod of its namespace on any port; allows egress to pods labelled app=db in every namespace on any port; allows egress to the namespaces labelled team in (a, b) on any port',
    );
  });

  it('flags a network policy that lets more through, by peer and port', () => {
    const head = copy();
    const policy = res(head, 'kubernetes_network_policy_v1')['tenant_alpha_cluster-dns'];
    policy.spec.egress.push({
      to: [{ ip_block: { cidr: '0.0.0.0/0' } }],
      ports: [{ port: '443', protocol: 'TCP' }],
    });
    expect(section(renderDiff(diffOutputs(synthesized, head)), 'Needs attention (1)')).toEqual([
      '- **network policy wider** `testsite-tenants` `kubernetes_network_policy_v1.tenant_alpha_cluster-dns`: allows egress to addresses 0.0.0.0/0 on TCP/443. Tenants: alpha.',
    ]);
  });

  it('flags a network policy removed from a tenant that stays', () => {
    const head = copy();
    delete res(head, 'kubernetes_network_policy_v1')['tenant_beta_deny-all'];
    expect(diffOutputs(synthesized, head).attention).toEqual([
      {
        stack: 'testsite-tenants',
        address: 'kubernetes_network_policy_v1.tenant_beta_deny-all',
        what: 'network policy removed',
        detail: '`aif-default-deny` no longer applies',
        tenants: ['beta'],
      },
    ]);
  });

  it('flags a default-deny policy that stops restricting egress', () => {
    const head = copy();
    res(head, 'kubernetes_network_policy_v1')['tenant_alpha_deny-all'].spec.policy_types = ['Ingress'];
    expect(diffOutputs(synthesized, head).attention.map((a) => a.detail)).toEqual([
      'no longer restricts Egress',
    ]);
  });

  it('lists a chart upgrade with both versions', () => {
    const head = copy();
    const releases = stack(head, '-platform').resource.helm_release as Record<string, TfJson>;
    const [address, release] = Object.entries(releases).find(([, r]) => r.chart === 'kueue')!;
    const before = release.version as string;
    release.version = '9.9.9';
    const diff = diffOutputs(synthesized, head);
    expect(diff.attention).toEqual([
      {
        stack: 'testsite-platform',
        address: `helm_release.${address}`,
        what: 'chart version',
        detail: `kueue ${before} → 9.9.9`,
        tenants: ['alpha', 'beta'],
      },
    ]);
    expect(section(renderDiff(diff), 'Everything else')).toEqual([
      '#### testsite-platform',
      `- changed \`helm_release.${address}\`: version: ${before} → 9.9.9`,
    ]);
  });

  it('flags a role that grants more and a binding with a new subject', () => {
    const head = copy();
    res(head, 'kubernetes_role_v1').tenant_beta_role_member.rule.push({
      api_groups: ['rbac.authorization.k8s.io'],
      resources: ['rolebindings'],
      verbs: ['create'],
    });
    res(head, 'kubernetes_role_binding_v1').tenant_beta_binding_admin.subject.push({
      api_group: 'rbac.authorization.k8s.io',
      kind: 'User',
      name: 'mallory',
    });
    expect(
      diffOutputs(synthesized, head).attention.map((a) => `${a.address} ${a.what}: ${a.detail}`),
    ).toEqual([
      'kubernetes_role_binding_v1.tenant_beta_binding_admin binds new subjects: User mallory',
      'kubernetes_role_v1.tenant_beta_role_member grants more: rbac.authorization.k8s.io/rolebindings: create',
    ]);
  });

  it('flags weaker Pod Security and a changed Pod Security version', () => {
    const head = copy();
    const labels = res(head, 'kubernetes_namespace_v1').tenant_beta_namespace.metadata.labels;
    const version = labels['pod-security.kubernetes.io/enforce-version'];
    labels['pod-security.kubernetes.io/enforce'] = 'baseline';
    labels['pod-security.kubernetes.io/enforce-version'] = 'latest';
    expect(diffOutputs(synthesized, head).attention.map((a) => `${a.what}: ${a.detail}`)).toEqual([
      'Pod Security version: enforce-version ' + version + ' → latest',
      'Pod Security weaker: enforce restricted → baseline',
    ]);
  });

  it('flags a deleted CRD manifest with every tenant of the site', () => {
    const base = copy();
    stack(base, '-platform').resource.kubernetes_manifest.crd_widgets = {
      manifest: {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'widgets.example.org' },
      },
    };
    expect(diffOutputs(base, copy()).attention).toEqual([
      {
        stack: 'testsite-platform',
        address: 'kubernetes_manifest.crd_widgets',
        what: 'deleted',
        detail: 'Terraform destroys CRD `widgets.example.org` and every custom resource of it',
        tenants: ['alpha', 'beta'],
      },
    ]);
  });

  it('gives a changed state backend its own line with both paths', () => {
    const head = copy();
    const before = stack(synthesized, '-tenants').terraform.backend.local.path as string;
    stack(head, '-tenants').terraform.backend.local.path = '/srv/state/testsite-tenants.tfstate';
    expect(section(renderDiff(diffOutputs(synthesized, head)), 'Everything else')).toEqual([
      '#### testsite-tenants',
      `- changed \`terraform.backend\`: {local:{path:${before}}} → {local:{path:/srv/state/testsite-tenants.tfstate}}`,
    ]);
  });

  it('cuts a long stack section after maxLines with a count of the rest', () => {
    const head = copy();
    const labels = stack(head, '-platform').resource.kubernetes_labels as Record<string, TfJson>;
    for (const l of Object.values(labels)) l.labels['example.org/new'] = 'x';
    const n = Object.keys(labels).length;
    const lines = section(renderDiff(diffOutputs(synthesized, head), { maxLines: 2 }), 'Everything else');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe(`- … and ${n - 2} more in testsite-platform`);
  });

  it('flags node label keys taken off nodes once per set of keys, with the nodes, and not keys added', () => {
    // The base as before the protected keys: the same nodes labelled under the old keys.
    const base = copy();
    const old = stack(base, '-platform').resource.kubernetes_labels as Record<string, TfJson>;
    for (const l of Object.values(old)) {
      l.labels = Object.fromEntries(
        Object.entries(l.labels as Record<string, string>).map(([k, v]) => [
          k.replace('node-restriction.kubernetes.io/ai-factory.eu-', 'ai-factory.eu/'),
          v,
        ]),
      );
    }
    const diff = diffOutputs(base, synthesized);
    expect(diff.attention).toEqual([
      {
        stack: 'testsite-platform',
        address: 'kubernetes_labels (4 nodes)',
        what: 'node labels removed',
        detail: expect.stringContaining(
          'Terraform takes `ai-factory.eu/accelerator`, `ai-factory.eu/pool` off 4 nodes (gpu01 … gpu04)',
        ),
        tenants: ['alpha', 'beta'],
      },
    ]);
    // Going back takes the new keys off; adding keys takes nothing away.
    expect(diffOutputs(synthesized, base).attention.map((a) => a.what)).toEqual(['node labels removed']);
    const head = copy();
    for (const l of Object.values(
      stack(head, '-platform').resource.kubernetes_labels as Record<string, TfJson>,
    ))
      l.labels['example.org/new'] = 'x';
    expect(diffOutputs(synthesized, head).attention).toEqual([]);
  });

  it('flags a flavor that starts to select nodes by keys its nodes may not carry yet', () => {
    const base = copy();
    const flavors = Object.values(res(base, 'kubernetes_manifest')).filter(
      (r) => r.manifest.kind === 'ResourceFlavor' && r.manifest.spec?.nodeLabels,
    );
    expect(flavors.map((f) => f.manifest.metadata.name).sort()).toEqual(['a100', 'cpu-only', 'mig']);
    // Before: the mig pool was selected by the site's own label.
    const mig = flavors.find((f) => f.manifest.metadata.name === 'mig')!;
    mig.manifest.spec.nodeLabels = { 'example.org/partition': 'mig' };
    const diff = diffOutputs(base, synthesized);
    expect(diff.attention).toEqual([
      expect.objectContaining({
        stack: 'testsite-tenants',
        what: 'selects nodes by new labels',
        detail: expect.stringContaining(
          'flavor `mig` now needs `node-restriction.kubernetes.io/ai-factory.eu-pool=mig` on its nodes',
        ),
      }),
    ]);
    // Going back needs the site's key on the nodes again.
    expect(diffOutputs(synthesized, base).attention.map((a) => a.detail)).toEqual([
      expect.stringContaining('flavor `mig` now needs `example.org/partition=mig`'),
    ]);

    // The same for a Slurm NodeSet, inside the chart's values.
    const site = new AiFactorySite(
      testApp(),
      sampleProfile({
        schedulers: {
          slurm: { nodes: { a100: 2 }, accounting: { host: '10.0.0.20', passwordSecret: { name: 'db' } } },
        },
      }),
    );
    const slurmHead = [site.platform, site.tenantsStack].map((x) => ({ name: x.node.id, json: synth(x) }));
    const slurmBase = JSON.parse(JSON.stringify(slurmHead)) as SynthesizedStack[];
    const release = Object.values(
      stack(slurmBase, '-tenants').resource.helm_release as Record<string, TfJson>,
    ).find((r) => r.chart === 'slurm')!;
    const values = JSON.parse(release.values[0] as string) as TfJson;
    values.nodesets.a100.podSpec.nodeSelector = {};
    release.values[0] = JSON.stringify(values);
    expect(diffOutputs(slurmBase, slurmHead).attention.map((a) => a.detail)).toEqual([
      expect.stringContaining(
        'NodeSet `a100` now needs `node-restriction.kubernetes.io/ai-factory.eu-pool=a100`, `node-restriction.kubernetes.io/ai-factory.eu-scheduler=slurm`',
      ),
    ]);
  });

  it('puts nodes that move from Kueue to Slurm, and the pool capacity before and after, under Needs attention (issue 17, item 2)', () => {
    const build = (hostlist: string) => {
      const base = sampleProfile();
      const site = new AiFactorySite(
        testApp(),
        sampleProfile({
          nodePools: [{ ...base.nodePools[0], nodes: { hostlist } }, base.nodePools[1]],
          tenants: [{ ...base.tenants[0], gpus: [{ pool: 'a100', count: 4 }] }, base.tenants[1]],
          schedulers: {
            kueue: {},
            slurm: { nodes: { a100: 2 }, accounting: { host: '10.0.0.20', passwordSecret: { name: 'db' } } },
          },
        }),
      );
      return [site.platform, site.tenantsStack].map((x) => ({ name: x.node.id, json: synth(x) }));
    };
    // Slurm takes the last two nodes of the hostlist: gpu03 and gpu04, then gpu02 and gpu03.
    const diff = diffOutputs(build('gpu[01-04]'), build('gpu[01-03]'));
    const items = diff.attention.map((a) => `${a.what}: ${a.detail}`);
    expect(items).toEqual(
      expect.arrayContaining([
        'nodes change scheduler: 1 node of pool `a100` (gpu02) moves from Kueue (Kubernetes) to Slurm: slurmd pods take it and preempt the Kubernetes pods running there (drain it first)',
        'pool capacity: nodes 4 → 3: Kueue 2 → 1, Slurm 2; GPUs 16 → 12',
      ]),
    );
    expect(isDestructive(diff)).toBe(true);
    expect(section(renderDiff(diff), 'Needs attention')).toEqual(
      expect.arrayContaining([expect.stringContaining('**nodes change scheduler**')]),
    );
  });

  it("summarizes a new site's stacks instead of ranking their policies as weakened guard rails (issue 17, item 3)", () => {
    const diff = diffOutputs([], copy());
    expect(diff.attention).toEqual([]);
    expect(isDestructive(diff)).toBe(false);
    expect(diff.newStacks.map((n) => n.stack)).toEqual(['testsite-platform', 'testsite-tenants']);
    const tenants = diff.newStacks.find((n) => n.stack === 'testsite-tenants')!;
    expect(tenants.namespaces).toEqual(['alpha', 'beta']);
    expect(tenants.defaultDeny).toBe(2);
    expect(tenants.allowRules).toBeGreaterThan(0);
    // A new stack in a cluster that exists (its provider reaches the same context) is held to the
    // guard-rail checks: a ClusterRoleBinding in it needs attention.
    const grown = copy();
    const provider = stack(grown, '-tenants').provider;
    grown.push({
      name: 'testsite-extra',
      json: {
        provider,
        resource: {
          kubernetes_cluster_role_binding_v1: {
            admins: {
              metadata: { name: 'extra-admins' },
              role_ref: {
                api_group: 'rbac.authorization.k8s.io',
                kind: 'ClusterRole',
                name: 'cluster-admin',
              },
              subject: [{ kind: 'Group', name: 'idp:alpha-users', api_group: 'rbac.authorization.k8s.io' }],
            },
          },
        },
      },
    });
    const extra = diffOutputs(synthesized, grown);
    expect(extra.attention.map((a) => a.stack)).toContain('testsite-extra');
    expect(extra.newStacks.map((n) => n.stack)).toEqual(['testsite-extra']);
    expect(section(renderDiff(diff), 'New stacks')).toEqual([
      expect.stringMatching(
        /^- `testsite-platform`: \d+ resource\(s\); namespace\(s\) `gpu-operator`, `kueue-system`; \d+ default-deny network policies and \d+ allow rule\(s\)\.$/,
      ),
      expect.stringMatching(
        /^- `testsite-tenants`: \d+ resource\(s\); namespace\(s\) `alpha`, `beta`; 2 default-deny network policies and \d+ allow rule\(s\)\.$/,
      ),
    ]);
  });

  it("leaves an allocation that has ended out of the pools' grants, as synthesis leaves it out of the quota", () => {
    // The same profile synthesized on 2026-03-15 (beta's Playground allocation ended on 02-28).
    const before = process.env.AIF_DATE;
    process.env.AIF_DATE = '2026-03-15';
    let head: SynthesizedStack[];
    try {
      const site = new AiFactorySite(testApp(), sampleProfile({ schedulers: { kueue: {} } }));
      head = [site.platform, site.tenantsStack].map((s) => ({ name: s.node.id, json: synth(s) }));
    } finally {
      process.env.AIF_DATE = before;
    }
    const md = renderDiff(diffOutputs(synthesized, head));
    expect(section(md, 'Tenants')).toContainEqual(
      expect.stringMatching(/^\| beta \| changed \| nvidia.com\/mig-1g.10gb 16 → 0 \|/),
    );
    // Beta's 16 MIG slices are free again; alpha's A100s stay.
    expect(section(md, 'Tenants').at(-1)).toMatch(
      /^Held at testsite \(.*ended allocations hold no GPUs\): a100 nvidia.com\/gpu 8 of 16; mig nvidia.com\/mig-1g.10gb 16 → 0 of 64;/,
    );
  });

  it('follows Helm values into the chart and formats byte sums', () => {
    expect(changedPaths({ values: ['{"a":{"b":1,"c":2}}'] }, { values: ['{"a":{"b":1,"c":3}}'] })).toEqual([
      'values[0].a.c',
    ]);
    expect([formatBytes(96 * 2 ** 40), formatBytes(1.5 * 2 ** 50), formatBytes(0)]).toEqual([
      '96Ti',
      '1.5Pi',
      '0',
    ]);
  });
});
