/**
 * The cdktf app of this site repository: the Karolina site from its profile (two stacks,
 * `karolina-platform` and `karolina-tenants`), and a teaching cluster composed from the constructs
 * directly (`karolina-teaching`).
 */
import { App } from 'cdktf';
import { AiFactorySite } from 'cdktf-ai-factory';
import { profile } from './sites/karolina';
import { TeachingClusterStack } from './teaching-cluster';

/** Adds this repository's stacks to an app. */
export function addStacks(app: App): { site: AiFactorySite; teaching: TeachingClusterStack } {
  return {
    site: new AiFactorySite(app, profile),
    teaching: new TeachingClusterStack(app, 'karolina-teaching'),
  };
}

if (require.main === module) {
  const app = new App({ stackTraces: false });
  addStacks(app);
  app.synth();
}
