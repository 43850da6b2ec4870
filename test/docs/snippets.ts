/**
 * The code of the documentation: every ```ts block of the Markdown pages, and every `@example` of a
 * doc comment in lib/, so that the docs and the TypeDoc pages are compiled like the code.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

export interface Snippet {
  /** Where it is: `docs/storage.md:71` (the line of its opening fence). */
  readonly where: string;
  /** The fence's info string after the language, e.g. `fragment`. */
  readonly info: string;
  readonly code: string;
}

/** The fenced ```ts (or ```typescript) blocks of a text, fences indented or not. */
export function fencedBlocks(text: string, file: string, firstLine = 1): Snippet[] {
  const lines = text.split('\n');
  const out: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(ts|typescript)\b ?(.*)$/.exec(lines[i]);
    if (!open) continue;
    const indent = open[1].length;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j]); j++) body.push(lines[j].slice(indent));
    if (j === lines.length) throw new Error(`${file}:${firstLine + i}: unclosed code fence`);
    out.push({ where: `${file}:${firstLine + i}`, info: open[3].trim(), code: body.join('\n') + '\n' });
    i = j;
  }
  return out;
}

/** The ```ts blocks of the `@example` tags in the doc comments of a source file. */
export function docExamples(source: string, file: string): Snippet[] {
  const out: Snippet[] = [];
  for (const m of source.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    if (!m[0].includes('@example')) continue;
    const startLine = source.slice(0, m.index).split('\n').length;
    const text = m[0]
      .split('\n')
      .map((l) => l.replace(/^\s*\/?\*+\/?\s?/, ''))
      .join('\n');
    const example = text.slice(text.indexOf('@example'));
    const offset = text.slice(0, text.indexOf('@example')).split('\n').length - 1;
    out.push(...fencedBlocks(example, file, startLine + offset));
  }
  return out;
}

/** The repository's Markdown pages, relative to its root: the READMEs and every page of docs/. */
export function markdownPages(root: string): string[] {
  return [
    'README.md',
    'examples/site-repo/README.md',
    ...fs
      .readdirSync(path.join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => `docs/${f}`),
  ];
}

/** Markdown pages and lib/ sources of the repository, as the snippets they hold. */
export function repositorySnippets(root: string): Snippet[] {
  const snippets = markdownPages(root).flatMap((p) =>
    fencedBlocks(fs.readFileSync(path.join(root, p), 'utf8'), p),
  );
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
      .filter((f) => f.endsWith('.ts'))
      .sort();
  for (const f of walk(path.join(root, 'lib'))) {
    snippets.push(...docExamples(fs.readFileSync(f, 'utf8'), path.relative(root, f)));
  }
  return snippets;
}

/**
 * Type-checks snippets as modules in one program, with `cdktf-ai-factory` mapped to lib/index.ts
 * and every other import resolved in the repository's node_modules. Returns one line per error.
 */
export function compileSnippets(root: string, dir: string, snippets: readonly Snippet[]): string[] {
  const files = snippets.map((s, i) => {
    const file = path.join(dir, `snippet-${i}-${s.where.replace(/[^A-Za-z0-9]+/g, '-')}.ts`);
    // `export {}` keeps each snippet a module, so two snippets never clash over a global name.
    fs.writeFileSync(file, `${s.code}\nexport {};\n`);
    return file;
  });
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ['lib.es2022.d.ts'],
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
    typeRoots: [path.join(root, 'node_modules', '@types')],
    baseUrl: root,
    paths: { 'cdktf-ai-factory': ['lib/index.ts'], '*': ['node_modules/*'] },
  };
  const program = ts.createProgram(files, options);
  const where = new Map(files.map((f, i) => [path.resolve(f), snippets[i].where]));
  const errors: string[] = [];
  for (const file of files) {
    const sf = program.getSourceFile(file)!;
    for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
      const line = d.start === undefined ? 0 : sf.getLineAndCharacterOfPosition(d.start).line + 1;
      errors.push(
        `${where.get(path.resolve(file))} (snippet line ${line}): ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
      );
    }
  }
  return errors;
}
