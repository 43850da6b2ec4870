/**
 * Kueue as a local process, with the manager configuration the library synthesizes for its chart
 * (read out of the platform stack's Helm values, so the configuration under test is the library's
 * own), and its webhooks registered by URL on 127.0.0.1 with a certificate the harness makes.
 *
 * What the harness changes in that configuration, and why (nothing else is touched):
 * - addresses: the webhook, health, metrics and visibility servers listen on 127.0.0.1 ports of
 *   the harness instead of the pod's :9443, :8081, :8443 and :8082;
 * - leader election off: one process, no Lease to wait for;
 * - internal certificate management off: its certificates name the in-cluster Service, which the
 *   API server cannot reach here; the harness's certificate names 127.0.0.1 instead. Kueue 0.19
 *   then reads its metrics certificate from /etc/kueue/metrics/certs (a fixed path in
 *   cmd/kueue/main.go), which the harness fills;
 * - the VisibilityOnDemand feature gate off (`--feature-gates`, after the library's own gates):
 *   its server would read a certificate from /visibility; the library does not use the
 *   visibility API.
 */
import type { Json } from './json';
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { type ClusterState, healthy, kubectl, log, saveState, start, succeeds, waitFor } from './cluster';

const METRICS_CERT_DIR = '/etc/kueue/metrics/certs';

/** What the library gives Kueue's chart: its manager configuration and its feature gates. */
export interface KueueSetup {
  readonly config: Record<string, unknown>;
  /** `Name=true|false`, as the chart renders `controllerManager.featureGates` into `--feature-gates`. */
  readonly featureGates: string[];
}

/** The Kueue manager configuration and feature gates of a synthesized platform stack's Kueue release. */
export function kueueSetupOf(platformStack: {
  resource?: Record<string, Record<string, unknown>>;
}): KueueSetup {
  const releases = Object.values(platformStack.resource?.helm_release ?? {}) as Array<{
    chart?: string;
    values?: string[];
  }>;
  const kueue = releases.find((r) => r.chart === 'kueue');
  if (!kueue) throw new Error('the platform stack has no Kueue release');
  let config: Record<string, unknown> | undefined;
  const featureGates: string[] = [];
  for (const v of kueue.values ?? []) {
    const values = YAML.parse(v) as {
      managerConfig?: { controllerManagerConfigYaml?: string };
      controllerManager?: { featureGates?: Array<{ name: string; enabled: boolean }> };
    };
    const text = values.managerConfig?.controllerManagerConfigYaml;
    if (text) config = YAML.parse(text) as Record<string, unknown>;
    for (const g of values.controllerManager?.featureGates ?? []) featureGates.push(`${g.name}=${g.enabled}`);
  }
  if (!config) throw new Error('the Kueue release sets no managerConfig.controllerManagerConfigYaml');
  return { config, featureGates };
}

/** The library's configuration with the local process's addresses and certificates. */
export function localKueueConfig(
  config: Record<string, unknown>,
  state: ClusterState,
): Record<string, unknown> {
  const p = state.ports;
  return {
    ...config,
    health: { ...(config.health as object), healthProbeBindAddress: `127.0.0.1:${p.kueueHealth}` },
    metrics: { ...(config.metrics as object), bindAddress: `127.0.0.1:${p.kueueMetrics}` },
    webhook: {
      ...(config.webhook as object),
      host: '127.0.0.1',
      port: p.kueueWebhook,
      certDir: path.join(state.work, 'kueue-certs'),
    },
    leaderElection: { ...(config.leaderElection as object), leaderElect: false },
    internalCertManagement: { enable: false },
    visibilityServer: { bindAddress: '127.0.0.1', bindPort: p.kueueVisibility },
  };
}

function caBundle(state: ClusterState): string {
  return fs.readFileSync(path.join(state.work, 'pki', 'ca.crt')).toString('base64');
}

/** Kueue's own webhook configuration, pointed at the local process by URL. */
function webhookConfigurations(state: ClusterState, reference: string): unknown[] {
  const file = path.join(reference, 'config', 'kueue-0.19.2', 'webhook', 'manifests.yaml');
  const docs = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8')).map(
    (d) => d.toJSON() as Record<string, Json>,
  );
  return docs
    .filter((d) => d?.kind)
    .map((d) => ({
      ...d,
      metadata: { name: `kueue-${d.metadata.name}` },
      webhooks: (d.webhooks as Array<Record<string, Json>>).map((w) => ({
        ...w,
        clientConfig: {
          url: `https://127.0.0.1:${state.ports.kueueWebhook}${w.clientConfig.service.path}`,
          caBundle: caBundle(state),
        },
        // As the chart does: never Kueue's own namespace or kube-system.
        namespaceSelector: {
          matchExpressions: [
            {
              key: 'kubernetes.io/metadata.name',
              operator: 'NotIn',
              values: ['kube-system', 'kueue-system'],
            },
          ],
        },
      })),
    }));
}

/** The CRDs of Kueue and JobSet, from the reference directory (as the charts install them). */
export async function installCrds(state: ClusterState, reference: string): Promise<void> {
  const dirs = [path.join(reference, 'crds', 'kueue-0.19.2'), path.join(reference, 'crds', 'jobset-v0.12.0')];
  for (const dir of dirs) {
    if (!fs.existsSync(dir))
      throw new Error(
        `no CRDs at ${dir}: point AIF_E2E_REFERENCE (or --reference) at the upstream reference directory`,
      );
    kubectl(state, ['apply', '--server-side', '--field-manager=aif-e2e', '-f', dir]);
  }
  // `kubectl wait` fails outright on a CRD that has no conditions yet: ask again until all have one.
  await waitFor(
    'the CRDs to be established',
    () =>
      succeeds(() =>
        kubectl(state, ['wait', '--for=condition=Established', '--timeout=30s', 'crd', '--all']),
      ),
    60,
  );
}

/** Starts Kueue with the library's configuration and registers its webhooks. */
export async function startKueue(state: ClusterState, setup: KueueSetup, reference: string): Promise<void> {
  const libraryConfig = setup.config;
  const certs = path.join(state.work, 'kueue-certs');
  fs.mkdirSync(certs, { recursive: true });
  fs.copyFileSync(path.join(state.work, 'pki', 'kueue.crt'), path.join(certs, 'tls.crt'));
  fs.copyFileSync(path.join(state.work, 'pki', 'kueue.key'), path.join(certs, 'tls.key'));
  let created: string | undefined;
  if (!fs.existsSync(METRICS_CERT_DIR)) {
    try {
      // The first directory this made, which down removes (never one that was there before).
      created = fs.mkdirSync(METRICS_CERT_DIR, { recursive: true });
    } catch (e) {
      throw new Error(
        `Kueue 0.19 reads its metrics certificate from ${METRICS_CERT_DIR} when it does not make its own; create that directory writable for this user (${String(e)})`,
        { cause: e },
      );
    }
  }
  for (const f of ['tls.crt', 'tls.key'])
    fs.copyFileSync(path.join(certs, f), path.join(METRICS_CERT_DIR, f));
  // Its namespace comes with the platform stack, deployed before.
  const namespace = String(libraryConfig.namespace ?? 'kueue-system');
  // Stands in for the chart's ClusterRole and binding, which come with the Helm release.
  kubectl(state, [
    'create',
    'clusterrolebinding',
    'aif-e2e-kueue',
    '--clusterrole=cluster-admin',
    `--user=system:serviceaccount:${namespace}:kueue-controller-manager`,
  ]);
  const configFile = path.join(state.work, 'kueue-config.yaml');
  fs.writeFileSync(configFile, YAML.stringify(localKueueConfig(libraryConfig, state)));
  const pid = start(
    state.work,
    'kueue',
    path.join(state.bin, 'kueue'),
    [
      `--config=${configFile}`,
      `--feature-gates=${['VisibilityOnDemand=false', ...setup.featureGates].join(',')}`,
      '--zap-log-level=info',
    ],
    {
      KUBECONFIG: path.join(state.work, 'kueue.kubeconfig'),
      POD_NAMESPACE: namespace,
    },
  );
  state.pids.kueue = pid;
  if (created) state.createdMetricsCertDir = created;
  saveState(state);
  await waitFor(
    'kueue',
    () => healthy(`http://127.0.0.1:${state.ports.kueueHealth}/readyz`),
    120,
    pid,
    path.join(state.work, 'logs', 'kueue.log'),
  );
  const docs = webhookConfigurations(state, reference);
  kubectl(
    state,
    ['apply', '--server-side', '--field-manager=aif-e2e', '-f', '-'],
    JSON.stringify({ apiVersion: 'v1', kind: 'List', items: docs }),
  );
  log(`kueue ${String(pid)} serves its webhooks on 127.0.0.1:${state.ports.kueueWebhook}`);
}
