import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { planProbe, planProbeJob, type ProbeCase, type ProbeJob, type ProbeTarget } from '../review/probe';
import { type Json, readStacks } from '../review/synthesized';
import { parseCommand, type CommandSpec } from './args';
import type { Command } from './main';

const SPEC: CommandSpec = {
  name: 'probe',
  usage:
    'probe [--out <dir>] [--site <name>] [--kubeconfig <file>] [--context <ctx>] [--kubectl <path>] [--allow-writes <tenant> [--timeout <seconds>]] [--json]',
  options: {
    out: {
      type: 'string',
      value: 'dir',
      description: 'synthesized output whose tenants to probe (default: cdktf.out)',
    },
    site: {
      type: 'string',
      value: 'name',
      description: 'probe this site only (default: every site of the output)',
    },
    kubeconfig: {
      type: 'string',
      value: 'file',
      description: "kubeconfig of the cluster (default: the site's kubernetes.configPath, as a deploy uses)",
    },
    context: {
      type: 'string',
      value: 'ctx',
      description: "its context (default: the site's kubernetes.context)",
    },
    kubectl: { type: 'string', value: 'path', description: 'the kubectl to run (default: kubectl on PATH)' },
    'allow-writes': {
      type: 'string',
      value: 'tenant',
      description:
        'also run a real GPU job in this scratch tenant and wait for Kueue to admit it (then delete it)',
    },
    timeout: {
      type: 'string',
      value: 'seconds',
      description: 'how long --allow-writes waits for admission (default: 120)',
    },
    json: { type: 'boolean', description: 'print the rows as JSON' },
  },
};

export interface ProbeRow {
  readonly id: string;
  readonly mtb: readonly string[];
  readonly site: string;
  readonly tenant: string;
  readonly control: string;
  readonly status: 'HELD' | 'FAILED';
  /** The API server's answer, or what was wrong with it. */
  readonly detail: string;
}

interface Connection {
  readonly kubectl: string;
  readonly kubeconfig?: string;
  readonly context?: string;
}

function run(conn: Connection, args: string[], input?: string): { ok: boolean; out: string } {
  const base = [
    ...(conn.kubeconfig ? ['--kubeconfig', conn.kubeconfig] : []),
    ...(conn.context ? ['--context', conn.context] : []),
  ];
  try {
    const out = execFileSync(conn.kubectl, [...base, ...args], {
      input,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return { ok: true, out: out.trim() };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; code?: string };
    if (err.code === 'ENOENT')
      throw new Error(`${conn.kubectl} not found: install kubectl or give --kubectl <path>`, { cause: e });
    return { ok: false, out: `${err.stderr ?? ''}${err.stdout ?? ''}`.trim() };
  }
}

/** The first line of an answer that is not a warning. */
const firstLine = (s: string): string =>
  s.split('\n').find((l) => l.trim() !== '' && !l.startsWith('Warning:')) ?? '';

/** Sends one case to the cluster (server-side dry run: nothing is created or deleted). */
export function probeCase(conn: Connection, c: ProbeCase): ProbeRow {
  const as = c.as ? [`--as=${c.as.user}`, ...c.as.groups.map((g) => `--as-group=${g}`)] : [];
  const row = (held: boolean, detail: string): ProbeRow => ({
    id: c.id,
    mtb: c.mtb,
    site: c.site,
    tenant: c.tenant,
    control: c.control,
    status: held ? 'HELD' : 'FAILED',
    detail,
  });
  if (c.request.kind === 'can-i') {
    const name = ([v, r, sub]: readonly [string, string, string?]): string =>
      `${v} ${r}${sub ? `/${sub}` : ''}`;
    const granted: string[] = [];
    const errors: string[] = [];
    for (const v of c.request.verbs) {
      const [verb, resource, sub] = v;
      const subresource = sub ? [`--subresource=${sub}`] : [];
      const answer = run(conn, ['auth', 'can-i', verb, resource, ...subresource, '-n', c.tenant, ...as]);
      // can-i answers yes (exit 0) or no (exit 1); anything else is an error, never a "no".
      const word = firstLine(answer.out);
      if (word === 'yes') granted.push(name(v));
      else if (word !== 'no' || answer.ok) errors.push(`${name(v)}: ${word}`);
    }
    if (errors.length > 0) return row(false, `could not ask: ${errors[0]}`);
    return granted.length === 0
      ? row(
          true,
          `denied: ${c.request.verbs.length} writes (${c.request.verbs.slice(0, 3).map(name).join(', ')}, ...)`,
        )
      : row(false, `allowed to the tenant: ${granted.join(', ')}`);
  }
  const r =
    c.request.kind === 'create'
      ? run(conn, ['create', '--dry-run=server', '-f', '-', ...as], JSON.stringify(c.request.object))
      : run(conn, [
          'delete',
          c.request.resource,
          c.request.name,
          ...(c.request.namespace ? ['-n', c.request.namespace] : []),
          '--dry-run=server',
          ...as,
        ]);
  if (c.expect === 'allowed') return row(r.ok, r.ok ? 'accepted' : `refused: ${firstLine(r.out)}`);
  if (r.ok) return row(false, 'accepted: the control did not refuse it');
  // Only the error counts: a policy bound to warn only writes a Warning line and refuses nothing.
  const error = r.out
    .split('\n')
    .filter((l) => !l.startsWith('Warning:'))
    .join('\n');
  return c.because && !c.because.test(error)
    ? row(false, `refused, but not by this control: ${firstLine(r.out)}`)
    : row(true, `refused: ${firstLine(r.out)}`);
}

/**
 * The one probe that writes (--allow-writes): a GPU job of the scratch tenant, as the tenant, through
 * its queue; Kueue must admit it within the timeout. The job is deleted whatever happens.
 */
export function probeJob(conn: Connection, p: ProbeJob, timeoutSeconds: number): ProbeRow {
  const name = `aif-probe-${Date.now().toString(36)}`;
  const as = [`--as=${p.as.user}`, ...p.as.groups.map((g) => `--as-group=${g}`)];
  const row = (held: boolean, detail: string): ProbeRow => ({
    id: p.id,
    mtb: [],
    site: p.site,
    tenant: p.tenant,
    control: "a GPU job through the tenant's queue is admitted by Kueue (written, then deleted)",
    status: held ? 'HELD' : 'FAILED',
    detail,
  });
  const created = run(conn, ['create', '-f', '-', ...as], JSON.stringify(p.job(name)));
  if (!created.ok) return row(false, `refused: ${firstLine(created.out)}`);
  try {
    const deadline = Date.now() + timeoutSeconds * 1000;
    let last = '';
    while (Date.now() < deadline) {
      const w = run(conn, ['get', 'workloads.kueue.x-k8s.io', '-n', p.tenant, '-o', 'json']);
      if (w.ok) {
        const workload = (JSON.parse(w.out).items as Json[]).find((x) =>
          (x.metadata.ownerReferences ?? []).some((o: { name: string }) => o.name === name),
        );
        const conditions = (workload?.status?.conditions ?? []) as Array<{
          type: string;
          status: string;
          message?: string;
        }>;
        if (conditions.some((c) => c.type === 'Admitted' && c.status === 'True')) {
          return row(true, `admitted: ${workload?.status?.admission?.clusterQueue ?? ''}`);
        }
        last = conditions.find((c) => c.type === 'QuotaReserved')?.message ?? last;
      }
      execFileSync('sleep', ['1']);
    }
    return row(false, `not admitted within ${timeoutSeconds} s${last ? `: ${last}` : ''}`);
  } finally {
    run(conn, [
      'delete',
      'job',
      name,
      '-n',
      p.tenant,
      '--ignore-not-found',
      '--wait=false',
      '--cascade=background',
    ]);
  }
}

function expandHome(p: string): string {
  return p.startsWith('~/') ? path.join(os.homedir(), p.slice(2)) : p;
}

/** How kubectl reaches a site: the options given, else the site's own kubeconfig and context. */
export function connection(
  target: ProbeTarget,
  options: { kubectl: string; kubeconfig?: string; context?: string },
): Connection {
  const kubeconfig = options.kubeconfig ?? (target.configPath ? expandHome(target.configPath) : undefined);
  const context = options.context ?? target.context;
  return { kubectl: options.kubectl, ...(kubeconfig ? { kubeconfig } : {}), ...(context ? { context } : {}) };
}

function renderRows(rows: readonly ProbeRow[]): string {
  const header = ['id', 'site', 'tenant', 'control', 'result'];
  const lines = rows.map((r) => [r.id, r.site, r.tenant, r.control, `${r.status}: ${r.detail}`]);
  // Every column but the last is padded to its widest cell.
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]): string =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  return [fmt(header), ...lines.map(fmt)].join('\n') + '\n';
}

/**
 * `aif probe`: asks a live cluster, as each tenant's identity (impersonated), whether the controls
 * of `aif check` hold there: server-side dry runs of attacks that must be refused by their own
 * control, and of a plain pod that must be accepted. Exit 1 when a control does not hold.
 */
export const command: Command = {
  summary: 'ask a live cluster, as each tenant (server-side dry runs), whether the isolation controls hold',
  run(args) {
    const parsed = parseCommand(SPEC, this.summary, args);
    if (!parsed.ok) return parsed.exitCode;
    const v = parsed.values as Record<string, string | boolean | undefined>;
    const out = path.resolve((v.out as string | undefined) ?? 'cdktf.out');
    if (!fs.existsSync(path.join(out, 'stacks'))) {
      process.stderr.write(
        `aif probe: no synthesized stacks in ${out}/stacks; synthesize first (aif synth) or give --out <dir>\n`,
      );
      return 1;
    }
    const site = v.site as string | undefined;
    const stacks = readStacks(out);
    const targets = planProbe(stacks, site);
    if (targets.length === 0) {
      process.stderr.write(
        `aif probe: ${site ? `no site '${site}' with tenants` : 'no site with tenants'} in ${out}/stacks\n`,
      );
      return 1;
    }
    const scratch = v['allow-writes'] as string | undefined;
    const timeout = Number((v.timeout as string | undefined) ?? '120');
    if (!Number.isFinite(timeout) || timeout <= 0) {
      process.stderr.write(`aif probe: --timeout takes a number of seconds, not '${String(v.timeout)}'\n`);
      return 2;
    }
    const jobs = new Map<string, ProbeJob>();
    if (scratch !== undefined) {
      for (const t of targets) {
        const job = planProbeJob(t, stacks, scratch);
        if (typeof job === 'string') {
          process.stderr.write(`aif probe: --allow-writes: ${job}\n`);
          return 1;
        }
        jobs.set(t.site, job);
      }
    }
    const rows: ProbeRow[] = [];
    try {
      for (const t of targets) {
        const conn = connection(t, {
          kubectl: (v.kubectl as string | undefined) ?? 'kubectl',
          ...(v.kubeconfig ? { kubeconfig: v.kubeconfig as string } : {}),
          ...(v.context ? { context: v.context as string } : {}),
        });
        rows.push(...t.cases.map((c) => probeCase(conn, c)));
        const job = jobs.get(t.site);
        if (job) rows.push(probeJob(conn, job, timeout));
      }
    } catch (e) {
      process.stderr.write(`aif probe: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
    const failed = rows.filter((r) => r.status === 'FAILED').length;
    if (v.json) process.stdout.write(`${JSON.stringify({ rows, failed }, null, 2)}\n`);
    else {
      process.stdout.write(renderRows(rows));
      process.stdout.write(
        `${rows.length - failed} of ${rows.length} controls held${failed ? `; ${failed} did not` : ''}\n`,
      );
    }
    return failed > 0 ? 1 : 0;
  },
};
