import * as fs from 'fs';
import * as path from 'path';
import { loadProfiles } from '../../lib/cli/profiles';
import { Testing } from 'cdktf';
import { AiFactorySite } from '../../lib';
import { planSite, type SitePlan } from '../../lib/plan';
import type { Json } from '../../lib/review/synthesized';
import type { SiteProfile } from '../../lib/model';
import { sampleProfile } from '../helpers';
import { synthesizedSite } from '../site-output';

// lib/plan: every number a site's constructs write, computed once. The synthesized output is held to
// the plan, and each site's plan is a small JSON file under test/plan/plans/ that a reviewer reads.

const ROOT = path.join(__dirname, '..', '..');
const PLANS = path.join(__dirname, 'plans');
const DATE = process.env.AIF_DATE as string; // pinned by test/setup-env.js
/**
 * What no shipped site has, so that the plan is held to the output there too: NVIDIA and AMD pools
 * under one Slurm, a CPU pool shared with Slurm, a retired tenant, one taken out of Terraform, a
 * tenant without GPUs, and a per-tenant borrowing override.
 */
const fixture: SiteProfile = sampleProfile({
  name: 'fixture',
  nodePools: [
    ...sampleProfile().nodePools,
    { name: 'mi300a', accelerator: 'amd-mi300a', gpusPerNode: 4, nodes: { hostlist: 'm[01-04]' } },
  ],
  cpuPools: [{ name: 'cpu', nodes: { hostlist: 'c[01-04]' }, coresPerNode: 64, memoryPerNode: '256Gi' }],
  tenants: [
    ...sampleProfile().tenants,
    {
      name: 'gamma',
      accessMode: 'internal',
      gpus: [{ pool: 'mi300a', count: 4 }],
      groups: { admins: ['idp:gamma'] },
      retired: true,
    },
    { name: 'delta', accessMode: 'internal', gpus: [], groups: { admins: ['idp:delta'] } },
    {
      name: 'epsilon',
      accessMode: 'internal',
      gpus: [{ pool: 'mi300a', count: 8 }],
      groups: { admins: ['idp:e'] },
    },
  ],
  retiredTenants: [{ name: 'omega', storage: [] }],
  schedulers: {
    kueue: { tenants: { alpha: { borrowingLimit: 2, lendingLimit: 1 } } },
    slurm: {
      nodes: { a100: 1, mi300a: 1, cpu: 2 },
      slurmdImages: { mi300a: 'registry.site.example/slurm/slurmd-rocm:26.05.1-ubuntu26.04' },
      accounting: { host: '10.0.0.20', passwordSecret: { name: 'db' } },
    },
  },
});
const profiles = [...loadProfiles(path.join(ROOT, 'stacks', 'sites')), fixture];

function values(json: Json, chart: string): Json {
  const rel = Object.values((json.resource?.helm_release ?? {}) as Record<string, Json>).find(
    (r) => r.chart === chart,
  );
  return JSON.parse(String(rel?.values[0]).replace(/\$\$\{/g, '${'));
}

describe.each(profiles.map((p) => [p.name, p] as const))('the plan of %s', (name, profile) => {
  const plan: SitePlan = planSite(profile, DATE);
  const [platform, tenants] = synthesizedSite(profile).map((s) => s.json);

  it('is the JSON under test/plan/plans/ (AIF_UPDATE_PLANS=1 writes it)', () => {
    const file = path.join(PLANS, `${name}.json`);
    const text = `${JSON.stringify(plan, null, 2)}\n`;
    if (process.env.AIF_UPDATE_PLANS) fs.writeFileSync(file, text);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  it("is what the tenants' quotas say, key for key and in order", () => {
    const quotas = tenants.resource.kubernetes_resource_quota_v1 as Record<string, Json>;
    for (const t of plan.tenants) {
      expect(JSON.stringify(quotas[`tenant_${t.name}_quota`].spec.hard)).toBe(JSON.stringify(t.quota));
    }
    // And no tenant quota the plan does not know.
    const written = Object.values(quotas)
      .filter((q) => q.metadata.name === 'tenant-quota')
      .map((q) =>
        String(q.metadata.namespace).replace(
          /^\$\{kubernetes_namespace_v1\.tenant_(.*)_namespace\.metadata\[0\]\.name\}$/,
          '$1',
        ),
      )
      .sort();
    expect(written).toEqual(plan.tenants.map((t) => t.name).sort());
  });

  it('is what the Kueue lanes say, where the site runs Kueue', () => {
    const queues = new Map(
      Object.values((tenants.resource?.kubernetes_manifest ?? {}) as Record<string, Json>)
        .map((m) => m.manifest)
        .filter((m) => m.kind === 'ClusterQueue')
        .map((m) => [m.metadata.name as string, m.spec]),
    );
    expect([...queues.keys()].sort()).toEqual(
      plan.tenants
        .filter((t) => t.kueue)
        .flatMap((t) => [t.name, `${t.name}.cpu`])
        .sort(),
    );
    for (const t of plan.tenants.filter((x) => x.kueue)) {
      const gpu = queues.get(t.name);
      const flavors = (gpu.resourceGroups[0]?.flavors ?? []) as Json[];
      expect(flavors.map((f) => [f.name, f.resources])).toEqual(
        t.kueue!.flavors.map((f) => [f.pool, f.resources]),
      );
      if (flavors.length > 0) expect(gpu.resourceGroups[0].coveredResources).toEqual(t.kueue!.covered);
      const cpu = queues.get(`${t.name}.cpu`).resourceGroups[0].flavors[0].resources;
      expect(Object.fromEntries(cpu.map((r: Json) => [r.name, r.nominalQuota]))).toEqual(t.kueue!.cpu);
    }
    expect(plan.tenants.some((t) => t.kueue)).toBe(profile.schedulers?.kueue !== undefined);
  });

  it('is what the Slurm cluster says: NodeSets, partitions and accounts', () => {
    if (!plan.slurm) {
      expect(profile.schedulers?.slurm).toBeUndefined();
      return;
    }
    const slurm = values(tenants, 'slurm');
    expect(
      Object.fromEntries(Object.entries(slurm.nodesets).map(([n, s]) => [n, (s as Json).replicas])),
    ).toEqual(plan.slurm.nodeSets);
    expect(Object.keys(slurm.partitions).sort()).toEqual(plan.slurm.partitions.map((p) => p.name).sort());
    for (const p of plan.slurm.partitions) {
      expect(slurm.partitions[p.name].nodesets).toEqual(p.nodeSets);
      expect(slurm.partitions[p.name].configMap.AllowAccounts).toEqual(p.allowAccounts);
    }
    const cm = Object.values(tenants.resource.kubernetes_config_map_v1 as Record<string, Json>).find(
      (c) => c.metadata.name === 'aif-slurm-accounts',
    );
    expect(cm?.data['accounts.cfg']).toBe(plan.slurm.accountsFile);
  });

  it("is what the platform's inventory says of the pools", () => {
    const inventory = platform.output.aif_site_inventory.value.pools as Json[];
    expect(inventory.map((p) => [p.name, p.nodes, p.slurmNodes])).toEqual(
      plan.pools.map((p) => [p.name, p.nodes, p.slurmNodes]),
    );
  });
});

describe('lib/plan', () => {
  it("is the site's own plan (AiFactorySite.plan), and takes a tenant added in code", () => {
    const app = Testing.app();
    const site = new AiFactorySite(app, fixture);
    expect(site.plan).toEqual(planSite(fixture, DATE));
    const zeta = {
      name: 'zeta',
      accessMode: 'internal' as const,
      gpus: [{ pool: 'mi300a', count: 4 }],
      groups: { admins: ['idp:zeta'] },
    };
    site.addTenant(zeta);
    expect(site.plan).toEqual(planSite({ ...fixture, tenants: [...fixture.tenants, zeta] }, DATE));
    expect(site.plan.slurm?.accounts.find((a) => a.name === 'zeta')).toBeDefined();
  });

  it('is pure: no cdktf, constructs or providers, only the model and itself', () => {
    const dir = path.join(ROOT, 'lib', 'plan');
    for (const file of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      // import ... from '...', export ... from "...", import('...'), require('...').
      const imports = [...text.matchAll(/(?:from\s+|import\(\s*|require\(\s*)['"]([^'"]+)['"]/g)].map(
        (m) => m[1],
      );
      expect({ file, imports: imports.filter((i) => i !== '../model' && !i.startsWith('./')) }).toEqual({
        file,
        imports: [],
      });
    }
  });
});
