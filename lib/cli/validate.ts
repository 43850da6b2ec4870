import * as path from 'path';
import type { SiteProfile } from '../model';
import { parseCommand, type CommandSpec } from './args';
import type { Command } from './main';
import { defaultSitesDir, profileProblems, readProfiles } from './profiles';

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

/** Prints problems as one block: a count, then one indented line each. */
export function printProblems(header: string, problems: readonly string[]): void {
  process.stderr.write(`${header}\n${problems.map((p) => `  ${p}\n`).join('')}`);
}

/**
 * The valid profiles of the directory a command was given (`--sites`), or undefined after printing
 * every problem: files that do not load and every problem of every profile.
 */
export function validProfiles(sites: string | boolean | undefined): SiteProfile[] | undefined {
  const loaded = readProfiles(sitesDir(sites));
  const problems = [...loaded.problems, ...profileProblems(loaded.profiles)];
  if (problems.length === 0) return loaded.profiles;
  printProblems(`${problems.length} problem(s):`, problems);
  return undefined;
}

const SPEC: CommandSpec = {
  name: 'validate',
  usage: 'validate [--sites <dir>]',
  options: { sites: SITES_OPTION },
};

/** `aif validate`: checks every site profile without synthesizing anything. */
export const command: Command = {
  summary: 'check the site profiles and print every problem (no synthesis)',
  run(args) {
    const parsed = parseCommand(SPEC, this.summary, args);
    if (!parsed.ok) return parsed.exitCode;
    const profiles = validProfiles(parsed.values.sites);
    if (!profiles) return 1;
    process.stdout.write(
      `${profiles.length} site profile(s) valid: ${profiles.map((p) => p.name).join(', ')}\n`,
    );
    return 0;
  },
};
