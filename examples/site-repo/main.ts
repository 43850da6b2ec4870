/**
 * The cdktf app of this site repository: the Karolina site from its profile (two stacks,
 * `karolina-platform` and `karolina-tenants`) with a tenant of the site's own added in code, and a
 * teaching cluster composed from the constructs directly (`karolina-teaching`).
 */
import { App } from 'cdktf';
import { AiFactorySite, runSiteApp, type TenantSpec } from 'cdktf-ai-factory';
import { profile } from './sites/karolina';
import { TeachingClusterStack } from './teaching-cluster';

/**
 * IT4I's own benchmarking team, added in code rather than in the profile (a site might read such
 * tenants from its staff directory): it gets everything a profile tenant gets, Kueue queues
 * included. Assumed: the name, group and grant.
 */
export const BENCHMARKS: TenantSpec = {
  name: 'it4i-benchmarks',
  accessMode: 'internal',
  gpus: [{ pool: 'acn', count: 16 }],
  groups: { admins: ['czai:platform-team'] },
};

/** Adds this repository's stacks to an app. */
export function addStacks(app: App): { site: AiFactorySite; teaching: TeachingClusterStack } {
  const site = new AiFactorySite(app, profile);
  site.addTenant(BENCHMARKS);
  return { site, teaching: new TeachingClusterStack(app, 'karolina-teaching') };
}

// A profile or construct problem prints as coded lines and exits 1, with no stack trace.
if (require.main === module) runSiteApp((app) => void addStacks(app));
