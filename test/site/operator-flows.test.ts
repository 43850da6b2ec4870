import { AiFactorySite } from '../../lib';
import { checkIsolation } from '../../lib/review/check';
import { profile as bologna } from '../../stacks/sites/bologna';
import { resources, synth, testApp } from '../helpers';

// Issue 18, item 3: a site's own flow into a library's operator namespace.
describe("a site's flow into an operator namespace (SystemNamespace.allow)", () => {
  const scrape = {
    name: 'monitoring-scrape',
    direction: 'ingress' as const,
    peer: { namespace: 'monitoring' },
    ports: [9400],
  };

  it('adds one allow policy, from the named namespace on the named port, which aif check holds', () => {
    const site = new AiFactorySite(testApp(), bologna);
    site.operatorNamespace('gpu-operator').allow(scrape);
    const platform = synth(site.platform);
    const policy = resources(platform, 'kubernetes_network_policy_v1')[
      'namespace_gpu-operator_network_policy_allow-monitoring-scrape'
    ];
    expect(policy.metadata.name).toBe('aif-allow-monitoring-scrape');
    expect(policy.spec).toEqual({
      pod_selector: {},
      policy_types: ['Ingress'],
      ingress: [
        {
          from: [{ namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
          ports: [{ port: '9400', protocol: 'TCP' }],
        },
      ],
    });
    const report = checkIsolation([
      { name: 'bologna-platform', json: platform },
      { name: 'bologna-tenants', json: synth(site.tenantsStack) },
    ]);
    expect(report.rows.filter((r) => r.namespace === 'gpu-operator').map((r) => [r.check, r.status])).toEqual(
      [
        ['AIF-NET-2', 'PASS'],
        ['AIF-NET-3', 'PASS'],
      ],
    );
  });

  it('fails AIF-NET-3 when the flow admits a tenant namespace', () => {
    const site = new AiFactorySite(testApp(), bologna);
    site.operatorNamespace('gpu-operator').allow({ ...scrape, peer: { namespace: 'agrifood' } });
    const report = checkIsolation([
      { name: 'bologna-platform', json: synth(site.platform) },
      { name: 'bologna-tenants', json: synth(site.tenantsStack) },
    ]);
    const row = report.rows.find((r) => r.namespace === 'gpu-operator' && r.check === 'AIF-NET-3');
    expect(row?.status).toBe('FAIL');
    expect(row?.reason).toContain(
      'aif-allow-monitoring-scrape allows ingress from tenant namespace agrifood',
    );
  });

  it('fails AIF-NET-3 on selectors that reach tenants by expression or label, and wide address blocks', () => {
    const site = new AiFactorySite(testApp(), bologna);
    const platform = synth(site.platform);
    const policies = platform.resource.kubernetes_network_policy_v1;
    const ingress = (from: unknown[]) => ({
      metadata: { name: 'aif-allow-x', namespace: 'kueue-system' },
      spec: { pod_selector: {}, policy_types: ['Ingress'], ingress: [{ from, ports: [{ port: '8080' }] }] },
    });
    const check = (from: unknown[]) => {
      policies['namespace_kueue-system_network_policy_allow-x'] = ingress(from);
      const report = checkIsolation([
        { name: 'bologna-platform', json: platform },
        { name: 'bologna-tenants', json: synth(site.tenantsStack) },
      ]);
      return report.rows.find((r) => r.namespace === 'kueue-system' && r.check === 'AIF-NET-3')!;
    };
    const nameIn = { key: 'kubernetes.io/metadata.name', operator: 'In', values: ['agrifood'] };
    expect(check([{ namespace_selector: { match_expressions: [nameIn] } }]).reason).toContain(
      'allows ingress from tenant namespace agrifood',
    );
    const notSystem = { key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system'] };
    expect(check([{ namespace_selector: { match_expressions: [notSystem] } }]).reason).toMatch(
      /from tenant namespace agrifood, [^;]*cybersecurity/,
    );
    // Tenant namespaces carry the library's tenant label: selecting by it reaches them all.
    const byTenantLabel = { match_expressions: [{ key: 'ai-factory.eu/tenant', operator: 'Exists' }] };
    expect(check([{ namespace_selector: byTenantLabel }]).status).toBe('FAIL');
    expect(check([{ ip_block: { cidr: '0.0.0.0/0' } }]).reason).toContain('which may hold tenant pods');
    // A named namespace that is not a tenant's passes.
    const monitoring = { match_labels: { 'kubernetes.io/metadata.name': 'monitoring' } };
    expect(check([{ namespace_selector: monitoring }]).status).toBe('PASS');
  });

  it('refuses a flow without ports, ingress from every namespace or anywhere, and a name taken', () => {
    const ns = new AiFactorySite(testApp(), bologna).operatorNamespace('kueue-system');
    expect(() =>
      ns.allow({ name: 'api-server', direction: 'ingress', peer: { anyNamespace: true } }),
    ).toThrow(
      /NAME_DUPLICATE\] flow\.name[\s\S]*VALUE_INVALID\] flow\.ports[\s\S]*VALUE_INVALID\] flow\.peer: ingress from every namespace/,
    );
    expect(() => ns.allow({ name: 'open', direction: 'ingress', ports: [8080] })).toThrow(/from any address/);
    expect(() =>
      ns.allow({ name: 'wide', direction: 'ingress', peer: { cidrs: ['0.0.0.0/0'] }, ports: [[1, 65535]] }),
    ).toThrow(/VALUE_INVALID\] flow\.ports\[0\][\s\S]*CIDR_INVALID\] flow\.peer\.cidrs\[0\]/);
    expect(() => new AiFactorySite(testApp(), bologna).operatorNamespace('monitoring')).toThrow(
      /has no operator namespace 'monitoring'; it has [^\n]*gpu-operator[^\n]*kueue-system/,
    );
  });
});
