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
    expect(codesAndPaths(p)).toEqual([
      'VALUE_INVALID schedulers.slurm.nodes["a100"]: expected a number, got string',
      'VALUE_INVALID schedulers.slurm.partitions[0].pools: expected a list, got string',
      'VALUE_INVALID storageTiers[0].accessModes: expected a list, got string',
      'VALUE_INVALID nodePools[0].nodes.hostlist: expected a string, got number',
      'VALUE_INVALID nodePools[1].nodes.labels: expected an object, got string',
      'VALUE_INVALID nodePools[1].timeSlicingSharedByTenants: expected a boolean, got string',
    ]);
  });

  it('accepts the sample profile', () => {
    expect(siteIssues(base)).toEqual([]);
  });
});
