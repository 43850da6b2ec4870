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

  it('refuses a flow without ports, ingress from every namespace or anywhere, and a name taken', () => {
    const ns = new AiFactorySite(testApp(), bologna).operatorNamespace('kueue-system');
    expect(() =>
      ns.allow({ name: 'api-server', direction: 'ingress', peer: { anyNamespace: true } }),
    ).toThrow(
      /NAME_DUPLICATE\] flow\.name[\s\S]*VALUE_INVALID\] flow\.ports[\s\S]*VALUE_INVALID\] flow\.peer: ingress from every namespace/,
    );
    expect(() => ns.allow({ name: 'open', direction: 'ingress', ports: [8080] })).toThrow(/from any address/);
    expect(() => new AiFactorySite(testApp(), bologna).operatorNamespace('monitoring')).toThrow(
      /has no operator namespace 'monitoring'; it has [^\n]*gpu-operator[^\n]*kueue-system/,
    );
  });
});
