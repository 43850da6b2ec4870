import * as fs from 'fs';
import { App, Testing, TerraformStack } from 'cdktf';
import { main } from '../lib/cli/main';
import type { Construct } from 'constructs';
import type { SiteProfile } from '../lib/model';
import { SiteScope } from '../lib/tenancy/site-scope';

/** The synthesized Terraform JSON of one stack, parsed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TfJson = Record<string, any>;

export function synth(stack: TerraformStack): TfJson {
  return JSON.parse(Testing.synth(stack)) as TfJson;
}

/** A fresh stack for construct tests, with stack traces off so output is stable. */
export function testStack(id = 'test'): TerraformStack {
  const app = Testing.app({ stackTraces: false });
  return new TerraformStack(app, id);
}

/** The site scope `name` of the stack that holds `scope` (with its guard rails): made once per stack. */
export function siteScope(scope: Construct, name = 'lab'): SiteScope {
  const stack = TerraformStack.of(scope);
  const id = `site-${name}`;
  return (stack.node.tryFindChild(id) as SiteScope | undefined) ?? new SiteScope(stack, id, { name });
}

export function testApp(): App {
  return Testing.app({ stackTraces: false });
}

/** Resources of one type, keyed by address name. */
export function resources(json: TfJson, type: string): Record<string, TfJson> {
  return (json.resource?.[type] ?? {}) as Record<string, TfJson>;
}

/** The resources of a type whose `metadata.name` (and namespace, if given) match. */
export function byMetadataName(json: TfJson, type: string, name: string, namespaceRef?: string): TfJson[] {
  return Object.values(resources(json, type)).filter(
    (r) =>
      r.metadata?.name === name &&
      (namespaceRef === undefined || String(r.metadata?.namespace).includes(namespaceRef)),
  );
}

/** Exactly one resource of a type by metadata name; fails the test otherwise. */
export function one(json: TfJson, type: string, name: string, namespaceRef?: string): TfJson {
  const found = byMetadataName(json, type, name, namespaceRef);
  if (found.length !== 1) throw new Error(`expected one ${type} named ${name}, found ${found.length}`);
  return found[0];
}

/** Parsed Helm values of the release of a chart. */
export function helmValues(json: TfJson, chart: string): TfJson {
  const rel = Object.values(resources(json, 'helm_release')).find((r) => r.chart === chart);
  if (!rel) throw new Error(`no helm_release of chart ${chart}`);
  return JSON.parse(rel.values[0]) as TfJson;
}

/** A small valid profile that tests vary. */
export function sampleProfile(overrides: Partial<SiteProfile> = {}): SiteProfile {
  return {
    name: 'testsite',
    displayName: 'Test site',
    kubernetes: { configPath: '~/.kube/config', context: 'test' },
    nodePools: [
      {
        name: 'a100',
        accelerator: 'nvidia-a100-80gb',
        gpusPerNode: 4,
        nodes: { hostlist: 'gpu[01-04]' },
      },
      {
        name: 'mig',
        accelerator: 'nvidia-h100-80gb',
        gpusPerNode: 8,
        nodes: { labels: { 'example.org/partition': 'mig' }, count: 2 },
        mig: { profiles: { '3g.40gb': 1, '1g.10gb': 4 } },
      },
    ],
    tenants: [
      {
        name: 'alpha',
        accessMode: 'fast-lane',
        allocation: { projectId: 'EHPC-AIF-2026FL01-0001', start: '2026-01-01', end: '2026-03-31' },
        gpus: [{ pool: 'a100', count: 8 }],
        groups: { admins: ['idp:alpha-admins'], members: ['idp:alpha-users'] },
      },
      {
        name: 'beta',
        accessMode: 'playground',
        allocation: { projectId: 'EHPC-AIF-2026PG01-0002', start: '2026-01-01', end: '2026-02-28' },
        gpus: [{ pool: 'mig', count: 16, migProfile: '1g.10gb' }],
        groups: { admins: ['idp:beta-admins'] },
      },
    ],
    // A Slurm site names its API server's addresses (SLURM_ADDRESSES_REQUIRED).
    ...(overrides.schedulers?.slurm ? { network: { apiServerCidrs: ['10.0.0.10/32'] } } : {}),
    ...overrides,
  };
}

/**
 * Whether tests that need the upstream reference at `dir` run: when it exists, and always in CI
 * (`CI` set), where the reference is part of the setup and a missing one must fail, not skip.
 */
export function runsWithReference(dir: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return fs.existsSync(dir) || (Boolean(env.CI) && env.CI !== 'false');
}

/** Runs `aif` capturing what it prints. */
export async function aif(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  try {
    return { code: await main(argv), out: out.join(''), err: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
