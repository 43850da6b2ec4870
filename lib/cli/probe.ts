import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { planProbe, type ProbeCase, type ProbeTarget } from '../review/probe';
import { readStacks } from '../review/synthesized';
import { parseCommand, type CommandSpec } from './args';
import type { Command } from './main';

const SPEC: CommandSpec = {
  name: 'probe',
  usage:
    'probe [--out <dir>] [--site <name>] [--kubeconfig <file>] [--context <ctx>] [--kubectl <path>] [--json]',
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
    const granted = c.request.verbs.filter(([verb, resource, sub]) => {
      const subresource = sub ? [`--subresource=${sub}`] : [];
      return (
        run(conn, ['auth', 'can-i', verb, resource, ...subresource, '-n', c.tenant, ...as]).out === 'yes'
      );
    });
    return granted.length === 0
      ? row(true, `denied: ${c.request.verbs.map(name).join(', ')}`)
      : row(false, `allowed to the tenant: ${granted.map(name).join(', ')}`);
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
  return c.because && !c.because.test(r.out)
    ? row(false, `refused, but not by this control: ${firstLine(r.out)}`)
    : row(true, `refused: ${firstLine(r.out)}`);
}

function expandHome(p: string): string {
  return p.startsWith('~/') ? path.join(os.homedir(), p.slice(2)) : p;
}

export function probeTarget(
  target: ProbeTarget,
  options: { kubectl: string; kubeconfig?: string; context?: string },
): ProbeRow[] {
  const kubeconfig = options.kubeconfig ?? (target.configPath ? expandHome(target.configPath) : undefined);
  const context = options.context ?? target.context;
  const conn: Connection = {
    kubectl: options.kubectl,
    ...(kubeconfig ? { kubeconfig } : {}),
    ...(context ? { context } : {}),
  };
  return target.cases.map((c) => probeCase(conn, c));
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
    const targets = planProbe(readStacks(out), site);
    if (targets.length === 0) {
      process.stderr.write(
        `aif probe: ${site ? `no site '${site}' with tenants` : 'no site with tenants'} in ${out}/stacks\n`,
      );
      return 1;
    }
    const rows: ProbeRow[] = [];
    try {
      for (const t of targets) {
        rows.push(
          ...probeTarget(t, {
            kubectl: (v.kubectl as string | undefined) ?? 'kubectl',
            ...(v.kubeconfig ? { kubeconfig: v.kubeconfig as string } : {}),
            ...(v.context ? { context: v.context as string } : {}),
          }),
        );
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
