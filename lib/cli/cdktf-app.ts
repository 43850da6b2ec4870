import { App } from 'cdktf';
import { clearSynthesizedStacks } from './outdir';
import { profileProblems, readProfiles } from './profiles';
import { addSites } from './synth';
import { printProblems } from './validate';

/**
 * The app body under the cdktf CLI (`npx cdktf synth|diff|deploy`, CDKTF_OUTDIR set), where the CLI
 * owns the output directory. Returns the exit code.
 *
 * On problems, two things differ from a plain run:
 * - the stacks of the previous run are removed from the output directory (never if it holds
 *   Terraform state), because cdktf-cli only prunes orphaned stacks after a successful synthesis
 *   and would otherwise leave the old ones for `cdktf deploy` to find;
 * - the problems are written to stderr once and the app exits 0 without a manifest. cdktf-cli
 *   (@cdktf/cli-core synth-stack.js) logs the app's stderr as it arrives and, when the app exits
 *   non-zero, prints the whole of stderr and stdout again inside its own error; with no manifest it
 *   instead fails with one short line ("app was expected to call 'synth()'") and exit code 1. So each
 *   problem is printed once and `cdktf synth` still fails.
 */
export function runCdktfApp(sitesDir: string, outdir: string): number {
  const loaded = readProfiles(sitesDir);
  const problems = [...loaded.problems, ...profileProblems(loaded.profiles)];
  if (problems.length === 0) {
    try {
      const app = new App({ outdir, stackTraces: false });
      addSites(app, loaded.profiles);
      app.synth();
      return 0;
    } catch (e) {
      // A construct's own check or a bug: one line, not a stack trace from deep inside cdktf.
      const detail = e instanceof Error ? e.message : String(e);
      problems.push(`[SYNTH_FAILED] synthesis failed: ${detail.split('\n').join('\n    ')}`);
    }
  }
  const refusal = clearSynthesizedStacks(outdir);
  printProblems(
    `The site profiles have ${problems.length} problem(s); nothing was synthesized` +
      ' (cdktf reports below that the app wrote no manifest):',
    refusal ? [...problems, refusal] : problems,
  );
  return 0;
}
