import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Extractor, ExtractorConfig, type ExtractorResult } from '@microsoft/api-extractor';

// The public API is what etc/cdktf-ai-factory.api.md (Microsoft API Extractor) says it is: a change
// to the API shows in review as a change to that file. `npm run api` updates it.
//
// The declarations are compiled from lib/ into a directory of this test's own (inside the
// repository, so that cdktf and the providers resolve), incrementally: a run after a change
// compiles what changed, not all of lib/ (8 s of every run before); the extractor then runs twice:
// on them as they are, and on a copy whose API has one export more, which the check must refuse.
const root = path.resolve(__dirname, '..');
const configFile = path.join(root, 'api-extractor.json');

describe('the API report', () => {
  const work = path.join(root, 'dist', `api-check-${process.pid}`);

  /** Runs the extractor on the declarations in `dir` as `npm run api` would, without `--local`. */
  function check(dir: string): ExtractorResult {
    const configObject = ExtractorConfig.loadFile(configFile);
    configObject.mainEntryPointFilePath = path.join(dir, 'index.d.ts');
    configObject.apiReport = { ...configObject.apiReport!, reportTempFolder: path.join(dir, 'report') };
    const config = ExtractorConfig.prepare({
      configObject,
      configObjectFullPath: configFile,
      packageJsonFullPath: path.join(root, 'package.json'),
    });
    return Extractor.invoke(config, {
      localBuild: false,
      messageCallback: (message) => {
        message.handled = true; // quiet: the result says what the test needs
      },
    });
  }

  beforeAll(() => {
    const tsc = require.resolve('typescript/bin/tsc');
    const compiled = path.join(root, 'dist', 'api-check');
    const out = path.join(work, 'current');
    // Declarations removed by hand would not be written again while the build info says they are.
    if (!fs.existsSync(path.join(compiled, 'declarations', 'index.d.ts')))
      fs.rmSync(compiled, { recursive: true, force: true });
    execFileSync(
      process.execPath,
      [
        tsc,
        '-p',
        path.join(root, 'tsconfig.build.json'),
        '--emitDeclarationOnly',
        '--outDir',
        path.join(compiled, 'declarations'),
        '--incremental',
        '--tsBuildInfoFile',
        path.join(compiled, 'tsbuildinfo'),
      ],
      { stdio: 'inherit' },
    );
    // This run's copies: the compiled declarations serve the next run.
    fs.cpSync(path.join(compiled, 'declarations'), out, { recursive: true });
    fs.cpSync(out, path.join(work, 'changed'), { recursive: true });
    fs.appendFileSync(
      path.join(work, 'changed', 'index.d.ts'),
      'export declare function notInTheReport(): void;\n',
    );
  }, 180_000);

  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('matches the public API of lib/index.ts (run `npm run api` after changing the API)', () => {
    const result = check(path.join(work, 'current'));
    expect({ succeeded: result.succeeded, apiReportChanged: result.apiReportChanged }).toEqual({
      succeeded: true,
      apiReportChanged: false,
    });
  }, 60_000);

  it('fails when the API changes and the report does not', () => {
    const result = check(path.join(work, 'changed'));
    expect({ succeeded: result.succeeded, apiReportChanged: result.apiReportChanged }).toEqual({
      succeeded: false,
      apiReportChanged: true,
    });
    // The report the check would have written names the new export.
    expect(
      fs.readFileSync(path.join(work, 'changed', 'report', 'cdktf-ai-factory.api.md'), 'utf8'),
    ).toContain('export function notInTheReport(): void;');
  }, 60_000);
});
