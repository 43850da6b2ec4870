import * as fs from 'fs';
import type { Command } from './main';
import { defaultSitesDir, option } from './main';
import { loadProfiles, profileProblems } from './profiles';

/** `aif validate`: checks every site profile without synthesizing anything. */
export const command: Command = {
  summary: 'check the site profiles and print every problem (no synthesis)',
  run(args) {
    const dir = option(args, 'sites') ?? defaultSitesDir();
    if (!fs.existsSync(dir)) {
      process.stderr.write(
        `aif validate: no site profiles in ${dir}; pass --sites <dir of compiled profiles>\n`,
      );
      return 2;
    }
    const profiles = loadProfiles(dir);
    const problems = profileProblems(profiles);
    if (problems.length > 0) {
      process.stderr.write(`${problems.length} problem(s):\n${problems.map((p) => `  ${p}\n`).join('')}`);
      return 1;
    }
    process.stdout.write(
      `${profiles.length} site profile(s) valid: ${profiles.map((p) => p.name).join(', ')}\n`,
    );
    return 0;
  },
};
