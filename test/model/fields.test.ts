import { siteIssues, validateSite, ValidationError, type SiteProfile } from '../../lib';
import { didYouMean } from '../../lib/model/did-you-mean';
import { profile as bologna } from '../../stacks/sites/bologna';
import { profile as barcelona } from '../../stacks/sites/barcelona';
import { sampleProfile } from '../helpers';

const issuesOf = (p: unknown) =>
  siteIssues(p as SiteProfile)
    .filter((i) => i.code === 'FIELD_UNKNOWN')
    .map((i) => `${i.path}: ${i.fix}`);

describe('unknown fields (a JavaScript or JSON profile is not type-checked)', () => {
  it("refuses a misspelled slurmStateTier, which would silently drop the Slurm controller's volume", () => {
    const { slurmStateTier, ...rest } = bologna;
    expect(issuesOf({ ...rest, slurmStatTier: slurmStateTier })).toEqual([
      "slurmStatTier: did you mean 'slurmStateTier'?",
    ]);
    expect(() => validateSite({ ...rest, slurmStatTier: slurmStateTier } as unknown as SiteProfile)).toThrow(
      ValidationError,
    );
  });

  it('looks at every level: pools, nodes, tenants, grants, storage, drivers by kind, schedulers, Kueue overrides', () => {
    const p = sampleProfile({ schedulers: { kueue: { tenants: { alpha: { borowingLimit: 2 } } } } } as never);
    const bad = {
      ...p,
      podSecurityVersions: 'v1.33',
      nodePools: [
        { ...p.nodePools[0], gpusPerNod: 4, nodes: { hostlist: 'gpu[01-04]', hostList: 'x' } },
        p.nodePools[1],
      ],
      tenants: [
        {
          ...p.tenants[0],
          egressCIDRs: ['10.1.0.0/16'],
          gpus: [{ pool: 'a100', count: 8, migprofile: '1g.10gb' }],
        },
        { ...p.tenants[1], resources: { cpus: '8' }, groups: { admins: ['x'], member: ['y'] } },
      ],
      storageTiers: [
        {
          name: 'scratch',
          purpose: 'scratch',
          capacity: '1Pi',
          driver: { kind: 'nfs', server: 'nfs.example', share: '/scratch', exaFS: 'wrong-driver-field' },
        },
      ],
    };
    // In the order of the profile's own keys, which the spreads above shuffle: compared sorted.
    expect(issuesOf(bad).sort()).toEqual(
      [
        "podSecurityVersions: did you mean 'podSecurityVersion'?",
        "nodePools[0].gpusPerNod: did you mean 'gpusPerNode'?",
        "nodePools[0].nodes.hostList: did you mean 'hostlist'?",
        "tenants[0].gpus[0].migprofile: did you mean 'migProfile'?",
        "tenants[0].egressCIDRs: did you mean 'egressCidrs'?",
        "tenants[1].resources.cpus: did you mean 'cpu'?",
        "tenants[1].groups.member: did you mean 'members'?",
        'storageTiers[0].driver.exaFS: remove it; the fields here are: kind, mountOptions, server, share, subDir',
        'schedulers.kueue.tenants["alpha"].borowingLimit: did you mean \'borrowingLimit\'?',
      ].sort(),
    );
  });

  it('never echoes the value of an unknown field (it may be a secret)', () => {
    const issues = siteIssues({
      ...sampleProfile(),
      kubernetes: { configPath: 'x', context: 'y', token: 's3cret' },
    } as never);
    const text = JSON.stringify(issues);
    expect(text).toContain('kubernetes.token');
    expect(text).not.toContain('s3cret');
  });

  it('knows every field of the shipped profiles', () => {
    expect(issuesOf(bologna)).toEqual([]);
    expect(issuesOf(barcelona)).toEqual([]);
  });

  it('suggests only what is close', () => {
    expect(didYouMean('tenant', ['tenants', 'nodePools'])).toBe('tenants');
    expect(didYouMean('colour', ['name', 'displayName'])).toBeUndefined();
    expect(didYouMean('CONTEXT', ['configPath', 'context'])).toBe('context');
  });
});
