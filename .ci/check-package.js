#!/usr/bin/env node
// Checks what `npm pack --json` packed (the JSON on stdin): the compiled library and its
// declarations for every module of lib/, README, LICENSE, CHANGELOG, package.json, the docs (with
// every relative link of the packed Markdown resolving inside the package), the CI review files and
// the example site repository's README, and nothing else (no tests, no sources, no stale files).
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const [pack] = JSON.parse(fs.readFileSync(0, 'utf8'));
const packed = new Set(pack.files.map((f) => f.path));

const expected = new Set(['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']);
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (entry.name.endsWith('.ts')) {
      const out = path.posix.join(
        'build',
        path.relative(path.join(root, 'lib'), file).split(path.sep).join('/'),
      );
      expected.add(out.replace(/\.ts$/, '.js'));
      expected.add(out.replace(/\.ts$/, '.d.ts'));
    }
  }
})(path.join(root, 'lib'));

// The documentation a site repository reads from node_modules, and the CI review files it runs.
const listed = (dir, keep) =>
  fs
    .readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && keep(e.name))
    .map((e) =>
      path.posix.join(
        dir,
        path
          .relative(path.join(root, dir), path.join(e.parentPath ?? e.path, e.name))
          .split(path.sep)
          .join('/'),
      ),
    );
for (const f of listed('docs', () => true).filter(
  (f) => /^docs\/[^/]+\.md$/.test(f) || f.startsWith('docs/report/'),
))
  expected.add(f);
for (const f of listed('examples/ci', () => true)) expected.add(f);
expected.add('examples/site-repo/README.md');
// The profile's JSON Schema (test/docs/schema.test.ts keeps it up to date).
expected.add('schema/site-profile.schema.json');

const missing = [...expected].filter((f) => !packed.has(f)).sort();
const extra = [...packed].filter((f) => !expected.has(f)).sort();
for (const f of missing) console.error(`missing from the package: ${f}`);
for (const f of extra) console.error(`not expected in the package: ${f}`);
// Every relative link of the packed Markdown resolves to a packed file: the README's links work
// where the package is installed.
const broken = [];
for (const file of [...packed].filter((f) => f.endsWith('.md'))) {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1].split('#')[0];
    if (target === '' || /^[a-z]+:/i.test(target)) continue;
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
    const dir = resolved.replace(/\/$/, '');
    if (!packed.has(resolved) && ![...packed].some((p) => p.startsWith(`${dir}/`)))
      broken.push(`${file}: ${m[1]}`);
  }
}
for (const b of broken) console.error(`a link that does not resolve in the package: ${b}`);
if (missing.length > 0 || extra.length > 0 || broken.length > 0) process.exit(1);
console.log(
  `${pack.filename}: ${pack.files.length} files, ${pack.size} bytes packed, ${pack.unpackedSize} unpacked`,
);
