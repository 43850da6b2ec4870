import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { formatIssue, ValidationError } from '../model';
import { withoutCreationStackTraces } from '../platform/stack-traces';
import { stateFilesIn } from '../platform/state';

export interface RunSiteAppOptions {
  /** @default - cdktf's own: `$CDKTF_OUTDIR` under the cdktf CLI, else `cdktf.out` */
  readonly outdir?: string;
}

/**
 * Runs a site repository's cdktf app: `build` adds its stacks to a new `App` (an `AiFactorySite`, a
 * stack of constructs), then the app is synthesized. A profile or construct problem is printed as
 * the coded lines `aif validate` prints (no stack trace, no dump of issues), the output's
 * `manifest.json` is removed so that `cdktf deploy` applies nothing stale, and the exit code is 1
 * (set on `process.exitCode` too); otherwise 0.
 *
 * @example
 * ```ts
 * import { AiFactorySite, runSiteApp, type SiteProfile } from 'cdktf-ai-factory';
 *
 * declare const profile: SiteProfile; // import { profile } from './sites/mysite';
 * // main.ts of a site repository, the app of its cdktf.json.
 * runSiteApp((app) => {
 *   new AiFactorySite(app, profile);
 * });
 * ```
 */
export function runSiteApp(build: (app: App) => void, options: RunSiteAppOptions = {}): number {
  const app = new App({ stackTraces: false, ...(options.outdir ? { outdir: options.outdir } : {}) });
  try {
    // Terraform state inside the output would go with a stack directory the CLI prunes.
    const state = stateFilesIn(app.outdir);
    if (state.length > 0)
      throw new Error(
        `[STATE_IN_OUTPUT] Terraform state lies inside the synthesized output (${state.join(', ')}), which synthesis replaces: move it out of ${app.outdir} first (docs/state.md)`,
      );
    withoutCreationStackTraces(() => {
      build(app);
      app.synth();
    });
    return 0;
  } catch (e) {
    const lines =
      e instanceof ValidationError
        ? [`${e.message.split('\n')[0]}`, ...e.issues.map((i) => `  ${formatIssue(i)}`)]
        : [
            (e instanceof Error ? e.message : String(e)).startsWith('[STATE_IN_OUTPUT]')
              ? (e as Error).message
              : `[SYNTH_FAILED] synthesis failed: ${(e instanceof Error ? e.message : String(e)).split('\n').join('\n    ')}`,
          ];
    fs.rmSync(path.join(app.outdir, 'manifest.json'), { force: true });
    process.stderr.write(`${lines.join('\n')}\nNothing was synthesized.\n`);
    process.exitCode = 1;
    return 1;
  }
}
