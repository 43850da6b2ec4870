import * as fs from 'fs';
import * as path from 'path';
import { renderFleet } from '../review/render';
import { fleetReport } from '../review/report';
import { allocationSvg } from '../review/svg';
import { readStacks } from '../review/synthesized';
import type { Command } from './main';
import { option } from './main';

/**
 * `aif report`: the capacity report of every synthesized site and of the fleet.
 *
 *   --out <dir>        synthesized output to read (default cdktf.out)
 *   --format <f>       table (default), markdown or json
 *   --date YYYY-MM-DD  the day allocations are judged against (default: today, UTC)
 *   --svg-dir <dir>    where the per-site SVG charts go (default reports); --no-svg to skip
 */
export const command: Command = {
  summary: 'capacity report of the synthesized sites (table, markdown or json) and SVG charts',
  run(args) {
    const outdir = option(args, 'out') ?? 'cdktf.out';
    const format = option(args, 'format') ?? 'table';
    if (!['table', 'markdown', 'json'].includes(format)) {
      process.stderr.write(`aif report: --format must be table, markdown or json, not '${format}'\n`);
      return 2;
    }
    const date = option(args, 'date') ?? new Date().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      process.stderr.write(`aif report: --date must be YYYY-MM-DD, not '${date}'\n`);
      return 2;
    }
    const report = fleetReport(readStacks(outdir), date);
    if (report.sites.length === 0) {
      process.stderr.write(`aif report: no site stacks in ${outdir}; run 'npm run synth' first\n`);
      return 1;
    }
    process.stdout.write(
      format === 'json'
        ? `${JSON.stringify(report, null, 2)}\n`
        : renderFleet(report, format as 'table' | 'markdown'),
    );
    if (!args.includes('--no-svg')) {
      const dir = option(args, 'svg-dir') ?? 'reports';
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
