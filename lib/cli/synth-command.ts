import * as path from 'path';
import { parseCommand, type CommandSpec } from './args';
import type { Command } from './main';
import { clearSynthesizedStacks, isUsageProblem, removeManifest } from './outdir';
import { projectRoot } from '../platform/state';
import { readProfiles, printSkipped } from './profiles';
import {
  applyDateOption,
  DATE_OPTION,
  printAllocationWarnings,
  printProblems,
  sitesDir,
  SITE_OPTION,
  SITES_OPTION,
} from './validate';

const SPEC: CommandSpec = {
  name: 'synth',
  usage: 'synth [--sites <dir>] [--site <name>] [--out <dir>] [--date YYYY-MM-DD]',
  options: {
    sites: SITES_OPTION,
    site: {
      ...SITE_OPTION,
      description:
        'only the site of this name: the output then holds its stacks alone (default: every site; not under the cdktf CLI, which names stacks itself)',
    },
    date: DATE_OPTION,
    out: {
      type: 'string',
      value: 'dir',
      description:
        'output directory (default: $CDKTF_OUTDIR under the cdktf CLI, else cdktf.out under the project root)',
    },
  },
};

/**
 * Synthesizes the profiles of a directory into `outdir`, all or nothing, and prints the result the
 * way `npm run synth` does. Shared by `aif synth` and this repository's app (stacks/main.ts).
 */
export function synthesizeDirectory(dir: string, outdir: string, site?: string): number {
  // Loaded here, not at the top: `aif --help` and `aif validate` never load cdktf.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { synthesizeSites } = require('./synth') as typeof import('./synth');
  const loaded = readProfiles(dir);
  printSkipped(loaded);
  if (loaded.problems.length > 0) {
    // A usage slip (no such directory) changed no profile: the last good output stays. A profile
    // that does not load is as bad as one with problems: the run is refused, and the previous
    // output goes too (unless it holds state), so nothing stale can be deployed.
    const usage = loaded.problems.every(isUsageProblem);
    printProblems(
      `The site profiles have ${loaded.problems.length} problem(s); nothing was synthesized${usage ? ` (${path.relative(process.cwd(), outdir) || '.'} left as it was)` : ''}:`,
      [...loaded.problems, ...(usage ? [] : clearSynthesizedStacks(outdir))],
    );
    // Stacks that stay because they hold state are not deployed by mistake either.
    if (!usage) removeManifest(outdir);
    return 1;
  }
  // --site: that site alone; the output then holds its stacks only.
  const profiles = site === undefined ? loaded.profiles : loaded.profiles.filter((p) => p.name === site);
  if (site !== undefined && profiles.length === 0) {
    printProblems(
      'The site profiles have 1 problem(s); nothing was synthesized (the output left as it was):',
      [
        `${site}: [SITE_UNKNOWN] no profile names the site '${site}'. Fix: use one of: ${loaded.profiles.map((p) => p.name).join(', ')}`,
      ],
    );
    return 1;
  }
  const result = synthesizeSites(profiles, outdir);
  if (!result.ok) {
    printProblems(
      `The site profiles have ${result.problems.length} problem(s); nothing was synthesized:`,
      result.problems,
    );
    return 1;
  }
  printAllocationWarnings(profiles);
  process.stdout.write(
    `Synthesized ${result.stacks.length} stacks into ${path.relative(process.cwd(), outdir) || '.'}:\n`,
  );
  for (const s of result.stacks) process.stdout.write(`  ${s}\n`);
  return 0;
}

/** `aif synth`: a site repository's all-or-nothing synthesis. */
export const command: Command = {
  summary: 'synthesize every site profile into cdktf.out, all or nothing',
  run(args) {
    const parsed = parseCommand(SPEC, this.summary, args);
    if (!parsed.ok) return parsed.exitCode;
    // Expired allocations lose their GPUs in the output: the date is part of what is synthesized.
    const bad = applyDateOption(SPEC, parsed.values.date);
    if (bad !== undefined) return bad;
    const sites = sitesDir(parsed.values.sites);
    if (process.env.CDKTF_OUTDIR && parsed.values.out === undefined) {
      // Run by the cdktf CLI as a site repository's app (`"app": "npx aif synth"` in cdktf.json).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runCdktfApp } = require('./cdktf-app') as typeof import('./cdktf-app');
      return runCdktfApp(sites, process.env.CDKTF_OUTDIR);
    }
    const out =
      typeof parsed.values.out === 'string'
        ? path.resolve(parsed.values.out)
        : path.join(projectRoot(process.cwd(), {}), 'cdktf.out');
    return synthesizeDirectory(
      sites,
      out,
      typeof parsed.values.site === 'string' ? parsed.values.site : undefined,
    );
  },
};
