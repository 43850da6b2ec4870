import * as fs from 'fs';
import * as path from 'path';
import { formatIssue, siteIssues, type SiteProfile } from '../model';

/** Every problem of every profile, prefixed with the site; duplicate site names are one too. */
export function profileProblems(profiles: readonly SiteProfile[]): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const p of profiles) {
    if (seen.has(p.name))
      lines.push(
        `${p.name}: [NAME_DUPLICATE] name: two site profiles are called '${p.name}'. Fix: rename one`,
      );
    seen.add(p.name);
    for (const issue of siteIssues(p)) lines.push(`${p.name}: ${formatIssue(issue)}`);
  }
  return lines;
}

/** Loads every `profile` export of the modules in a directory of site profiles, in file-name order. */
export function loadProfiles(dir: string): SiteProfile[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.(js|ts)$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
  const profiles: SiteProfile[] = [];
  for (const f of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(dir, f)) as { profile?: SiteProfile };
    if (!mod.profile) throw new Error(`${path.join(dir, f)} exports no 'profile'`);
    profiles.push(mod.profile);
  }
  return profiles;
}
