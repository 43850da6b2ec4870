/**
 * The test control plane: etcd, kube-apiserver, kube-controller-manager, kube-scheduler, Kueue and
 * kwok, built from the Go modules of e2e/go.mod, started as local processes on 127.0.0.1 only and
 * stopped by PID. Everything it writes lives in one work directory (default e2e/.work): certificates,
 * kubeconfigs, logs, etcd's data and a state file with the PIDs and ports.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

/** The repository: the nearest directory upward with cdktf.json (from the sources or from dist/). */
export const REPO = ((): string => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'cdktf.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no cdktf.json above ${__dirname}`);
  }
})();
const E2E = path.join(REPO, 'e2e');

export interface ClusterState {
  readonly work: string;
  readonly bin: string;
  readonly ports: Readonly<Record<string, number>>;
  /** Filled as the processes start. */
  readonly pids: Record<string, number>;
  /** kubeconfig of the cluster administrator (system:masters) */
  readonly kubeconfig: string;
  /** A directory the harness created outside its work directory, removed by down. */
  createdMetricsCertDir?: string;
}

export function workDir(): string {
  return path.resolve(process.env.AIF_E2E_WORK ?? path.join(E2E, '.work'));
}

const stateFile = (work: string): string => path.join(work, 'cluster.json');

export function readState(work = workDir()): ClusterState | undefined {
  const file = stateFile(work);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as ClusterState) : undefined;
}

function log(message: string): void {
  process.stderr.write(`e2e: ${message}\n`);
}

/** Builds (or finds) the control plane's programs: e2e/build.sh prints the bin folder. */
export function buildBinaries(): string {
  const out = execFileSync(path.join(E2E, 'build.sh'), {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return out.trim().split('\n').pop() as string;
}

/**
 * A free port below Linux's ephemeral range (32768-60999), so that no outgoing connection takes it
 * between the moment it is chosen and the moment its program binds it (Kueue and kwok start well
 * after the API server, which meanwhile serves hundreds of connections).
 */
async function freePort(taken: ReadonlySet<number>): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 12000);
    if (taken.has(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.unref();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port on 127.0.0.1 between 20000 and 32000');
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A CA, the API server's and Kueue's serving certificates (127.0.0.1), the service-account key. */
function makeCertificates(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '7',
      '-subj',
      '/CN=aif-e2e-ca',
    ],
    dir,
  );
  for (const [name, sans] of [
    ['apiserver', 'IP:127.0.0.1,DNS:localhost,DNS:kubernetes.default.svc'],
    ['kueue', 'IP:127.0.0.1,DNS:localhost'],
  ]) {
    openssl(
      [
        'req',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.csr`,
        '-subj',
        `/CN=${name}`,
      ],
      dir,
    );
    fs.writeFileSync(path.join(dir, `${name}.ext`), `subjectAltName=${sans}\nextendedKeyUsage=serverAuth\n`);
    openssl(
      [
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        'ca.crt',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-out',
        `${name}.crt`,
        '-days',
        '7',
        '-extfile',
        `${name}.ext`,
      ],
      dir,
    );
  }
  openssl(['genrsa', '-out', 'sa.key', '2048'], dir);
  openssl(['rsa', '-in', 'sa.key', '-pubout', '-out', 'sa.pub'], dir);
}

/** The identities of the control plane, by static token (the API server's --token-auth-file). */
const IDENTITIES: ReadonlyArray<{ name: string; user: string; groups: string[] }> = [
  { name: 'admin', user: 'aif-e2e-admin', groups: ['system:masters'] },
  { name: 'controller-manager', user: 'system:kube-controller-manager', groups: [] },
  { name: 'scheduler', user: 'system:kube-scheduler', groups: [] },
  // Kueue as its chart runs it: the identity the library's admission policies let through.
  {
    name: 'kueue',
    user: 'system:serviceaccount:kueue-system:kueue-controller-manager',
    groups: ['system:serviceaccounts', 'system:serviceaccounts:kueue-system'],
  },
];

function writeKubeconfigs(work: string, apiPort: number): void {
  const lines: string[] = [];
  for (const id of IDENTITIES) {
    const token = execFileSync('openssl', ['rand', '-hex', '24'], { encoding: 'utf8' }).trim();
    lines.push(`${token},${id.user},${id.user},"${id.groups.join(',')}"`);
    const kubeconfig = {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: 'aif-e2e',
          cluster: {
            server: `https://127.0.0.1:${apiPort}`,
            'certificate-authority': path.join(work, 'pki', 'ca.crt'),
          },
        },
      ],
      users: [{ name: id.name, user: { token } }],
      contexts: [{ name: 'aif-e2e', context: { cluster: 'aif-e2e', user: id.name } }],
      'current-context': 'aif-e2e',
    };
    fs.writeFileSync(path.join(work, `${id.name}.kubeconfig`), JSON.stringify(kubeconfig, null, 2), {
      mode: 0o600,
    });
  }
  fs.writeFileSync(path.join(work, 'pki', 'tokens.csv'), lines.join('\n') + '\n', { mode: 0o600 });
}

function start(
  work: string,
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): number {
  const logs = path.join(work, 'logs');
  fs.mkdirSync(logs, { recursive: true });
  const out = fs.openSync(path.join(logs, `${name}.log`), 'a');
  const child = spawn(command, args, {
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, ...env },
  });
  child.unref();
  fs.closeSync(out);
  if (child.pid === undefined) throw new Error(`${name} did not start`);
  return child.pid;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(
  what: string,
  test: () => boolean,
  seconds: number,
  pid?: number,
  logFile?: string,
): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (test()) return;
    if (pid !== undefined && !alive(pid)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const tail =
    logFile && fs.existsSync(logFile)
      ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n')
      : '';
  throw new Error(
    `${what} did not become ready within ${seconds} s${tail ? `; the end of ${logFile}:\n${tail}` : ''}`,
  );
}

export function kubectl(
  state: Pick<ClusterState, 'bin' | 'kubeconfig'>,
  args: string[],
  input?: string,
): string {
  return execFileSync(path.join(state.bin, 'kubectl'), ['--kubeconfig', state.kubeconfig, ...args], {
    encoding: 'utf8',
    input,
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** Whether a local health endpoint answers 2xx. */
function healthy(url: string): boolean {
  return succeeds(() => execFileSync('curl', ['-sf', url]));
}

function succeeds(f: () => unknown): boolean {
  try {
    f();
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts etcd, the API server, the controller manager and the scheduler, and writes the state
 * file. Kueue and kwok come after the CRDs (see startKueue and startKwok).
 */
export async function startControlPlane(): Promise<ClusterState> {
  const work = workDir();
  const previous = readState(work);
  if (previous && Object.values(previous.pids).some((pid) => alive(pid) && runsFrom(pid, previous.bin))) {
    throw new Error(
      `a control plane of ${work} is still running (PIDs ${Object.values(previous.pids).join(', ')}): run npm run e2e:down first`,
    );
  }
  for (const tool of ['openssl', 'curl']) {
    if (!succeeds(() => execFileSync('sh', ['-c', `command -v ${tool}`]))) {
      throw new Error(`the e2e harness needs ${tool} on PATH (Debian: apt-get install ${tool})`);
    }
  }
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const bin = buildBinaries();
  const pki = path.join(work, 'pki');
  makeCertificates(pki);
  const ports: Record<string, number> = {};
  for (const p of [
    'etcd',
    'etcdPeer',
    'apiserver',
    'controllerManager',
    'scheduler',
    'kueueWebhook',
    'kueueHealth',
    'kueueMetrics',
    'kueueVisibility',
    'kwok',
  ]) {
    ports[p] = await freePort(new Set(Object.values(ports)));
  }
  writeKubeconfigs(work, ports.apiserver);
  const pids: Record<string, number> = {};
  const state: ClusterState = { work, bin, ports, pids, kubeconfig: path.join(work, 'admin.kubeconfig') };
  const save = (): void => fs.writeFileSync(stateFile(work), JSON.stringify(state, null, 2));
  save();

  pids.etcd = start(work, 'etcd', path.join(bin, 'etcd'), [
    '--name=aif-e2e',
    `--data-dir=${path.join(work, 'etcd')}`,
    `--listen-client-urls=http://127.0.0.1:${ports.etcd}`,
    `--advertise-client-urls=http://127.0.0.1:${ports.etcd}`,
    `--listen-peer-urls=http://127.0.0.1:${ports.etcdPeer}`,
    `--initial-advertise-peer-urls=http://127.0.0.1:${ports.etcdPeer}`,
    `--initial-cluster=aif-e2e=http://127.0.0.1:${ports.etcdPeer}`,
    '--unsafe-no-fsync=true', // a test cluster: speed over durability
    '--log-level=warn',
  ]);
  save();
  await waitFor(
    'etcd',
    () => healthy(`http://127.0.0.1:${ports.etcd}/health`),
    60,
    pids.etcd,
    path.join(work, 'logs', 'etcd.log'),
  );

  pids.apiserver = start(work, 'kube-apiserver', path.join(bin, 'kube-apiserver'), [
    `--etcd-servers=http://127.0.0.1:${ports.etcd}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--secure-port=${ports.apiserver}`,
    `--tls-cert-file=${path.join(pki, 'apiserver.crt')}`,
    `--tls-private-key-file=${path.join(pki, 'apiserver.key')}`,
    `--client-ca-file=${path.join(pki, 'ca.crt')}`,
    `--token-auth-file=${path.join(pki, 'tokens.csv')}`,
    '--authorization-mode=RBAC',
    '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
    `--service-account-key-file=${path.join(pki, 'sa.pub')}`,
    `--service-account-signing-key-file=${path.join(pki, 'sa.key')}`,
    '--service-cluster-ip-range=10.96.0.0/16',
    '--profiling=false',
    // As on a real cluster (the GPU operators run privileged pods): Pod Security, not this flag,
    // keeps tenants' pods unprivileged.
    '--allow-privileged=true',
    '--v=1',
  ]);
  save();
  const admin = { bin, kubeconfig: state.kubeconfig };
  await waitFor(
    'kube-apiserver',
    () => succeeds(() => kubectl(admin, ['get', '--raw', '/readyz'])),
    120,
    pids.apiserver,
    path.join(work, 'logs', 'kube-apiserver.log'),
  );

  pids.controllerManager = start(work, 'kube-controller-manager', path.join(bin, 'kube-controller-manager'), [
    `--kubeconfig=${path.join(work, 'controller-manager.kubeconfig')}`,
    `--authentication-kubeconfig=${path.join(work, 'controller-manager.kubeconfig')}`,
    `--authorization-kubeconfig=${path.join(work, 'controller-manager.kubeconfig')}`,
    '--bind-address=127.0.0.1',
    `--secure-port=${ports.controllerManager}`,
    '--leader-elect=false',
    // As kubeadm runs it: each controller under its own service account, which the library's
    // admission policies name as the cluster's controllers.
    '--use-service-account-credentials=true',
    `--service-account-private-key-file=${path.join(pki, 'sa.key')}`,
    `--root-ca-file=${path.join(pki, 'ca.crt')}`,
    '--v=1',
  ]);
  pids.scheduler = start(work, 'kube-scheduler', path.join(bin, 'kube-scheduler'), [
    `--kubeconfig=${path.join(work, 'scheduler.kubeconfig')}`,
    `--authentication-kubeconfig=${path.join(work, 'scheduler.kubeconfig')}`,
    `--authorization-kubeconfig=${path.join(work, 'scheduler.kubeconfig')}`,
    '--bind-address=127.0.0.1',
    `--secure-port=${ports.scheduler}`,
    '--leader-elect=false',
    '--v=1',
  ]);
  save();
  // The controller manager's service-account controller makes 'default' in each namespace.
  await waitFor(
    'kube-controller-manager',
    () => succeeds(() => kubectl(admin, ['get', 'serviceaccount', 'default', '-n', 'default'])),
    60,
    pids.controllerManager,
    path.join(work, 'logs', 'kube-controller-manager.log'),
  );
  return state;
}

export function saveState(state: ClusterState): void {
  fs.writeFileSync(stateFile(state.work), JSON.stringify(state, null, 2));
}

/** Stops every process of the state file (SIGTERM, then SIGKILL after 10 s), by process group. */
export async function stopControlPlane(work = workDir()): Promise<string[]> {
  const state = readState(work);
  if (!state) return [];
  const stopped: string[] = [];
  const order = ['kwok', 'kueue', 'scheduler', 'controllerManager', 'apiserver', 'etcd'];
  const names = [
    ...order.filter((n) => n in state.pids),
    ...Object.keys(state.pids).filter((n) => !order.includes(n)),
  ];
  for (const name of names) {
    const pid = state.pids[name];
    // Only a process that runs one of the harness's programs: a PID of a state file left behind
    // may belong to something else by now.
    if (!alive(pid) || !runsFrom(pid, state.bin)) continue;
    signal(pid, 'SIGTERM');
    const deadline = Date.now() + 10_000;
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (alive(pid)) signal(pid, 'SIGKILL');
    stopped.push(`${name} (${pid})`);
  }
  if (state.createdMetricsCertDir) fs.rmSync(state.createdMetricsCertDir, { recursive: true, force: true });
  fs.rmSync(stateFile(work), { force: true });
  return stopped;
}

/** Whether a process runs a program of the bin folder (its command line names it). */
function runsFrom(pid: number, bin: string): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0].startsWith(bin);
  } catch {
    return false;
  }
}

/** Signals a process's group (it was started detached, as its leader), else the process alone. */
function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pid, sig);
  } catch {
    try {
      process.kill(pid, sig);
    } catch {
      // gone meanwhile
    }
  }
}

export { start, waitFor, succeeds, healthy, alive, log };
