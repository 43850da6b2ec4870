import * as fs from 'fs';
import * as path from 'path';
import { isCalendarDate } from '../../lib/cli/args';
import { exitWhenFlushed } from '../../lib/cli/main';
import { aif } from '../helpers';

// The commands that share lib/cli/args.ts (aif diff parses its own options).
const COMMANDS = ['validate', 'synth', 'report', 'verify', 'check', 'reference', 'charts', 'probe'];

describe('aif options', () => {
  it.each(COMMANDS)('%s --help prints its usage and every option', async (name) => {
    const r = await aif(name, '--help');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatch(
      new RegExp(`^usage: aif ${name}\\b.*\\n\\n.+\\n\\noptions:\\n(.*\\n)*  -h, --help +show this help\\n$`),
    );
  });

  it.each(COMMANDS)('%s refuses an unknown option in one line, with the usage', async (name) => {
    const r = await aif(name, '--frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      new RegExp(`^aif ${name}: Unknown option '--frobnicate'\\nusage: aif ${name}\\b[^\\n]*\\n$`),
    );
  });

  it('prints its version, and a did-you-mean for a misspelled option (issue 17, item 12)', async () => {
    const v = await aif('--version');
    expect([v.code, v.out]).toEqual([
      0,
      `${(JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version}\n`,
    ]);
    const r = await aif('validate', '--stes', 'x');
    expect(r.err).toMatch(/^aif validate: Unknown option '--stes' \(did you mean --sites\?\)\n/);
  });

  it('lists the commands', async () => {
    const r = await aif('--help');
    expect(r.code).toBe(0);
    expect(
      r.out
        .match(/^ {2}aif \w+/gm)
        ?.map((l) => l.slice(6))
        .sort(),
    ).toEqual([...COMMANDS, 'diff'].sort());
  });

  it('report refuses a date that is not on the calendar', async () => {
    expect(await aif('report', '--date', '2027-13-45')).toEqual({
      code: 2,
      out: '',
      err: "aif report: --date must be a calendar date YYYY-MM-DD, not '2027-13-45'\nusage: aif report [--out <dir>] [--format table|markdown|json] [--date YYYY-MM-DD] [--svg-dir <dir> | --no-svg]\n",
    });
    expect(['2027-02-28', '2028-02-29', '2027-02-29', '2027-13-45', '27-1-1'].map(isCalendarDate)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it("report says when an option's value is missing", async () => {
    const r = await aif('report', '--format');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^aif report: Option '--format <value>' argument missing\n/);
  });
});

describe('aif exits only when its output is flushed', () => {
  it('waits for stdout and stderr to take what was written before exiting', () => {
    const flushed: Array<() => void> = [];
    const take = (_s: unknown, cb?: unknown) => (
      typeof cb === 'function' && flushed.push(cb as () => void),
      true
    );
    const o = jest.spyOn(process.stdout, 'write').mockImplementation(take as typeof process.stdout.write);
    const e = jest.spyOn(process.stderr, 'write').mockImplementation(take as typeof process.stderr.write);
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    try {
      exitWhenFlushed(3);
      // A pipe that has not taken the output yet: no exit, which would cut it.
      expect(exit).not.toHaveBeenCalled();
      expect(flushed).toHaveLength(2);
      flushed[0]();
      expect(exit).not.toHaveBeenCalled();
      flushed[1]();
      expect(exit).toHaveBeenCalledWith(3);
    } finally {
      o.mockRestore();
      e.mockRestore();
      exit.mockRestore();
    }
  });
});
