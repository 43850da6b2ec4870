import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../lib/cli/main';
import { sampleProfile } from '../helpers';

describe('aif charts', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-charts-'));
    const mirrored = sampleProfile({
      name: 'north',
      mirror: {
        charts: { url: 'oci://registry.site.example/charts/' },
        images: { registry: 'registry.site.example/mirror' },
      },
    });
    fs.writeFileSync(path.join(dir, 'north.js'), `exports.profile = ${JSON.stringify(mirrored)};`);
    const https = sampleProfile({
      name: 'south',
      mirror: { charts: { url: 'https://charts.site.example/aif' } },
    });
    fs.writeFileSync(path.join(dir, 'south.js'), `exports.profile = ${JSON.stringify(https)};`);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the charts and images of each site and the commands that copy them into its mirror', async () => {
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await main(['charts', '--sites', dir])).toBe(0);
      const text = out.mock.calls.map((c) => String(c[0])).join('');
      const [north, south] = text.split('\n\n');
      expect(north.split('\n')).toEqual([
        '# north (mirror: oci://registry.site.example/charts/, registry.site.example/mirror)',
        '# charts:',
        '#   https://helm.ngc.nvidia.com/nvidia gpu-operator v26.7.0',
        '# images:',
        '#   nvcr.io/nvidia/cloud-native/k8s-mig-manager:v0.15.0',
        '#   nvcr.io/nvidia/gpu-operator:v26.7.0',
        '#   nvcr.io/nvidia/k8s-device-plugin:v0.20.0',
        '#   nvcr.io/nvidia/k8s/container-toolkit:v1.20.0',
        '#   nvcr.io/nvidia/k8s/dcgm-exporter:4.6.0-4.8.3-distroless',
        "# not rewritten (subchart): gpu-operator v26.7.0: node-feature-discovery; list its images with 'helm template' and mirror them too",
        'helm pull gpu-operator --repo https://helm.ngc.nvidia.com/nvidia --version v26.7.0',
        'helm push gpu-operator-v26.7.0.tgz oci://registry.site.example/charts',
        'skopeo copy --all --preserve-digests docker://nvcr.io/nvidia/cloud-native/k8s-mig-manager:v0.15.0 docker://registry.site.example/mirror/nvidia/cloud-native/k8s-mig-manager:v0.15.0',
        'skopeo copy --all --preserve-digests docker://nvcr.io/nvidia/gpu-operator:v26.7.0 docker://registry.site.example/mirror/nvidia/gpu-operator:v26.7.0',
        'skopeo copy --all --preserve-digests docker://nvcr.io/nvidia/k8s-device-plugin:v0.20.0 docker://registry.site.example/mirror/nvidia/k8s-device-plugin:v0.20.0',
        'skopeo copy --all --preserve-digests docker://nvcr.io/nvidia/k8s/container-toolkit:v1.20.0 docker://registry.site.example/mirror/nvidia/k8s/container-toolkit:v1.20.0',
        'skopeo copy --all --preserve-digests docker://nvcr.io/nvidia/k8s/dcgm-exporter:4.6.0-4.8.3-distroless docker://registry.site.example/mirror/nvidia/k8s/dcgm-exporter:4.6.0-4.8.3-distroless',
      ]);
      // An HTTPS chart repository takes uploads its own way; images without a mirror get a placeholder.
      expect(south.split('\n').filter((l) => l.startsWith('helm') || l.startsWith('# upload'))).toEqual([
        'helm pull gpu-operator --repo https://helm.ngc.nvidia.com/nvidia --version v26.7.0',
        "# upload gpu-operator-v26.7.0.tgz to https://charts.site.example/aif (helm push needs an OCI registry; use your chart repository's upload API)",
      ]);
      expect(south).toContain(
        'skopeo copy --all --preserve-digests docker://nvcr.io/nvidia/gpu-operator:v26.7.0 docker://${IMAGE_MIRROR}/nvidia/gpu-operator:v26.7.0',
      );
    } finally {
      out.mockRestore();
    }
  });

  it('refuses profiles with problems', async () => {
    fs.writeFileSync(
      path.join(dir, 'west.js'),
      `exports.profile = ${JSON.stringify(sampleProfile({ name: 'west', mirror: { images: { registry: 'HTTP://x' } } }))};`,
    );
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['charts', '--sites', dir])).toBe(1);
      expect(String(err.mock.calls[0][0])).toMatch(
        /^1 problem\(s\):\n {2}west: \[MIRROR_REGISTRY_INVALID\] mirror\.images\.registry:/,
      );
    } finally {
      err.mockRestore();
      fs.rmSync(path.join(dir, 'west.js'));
    }
  });
});
