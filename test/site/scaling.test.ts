/**
 * The algorithmic fixes of issue 11 ("Performance at exascale"), asserted through behaviour, never
 * through timings: each hostlist is expanded once per synthesis, duplicate nodes are still reported
 * as before, and quota raises are written once, without overrides.
 */
import { Testing } from 'cdktf';
import { AiFactorySite, validateSite, ValidationError } from '../../lib';
import { expandHostlist, hostlistExpansionCount } from '../../lib/model/hostlist';
import { generatedProfile } from '../../bench/profiles';
import { sampleProfile, testApp, type TfJson } from '../helpers';

describe('hostlist expansion', () => {
  it('parses an expression once and shares the frozen list', () => {
    const before = hostlistExpansionCount();
    const a = expandHostlist('cache-test[001-300]');
    const b = expandHostlist('cache-test[001-300]');
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(hostlistExpansionCount() - before).toBe(1);
  });

  it('expands a listed pool once for a whole site, however many tenants ask about capacity', () => {
    const base = generatedProfile({ tenants: 16, scheduler: 'kueue', bigPool: { nodes: 300, listed: true } });
    // An expression no other test uses, so the count starts cold.
    const profile = {
      ...base,
      nodePools: base.nodePools.map((p) =>
        p.name === 'big' ? { ...p, nodes: { hostlist: 'once[00001-00300]' } } : p,
      ),
    };
    const before = hostlistExpansionCount();
    const site = new AiFactorySite(testApp(), profile);
    Testing.synth(site.tenantsStack);
    expect(site.pools.get('big')?.nodeNames).toHaveLength(300);
    expect(hostlistExpansionCount() - before).toBe(1);
  });
});

describe('duplicate nodes in a hostlist', () => {
  const problems = (hostlist: string) => {
    try {
      validateSite(
        sampleProfile({
          nodePools: [
            sampleProfile().nodePools[0],
            { ...sampleProfile().nodePools[0], name: 'b', nodes: { hostlist } },
          ],
          tenants: [],
        }),
      );
      return [];
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return e.issues.map((i) => `${i.code} ${i.message}`);
    }
  };

  it('names the first node listed twice, as the pairwise search did', () => {
    expect(problems('dup[1-3],dup2,dup1')).toEqual(["HOSTLIST_INVALID node 'dup2' is listed twice"]);
  });

  it('finds a duplicate at the end of a 20,000-node list', () => {
    expect(problems('big[00001-19999],big00007')).toEqual([
      "HOSTLIST_INVALID node 'big00007' is listed twice",
    ]);
  });

  it('reports nothing for a list without duplicates', () => {
    expect(problems('clean[00001-20000]')).toEqual([]);
  });
});

describe('the quota written once', () => {
  it('takes raises through raiseQuota, and refuses an override of spec.hard at synthesis', () => {
    const site = new AiFactorySite(testApp(), generatedProfile({ tenants: 2, scheduler: 'kueue' }));
    const tenant = [...site.tenants.values()][0];
    tenant.raiseQuota({ pods: '999' });
    const quota = (json: TfJson) => json.resource.kubernetes_resource_quota_v1[`tenant_${tenant.name}_quota`];
    expect(quota(site.tenantsStack.toTerraform() as TfJson).spec.hard.pods).toBe('999');
    tenant.quota.addOverride('spec.hard.pods', '5');
    expect(() => site.tenantsStack.toTerraform()).toThrow(
      /cannot be a resolvable token if you specified overrides/,
    );
  });
});

describe("the bench's generated sites", () => {
  it('are valid profiles with either scheduler, so that npm run bench runs', () => {
    for (const scheduler of ['kueue', 'slurm'] as const) {
      expect(() => validateSite(generatedProfile({ tenants: 10, scheduler }))).not.toThrow();
    }
  });
});

describe('quota raises', () => {
  it("raises each borrowing tenant's quota, written once, with no override in the metadata", () => {
    const site = new AiFactorySite(testApp(), generatedProfile({ tenants: 25, scheduler: 'kueue' }));
    // The stack's own JSON, with the `//` metadata that Testing.synth leaves out.
    const json = site.tenantsStack.toTerraform() as TfJson;
    const raised = [...site.tenants.values()].filter(
      (t) => JSON.stringify(t.appliedHardLimits) !== JSON.stringify(t.hardLimits),
    );
    expect(raised.length).toBeGreaterThan(0);
    // The quota is a lazy value written once at synthesis: no resource carries an override.
    expect(json['//'].metadata.overrides).toBeUndefined();
    for (const t of raised) {
      expect(json.resource.kubernetes_resource_quota_v1[`tenant_${t.name}_quota`].spec.hard).toEqual(
        t.appliedHardLimits,
      );
    }
  });
});
