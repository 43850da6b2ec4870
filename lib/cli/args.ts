/**
 * Option parsing shared by the `aif` commands: `node:util` parseArgs in strict mode, so an unknown
 * or misspelled option is an error (exit 2) instead of being silently ignored, and `--help` on every
 * command prints its options from the same table that parses them.
 */
import { parseArgs } from 'util';
import { editDistance } from '../model/did-you-mean';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** What the option does, one line, default included. */
  readonly description: string;
  /** Placeholder shown in help: `--out <dir>`. */
  readonly value?: string;
  readonly short?: string;
}

export interface CommandSpec {
  /** Command name as typed after `aif` (`reference pull`). */
  readonly name: string;
  /** The usage line without `usage: aif `: `verify [--reference <dir>] [--out <dir>]`. */
  readonly usage: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Positional arguments the command takes. @default 0 */
  readonly positionals?: { readonly min: number; readonly max: number };
}

export type Parsed =
  | {
      readonly ok: true;
      readonly values: Record<string, string | boolean | undefined>;
      readonly positionals: string[];
    }
  | { readonly ok: false; readonly exitCode: number };

/** The `--help` text of a command: its usage line and every option. */
export function helpText(spec: CommandSpec, summary: string): string {
  const rows = Object.entries(spec.options).map(([name, o]) => [
    `  ${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` <${o.value}>` : ''}`,
    o.description,
  ]);
  rows.push(['  -h, --help', 'show this help']);
  const width = Math.max(...rows.map(([l]) => l.length)) + 2;
  return `usage: aif ${spec.usage}\n\n${summary}\n\noptions:\n${rows.map(([l, d]) => `${l.padEnd(width)}${d}\n`).join('')}`;
}

/**
 * Parses a command's arguments. On `--help` prints the help to stdout (exit 0); on a bad option or
 * argument prints one line and the usage to stderr (exit 2).
 */
export function parseCommand(spec: CommandSpec, summary: string, args: readonly string[]): Parsed {
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, o]) => [
      name,
      o.short ? { type: o.type, short: o.short } : { type: o.type },
    ]),
  );
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    // parseArgs explains unknown options in two sentences; the first says it all.
    // (Read `message` without instanceof: under jest the error comes from another realm.)
    const text = typeof (e as { message?: unknown }).message === 'string' ? (e as Error).message : String(e);
    const message = text.split('. ')[0].replace(/\.$/, '');
    // A did-you-mean for a misspelled option (`--site` for `--sites`).
    const unknown = /^Unknown option '--([^']+)'/.exec(message)?.[1];
    const near =
      unknown === undefined
        ? undefined
        : [...Object.keys(spec.options), 'help']
            .map((o) => ({
              o,
              d: unknown.startsWith(o) || o.startsWith(unknown) ? 0 : editDistance(unknown, o),
            }))
            .filter((x) => x.d <= Math.max(1, Math.floor(unknown.length / 3)))
            .sort((a, b) => a.d - b.d)[0]?.o;
    return usageError(spec, near ? `${message} (did you mean --${near}?)` : message);
  }
  if (parsed.values.help) {
    process.stdout.write(helpText(spec, summary));
    return { ok: false, exitCode: 0 };
  }
  const { min, max } = spec.positionals ?? { min: 0, max: 0 };
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    const message =
      parsed.positionals.length > max
        ? `unexpected argument '${parsed.positionals[max]}'`
        : `missing argument${min - parsed.positionals.length > 1 ? 's' : ''}`;
    return usageError(spec, message);
  }
  return {
    ok: true,
    values: parsed.values as Record<string, string | boolean | undefined>,
    positionals: parsed.positionals,
  };
}

/** One line saying what is wrong, then the usage; exit 2. */
export function usageError(spec: CommandSpec, message: string): { ok: false; exitCode: number } {
  process.stderr.write(`aif ${spec.name}: ${message}\nusage: aif ${spec.usage}\n`);
  return { ok: false, exitCode: 2 };
}

/** Whether `text` is a real calendar date written `YYYY-MM-DD` (2027-02-29 and 2027-13-45 are not). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}
