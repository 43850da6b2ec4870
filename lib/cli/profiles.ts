import * as fs from 'fs';
import * as path from 'path';
import { formatIssue, siteIssues, type SiteProfile } from '../model';
import { projectRoot } from '../platform/state';
import { ProfileLoadError, SourceModuleLoader } from './module-loader';

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

/**
 * Where profiles are looked for by default: `stacks/sites` under the nearest directory at or above
 * `from` that holds `cdktf.json` (else `from` itself). Found from the files, never from
 * $AIF_PROJECT_ROOT, which moves only where state and lock files go.
 */
export function defaultSitesDir(from: string = process.cwd()): string {
  return path.join(projectRoot(from, {}), 'stacks', 'sites');
}

/**
 * The rule for which files are profiles. A file directly in the sites directory, named `*.ts` or
 * `*.js` (not `*.d.ts`), whose source declares an export called `profile`: `export const profile`,
 * `export { x as profile }`, or in CommonJS `exports.profile =` / `module.exports = { profile ... }`.
 * Any other file (a helper, a test, a README) is not run unless a profile imports it.
 */
const PROFILE_EXPORT = [
  /^\s*export\s+(?:const|let|var)\s+profile\b/m,
  /^\s*export\s*\{[^}]*\bprofile\b[^}]*\}/m,
  /\bexports\.profile\s*=/,
  /\bmodule\.exports\s*=\s*\{[^}]*\bprofile\b/,
];

export function isProfileModule(file: string, source: string): boolean {
  if (!/\.(ts|js)$/.test(file) || file.endsWith('.d.ts')) return false;
  return PROFILE_EXPORT.some((re) => re.test(source));
}

/** The profile files of a directory by the rule above, in file-name order. */
export function profileFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && isProfileModule(e.name, fs.readFileSync(path.join(dir, e.name), 'utf8')))
    .map((e) => path.join(dir, e.name))
    .sort();
}

export interface LoadedProfiles {
  readonly profiles: SiteProfile[];
  /** The file each profile came from, by index. */
  readonly files: string[];
  /** One coded line per file that could not be loaded: `<file>: [CODE] message. Fix: ...`. */
  readonly problems: string[];
}

/**
 * Loads every profile module of a directory from its source (see `profileFiles` for the rule), each
 * evaluated afresh: running a profile runs its code and what it imports, and nothing else of the
 * directory. Never throws: a missing directory or a module that fails to load is a coded problem.
 */
export function readProfiles(dir: string): LoadedProfiles {
  const shown = path.relative(process.cwd(), dir) || '.';
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    return {
      profiles: [],
      files: [],
      problems: [
        `${shown}: [SITES_DIR_MISSING] no such directory of site profiles. Fix: run in a project with stacks/sites/, or pass --sites <dir>`,
      ],
    };
  }
  const files = profileFiles(dir);
  const problems: string[] = [];
  const byBase = new Map<string, string>();
  for (const f of files) {
    const base = f.replace(/\.(ts|js)$/, '');
    const other = byBase.get(base);
    if (other) {
      problems.push(
        `${path.relative(process.cwd(), f)}: [PROFILE_FILE_DUPLICATE] ${path.basename(other)} and ${path.basename(f)} are both profiles of one name. Fix: delete the stale one (profiles are loaded from source; compiled copies are not needed)`,
      );
    }
    byBase.set(base, f);
  }
  if (files.length === 0) {
    problems.push(
      `${shown}: [PROFILES_NONE] no file in the directory exports a 'profile'. Fix: add stacks/sites/<site>.ts with \`export const profile: SiteProfile = {...}\``,
    );
  }
  const loader = new SourceModuleLoader();
  const profiles: SiteProfile[] = [];
  const loaded: string[] = [];
  for (const f of files) {
    const rel = path.relative(process.cwd(), f);
    try {
      const mod = loader.load(f) as { profile?: SiteProfile } | undefined;
      if (!mod || mod.profile === undefined) {
        problems.push(
          `${rel}: [PROFILE_EXPORT_MISSING] the module's 'profile' export is undefined. Fix: export the profile object as 'profile'`,
        );
        continue;
      }
      profiles.push(mod.profile);
      loaded.push(f);
    } catch (e) {
      if (e instanceof ProfileLoadError) {
        problems.push(`${rel}: [${e.code}] ${e.message.replace(f, rel).replace(/\.$/, '')}. Fix: ${e.fix}`);
      } else {
        const message = e instanceof Error ? e.message : String(e);
        problems.push(
          `${rel}: [PROFILE_LOAD_FAILED] the module threw while it was run: ${message.split('\n')[0]}. Fix: correct the profile so that it runs`,
        );
      }
    }
  }
  return { profiles, files: loaded, problems };
}

/** Loads every profile of a directory; throws one error listing every load problem. */
export function loadProfiles(dir: string): SiteProfile[] {
  const { profiles, problems } = readProfiles(dir);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return profiles;
}
