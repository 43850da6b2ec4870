import { App } from 'cdktf';
import * as fs from 'fs';
import { byName, type SiteProfile } from '../model';
import { carryOverWorkingFiles, removeManifest, saveLockFiles, stateInOutputProblems } from './outdir';
import { withoutCreationStackTraces } from '../platform/stack-traces';
import { profileProblems } from './profiles';
import { FINAL_OUTDIR_CONTEXT } from '../platform/providers';
import { projectRoot } from '../platform/state';
import { AiFactorySite } from '../site/site';

export interface SynthResult {
  readonly ok: boolean;
  /** One line per problem, `<site>: [CODE] path: ...`; empty when ok. */
  readonly problems: readonly string[];
  /** Stack names written, sorted. */
  readonly stacks: readonly string[];
}

/** Adds every site to an app (profiles already validated); in name order, so the output is stable. */
export function addSites(app: App, profiles: readonly SiteProfile[]): AiFactorySite[] {
  return byName(profiles).map((p) => new AiFactorySite(app, p));
}

/** Removes a previous output, after saving its provider lock files into the project's `locks/`. */
function removeOutput(outdir: string, root: string): void {
  saveLockFiles(outdir, root);
  fs.rmSync(outdir, { recursive: true, force: true });
}

/**
 * Synthesizes every profile into `outdir`, all or nothing: every profile is validated first, and
 * the stacks are written to a staging directory that replaces `outdir` only when all succeeded.
 * On failure `outdir` is removed as well, so no stale output can be deployed by mistake.
 *
 * What outlives the output is kept: an `outdir` that holds Terraform state is never deleted (the
 * run fails with STATE_IN_OUTPUT and says where to move the files); each stack's provider lock file
 * is saved to `<root>/locks/` and copied into the new output, and its `.terraform/` directory is
 * carried over.
 */
export function synthesizeSites(
  profiles: readonly SiteProfile[],
  outdir: string,
  root: string = projectRoot(),
): SynthResult {
  const stateProblems = stateInOutputProblems(outdir, root);
  if (stateProblems.length > 0) {
    // The stacks stay (state lies among them); the manifest goes, so nothing of them is deployed.
    removeManifest(outdir);
    return { ok: false, problems: stateProblems, stacks: [] };
  }
  const problems = profileProblems(profiles);
  if (problems.length > 0) {
    removeOutput(outdir, root);
    return { ok: false, problems, stacks: [] };
  }
  const staging = `${outdir}.staging-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    const app = new App({ outdir: staging, stackTraces: false, context: { [FINAL_OUTDIR_CONTEXT]: outdir } });
    // cdktf captures a stack trace for every token it creates: skipped while the sites are built.
    const sites = withoutCreationStackTraces(() => {
      const built = addSites(app, profiles);
      app.synth();
      return built;
    });
    carryOverWorkingFiles(outdir, staging, root);
    removeOutput(outdir, root);
    fs.renameSync(staging, outdir);
    const stacks = sites.flatMap((s) => [s.platform.node.id, s.tenantsStack.node.id]).sort();
    return { ok: true, problems: [], stacks };
  } catch (e) {
    // Validation passed but building failed (a construct's own check, or a bug): still all or
    // nothing, and one line rather than a stack trace from deep inside cdktf.
    removeOutput(outdir, root);
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [`synthesis failed: ${detail.split('\n').join('\n    ')}`], stacks: [] };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

export { loadProfiles, profileProblems } from './profiles';
