import * as path from 'path';
import type { Command } from './main';
import { option } from './main';
import { formatProblem, verifyOutput } from '../review/verify';

/** `aif verify`: checks synthesized Helm values and custom resources against upstream references. */
export const command: Command = {
  summary: 'check cdktf.out against upstream chart defaults and CRD schemas (--reference <dir>)',
  run(args) {
    const reference = option(args, 'reference');
    if (!reference) {
      process.stderr.write(
        'aif verify: --reference <dir> is required (a directory laid out like ../shared/reference)\n',
      );
      return 2;
    }
    const out = option(args, 'out') ?? 'cdktf.out';
    const result = verifyOutput(path.resolve(out), path.resolve(reference));
    for (const u of result.unchecked) {
      process.stdout.write(`note: no reference CRD for ${u}; its custom resources were not checked\n`);
    }
    if (result.problems.length > 0) {
      process.stderr.write(
        `${result.problems.length} problem(s):\n${result.problems.map((p) => `  ${formatProblem(p)}\n`).join('')}`,
      );
      return 1;
    }
    process.stdout.write(
      `${result.stacks.length} stack(s) conform: ${result.releasesChecked} Helm release(s) and ` +
        `${result.manifestsChecked} custom resource(s) checked against ${reference}\n`,
    );
    return 0;
  },
};
