/**
 * The e2e harness's command line (run from the build: node dist/e2e/harness/main.js <command>).
 *
 *   up      build or reuse the control plane, start it, synthesize the e2e site, create its fake
 *           nodes, deploy both stacks, and print `export KUBECONFIG=...` and `export PATH=...`
 *   deploy  synthesize the sites of --sites again (default e2e/sites) and deploy both stacks
 *   plan    print what a plan right after the deploy would change (nothing, when all is well)
 *   down    stop every process the harness started, by PID
 *
 * Options: --sites <dir> (default e2e/sites), --seed <site> (up: a profile of stacks/sites,
 * unchanged, instead of --sites), --date <YYYY-MM-DD> (default 2026-12-01, the day the
 * e2e site's allocations are judged against), --reference <dir> (default ../shared/reference or
 * $AIF_E2E_REFERENCE: the upstream CRDs and Kueue's webhook configuration).
 */
import type { Json } from './json';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ClusterState, log, readState, REPO, startControlPlane, stopControlPlane } from './cluster';
import { deployStack, planStack } from './deploy';
import { installCrds, kueueSetupOf, startKueue } from './kueue';
import { createNodes, siteNodes, startKwok, waitNodesReady } from './nodes';

export const E2E_DATE = '2026-12-01';

export interface Options {
  readonly sites: string;
  readonly date: string;
  readonly reference: string;
  /** A seed site of stacks/sites to deploy unchanged instead of --sites (up only). */
  readonly seed?: string;
}

export function options(argv: readonly string[]): Options {
  const get = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const seed = get('--seed');
  return {
    ...(seed ? { seed } : {}),
    sites: path.resolve(get('--sites') ?? path.join(REPO, 'e2e', 'sites')),
    date: get('--date') ?? E2E_DATE,
    reference: path.resolve(
      get('--reference') ?? process.env.AIF_E2E_REFERENCE ?? path.join(REPO, '..', 'shared', 'reference'),
    ),
  };
}

/** Synthesizes the profiles of a directory with the library's own CLI (aif synth). */
export function synthesize(state: ClusterState, opts: Options): string {
  const out = path.join(state.work, 'out');
  execFileSync(
    process.execPath,
    [
      path.join(REPO, 'dist', 'lib', 'cli', 'main.js'),
      'synth',
      '--sites',
      opts.sites,
      '--out',
      out,
      '--date',
      opts.date,
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return path.join(out, 'stacks');
}

function readStack(stacks: string, name: string): Record<string, Json> {
  return JSON.parse(fs.readFileSync(path.join(stacks, name, 'cdk.tf.json'), 'utf8'));
}

/** The site's stacks in deploy order (platform first), as `aif synth` names them. */
export function siteStacks(stacks: string): Array<{ site: string; platform: string; tenants: string }> {
  return fs
    .readdirSync(stacks)
    .filter((s) => s.endsWith('-platform'))
    .sort()
    .map((p) => {
      const site = p.slice(0, -'-platform'.length);
      return { site, platform: path.join(stacks, p), tenants: path.join(stacks, `${site}-tenants`) };
    });
}

/** Synthesizes and deploys every site of opts.sites, platform then tenants. */
/** Deploys one stack and says what it did. */
function deployLogged(state: ClusterState, dir: string): void {
  const r = deployStack(state, dir);
  log(
    `${path.basename(dir)}: ${r.applied} objects applied${r.deleted.length ? `, ${r.deleted.length} deleted` : ''}${r.forgotten.length ? `, ${r.forgotten.length} left in the cluster (removed blocks)` : ''}${r.skipped.length ? `; not installed here: ${r.skipped.join(', ')}` : ''}`,
  );
}

export function deploy(state: ClusterState, opts: Options): void {
  const stacks = synthesize(state, opts);
  for (const s of siteStacks(stacks)) {
    for (const dir of [s.platform, s.tenants]) deployLogged(state, dir);
  }
}

/** Seconds each step of startSite took (the deploy benchmark reports them). */
export interface SiteTimings {
  readonly synth: number;
  readonly nodes: number;
  readonly applyPlatform: number;
  readonly applyTenants: number;
}

/**
 * Brings the one site of opts.sites onto a started control plane, as an operator would: the CRDs,
 * the site's nodes (the platform stack labels and taints listed ones), the platform stack
 * (operators' namespaces, admission policies), Kueue in its namespace (for its chart), and the
 * tenants stack, whose queues Kueue's webhooks check.
 */
export async function startSite(
  state: ClusterState,
  opts: Options,
  nodesReadySeconds = 60,
): Promise<SiteTimings> {
  const timed = async (step: () => unknown): Promise<number> => {
    const t = Date.now();
    await step();
    return Math.round((Date.now() - t) / 100) / 10;
  };
  await installCrds(state, opts.reference);
  let stacks = '';
  const synth = await timed(() => (stacks = synthesize(state, opts)));
  const sites = siteStacks(stacks);
  if (sites.length !== 1)
    throw new Error(`the e2e control plane runs one site at a time; ${opts.sites} holds ${sites.length}`);
  const platform = readStack(stacks, path.basename(sites[0].platform));
  await startKwok(state);
  const nodes = await timed(async () => {
    const all = siteNodes(platform, readStack(stacks, path.basename(sites[0].tenants)));
    createNodes(state, all);
    await waitNodesReady(state, all.length, nodesReadySeconds);
  });
  const applyPlatform = await timed(() => deployLogged(state, sites[0].platform));
  await startKueue(state, kueueSetupOf(platform), opts.reference);
  const applyTenants = await timed(() => deployLogged(state, sites[0].tenants));
  return { synth, nodes, applyPlatform, applyTenants };
}

export async function up(options: Options): Promise<ClusterState> {
  const started = Date.now();
  const state = await startControlPlane();
  let opts = options;
  if (opts.seed) {
    // The seed site's profile as it ships, alone in a sites folder of the work directory.
    const sites = path.join(state.work, 'sites');
    fs.mkdirSync(sites, { recursive: true });
    fs.copyFileSync(
      path.join(REPO, 'stacks', 'sites', `${opts.seed}.ts`),
      path.join(sites, `${opts.seed}.ts`),
    );
    opts = { ...opts, sites };
  }
  fs.writeFileSync(path.join(state.work, 'sites-dir'), opts.sites);
  try {
    await startSite(state, opts);
  } catch (e) {
    await stopControlPlane(state.work);
    throw e;
  }
  log(`up in ${((Date.now() - started) / 1000).toFixed(1)} s; logs in ${path.join(state.work, 'logs')}`);
  return state;
}

async function main(argv: string[]): Promise<void> {
  const [command] = argv;
  const opts = options(argv.slice(1));
  if (command === 'up') {
    const state = await up(opts);
    process.stdout.write(`export KUBECONFIG=${state.kubeconfig}\nexport PATH=${state.bin}:$PATH\n`);
  } else if (command === 'down') {
    const stopped = await stopControlPlane();
    log(stopped.length ? `stopped ${stopped.join(', ')}` : 'nothing was running');
  } else if (command === 'deploy' || command === 'plan') {
    const state = readState();
    if (!state) throw new Error('no control plane is running: npm run e2e:up first');
    const sites = fs.readFileSync(path.join(state.work, 'sites-dir'), 'utf8');
    if (command === 'deploy') deploy(state, argv.includes('--sites') ? opts : { ...opts, sites });
    else {
      for (const s of siteStacks(path.join(state.work, 'out', 'stacks'))) {
        for (const dir of [s.platform, s.tenants]) process.stdout.write(planStack(state, dir));
      }
    }
  } else {
    process.stderr.write(
      'usage: main.js up|deploy|plan|down [--sites <dir> | --seed <site>] [--date <YYYY-MM-DD>] [--reference <dir>]\n',
    );
    process.exitCode = 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`e2e: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
