import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing, type TerraformStack } from 'cdktf';
import { AiFactorySite, TenantNamespace } from 'cdktf-ai-factory';
import { addStacks, BENCHMARKS } from '../main';
import { profile } from '../sites/karolina';

// Synthesizes this repository's stacks with the installed cdktf-ai-factory and asserts what they
// would do to the clusters: nodes, MIG layouts, namespaces and quotas.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'karolina-site-'));
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

const { site, teaching } = addStacks(new App({ outdir, stackTraces: false }));
const synth = (stack: TerraformStack): Json => JSON.parse(Testing.synth(stack)) as Json;
const resources = (json: Json, type: string): Record<string, Json> => json.resource?.[type] ?? {};

/** The hard limits of a tenant's unscoped resource quota. */
function quota(json: Json, tenant: string): Record<string, string> {
  const found = Object.values(resources(json, 'kubernetes_resource_quota_v1')).filter(
    (q) =>
      q.metadata.name === 'tenant-quota' &&
      String(q.metadata.namespace).includes(`tenant_${tenant}_namespace`),
  );
  expect(found).toHaveLength(1);
  return found[0].spec.hard;
}

/** The names of the admission policies a stack installs, with their bindings' names, sorted. */
function admissionPolicies(json: Json): string[] {
  return Object.values(resources(json, 'kubernetes_manifest'))
    .map((m) => m.manifest)
    .filter((m) => m.kind.startsWith('ValidatingAdmissionPolicy'))
    .map((m) => `${m.kind} ${m.metadata.name}`)
    .sort();
}

/** The tenant guard rails: a deletion guard, the placement, PriorityClass and Service policies. */
const GUARDRAILS = [
  'aif-tenant-deletion',
  'aif-tenant-object-size',
  'aif-tenant-placement',
  'aif-tenant-pod-spec',
  'aif-tenant-priority',
  'aif-tenant-services',
  'aif-tenant-volumes',
]
  .flatMap((n) => [`ValidatingAdmissionPolicy ${n}`, `ValidatingAdmissionPolicyBinding ${n}`])
  .sort();

/** The network policies of one tenant namespace, by name. */
function networkPolicies(json: Json, tenant: string): string[] {
  return Object.values(resources(json, 'kubernetes_network_policy_v1'))
    .filter((p) => String(p.metadata.namespace).includes(`tenant_${tenant}_namespace`))
    .map((p) => p.metadata.name)
    .sort();
}

/** The MIG layouts the GPU operator's MIG manager applies, by config name. */
function migConfigs(json: Json): Json {
  const release = Object.values(resources(json, 'helm_release')).find((r) => r.chart === 'gpu-operator');
  const values = JSON.parse(release!.values[0]);
  return JSON.parse(values.migManager.config.data['config.yaml'])['mig-configs'];
}

describe('the Karolina site from its profile', () => {
  const platform = synth(site.platform);
  const tenants = synth(site.tenantsStack);

  it('builds a platform and a tenants stack', () => {
    expect([site.platform.node.id, site.tenantsStack.node.id]).toEqual([
      'karolina-platform',
      'karolina-tenants',
    ]);
  });

  it('taints every listed accelerated node and partitions the MIG pool', () => {
    const taints = Object.keys(resources(platform, 'kubernetes_node_taint'));
    expect(taints).toHaveLength(70);
    expect(taints).toContain('pool_acn_taint_acn01');
    expect(taints).toContain('pool_acn-mig_taint_acn70');
    expect(migConfigs(platform)['aif-acn-mig'][0]['mig-devices']).toEqual({
      '1g.5gb': 2,
      '2g.10gb': 1,
      '3g.20gb': 1,
    });
  });

  it('gives each tenant a namespace and a GPU quota from its grant', () => {
    const namespaces = Object.values(resources(tenants, 'kubernetes_namespace_v1')).map(
      (n) => n.metadata.name,
    );
    expect(namespaces).toEqual(expect.arrayContaining(['czech-llm', 'factory-vision', 'startup-playground']));
    // The quota is the grant plus what the access mode may borrow through Kueue: AI for Science
    // its grant again (256 + 256), Fast Lane half again (40,000 GPU-hours over 92 days is 18.1
    // GPUs, so 18, plus 9), Playground nothing.
    expect(quota(tenants, 'czech-llm')['requests.nvidia.com/gpu']).toBe('512');
    expect(quota(tenants, 'factory-vision')['requests.nvidia.com/gpu']).toBe('27');
    const playground = quota(tenants, 'startup-playground');
    expect(playground['requests.nvidia.com/gpu']).toBe('0');
    expect(playground['requests.nvidia.com/mig-1g.5gb']).toBe('14');
    expect(playground['requests.nvidia.com/mig-3g.20gb']).toBe('4');
  });

  it('has the guard rails: admission policies, object-count quotas and default-deny in every tenant', () => {
    expect(admissionPolicies(platform)).toEqual(expect.arrayContaining(GUARDRAILS));
    expect(admissionPolicies(tenants).filter((p) => GUARDRAILS.includes(p))).toEqual([]);
    for (const tenant of ['czech-llm', 'factory-vision', 'startup-playground']) {
      expect(networkPolicies(tenants, tenant)).toContain('aif-default-deny');
      expect(quota(tenants, tenant)).toMatchObject({
        'services.loadbalancers': '0',
        'services.nodeports': '0',
      });
      expect(Number(quota(tenants, tenant).secrets)).toBeGreaterThan(0);
    }
  });
});

describe('a tenant added in code (site.addTenant)', () => {
  const inCode = synth(site.tenantsStack);

  it('is the same, byte for byte, as the tenant written into the profile: namespace, quotas, queues', () => {
    const inProfile = new AiFactorySite(new App({ outdir, stackTraces: false }), {
      ...profile,
      tenants: [...profile.tenants, BENCHMARKS],
    });
    expect(JSON.stringify(inCode)).toBe(JSON.stringify(synth(inProfile.tenantsStack)));
    const queues = Object.values(resources(inCode, 'kubernetes_manifest'))
      .map((m) => m.manifest)
      .filter((m) => m.metadata.name === 'it4i-benchmarks' || m.metadata.name === 'it4i-benchmarks.cpu')
      .map((m) => `${m.kind} ${m.metadata.name}`)
      .sort();
    expect(queues).toEqual(['ClusterQueue it4i-benchmarks', 'ClusterQueue it4i-benchmarks.cpu']);
    // The grant plus what the internal mode may borrow through Kueue: a quarter again (16 + 4).
    expect(quota(inCode, 'it4i-benchmarks')['requests.nvidia.com/gpu']).toBe('20');
  });

  it('is checked with the whole profile, and a namespace built around the site is refused', () => {
    const app = new App({ outdir, stackTraces: false });
    const other = new AiFactorySite(app, profile);
    expect(() => other.addTenant({ ...BENCHMARKS, gpus: [{ pool: 'acn', count: 400 }] })).toThrow(
      /POOL_OVERCOMMITTED/,
    );
    expect(() => other.addTenant({ ...BENCHMARKS, gpus: [{ pool: 'acn-h100', count: 1 }] })).toThrow(
      /\[TENANT_GPU_UNAVAILABLE\] tenant\.gpus\[0\]\.pool/,
    );
    // Built directly on the site, a tenant would get no queues (its jobs would never run): refused.
    const rogue = () =>
      new TenantNamespace(other.tenantsStack, 'rogue', {
        name: 'rogue',
        site: other,
        accessMode: 'internal',
        gpus: [],
        groups: { admins: ['czai:rogue'] },
      });
    expect(rogue).toThrow(/\[TENANT_OUTSIDE_SITE\] TenantNamespace 'rogue'/);
  });
});

describe('the teaching cluster composed from constructs', () => {
  const json = synth(teaching);

  it('labels and taints its two nodes and gives them one MIG layout', () => {
    expect(Object.keys(resources(json, 'kubernetes_node_taint')).sort()).toEqual([
      'pool_acn-teaching_taint_acn71',
      'pool_acn-teaching_taint_acn72',
    ]);
    expect(migConfigs(json)['aif-acn-teaching'][0]['mig-devices']).toEqual({ '1g.5gb': 4, '3g.20gb': 1 });
  });

  it('gives each course its namespace and its MIG slices, and nothing else', () => {
    expect(Object.keys(resources(json, 'kubernetes_namespace_v1')).sort()).toEqual([
      'namespace_gpu-operator',
      'tenant_course-llm_namespace',
      'tenant_course-vision_namespace',
    ]);
    expect(quota(json, 'course-llm')['requests.nvidia.com/mig-1g.5gb']).toBe('16');
    expect(quota(json, 'course-vision')['requests.nvidia.com/mig-1g.5gb']).toBe('12');
    expect(quota(json, 'course-llm')['requests.nvidia.com/mig-3g.20gb']).toBe('0');
  });

  it('gets the guard rails the site gets, once, from its site scope', () => {
    expect(admissionPolicies(json)).toEqual(GUARDRAILS);
    for (const course of ['course-llm', 'course-vision']) {
      expect(networkPolicies(json, course)).toContain('aif-default-deny');
      const hard = quota(json, course);
      // Zero for every GPU resource of the cluster the course has no grant on, and bounded objects.
      expect(hard['requests.nvidia.com/mig-3g.20gb']).toBe('0');
      expect(hard).toMatchObject({ 'services.loadbalancers': '0', 'services.nodeports': '0' });
      expect(Number(hard.secrets)).toBeGreaterThan(0);
    }
  });

  it('keeps its state outside cdktf.out: in state/ at the root of this repository', () => {
    const root = path.resolve(__dirname, '..');
    expect(json.terraform.backend.local.path).toBe(
      path.join(root, 'state', 'terraform.karolina-teaching.tfstate'),
    );
  });
});
