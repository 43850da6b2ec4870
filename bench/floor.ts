/**
 * The floor: bare cdktf re-creating exactly the resources of a synthesized `cdktf.out/`, with no
 * library code in between. Two variants:
 *
 * - `typed`: each resource through its typed provider class, imported from its own module
 *   (`@cdktf/provider-kubernetes/lib/namespace-v1`), with the JSON's snake_case keys mapped back to
 *   the class's camelCase props. The mapping is generic: every key that looks like a Terraform
 *   attribute name (`[a-z][a-z0-9_]*`) is camel-cased, other keys (label keys like
 *   `ai-factory.eu/site`, quota names like `requests.cpu`) are map keys and kept. Providers are the
 *   typed provider classes too.
 * - `plain`: each resource as a plain `TerraformResource` whose attributes are the JSON as it stands,
 *   providers as plain `TerraformProvider`s.
 *
 * Both keep the addresses (logical ids), `depends_on`, `lifecycle`, outputs and the backend. The
 * benchmark checks that the re-emitted `resource` sections equal the original.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- typed classes are loaded by resource type, from their own modules */
import {
  App,
  TerraformBackend,
  TerraformOutput,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
} from 'cdktf';
import type { Construct } from 'constructs';

type Json = Record<string, unknown>;

const META = new Set(['//', 'depends_on', 'lifecycle', 'provider', 'count', 'for_each']);

function camel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Attribute names to camelCase, recursively; map keys (anything else) kept. */
export function toProps(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toProps);
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value as Json)) {
    out[/^[a-z][a-z0-9_]*$/.test(k) ? camel(k) : k] = toProps(v);
  }
  return out;
}

class PlainResource extends TerraformResource {
  constructor(
    scope: Construct,
    id: string,
    type: string,
    private readonly attributes: Json,
    meta: Json,
  ) {
    super(scope, id, { terraformResourceType: type, ...meta });
  }
  protected override synthesizeAttributes(): Json {
    return this.attributes;
  }
}

class PlainProvider extends TerraformProvider {
  constructor(
    scope: Construct,
    type: string,
    private readonly attributes: Json,
    version: string,
  ) {
    super(scope, type, {
      terraformResourceType: type,
      terraformGeneratorMetadata: { providerName: type, providerVersion: version },
      terraformProviderSource: type,
    });
  }
  protected override synthesizeAttributes(): Json {
    return this.attributes;
  }
}

class PlainBackend extends TerraformBackend {
  constructor(
    scope: Construct,
    name: string,
    private readonly attributes: Json,
  ) {
    super(scope, 'backend', name);
  }
  protected override synthesizeAttributes(): Json {
    return this.attributes;
  }
  public getRemoteStateDataSource(): never {
    throw new Error('the floor has no cross-stack references');
  }
}

type Ctor = new (scope: Construct, id: string, config: unknown) => TerraformResource;
const classes = new Map<string, Ctor>();

/** The typed class of a resource type, from its own module. */
function typedClass(type: string): Ctor {
  const known = classes.get(type);
  if (known) return known;
  const [provider, ...rest] = type.split('_');
  const mod = require(`@cdktf/provider-${provider}/lib/${rest.join('-')}`) as Record<string, unknown>;
  const ctor = Object.values(mod).find(
    (v) => typeof v === 'function' && (v as { tfResourceType?: string }).tfResourceType === type,
  ) as Ctor | undefined;
  if (!ctor) throw new Error(`no typed class for ${type}`);
  classes.set(type, ctor);
  return ctor;
}

function typedProvider(type: string): Ctor {
  const mod = require(`@cdktf/provider-${type}/lib/provider`) as Record<string, unknown>;
  const ctor = Object.values(mod).find(
    (v) => typeof v === 'function' && (v as { tfResourceType?: string }).tfResourceType === type,
  ) as Ctor | undefined;
  if (!ctor) throw new Error(`no typed provider for ${type}`);
  return ctor;
}

function meta(r: Json): Json {
  const out: Json = {};
  if (Array.isArray(r.depends_on)) out.dependsOn = (r.depends_on as string[]).map((fqn) => ({ fqn }));
  if (r.lifecycle) out.lifecycle = toProps(r.lifecycle);
  return out;
}

export function reemit(
  stacks: ReadonlyArray<{ name: string; json: Json }>,
  outdir: string,
  mode: 'typed' | 'plain',
): void {
  const app = new App({ outdir, stackTraces: false });
  for (const { name, json } of stacks) {
    const stack = new TerraformStack(app, name);
    const tf = (json.terraform ?? {}) as Json;
    const required = (tf.required_providers ?? {}) as Record<string, { version: string }>;
    for (const [type, configs] of Object.entries((json.provider ?? {}) as Record<string, Json[]>)) {
      for (const config of configs) {
        if (mode === 'typed') new (typedProvider(type))(stack, type, toProps(config));
        else new PlainProvider(stack, type, config, required[type]?.version ?? '');
      }
    }
    for (const [backend, config] of Object.entries((tf.backend ?? {}) as Record<string, Json>)) {
      new PlainBackend(stack, backend, config);
    }
    for (const [type, byName] of Object.entries(
      (json.resource ?? {}) as Record<string, Record<string, Json>>,
    )) {
      for (const [id, r] of Object.entries(byName)) {
        const attributes: Json = {};
        for (const [k, v] of Object.entries(r)) if (!META.has(k)) attributes[k] = v;
        const res =
          mode === 'typed'
            ? new (typedClass(type))(stack, id, { ...(toProps(attributes) as Json), ...meta(r) })
            : new PlainResource(stack, id, type, attributes, meta(r));
        res.overrideLogicalId(id);
      }
    }
    for (const [id, o] of Object.entries((json.output ?? {}) as Record<string, Json>)) {
      const out = new TerraformOutput(stack, id, {
        value: o.value,
        ...(o.description ? { description: o.description as string } : {}),
        ...(o.sensitive ? { sensitive: true } : {}),
      });
      out.overrideLogicalId(id);
    }
  }
  app.synth();
}
