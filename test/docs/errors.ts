/**
 * docs/errors.md: generated from the tables in lib/model/error-codes.ts, and checked against every
 * code that lib/ can emit. Regenerate with: AIF_UPDATE_DOCS=1 npx jest test/docs/errors.test.ts
 */
import * as fs from 'fs';
import * as path from 'path';
import type { CodeDoc } from '../../lib/model/error-codes';

export interface SourceFile {
  readonly file: string;
  readonly text: string;
}

/**
 * Upper-case literals in lib/ that are not error codes: environment variables and the NVIDIA
 * container toolkit's settings. Everything else of that shape is taken for a code.
 */
export const NOT_CODES: ReadonlySet<string> = new Set([
  'AIF_PROJECT_ROOT',
  'AIF_DATE',
  'ACCEPT_NVIDIA_VISIBLE_DEVICES_AS_VOLUME_MOUNTS',
  'ACCEPT_NVIDIA_VISIBLE_DEVICES_ENVVAR_WHEN_UNPRIVILEGED',
  'DEVICE_LIST_STRATEGY',
]);

// A quoted literal such as 'NAME_INVALID' (how validators and `code:` fields name a code) ...
const QUOTED = /['"]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)['"]/g;
// ... and a code printed in a message, `[HELM_MISSING] ...`, at the start of a string or after `: `.
const PRINTED = /(?:['"`]|: )\[([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\] /g;

/** Every code the sources can emit, with the files that emit it. */
export function emittedCodes(files: readonly SourceFile[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const { file, text } of files) {
    for (const re of [QUOTED, PRINTED]) {
      for (const m of text.matchAll(re)) {
        const code = m[1];
        if (NOT_CODES.has(code)) continue;
        const at = found.get(code) ?? [];
        if (!at.includes(file)) at.push(file);
        found.set(code, at);
      }
    }
  }
  return found;
}

/** lib/**\/*.ts, as paths relative to the repository. */
export function libSources(root: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts'))
        out.push({ file: path.relative(root, p), text: fs.readFileSync(p, 'utf8') });
    }
  };
  walk(path.join(root, 'lib'));
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

function table(docs: Readonly<Record<string, CodeDoc>>): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|');
  const rows = Object.keys(docs)
    .sort()
    .map((code) => `| \`${code}\` | ${cell(docs[code].meaning)} | ${cell(docs[code].fix)} |`);
  return ['| code | meaning | fix |', '| --- | --- | --- |', ...rows].join('\n');
}

/** The text of docs/errors.md. */
export function renderErrorsPage(
  issues: Readonly<Record<string, CodeDoc>>,
  cli: Readonly<Record<string, CodeDoc>>,
): string {
  return `<!-- Generated from lib/model/error-codes.ts by test/docs/errors.test.ts; do not edit by hand.
     Regenerate: AIF_UPDATE_DOCS=1 npx jest test/docs/errors.test.ts -->

# Error codes

Every problem the library reports carries a stable code, safe to match on in scripts and tests,
printed as \`[CODE] path: message (received: value). Fix: how\`. The message names the offending value
and, where it can, the exact fix; this page says what each code means in general.

## Profile and construct validation

Reported by \`validateSite(profile)\`, \`aif validate\`, \`npm run synth\` and by each construct for its
own props, all problems at once (the \`IssueCode\` type).

${table(issues)}

## The \`aif\` command line

Reported while profiles load, during synthesis and by \`aif reference pull\`, as
\`<file or site>: [CODE] message. Fix: how\` (exit status 1; see [cli.md](cli.md)).

${table(cli)}
`;
}

/** What is wrong with a page against the codes the sources emit; empty when nothing is. */
export function checkErrorsPage(
  emitted: ReadonlyMap<string, readonly string[]>,
  documented: readonly string[],
  page: string,
  expected: string,
): string[] {
  const problems: string[] = [];
  const known = new Set(documented);
  for (const [code, files] of [...emitted].sort(([a], [b]) => a.localeCompare(b))) {
    if (!known.has(code))
      problems.push(`${code} (emitted in ${files.join(', ')}) has no entry in lib/model/error-codes.ts`);
    else if (!page.includes(`| \`${code}\` |`)) problems.push(`${code} is missing from docs/errors.md`);
  }
  for (const code of documented) {
    if (!emitted.has(code)) problems.push(`${code} is documented but emitted nowhere in lib/`);
  }
  if (page !== expected)
    problems.push('docs/errors.md is stale: AIF_UPDATE_DOCS=1 npx jest test/docs/errors.test.ts');
  return problems;
}
