/**
 * The one property every generated profile must have: it either synthesizes output that passes
 * every isolation check of `aif check` and holds no name Kubernetes would refuse, or it fails with
 * a ValidationError whose problems all carry a documented code. Anything else (a TypeError from deep
 * inside a construct, a ValidationError without problems, a check that fails) breaks it.
 */
import { ValidationError, type SiteProfile } from '../../lib/model';
import { ISSUE_CODE_DOCS } from '../../lib/model/error-codes';
import { checkIsolation } from '../../lib/review/check';
import { synthesizedSite } from '../site-output';
import { refusedNames } from './kubernetes-names';

export type Outcome =
  { readonly synthesized: true } | { readonly synthesized: false; readonly codes: string[] };

export function synthesizeOrRefuse(profile: unknown): Outcome {
  let stacks;
  try {
    stacks = synthesizedSite(profile as SiteProfile);
  } catch (e) {
    if (!(e instanceof ValidationError)) {
      throw new Error(`not a ValidationError: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`, {
        cause: e,
      });
    }
    const uncoded = e.issues.filter((i) => !(i.code in ISSUE_CODE_DOCS) || !i.path || !i.fix);
    if (e.issues.length === 0 || uncoded.length > 0) {
      throw new Error(`a ValidationError without coded problems: ${e.message}`, { cause: e });
    }
    return { synthesized: false, codes: [...new Set(e.issues.map((i) => i.code))].sort() };
  }
  const report = checkIsolation(stacks);
  const failed = report.rows.filter((r) => r.status === 'FAIL');
  if (failed.length > 0) {
    throw new Error(
      `aif check fails: ${failed.map((r) => `${r.namespace} ${r.check}: ${r.reason}`).join('; ')}`,
    );
  }
  const refused = refusedNames(stacks);
  if (refused.length > 0) throw new Error(`names Kubernetes would refuse: ${refused.join('; ')}`);
  return { synthesized: true };
}
