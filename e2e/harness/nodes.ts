/**
 * Fake nodes (kwok) for a synthesized site: one per node of each GPU pool, with the pool's GPU
 * resources as capacity, and CPU nodes with the labels of the site's CPU flavor. A label-selected
 * pool's nodes carry the site's own labels, and the harness applies the labels and taint that the
 * platform stack's `pool_<name>_site_applied_node_config` output asks the site to apply (as an
 * operator does, README "Deploying"); a listed pool's nodes are labelled and tainted by the deploy.
 */
import type { Json } from './json';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ClusterState, healthy, kubectl, log, saveState, start, waitFor } from './cluster';

/** The annotation kwok manages nodes by (kwok's --manage-nodes-with-annotation-selector). */
export const KWOK_ANNOTATION = 'kwok.x-k8s.io/node';
/** How long a Job's pod runs before kwok completes it, as a Go duration (`600s`; default 2 s). */
export const RUN_FOR_ANNOTATION = 'e2e.ai-factory.eu/run-for';

/** Per-node capacity besides GPUs: generous, so that GPUs and quotas are what limits. */
const BASE_CAPACITY = { cpu: '128', memory: '1Ti', 'ephemeral-storage': '4Ti', pods: '110' };

export interface FakeNode {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly taints: ReadonlyArray<{ key: string; value?: string; effect: string }>;
  readonly capacity: Record<string, string>;
}

interface Stack {
  resource?: Record<string, Record<string, Json>>;
  output?: Record<string, { value: Json }>;
}

/**
 * The nodes a site's synthesized stacks expect to find: its GPU pools' and CPU pools' nodes, or, for
 * a site without CPU pools, `cpuNodes` CPU nodes with the CPU flavor's labels.
 */
export function siteNodes(platform: Stack, tenants: Stack, cpuNodes = 2): FakeNode[] {
  const inventory = platform.output?.aif_site_inventory?.value as {
    pools: Array<{ name: string; nodes: number; offers: Array<{ resource: string; units: number }> }>;
  };
  if (!inventory) throw new Error('the platform stack has no aif_site_inventory output');
  const listed = new Map<string, string[]>();
  for (const r of Object.values(platform.resource?.kubernetes_labels ?? {})) {
    const pool = Object.entries(r.labels as Record<string, string>).find(([k]) =>
      k.endsWith('ai-factory.eu-pool'),
    )?.[1];
    if (pool) listed.set(pool, [...(listed.get(pool) ?? []), r.metadata.name as string]);
  }
  const nodes: FakeNode[] = [];
  for (const pool of inventory.pools) {
    const perNode: Record<string, string> = {};
    for (const o of pool.offers) perNode[o.resource] = String(Math.floor(o.units / pool.nodes));
    const applied = platform.output?.[`pool_${pool.name}_site_applied_node_config`]?.value as
      | {
          labels: Record<string, string>;
          nodes: { count: number; labels: Record<string, string> };
          taint: string;
        }
      | undefined;
    if (applied) {
      const [kv, effect] = applied.taint.split(':');
      const [key, value] = kv.split('=');
      for (let i = 1; i <= applied.nodes.count; i++) {
        nodes.push({
          name: `${pool.name}-${String(i).padStart(2, '0')}`,
          labels: { ...applied.nodes.labels, ...applied.labels },
          taints: [{ key, value, effect }],
          capacity: { ...BASE_CAPACITY, ...perNode },
        });
      }
    } else {
      for (const name of listed.get(pool.name) ?? [])
        nodes.push({ name, labels: {}, taints: [], capacity: { ...BASE_CAPACITY, ...perNode } });
    }
  }
  // CPU pools (`cpuPools`): listed nodes come unlabelled, for the library to label as it deploys.
  const cpuPools = (platform.output?.aif_site_inventory?.value as { cpuPools?: Array<{ name: string }> })
    .cpuPools;
  if (cpuPools) {
    for (const pool of cpuPools)
      for (const name of listed.get(pool.name) ?? [])
        nodes.push({ name, labels: {}, taints: [], capacity: BASE_CAPACITY });
    return nodes;
  }
  const cpuFlavor = Object.values(tenants.resource?.kubernetes_manifest ?? {})
    .map((r) => r.manifest)
    .find((m) => m.kind === 'ResourceFlavor' && !m.spec?.tolerations && m.spec?.nodeLabels);
  const cpuLabels = (cpuFlavor?.spec.nodeLabels as Record<string, string> | undefined) ?? {};
  for (let i = 1; i <= cpuNodes; i++)
    nodes.push({
      name: `cpu-${String(i).padStart(2, '0')}`,
      labels: cpuLabels,
      taints: [],
      capacity: BASE_CAPACITY,
    });
  return nodes;
}

function nodeObject(n: FakeNode): object {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      annotations: { [KWOK_ANNOTATION]: 'fake' },
      labels: {
        'kubernetes.io/hostname': n.name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        type: 'kwok',
        ...n.labels,
      },
    },
    spec: { taints: n.taints },
    status: { capacity: n.capacity, allocatable: n.capacity },
  };
}

/** Creates the nodes (labels and taints a site applies itself included). */
export function createNodes(state: ClusterState, nodes: readonly FakeNode[]): void {
  // `create`, not apply: the taints the site applies to label-selected pools are the site's own
  // (another field manager than the library's), as on a real cluster.
  kubectl(
    state,
    ['create', '-f', '-'],
    JSON.stringify({ apiVersion: 'v1', kind: 'List', items: nodes.map(nodeObject) }),
  );
}

/**
 * kwok's stages, written for this suite: a fake node is Ready at once (its capacity is what the
 * harness created it with); a pod on a fake node becomes Ready at once; a Job's pod
 * completes after the Go duration in RUN_FOR_ANNOTATION (2 s by default, so that a long run can hold its
 * GPUs while a scenario watches); a pod being deleted goes at once.
 */
function stages(): string {
  const podStatus = `
      conditions:
      - {type: Initialized, status: "True", lastTransitionTime: {{ Now | Quote }}}
      - {type: Ready, status: "True", lastTransitionTime: {{ Now | Quote }}}
      - {type: ContainersReady, status: "True", lastTransitionTime: {{ Now | Quote }}}
      containerStatuses:
      {{ range .spec.containers }}
      - {name: {{ .name | Quote }}, image: {{ .image | Quote }}, ready: true, restartCount: 0, state: {running: {startedAt: {{ Now | Quote }}}}}
      {{ end }}
      hostIP: {{ NodeIP | Quote }}
      podIP: {{ PodIP | Quote }}
      phase: Running
      startTime: {{ Now | Quote }}`;
  return `apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: aif-node-ready}
spec:
  resourceRef: {apiGroup: v1, kind: Node}
  selector:
    matchExpressions:
    - {key: '.status.conditions.[] | select( .type == "Ready" ) | .status', operator: NotIn, values: ['True']}
  next:
    statusTemplate: |
      conditions:
      {{ range NodeConditions }}
      - {type: {{ .type | Quote }}, status: {{ .status | Quote }}, reason: {{ .reason | Quote }}, message: {{ .message | Quote }}, lastHeartbeatTime: {{ Now | Quote }}, lastTransitionTime: {{ Now | Quote }}}
      {{ end }}
      addresses:
      - {type: InternalIP, address: {{ NodeIP | Quote }}}
      nodeInfo: {architecture: amd64, operatingSystem: linux, kubeletVersion: fake, kubeProxyVersion: fake}
      phase: Running
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: aif-pod-ready}
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: .metadata.deletionTimestamp, operator: DoesNotExist}
    - {key: .status.phase, operator: In, values: [Pending]}
  next:
    statusTemplate: |${podStatus}
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: aif-job-pod-complete}
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: .metadata.deletionTimestamp, operator: DoesNotExist}
    - {key: .status.phase, operator: In, values: [Running]}
    - {key: '.metadata.ownerReferences.[].kind', operator: In, values: [Job]}
  delay:
    durationMilliseconds: 2000
    durationFrom: {expressionFrom: '.metadata.annotations["${RUN_FOR_ANNOTATION}"]'}
  next:
    statusTemplate: |
      containerStatuses:
      {{ range .spec.containers }}
      - {name: {{ .name | Quote }}, image: {{ .image | Quote }}, ready: false, restartCount: 0, state: {terminated: {exitCode: 0, reason: Completed, startedAt: {{ Now | Quote }}, finishedAt: {{ Now | Quote }}}}}
      {{ end }}
      phase: Succeeded
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: aif-pod-delete}
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: .metadata.deletionTimestamp, operator: Exists}
  next:
    finalizers: {empty: true}
    delete: true
`;
}

/** Starts kwok, managing the nodes with the kwok annotation. */
export async function startKwok(state: ClusterState): Promise<void> {
  const config = path.join(state.work, 'kwok-stages.yaml');
  fs.writeFileSync(config, stages());
  const pid = start(state.work, 'kwok', path.join(state.bin, 'kwok'), [
    `--kubeconfig=${state.kubeconfig}`,
    `--config=${config}`,
    '--manage-all-nodes=false',
    `--manage-nodes-with-annotation-selector=${KWOK_ANNOTATION}=fake`,
    `--server-address=127.0.0.1:${state.ports.kwok}`,
    '--node-ip=127.0.0.1',
    // kwok renews each node's Lease, so the node lifecycle controller sees the nodes alive and takes
    // off the not-ready taint that every new Node gets (TaintNodesByCondition), as with kubelets.
    '--node-lease-duration-seconds=40',
  ]);
  state.pids.kwok = pid;
  saveState(state);
  await waitFor(
    'kwok',
    () => healthy(`http://127.0.0.1:${state.ports.kwok}/healthz`),
    60,
    pid,
    path.join(state.work, 'logs', 'kwok.log'),
  );
  log(`kwok ${pid} manages the fake nodes`);
}

/** Waits until every fake node is Ready (kwok's node stage). */
export async function waitNodesReady(state: ClusterState, count: number, seconds = 60): Promise<void> {
  // Ready, and without the not-ready taint every new Node gets (TaintNodesByCondition), which the
  // node lifecycle controller takes off a little later.
  await waitFor(
    `${count} Ready nodes without the not-ready taint`,
    () => {
      const out = kubectl(state, [
        'get',
        'nodes',
        '-o',
        'jsonpath={range .items[*]}{.status.conditions[?(@.type=="Ready")].status} {.spec.taints[*].key}{"\\n"}{end}',
      ]);
      return (
        out.split('\n').filter((l) => l.startsWith('True') && !l.includes('node.kubernetes.io/not-ready'))
          .length >= count
      );
    },
    seconds,
  );
}
