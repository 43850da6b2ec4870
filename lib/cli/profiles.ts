import * as fs from 'fs';
import * as path from 'path';
import { formatIssue, siteIssues, type SiteProfile } from '../model';
import { projectRoot } from '../platform/state';
import { ProfileLoadError, SourceModuleLoader } from './module-loader';

/**
 * Every problem of every profile, prefixed with the site; duplicate site names are one too, naming
 * both files where `files` (the file of each profile, by index) is given.
 */
export function profileProblems(profiles: readonly SiteProfile[], files: readonly string[] = []): string[] {
  const lines: string[] = [];
  const seen = new Map<string, number>();
  const shown = (i: number) => (files[i] ? path.relative(process.cwd(), files[i]) : `profile ${i + 1}`);
  profiles.forEach((p, i) => {
    // A profile of the wrong shape may have no name: name it by its position instead.
    const name = p && typeof p === 'object' && typeof p.name === 'string' ? p.name : `(profile ${i + 1})`;
    const first = seen.get(name);
    if (first !== undefined) {
      lines.push(
        `${name}: [NAME_DUPLICATE] name: two site profiles are called '${name}' (${shown(first)} and ${shown(i)}). Fix: rename one`,
      );
    } else seen.set(name, i);
    for (const issue of siteIssues(p)) lines.push(`${name}: ${formatIssue(issue)}`);
  });
  return lines;
}

/**
 * Where profiles are looked for by default, under the project root (the nearest directory at or
 * above `from` that holds `cdktf.json`, else `from` itself):
 * 1. the directory the project's package.json names (`"aif": { "sites": "<dir>" }`);
 * 2. `stacks/sites`, where it exists (this repository's layout);
 * 3. `sites`, where it exists (a site repository's);
 * 4. else `sites`, which the "no such directory" problem then names.
 * Found from the files, never from $AIF_PROJECT_ROOT, which moves only where state and lock files go.
 */
export function defaultSitesDir(from: string = process.cwd()): string {
  const root = projectRoot(from, {});
  const configured = configuredSitesDir(root);
  if (configured !== undefined) return path.resolve(root, configured);
  const library = path.join(root, 'stacks', 'sites');
  return isDirectory(library) ? library : path.join(root, 'sites');
}

/** The package.json at `root`, as far as the commands read it; undefined without a readable one. */
export function projectPackageJson(
  root: string,
): { name?: string; scripts?: Record<string, unknown>; aif?: { sites?: unknown } } | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as ReturnType<
      typeof projectPackageJson
    >;
  } catch {
    return undefined;
  }
}

/** The `aif.sites` key of the package.json at `root`, where there is one. */
function configuredSitesDir(root: string): string | undefined {
  const sites = projectPackageJson(root)?.aif?.sites;
  return typeof sites === 'string' && sites !== '' ? sites : undefined;
}

const isDirectory = (dir: string): boolean => fs.existsSync(dir) && fs.statSync(dir).isDirectory();

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
  /**
   * The other `.ts` and `.js` files of the directory, not read as profiles (helpers the profiles
   * import, for one), relative to the working directory; the commands say which.
   */
  readonly skipped: string[];
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
      skipped: [],
      problems: [
        `${shown}: [SITES_DIR_MISSING] no such directory of site profiles. Fix: put the profiles in sites/ (or stacks/sites/), name their directory in package.json ("aif": { "sites": "<dir>" }), or pass --sites <dir>`,
      ],
    };
  }
  const files = profileFiles(dir);
  const problems: string[] = [];
  const skipped: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const f = path.join(dir, e.name);
    if (!e.isFile() || !/\.(ts|js)$/.test(e.name) || e.name.endsWith('.d.ts') || files.includes(f)) continue;
    const rel = path.relative(process.cwd(), f);
    // A site profile under another name would silently drop the site from synthesis.
    const source = fs.readFileSync(f, 'utf8');
    const misnamed =
      /^\s*export\s+default\b/m.test(source) && /\bSiteProfile\b|\bnodePools\s*:/.test(source)
        ? 'a default export'
        : /^\s*export\s+(?:const|let|var)\s+(\w+)\s*:\s*SiteProfile\b/m.exec(source)?.[1];
    if (misnamed) {
      problems.push(
        `${rel}: [PROFILE_EXPORT_MISSING] the file has ${misnamed.startsWith('a ') ? misnamed : `a SiteProfile exported as '${misnamed}'`} but no export named 'profile', so its site would not be synthesized. Fix: export the profile as \`export const profile: SiteProfile = {...}\``,
      );
    } else {
      skipped.push(rel);
    }
  }
  skipped.sort();
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
      `${shown}: [PROFILES_NONE] no file in the directory exports a 'profile'. Fix: add ${shown}/<site>.ts with \`export const profile: SiteProfile = {...}\``,
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
  return { profiles, files: loaded, problems, skipped };
}

/** Notes on stderr the files of the sites directory that were not read as profiles, if any. */
export function printSkipped({ skipped }: Pick<LoadedProfiles, 'skipped'>): void {
  if (skipped.length > 0)
    process.stderr.write(`note: not read as profiles (no export named 'profile'): ${skipped.join(', ')}\n`);
}

/** Loads every profile of a directory; throws one error listing every load problem. */
export function loadProfiles(dir: string): SiteProfile[] {
  const { profiles, problems } = readProfiles(dir);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return profiles;
}

/**
 * What a profile copied from another site keeps by mistake: one allocation project id, or one
 * identity-provider group, in tenants of two sites (or twice at one). One warning line per value;
 * empty when none is shared.
 */
export function sharedIdentityWarnings(profiles: readonly SiteProfile[]): string[] {
  const where = new Map<string, string[]>();
  const note = (what: string, value: string, at: string) =>
    where.set(`${what}\u0000${value}`, [...(where.get(`${what}\u0000${value}`) ?? []), at]);
  for (const p of profiles) {
    for (const t of [...(p.tenants ?? [])]) {
      const at = `${p.name}/${t.name}`;
      if (t.allocation?.projectId) note('project id', t.allocation.projectId, at);
      for (const g of new Set([...(t.groups?.admins ?? []), ...(t.groups?.members ?? [])]))
        note('IdP group', g, at);
    }
  }
  return [...where.entries()]
    .filter(([, ats]) => ats.length > 1)
    .map(([k, ats]) => {
      const [what, value] = k.split('\u0000');
      return `${what} '${value}' is in ${ats.join(' and ')}: a profile copied from another site? Give each tenant its own`;
    })
    .sort();
}
