import * as fs from 'fs';
import * as path from 'path';
import { formatIssue, siteIssues, type SiteProfile } from '../model';

/** Every problem of every profile, prefixed with the site; duplicate site names are one too. */
export function profileProblems(profiles: readonly SiteProfile[]): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  profiles.forEach((p, i) => {
    // A profile of the wrong shape may have no name: name it by its position instead.
    const name = p && typeof p === 'object' && typeof p.name === 'string' ? p.name : `(profile ${i + 1})`;
    if (seen.has(name)) {
      lines.push(`${name}: [NAME_DUPLICATE] name: two site profiles are called '${name}'. Fix: rename one`);
    }
    seen.add(name);
    for (const issue of siteIssues(p)) lines.push(`${name}: ${formatIssue(issue)}`);
  });
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
