/**
 * Deploys a synthesized stack onto the test control plane the way Terraform with the kubernetes
 * provider would, as far as the API server can tell: every object by server-side apply (one field
 * manager, as the provider's), dependencies first; a record of what the stack holds (the harness's
 * stand-in for the Terraform state, in <work>/state/<stack>.json); on a re-deploy, what left the
 * stack is deleted, unless a `removed` block with `destroy = false` takes it out of the record only,
 * and a `prevent_destroy` resource that would be deleted fails the deploy as Terraform's plan does.
 * `plan` is `kubectl diff --server-side`: after an apply it must show nothing.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ClusterState, kubectl } from './cluster';
import { applyOrder, type KubeObject, type PlannedObject, stackObjects } from './translate';

interface Recorded {
  readonly address: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  readonly mode: PlannedObject['mode'];
  readonly preventDestroy: boolean;
  readonly fieldManager: string;
}

export interface DeployResult {
  readonly applied: number;
  readonly deleted: readonly string[];
  /** Left the record through a `removed` block with destroy = false: still in the cluster. */
  readonly forgotten: readonly string[];
  /** Helm releases, which the harness does not install (charts cannot be fetched here). */
  readonly skipped: readonly string[];
}

const recordFile = (state: ClusterState, stack: string): string =>
  path.join(state.work, 'state', `${stack}.json`);

/** What the stack holds now, by address (the harness's state). */
export function readRecord(state: ClusterState, stack: string): Recorded[] {
  const file = recordFile(state, stack);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Recorded[]) : [];
}

function list(objects: readonly KubeObject[]): string {
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects });
}

function run(state: ClusterState, args: string[], input?: string): string {
  try {
    return kubectl(state, args, input);
  } catch (e) {
    const err = e as { stderr?: string; stdout?: string; status?: number };
    throw new Error(
      `kubectl ${args.join(' ')} failed (exit ${err.status}):\n${err.stderr ?? ''}${err.stdout ?? ''}`,
      { cause: e },
    );
  }
}

interface Group {
  readonly objects: PlannedObject[];
  readonly force: boolean;
  readonly fieldManager: string;
}

/**
 * One server-side apply per field manager and force: node parts first (the pools' taints, then
 * their labels, each a separate apply as each is a separate resource of the provider), then the
 * objects in dependency order.
 */
function groups(objects: readonly PlannedObject[]): Group[] {
  const out: Group[] = [];
  // Taints before labels: the library's labels depend on the taint of their node.
  for (const mode of ['node-taints', 'node-labels'] as const) {
    const parts = objects.filter((o) => o.mode === mode);
    for (const key of [...new Set(parts.map((o) => `${o.fieldManager}\0${o.force}`))]) {
      const [fieldManager, force] = key.split('\0');
      out.push({
        objects: parts.filter((o) => `${o.fieldManager}\0${o.force}` === key),
        force: force === 'true',
        fieldManager,
      });
    }
  }
  // Whole objects in dependency order, each run of the same field manager and force in one apply.
  for (const o of applyOrder(objects.filter((x) => x.mode === 'object'))) {
    const last = out[out.length - 1];
    const same =
      last?.objects[0].mode === 'object' && last.force === o.force && last.fieldManager === o.fieldManager;
    if (same) last.objects.push(o);
    else out.push({ objects: [o], force: o.force, fieldManager: o.fieldManager });
  }
  return out;
}

const keyOf = (o: {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
}): string =>
  `${o.apiVersion.split('/').length > 1 ? o.apiVersion.split('/')[0] : 'core'}/${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/**
 * The provider creates what is new to the state (a POST, or for `kubernetes_manifest` a create
 * that checks first) and fails on an object that already exists: so does the deploy, instead of
 * letting server-side apply adopt it. Node parts (labels, taints) need their node to exist.
 */
function checkCreatable(state: ClusterState, fresh: readonly PlannedObject[]): void {
  const objects = fresh.filter((o) => o.mode === 'object');
  if (objects.length > 0) {
    const found = JSON.parse(
      run(
        state,
        ['get', '-f', '-', '--ignore-not-found', '-o', 'json'],
        list(objects.map((o) => o.object)),
      ) || '{"items":[]}',
    ) as { items?: KubeObject[] };
    const existing = new Set((found.items ?? []).map(keyOf));
    const clash = objects.filter((o) => existing.has(keyOf(o.object)));
    if (clash.length > 0) {
      throw new Error(
        `${clash.map((o) => `${o.address} (${o.object.kind} ${o.object.metadata.namespace ? `${o.object.metadata.namespace}/` : ''}${o.object.metadata.name})`).join(', ')}: already exists in the cluster, and the kubernetes provider creates what is new to its state (import it, or remove it first)`,
      );
    }
  }
  const parts = fresh.filter((o) => o.mode !== 'object');
  if (parts.length > 0) {
    const nodes = new Set(
      run(state, ['get', 'nodes', '-o', 'name'])
        .split('\n')
        .map((n) => n.replace(/^node\//, '')),
    );
    const missing = [...new Set(parts.map((o) => o.object.metadata.name).filter((n) => !nodes.has(n)))];
    if (missing.length > 0)
      throw new Error(
        `the resource "Node" does not exist: ${missing.join(', ')} (listed in the profile, not in the cluster)`,
      );
  }
}

/** Applies a synthesized stack (its cdk.tf.json) and updates the record. */
export function deployStack(state: ClusterState, stackDir: string): DeployResult {
  const stack = path.basename(stackDir);
  const json = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
  const { objects, removed, skipped } = stackObjects(json);
  const current = new Set(objects.map((o) => o.address));
  const previous = readRecord(state, stack);
  const forget = new Set(removed.filter((r) => !r.destroy).map((r) => r.from));
  const gone = previous.filter((r) => !current.has(r.address));
  const blocked = gone.filter((r) => r.preventDestroy && !forget.has(r.address));
  if (blocked.length > 0) {
    throw new Error(
      `Instance cannot be destroyed: ${blocked.map((r) => r.address).join(', ')} ha${blocked.length === 1 ? 's' : 've'} lifecycle.prevent_destroy set, but the plan calls for destroying ${blocked.length === 1 ? 'it' : 'them'}`,
    );
  }
  const known = new Set(previous.map((r) => r.address));
  checkCreatable(
    state,
    objects.filter((o) => !known.has(o.address)),
  );
  for (const g of groups(objects)) {
    const args = ['apply', '--server-side', `--field-manager=${g.fieldManager}`, '-f', '-'];
    if (g.force) args.splice(2, 0, '--force-conflicts');
    run(state, args, list(g.objects.map((o) => o.object)));
  }
  const deleted: string[] = [];
  const forgotten: string[] = [];
  // Delete what left the stack, in the reverse of the record's (address) order.
  for (const r of [...gone].reverse()) {
    if (forget.has(r.address)) {
      forgotten.push(r.address);
      continue;
    }
    if (r.mode === 'object') {
      const ns = r.namespace ? ['-n', r.namespace] : [];
      const group = r.apiVersion.includes('/') ? `.${r.apiVersion.split('/')[0]}` : '';
      run(state, ['delete', `${r.kind}${group}`, r.name, ...ns, '--ignore-not-found', '--wait=false']);
    } else {
      // A node part leaves by applying nothing under the same field manager: the fields it owned go.
      const empty = { apiVersion: 'v1', kind: 'Node', metadata: { name: r.name } };
      run(state, ['apply', '--server-side', `--field-manager=${r.fieldManager}`, '-f', '-'], list([empty]));
    }
    deleted.push(r.address);
  }
  const record: Recorded[] = objects.map((o) => ({
    address: o.address,
    apiVersion: o.object.apiVersion,
    kind: o.object.kind,
    name: o.object.metadata.name,
    ...(o.object.metadata.namespace ? { namespace: o.object.metadata.namespace } : {}),
    mode: o.mode,
    preventDestroy: o.preventDestroy,
    fieldManager: o.fieldManager,
  }));
  fs.mkdirSync(path.dirname(recordFile(state, stack)), { recursive: true });
  fs.writeFileSync(recordFile(state, stack), JSON.stringify(record, null, 2));
  return { applied: objects.length, deleted, forgotten, skipped };
}

/**
 * What a plan right after the apply would change: `kubectl diff --server-side` of the same objects
 * (a dry-run apply under the same field manager, against what the cluster holds). Empty when the
 * cluster holds exactly what the stack says, defaults and webhooks' mutations included.
 */
export function planStack(state: ClusterState, stackDir: string): string {
  const json = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
  const objects = stackObjects(json).objects;
  return (
    groups(objects)
      .map((g) => diff(state, g))
      .join('') + taintDrift(state, objects)
  );
}

/**
 * The provider's `kubernetes_node_taint` reads every taint of its node back into the state, so a
 * taint the stack does not declare (another tool's, or a condition's) shows in its next plan; a
 * server-side diff of the stack's own taints cannot see that, so it is compared here.
 */
function taintDrift(state: ClusterState, objects: readonly PlannedObject[]): string {
  const parts = objects.filter((o) => o.mode === 'node-taints');
  if (parts.length === 0) return '';
  const nodes = new Map(
    (JSON.parse(run(state, ['get', 'nodes', '-o', 'json'])) as { items: KubeObject[] }).items.map((n) => [
      n.metadata.name,
      n,
    ]),
  );
  const norm = (ts: unknown): string =>
    JSON.stringify(
      ((ts as Array<{ key: string; value?: string; effect: string }> | undefined) ?? [])
        .map((t) => `${t.key}=${t.value ?? ''}:${t.effect}`)
        .sort(),
    );
  return parts
    .map((o) => {
      const want = norm((o.object.spec as { taints: unknown }).taints);
      const have = norm(
        (nodes.get(o.object.metadata.name)?.spec as { taints?: unknown } | undefined)?.taints,
      );
      return want === have ? '' : `${o.address}: taints ${have} in the cluster, ${want} in the stack\n`;
    })
    .join('');
}

function diff(state: ClusterState, g: Group): string {
  const args = [
    '--kubeconfig',
    state.kubeconfig,
    'diff',
    '--server-side',
    `--field-manager=${g.fieldManager}`,
    '-f',
    '-',
  ];
  if (g.force) args.splice(4, 0, '--force-conflicts');
  try {
    execFileSync(path.join(state.bin, 'kubectl'), args, {
      input: list(g.objects.map((o) => o.object)),
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, KUBECTL_EXTERNAL_DIFF: 'diff -u -N' },
      maxBuffer: 256 * 1024 * 1024,
    });
    return '';
  } catch (e) {
    const err = e as { status?: number; stdout?: string; stderr?: string };
    if (err.status === 1) return err.stdout ?? '';
    throw new Error(`kubectl diff failed (exit ${err.status}): ${err.stderr ?? ''}`, { cause: e });
  }
}
