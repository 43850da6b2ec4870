import * as path from 'path';
import { parseCommand, type CommandSpec } from './args';
import type { Command } from './main';
import { formatProblem, verifyOutput } from '../review/verify';

const SPEC: CommandSpec = {
  name: 'verify',
  usage: 'verify --reference <dir> [--out <dir>]',
  options: {
    reference: {
      type: 'string',
      value: 'dir',
      description: "upstream charts' default values and CRDs (make one with 'aif reference pull <dir>')",
    },
    out: { type: 'string', value: 'dir', description: 'synthesized output to check (default: cdktf.out)' },
  },
};

/** `aif verify`: checks synthesized Helm values and custom resources against upstream references. */
export const command: Command = {
  summary: 'check cdktf.out against upstream chart defaults and CRD schemas (--reference <dir>)',
  run(args) {
    const parsed = parseCommand(SPEC, this.summary, args);
    if (!parsed.ok) return parsed.exitCode;
    const reference = parsed.values.reference as string | undefined;
    if (!reference) {
      process.stderr.write(
        "aif verify: --reference <dir> is required: a directory of the pinned charts' default values and CRDs.\n" +
          '  Make one with the helm CLI: npx aif reference pull reference   (then: npx aif verify --reference reference)\n' +
          `usage: aif ${SPEC.usage}\n`,
      );
      return 2;
    }
    const out = (parsed.values.out as string | undefined) ?? 'cdktf.out';
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
