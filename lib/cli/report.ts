import * as fs from 'fs';
import * as path from 'path';
import { SYNTHESIS_DATE_VARIABLE, todayUtc } from '../model';
import { renderFleet } from '../review/render';
import { fleetReport } from '../review/report';
import { allocationSvg } from '../review/svg';
import { readStacks } from '../review/synthesized';
import { isCalendarDate, parseCommand, usageError, type CommandSpec } from './args';
import type { Command } from './main';

const SPEC: CommandSpec = {
  name: 'report',
  usage:
    'report [--out <dir>] [--format table|markdown|json] [--date YYYY-MM-DD] [--svg-dir <dir> | --no-svg]',
  options: {
    out: { type: 'string', value: 'dir', description: 'synthesized output to read (default: cdktf.out)' },
    format: { type: 'string', value: 'format', description: 'table (default), markdown or json' },
    date: {
      type: 'string',
      value: 'YYYY-MM-DD',
      description: 'the day allocations are judged against (default: $AIF_DATE, else today, UTC)',
    },
    'svg-dir': {
      type: 'string',
      value: 'dir',
      description: 'where the per-site SVG charts go (default: reports)',
    },
    'no-svg': { type: 'boolean', description: 'write no SVG charts' },
  },
};

/**
 * `aif report`: the capacity report of every synthesized site and of the fleet.
 *
 *   --out <dir>        synthesized output to read (default cdktf.out)
 *   --format <f>       table (default), markdown or json
 *   --date YYYY-MM-DD  the day allocations are judged against (default: $AIF_DATE, else today, UTC)
 *   --svg-dir <dir>    where the per-site SVG charts go (default reports); --no-svg to skip
 */
export const command: Command = {
  summary: 'capacity report of the synthesized sites (table, markdown or json) and SVG charts',
  run(args) {
    const parsed = parseCommand(SPEC, this.summary, args);
    if (!parsed.ok) return parsed.exitCode;
    const v = parsed.values as Record<string, string | undefined> & { 'no-svg'?: boolean };
    const outdir = v.out ?? 'cdktf.out';
    const format = v.format ?? 'table';
    if (!['table', 'markdown', 'json'].includes(format)) {
      return usageError(SPEC, `--format must be table, markdown or json, not '${format}'`).exitCode;
    }
    // The synthesis's date by default, so that the report calls expired what synthesis did.
    const date = v.date ?? (process.env[SYNTHESIS_DATE_VARIABLE] || todayUtc());
    if (!isCalendarDate(date)) {
      const from = v.date !== undefined ? '--date' : `$${SYNTHESIS_DATE_VARIABLE}`;
      return usageError(SPEC, `${from} must be a calendar date YYYY-MM-DD, not '${date}'`).exitCode;
    }
    if (v['no-svg'] && v['svg-dir'] !== undefined) {
      return usageError(SPEC, '--svg-dir and --no-svg exclude each other').exitCode;
    }
    const report = fleetReport(readStacks(outdir), date);
    if (report.sites.length === 0) {
      process.stderr.write(
        `aif report: no site stacks in ${outdir}; run 'npx aif synth' first (npm run synth in the library's repository)\n`,
      );
      return 1;
    }
    process.stdout.write(
      format === 'json'
        ? `${JSON.stringify(report, null, 2)}\n`
        : renderFleet(report, format as 'table' | 'markdown'),
    );
    if (!v['no-svg']) {
      const dir = v['svg-dir'] ?? 'reports';
      fs.mkdirSync(dir, { recursive: true });
      for (const site of report.sites) {
        const file = path.join(dir, `${site.site}-gpu-allocation.svg`);
        fs.writeFileSync(file, allocationSvg(site, date));
        if (format !== 'json') process.stderr.write(`wrote ${file}\n`);
      }
    }
    return 0;
  },
};
