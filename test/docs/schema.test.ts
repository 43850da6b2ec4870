import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { createGenerator } from 'ts-json-schema-generator';
import { loadProfiles } from '../../lib/cli/profiles';
import { validateSite } from '../../lib/model';
import { structuralSchema, type Schema } from '../../lib/model/schema';
import standalone from 'ajv/dist/standalone';
import { sampleProfile } from '../helpers';

// The JSON Schema of a site profile, generated from the TypeScript types and their doc comments
// (lib/model/profile.ts), shipped in the package (schema/site-profile.schema.json) so that editors
// complete and check profiles written as JSON or YAML. Kept up to date as docs/errors.md is:
// AIF_UPDATE_SCHEMA=1 writes it.

const root = path.join(__dirname, '..', '..');

/**
 * The validator lib/model/schema.ts loads: ajv's standalone code for the schema's kinds
 * (structuralSchema), so that validating a profile compiles nothing. Written with the schema.
 */
function shapeValidatorSource(schemaText: string): string {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    discriminator: true,
    code: { source: true, lines: true },
  });
  const code = standalone(ajv, ajv.compile(structuralSchema(JSON.parse(schemaText) as Schema)));
  return [
    '// @ts-nocheck',
    '/* eslint-disable */',
    '// Generated from schema/site-profile.schema.json by test/docs/schema.test.ts:',
    '// AIF_UPDATE_SCHEMA=1 npx jest test/docs/schema.test.ts writes it. Do not edit.',
    code,
    '',
  ].join('\n');
}
const file = path.join(root, 'schema', 'site-profile.schema.json');

/**
 * The doc comments' defaults as values an editor may insert: a leading quoted literal
 * (`'ext4' (Rook advises ...)` becomes `ext4`), a leading `true`/`false` for a boolean, and prose
 * (`- none: ...`, `false - one tenant per pool`) dropped. The test below checks that every default
 * left is a value of its own subschema.
 */
function valueDefaults(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(valueDefaults);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  const type = (node as Record<string, unknown>).type;
  for (const [k, v] of Object.entries(node)) {
    if (k !== 'default' || typeof v !== 'string') {
      out[k] = valueDefaults(v);
      continue;
    }
    const quoted = /^'([^']*)'/.exec(v);
    const flag = /^(true|false)\b/.exec(v);
    if (quoted) out[k] = quoted[1];
    else if (flag && type === 'boolean') out[k] = flag[1] === 'true';
    else if (!/[\s(]/.test(v) && !v.startsWith('-')) out[k] = v;
  }
  return out;
}

function generate(): Record<string, unknown> {
  const schema = createGenerator({
    path: path.join(root, 'lib', 'model', 'profile.ts'),
    tsconfig: path.join(root, 'tsconfig.json'),
    type: 'SiteProfile',
    jsDoc: 'extended',
    skipTypeCheck: true,
  }).createSchema('SiteProfile');
  return {
    ...(valueDefaults(schema) as Record<string, unknown>),
    title: 'cdktf-ai-factory site profile',
  };
}

describe('schema/site-profile.schema.json', () => {
  const expected = `${JSON.stringify(generate(), null, 2)}\n`;
  const validatorFile = path.join(root, 'lib', 'model', 'profile-shape.generated.ts');
  if (process.env.AIF_UPDATE_SCHEMA) {
    fs.writeFileSync(file, expected);
    fs.writeFileSync(validatorFile, shapeValidatorSource(expected));
  }
  const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

  it('is generated from the profile types (AIF_UPDATE_SCHEMA=1 writes it)', () => {
    expect(fs.readFileSync(file, 'utf8')).toBe(expected);
  });

  it('is what the library validates a profile with (the validator is generated from it)', () => {
    expect(fs.readFileSync(validatorFile, 'utf8')).toBe(shapeValidatorSource(expected));
  });

  it('accepts every site profile, and a sample with every kind of pool and scheduler', () => {
    for (const profile of loadProfiles(path.join(root, 'stacks', 'sites'))) {
      expect({
        site: profile.name,
        errors: validate(JSON.parse(JSON.stringify(profile))) ? [] : validate.errors,
      }).toEqual({
        site: profile.name,
        errors: [],
      });
    }
    const sample = sampleProfile({
      cpuPools: [{ name: 'cpu', nodes: { hostlist: 'c[1-2]' }, coresPerNode: 64, memoryPerNode: '512Gi' }],
      schedulers: {
        kueue: {},
        slurm: { nodes: { a100: 1 }, accounting: { host: '10.0.0.1', passwordSecret: { name: 'db' } } },
      },
    });
    expect(validate(JSON.parse(JSON.stringify(sample)))).toBe(true);
    // A JSON profile names the schema for its editor; the schema and the library both take it.
    const named = { $schema: './node_modules/cdktf-ai-factory/schema/site-profile.schema.json', ...sample };
    expect(validate(JSON.parse(JSON.stringify(named)))).toBe(true);
    expect(() => validateSite(named)).not.toThrow();
  });

  it('refuses an unknown field, a wrong type and a missing required field, at their paths', () => {
    const { name: _name, ...withoutName } = sampleProfile();
    void _name;
    const bad = {
      ...withoutName,
      nodePools: [{ ...sampleProfile().nodePools[0], gpusPerNodes: 4, gpusPerNode: 'four' }],
    };
    expect(validate(JSON.parse(JSON.stringify(bad)))).toBe(false);
    const found = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.keyword}`).sort();
    expect(found).toEqual(
      expect.arrayContaining([
        '/ required',
        '/nodePools/0 additionalProperties',
        '/nodePools/0/gpusPerNode type',
      ]),
    );
  });

  it("names for an editor what a value may be (a DNS label's pattern, a least count), which validateSite reports with its own codes", () => {
    const bad = sampleProfile({ name: 'Bologna Site' });
    const pool = { ...bad.nodePools[0], gpusPerNode: 0 };
    expect(validate(JSON.parse(JSON.stringify({ ...bad, nodePools: [pool] })))).toBe(false);
    expect((validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`).sort()).toEqual([
      '/name pattern',
      '/nodePools/0/gpusPerNode minimum',
    ]);
    expect(() => validateSite({ ...bad, nodePools: [pool] })).toThrow(
      /NAME_INVALID[\s\S]*COUNT_NOT_POSITIVE/,
    );
  });

  it('gives every default as a value of its own field, so that an editor inserts valid values', () => {
    const ajv = new Ajv({ strict: false });
    ajv.addSchema({ definitions: schema.definitions }, 'defs');
    const bad: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (node === null || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if ('default' in n) {
        const { default: value, ...sub } = n;
        const refd = JSON.parse(JSON.stringify(sub).replace(/"#\/definitions\//g, '"defs#/definitions/'));
        if (!ajv.validate(refd, value)) bad.push(`${at}: ${JSON.stringify(value)}`);
      }
      for (const [k, v] of Object.entries(n)) walk(v, `${at}/${k}`);
    };
    walk(schema.definitions, '#/definitions');
    expect(bad).toEqual([]);
    const driver = (
      schema.definitions as Record<string, { properties: Record<string, { default?: unknown }> }>
    ).RookRbdDriverSpec;
    expect(driver.properties.fsType.default).toBe('ext4');
  });

  it('keeps the descriptions and value defaults of the doc comments, not their prose', () => {
    const profile = (
      schema.definitions as Record<string, { properties: Record<string, Record<string, unknown>> }>
    ).SiteProfile;
    expect(profile.properties.podSecurityVersion.default).toBe('v1.33');
    expect(profile.properties.podSecurityVersion.description).toContain('Pod Security Standards version');
    expect(JSON.stringify(schema)).not.toMatch(/"default":"- /);
  });

  it('ships in the package', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.files).toContain('schema/');
  });
});
