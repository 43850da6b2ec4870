/**
 * `npm run bench -- --deploy` (or node dist/e2e/harness/bench.js): the cost of deploying at the real
 * limit, on the test control plane. Each case starts a fresh control plane with a generated profile
 * (bench/profiles.ts) on as many fake nodes as it has, and times the deploy of both stacks and the
 * plan right after: a listed pool of 3,456 nodes (a Leonardo Booster, labelled and tainted node by
 * node) against a label-selected pool of the same size, and a site of 1,000 tenants.
 *
 * The deploy here is server-side apply of the stacks' objects (docs/e2e.md): the API server's own
 * floor for these objects. Terraform with the kubernetes provider would add its plan and refresh
 * (one read per resource) on top; that provider cannot be had here, so those figures are not
 * measured (docs/performance.md).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generatedProfile, type GeneratedProfileOptions } from '../../bench/profiles';
import { kubectl, REPO, startControlPlane, stopControlPlane } from './cluster';
import { planStack, readRecord } from './deploy';
import { options, siteStacks, startSite } from './main';

interface Case {
  readonly name: string;
  readonly profile: GeneratedProfileOptions;
}

const CASES: readonly Case[] = [
  {
    name: 'listed pool, 3,456 nodes',
    profile: { tenants: 10, scheduler: 'kueue', bigPool: { nodes: 3456, listed: true } },
  },
  {
    name: 'label-selected pool, 3,456 nodes',
    profile: { tenants: 10, scheduler: 'kueue', bigPool: { nodes: 3456, listed: false } },
  },
  { name: '1,000 tenants', profile: { tenants: 1000, scheduler: 'kueue' } },
];

export interface DeployFigures {
  readonly case: string;
  readonly nodes: number;
  readonly objects: { readonly platform: number; readonly tenants: number };
  /** Seconds. */
  readonly synth: number;
  readonly applyPlatform: number;
  readonly applyTenants: number;
  readonly planPlatform: number;
  readonly planTenants: number;
}

const seconds = (t: number): number => Math.round((performance.now() - t) / 100) / 10;

async function runCase(c: Case): Promise<DeployFigures> {
  const state = await startControlPlane();
  try {
    const sites = path.join(state.work, 'sites');
    fs.mkdirSync(sites, { recursive: true });
    fs.writeFileSync(
      path.join(sites, 'bench.ts'),
      `export const profile = ${JSON.stringify(generatedProfile(c.profile))};\n`,
    );
    // The generated allocations run through 2026 (bench/profiles.ts).
    const opts = options(['--sites', sites, '--date', '2026-01-15']);
    // The same steps as npm run e2e:up, timed; the nodes of a big pool take minutes to be Ready.
    const times = await startSite(state, opts, 600);
    const [site] = siteStacks(path.join(state.work, 'out', 'stacks'));
    const objects = (stack: string): number => readRecord(state, path.basename(stack)).length;
    const nodes = (JSON.parse(kubectl(state, ['get', 'nodes', '-o', 'json'])) as { items: unknown[] }).items
      .length;
    let t = performance.now();
    const planP = planStack(state, site.platform);
    const planPlatform = seconds(t);
    t = performance.now();
    const planT = planStack(state, site.tenants);
    const planTenants = seconds(t);
    if (planP !== '' || planT !== '') throw new Error(`${c.name}: the plan after the apply is not empty`);
    return {
      case: c.name,
      nodes,
      objects: { platform: objects(site.platform), tenants: objects(site.tenants) },
      synth: times.synth,
      applyPlatform: times.applyPlatform,
      applyTenants: times.applyTenants,
      planPlatform,
      planTenants,
    };
  } finally {
    await stopControlPlane(state.work);
  }
}

export function renderFigures(rows: readonly DeployFigures[]): string {
  const lines = [
    '| case | fake nodes | objects (platform + tenants) | synth s | apply platform s | apply tenants s | plan platform s | plan tenants s |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.case} | ${r.nodes} | ${r.objects.platform} + ${r.objects.tenants} | ${r.synth} | ${r.applyPlatform} | ${r.applyTenants} | ${r.planPlatform} | ${r.planTenants} |`,
    ),
  ];
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const rows: DeployFigures[] = [];
  for (const c of CASES) {
    process.stderr.write(`bench --deploy: ${c.name}\n`);
    rows.push(await runCase(c));
  }
  const dir = path.join(REPO, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'deploy.json'),
    JSON.stringify({ date: new Date().toISOString(), rows }, null, 2) + '\n',
  );
  fs.writeFileSync(path.join(dir, 'deploy.md'), renderFigures(rows));
  process.stdout.write(renderFigures(rows));
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`bench --deploy: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
