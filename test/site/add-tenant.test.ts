import { App } from 'cdktf';
import { AiFactorySite, TenantNamespace, type SiteProfile, type TenantSpec } from '../../lib';
import { profile as bologna } from '../../stacks/sites/bologna';
import { synth, testApp } from '../helpers';

// Issue 18, item 3: a tenant added in code is one more of the profile's tenants.
const agrifood = bologna.tenants.find((t) => t.name === 'agrifood')!;
const withoutAgrifood: SiteProfile = { ...bologna, tenants: bologna.tenants.filter((t) => t !== agrifood) };

describe('AiFactorySite.addTenant', () => {
  it("synthesizes exactly what the profile's tenant does: namespace, quotas, Kueue queues and Slurm account", () => {
    const inProfile = new AiFactorySite(testApp(), bologna);
    const inCode = new AiFactorySite(testApp(), withoutAgrifood);
    inCode.addTenant(agrifood);
    expect(JSON.stringify(synth(inCode.tenantsStack))).toBe(JSON.stringify(synth(inProfile.tenantsStack)));
    expect(inCode.tenants.get('agrifood')).toBeInstanceOf(TenantNamespace);
    expect(inCode.kueueQueues?.get('agrifood')).toBeDefined();
    expect(inCode.slurm?.accountsFile).toBe(inProfile.slurm?.accountsFile);
    expect(inCode.slurm?.accountsFile).toContain("Account - 'agrifood'");
  });

  it('checks the tenant with the whole profile, naming it by where it came from', () => {
    const site = new AiFactorySite(testApp(), withoutAgrifood);
    const reuse: TenantSpec = { ...agrifood, name: 'cybersecurity' };
    expect(() => site.addTenant(reuse)).toThrow(/addTenant\('cybersecurity'\)[\s\S]*NAME_DUPLICATE/);
    expect(() => site.addTenant({ ...agrifood, gpus: [{ pool: 'booster', count: 1000 }] })).toThrow(
      /\[TENANT_SHARE_EXCEEDS_POOL\] tenant\.gpus\[0\]/,
    );
    // Nothing was added by the refused calls.
    expect([...site.tenants.keys()]).not.toContain('agrifood');
  });

  it('refuses a TenantNamespace built directly on the site, as it is built', () => {
    const app = new App({ stackTraces: false });
    const site = new AiFactorySite(app, withoutAgrifood);
    const rogue = () =>
      new TenantNamespace(site.tenantsStack, 'rogue', {
        name: 'rogue',
        site,
        accessMode: 'internal',
        gpus: [],
        groups: { admins: ['idp:rogue'] },
      });
    expect(rogue).toThrow(
      /\[TENANT_OUTSIDE_SITE\] TenantNamespace 'rogue': [^\n]*not checked with the whole profile, and would get no Kueue queues \(its jobs would stay suspended\) and Slurm account[^\n]*Fix: add it with site\.addTenant/,
    );
    // A site without schedulers takes none either: addTenant checks it with the whole profile.
    const plain = new AiFactorySite(new App({ stackTraces: false }), {
      ...withoutAgrifood,
      schedulers: undefined,
      slurmStateTier: undefined,
    });
    expect(
      () =>
        new TenantNamespace(plain.tenantsStack, 'rogue', {
          name: 'rogue',
          site: plain,
          accessMode: 'internal',
          gpus: [],
          groups: { admins: ['idp:rogue'] },
        }),
    ).toThrow(/\[TENANT_OUTSIDE_SITE\][^\n]*not checked with the whole profile \(received/);
  });
});
