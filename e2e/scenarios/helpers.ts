/**
 * What the scenarios share: the running control plane (npm run e2e:up), kubectl as the cluster
 * administrator or as a tenant's own identity (impersonated: a user in the tenant's IdP group,
 * through the RBAC the library grants), and the objects a tenant submits.
 */
import type { Json } from '../harness/json';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { alive, type ClusterState, readState } from '../harness/cluster';
import { RUN_FOR_ANNOTATION } from '../harness/nodes';

export function cluster(): ClusterState {
  const state = readState();
  if (!state || !alive(state.pids.apiserver)) {
    throw new Error('no control plane is running: npm run e2e:up first (npm run e2e does both)');
  }
  return state;
}

/** Who sends a request: the administrator, or a user in a tenant's IdP group. */
export interface Identity {
  readonly user: string;
  readonly groups?: readonly string[];
}

export const ADMIN: Identity = { user: 'aif-e2e-admin' };

/** A member of a tenant of the e2e site (groups as e2e/sites/lab.ts names them). */
export function tenant(name: string, role: 'admins' | 'users' = 'admins'): Identity {
  return { user: `${role === 'admins' ? 'admin' : 'user'}@${name}`, groups: [`lab:${name}-${role}`] };
}

export interface Result {
  readonly ok: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/** kubectl as an identity; never throws: the result says whether the API server accepted it. */
export function kubectl(who: Identity, args: readonly string[], input?: unknown): Result {
  const state = cluster();
  const as = who === ADMIN ? [] : [`--as=${who.user}`, ...(who.groups ?? []).map((g) => `--as-group=${g}`)];
  try {
    const stdout = execFileSync(
      path.join(state.bin, 'kubectl'),
      ['--kubeconfig', state.kubeconfig, ...as, ...args],
      {
        encoding: 'utf8',
        input: input === undefined ? undefined : typeof input === 'string' ? input : JSON.stringify(input),
        stdio: ['pipe', 'pipe', 'pipe'],
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { ok: true, stdout, stderr: '' };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, stdout: err.stdout ?? '', stderr: err.stderr ?? String(e) };
  }
}

/** kubectl as the administrator, throwing on failure; parses JSON output. */
export function admin<T = Json>(args: readonly string[], input?: unknown): T {
  const r = kubectl(ADMIN, [...args], input);
  if (!r.ok) throw new Error(`kubectl ${args.join(' ')}: ${r.stderr}`);
  return (args.includes('json') ? JSON.parse(r.stdout) : r.stdout) as T;
}

export function create(who: Identity, object: unknown): Result {
  return kubectl(who, ['create', '-f', '-'], object);
}

export async function eventually<T>(
  what: string,
  probe: () => T | undefined | false,
  seconds = 60,
): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = probe();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what}: not within ${seconds} s${last ? ` (last error: ${String(last)})` : ''}`);
}

/** The restricted Pod Security profile's container settings, which every tenant pod needs. */
const RESTRICTED_POD = { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } };
const RESTRICTED_CONTAINER = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };

export interface PodOptions {
  readonly resources?: Record<string, string | number>;
  readonly spec?: Record<string, unknown>;
  readonly annotations?: Record<string, string>;
}

export function podSpec(o: PodOptions = {}): Record<string, unknown> {
  return {
    restartPolicy: 'Never',
    securityContext: RESTRICTED_POD,
    containers: [
      {
        name: 'main',
        image: 'registry.example.org/e2e/work:1.0',
        ...(o.resources ? { resources: { limits: o.resources } } : {}),
        securityContext: RESTRICTED_CONTAINER,
      },
    ],
    ...o.spec,
  };
}

export interface JobOptions extends PodOptions {
  readonly queue?: string;
  readonly parallelism?: number;
  /** How long each pod runs on its fake node before it completes. @default 2000 */
  readonly runMs?: number;
  readonly labels?: Record<string, string>;
}

/** A batch Job as a tenant writes it (docs/schedulers.md). */
export function job(namespace: string, name: string, o: JobOptions = {}): Record<string, unknown> {
  const n = o.parallelism ?? 1;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace,
      labels: { ...(o.queue ? { 'kueue.x-k8s.io/queue-name': o.queue } : {}), ...o.labels },
    },
    spec: {
      parallelism: n,
      completions: n,
      backoffLimit: 0,
      template: {
        metadata: { annotations: { [RUN_FOR_ANNOTATION]: `${o.runMs ?? 2000}ms`, ...o.annotations } },
        spec: podSpec(o),
      },
    },
  };
}

export function pod(namespace: string, name: string, o: PodOptions = {}): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, annotations: o.annotations },
    spec: podSpec(o),
  };
}

/** The Kueue Workload of a Job (one per job). */
export function workloadOf(namespace: string, jobName: string): Json | undefined {
  const list = admin<{ items: Json[] }>(['get', 'workloads.kueue.x-k8s.io', '-n', namespace, '-o', 'json']);
  return list.items.find((w) =>
    (w.metadata.ownerReferences ?? []).some((r: Json) => r.kind === 'Job' && r.name === jobName),
  );
}

export function condition(object: Json, type: string): Json | undefined {
  return (object?.status?.conditions ?? []).find((c: Json) => c.type === type);
}

/** Why Kueue holds a job's workload (its QuotaReserved condition's message), once it says. */
export function pendingReason(namespace: string, jobName: string): Promise<string> {
  return eventually(`why ${namespace}/${jobName} waits`, () => {
    const c = condition(workloadOf(namespace, jobName), 'QuotaReserved');
    return c?.status === 'False' && c.message ? (c.message as string) : undefined;
  });
}

export function podsOf(namespace: string, jobName: string): Json[] {
  return admin<{ items: Json[] }>(['get', 'pods', '-n', namespace, '-l', `job-name=${jobName}`, '-o', 'json'])
    .items;
}

export function nodeLabels(name: string): Record<string, string> {
  return admin<Json>(['get', 'node', name, '-o', 'json']).metadata.labels;
}

export function deleteJob(namespace: string, name: string): void {
  kubectl(ADMIN, [
    'delete',
    'job',
    name,
    '-n',
    namespace,
    '--ignore-not-found',
    '--cascade=foreground',
    '--wait=true',
    '--timeout=60s',
  ]);
}
