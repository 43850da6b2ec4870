import { siteIssues, type SiteProfile } from '../../lib';
import { sampleProfile } from '../helpers';

const lines = (p: SiteProfile) => siteIssues(p).map((i) => `[${i.code}] ${i.path}: ${i.message}`);

describe('careless inputs (issue 9, part 5)', () => {
  const base = sampleProfile();

  it('refuses Terraform state in a tenant namespace, where tenant admins read Secrets', () => {
    expect(lines({ ...base, state: { kind: 'kubernetes', namespace: 'alpha' } })).toEqual([
      "[VALUE_INVALID] state.namespace: the Terraform state Secrets would live in tenant namespace 'alpha', whose admins may read Secrets",
    ]);
  });

  it("refuses a tenant named like a storage driver's secrets namespace", () => {
    const profile: SiteProfile = {
      ...base,
      storageTiers: [
        {
          name: 'ceph',
          purpose: 'project',
          capacity: '1Pi',
          driver: {
            kind: 'ceph-rbd',
            clusterID: 'c1',
            pool: 'rbd',
            secrets: { namespace: 'beta', provisioner: 'csi-rbd-provisioner', node: 'csi-rbd-node' },
          },
        },
      ],
    };
    expect(lines(profile)).toEqual([
      "[NAME_INVALID] tenants[1].name: storage tier 'ceph' keeps its Ceph credentials in namespace 'beta', which would make them readable by that tenant's admins",
    ]);
  });

  it("refuses the library's own PriorityClasses for tenants, and a Pod Security version from before its GA", () => {
    expect(
      lines({ ...base, tenantPriorityClasses: ['aif-slurm-testsite'], podSecurityVersion: 'v1.20' }),
    ).toEqual([
      '[VALUE_INVALID] podSecurityVersion: Pod Security admission went GA in Kubernetes 1.25; an older version pins rules the cluster no longer ships',
      "[VALUE_INVALID] tenantPriorityClasses[0]: 'aif-' classes are the library's own (the Slurm cluster's pods run at the highest user priority)",
    ]);
  });

  it('bounds numbers at what a site can have', () => {
    const profile: SiteProfile = {
      ...base,
      nodePools: [
        { ...base.nodePools[0], gpusPerNode: 1e9 },
        { ...base.nodePools[1], nodes: { labels: { a: 'b' }, count: 2e6 } },
      ],
      tenants: [{ ...base.tenants[0], resources: { pods: 50_000 } }, base.tenants[1]],
    };
    expect(lines(profile).filter((l) => l.includes('more than'))).toEqual([
      '[VALUE_INVALID] nodePools[0].gpusPerNode: more than 16 schedulable GPUs per node (the densest nodes have 8 GPUs, or 8 GCDs; 16 leaves room)',
      '[VALUE_INVALID] nodePools[1].nodes.count: more than 100,000 nodes in one pool',
      '[VALUE_INVALID] tenants[0].resources.pods: more than 10,000 pods or claims of one tenant namespace',
    ]);
  });

  it('accepts the sample profile as it is', () => {
    expect(lines(base)).toEqual([]);
  });
});
