/**
 * The cdktf app of this site repository: the Karolina site from its profile (two stacks,
 * `karolina-platform` and `karolina-tenants`), and a teaching cluster composed from the constructs
 * directly (`karolina-teaching`).
 */
import { App } from 'cdktf';
import { AiFactorySite, runSiteApp } from 'cdktf-ai-factory';
import { profile } from './sites/karolina';
import { TeachingClusterStack } from './teaching-cluster';

/** Adds this repository's stacks to an app. */
export function addStacks(app: App): { site: AiFactorySite; teaching: TeachingClusterStack } {
  return {
    site: new AiFactorySite(app, profile),
    teaching: new TeachingClusterStack(app, 'karolina-teaching'),
  };
}

// A profile or construct problem prints as coded lines and exits 1, with no stack trace.
if (require.main === module) runSiteApp((app) => void addStacks(app));
