import * as path from 'path';
import {
  allocationWarnings,
  slurmImageWarnings,
  slurmShareWarnings,
  SYNTHESIS_DATE_VARIABLE,
  synthesisDate,
  type SiteProfile,
} from '../model';
import { isCalendarDate, parseCommand, usageError, type CommandSpec } from './args';
import type { Command } from './main';
import {
  defaultSitesDir,
  printSkipped,
  profileProblems,
  readProfiles,
  sharedIdentityWarnings,
} from './profiles';

/** The `--sites` option every command that reads profiles takes. */
export const SITES_OPTION = {
  type: 'string',
  value: 'dir',
  description:
    'directory of site profiles, relative to the working directory or absolute (default: stacks/sites under the project root, the nearest directory upward with cdktf.json)',
} as const;

/** The profiles directory a command was given, or the default one, as an absolute path. */
export function sitesDir(value: string | boolean | undefined): string {
  return typeof value === 'string' ? path.resolve(value) : defaultSitesDir();
}

/** The `--date` option of the commands that judge allocations (validate, synth). */
export const DATE_OPTION = {
  type: 'string',
  value: 'YYYY-MM-DD',
  description: `the day allocations are judged against; sets $${SYNTHESIS_DATE_VARIABLE} (default: $${SYNTHESIS_DATE_VARIABLE}, else today, UTC)`,
} as const;

/**
 * Applies a command's `--date` to `$AIF_DATE`, which synthesis and validation read; undefined when
 * it is absent or valid, else the exit code of a usage error.
 */
export function applyDateOption(spec: CommandSpec, date: string | boolean | undefined): number | undefined {
  if (date === undefined) return undefined;
  if (typeof date !== 'string' || !isCalendarDate(date)) {
    return usageError(spec, `--date must be a calendar date YYYY-MM-DD, not '${String(date)}'`).exitCode;
  }
  process.env[SYNTHESIS_DATE_VARIABLE] = date;
  return undefined;
}

/**
 * Prints, to stderr, what is not an error but an operator should act on: tenants whose allocation
 * has ended by the synthesis date (their GPU quota is zero). Nothing when the date is malformed:
 * validation reports that as a problem.
 */
export function printAllocationWarnings(profiles: readonly SiteProfile[]): void {
  let date: string;
  try {
    date = synthesisDate();
  } catch {
    return;
  }
  const lines = profiles.flatMap((p) => allocationWarnings(p, date).map((l) => `${p.name}: ${l}`));
  if (lines.length > 0)
    process.stderr.write(
      `warning: ${lines.length} expired allocation(s) as of ${date}:\n${lines.map((l) => `  ${l}\n`).join('')}`,
    );
  const slurm = profiles.flatMap((p) => slurmShareWarnings(p, date).map((l) => `${p.name}: ${l}`));
  if (slurm.length > 0)
    process.stderr.write(
      `warning: ${slurm.length} pool(s) whose Slurm share is smaller than the tenants' grants on it:\n${slurm.map((l) => `  ${l}\n`).join('')}`,
    );
  const images = profiles.flatMap((p) => slurmImageWarnings(p).map((l) => `${p.name}: ${l}`));
  if (images.length > 0)
    process.stderr.write(
      `warning: ${images.length} AMD pool(s) under Slurm without a slurmd image of the site's own:\n${images.map((l) => `  ${l}\n`).join('')}`,
    );
  const shared = sharedIdentityWarnings(profiles);
  if (shared.length > 0)
    process.stderr.write(
      `warning: ${shared.length} project id(s) or IdP group(s) in more than one tenant:\n${shared.map((l) => `  ${l}\n`).join('')}`,
    );
}

/** Prints problems as one block: a count, then one indented line each. */
export function printProblems(header: string, problems: readonly string[]): void {
  process.stderr.write(`${header}\n${problems.map((p) => `  ${p}\n`).join('')}`);
}

/**
 * The valid profiles of the directory a command was given (`--sites`), or undefined after printing
 * every problem: files that do not load and every problem of every profile.
 */
export function validProfiles(
  sites: string | boolean | undefined,
  site?: string | boolean,
  json = false,
): SiteProfile[] | undefined {
  const { profiles, problems, skipped } = checkedProfiles(sites, site);
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ valid: problems.length === 0, sites: profiles.map((p) => p.name), problems, skipped }, null, 2)}\n`,
    );
  } else {
    printSkipped({ skipped });
    if (problems.length > 0) printProblems(`${problems.length} problem(s):`, problems);
  }
  return problems.length === 0 ? profiles : undefined;
}

/**
 * The profiles of the sites directory (only the one named `site`, where given), with every problem:
 * files that do not load, every problem of each profile, and a `site` that no profile has.
 */
function checkedProfiles(
  sites: string | boolean | undefined,
  site?: string | boolean,
): { profiles: SiteProfile[]; problems: string[]; skipped: string[] } {
  const loaded = readProfiles(sitesDir(sites));
  const index = loaded.profiles
    .map((_, i) => i)
    .filter((i) => typeof site !== 'string' || loaded.profiles[i]?.name === site);
  const profiles = index.map((i) => loaded.profiles[i]);
  const problems = [
    ...loaded.problems,
    ...profileProblems(
      profiles,
      index.map((i) => loaded.files[i]),
    ),
  ];
  if (typeof site === 'string' && profiles.length === 0)
    problems.push(
      `${site}: [SITE_UNKNOWN] no profile names the site '${site}'. Fix: use one of: ${loaded.profiles.map((p) => p.name).join(', ') || '(none)'}`,
    );
  return { profiles, problems, skipped: loaded.skipped };
}

/** The `--site` option of the commands that read profiles. */
export const SITE_OPTION = {
  type: 'string',
  value: 'name',
  description: 'only the site of this name (default: every site of the directory)',
} as const;

const SPEC: CommandSpec = {
  name: 'validate',
  usage: 'validate [--sites <dir>] [--site <name>] [--date YYYY-MM-DD] [--json]',
  options: {
    sites: SITES_OPTION,
    site: SITE_OPTION,
    date: DATE_OPTION,
    json: {
      type: 'boolean',
      description: 'print the result as JSON on stdout: valid, sites, problems, skipped files',
    },
  },
};

/** `aif validate`: checks every site profile without synthesizing anything. */
export const command: Command = {
  summary: 'check the site profiles and print every problem (no synthesis)',
  run(args) {
    const parsed = parseCommand(SPEC, this.summary, args);
    if (!parsed.ok) return parsed.exitCode;
    const bad = applyDateOption(SPEC, parsed.values.date);
    if (bad !== undefined) return bad;
    const json = parsed.values.json === true;
    const profiles = validProfiles(parsed.values.sites, parsed.values.site, json);
    if (!profiles) return 1;
    printAllocationWarnings(profiles);
    if (!json)
      process.stdout.write(
        `${profiles.length} site profile(s) valid: ${profiles.map((p) => p.name).join(', ')}\n`,
      );
    return 0;
  },
};
