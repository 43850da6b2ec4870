/**
 * Evaluates a site profile module from its source file, TypeScript or JavaScript, on every call.
 *
 * Why not `require`: Node caches modules and cannot load `.ts`. Profiles used to run from `dist/`,
 * which `tsc` never cleans, so a deleted profile was still synthesized and an edited one was judged
 * as last compiled. Here the profile file (and only what it imports) is read, transpiled if it is
 * TypeScript, and evaluated afresh, so every command sees the directory as it is now.
 *
 * Imports of the library (`cdktf-ai-factory`, or a relative path into this package's `lib/`) resolve
 * to the library that is running, so a profile gets the same classes and catalogs as the synthesis.
 */
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import * as vm from 'vm';

/** An error with a stable code, raised while a profile module loads. */
export class ProfileLoadError extends Error {
  constructor(
    public readonly code: 'PROFILE_LOAD_FAILED' | 'TYPESCRIPT_MISSING',
    message: string,
    public readonly fix: string,
  ) {
    super(message);
    this.name = 'ProfileLoadError';
  }
}

type Transpile = (source: string, file: string) => string;

/** This library's compiled (or, under jest, source) `lib/` directory: where this file lives, one up. */
const LIB_DIR = path.resolve(__dirname, '..');

/** The package root: the nearest directory upward of `lib/` whose package.json names this package. */
function packageRoot(): string {
  let dir = LIB_DIR;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'cdktf-ai-factory') {
          return dir;
        }
      } catch {
        // not ours; keep looking
      }
    }
    const up = path.dirname(dir);
    if (up === dir) return path.resolve(LIB_DIR, '..');
    dir = up;
  }
}

/** The library's TypeScript sources (`<package>/lib`), which relative profile imports point at. */
const SOURCE_LIB_DIR = path.join(packageRoot(), 'lib');

/**
 * The TypeScript compiler's `transpileModule`, from the site repository first (a cdktf TypeScript
 * project has `typescript`), then from this package. Only syntax is transformed: no type-checking,
 * no other file is read.
 */
function findTranspiler(fromDir: string): Transpile | undefined {
  for (const base of [fromDir, __dirname]) {
    let ts: typeof import('typescript');
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      ts = require(require.resolve('typescript', { paths: [base] })) as typeof import('typescript');
    } catch {
      continue;
    }
    return (source, file) => {
      const out = ts.transpileModule(source, {
        fileName: file,
        reportDiagnostics: true,
        compilerOptions: {
          module: ts.ModuleKind.CommonJS,
          target: ts.ScriptTarget.ES2022,
          esModuleInterop: true,
          sourceMap: false,
        },
      });
      const syntax = (out.diagnostics ?? []).find((d) => d.category === ts.DiagnosticCategory.Error);
      if (syntax) {
        const pos =
          syntax.file && syntax.start !== undefined
            ? syntax.file.getLineAndCharacterOfPosition(syntax.start)
            : undefined;
        const where = pos ? `:${pos.line + 1}:${pos.character + 1}` : '';
        throw new ProfileLoadError(
          'PROFILE_LOAD_FAILED',
          `${file}${where}: ${ts.flattenDiagnosticMessageText(syntax.messageText, ' ')}`,
          'correct the syntax error',
        );
      }
      return out.outputText;
    };
  }
  return undefined;
}

const CANDIDATE_SUFFIXES = ['', '.ts', '.js', '.json', `${path.sep}index.ts`, `${path.sep}index.js`];

function resolveFile(base: string): string | undefined {
  for (const suffix of CANDIDATE_SUFFIXES) {
    const file = base + suffix;
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return undefined;
}

/**
 * Loads modules from source for one command: each file at most once per loader (so two profiles
 * importing one helper share it), never from Node's module cache.
 */
export class SourceModuleLoader {
  private readonly cache = new Map<string, { exports: unknown }>();
  private transpile?: Transpile;

  /** Evaluates `file` (relative to the working directory, or absolute) and returns its exports. */
  load(relativeOrAbsolute: string): unknown {
    // Node's createRequire takes absolute paths only.
    const file = path.resolve(relativeOrAbsolute);
    const cached = this.cache.get(file);
    if (cached) return cached.exports;
    if (file.endsWith('.json')) return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    const source = fs.readFileSync(file, 'utf8');
    // JavaScript written with import/export is transpiled like TypeScript; CommonJS runs as it is.
    const esm = /^\s*(import|export)\b/m.test(source);
    const code = file.endsWith('.ts') || esm ? this.transpiler(path.dirname(file))(source, file) : source;
    const module = { exports: {} as unknown };
    this.cache.set(file, module);
    const wrapped = `(function (exports, require, module, __filename, __dirname) {${code}\n})`;
    let fn: (...args: unknown[]) => void;
    try {
      // Function, not vm.runInThisContext: under jest the profile's objects must come from the same
      // realm as the library's (Array.isArray holds across realms, instanceof does not).
      fn = new Function(`return ${wrapped}`)() as typeof fn;
    } catch (e) {
      throw new ProfileLoadError(
        'PROFILE_LOAD_FAILED',
        syntaxErrorWhere(wrapped, file, e),
        'correct the syntax error',
      );
    }
    fn.call(module.exports, module.exports, this.requireFrom(file), module, file, path.dirname(file));
    return module.exports;
  }

  private transpiler(dir: string): Transpile {
    this.transpile ??= findTranspiler(dir);
    if (!this.transpile) {
      throw new ProfileLoadError(
        'TYPESCRIPT_MISSING',
        'a TypeScript profile needs the typescript package, which is not installed here',
        'run `npm install --save-dev typescript` in the site repository, or write the profile in JavaScript',
      );
    }
    return this.transpile;
  }

  /** The `require` a profile module sees. */
  private requireFrom(file: string): (spec: string) => unknown {
    const nodeRequire = createRequire(file);
    return (spec: string) => {
      if (spec === 'cdktf-ai-factory') return this.library('index');
      if (spec.startsWith('.') || path.isAbsolute(spec)) {
        const target = path.resolve(path.dirname(file), spec);
        const inLib = path.relative(SOURCE_LIB_DIR, target);
        if (!inLib.startsWith('..') && !path.isAbsolute(inLib)) return this.library(inLib);
        const resolved = resolveFile(target);
        if (!resolved) {
          throw new ProfileLoadError(
            'PROFILE_LOAD_FAILED',
            `${file}: cannot find module '${spec}'`,
            'correct the import path',
          );
        }
        return this.load(resolved);
      }
      return nodeRequire(spec);
    };
  }

  /** A module of the running library, by its path inside `lib/` (`index`, `model/profile`). */
  private library(inLib: string): unknown {
    const target = path.join(LIB_DIR, inLib.replace(/\.(ts|js)$/, '') || 'index');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(target) as unknown;
  }
}

/** Where a JavaScript syntax error is: compiling with vm gives the file and line that Function does not. */
function syntaxErrorWhere(wrapped: string, file: string, e: unknown): string {
  try {
    new vm.Script(wrapped, { filename: file });
  } catch (err) {
    const line = String((err as Error).stack ?? '').split('\n')[0];
    if (line.startsWith(file)) return `${line}: ${(err as Error).message}`;
  }
  return `${file}: ${e instanceof Error ? e.message : String(e)}`;
}
