import { siteIssues, type SiteProfile } from '../../lib/model';
import { sampleProfile } from '../helpers';

/** Profiles written in JavaScript or JSON are not type-checked: their shape is. */
describe('profile shape', () => {
  const base = sampleProfile();
  const bad = (patch: Record<string, unknown>) => ({ ...base, ...patch }) as unknown as SiteProfile;
  const codesAndPaths = (p: SiteProfile) => siteIssues(p).map((i) => `${i.code} ${i.path}: ${i.message}`);

  it('reports missing lists and wrong types, all at once, instead of crashing', () => {
    expect(codesAndPaths(bad({ nodePools: undefined, tenants: 'all', kubernetes: null }))).toEqual([
      'VALUE_INVALID kubernetes: expected an object, got null',
      'VALUE_INVALID nodePools: expected a list, got nothing',
      'VALUE_INVALID tenants: expected a list, got string',
    ]);
  });

  it('reports wrong types inside tenants and pools', () => {
    const t = base.tenants[0];
    const p = bad({
      nodePools: [{ ...base.nodePools[0], nodes: 'gpu[01-04]' }, base.nodePools[1]],
      tenants: [
        { ...t, gpus: 'all' },
        null,
        { ...t, name: 'x', groups: { admins: 'it4lia:admins', members: 'abc' } },
      ],
    });
    expect(codesAndPaths(p)).toEqual([
      'VALUE_INVALID nodePools[0].nodes: expected an object, got string',
      'VALUE_INVALID tenants[0].gpus: expected a list, got string',
      'VALUE_INVALID tenants[1]: expected an object, got null',
      'VALUE_INVALID tenants[2].groups.admins: expected a list, got string',
      'VALUE_INVALID tenants[2].groups.members: expected a list, got string',
    ]);
  });

  it('reports wrong types in node selections, tiers, schedulers and flags', () => {
    const [a100, mig] = base.nodePools;
    const p = bad({
      nodePools: [
        { ...a100, nodes: { hostlist: 5 } },
        { ...mig, nodes: { labels: 'x', count: 2 }, timeSlicingSharedByTenants: 'false' },
      ],
      storageTiers: [
        {
          name: 's',
          purpose: 'scratch',
          capacity: '1Ti',
          accessModes: 'ReadWriteMany',
          driver: { kind: 'custom', provisioner: 'x.y' },
        },
      ],
      schedulers: { slurm: { nodes: { a100: '2' }, partitions: [{ name: 'all', pools: 'a100' }] } },
    });
    // In the order the profile's types declare the fields (schema/site-profile.schema.json).
    expect(codesAndPaths(p)).toEqual([
      'VALUE_INVALID nodePools[0].nodes.hostlist: expected a string, got number',
      'VALUE_INVALID nodePools[1].nodes.labels: expected an object, got string',
      'VALUE_INVALID nodePools[1].timeSlicingSharedByTenants: expected a boolean, got string',
      'VALUE_INVALID storageTiers[0].accessModes: expected a list, got string',
      'VALUE_INVALID schedulers.slurm.nodes["a100"]: expected a number, got string',
      'VALUE_INVALID schedulers.slurm.partitions[0].pools: expected a list, got string',
    ]);
  });

  it('accepts the sample profile', () => {
    expect(siteIssues(base)).toEqual([]);
  });
});

describe('the shape, checked against schema/site-profile.schema.json', () => {
  const base = sampleProfile();
  const problems = (patch: Record<string, unknown>) =>
    siteIssues({ ...base, ...patch } as unknown as SiteProfile).map(
      (i) => `${i.code} ${i.path}: ${i.message}`,
    );

  it('names what a union accepts, and what a number that is not one is', () => {
    expect(problems({ schedulers: { kueue: { cohort: true } } })).toEqual([
      'VALUE_INVALID schedulers.kueue.cohort: expected a string or false, got boolean',
    ]);
    expect(problems({ displayName: NaN })).toEqual(['VALUE_INVALID displayName: expected a string, got NaN']);
    // A count that is NaN is a number to the schema; the pool check says what a count must be.
    const pool = { ...base.nodePools[0], gpusPerNode: NaN };
    expect(problems({ nodePools: [pool, base.nodePools[1]] })).toEqual([
      'COUNT_NOT_POSITIVE nodePools[0].gpusPerNode: gpusPerNode must be a whole number greater than zero',
    ]);
  });

  it("knows a field only by the object's own fields ('constructor' is not one)", () => {
    const tenant = { ...base.tenants[0], groups: JSON.parse('{"admins":["x"],"constructor":1}') };
    expect(problems({ tenants: [tenant] })).toEqual([
      "FIELD_UNKNOWN tenants[0].groups.constructor: 'constructor' is not a field here, so it would be ignored",
    ]);
  });

  it('checks a union by kind against the member its kind names', () => {
    const tier = {
      name: 'scratch',
      purpose: 'scratch',
      capacity: '1Pi',
      driver: { kind: 'nfs', server: 7, share: '/scratch' },
    };
    expect(problems({ storageTiers: [tier] })).toEqual([
      'VALUE_INVALID storageTiers[0].driver.server: expected a string, got number',
    ]);
    expect(problems({ state: { kind: 'kubernetes', directory: 'state' } })).toEqual([
      "FIELD_UNKNOWN state.directory: 'directory' is not a field here (a 'kubernetes' state), so it would be ignored",
    ]);
  });

  it('leaves a missing field to the subject check that says what it is for', () => {
    const tier = {
      name: 'scratch',
      purpose: 'scratch',
      capacity: '1Pi',
      driver: { kind: 'nfs', share: '/s' },
    };
    expect(problems({ storageTiers: [tier] })).toContain(
      'DRIVER_PARAMETER_INVALID storageTiers[0].driver.server: the NFS server is missing',
    );
  });
});
