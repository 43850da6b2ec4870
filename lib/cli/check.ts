import * as fs from 'fs';
import * as path from 'path';
import { checkIsolation, checkSummary, renderCheckTable } from '../review/check';
import { readStacks } from '../review/synthesized';
import { parseCommand, type CommandSpec } from './args';
import type { Command } from './main';

const SPEC: CommandSpec = {
  name: 'check',
  usage: 'check [--out <dir>] [--json] [--failures]',
  options: {
    out: { type: 'string', value: 'dir', description: 'synthesized output to check (default: cdktf.out)' },
    json: { type: 'boolean', description: 'print the rows and the summary as JSON' },
    failures: { type: 'boolean', description: 'list only the checks that fail (the summary counts all)' },
  },
};

/**
 * `aif check`: every namespace of the synthesized sites against every isolation check that applies
 * to it, tenant or operator namespace (lib/review/check.ts); exit 1 when any fails.
 */
export const command: Command = {
  summary: 'hold every tenant and operator namespace of cdktf.out against the isolation checks (MTB level 1)',
  run(args) {
    const parsed = parseCommand(SPEC, this.summary, args);
    if (!parsed.ok) return parsed.exitCode;
    const out = path.resolve((parsed.values.out as string | undefined) ?? 'cdktf.out');
    if (!fs.existsSync(path.join(out, 'stacks'))) {
      process.stderr.write(
        `aif check: no synthesized stacks in ${out}/stacks; run 'npx aif synth' first (npm run synth in the library's repository)\n`,
      );
      return 1;
    }
    const report = checkIsolation(readStacks(out));
    if (report.sites.length === 0) {
      process.stderr.write(
        `aif check: no stacks in ${out}/stacks; run 'npx aif synth' first (npm run synth in the library's repository)\n`,
      );
      return 1;
    }
    const shown = parsed.values.failures ? report.rows.filter((r) => r.status === 'FAIL') : report.rows;
    if (parsed.values.json) {
      process.stdout.write(`${JSON.stringify({ ...report, rows: shown }, null, 2)}\n`);
    } else {
      process.stdout.write(shown.length > 0 ? renderCheckTable(report, shown) : `${checkSummary(report)}\n`);
    }
    return report.failed > 0 ? 1 : 0;
  },
};
