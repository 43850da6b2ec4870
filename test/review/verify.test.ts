import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../lib/cli/main';
import { loadProfiles, synthesizeSites } from '../../lib/cli/synth';
import { pinImages } from '../../lib/platform/images';
import {
  exampleConfigKeys,
  findImages,
  floatingTag,
  formatProblem,
  verifyOutput,
  type VerifyProblem,
} from '../../lib/review/verify';
import { runsWithReference, type TfJson } from '../helpers';

const made: string[] = [];
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Writes files under a fresh temporary directory: `{ 'a/b.yaml': text }`. */
function tree(files: Record<string, string>): string {
  const root = tempDir('aif-verify-');
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

/** A small reference directory, written by the test itself (never copied from upstream). */
const reference = tree({
  'charts/demo-1.0.0/Chart.yaml': 'name: demo\nversion: 1.0.0\n',
  'charts/demo-1.0.0/values.yaml': `---
# -- Replicas.
replicas: 1
# -- Whether the demo runs.
enabled: true
image:
  repository: example.org/demo
  tag: null
podAnnotations: {}
tolerations: []
nodeSelector:
  kubernetes.io/os: linux
# -- (map[string]object) Workers by name.
workers: {}
# -- (object) Defaults of the worker map values.
workerDefaults:
  # -- Worker replicas.
  replicas: 1
  resources: {}
  env: []
# -- Resources by container, not a Kubernetes resources block.
controller:
  resources:
    main:
      limits:
        cpu: 1
managerConfig:
  # -- An example configuration, some of it commented out.
  controllerManagerConfigYaml: |-
    apiVersion: demo.example.org/v1
    kind: Configuration
    health:
      port: 8081
    # enableExtras: true
    #waitForReady:
    #  timeout: 5m
    # See "Readiness" for guidance:
    # https://example.org/docs/readiness
    integrations:
      frameworks:
      - "batch/job"
    #  - "example.org/widget"
    #  externalFrameworks:
    #  - "Foo.v1.example.com"
    #fairSharing:
    #  enable: true
# -- (map[string]object) Queues by name.
queues:
  example:
    enabled: false
    size: 1
# -- (map[string]string) Extra settings.
extra:
  a: b
`,
  // rule b: the Chart.yaml in git has a development version
  'charts/other-v2.0.0/Chart.yaml': 'name: other\nversion: v0.0.0-devel\n',
  'charts/other-v2.0.0/values.yaml': 'enabled: true\n',
  // rule c: no Chart.yaml
  'charts/plain-3.0.0/values.yaml': 'size: 1\n',
  // a chart without values (like slurm-operator-crds)
  'charts/crds-only-1.0.0/Chart.yaml': 'name: crds-only\nversion: 1.0.0\n',
  'charts/crds-only-1.0.0/values.yaml': '',
  'crds/demo/widgets.yaml': `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.demo.example.org
spec:
  group: demo.example.org
  names: { kind: Widget, plural: widgets }
  scope: Cluster
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            apiVersion: { type: string }
            kind: { type: string }
            metadata: { type: object }
            spec:
              type: object
              required: [size]
              properties:
                size:
                  anyOf: [{ type: integer }, { type: string }]
                  x-kubernetes-int-or-string: true
                mode: { type: string, enum: [Fast, Slow] }
                parts:
                  type: array
                  items:
                    type: object
                    required: [name]
                    properties: { name: { type: string } }
                config:
                  type: object
                  x-kubernetes-preserve-unknown-fields: true
`,
});

interface Release {
  chart: string;
  version: string;
  values?: unknown;
  set?: Array<{ name: string; value: string }>;
}

/** A synthesized output directory with one stack holding the given releases and manifests. */
function output(releases: Record<string, Release>, manifests: Record<string, unknown> = {}): string {
  const resource = {
    helm_release: Object.fromEntries(
      Object.entries(releases).map(([k, r]) => [
        k,
        {
          chart: r.chart,
          version: r.version,
          values: r.values ? [JSON.stringify(r.values)] : [],
          set: r.set,
        },
      ]),
    ),
    kubernetes_manifest: Object.fromEntries(Object.entries(manifests).map(([k, m]) => [k, { manifest: m }])),
  };
  return tree({ 'stacks/site-a/cdk.tf.json': JSON.stringify({ resource }) });
}

const lines = (problems: readonly VerifyProblem[]) => problems.map(formatProblem);

describe('verify: Helm values', () => {
  it('maps releases to reference charts by Chart.yaml, by directory version, or by directory name', () => {
    const out = output({
      a: { chart: 'demo', version: '1.0.0', values: { replicas: 2 } },
      b: { chart: 'other', version: 'v2.0.0', values: { enabled: false } },
      c: { chart: 'plain', version: '3.0.0', values: { size: 3 } },
      d: { chart: 'missing', version: '9.9.9', values: {} },
      e: { chart: 'crds-only', version: '1.0.0', values: {} },
      f: { chart: 'crds-only', version: '1.0.0', values: { install: true } },
    });
    expect(lines(verifyOutput(out, reference).problems)).toEqual([
      'site-a helm_release.d: chart: the reference has no default values of chart missing 9.9.9',
      'site-a helm_release.f: values.install: not in the default values of chart crds-only 1.0.0',
    ]);
  });

  it('fails on a misspelled key, with its path, also inside templated maps', () => {
    const out = output({
      demo: {
        chart: 'demo',
        version: '1.0.0',
        values: {
          replicaz: 2,
          image: { tagg: 'v1' },
          workers: { w1: { replicaz: 1 } },
          queues: { q1: { enabled: true, sise: 2 } },
        },
        set: [
          { name: 'image.repositry', value: 'x' },
          { name: 'tolerations[0].key', value: 'k' },
        ],
      },
    });
    expect(lines(verifyOutput(out, reference).problems)).toEqual([
      "site-a helm_release.demo: values.replicaz: not in the default values of chart demo 1.0.0 (did you mean 'replicas'?)",
      "site-a helm_release.demo: values.image.tagg: not in the default values of chart demo 1.0.0 (did you mean 'tag'?)",
      "site-a helm_release.demo: values.workers.w1.replicaz: not in the default values of chart demo 1.0.0 (did you mean 'replicas'?)",
      "site-a helm_release.demo: values.queues.q1.sise: not in the default values of chart demo 1.0.0 (did you mean 'size'?)",
      "site-a helm_release.demo: set.image.repositry: not in the default values of chart demo 1.0.0 (did you mean 'repository'?)",
    ]);
  });

  it('takes free-form parts as they are', () => {
    const out = output({
      demo: {
        chart: 'demo',
        version: '1.0.0',
        values: {
          image: { tag: { anything: 'goes' } }, // scalar/null default: any value
          podAnnotations: { 'example.org/a': 'b' }, // {} default
          tolerations: [{ key: 'k', operator: 'Exists' }], // list default
          nodeSelector: { 'example.org/pool': 'gpu' }, // Kubernetes name map
          extra: { c: 'd' }, // (map[string]string)
          workers: {
            w1: {
              replicas: 2,
              resources: { limits: { 'nvidia.com/gpu': 4 }, requests: { cpu: 1 }, claims: [{ name: 'c' }] },
              env: [
                { name: 'A', value: '1' },
                { name: 'B', valueFrom: { fieldRef: { fieldPath: 'x' } } },
              ],
            },
          },
          controller: { resources: { main: { limits: { cpu: 2 } } } }, // resources by container
        },
      },
      // null deletes a default in Helm, whatever its type
      nulls: { chart: 'demo', version: '1.0.0', values: { image: null, replicas: null, controller: null } },
    });
    expect(verifyOutput(out, reference).problems).toEqual([]);
  });

  it('fails on a map where the default is a scalar, and on a scalar or list where it is a map', () => {
    const out = output({
      demo: {
        chart: 'demo',
        version: '1.0.0',
        values: {
          replicas: { x: 1 },
          enabled: { x: 1 },
          image: 'example.org/demo:1',
          nodeSelector: ['gpu'],
          workerDefaults: 3,
          podAnnotations: 'free', // `{}` default: free-form, no type either
          tolerations: {}, // list default: not checked
        },
      },
    });
    expect(lines(verifyOutput(out, reference).problems)).toEqual([
      'site-a helm_release.demo: values.replicas: a map where the default values of chart demo 1.0.0 have a number',
      'site-a helm_release.demo: values.enabled: a map where the default values of chart demo 1.0.0 have a boolean',
      'site-a helm_release.demo: values.image: a string where the default values of chart demo 1.0.0 have a map',
      'site-a helm_release.demo: values.nodeSelector: a list where the default values of chart demo 1.0.0 have a map',
      'site-a helm_release.demo: values.workerDefaults: a number where the default values of chart demo 1.0.0 have a map',
      // The string replaces the map: its image floats, and says so.
      "[IMAGE_NOT_PINNED] site-a helm_release.demo: values.image: release demo (chart demo 1.0.0) runs example.org/demo:1, which has the major-version tag '1', which moves with every release. Fix: set a released tag (better a digest, @sha256:...) at values.image",
    ]);
  });

  it('fails on unknown fields of Kubernetes resources, env vars and tolerations', () => {
    const out = output({
      demo: {
        chart: 'demo',
        version: '1.0.0',
        values: {
          workers: {
            w1: {
              resources: { limit: { 'nvidia.com/gpu': 4 } },
              env: [
                { name: 'A', value: '1' },
                { name: 'B', vaule: '2' },
              ],
            },
          },
          tolerations: [
            { key: 'k', operator: 'Exists' },
            { key: 'k', effects: 'NoSchedule' },
          ],
          controller: { resources: { mian: { limits: { cpu: 1 } } } },
        },
      },
    });
    expect(lines(verifyOutput(out, reference).problems)).toEqual([
      "site-a helm_release.demo: values.workers.w1.resources.limit: not a field of Kubernetes resource requirements (limits, requests, claims) (did you mean 'limits'?)",
      "site-a helm_release.demo: values.workers.w1.env[1].vaule: not a field of a Kubernetes env var (name, value, valueFrom) (did you mean 'value'?)",
      "site-a helm_release.demo: values.tolerations[1].effects: not a field of a Kubernetes toleration (key, operator, value, effect, tolerationSeconds) (did you mean 'effect'?)",
      "site-a helm_release.demo: values.controller.resources.mian: not in the default values of chart demo 1.0.0 (did you mean 'main'?)",
    ]);
  });
});

describe('verify: images', () => {
  it('takes released tags and digests, and refuses latest, branches, major versions and no tag', () => {
    for (const tag of [
      'v1.5.1',
      '1.36.1',
      '26.05.1-ubuntu26.04',
      'labeller-1.31.0.9',
      '3.22.2',
      'network-operator-v26.4.1',
    ])
      expect([tag, floatingTag(tag)]).toEqual([tag, undefined]);
    for (const tag of ['latest', 'labeller-latest', 'main-latest', 'release-0.19', 'main', '3', 'v1', ''])
      expect([tag, typeof floatingTag(tag)]).toEqual([tag, 'string']);
    // Series tags move with every patch release (issue 16, finding 13).
    for (const tag of ['1.36', '26.05-ubuntu26.04', 'v2.6'])
      expect([tag, floatingTag(tag)]).toEqual([
        tag,
        `has the series tag '${tag}', which moves with every patch release: pin a patch release (a third number) or a digest`,
      ]);
    // Unless the project numbers its releases so.
    expect(floatingTag('v2.6', 'nvcr.io/nvidia/cloud-native/gdrdrv')).toBeUndefined();
  });

  it('finds images in every shape charts name them, skipping switched-off components', () => {
    const sha = `sha256:${'a'.repeat(64)}`;
    const values = {
      manager: { image: { repository: 'example.org/manager', tag: null } },
      sidecar: { image: { repository: 'docker.io/library/alpine', tag: 'latest' } },
      pinned: { image: { repository: 'docker.io/library/alpine', tag: 'latest', digest: sha } },
      lvm: { image: { repository: 'ghcr.io/topolvm/topolvm', reference: `0.41.0@${sha}` } },
      nvidia: { repository: 'nvcr.io/nvidia', image: 'gpu-operator', version: '' },
      cert: { image: { repository: '', name: 'cert-manager-controller', pullPolicy: 'IfNotPresent' } },
      spec: {
        devicePluginImage: 'rocm/k8s-device-plugin:latest',
        driver: { image: 'docker.io/example/driver', version: '30.20.1' },
        exporter: { image: `docker.io/rocm/exporter@${sha}` },
        untagged: { image: 'docker.io/rocm/untagged' },
        off: { enable: false, image: 'docker.io/rocm/test-runner:latest' },
      },
    };
    expect(findImages(values, 'v2.0.0').map((i) => [i.path, i.reference, i.floating ?? 'pinned'])).toEqual([
      ['manager.image', 'example.org/manager:v2.0.0', 'pinned'],
      ['sidecar.image', 'docker.io/library/alpine:latest', "has the floating tag 'latest'"],
      ['pinned.image', `docker.io/library/alpine:latest@${sha}`, 'pinned'],
      ['lvm.image', `ghcr.io/topolvm/topolvm:0.41.0@${sha}`, 'pinned'],
      ['nvidia', 'nvcr.io/nvidia/gpu-operator:v2.0.0', 'pinned'],
      ['cert.image', 'cert-manager-controller:v2.0.0', 'pinned'],
      ['spec.devicePluginImage', 'rocm/k8s-device-plugin:latest', "has the floating tag 'latest'"],
      ['spec.driver.image', 'docker.io/example/driver:30.20.1', 'pinned'],
      ['spec.exporter.image', `docker.io/rocm/exporter@${sha}`, 'pinned'],
      ['spec.untagged.image', 'docker.io/rocm/untagged', 'has no tag'],
    ]);
  });

  it('finds the images of switched-off components too when asked for every slot (issue 18, item 5)', () => {
    const values = {
      off: { enable: false, image: 'docker.io/rocm/k8s-gpu-dra-driver:latest' },
      // A site-built image (NVIDIA's vGPU manager): no registry, nothing public to pin while off.
      vgpu: { enabled: false, repository: '', image: 'vgpu-manager', version: '' },
    };
    expect(findImages(values, 'v1', true).map((i) => [i.path, i.floating ?? 'pinned'])).toEqual([
      ['off.image', "has the floating tag 'latest'"],
    ]);
    expect(findImages(values, 'v1')).toEqual([]);
    // The AMD operator's DRA driver, off by default, is pinned all the same.
    expect((pinImages('amd-gpu-operator', {}) as TfJson).deviceConfig.spec.draDriver.image).toBe(
      'docker.io/rocm/k8s-gpu-dra-driver:v0.1.0',
    );
  });
});

describe('verify: embedded configuration strings', () => {
  const config = (text: string): Release => ({
    chart: 'demo',
    version: '1.0.0',
    values: { managerConfig: { controllerManagerConfigYaml: text } },
  });

  it('knows the keys of the example, commented or not, and no prose', () => {
    const example = [
      'apiVersion: v1',
      '# enableExtras: true',
      '#waitForReady:',
      '#  timeout: 5m',
      '# See "Readiness" for guidance:',
      '# https://example.org/docs',
      'integrations:',
      '  frameworks:',
      '  - "batch/job"',
      '#  - "example.org/widget"',
      '#  externalFrameworks:',
      '#  - "Foo.v1.example.com"',
      '#fairSharing:',
    ].join('\n');
    const keys = exampleConfigKeys(example, 'integrations', 'frameworks');
    expect([...keys.top]).toEqual(['apiVersion', 'waitForReady', 'integrations', 'fairSharing']);
    expect([...keys.section]).toEqual(['frameworks', 'externalFrameworks']);
    expect([...keys.list]).toEqual(['batch/job', 'example.org/widget']);
  });

  it('takes a configuration of known keys, as JSON or YAML', () => {
    const known = {
      apiVersion: 'demo.example.org/v1',
      kind: 'Configuration',
      waitForReady: { timeout: '5m' },
      fairSharing: { enable: true },
      featureGates: { A: true }, // in the Go type, not in the example
      integrations: {
        frameworks: ['batch/job', 'example.org/widget'],
        externalFrameworks: [],
        labelKeysToCopy: [],
      },
    };
    const out = output({
      json: config(JSON.stringify(known, null, 2)),
      yaml: config('kind: Configuration\nintegrations:\n  frameworks: [batch/job]\n'),
    });
    expect(verifyOutput(out, reference).problems).toEqual([]);
  });

  it('fails on unknown keys and frameworks, and on a string that is not YAML', () => {
    const out = output({
      bad: config(
        JSON.stringify({
          kind: 'Configuration',
          waitForReadyy: { timeout: '5m' },
          enableExtras: true, // commented with '# ': a nested key of the example, not a top-level one
          integrations: { frameworks: ['batch/job', 'example.org/widgett'], podOptions: {} },
        }),
      ),
      broken: config('kind: [Configuration'),
    });
    const found = lines(verifyOutput(out, reference).problems);
    expect(found.slice(0, 4)).toEqual([
      "site-a helm_release.bad: values.managerConfig.controllerManagerConfigYaml.waitForReadyy: not a key of the Kueue Configuration of chart demo 1.0.0 (its example and Go type) (did you mean 'waitForReady'?)",
      'site-a helm_release.bad: values.managerConfig.controllerManagerConfigYaml.enableExtras: not a key of the Kueue Configuration of chart demo 1.0.0 (its example and Go type)',
      'site-a helm_release.bad: values.managerConfig.controllerManagerConfigYaml.integrations.podOptions: not a key of the Kueue Configuration of chart demo 1.0.0 (its example and Go type)',
      'site-a helm_release.bad: values.managerConfig.controllerManagerConfigYaml.integrations.frameworks[1]: "example.org/widgett" is not among the frameworks listed in the example of chart demo 1.0.0 (did you mean \'example.org/widget\'?)',
    ]);
    expect(found.slice(4)).toEqual([
      expect.stringMatching(
        /^site-a helm_release\.broken: values\.managerConfig\.controllerManagerConfigYaml: not YAML: /,
      ),
    ]);
  });
});

describe('verify: custom resources', () => {
  const widget = (spec: Record<string, unknown>, apiVersion = 'demo.example.org/v1') => ({
    apiVersion,
    kind: 'Widget',
    metadata: { name: 'w', labels: { a: 'b' } },
    spec,
  });

  it('accepts a valid resource, int-or-string values and preserved unknown fields', () => {
    const out = output(
      {},
      { a: widget({ size: 4 }), b: widget({ size: '4Gi', config: { free: { form: 1 } } }) },
    );
    const result = verifyOutput(out, reference);
    expect(result.problems).toEqual([]);
    expect(result.manifestsChecked).toBe(2);
  });

  it('fails on a missing required field and an unknown field, with their paths', () => {
    const out = output(
      {},
      {
        w: widget({ mode: 'Medium', parts: [{ name: 'x' }, { nam: 'y' }], sizes: 1 }),
        v: widget({ size: true }),
      },
    );
    expect(lines(verifyOutput(out, reference).problems).sort()).toEqual([
      'site-a kubernetes_manifest.v: manifest.spec.size: matches none of the types the CRD schema allows (integer or string)',
      'site-a kubernetes_manifest.w: manifest.spec.mode: must be equal to one of the allowed values (CRD schema)',
      'site-a kubernetes_manifest.w: manifest.spec.parts[1].nam: not a field of the CRD schema',
      'site-a kubernetes_manifest.w: manifest.spec.parts[1].name: required by the CRD schema but missing',
      'site-a kubernetes_manifest.w: manifest.spec.size: required by the CRD schema but missing',
      'site-a kubernetes_manifest.w: manifest.spec.sizes: not a field of the CRD schema',
    ]);
  });

  it('fails on a version the CRD does not have, and notes groups the reference does not cover', () => {
    const out = output(
      {},
      {
        old: widget({ size: 1 }, 'demo.example.org/v1beta1'),
        other: { apiVersion: 'other.example.com/v1', kind: 'Thing', metadata: { name: 't' } },
        cm: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } },
      },
    );
    const result = verifyOutput(out, reference);
    expect(lines(result.problems)).toEqual([
      'site-a kubernetes_manifest.old: manifest.apiVersion: the reference CRD of Widget has no version v1beta1; it has v1',
    ]);
    expect(result.unchecked).toEqual(['other.example.com/v1 Thing']);
  });
});

describe('aif verify (command)', () => {
  let written = '';
  beforeEach(() => {
    written = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((written += String(s)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((written += String(s)), true));
  });
  afterEach(() => jest.restoreAllMocks());

  it('exits 1 with one line per problem, 0 when all conforms, 2 without --reference', async () => {
    const bad = output({ demo: { chart: 'demo', version: '1.0.0', values: { replicaz: 1 } } });
    expect(await main(['verify', '--reference', reference, '--out', bad])).toBe(1);
    expect(written).toMatch(
      /1 problem\(s\):\n {2}site-a helm_release\.demo: values\.replicaz: not in the default/,
    );
    const good = output({ demo: { chart: 'demo', version: '1.0.0', values: { replicas: 1 } } });
    expect(await main(['verify', `--reference=${reference}`, '--out', good])).toBe(0);
    expect(await main(['verify', '--out', good])).toBe(2);
  });
});

// The upstream reference, where this checkout sits next to it (as in CI: ../shared/reference).
const upstream = path.resolve(__dirname, '../../..', 'shared/reference');
// Skipped without it locally; in CI (CI set) a missing reference fails instead of skipping.
const withUpstream = runsWithReference(path.join(upstream, 'charts')) ? describe : describe.skip;

describe('tests that need the upstream reference', () => {
  it('run when it exists, fail in CI when it does not, and skip only outside CI', () => {
    const missing = path.join(tempDir('aif-noref-'), 'reference');
    expect(runsWithReference(missing, { CI: 'true' })).toBe(true);
    expect(runsWithReference(missing, {})).toBe(false);
    expect(runsWithReference(missing, { CI: 'false' })).toBe(false);
    expect(runsWithReference(reference, {})).toBe(true);
  });
});

/** Changes the values of one release in a copy of synthesized output. */
const editor =
  (copy: string) =>
  (stack: string, release: string, change: (values: TfJson) => void): void => {
    const file = path.join(copy, 'stacks', stack, 'cdk.tf.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    const rel = json.resource.helm_release[release];
    const values = JSON.parse(rel.values[0]);
    change(values);
    rel.values = [JSON.stringify(values)];
    fs.writeFileSync(file, JSON.stringify(json));
  };

withUpstream('verify against the upstream reference', () => {
  const out = path.join(tempDir('aif-sites-'), 'cdktf.out');
  const result = synthesizeSites(loadProfiles(path.resolve(__dirname, '../../stacks/sites')), out);

  it('is there (CI always has it)', () => {
    expect(fs.existsSync(path.join(upstream, 'charts'))).toBe(true);
  });

  it('passes on every site', () => {
    expect(result.ok).toBe(true);
    const verified = verifyOutput(out, upstream);
    expect(lines(verified.problems)).toEqual([]);
    expect(verified.stacks).toEqual(result.stacks);
    expect(verified.manifestsChecked).toBeGreaterThan(0);
  });

  it('fails on a map under a scalar, a slurmd resources typo and a misspelled Kueue setting', () => {
    const copy = path.join(tempDir('aif-sites-copy-'), 'cdktf.out');
    fs.cpSync(out, copy, { recursive: true });
    const edit = editor(copy);
    edit('bologna-platform', 'helm_gpu-operator_gpu-operator', (v) => {
      v.driver.enabled = { x: 1 };
    });
    edit('bologna-platform', 'helm_kueue-system_kueue', (v) => {
      const config = JSON.parse(v.managerConfig.controllerManagerConfigYaml);
      config.manageJobsWithoutQueueNames = config.manageJobsWithoutQueueName;
      delete config.manageJobsWithoutQueueName;
      v.managerConfig.controllerManagerConfigYaml = JSON.stringify(config);
    });
    edit('bologna-tenants', 'helm_slurm_slurm', (v) => {
      v.nodesets.booster.slurmd.resources = { limit: v.nodesets.booster.slurmd.resources.limits };
    });
    expect(lines(verifyOutput(copy, upstream).problems)).toEqual([
      'bologna-platform helm_release.helm_gpu-operator_gpu-operator: values.driver.enabled: a map where the default values of chart gpu-operator v26.7.0 have a boolean',
      "bologna-platform helm_release.helm_kueue-system_kueue: values.managerConfig.controllerManagerConfigYaml.manageJobsWithoutQueueNames: not a key of the Kueue Configuration of chart kueue 0.19.2 (its example and Go type) (did you mean 'manageJobsWithoutQueueName'?)",
      "bologna-tenants helm_release.helm_slurm_slurm: values.nodesets.booster.slurmd.resources.limit: not a field of Kubernetes resource requirements (limits, requests, claims) (did you mean 'limits'?)",
    ]);
  });

  it('fails with IMAGE_NOT_PINNED on a latest image, a branch tag, and a pin taken out', () => {
    const copy = path.join(tempDir('aif-sites-images-'), 'cdktf.out');
    fs.cpSync(out, copy, { recursive: true });
    const edit = editor(copy);
    edit('kajaani-platform', 'helm_kube-amd-gpu_gpu-operator-charts', (v) => {
      v.deviceConfig.spec.devicePlugin.devicePluginImage = 'docker.io/rocm/k8s-device-plugin:latest';
    });
    edit('bologna-platform', 'helm_kueue-system_kueue', (v) => {
      v.controllerManager.manager.image.tag = 'release-0.19';
    });
    // Without the library's pin, the Slurm chart's own default (alpine:latest) runs.
    edit('bologna-tenants', 'helm_slurm_slurm', (v) => {
      delete v.controller.logfile;
    });
    const problems = verifyOutput(copy, upstream).problems;
    expect(problems.map((p) => p.code)).toEqual(['IMAGE_NOT_PINNED', 'IMAGE_NOT_PINNED', 'IMAGE_NOT_PINNED']);
    expect(lines(problems)).toEqual([
      "[IMAGE_NOT_PINNED] bologna-platform helm_release.helm_kueue-system_kueue: values.controllerManager.manager.image: release kueue (chart kueue 0.19.2) runs registry.k8s.io/kueue/kueue:release-0.19, which has the branch tag 'release-0.19'. Fix: set a released tag (better a digest, @sha256:...) at values.controllerManager.manager.image",
      "[IMAGE_NOT_PINNED] bologna-tenants helm_release.helm_slurm_slurm: values.controller.logfile.image: release slurm (chart slurm 1.2.1) runs docker.io/library/alpine:latest, which has the floating tag 'latest'. Fix: set a released tag (better a digest, @sha256:...) at values.controller.logfile.image",
      "[IMAGE_NOT_PINNED] kajaani-platform helm_release.helm_kube-amd-gpu_gpu-operator-charts: values.deviceConfig.spec.devicePlugin.devicePluginImage: release gpu-operator-charts (chart gpu-operator-charts v1.5.1) runs docker.io/rocm/k8s-device-plugin:latest, which has the floating tag 'latest'. Fix: set a released tag (better a digest, @sha256:...) at values.deviceConfig.spec.devicePlugin.devicePluginImage",
    ]);
  });

  it('fails on a misspelled Slurm value and a ClusterQueue without coveredResources', () => {
    const file = path.join(out, 'stacks/bologna-tenants/cdk.tf.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    const rel = json.resource.helm_release.helm_slurm_slurm;
    const values = JSON.parse(rel.values[0]);
    values.nodesets.booster.podSpec.tolerationz = values.nodesets.booster.podSpec.tolerations;
    rel.values = [JSON.stringify(values)];
    const cq = json.resource.kubernetes_manifest.kueue_tenant_agrifood_cluster_queue.manifest;
    delete cq.spec.resourceGroups[0].coveredResources;
    fs.writeFileSync(file, JSON.stringify(json));
    expect(lines(verifyOutput(out, upstream).problems)).toEqual([
      "bologna-tenants helm_release.helm_slurm_slurm: values.nodesets.booster.podSpec.tolerationz: not in the default values of chart slurm 1.2.1 (did you mean 'tolerations'?)",
      'bologna-tenants kubernetes_manifest.kueue_tenant_agrifood_cluster_queue: manifest.spec.resourceGroups[0].coveredResources: required by the CRD schema but missing',
    ]);
  });
});
