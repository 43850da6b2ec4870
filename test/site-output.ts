import { Testing, type App } from 'cdktf';
import { AiFactorySite, type SiteProfile } from '../lib';
import type { SynthesizedStack } from '../lib/review/synthesized';
import { testApp } from './helpers';

/**
 * A site's two stacks as the review tools read them from `cdktf.out/stacks/<stack>/cdk.tf.json`:
 * name and parsed JSON, synthesized in memory (Testing.synth runs the aspects and returns the same
 * Terraform JSON, less cdktf's `//` metadata, which no review tool reads).
 */
export function synthesizedSite(profile: SiteProfile, app: App = testApp()): SynthesizedStack[] {
  const site = new AiFactorySite(app, profile);
  return [site.platform, site.tenantsStack].map((stack) => ({
    name: stack.node.id,
    json: JSON.parse(Testing.synth(stack)) as SynthesizedStack['json'],
  }));
}
