import * as fs from 'fs';
import * as path from 'path';

// What the published package promises an operator; `.ci/run` packs it and checks the file list
// (`.ci/check-package.js`), then installs the tarball into examples/site-repo.
const root = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('package.json', () => {
  it('builds lib/ alone into a clean build/ before packing, and ships only that and the docs', () => {
    expect(pkg.scripts.prepack).toBe('npm run --silent build:package');
    expect(pkg.scripts['build:package']).toContain('tsc -p tsconfig.build.json');
    const build = JSON.parse(
      fs.readFileSync(path.join(root, 'tsconfig.build.json'), 'utf8').replace(/^\s*\/\/.*$/gm, ''),
    );
    expect(build).toMatchObject({
      compilerOptions: { rootDir: 'lib', outDir: 'build' },
      include: ['lib/**/*.ts'],
    });
    // The docs too, so that the installed README's links resolve (.ci/check-package.js checks each),
    // and the CI review script and workflows a site repository runs from its node_modules.
    expect(pkg.files).toEqual([
      'build/',
      'CHANGELOG.md',
      'docs/*.md',
      'docs/report/',
      'examples/ci/',
      'examples/site-repo/README.md',
      // The profile's JSON Schema, for editors (test/docs/schema.test.ts).
      'schema/',
    ]);
    for (const doc of ['README.md', 'LICENSE', 'CHANGELOG.md'])
      expect(fs.existsSync(path.join(root, doc))).toBe(true);
    expect(fs.readFileSync(path.join(root, 'LICENSE'), 'utf8')).toMatch(
      /Apache License\s+Version 2\.0, January 2004/,
    );
  });

  it('exports the compiled index with its types, the CLI, package.json and the schema, nothing deeper', () => {
    expect(pkg.exports).toEqual({
      '.': { types: './build/index.d.ts', default: './build/index.js' },
      './package.json': './package.json',
      // The profile's JSON Schema, for editors and tools (require.resolve finds it).
      './schema/*': './schema/*',
    });
    expect([pkg.main, pkg.types]).toEqual(['build/index.js', 'build/index.d.ts']);
    expect(pkg.bin).toEqual({ aif: 'build/cli/main.js' });
    expect(fs.readFileSync(path.join(root, 'lib/cli/main.ts'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  it('takes cdktf, constructs and the providers as peers, pinned as the repository pins them', () => {
    expect(pkg.peerDependencies).toEqual({
      '@cdktf/provider-helm': '12.1.2',
      '@cdktf/provider-kubernetes': '12.1.1',
      cdktf: '0.21.0',
      constructs: '^10.4.2',
    });
    for (const name of ['@cdktf/provider-helm', '@cdktf/provider-kubernetes', 'cdktf']) {
      expect(pkg.devDependencies[name]).toBe(pkg.peerDependencies[name]);
    }
  });
});

describe('examples/site-repo', () => {
  const example = path.join(root, 'examples', 'site-repo');
  const examplePkg = JSON.parse(fs.readFileSync(path.join(example, 'package.json'), 'utf8'));
  const lock = JSON.parse(fs.readFileSync(path.join(example, 'package-lock.json'), 'utf8'));

  it('pins the peers at the versions the library is built with', () => {
    for (const name of ['@cdktf/provider-helm', '@cdktf/provider-kubernetes', 'cdktf', 'constructs']) {
      expect(examplePkg.dependencies[name]).toBe(pkg.devDependencies[name]);
      expect(lock.packages[`node_modules/${name}`].version).toBe(pkg.devDependencies[name]);
    }
  });

  it('locks every package but the library, which CI packs afresh (see .ci/site-repo)', () => {
    expect(examplePkg.dependencies['cdktf-ai-factory']).toBe('file:cdktf-ai-factory.tgz');
    const entry = lock.packages['node_modules/cdktf-ai-factory'];
    expect(entry).toMatchObject({ version: pkg.version, resolved: 'file:cdktf-ai-factory.tgz' });
    // With an integrity, npm ci would install the cached package of that integrity, not the new tarball.
    expect(entry.integrity).toBeUndefined();
  });
});
