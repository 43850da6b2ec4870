import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { mirrorCommands } from '../../lib/cli/charts';
import { main } from '../../lib/cli/main';
import { App } from 'cdktf';
import { AiFactorySite, PinnedRelease, type ChartRef } from '../../lib';
import { sampleProfile } from '../helpers';

/** A chart of the site's own, with the image slot its values name. */
const EXPORTER: ChartRef = {
  key: 'site-exporter',
  repository: 'oci://registry.example.org/charts',
  chart: 'site-exporter',
  version: '1.4.2',
  namespace: 'monitoring',
  docs: 'https://example.org/site-exporter',
  images: [{ kind: 'repository', path: 'image', image: 'quay.io/example/site-exporter', tag: 'v1.4.2' }],
};

describe('aif charts', () => {
  let dir: string;
  let out: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-charts-'));
    out = path.join(dir, 'cdktf.out');
    const app = new App({ outdir: out, stackTraces: false });
    const north = new AiFactorySite(
      app,
      sampleProfile({
        name: 'north',
        mirror: {
          charts: { url: 'oci://registry.site.example/charts/' },
          images: { registry: 'registry.site.example/mirror' },
        },
      }),
    );
    // The site's own release, added in code: listed and mirrored like the library's.
    new PinnedRelease(north.platform, 'site-exporter', { chart: EXPORTER, values: {} });
    new AiFactorySite(
      app,
      sampleProfile({ name: 'south', mirror: { charts: { url: 'https://charts.site.example/aif' } } }),
    );
    app.synth();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the charts and images of each site and the commands that copy them into its mirror', async () => {
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await main(['charts', '--out', out])).toBe(0);
      const text = stdout.mock.calls.map((c) => String(c[0])).join('');
      const [north, south] = text.split('\n\n');
      expect(north.split('\n')).toEqual([
        '# north (mirror: oci://registry.site.example/charts/, registry.site.example/mirror)',
        '# charts:',
        '#   https://helm.ngc.nvidia.com/nvidia gpu-operator v26.7.0',
        '#   oci://registry.example.org/charts site-exporter 1.4.2',
        '# images:',
        '#   nvcr.io/nvidia/cloud-native/k8s-mig-manager:v0.15.0',
        '#   nvcr.io/nvidia/gpu-operator:v26.7.0',
        '#   nvcr.io/nvidia/k8s-device-plugin:v0.20.0',
        '#   nvcr.io/nvidia/k8s/container-toolkit:v1.20.0',
        '#   nvcr.io/nvidia/k8s/dcgm-exporter:4.6.0-4.8.3-distroless',
        '#   quay.io/example/site-exporter:v1.4.2',
        "# not rewritten (subchart): gpu-operator v26.7.0: node-feature-discovery; list its images with 'helm template' and mirror them too",
        'helm pull gpu-operator --repo https://helm.ngc.nvidia.com/nvidia --version v26.7.0',
        'helm push gpu-operator-v26.7.0.tgz oci://registry.site.example/charts',
        'helm pull oci://registry.example.org/charts/site-exporter --version 1.4.2',
        'helm push site-exporter-1.4.2.tgz oci://registry.site.example/charts',
        'skopeo copy --all --preserve-digests docker://nvcr.io/nvidia/cloud-native/k8s-mig-manager:v0.15.0 docker://registry.site.example/mirror/nvidia/cloud-native/k8s-mig-manager:v0.15.0',
        'skopeo copy --all --preserve-digests docker://nvcr.io/nvidia/gpu-operator:v26.7.0 docker://registry.site.example/mirror/nvidia/gpu-operator:v26.7.0',
        'skopeo copy --all --preserve-digests docker://nvcr.io/nvidia/k8s-device-plugin:v0.20.0 docker://registry.site.example/mirror/nvidia/k8s-device-plugin:v0.20.0',
        'skopeo copy --all --preserve-digests docker://nvcr.io/nvidia/k8s/container-toolkit:v1.20.0 docker://registry.site.example/mirror/nvidia/k8s/container-toolkit:v1.20.0',
        'skopeo copy --all --preserve-digests docker://nvcr.io/nvidia/k8s/dcgm-exporter:4.6.0-4.8.3-distroless docker://registry.site.example/mirror/nvidia/k8s/dcgm-exporter:4.6.0-4.8.3-distroless',
        'skopeo copy --all --preserve-digests docker://quay.io/example/site-exporter:v1.4.2 docker://registry.site.example/mirror/example/site-exporter:v1.4.2',
      ]);
      // The site's release pulls its chart and its image from the mirror, as the library's do.
      const platform = JSON.parse(
        fs.readFileSync(path.join(out, 'stacks', 'north-platform', 'cdk.tf.json'), 'utf8'),
      );
      const rel = platform.resource.helm_release['helm_monitoring_site-exporter'];
      expect(rel.repository).toBe('oci://registry.site.example/charts');
      // With the declared tag: the chart's own default may differ from what was copied.
      expect(JSON.parse(rel.values[0]).image).toEqual({
        repository: 'registry.site.example/mirror/example/site-exporter',
        tag: 'v1.4.2',
      });
      // An HTTPS chart repository takes uploads its own way; images without a mirror get a placeholder.
      expect(south.split('\n').filter((l) => l.startsWith('helm') || l.startsWith('# upload'))).toEqual([
        'helm pull gpu-operator --repo https://helm.ngc.nvidia.com/nvidia --version v26.7.0',
        "# upload gpu-operator-v26.7.0.tgz to https://charts.site.example/aif (helm push needs an OCI registry; use your chart repository's upload API)",
      ]);
      expect(south).toContain(
        'skopeo copy --all --preserve-digests docker://nvcr.io/nvidia/gpu-operator:v26.7.0 docker://${IMAGE_MIRROR}/nvidia/gpu-operator:v26.7.0',
      );
    } finally {
      stdout.mockRestore();
    }
  });

  it('copies no image that is in the mirror already (a site-built one)', () => {
    expect(
      mirrorCommands({
        site: 'x',
        mirror: { images: { registry: 'registry.site.example/mirror' } },
        charts: [],
        images: ['registry.site.example/mirror/slurm/slurmd-rocm:26.05.1-ubuntu26.04', 'quay.io/a/b:1.0.0'],
        subcharts: [],
      }),
    ).toEqual([
      '# in the mirror already: registry.site.example/mirror/slurm/slurmd-rocm:26.05.1-ubuntu26.04',
      'skopeo copy --all --preserve-digests docker://quay.io/a/b:1.0.0 docker://registry.site.example/mirror/a/b:1.0.0',
    ]);
  });

  it('reads one site, and says what to do without synthesized output', async () => {
    const o = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const e = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['charts', '--out', out, '--site', 'south'])).toBe(0);
      expect(o.mock.calls.map((c) => String(c[0])).join('')).toMatch(/^# south \(mirror: /);
      expect(await main(['charts', '--out', path.join(dir, 'nothing')])).toBe(1);
      expect(String(e.mock.calls[0][0])).toContain("run 'npx aif synth' first");
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
  });
});
