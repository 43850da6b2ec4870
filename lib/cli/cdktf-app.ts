import { App } from 'cdktf';
import {
  carryOverWorkingFiles,
  clearSynthesizedStacks,
  isUsageProblem,
  removeManifest,
  stateInOutputProblems,
} from './outdir';
import { profileProblems, readProfiles, printSkipped } from './profiles';
import { addSites } from './synth';
import { withoutCreationStackTraces } from '../platform/stack-traces';
import { printProblems } from './validate';

/**
 * Whether the app runs under cdktf-cli's synth (@cdktf/cli-core synth-stack.js), which sets
 * SYNTH_HCL_OUTPUT (with CDKTF_OUTDIR) for the app it starts and for nothing else.
 */
export function underCdktfCli(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SYNTH_HCL_OUTPUT !== undefined;
}

/**
 * The app body when CDKTF_OUTDIR is set (`npx cdktf synth|diff|deploy`), where the CLI owns the
 * output directory and removes the directory of every stack the app no longer synthesizes. Returns
 * the exit code: 0, or 1 on any problem, whatever runs it.
 *
 * Terraform state inside the output is a problem like a profile's (the CLI would remove it with a
 * stack directory), and is never removed here. On any problem:
 * - the manifest is removed, so that neither `cdktf deploy` nor anything else finds the previous
 *   run's stacks to apply; the stacks of the previous run are removed too (cdktf-cli prunes orphaned
 *   stacks only after a successful synthesis), unless Terraform state lies among them, or the
 *   problem is a usage slip (`isUsageProblem`: a missing sites directory), which leaves the last
 *   good output as it was apart from its manifest;
 * - the problems are written to stderr. cdktf-cli logs the app's stderr as it arrives and, as the
 *   app exits 1, prints it again inside its own error.
 */
export function runCdktfApp(sitesDir: string, outdir: string, cli: boolean = underCdktfCli()): number {
  const loaded = readProfiles(sitesDir);
  printSkipped(loaded);
  const problems = [
    ...stateInOutputProblems(outdir),
    ...loaded.problems,
    ...profileProblems(loaded.profiles, loaded.files),
  ];
  if (problems.length === 0) {
    try {
      const app = new App({ outdir, stackTraces: false });
      withoutCreationStackTraces(() => {
        addSites(app, loaded.profiles);
        app.synth();
      });
      // Lock files and .terraform/ of each stack, as after `npm run synth` (lib/cli/outdir.ts).
      carryOverWorkingFiles(outdir, outdir);
      return 0;
    } catch (e) {
      // A construct's own check or a bug: one line, not a stack trace from deep inside cdktf.
      const detail = e instanceof Error ? e.message : String(e);
      problems.push(`[SYNTH_FAILED] synthesis failed: ${detail.split('\n').join('\n    ')}`);
    }
  }
  removeManifest(outdir);
  // Refuses (and adds nothing) while state lies inside: those lines are already among the problems.
  if (!problems.every(isUsageProblem)) clearSynthesizedStacks(outdir);
  printProblems(
    `The site profiles have ${problems.length} problem(s); nothing was synthesized` +
      (cli ? ' (cdktf fails below with the same lines):' : ':'),
    problems,
  );
  return 1;
}
