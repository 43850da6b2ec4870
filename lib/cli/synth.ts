import { App } from 'cdktf';
import * as fs from 'fs';
import { byName, type SiteProfile } from '../model';
import { withoutCreationStackTraces } from '../platform/stack-traces';
import { profileProblems } from './profiles';
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

/**
 * Synthesizes every profile into `outdir`, all or nothing: every profile is validated first, and
 * the stacks are written to a staging directory that replaces `outdir` only when all succeeded.
 * On failure `outdir` is removed as well, so no stale output can be deployed by mistake.
 */
export function synthesizeSites(profiles: readonly SiteProfile[], outdir: string): SynthResult {
  const problems = profileProblems(profiles);
  if (problems.length > 0) {
    fs.rmSync(outdir, { recursive: true, force: true });
    return { ok: false, problems, stacks: [] };
  }
  const staging = `${outdir}.staging-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    const app = new App({ outdir: staging, stackTraces: false });
    const sites = withoutCreationStackTraces(() => {
      const built = addSites(app, profiles);
      app.synth();
      return built;
    });
    fs.rmSync(outdir, { recursive: true, force: true });
    fs.renameSync(staging, outdir);
    const stacks = sites.flatMap((s) => [s.platform.node.id, s.tenantsStack.node.id]).sort();
    return { ok: true, problems: [], stacks };
  } catch (e) {
    // Validation passed but building failed (a construct's own check, or a bug): still all or
    // nothing, and one line rather than a stack trace from deep inside cdktf.
    fs.rmSync(outdir, { recursive: true, force: true });
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [`synthesis failed: ${detail.split('\n').join('\n    ')}`], stacks: [] };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

export { loadProfiles, profileProblems } from './profiles';
