import { App, TerraformStack } from 'cdktf';
import {
  AiFactorySite,
  GpuNodePool,
  NfsCsiDriver,
  SiteScope,
  StorageTier,
  TenantGuardrails,
  TenantNamespace,
  ValidationError,
  type TenantNamespaceProps,
} from '../../lib';
import { resources, sampleProfile, synth, testApp, type TfJson } from '../helpers';

const ALLOCATION = { projectId: 'EHPC-AIF-2026FL01-0007', start: '2026-10-01', end: '2026-12-31' };

/**
 * The construct path: a platform stack with a pool, a tenants stack, and the site scope in the
 * tenants' stack, which holds the guard rails.
 */
function lab(app: App, name = 'lab') {
  const platform = new TerraformStack(app, `${name}-platform`);
  const tenants = new TerraformStack(app, `${name}-tenants`);
  const site = new SiteScope(tenants, 'site', { name });
  const a100 = site.addPool(
    new GpuNodePool(platform, 'a100', {
      name: 'a100',
      accelerator: 'nvidia-a100-80gb',
      gpusPerNode: 8,
      nodes: { hostlist: 'gpu[01-08]' },
    }),
  );
  return { platform, tenants, site, a100 };
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

function tenant(
  scope: TerraformStack,
  site: SiteScope,
  pool: GpuNodePool,
  overrides: Partial<TenantNamespaceProps> = {},
) {
  return new TenantNamespace(scope, overrides.name ?? 'vision', {
    name: 'vision',
    site,
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

/** The spec of the ValidatingAdmissionPolicy `name` in a stack. */
function policySpec(stack: TerraformStack, name: string): TfJson | undefined {
  return Object.values(resources(synth(stack), 'kubernetes_manifest'))
    .map((m) => m.manifest)
    .find((m) => m.kind === 'ValidatingAdmissionPolicy' && m.metadata.name === name)?.spec;
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

describe('a tenant learns its cluster from its site', () => {
  it('gets zero quota for every other GPU resource and storage class of the site, pools added later included', () => {
    const app = testApp();
    const { platform, tenants, site, a100 } = lab(app);
    tenant(tenants, site, a100);
    // Added after the tenant, in code order, and in the other stack.
    site.addPool(amdPool(platform));
    site.addPool(
      new GpuNodePool(platform, 'mig', {
        name: 'mig',
        accelerator: 'nvidia-h100-80gb',
        gpusPerNode: 8,
        nodes: { hostlist: 'mig[1-2]' },
        mig: { profiles: { '3g.40gb': 2 } },
      }),
    );
    site.addTier(
      new StorageTier(platform, 'work', {
        spec: {
          name: 'work',
          purpose: 'project',
          capacity: '100Ti',
          driver: { kind: 'nfs', server: 'nfs01.example.org', share: '/export/work' },
        },
        driver: new NfsCsiDriver(platform, 'csi-nfs'),
      }),
    );
    const hard = quota(synth(tenants), 'vision');
    expect(hard['requests.nvidia.com/gpu']).toBe('16');
    expect(hard['requests.amd.com/gpu']).toBe('0');
    expect(hard['requests.nvidia.com/mig-3g.40gb']).toBe('0');
    expect(hard['requests.storage']).toBe('0');
    expect(hard['work.storageclass.storage.k8s.io/requests.storage']).toBe('0');
    expect(hard['work.storageclass.storage.k8s.io/persistentvolumeclaims']).toBe('0');
    expect(site.gpuPools.map((p) => p.name)).toEqual(['a100', 'mi', 'mig']);
  });

  it('takes the pools and tiers a tenant draws on: zero quota and the placement guard there for every other tenant', () => {
    const app = testApp();
    const { platform, tenants, site, a100 } = lab(app);
    // Neither added to the site: one tenant's grants bring them in.
    const mig = new GpuNodePool(platform, 'mig', {
      name: 'mig',
      accelerator: 'nvidia-h100-80gb',
      gpusPerNode: 8,
      nodes: { hostlist: 'mig[1-2]' },
      mig: { profiles: { '3g.40gb': 2 } },
    });
    const work = new StorageTier(platform, 'work', {
      spec: {
        name: 'work',
        purpose: 'project',
        capacity: '100Ti',
        driver: { kind: 'nfs', server: 'nfs01.example.org', share: '/export/work' },
      },
      driver: new NfsCsiDriver(platform, 'csi-nfs'),
    });
    tenant(tenants, site, mig, {
      name: 'speech',
      gpus: [{ pool: mig, count: 4, migProfile: '3g.40gb' }],
      storage: [{ tier: work, capacity: '1Ti' }],
    });
    tenant(tenants, site, a100);
    const hard = quota(synth(tenants), 'vision');
    expect(hard['requests.nvidia.com/mig-3g.40gb']).toBe('0');
    expect(hard['work.storageclass.storage.k8s.io/requests.storage']).toBe('0');
    expect(site.gpuPools.map((p) => p.name)).toEqual(['a100', 'mig']);
    const placement = policySpec(tenants, TenantGuardrails.PLACEMENT_POLICY_NAME);
    expect(JSON.stringify(placement?.variables)).toContain("'mig'");
  });

  it('refuses a tenant before it makes anything, so a caught refusal leaves no resource behind', () => {
    const app = testApp();
    const { tenants, site, a100 } = lab(app);
    tenant(tenants, site, a100, {
      accessMode: 'internal',
      allocation: undefined,
      gpus: [{ pool: a100, count: 60 }],
    });
    expect(() =>
      tenant(tenants, site, a100, {
        name: 'speech',
        accessMode: 'internal',
        allocation: undefined,
        gpus: [{ pool: a100, count: 8 }],
      }),
    ).toThrow(/POOL_OVERCOMMITTED/);
    expect(Object.keys(resources(synth(tenants), 'kubernetes_namespace_v1'))).toEqual([
      'tenant_vision_namespace',
    ]);
  });

  it("keeps a grant's limit, and keeps two sites of one app apart", () => {
    const app = testApp();
    const north = lab(app, 'north');
    const south = lab(app, 'south');
    south.site.addPool(amdPool(south.platform));
    tenant(north.tenants, north.site, north.a100);
    tenant(south.tenants, south.site, south.a100, { gpus: [{ pool: south.a100, count: 8 }] });
    const northHard = quota(synth(north.tenants), 'vision');
    expect(northHard['requests.nvidia.com/gpu']).toBe('16');
    expect(Object.keys(northHard).filter((k) => k.includes('amd.com'))).toEqual([]);
    const southHard = quota(synth(south.tenants), 'vision');
    expect([southHard['requests.nvidia.com/gpu'], southHard['requests.amd.com/gpu']]).toEqual(['8', '0']);
  });

  it('writes the site name to the tenant, and refuses a site name that is no DNS label', () => {
    const { tenants, site, a100 } = lab(testApp());
    tenant(tenants, site, a100);
    const ns = resources(synth(tenants), 'kubernetes_namespace_v1');
    expect(Object.values(ns).map((n) => n.metadata.labels['ai-factory.eu/site'])).toEqual(['lab']);
    expect(codes(() => new SiteScope(tenants, 'bad', { name: 'Lab Site' }))).toEqual([
      'NAME_INVALID props.name',
    ]);
  });
});

describe('the construct path runs the profile checks', () => {
  it('refuses a Playground tenant without an allocation, with its code and path', () => {
    const { tenants, site, a100 } = lab(testApp());
    expect(
      codes(() =>
        tenant(tenants, site, a100, {
          accessMode: 'playground',
          allocation: undefined,
          gpus: [{ pool: a100, count: 1 }],
        }),
      ),
    ).toEqual(['ALLOCATION_MISSING props.allocation']);
  });

  it('refuses careless input and numbers past what a site has, as a profile does', () => {
    const { platform, tenants, site, a100 } = lab(testApp());
    expect(
      codes(() =>
        tenant(tenants, site, a100, {
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
      // Neither pools nor a site: the placement guard would cover no pool.
      'VALUE_INVALID props.pools',
    ]);
  });
});

describe('the grants of a site built from constructs', () => {
  it('must fit its pools, across stacks, as in a profile: refused as the tenant that overcommits is added', () => {
    const app = testApp();
    const { tenants, site, a100 } = lab(app);
    const more = new TerraformStack(app, 'lab-more-tenants');
    // 64 GPUs in the pool: 48 + 24 do not fit.
    tenant(tenants, site, a100, {
      accessMode: 'internal',
      allocation: undefined,
      gpus: [{ pool: a100, count: 48 }],
    });
    expect(
      problems(() =>
        tenant(more, site, a100, {
          name: 'speech',
          accessMode: 'internal',
          allocation: undefined,
          gpus: [{ pool: a100, count: 24 }],
        }),
      ),
    ).toEqual([
      "POOL_OVERCOMMITTED GpuNodePool 'a100': tenants are granted 72 nvidia.com/gpu of pool 'a100', which holds 64",
    ]);
  });
});

describe('guard rails come with the site scope, once per site', () => {
  it('are made by the scope, once for tenants in two stacks, over its pools', () => {
    const app = testApp();
    const { platform, tenants, site, a100 } = lab(app);
    const more = new TerraformStack(app, 'lab-more-tenants');
    tenant(tenants, site, a100);
    tenant(more, site, a100, { name: 'speech' });
    expect(policies(platform, tenants, more)).toEqual(GUARDRAILS);
    const placement = policySpec(tenants, TenantGuardrails.PLACEMENT_POLICY_NAME);
    // The scope's pool, whose node label the placement guard keeps tenants from selecting.
    expect(JSON.stringify(placement?.variables)).toContain("'a100'");
  });

  it("take the site's own settings", () => {
    const app = testApp();
    const tenants = new TerraformStack(app, 'lab-tenants');
    new SiteScope(tenants, 'site', {
      name: 'lab',
      guardrails: { allowedPriorityClasses: ['default-priority'] },
    });
    const priority = policySpec(tenants, TenantGuardrails.PRIORITY_POLICY_NAME);
    expect(priority?.variables).toContainEqual({
      name: 'allowed',
      expression: "['default-priority']",
    });
  });

  it('are never doubled by an AiFactorySite, which adds its own', () => {
    const site = new AiFactorySite(testApp(), sampleProfile());
    expect(policies(site.platform, site.tenantsStack)).toEqual(GUARDRAILS);
  });
});
