import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { TerraformStack, type App } from 'cdktf';
import {
  AiFactorySite,
  GpuNodePool,
  NfsCsiDriver,
  StorageTier,
  TenantGuardrails,
  TenantNamespace,
  ValidationError,
  type TenantNamespaceProps,
} from '../../lib';
import { resources, sampleProfile, synth, testApp, type TfJson } from '../helpers';

const ALLOCATION = { projectId: 'EHPC-AIF-2026FL01-0007', start: '2026-10-01', end: '2026-12-31' };

/** The README's construct path: a platform stack with a pool, a tenants stack, no `sitePools`. */
function lab(app: App, context?: string) {
  const platform = new TerraformStack(app, `${context ?? 'lab'}-platform`);
  const tenants = new TerraformStack(app, `${context ?? 'lab'}-tenants`);
  if (context) {
    for (const stack of [platform, tenants])
      new KubernetesProvider(stack, 'kubernetes', { configPath: '~/.kube/config', configContext: context });
  }
  const a100 = new GpuNodePool(platform, 'a100', {
    name: 'a100',
    accelerator: 'nvidia-a100-80gb',
    gpusPerNode: 8,
    nodes: { hostlist: 'gpu[01-08]' },
  });
  return { platform, tenants, a100 };
}

/** An AMD pool: a GPU resource (`amd.com/gpu`) of its own. */
function amdPool(platform: TerraformStack): GpuNodePool {
  return new GpuNodePool(platform, 'mi', {
    name: 'mi',
    accelerator: 'amd-mi250x',
    gpusPerNode: 8,
    nodes: { labels: { 'example.org/partition': 'mi' }, count: 2 },
  });
}

function tenant(scope: TerraformStack, pool: GpuNodePool, overrides: Partial<TenantNamespaceProps> = {}) {
  return new TenantNamespace(scope, overrides.name ?? 'vision', {
    name: 'vision',
    site: 'lab',
    accessMode: 'fast-lane',
    allocation: ALLOCATION,
    gpus: [{ pool, count: 16 }],
    groups: { admins: ['idp:vision-admins'] },
    ...overrides,
  });
}

/** The problems `f` throws as `CODE path: message` lines; a throw that is no ValidationError fails. */
function problems(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues.map((i) => `${i.code} ${i.path}: ${i.message}`);
  }
  return [];
}

/** The codes and paths of the problems `f` throws. */
const codes = (f: () => unknown): string[] => problems(f).map((p) => p.slice(0, p.indexOf(':')));

/** The hard limits of the tenant quota in a synthesized stack (overrides included). */
function quota(json: TfJson, tenantName: string): Record<string, string> {
  return resources(json, 'kubernetes_resource_quota_v1')[`tenant_${tenantName}_quota`].spec.hard;
}

/** Every ValidatingAdmissionPolicy name in the given stacks, with repeats. */
function policies(...stacks: TerraformStack[]): string[] {
  return stacks
    .flatMap((s) => Object.values(resources(synth(s), 'kubernetes_manifest')))
    .map((m) => m.manifest)
    .filter((m) => m.kind === 'ValidatingAdmissionPolicy')
    .map((m) => m.metadata.name as string)
    .sort();
}

const GUARDRAILS = [
  TenantGuardrails.DELETION_POLICY_NAME,
  TenantGuardrails.POLICY_NAME,
  TenantGuardrails.PRIORITY_POLICY_NAME,
  TenantGuardrails.PLACEMENT_POLICY_NAME,
  TenantGuardrails.POD_SPEC_POLICY_NAME,
  TenantGuardrails.SIZE_POLICY_NAME,
  TenantGuardrails.VOLUMES_POLICY_NAME,
].sort();

describe('a tenant learns its cluster from its scope', () => {
  it('without sitePools, gets zero quota for every other GPU resource and storage class of the app, pools added later included', () => {
    const app = testApp();
    const { platform, tenants, a100 } = lab(app);
    tenant(tenants, a100);
    // Added after the tenant, in code order, and in the other stack.
    amdPool(platform);
    new GpuNodePool(platform, 'mig', {
      name: 'mig',
      accelerator: 'nvidia-h100-80gb',
      gpusPerNode: 8,
      nodes: { hostlist: 'mig[1-2]' },
      mig: { profiles: { '3g.40gb': 2 } },
    });
    new StorageTier(platform, 'work', {
      spec: {
        name: 'work',
        purpose: 'project',
        capacity: '100Ti',
        driver: { kind: 'nfs', server: 'nfs01.example.org', share: '/export/work' },
      },
      driver: new NfsCsiDriver(platform, 'csi-nfs'),
    });
    const hard = quota(synth(tenants), 'vision');
    expect(hard['requests.nvidia.com/gpu']).toBe('16');
    expect(hard['requests.amd.com/gpu']).toBe('0');
    expect(hard['requests.nvidia.com/mig-3g.40gb']).toBe('0');
    expect(hard['requests.storage']).toBe('0');
    expect(hard['work.storageclass.storage.k8s.io/requests.storage']).toBe('0');
    expect(hard['work.storageclass.storage.k8s.io/persistentvolumeclaims']).toBe('0');
  });

  it("keeps a grant's limit, and keeps clusters of one app apart by their kubeconfig context", () => {
    const app = testApp();
    const north = lab(app, 'north');
    const south = lab(app, 'south');
    amdPool(south.platform);
    tenant(north.tenants, north.a100);
    tenant(south.tenants, south.a100, { gpus: [{ pool: south.a100, count: 8 }] });
    const northHard = quota(synth(north.tenants), 'vision');
    expect(northHard['requests.nvidia.com/gpu']).toBe('16');
    expect(Object.keys(northHard).filter((k) => k.includes('amd.com'))).toEqual([]);
    const southHard = quota(synth(south.tenants), 'vision');
    expect([southHard['requests.nvidia.com/gpu'], southHard['requests.amd.com/gpu']]).toEqual(['8', '0']);
  });
});

describe('the construct path runs the profile checks', () => {
  it('refuses a Playground tenant without an allocation, with its code and path', () => {
    const { tenants, a100 } = lab(testApp());
    expect(
      codes(() =>
        tenant(tenants, a100, {
          accessMode: 'playground',
          allocation: undefined,
          gpus: [{ pool: a100, count: 1 }],
        }),
      ),
    ).toEqual(['ALLOCATION_MISSING props.allocation']);
  });

  it('refuses careless input and numbers past what a site has, as a profile does', () => {
    const { platform, tenants, a100 } = lab(testApp());
    expect(
      codes(() =>
        tenant(tenants, a100, {
          egressCidrs: ['0.0.0.0/1', '128.0.0.0/1', '169.254.169.254/32'],
          resources: { pods: 1e9 },
        }),
      ),
    ).toEqual([
      'CIDR_INVALID props.egressCidrs[0]',
      'CIDR_INVALID props.egressCidrs[1]',
      'CIDR_INVALID props.egressCidrs[2]',
      'VALUE_INVALID props.resources.pods',
    ]);
    expect(
      codes(
        () =>
          new GpuNodePool(platform, 'huge', {
            name: 'huge',
            accelerator: 'nvidia-a100-80gb',
            gpusPerNode: 1e9,
            nodes: { hostlist: 'h1' },
          }),
      ),
    ).toEqual(['VALUE_INVALID props.gpusPerNode']);
    expect(
      codes(
        () =>
          new TenantGuardrails(platform, 'rails', {
            allowedPriorityClasses: ['aif-slurm', 'system-node-critical'],
          }),
      ),
    ).toEqual([
      'VALUE_INVALID props.allowedPriorityClasses[0]',
      'VALUE_INVALID props.allowedPriorityClasses[1]',
    ]);
  });
});

describe('the grants of a cluster built from constructs', () => {
  it('must fit its pools, across stacks, as in a profile', () => {
    const app = testApp();
    const { tenants, a100 } = lab(app);
    const more = new TerraformStack(app, 'lab-more-tenants');
    // 64 GPUs in the pool: 48 + 24 do not fit.
    tenant(tenants, a100, {
      accessMode: 'internal',
      allocation: undefined,
      gpus: [{ pool: a100, count: 48 }],
    });
    tenant(more, a100, {
      name: 'speech',
      accessMode: 'internal',
      allocation: undefined,
      gpus: [{ pool: a100, count: 24 }],
    });
    expect(problems(() => synth(tenants))).toEqual([
      "POOL_OVERCOMMITTED GpuNodePool 'a100': tenants are granted 72 nvidia.com/gpu of pool 'a100', which holds 64",
    ]);
  });
});

describe('guard rails come with the first tenant, once per cluster', () => {
  it('are added with the tenants when nobody added them, once for tenants in two stacks', () => {
    const app = testApp();
    const { platform, tenants, a100 } = lab(app);
    const more = new TerraformStack(app, 'lab-more-tenants');
    tenant(tenants, a100);
    tenant(more, a100, { name: 'speech' });
    expect(policies(platform, tenants, more)).toEqual(GUARDRAILS);
  });

  it("are the user's own when the user adds them, even after the tenants", () => {
    const app = testApp();
    const { platform, tenants, a100 } = lab(app);
    tenant(tenants, a100);
    new TenantGuardrails(platform, 'guardrails', { allowedPriorityClasses: ['default-priority'] });
    expect(policies(platform, tenants)).toEqual(GUARDRAILS);
    const priority = Object.values(resources(synth(platform), 'kubernetes_manifest')).find(
      (m) =>
        m.manifest.kind === 'ValidatingAdmissionPolicy' &&
        m.manifest.metadata.name === TenantGuardrails.PRIORITY_POLICY_NAME,
    );
    expect(priority?.manifest.spec.variables).toContainEqual({
      name: 'allowed',
      expression: "['default-priority']",
    });
  });

  it('are never doubled by an AiFactorySite, which adds its own', () => {
    const site = new AiFactorySite(testApp(), sampleProfile());
    expect(policies(site.platform, site.tenantsStack)).toEqual(GUARDRAILS);
  });
});
