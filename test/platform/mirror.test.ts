import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { loadProfiles } from '../../lib/cli/profiles';
import { synthesizeSites } from '../../lib/cli/synth';
import { formatIssue, siteIssues, type SiteProfile } from '../../lib/model';
import { CHARTS, type ChartRef } from '../../lib/platform/charts';
import { CHART_IMAGES } from '../../lib/platform/images';
import { imagePath, mirroredImage } from '../../lib/platform/mirror';
import { releaseImages } from '../../lib/platform/images';
import { formatProblem, verifyOutput } from '../../lib/review/verify';
import { runsWithReference, sampleProfile } from '../helpers';

const ROOT = path.join(__dirname, '..', '..');
const REFERENCE = path.join(ROOT, '..', 'shared', 'reference');
const UPSTREAM = /\b(nvcr\.io|registry\.k8s\.io|quay\.io|ghcr\.io|docker\.io|us-central1-docker\.pkg\.dev)\//;

const MIRROR = {
  charts: {
    url: 'oci://registry.site.example/charts',
    credentials: { usernameVariable: 'chart_mirror_username', passwordVariable: 'chart_mirror_password' },
  },
  images: { registry: 'registry.site.example/mirror' },
} as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

function get(v: unknown, dotted: string): unknown {
  return dotted
    .split('.')
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Json)[k] : undefined), v);
}

describe('image names', () => {
  it('keep their path without the upstream host', () => {
    expect(imagePath('nvcr.io/nvidia/cloud-native/dcgm')).toBe('nvidia/cloud-native/dcgm');
    expect(imagePath('docker.io/library/alpine')).toBe('library/alpine');
    expect(imagePath('busybox')).toBe('library/busybox');
    expect(imagePath('localhost:5000/x/y')).toBe('x/y');
    expect(mirroredImage('registry.k8s.io/kueue/kueue', 'registry.site.example/mirror/')).toBe(
      'registry.site.example/mirror/kueue/kueue',
    );
  });
});

describe('mirror checks', () => {
  const codes = (mirror: unknown) =>
    siteIssues(sampleProfile({ mirror } as Partial<SiteProfile>)).map((i) => formatIssue(i));

  it('accept an OCI or HTTPS chart mirror, credentials by variable name and a registry path', () => {
    expect(codes(MIRROR)).toEqual([]);
    expect(codes({ charts: { url: 'https://charts.site.example/aif' } })).toEqual([]);
  });

  it('refuse other URLs, literal credentials and registries with a scheme or tag', () => {
    expect(
      codes({
        charts: { url: 'http://charts.site.example', credentials: { username: 'aif', password: 'hunter2' } },
        images: { registry: 'https://registry.site.example/mirror:v1' },
      }),
    ).toEqual([
      expect.stringMatching(
        /^\[MIRROR_URL_INVALID\] mirror\.charts\.url: the chart mirror is not an oci:\/\/ or https:\/\/ URL \(received: "http:\/\/charts\.site\.example"\)\. Fix: use `oci:/,
      ),
      "[MIRROR_CREDENTIALS_INVALID] mirror.charts.credentials: credentials are taken by reference only, not as 'username', 'password' (received: \"{ username, password }\"). Fix: name two Terraform variables, `{ usernameVariable: 'chart_mirror_username', passwordVariable: 'chart_mirror_password' }`, and set TF_VAR_chart_mirror_password where you deploy",
      expect.stringMatching(
        /^\[MIRROR_REGISTRY_INVALID\] mirror\.images\.registry: .*\(received: "https:\/\/registry\.site\.example\/mirror:v1"\)\. Fix: write it like `registry\.site\.example\/mirror`$/,
      ),
    ]);
    const leaked = codes({ charts: { url: 'oci://aif:hunter2@registry.site.example/charts' } });
    expect(leaked).toEqual([
      expect.stringMatching(
        /^\[MIRROR_CREDENTIALS_INVALID\] mirror\.charts\.url: .*"oci:\/\/\*\*\*@registry/,
      ),
    ]);
    expect(leaked.join()).not.toContain('hunter2');
    expect(
      codes({
        charts: { url: 'oci://r.example/c', credentials: { usernameVariable: 'u', passwordVariable: '1 x' } },
      }),
    ).toEqual([
      expect.stringMatching(
        /^\[MIRROR_CREDENTIALS_INVALID\] mirror\.charts\.credentials\.passwordVariable: not a Terraform variable name/,
      ),
    ]);
    expect(
      codes({
        charts: { url: 'oci://r.example/c', credentials: { usernameVariable: 'u', passwordVariable: 'u' } },
      }),
    ).toEqual([
      expect.stringMatching(
        /^\[MIRROR_CREDENTIALS_INVALID\] mirror\.charts\.credentials: the user name and the password are one variable/,
      ),
    ]);
  });
});

describe('a site with a mirror', () => {
  let dir: string;
  let stacks: Record<string, Json>;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-mirror-'));
    const profiles = loadProfiles(path.join(ROOT, 'stacks', 'sites')).map((p) => ({ ...p, mirror: MIRROR }));
    expect(synthesizeSites(profiles, path.join(dir, 'cdktf.out')).problems).toEqual([]);
    stacks = Object.fromEntries(
      fs
        .readdirSync(path.join(dir, 'cdktf.out', 'stacks'))
        .map((s) => [
          s,
          JSON.parse(
            fs.readFileSync(path.join(dir, 'cdktf.out', 'stacks', s, 'cdk.tf.json'), 'utf8'),
          ) as Json,
        ]),
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const releases = () =>
    Object.entries(stacks).flatMap(([s, json]) =>
      Object.entries((json.resource?.helm_release ?? {}) as Json).map(([name, r]) => ({
        at: `${s} ${name}`,
        r: r as Json,
      })),
    );

  it('pulls every chart from the mirror, with credentials from sensitive variables', () => {
    expect(releases().length).toBeGreaterThan(20);
    for (const { at, r } of releases()) {
      expect([at, r.repository, r.repository_username, r.repository_password]).toEqual([
        at,
        'oci://registry.site.example/charts',
        '${var.chart_mirror_username}',
        '${var.chart_mirror_password}',
      ]);
    }
    expect(stacks['bologna-platform'].variable.chart_mirror_password).toEqual({
      description: 'password or token for the chart mirror (TF_VAR_chart_mirror_password)',
      sensitive: true,
      type: 'string',
    });
  });

  it('names no upstream registry in any value, and points the images at the mirror', () => {
    for (const { at, r } of releases())
      expect([at, r.values[0].match(UPSTREAM)?.[0]]).toEqual([at, undefined]);
    const values = (stack: string, chart: string) =>
      JSON.parse(
        Object.values(stacks[stack].resource.helm_release as Json).find((r: Json) => r.chart === chart)
          .values[0],
      ) as Json;
    expect(values('bologna-platform', 'kueue').controllerManager.manager.image).toEqual({
      pullPolicy: 'IfNotPresent',
      repository: 'registry.site.example/mirror/kueue/kueue',
      tag: 'v0.19.2',
    });
    const gpu = values('bologna-platform', 'gpu-operator');
    expect([gpu.driver.repository, gpu.toolkit.repository, gpu.operator.repository]).toEqual([
      'registry.site.example/mirror/nvidia',
      'registry.site.example/mirror/nvidia/k8s',
      'registry.site.example/mirror/nvidia',
    ]);
    expect(values('kajaani-platform', 'cert-manager').imageRegistry).toBe('registry.site.example/mirror');
    expect(
      values('kajaani-platform', 'gpu-operator-charts').deviceConfig.spec.devicePlugin.devicePluginImage,
    ).toBe('registry.site.example/mirror/rocm/k8s-device-plugin:1.31.0.9');
    const slurm = Object.entries(stacks).find(([, j]) =>
      Object.values((j.resource?.helm_release ?? {}) as Json).some((r: Json) => r.chart === 'slurm'),
    );
    expect(slurm).toBeDefined();
    const nodesets = values(slurm![0], 'slurm').nodesets as Json;
    for (const ns of Object.values(nodesets)) {
      expect((ns as Json).slurmd.image.repository).toBe('registry.site.example/mirror/slinkyproject/slurmd');
    }
  });

  (runsWithReference(REFERENCE) ? it : it.skip)('still conforms to the upstream charts (aif verify)', () => {
    const result = verifyOutput(path.join(dir, 'cdktf.out'), REFERENCE);
    expect(result.problems.map(formatProblem)).toEqual([]);
  });
});

describe('the image table', () => {
  (runsWithReference(REFERENCE) ? it : it.skip)("names values that exist in each chart's defaults", () => {
    const wrong: string[] = [];
    for (const chart of Object.values(CHARTS) as ChartRef[]) {
      const slots = CHART_IMAGES[chart.key];
      if (!slots) {
        wrong.push(`${chart.key}: no entry in CHART_IMAGES`);
        continue;
      }
      const defaults = parse(
        fs.readFileSync(
          path.join(REFERENCE, 'charts', `${chart.key}-${chart.version}`, 'values.yaml'),
          'utf8',
        ),
      ) as Json;
      for (const slot of slots) {
        // A `*` entry inherits from the chart's `<singular>Defaults` template.
        const p = slot.path.replace(/^(nodeset|loginset)s\.\*/, '$1Defaults');
        const at = get(defaults, p);
        const ok =
          slot.kind === 'repository'
            ? typeof get(at, 'repository') === 'string'
            : slot.kind === 'split'
              ? `${String(get(at, 'repository'))}/${String(get(at, 'image'))}` === slot.image ||
                chart.key === 'network-operator'
              : typeof at === 'string';
        if (!ok) wrong.push(`${chart.key}: ${slot.kind} ${slot.path} (${JSON.stringify(at)})`);
        for (const s of slot.when ?? []) {
          if (get(defaults, s.path) !== s.default && get(defaults, s.path) !== undefined) {
            wrong.push(`${chart.key}: switch ${s.path} defaults to ${JSON.stringify(get(defaults, s.path))}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lists what a release deploys: switched-off components are left out', () => {
    const images = releaseImages(CHARTS.nvidiaGpuOperator, { driver: { enabled: false } }).map(
      (i) => `${i.image}:${i.tag}`,
    );
    expect(images).toContain('nvcr.io/nvidia/gpu-operator:v26.7.0');
    expect(images).toContain('nvcr.io/nvidia/cloud-native/k8s-mig-manager:v0.15.0');
    expect(images).not.toContain('nvcr.io/nvidia/driver:595.91.07');
    expect(images).not.toContain('nvcr.io/nvidia/cloud-native/dcgm:4.6.0-1-ubuntu24.04');
  });
});
