import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { createGenerator } from 'ts-json-schema-generator';
import { loadProfiles } from '../../lib/cli/profiles';
import { validateSite } from '../../lib/model';
import { sampleProfile } from '../helpers';

// The JSON Schema of a site profile, generated from the TypeScript types and their doc comments
// (lib/model/profile.ts), shipped in the package (schema/site-profile.schema.json) so that editors
// complete and check profiles written as JSON or YAML. Kept up to date as docs/errors.md is:
// AIF_UPDATE_SCHEMA=1 writes it.

const root = path.join(__dirname, '..', '..');
const file = path.join(root, 'schema', 'site-profile.schema.json');

/** Drops the doc comments' prose defaults (`@default - none: ...`), which are no values. */
function withoutProseDefaults(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutProseDefaults);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'default' && typeof v === 'string' && v.startsWith('- ')) continue;
    out[k] = withoutProseDefaults(v);
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
    ...(withoutProseDefaults(schema) as Record<string, unknown>),
    $id: 'https://ai-factory.eu/schema/site-profile.schema.json',
    title: 'cdktf-ai-factory site profile',
  };
}

describe('schema/site-profile.schema.json', () => {
  const expected = `${JSON.stringify(generate(), null, 2)}\n`;
  if (process.env.AIF_UPDATE_SCHEMA) fs.writeFileSync(file, expected);
  const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

  it('is generated from the profile types (AIF_UPDATE_SCHEMA=1 writes it)', () => {
    expect(fs.readFileSync(file, 'utf8')).toBe(expected);
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
