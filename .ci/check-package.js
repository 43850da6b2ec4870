#!/usr/bin/env node
// Checks what `npm pack --json` packed (the JSON on stdin): the compiled library and its
// declarations for every module of lib/, README, LICENSE, CHANGELOG and package.json, and nothing
// else (no tests, no sources, no stale files, no build info).
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

const missing = [...expected].filter((f) => !packed.has(f)).sort();
const extra = [...packed].filter((f) => !expected.has(f)).sort();
for (const f of missing) console.error(`missing from the package: ${f}`);
for (const f of extra) console.error(`not expected in the package: ${f}`);
if (missing.length > 0 || extra.length > 0) process.exit(1);
console.log(
  `${pack.filename}: ${pack.files.length} files, ${pack.size} bytes packed, ${pack.unpackedSize} unpacked`,
);
