/**
 * `npm run bench`: synthesis cost of the library against bare cdktf re-emitting the same output,
 * its scaling with tenants and nodes, memory, import cost and the test suite's wall time. Every
 * figure is a median over several child processes (bench/child.ts), and every ratio compares
 * figures measured in this run, interleaved, so that load from other processes hits both sides.
 *
 * Options: `--skip-tests` (no `npx jest`), `--reps N` (repetitions of the small cases; the large
 * ones run about half as often). Writes bench/results/latest.json and latest.md.
 *
 * `--deploy` measures deploys instead, on the e2e control plane (e2e/harness/bench.ts: a listed
 * against a label-selected pool of 3,456 nodes, and 1,000 tenants; needs Go for its first build).
 * Writes bench/results/deploy.json and deploy.md.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';

type Sample = Record<string, number | string | Record<string, number>>;

const ROOT = path.join(__dirname, '..', '..');
const CHILD = path.join(__dirname, 'child.js');
const argv = process.argv.slice(2);
const skipTests = argv.includes('--skip-tests');
const repsArg = argv.indexOf('--reps');
const REPS = repsArg >= 0 ? Math.max(1, Number(argv[repsArg + 1])) : 3;
const BIG_REPS = Math.max(1, Math.ceil(REPS / 2));
/**
 * CPU time (user + system, all threads of the child) by default: on cores shared with other work it
 * varies far less than wall time, which also counts the time spent waiting for a core. `--wall`
 * uses wall time instead. Both are kept in latest.json.
 */
const CPU = !argv.includes('--wall');
const SYNTH = CPU ? 'synthCpuMs' : 'synthMs';
const TENANTS = CPU ? 'tenantsCpuMs' : 'tenantsMs';
const IMPORT = CPU ? 'cpuMs' : 'ms';

function child(kind: string, args: object): Sample {
  const t = performance.now();
  const r = spawnSync(process.execPath, [CHILD, kind, JSON.stringify(args)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const wallMs = performance.now() - t;
  if (r.status !== 0) throw new Error(`bench child ${kind} ${JSON.stringify(args)} failed:\n${r.stderr}`);
  const sample = JSON.parse(r.stdout.trim().split('\n').pop() as string) as Sample;
  sample.wallMs = wallMs;
  return sample;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs each case `reps` times, interleaved (a, b, c, a, b, c, ...); returns the samples per case. */
function interleaved(cases: Record<string, () => Sample>, reps: number): Record<string, Sample[]> {
  const out: Record<string, Sample[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let i = 0; i < reps; i++) {
    for (const [name, run] of Object.entries(cases)) {
      out[name].push(run());
      process.stderr.write('.');
    }
  }
  return out;
}

const med = (samples: Sample[], key: string): number => median(samples.map((s) => Number(s[key])));

interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** `<= 1.25` and the like; none for figures reported for information. */
  readonly target?: { readonly op: '<=' | '<'; readonly limit: number };
  readonly note?: string;
}

function main(): void {
  const started = new Date();
  const load0 = os.loadavg();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-bench-run-'));
  const figures: Figure[] = [];
  const raw: Record<string, unknown> = {};
  const log = (s: string) => process.stderr.write(`\n${s} `);

  // 1. The fleet against the floor ----------------------------------------------------------------
  log('fleet');
  const fleetOut = path.join(tmp, 'fleet');
  child('lib', { profile: 'fleet', keep: fleetOut });
  const fleet = interleaved(
    {
      lib: () => child('lib', { profile: 'fleet' }),
      typed: () => child('floor-typed', { from: fleetOut }),
      plain: () => child('floor-plain', { from: fleetOut }),
      typedNoTraces: () => child('floor-typed', { from: fleetOut, noTraces: true }),
    },
    REPS,
  );
  raw.fleet = fleet;
  figures.push(
    {
      name: 'Fleet synthesis / typed floor',
      value: med(fleet.lib, SYNTH) / med(fleet.typed, SYNTH),
      unit: 'x',
      target: { op: '<=', limit: 1.25 },
      note: `${fmt(med(fleet.lib, SYNTH))} ms vs ${fmt(med(fleet.typed, SYNTH))} ms`,
    },
    {
      name: 'Fleet synthesis / plain floor',
      value: med(fleet.lib, SYNTH) / med(fleet.plain, SYNTH),
      unit: 'x',
      note: `plain TerraformResource: ${fmt(med(fleet.plain, SYNTH))} ms`,
    },
    {
      name: 'Fleet synthesis / typed floor without creation traces',
      value: med(fleet.lib, SYNTH) / med(fleet.typedNoTraces, SYNTH),
      unit: 'x',
      note: 'the floor given the same trace skip as the library (withoutCreationStackTraces)',
    },
  );

  // 2. 1,000 tenants against the floor, whole stacks and the tenants stack --------------------------
  log('1000 tenants vs floor');
  const k1000 = { tenants: 1000, scheduler: 'kueue' };
  const genOut = path.join(tmp, 'gen1000');
  child('lib', { profile: k1000, keep: genOut });
  const gen = interleaved(
    {
      lib: () => child('lib', { profile: k1000 }),
      plain: () => child('floor-plain', { from: genOut }),
      typedTenants: () => child('floor-typed', { from: genOut, stacks: 'tenants' }),
      typedTenantsNoTraces: () => child('floor-typed', { from: genOut, stacks: 'tenants', noTraces: true }),
    },
    BIG_REPS,
  );
  raw.gen1000 = gen;
  figures.push(
    {
      name: 'Tenants stack (1,000 tenants) / typed floor',
      value: med(gen.lib, TENANTS) / med(gen.typedTenants, TENANTS),
      unit: 'x',
      target: { op: '<=', limit: 1.35 },
      note: `${fmt(med(gen.lib, TENANTS))} ms vs ${fmt(med(gen.typedTenants, TENANTS))} ms (construction + toTerraform)`,
    },
    {
      name: 'Tenants stack (1,000 tenants) / typed floor without creation traces',
      value: med(gen.lib, TENANTS) / med(gen.typedTenantsNoTraces, TENANTS),
      unit: 'x',
      note: `${fmt(med(gen.typedTenantsNoTraces, TENANTS))} ms: the floor given the library's trace skip; the rest is the library's own work`,
    },
    // The same two processes by both methods: the CPU time the child reports at its end (all its
    // threads), and the wall time from spawn to exit as measured from outside, which counts start-up,
    // exit and any wait for a core. Both must hold; latest.json keeps every sample of both.
    {
      name: 'Whole process, 1,000 tenants / process re-emitting through plain TerraformResource (CPU)',
      value: med(gen.lib, 'processCpuMs') / med(gen.plain, 'processCpuMs'),
      unit: 'x',
      target: { op: '<=', limit: 1.3 },
      note: `${fmt(med(gen.lib, 'processCpuMs'))} ms vs ${fmt(med(gen.plain, 'processCpuMs'))} ms of CPU, imports included`,
    },
    {
      name: 'Whole process, 1,000 tenants / process re-emitting through plain TerraformResource (wall, from outside)',
      value: med(gen.lib, 'wallMs') / med(gen.plain, 'wallMs'),
      unit: 'x',
      target: { op: '<=', limit: 1.3 },
      note: `${fmt(med(gen.lib, 'wallMs'))} ms vs ${fmt(med(gen.plain, 'wallMs'))} ms from spawn to exit`,
    },
  );

  // 3. Scaling with tenants, Kueue and Slurm --------------------------------------------------------
  for (const scheduler of ['kueue', 'slurm'] as const) {
    log(`scaling ${scheduler}`);
    const p = (tenants: number) => ({ tenants, scheduler });
    const small = interleaved(
      { t100: () => child('lib', { profile: p(100) }), t1000: () => child('lib', { profile: p(1000) }) },
      BIG_REPS,
    );
    // 3,000 tenants with Slurm runs once: the run stays near 6 minutes on an idle 2-core machine.
    const large = interleaved(
      { t3000: () => child('lib', { profile: p(3000) }) },
      scheduler === 'kueue' ? BIG_REPS : 1,
    );
    raw[`scaling-${scheduler}`] = { ...small, ...large };
    const [t100, t1000, t3000] = [med(small.t100, SYNTH), med(small.t1000, SYNTH), med(large.t3000, SYNTH)];
    figures.push(
      {
        name: `time(1,000) / time(100), ${scheduler}`,
        value: t1000 / t100,
        unit: 'x',
        target: { op: '<=', limit: 10 },
        note: `${fmt(t1000)} ms / ${fmt(t100)} ms`,
      },
      {
        name: `time(3,000) / time(1,000), ${scheduler}`,
        value: t3000 / t1000,
        unit: 'x',
        target: { op: '<=', limit: 3.3 },
        note: `${fmt(t3000)} ms / ${fmt(t1000)} ms`,
      },
    );
    if (scheduler === 'kueue') {
      const rss = med(large.t3000, 'maxRssKiB') / 1024;
      figures.push(
        {
          name: 'Peak memory per tenant at 3,000 tenants',
          value: rss / 3000,
          unit: 'MiB',
          target: { op: '<=', limit: 0.35 },
          note: `maxRSS ${fmt(rss)} MiB; marginal ${fmt(((rss - med(small.t100, 'maxRssKiB') / 1024) / 2900) * 1000)} KiB per tenant from 100 to 3,000`,
        },
        {
          name: 'Resources per tenant',
          value: tenantResources(small.t1000[0]) / 1000,
          unit: '',
          target: { op: '<=', limit: 15 },
          note: 'tenants stack at 1,000 tenants, Kueue',
        },
      );
    }
  }

  // 4. Big pools: listed (labels and taints per node) against label-selected -----------------------
  log('big pools');
  const big = (nodes: number, listed: boolean) => ({
    tenants: 1000,
    scheduler: 'kueue',
    bigPool: { nodes, listed },
  });
  const pools = interleaved(
    {
      listed3456: () => child('lib', { profile: big(3456, true) }),
      listed20000: () => child('lib', { profile: big(20000, true) }),
      labels20000: () => child('lib', { profile: big(20000, false) }),
    },
    BIG_REPS,
  );
  raw.pools = pools;
  const platform = (s: Sample) => (s.perStack as Record<string, number>)['bench-platform'];
  figures.push(
    {
      name: 'Cost per tenant, listed pool of 20,000 nodes / label-selected pool of 20,000',
      value: med(pools.listed20000, TENANTS) / med(pools.labels20000, TENANTS),
      unit: 'x',
      target: { op: '<=', limit: 1.2 },
      note: `${fmt(med(pools.listed20000, TENANTS))} ms vs ${fmt(med(pools.labels20000, TENANTS))} ms for 1,000 tenants; whole synthesis ${fmt(med(pools.listed20000, SYNTH))} vs ${fmt(med(pools.labels20000, SYNTH))} ms`,
    },
    {
      // The platform stack of a label-selected pool does not grow with its nodes.
      name: 'Terraform resources per node, listed pool',
      value: (platform(pools.listed3456[0]) - platform(pools.labels20000[0])) / 3456,
      unit: '',
      note: `3,456 nodes (a full Booster): ${platform(pools.listed3456[0]) - platform(pools.labels20000[0])} resources; label-selected: 0 per node`,
    },
    {
      name: 'Synthesis, listed pool of 3,456 nodes / label-selected pool (1,000 tenants)',
      value: med(pools.listed3456, SYNTH) / med(pools.labels20000, SYNTH),
      unit: 'x',
      note: `${fmt(med(pools.listed3456, SYNTH))} ms vs ${fmt(med(pools.labels20000, SYNTH))} ms; 20,000 listed: ${fmt(med(pools.listed20000, SYNTH))} ms`,
    },
  );

  // 5. Import cost ------------------------------------------------------------------------------------
  log('import');
  const imports = interleaved(
    {
      lib: () => child('import', { module: path.join(ROOT, 'dist', 'lib', 'index.js') }),
      base: () => child('import', { module: 'cdktf,constructs' }),
    },
    REPS + 2,
  );
  raw.imports = imports;
  figures.push({
    name: 'Import of lib/index / cdktf + constructs',
    value: med(imports.lib, IMPORT) / med(imports.base, IMPORT),
    unit: 'x',
    target: { op: '<=', limit: 1.25 },
    note: `${fmt(med(imports.lib, IMPORT))} ms vs ${fmt(med(imports.base, IMPORT))} ms`,
  });

  // 6. The test suite ---------------------------------------------------------------------------------
  if (!skipTests) {
    log('npx jest');
    const t = performance.now();
    const r = spawnSync('npx', ['jest', '--silent'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    });
    const s = (performance.now() - t) / 1000;
    figures.push({
      name: 'Test suite (npx jest) wall time',
      value: s,
      unit: 's',
      target: { op: '<', limit: 60 },
      note: r.status === 0 ? 'all tests passed' : `jest exited with ${r.status}`,
    });
  }
  process.stderr.write('\n');
  fs.rmSync(tmp, { recursive: true, force: true });

  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverageAtStart: load0.map((x) => Number(x.toFixed(2))),
    loadAverageAtEnd: os.loadavg().map((x) => Number(x.toFixed(2))),
  };
  const result = {
    date: started.toISOString(),
    durationS: Math.round((Date.now() - started.getTime()) / 1000),
    repetitions: { small: REPS, large: BIG_REPS },
    metric: CPU ? 'CPU time of the child process (user + system)' : 'wall time',
    machine,
    figures: figures.map((f) => ({ ...f, pass: f.target ? pass(f) : undefined })),
    raw,
  };
  const dir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  const md = markdown(result.figures, machine, result);
  fs.writeFileSync(path.join(dir, 'latest.md'), md);
  process.stdout.write(md);
}

function tenantResources(s: Sample): number {
  return (s.perStack as Record<string, number>)['bench-tenants'];
}

function pass(f: Figure): boolean {
  if (!f.target) return true;
  const v = Number(fmt(f.value));
  return f.target.op === '<=' ? v <= f.target.limit : v < f.target.limit;
}

function fmt(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2);
}

function markdown(
  figures: ReadonlyArray<Figure & { pass?: boolean }>,
  machine: {
    cpu: string;
    cores: number;
    node: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
  },
  r: { date: string; durationS: number; repetitions: { small: number; large: number }; metric: string },
): string {
  const rows = figures.map(
    (f) =>
      `| ${f.name} | ${fmt(f.value)}${f.unit === 'x' ? 'x' : f.unit ? ` ${f.unit}` : ''} | ${
        f.target
          ? `${f.target.op} ${f.target.limit}${f.unit === 'x' ? 'x' : f.unit ? ` ${f.unit}` : ''}`
          : '-'
      } | ${f.target ? (f.pass ? 'pass' : '**FAIL**') : 'info'} | ${f.note ?? ''} |`,
  );
  return [
    `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; load average ${machine.loadAverageAtStart.join(' / ')} at start, ${machine.loadAverageAtEnd.join(' / ')} at end. ${r.date}, ${r.durationS} s, medians of ${r.repetitions.small} runs (${r.repetitions.large} for the large cases), each in its own process; times are ${r.metric}.`,
    '',
    '| Figure | Value | Target | | Detail |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

if (argv.includes('--deploy')) {
  const r = spawnSync(process.execPath, [path.join(__dirname, '..', 'e2e', 'harness', 'bench.js')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  process.exitCode = r.status ?? 1;
} else {
  main();
}
