import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { invokeAspects } from 'cdktf/lib/synthesize/synthesizer';
import { AiFactorySite, type SiteProfile } from '../lib';
import type { SynthesizedStack } from '../lib/review/synthesized';

/**
 * A site's two stacks as the review tools read them from `cdktf.out/stacks/<stack>/cdk.tf.json`:
 * name and parsed JSON, synthesized in memory. It takes the steps `app.synth()` takes for each stack
 * (cdktf 0.21 StackSynthesizer: aspects, validations, `toTerraform()`, JSON), without writing
 * files, and, as every test, without creation stack traces (test/setup-env.js), as `aif synth` runs.
 */
export function synthesizedSite(profile: SiteProfile): SynthesizedStack[] {
  // App's constructor creates its outdir if it is missing; one directory serves every app.
  const app = new App({ outdir: path.join(os.tmpdir(), 'aif-site-output'), stackTraces: false });
  const site = new AiFactorySite(app, profile);
  return [site.platform, site.tenantsStack].map((stack) => {
    invokeAspects(stack);
    stack.runAllValidations();
    return {
      name: stack.node.id,
      json: JSON.parse(JSON.stringify(stack.toTerraform())) as SynthesizedStack['json'],
    };
  });
}
