/**
 * One measurement, in its own process: `node dist/bench/child.js <kind> <json args>`. Prints one
 * JSON line: times in ms, peak RSS, resource counts. The parent (bench/run.ts) takes medians.
 *
 * Kinds:
 * - `lib`: the library synthesizes profiles (the fleet in stacks/sites, or a generated profile)
 *   through `synthesizeSites`, the entry point `npm run synth` uses;
 * - `floor-typed`, `floor-plain`: bare cdktf re-creates the resources of a synthesized `cdktf.out/`
 *   (see bench/floor.ts);
 * - `import`: the cost of loading a module.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- modules load inside the measured process, after the instrumentation and outside the timed section */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';

interface Args {
  /** `fleet`, or generated profile options. */
  profile?:
    'fleet' | { tenants: number; scheduler: 'kueue' | 'slurm'; bigPool?: { nodes: number; listed: boolean } };
  /** For floors: the synthesized output to re-emit, and which stacks (all by default). */
  from?: string;
  stacks?: 'all' | 'tenants';
  /** Keep the output here (for the floors to read), else a temporary directory. */
  keep?: string;
  module?: string;
  /** Floors only: skip cdktf's creation traces as the library does (withoutCreationStackTraces). */
  noTraces?: boolean;
}

/** A point in time: wall clock and this process's CPU time (all threads), both in ms. */
interface Mark {
  readonly wall: number;
  readonly cpu: number;
}

function now(): Mark {
  const c = process.cpuUsage();
  return { wall: performance.now(), cpu: (c.user + c.system) / 1000 };
}

interface Marks {
  /** When each tenants stack is made to depend on its platform stack, right before its tenants. */
  readonly tenantStart: Mark[];
  /** When `app.synth()` begins: construction is over. */
  synthStart?: Mark;
  /** Per stack: `prepareStack` plus the stack synthesizer (aspects, validation, JSON, file). */
  readonly perStack: Map<string, Mark>;
}

/** Marks the phases of a synthesis by wrapping cdktf's methods (in this process only). */
function instrument(cdktf: typeof import('cdktf')): Marks {
  const marks: Marks = { tenantStart: [], perStack: new Map() };
  const add = (stack: string, from: Mark) => {
    const to = now();
    const prev = marks.perStack.get(stack) ?? { wall: 0, cpu: 0 };
    marks.perStack.set(stack, { wall: prev.wall + to.wall - from.wall, cpu: prev.cpu + to.cpu - from.cpu });
  };
  const stackProto = cdktf.TerraformStack.prototype;
  const prepare = stackProto.prepareStack;
  stackProto.prepareStack = function (this: InstanceType<typeof cdktf.TerraformStack>) {
    const from = now();
    prepare.call(this);
    add(this.node.id, from);
  };
  // AiFactorySite makes the tenants stack depend on the platform stack right before its tenants.
  const addDependency = stackProto.addDependency;
  stackProto.addDependency = function (this: InstanceType<typeof cdktf.TerraformStack>, d) {
    marks.tenantStart.push(now());
    return addDependency.call(this, d);
  };
  const appSynth = cdktf.App.prototype.synth;
  cdktf.App.prototype.synth = function (this: InstanceType<typeof cdktf.App>) {
    marks.synthStart ??= now();
    return appSynth.call(this);
  };
  const { StackSynthesizer } = require('cdktf/lib/synthesize/synthesizer') as {
    StackSynthesizer: { prototype: { synthesize(session: unknown): void; stack: { node: { id: string } } } };
  };
  const synthesize = StackSynthesizer.prototype.synthesize;
  StackSynthesizer.prototype.synthesize = function (
    this: { stack: { node: { id: string } } },
    session: unknown,
  ) {
    const from = now();
    synthesize.call(this, session);
    add(this.stack.node.id, from);
  };
  return marks;
}

function countResources(dir: string): { resources: number; perStack: Record<string, number> } {
  const perStack: Record<string, number> = {};
  let resources = 0;
  for (const s of fs.readdirSync(path.join(dir, 'stacks'))) {
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'stacks', s, 'cdk.tf.json'), 'utf8'));
    const n = Object.values((json.resource ?? {}) as Record<string, object>).reduce(
      (sum, byName) => sum + Object.keys(byName).length,
      0,
    );
    perStack[s] = n;
    resources += n;
  }
  return { resources, perStack };
}

function main(): void {
  const [kind, raw] = process.argv.slice(2);
  const args = JSON.parse(raw ?? '{}') as Args;
  const outdir = args.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'aif-bench-'));
  const result: Record<string, unknown> = { kind };
  if (kind === 'import') {
    const t = now();
    for (const m of (args.module ?? '').split(',')) require(m);
    const t1 = now();
    result.ms = t1.wall - t.wall;
    result.cpuMs = t1.cpu - t.cpu;
  } else if (kind === 'lib') {
    const cdktf = require('cdktf') as typeof import('cdktf');
    const { synthesizeSites, loadProfiles } =
      require('../lib/cli/synth') as typeof import('../lib/cli/synth');
    const { generatedProfile } = require('./profiles') as typeof import('./profiles');
    const marks = instrument(cdktf);
    const profiles =
      args.profile === 'fleet' || args.profile === undefined
        ? // The profiles' sources (dist/bench/ -> the project root): stacks/sites is not compiled,
          // and a dist/ left from an older build may hold stale copies.
          loadProfiles(path.join(__dirname, '..', '..', 'stacks', 'sites'))
        : [generatedProfile(args.profile)];
    const t0 = now();
    const r = synthesizeSites(profiles, outdir);
    const t1 = now();
    if (!r.ok) throw new Error(r.problems.join('\n'));
    result.tenants = profiles.reduce((n, p) => n + p.tenants.length, 0);
    result.nodes = profiles.reduce(
      (n, p) => n + p.nodePools.reduce((m, pool) => m + ('count' in pool.nodes ? pool.nodes.count : 0), 0),
      0,
    );
    phases(result, marks, t0, t1);
  } else if (kind === 'floor-typed' || kind === 'floor-plain') {
    const cdktf = require('cdktf') as typeof import('cdktf');
    const { reemit } = require('./floor') as typeof import('./floor');
    const marks = instrument(cdktf);
    const stacks = fs
      .readdirSync(path.join(args.from as string, 'stacks'))
      .filter((s) => args.stacks !== 'tenants' || s.endsWith('-tenants'))
      .sort()
      .map((s) => ({
        name: s,
        json: JSON.parse(fs.readFileSync(path.join(args.from as string, 'stacks', s, 'cdk.tf.json'), 'utf8')),
      }));
    const { withoutCreationStackTraces } =
      require('../lib/platform/stack-traces') as typeof import('../lib/platform/stack-traces');
    const t0 = now();
    const run = () => reemit(stacks, outdir, kind === 'floor-typed' ? 'typed' : 'plain');
    if (args.noTraces) withoutCreationStackTraces(run);
    else run();
    phases(result, marks, t0, now());
  } else {
    throw new Error(`unknown kind ${kind}`);
  }
  if (kind !== 'import') Object.assign(result, countResources(outdir));
  if (!args.keep && kind !== 'import') fs.rmSync(outdir, { recursive: true, force: true });
  const usage = process.resourceUsage();
  result.maxRssKiB = usage.maxRSS;
  // The whole process, imports and all, in CPU time (the parent measures its wall time).
  result.processCpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/**
 * Times of the whole synthesis and of the tenants stacks alone, in wall and CPU ms: for the tenants,
 * from the first tenants stack's start (a floor: from the start) to the end of construction, plus
 * the tenants stacks' preparation and synthesis. The same definition for library and floors.
 */
function phases(result: Record<string, unknown>, marks: Marks, t0: Mark, t1: Mark): void {
  for (const k of ['wall', 'cpu'] as const) {
    const suffix = k === 'wall' ? 'Ms' : 'CpuMs';
    result[`synth${suffix}`] = t1[k] - t0[k];
    const end = marks.synthStart ?? t1;
    const start = marks.tenantStart.length > 0 ? marks.tenantStart[0] : t0;
    const tenantStacks = [...marks.perStack.entries()].filter(([id]) => id.endsWith('-tenants'));
    result[`tenants${suffix}`] = end[k] - start[k] + tenantStacks.reduce((sum, [, m]) => sum + m[k], 0);
  }
  result.ms = result.synthMs;
}

main();
