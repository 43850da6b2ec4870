/**
 * The profile's shape, checked against its JSON Schema (schema/site-profile.schema.json, generated
 * from the types of ./profile.ts and shipped in the package), through ajv: arrays where arrays
 * belong, objects where objects belong, strings where strings belong, and no field the library does
 * not know. Profiles are TypeScript, but they also arrive as JavaScript or JSON, where nothing
 * checked the types: a string where a list of groups belongs would otherwise be spread into one
 * group per character, and a misspelled `slurmStatTier` would silently drop the Slurm controller's
 * volume.
 *
 * ajv's errors become coded problems, every one at once: `VALUE_INVALID` for a wrong kind or a
 * missing field, `FIELD_UNKNOWN` with a did-you-mean for an unknown one, with the profile's own
 * paths (`tenants[0].gpus`, `schedulers.slurm.nodes["a100"]`). Unions with a `kind` (storage
 * drivers, state backends) are checked against the member their kind names.
 *
 * The schema checks kinds only: values (names, enums, ranges) are the subject checks' to report,
 * with their own codes, since those checks also serve constructs used without a profile.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { didYouMean } from './did-you-mean';
import type { IssueCollector } from './errors';

export type Schema = { [key: string]: unknown };

/** The schema's file, found from this module in the sources (lib/model), dist/lib/model or build/model. */
function schemaFile(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'schema', 'site-profile.schema.json');
    if (fs.existsSync(file)) return file;
    if (path.dirname(dir) === dir)
      throw new Error(
        `schema/site-profile.schema.json not found above ${__dirname}: the package is incomplete`,
      );
  }
}

/**
 * Fields whose content a subject check owns, with a better message than a kind's: the mirror's
 * credentials (literal credentials are refused by name).
 */
const OWNED: Readonly<Record<string, readonly string[]>> = {
  ChartMirrorSpec: ['credentials'],
};

/**
 * Fields whose absence a subject check reports, with what the field is for: a storage driver's
 * parameters (`the NFS server is missing`), a Secret reference (`SECRET_REF_MISSING`: the library
 * never puts secrets into Terraform), the mirror's addresses and an accelerator model's values.
 * Their kinds are still the schema's.
 */
const MISSING_OWNED: Readonly<Record<string, readonly string[] | 'all'>> = {
  // A driver's kind: `storageTiers[].driver.kind` names the kinds there are.
  StorageDriverSpec: ['kind'],
  NfsDriverSpec: 'all',
  CephRbdDriverSpec: 'all',
  CephSecretsSpec: 'all',
  CephFsDriverSpec: 'all',
  TopoLvmDriverSpec: 'all',
  ExaScalerDriverSpec: 'all',
  StorageScaleDriverSpec: 'all',
  CustomDriverSpec: 'all',
  SecretKeySpec: 'all',
  SlurmAccountingSpec: ['passwordSecret'],
  // `the purpose is written to a label and must be a DNS label`
  StorageTierSpec: ['purpose'],
  SlurmLoginSpec: ['sssdConfSecret'],
  ChartMirrorSpec: 'all',
  ImageMirrorSpec: 'all',
  AcceleratorModel: 'all',
  MigProfile: 'all',
};

/** The subschema's own note of the required fields whose absence a subject check reports. */
const MISSING = 'x-missing-reported-by-checks';

function missingOwned(definition: string | undefined, required: readonly string[]): string[] {
  const owned = MISSING_OWNED[definition ?? ''];
  return required.filter((f) => owned === 'all' || owned?.includes(f));
}

/**
 * Kinds only: what the subject checks own is dropped, and each union becomes what ajv can report
 * on: a `oneOf` with a discriminator where every member names its `kind` (storage drivers, state
 * backends), so that only the member the kind names reports; one object with every member's
 * fields where the members are objects without a kind (a node selection by labels or by hostlist:
 * which fields go together is the pool check's to say); and as it is otherwise (`string | false`),
 * reported as one problem.
 */
export function structuralSchema(raw: Schema): Schema {
  const definitions = raw.definitions as Record<string, Schema>;
  const resolve = (s: Schema): Schema =>
    typeof s.$ref === 'string' ? definitions[s.$ref.slice('#/definitions/'.length)] : s;
  const union = (members: Schema[], definition?: string): Schema => {
    const resolved = members.map(resolve);
    const kinds = resolved.map(
      (m) => ((m.properties as Schema | undefined)?.kind as Schema | undefined)?.const,
    );
    if (kinds.every((k) => typeof k === 'string'))
      return {
        type: 'object',
        discriminator: { propertyName: 'kind' },
        properties: { kind: { type: 'string' } },
        required: ['kind'],
        [MISSING]: missingOwned(definition, ['kind']),
        oneOf: members.map((m) => walk(m)),
      };
    if (resolved.every((m) => m.type === 'object' && m.properties)) {
      const properties = Object.assign({}, ...resolved.map((m) => m.properties)) as Schema;
      return walk({ type: 'object', properties, additionalProperties: false });
    }
    return { anyOf: members.map((m) => walk(m)) };
  };
  const walk = (node: unknown, definition?: string): Schema => {
    const s = node as Schema;
    if (Array.isArray(s.anyOf)) return union(s.anyOf as Schema[], definition);
    const out: Schema = {};
    for (const [k, v] of Object.entries(s)) {
      if (DROPPED.has(k)) continue;
      if (k === 'required' && definition) {
        out[k] = v;
        out[MISSING] = missingOwned(definition, v as string[]);
      } else if (k === 'definitions')
        out[k] = Object.fromEntries(Object.entries(v as Schema).map(([n, d]) => [n, walk(d, n)]));
      else if (k === 'properties')
        out[k] = Object.fromEntries(
          Object.entries(v as Schema).map(([n, p]) => [
            n,
            OWNED[definition ?? '']?.includes(n) ? {} : walk(p),
          ]),
        );
      else if (v !== null && typeof v === 'object' && !Array.isArray(v)) out[k] = walk(v);
      else out[k] = v;
    }
    return out;
  };
  return walk(raw);
}

/**
 * Words, and what a value may be: the schema shipped for editors names the values (enums, the
 * pattern of a DNS label, a least count), and the subject checks report them, with their own codes
 * and a fix that says what the value is for.
 */
const DROPPED = new Set([
  'description',
  'default',
  'title',
  '$schema',
  'enum',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'format',
]);

let validate: ValidateFunction | undefined;
let explained: Schema | undefined;

/**
 * The validator of the profile's shape: ajv's standalone code for {@link structuralSchema},
 * generated with the schema (test/docs/schema.test.ts), loaded on first use; validating a profile
 * compiles nothing (ajv compiling the schema took 250 ms of every process that validated one).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const shapeValidator = (): ValidateFunction => (validate ??= require('./profile-shape.generated'));

/** The schema the validator checks, read only to explain a problem. */
const checkedSchema = (): Schema =>
  (explained ??= structuralSchema(JSON.parse(fs.readFileSync(schemaFile(), 'utf8')) as Schema));

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return v === undefined ? 'nothing' : typeof v;
}

const KINDS: Readonly<Record<string, [string, string]>> = {
  array: ['a list', '[...]'],
  object: ['an object', '{ ... }'],
  string: ['a string', "'text'"],
  number: ['a number', 'a number'],
  integer: ['a whole number', 'a whole number'],
  boolean: ['a boolean', 'true or false'],
};

/** What a subschema accepts, in words: `a list`, `a string or false`. */
function accepts(s: Schema): string {
  if (Array.isArray(s.anyOf)) return (s.anyOf as Schema[]).map(accepts).join(' or ');
  if ('const' in s) return JSON.stringify(s.const);
  const types = ([] as string[]).concat((s.type as string | string[] | undefined) ?? 'object');
  return types.map((t) => KINDS[t]?.[0] ?? t).join(' or ');
}

/** A way to write it: `[...]`, `'text'`. */
function example(s: Schema): string {
  if (Array.isArray(s.anyOf)) return (s.anyOf as Schema[]).map(example).join(' or ');
  if ('const' in s) return JSON.stringify(s.const);
  const type = ([] as string[]).concat((s.type as string | string[] | undefined) ?? 'object')[0];
  return KINDS[type]?.[1] ?? type;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** One step down a profile: the field's or entry's path, its subschema and its value. */
interface Place {
  readonly path: string;
  readonly schema: Schema;
  readonly value: unknown;
  /** The kind that chose the member of a union by kind (`nfs`), and the field that holds it. */
  readonly kind?: { readonly value: string; readonly field: string };
  /** Where it stands in the profile: each step's position among the fields the types declare, or in its list. */
  readonly order: readonly number[];
}

/** Follows a JSON pointer of ajv's through the profile and the schema, naming each step as the profile's paths do. */
function placeOf(root: Schema, pointer: string, profile: unknown): Place {
  const definitions = root.definitions as Record<string, Schema>;
  const resolve = (s: Schema): Schema =>
    typeof s.$ref === 'string' ? resolve(definitions[s.$ref.slice('#/definitions/'.length)]) : s;
  let place: Place = { path: '', schema: resolve(root), value: profile, order: [] };
  const member = (p: Place, field: string): Place => {
    if (!Array.isArray(p.schema.oneOf)) return p;
    const kind = (p.value as Schema | undefined)?.kind;
    const chosen = (p.schema.oneOf as Schema[])
      .map(resolve)
      .find((m) => ((m.properties as Schema).kind as Schema).const === kind);
    return chosen ? { ...p, schema: chosen, kind: { value: String(kind), field } } : p;
  };
  const segments = pointer === '' ? [] : pointer.slice(1).split('/');
  let field = '';
  for (const raw of segments) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const { path, schema, value, order } = place;
    const properties = schema.properties as Schema | undefined;
    const next = (value as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      place = {
        path: `${path}[${key}]`,
        schema: resolve(schema.items as Schema),
        value: next,
        order: [...order, Number(key)],
      };
    } else if (properties && Object.prototype.hasOwnProperty.call(properties, key)) {
      field = key;
      const at = Object.keys(properties).indexOf(key);
      place = {
        path: fieldPath(path, key),
        schema: resolve(properties[key] as Schema),
        value: next,
        order: [...order, at],
      };
    } else {
      const entry =
        typeof schema.additionalProperties === 'object' ? (schema.additionalProperties as Schema) : {};
      const at = Object.keys(value as object).indexOf(key);
      place = { path: `${path}["${key}"]`, schema: resolve(entry), value: next, order: [...order, at] };
    }
    place = member(place, field);
  }
  return member(place, field);
}

/** A field's path below `parent`: `a.b`, or `a["two words"]` for a key that is not a name. */
const fieldPath = (parent: string, key: string): string =>
  IDENTIFIER.test(key) ? (parent ? `${parent}.${key}` : key) : `${parent}[${JSON.stringify(key)}]`;

/** A problem of the profile, and where it stands in the profile (problems are reported in its order). */
interface Problem {
  readonly order: readonly number[];
  readonly code: 'VALUE_INVALID' | 'FIELD_UNKNOWN';
  readonly path: string;
  readonly value: unknown;
  readonly message: string;
  readonly fix: string;
}

/** ajv's error as the profile's problem, or nothing where another error or a subject check says it. */
function problemOf(root: Schema, profile: unknown, e: ErrorObject): Problem | undefined {
  // A union by kind reports through its member; an unknown kind is the subject check's to name.
  if (e.keyword === 'discriminator' || e.keyword === 'oneOf') return undefined;
  // The members of `string | false`: reported once, by the union.
  if (/\/anyOf\/\d+\//.test(e.schemaPath)) return undefined;
  const place = placeOf(root, e.instancePath, profile);
  if (e.keyword === 'additionalProperties') {
    const key = String(e.params.additionalProperty);
    const known = Object.keys((place.schema.properties as Schema | undefined) ?? {});
    const guess = didYouMean(key, known);
    const kind = place.kind ? ` (a '${place.kind.value}' ${place.kind.field})` : '';
    return {
      order: [...place.order, Object.keys(place.value as object).indexOf(key)],
      code: 'FIELD_UNKNOWN',
      path: fieldPath(place.path, key),
      // The field's name, never its value: a misplaced field may hold a password.
      value: key,
      message: `'${key}' is not a field here${kind}, so it would be ignored`,
      fix: guess
        ? `did you mean '${guess}'?`
        : `remove it; the fields here are: ${[...known].sort().join(', ')}`,
    };
  }
  if (e.keyword === 'required') {
    if ((place.schema[MISSING] as string[] | undefined)?.includes(e.params.missingProperty)) return undefined;
    const missing = placeOf(root, `${e.instancePath}/${String(e.params.missingProperty)}`, profile);
    const { path, schema } = missing;
    const message = `expected ${accepts(schema)}, got nothing`;
    return {
      order: missing.order,
      code: 'VALUE_INVALID',
      path,
      value: undefined,
      message,
      fix: `write ${path} as ${example(schema)}`,
    };
  }
  const path = place.path || '(profile)';
  const index = /\[(\d+)\]$/.exec(place.path);
  const parent = index ? placeOf(root, e.instancePath.replace(/\/[^/]*$/, ''), profile).value : undefined;
  if (index && Array.isArray(parent) && !(Number(index[1]) in parent)) {
    return {
      order: place.order,
      code: 'VALUE_INVALID',
      path,
      value: undefined,
      message: 'the list has a hole here (two commas with nothing between them)',
      fix: `remove the extra comma in ${path.replace(/\[\d+\]$/, '')}, or write the missing entry`,
    };
  }
  const schema = place.schema;
  return {
    order: place.order,
    code: 'VALUE_INVALID',
    path,
    value: place.value,
    message: `expected ${accepts(schema)}, got ${kindOf(place.value)}`,
    fix: `write ${path} as ${example(schema)}`,
  };
}

function byOrder(a: Problem, b: Problem): number {
  for (let i = 0; i < Math.min(a.order.length, b.order.length); i++)
    if (a.order[i] !== b.order[i]) return a.order[i] - b.order[i];
  return a.order.length - b.order.length;
}

/**
 * Reports every shape problem of a profile (`VALUE_INVALID`), then every field it does not know
 * (`FIELD_UNKNOWN`), each in the order of the profile; returns true when the shape is sound, which
 * every other check assumes. Unknown fields alone leave the shape sound: the other checks still run.
 */
export function checkSchema(c: IssueCollector, profile: unknown): boolean {
  const validate = shapeValidator();
  if (validate(profile)) return true;
  const schema = checkedSchema();
  const problems = (validate.errors ?? [])
    .map((e) => problemOf(schema, profile, e))
    .filter((p): p is Problem => p !== undefined)
    .sort(byOrder);
  const shape = problems.filter((p) => p.code === 'VALUE_INVALID');
  for (const p of [...shape, ...problems.filter((q) => q.code === 'FIELD_UNKNOWN')])
    c.add(p.code, p.path, p.value, p.message, p.fix);
  return shape.length === 0;
}
