import * as path from 'path';
import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { AiFactorySite, ValidationError, type SiteProfile } from '../../lib';
import { loadProfiles } from '../../lib/cli/profiles';
import { checkIsolation, ISOLATION_CHECKS } from '../../lib/review/check';
import { one, resources, sampleProfile, testApp, type TfJson } from '../helpers';

const profiles = loadProfiles(path.join(__dirname, '..', '..', 'stacks', 'sites'));
const byName = new Map(profiles.map((p) => [p.name, p]));

function synthSite(profile: SiteProfile): { platform: string; tenants: string; site: AiFactorySite } {
  const site = new AiFactorySite(testApp(), profile);
  return { platform: Testing.synth(site.platform), tenants: Testing.synth(site.tenantsStack), site };
}

describe('AiFactorySite', () => {
  it('builds <site>-platform and <site>-tenants, the second depending on the first', () => {
    const { site } = synthSite(sampleProfile());
    expect(site.platform.node.id).toBe('testsite-platform');
    expect(site.tenantsStack.node.id).toBe('testsite-tenants');
    expect(site.tenantsStack.dependencies).toEqual([site.platform]);
  });

  it("configures each stack's providers from the profile's kubeconfig context", () => {
    for (const text of Object.values(synthSite(sampleProfile())).slice(0, 2) as string[]) {
      const json = JSON.parse(text) as TfJson;
      expect(json.provider.kubernetes).toEqual([{ config_path: '~/.kube/config', config_context: 'test' }]);
      expect(json.provider.helm).toEqual([
        { kubernetes: { config_path: '~/.kube/config', config_context: 'test' } },
      ]);
    }
  });

  it("keeps state in local files by default, one per stack, at absolute paths in the project's state/", () => {
    // test/setup-env.js pins the project root to /aif-project.
    const { platform, tenants } = synthSite(sampleProfile());
    expect(JSON.parse(platform).terraform.backend).toEqual({
      local: { path: '/aif-project/state/terraform.testsite-platform.tfstate' },
    });
    expect(JSON.parse(tenants).terraform.backend).toEqual({
      local: { path: '/aif-project/state/terraform.testsite-tenants.tfstate' },
    });
  });

  it('resolves a profile state directory against the project root, and refuses one inside the output', () => {
    const { tenants } = synthSite(sampleProfile({ state: { kind: 'local', directory: 'ops/tfstate' } }));
    expect(JSON.parse(tenants).terraform.backend.local.path).toBe(
      '/aif-project/ops/tfstate/terraform.testsite-tenants.tfstate',
    );
    const app = Testing.app({ stackTraces: false });
    const inside = path.join(app.outdir, 'state');
    expect(
      () => new AiFactorySite(app, sampleProfile({ state: { kind: 'local', directory: inside } })),
    ).toThrow(
      /\[STATE_INSIDE_OUTPUT\] state\.directory: the state file .* would lie inside the synthesized output/,
    );
  });

  it('is a construct that can live inside an operator construct, with its stacks at the app root', () => {
    const app = testApp();
    const wrapper = new Construct(app, 'operator-wrapper');
    const site = new AiFactorySite(wrapper, sampleProfile());
    expect(site.node.path).toBe('operator-wrapper/site-testsite');
    // The cdktf CLI orders deploys by stack name, and the manifest names dependencies by path.
    expect(site.platform.node.path).toBe('testsite-platform');
    expect(site.tenantsStack.node.path).toBe('testsite-tenants');
  });

  it('can keep state in the cluster (kubernetes backend)', () => {
    const { tenants } = synthSite(sampleProfile({ state: { kind: 'kubernetes', namespace: 'tfstate' } }));
    expect(JSON.parse(tenants).terraform.backend).toEqual({
      kubernetes: {
        secret_suffix: 'testsite-tenants',
        namespace: 'tfstate',
        config_path: '~/.kube/config',
        config_context: 'test',
      },
    });
  });

  it('puts pools and operators in the platform stack and tenants in the tenants stack', () => {
    const { platform, tenants } = synthSite(sampleProfile());
    const p = JSON.parse(platform) as TfJson;
    const t = JSON.parse(tenants) as TfJson;
    expect(Object.keys(resources(p, 'kubernetes_node_taint'))).toHaveLength(4);
    expect(Object.values(resources(p, 'helm_release')).map((r) => r.chart)).toEqual(['gpu-operator']);
    expect(resources(p, 'kubernetes_resource_quota_v1')).toEqual({});
    expect(Object.keys(resources(t, 'kubernetes_namespace_v1')).sort()).toEqual([
      'tenant_alpha_namespace',
      'tenant_beta_namespace',
    ]);
    expect(resources(t, 'helm_release')).toEqual({});
  });

  it('validates the profile before building anything, with every problem', () => {
    const app = testApp();
    const bad = sampleProfile({
      name: 'X',
      tenants: [{ ...sampleProfile().tenants[0], gpus: [{ pool: 'none', count: 1 }] }],
    });
    let error: unknown;
    try {
      new AiFactorySite(app, bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.code)).toEqual([
      'NAME_INVALID',
      'TENANT_GPU_UNAVAILABLE',
    ]);
    expect(app.node.children).toHaveLength(0);
  });

  it('changes no byte of output when tenants, pools or grants are reordered', () => {
    const a = sampleProfile();
    const b: SiteProfile = {
      ...a,
      nodePools: [...a.nodePools].reverse(),
      tenants: [...a.tenants]
        .reverse()
        .map((t) => ({ ...t, groups: { ...t.groups, members: [...(t.groups.members ?? [])].reverse() } })),
    };
    const x = synthSite(a);
    const y = synthSite(b);
    expect(y.platform).toBe(x.platform);
    expect(y.tenants).toBe(x.tenants);
    for (const site of profiles) {
      const reordered: SiteProfile = {
        ...site,
        nodePools: [...site.nodePools].reverse(),
        tenants: [...site.tenants].reverse().map((t) => ({ ...t, gpus: [...t.gpus].reverse() })),
        accessModes: site.accessModes ? [...site.accessModes].reverse() : undefined,
      };
      const s1 = synthSite(site);
      const s2 = synthSite(reordered);
      expect(s2.platform).toBe(s1.platform);
      expect(s2.tenants).toBe(s1.tenants);
    }
  });
});

describe('site profiles', () => {
  it('include Bologna and Kajaani', () => {
    expect([...byName.keys()]).toEqual(expect.arrayContaining(['bologna', 'kajaani']));
  });

  it('grant requests.nvidia.com/gpu in Bologna and requests.amd.com/gpu in Kajaani', () => {
    const bologna = JSON.parse(synthSite(byName.get('bologna') as SiteProfile).tenants) as TfJson;
    const q1 = one(bologna, 'kubernetes_resource_quota_v1', 'tenant-quota', 'tenant_agrifood_namespace').spec
      .hard;
    expect(Number(q1['requests.nvidia.com/gpu'])).toBeGreaterThan(0);
    expect(q1['requests.amd.com/gpu']).toBeUndefined();
    const kajaani = JSON.parse(synthSite(byName.get('kajaani') as SiteProfile).tenants) as TfJson;
    const q2 = one(kajaani, 'kubernetes_resource_quota_v1', 'tenant-quota', 'tenant_nordic-llm_namespace')
      .spec.hard;
    expect(Number(q2['requests.amd.com/gpu'])).toBeGreaterThan(0);
    expect(q2['requests.nvidia.com/gpu']).toBeUndefined();
  });

  it('label and taint the 128 listed Leonardo Booster nodes of Bologna', () => {
    const platform = JSON.parse(synthSite(byName.get('bologna') as SiteProfile).platform) as TfJson;
    const taints = resources(platform, 'kubernetes_node_taint');
    expect(Object.keys(taints)).toHaveLength(128);
    expect(taints.pool_booster_taint_lrdn0128.metadata.name).toBe('lrdn0128');
  });

  it('install the AMD GPU operator with cert-manager in Kajaani, and no NVIDIA operator', () => {
    const platform = JSON.parse(synthSite(byName.get('kajaani') as SiteProfile).platform) as TfJson;
    const charts = Object.values(resources(platform, 'helm_release'))
      .map((r) => r.chart)
      .sort();
    expect(charts).toEqual(['cert-manager', 'gpu-operator-charts', 'kueue']);
  });

  describe.each(profiles.map((p) => [p.name, p] as const))('%s', (_name, profile) => {
    const out = synthSite(profile);
    it('platform stack matches its snapshot', () => {
      expect(JSON.parse(out.platform)).toMatchSnapshot();
    });
    it('tenants stack matches its snapshot', () => {
      expect(JSON.parse(out.tenants)).toMatchSnapshot();
    });
    it('passes every isolation check (aif check) in every tenant namespace', () => {
      const report = checkIsolation([
        { name: `${profile.name}-platform`, json: JSON.parse(out.platform) as TfJson },
        { name: `${profile.name}-tenants`, json: JSON.parse(out.tenants) as TfJson },
      ]);
      expect(report.rows.filter((r) => r.status !== 'PASS')).toEqual([]);
      // Every tenant of the profile is checked, against every tenant check; every other namespace of
      // the output (the operators') against every operator check.
      const operators = Object.values({
        ...resources(JSON.parse(out.platform) as TfJson, 'kubernetes_namespace_v1'),
        ...resources(JSON.parse(out.tenants) as TfJson, 'kubernetes_namespace_v1'),
      })
        .map((n) => String(n.metadata.name))
        .filter((n) => !profile.tenants.some((t) => t.name === n));
      expect(operators.length).toBeGreaterThan(0);
      expect(report.sites).toEqual([
        { site: profile.name, namespaces: profile.tenants.length, operatorNamespaces: operators.length },
      ]);
      const count = (kind: string) => ISOLATION_CHECKS.filter((c) => c.appliesTo === kind).length;
      expect(report.rows).toHaveLength(
        profile.tenants.length * count('tenant') + operators.length * count('operator'),
      );
      expect(
        [...new Set(report.rows.filter((r) => r.kind === 'operator').map((r) => r.namespace))].sort(),
      ).toEqual(operators.sort());
    });
  });
});
