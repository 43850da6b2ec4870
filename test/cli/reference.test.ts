import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../lib/cli/main';
import { App } from 'cdktf';
import { AiFactorySite, PinnedRelease } from '../../lib';
import { CHARTS } from '../../lib/platform/charts';
import { sampleProfile } from '../helpers';

/**
 * A stand-in `helm` on the PATH: records each invocation (one JSON array a line) and prints canned
 * YAML; `pull --untar` unpacks a chart whose CRD sits in templates/ with template directives, as
 * Kueue's does.
 */
const CRD = (group: string, plural: string, kind: string): string =>
  `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: ${plural}.${group}\n` +
  `spec:\n  group: ${group}\n  names:\n    kind: ${kind}\n    plural: ${plural}\n  scope: Cluster\n  versions: []\n`;
const KUEUE_TEMPLATE =
  '{{- if .Values.enableCRDs }}\n' +
  CRD('kueue.x-k8s.io', 'clusterqueues', 'ClusterQueue').replace(
    'metadata:',
    'metadata:\n  annotations:\n    {{- include "kueue.annotations" . | nindent 4 }}\n    cert: {{ .Release.Namespace }}/serving-cert',
  ) +
  '{{- end }}\n';
// A shell script rather than node: it runs 37 times per test, and node's start-up would dominate.
const FAKE_HELM = `#!/bin/sh
for a in "$@"; do printf '%s\t' "$a"; done >> "$HELM_LOG"; echo >> "$HELM_LOG"
if [ "$1" = pull ]; then ref=$2; else ref=$3; fi
name=\${ref##*/}
version=; untardir=; prev=
for a in "$@"; do
  [ "$prev" = --version ] && version=$a
  [ "$prev" = --untardir ] && untardir=$a
  prev=$a
done
case "$1 $2" in
  "show chart") printf 'apiVersion: v2\nname: %s\nversion: %s\n' "$name" "$version" ;;
  "show values") printf '# defaults of %s\nimage:\n  repository: example/%s\n' "$name" "$name" ;;
  "show crds") if [ "$name" = slurm-operator-crds ]; then cat <<'EOF'
---
${CRD('slinky.slurm.net', 'nodesets', 'NodeSet')}---
${CRD('slinky.slurm.net', 'controllers', 'Controller')}EOF
    fi ;;
  pull*) mkdir -p "$untardir/$name/templates/crd"
    cat > "$untardir/$name/templates/crd/kueue.x-k8s.io_clusterqueues.yaml" <<'EOF'
${KUEUE_TEMPLATE}EOF
    echo 'kind: Deployment' > "$untardir/$name/templates/deployment.yaml" ;;
  *) echo unexpected >&2; exit 3 ;;
esac
`;

describe('aif reference pull', () => {
  let dir: string;
  let log: string;
  const env = { PATH: process.env.PATH, HELM_LOG: process.env.HELM_LOG };
  let out: jest.SpyInstance;
  let err: jest.SpyInstance;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-reference-'));
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.writeFileSync(path.join(dir, 'bin', 'helm'), FAKE_HELM, { mode: 0o755 });
    log = path.join(dir, 'helm.log');
    process.env.PATH = `${path.join(dir, 'bin')}${path.delimiter}${env.PATH}`;
    process.env.HELM_LOG = log;
    out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    process.env.PATH = env.PATH;
    process.env.HELM_LOG = env.HELM_LOG;
    out.mockRestore();
    err.mockRestore();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const calls = (): string[][] =>
    fs
      .readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.replace(/\t$/, '').split('\t'));

  it("also asks for the charts of the site's own releases in synthesized output (--out)", async () => {
    const outdir = path.join(dir, 'cdktf.out');
    const app = new App({ outdir, stackTraces: false });
    const site = new AiFactorySite(app, sampleProfile());
    new PinnedRelease(site.platform, 'exporter', {
      chart: {
        key: 'site-exporter',
        repository: 'oci://registry.example.org/charts',
        chart: 'site-exporter',
        version: '1.4.2',
        namespace: 'monitoring',
        docs: 'https://example.org',
      },
      values: {},
    });
    app.synth();
    expect(await main(['reference', 'pull', path.join(dir, 'ref'), '--out', outdir])).toBe(0);
    expect(calls().filter((a) => a.includes('1.4.2'))).toEqual(
      ['chart', 'values', 'crds'].map((what) => [
        'show',
        what,
        'oci://registry.example.org/charts/site-exporter',
        '--version',
        '1.4.2',
      ]),
    );
    expect(fs.existsSync(path.join(dir, 'ref', 'charts', 'site-exporter-1.4.2', 'values.yaml'))).toBe(true);
  });

  it('asks helm for every pinned chart by its repository and exact version', async () => {
    expect(await main(['reference', 'pull', path.join(dir, 'ref')])).toBe(0);
    const all = calls();
    // Three questions per chart, and one pull for the chart whose CRDs are templates.
    expect(all).toHaveLength(Object.keys(CHARTS).length * 3 + 1);
    expect(all.filter((a) => a.includes('0.19.2'))).toEqual([
      ['show', 'chart', 'oci://registry.k8s.io/kueue/charts/kueue', '--version', '0.19.2'],
      ['show', 'values', 'oci://registry.k8s.io/kueue/charts/kueue', '--version', '0.19.2'],
      ['show', 'crds', 'oci://registry.k8s.io/kueue/charts/kueue', '--version', '0.19.2'],
      [
        'pull',
        'oci://registry.k8s.io/kueue/charts/kueue',
        '--version',
        '0.19.2',
        '--untar',
        '--untardir',
        expect.any(String),
      ],
    ]);
    expect(all.filter((a) => a.includes('v26.7.0'))).toEqual(
      ['chart', 'values', 'crds'].map((what) => [
        'show',
        what,
        'gpu-operator',
        '--repo',
        'https://helm.ngc.nvidia.com/nvidia',
        '--version',
        'v26.7.0',
      ]),
    );
  });

  it("takes every chart from a site's chart mirror with --mirror", async () => {
    expect(
      await main([
        'reference',
        'pull',
        path.join(dir, 'ref'),
        '--mirror',
        'oci://registry.site.example/charts/',
      ]),
    ).toBe(0);
    expect(
      calls().filter((a) => a[1] === 'values' && ['kueue', 'gpu-operator'].includes(a[2].split('/').pop()!)),
    ).toEqual([
      ['show', 'values', 'oci://registry.site.example/charts/gpu-operator', '--version', 'v26.7.0'],
      ['show', 'values', 'oci://registry.site.example/charts/kueue', '--version', '0.19.2'],
    ]);
  });

  it('writes values, Chart.yaml and CRDs in the layout aif verify reads', async () => {
    const ref = path.join(dir, 'ref');
    await main(['reference', 'pull', ref]);
    expect(fs.readFileSync(path.join(ref, 'charts', 'kueue-0.19.2', 'values.yaml'), 'utf8')).toBe(
      '# defaults of kueue\nimage:\n  repository: example/kueue\n',
    );
    expect(
      fs.readFileSync(path.join(ref, 'charts', 'nvidia-gpu-operator-v26.7.0', 'Chart.yaml'), 'utf8'),
    ).toBe('apiVersion: v2\nname: gpu-operator\nversion: v26.7.0\n');
    expect(fs.readdirSync(path.join(ref, 'crds')).sort()).toEqual([
      'kueue-0.19.2',
      'slurm-operator-crds-1.2.1',
    ]);
    expect(fs.readdirSync(path.join(ref, 'crds', 'slurm-operator-crds-1.2.1')).sort()).toEqual([
      'slinky.slurm.net_controllers.yaml',
      'slinky.slurm.net_nodesets.yaml',
    ]);
    // From the unpacked chart's templates, directives blanked: the deployment is not a CRD.
    const kueue = fs.readFileSync(
      path.join(ref, 'crds', 'kueue-0.19.2', 'kueue.x-k8s.io_clusterqueues.yaml'),
      'utf8',
    );
    expect(fs.readdirSync(path.join(ref, 'crds', 'kueue-0.19.2'))).toEqual([
      'kueue.x-k8s.io_clusterqueues.yaml',
    ]);
    expect(kueue).toMatch(/^---\napiVersion: apiextensions\.k8s\.io\/v1\nkind: CustomResourceDefinition\n/);
    expect(kueue).not.toContain('{{');
  });

  it('says what failed when helm fails or is missing', async () => {
    fs.writeFileSync(
      path.join(dir, 'bin', 'helm'),
      '#!/bin/sh\necho "Error: failed to fetch" >&2\nexit 1\n',
      { mode: 0o755 },
    );
    expect(await main(['reference', 'pull', path.join(dir, 'ref')])).toBe(1);
    expect(String(err.mock.calls.at(-1)?.[0])).toMatch(
      /^12 chart\(s\) could not be pulled:\n {2}cert-manager v1\.21\.1: \[HELM_FAILED\] helm show chart oci:\/\/quay\.io\/jetstack\/charts\/cert-manager --version v1\.21\.1 exited 1: Error: failed to fetch\. Fix: /,
    );
    process.env.PATH = path.join(dir, 'nothing');
    expect(await main(['reference', 'pull', path.join(dir, 'ref')])).toBe(1);
    expect(String(err.mock.calls.at(-1)?.[0])).toMatch(/\[HELM_MISSING\] the helm CLI is not on the PATH/);
  });

  it('needs an action and a directory', async () => {
    expect(await main(['reference', 'pull'])).toBe(2);
    expect(String(err.mock.calls.at(-1)?.[0])).toBe(
      'aif reference: missing argument\nusage: aif reference pull <dir> [--mirror <url>] [--out <dir>]\n',
    );
  });
});

describe('aif verify without a reference', () => {
  it('says how to get one', async () => {
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['verify'])).toBe(2);
      expect(String(err.mock.calls[0][0])).toMatch(
        /Make one with the helm CLI: npx aif reference pull reference/,
      );
    } finally {
      err.mockRestore();
    }
  });
});
