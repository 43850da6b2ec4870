import { siteIssues } from '../../lib';
import { sampleProfile } from '../helpers';

/** The CIDR problems of a tenant that names these egress blocks, as `path: message`. */
function egressProblems(egressCidrs: string[]): string[] {
  const p = sampleProfile();
  const profile = { ...p, tenants: [{ ...p.tenants[0], egressCidrs }, p.tenants[1]] };
  return siteIssues(profile)
    .filter((i) => i.code === 'CIDR_INVALID')
    .map((i) => `${i.path}: ${i.message}`);
}

describe('careless egress blocks (issue 9, part 5)', () => {
  it('refuses the whole internet in halves, a whole private range, and wide IPv6 blocks', () => {
    expect(
      egressProblems(['0.0.0.0/1', '128.0.0.0/1', '10.0.0.0/8', '172.16.0.0/12', '2001:db8::/32']),
    ).toEqual([
      "tenants[0].egressCidrs[0]: a /1 is wider than the /16 a tenant may name: it would reach far more than one service (whole private ranges hold the cluster's own networks)",
      "tenants[0].egressCidrs[1]: a /1 is wider than the /16 a tenant may name: it would reach far more than one service (whole private ranges hold the cluster's own networks)",
      "tenants[0].egressCidrs[2]: a /8 is wider than the /16 a tenant may name: it would reach far more than one service (whole private ranges hold the cluster's own networks)",
      "tenants[0].egressCidrs[3]: a /12 is wider than the /16 a tenant may name: it would reach far more than one service (whole private ranges hold the cluster's own networks)",
      'tenants[0].egressCidrs[4]: a /32 is wider than the /48 a tenant may name: it would reach far more than one service',
    ]);
  });

  it('refuses link-local blocks, where metadata services answer', () => {
    expect(egressProblems(['169.254.169.254/32', 'fe80::/64'])).toEqual([
      "tenants[0].egressCidrs[0]: link-local addresses reach node and cloud metadata services (169.254.169.254), not a tenant's peers",
      "tenants[0].egressCidrs[1]: link-local addresses reach node and metadata services, not a tenant's peers",
    ]);
  });

  it('accepts what a tenant needs: a proxy, a service subnet, an IPv6 /64', () => {
    expect(egressProblems(['10.20.30.40/32', '192.0.2.0/24', '10.1.0.0/16', '2001:db8:1:2::/64'])).toEqual(
      [],
    );
  });
});
