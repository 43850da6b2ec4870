import * as fs from 'fs';
import * as path from 'path';
import { CLI_CODE_DOCS, ISSUE_CODE_DOCS } from '../../lib/model/error-codes';
import { checkErrorsPage, emittedCodes, libSources, renderErrorsPage } from './errors';

const root = path.join(__dirname, '..', '..');
const file = path.join(root, 'docs', 'errors.md');

describe('docs/errors.md', () => {
  const expected = renderErrorsPage(ISSUE_CODE_DOCS, CLI_CODE_DOCS);
  if (process.env.AIF_UPDATE_DOCS) fs.writeFileSync(file, expected);
  const documented = [...Object.keys(ISSUE_CODE_DOCS), ...Object.keys(CLI_CODE_DOCS)];

  it('documents every code that lib/ emits, and is up to date', () => {
    const emitted = emittedCodes(libSources(root));
    expect(emitted.size).toBeGreaterThanOrEqual(60);
    expect(checkErrorsPage(emitted, documented, fs.readFileSync(file, 'utf8'), expected)).toEqual([]);
  });

  it('finds the codes of the command line too, printed and in `code:` fields', () => {
    const emitted = emittedCodes(libSources(root));
    for (const code of ['HELM_MISSING', 'SITES_DIR_MISSING', 'STATE_IN_OUTPUT', 'TYPESCRIPT_MISSING']) {
      expect(emitted.get(code)?.length).toBeGreaterThan(0);
    }
    expect(emitted.has('AIF_PROJECT_ROOT')).toBe(false);
  });
});

describe('the checker', () => {
  const page = renderErrorsPage(ISSUE_CODE_DOCS, CLI_CODE_DOCS);
  const documented = [...Object.keys(ISSUE_CODE_DOCS), ...Object.keys(CLI_CODE_DOCS)];
  const real = emittedCodes(libSources(path.join(__dirname, '..', '..')));

  it('fails on a code emitted in a source file but documented nowhere', () => {
    const fake = emittedCodes([
      {
        file: 'lib/fake.ts',
        text: "c.add('QUOTA_ON_FIRE', p, v, 'm', 'f');\nthrow new Error(`[DISK_GONE] x`);",
      },
    ]);
    const emitted = new Map([...real, ...fake]);
    expect(checkErrorsPage(emitted, documented, page, page)).toEqual([
      'DISK_GONE (emitted in lib/fake.ts) has no entry in lib/model/error-codes.ts',
      'QUOTA_ON_FIRE (emitted in lib/fake.ts) has no entry in lib/model/error-codes.ts',
    ]);
  });

  it('fails on a page that lacks a code, or is stale', () => {
    const without = page.replace(/^\| `HELM_FAILED` .*\n/m, '');
    expect(checkErrorsPage(real, documented, without, page)).toEqual([
      'HELM_FAILED is missing from docs/errors.md',
      'docs/errors.md is stale: AIF_UPDATE_DOCS=1 npx jest test/docs/errors.test.ts',
    ]);
  });

  it('fails on a documented code that nothing emits', () => {
    expect(checkErrorsPage(real, [...documented, 'NEVER_RAISED'], page, page)).toEqual([
      'NEVER_RAISED is documented but emitted nowhere in lib/',
    ]);
  });
});
