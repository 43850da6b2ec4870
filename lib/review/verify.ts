/**
 * Upstream conformance of synthesized output (`aif verify`). Reads only `cdktf.out/stacks/<stack>/
 * cdk.tf.json` and a reference directory laid out like `../shared/reference`:
 *
 *   <reference>/charts/<key>-<version>/values.yaml   a chart's default values (Chart.yaml optional)
 *   <reference>/crds/<anything>/*.yaml               CustomResourceDefinitions
 *
 * Two checks, because both kinds of mistake deploy silently or late:
 *
 * 1. Every Helm value path of every `helm_release` must exist in the chart's default values: Helm
 *    ignores unknown keys, so a typo there deploys nothing and says nothing. A map where the default
 *    is a scalar, or a scalar or list where it is a non-empty map, is a type mismatch. Free-form
 *    parts of the values are not checked below their root (see `FREE_FORM_KEYS` and `checkValues`),
 *    except Kubernetes `resources`, `env` and `tolerations`, whose fields are known, and embedded
 *    configuration strings (`EMBEDDED_CONFIGS`: Kueue's manager configuration).
 * 2. Every `kubernetes_manifest` must validate against its CRD's `openAPIV3Schema` (matched by
 *    group, version and kind), with unknown fields reported as errors, as kubectl's strict field
 *    validation would.
 * 3. Every image a release runs is pinned (`IMAGE_NOT_PINNED`, see `releaseImageProblems`): the
 *    chart's default values merged with the release's, each image's effective tag is neither
 *    missing nor floating (`latest`, a branch), or it carries a digest.
 *
 * How a release finds its chart's reference: by the release's `chart` name and `version`, in this
 * order (the first rule that matches exactly one directory wins):
 *   a. a directory whose Chart.yaml says that `name` and that `version`;
 *   b. a directory named `<anything>-<version>` whose Chart.yaml says that `name` (some charts keep a
 *      development version in git, e.g. NVIDIA's `gpu-operator` says `v1.0.0-devel`);
 *   c. a directory named `<chart>-<version>` without a Chart.yaml.
 * No match is a problem too: a release that cannot be checked is not known to be right.
 *
 * lib/review depends on nothing but lib/model: never on cdktf or the constructs.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import { isMap, isScalar, isSeq, parseAllDocuments, parseDocument, type Node, type YAMLMap } from 'yaml';
import { editDistance } from '../model/did-you-mean';
import { unescapeTemplate } from './synthesized';

export interface VerifyProblem {
  /** Stack name, e.g. `bologna-tenants`. */
  readonly stack: string;
  /** Terraform address, e.g. `helm_release.helm_slurm_slurm`. */
  readonly address: string;
  /** Path of the offending value: `values.nodesets.booster.slurmd`, `manifest.spec.cohortName`. */
  readonly path: string;
  readonly message: string;
  /** A stable code, for the problems that have one (`IMAGE_NOT_PINNED`). @default - none */
  readonly code?: string;
}

export interface VerifyResult {
  readonly problems: readonly VerifyProblem[];
  /** Stacks read, sorted. */
  readonly stacks: readonly string[];
  readonly releasesChecked: number;
  readonly manifestsChecked: number;
  /** Custom resources whose API group the reference has no CRD for (reported, not failed). */
  readonly unchecked: readonly string[];
}

/** One line per problem: `[<code>] <stack> <address>: <path>: <message>` (the code where there is one). */
export function formatProblem(p: VerifyProblem): string {
  return `${p.code ? `[${p.code}] ` : ''}${p.stack} ${p.address}: ${p.path}: ${p.message}`;
}

// Default values ----------------------------------------------------------------------------------

/** A chart's default values as a tree that keeps each key's documentation comment. */
type ValueTree =
  | { readonly kind: 'map'; readonly entries: ReadonlyMap<string, { tree: ValueTree; doc: string }> }
  | { readonly kind: 'seq'; readonly empty: boolean }
  | { readonly kind: 'scalar'; readonly isNull: boolean; readonly value?: unknown };

function toTree(node: Node | null | undefined): ValueTree {
  if (isMap(node)) {
    const entries = new Map<string, { tree: ValueTree; doc: string }>();
    (node as YAMLMap).items.forEach((pair, i) => {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      // The yaml library attaches the comment above a map's first key to the map itself.
      const doc = (i === 0 ? node.commentBefore : isScalar(pair.key) ? pair.key.commentBefore : '') ?? '';
      entries.set(key, { tree: toTree(pair.value as Node), doc });
    });
    return { kind: 'map', entries };
  }
  if (isSeq(node)) return { kind: 'seq', empty: node.items.length === 0 };
  if (!isScalar(node) || node.value === null || node.value === undefined)
    return { kind: 'scalar', isNull: true };
  return { kind: 'scalar', isNull: false, value: node.value };
}

/** The helm-docs type annotation of a key (`# -- (map[string]object) ...`), if any. */
function docType(doc: string): string | undefined {
  const blocks = doc.split(/\n/).filter((l) => /^\s*--\s/.test(l));
  const last = blocks[blocks.length - 1];
  const m = last && /^\s*--\s*\(([^)]*)\)/.exec(last);
  return m ? m[1] : undefined;
}

/**
 * Keys that hold Kubernetes maps keyed by names the user chooses (labels, selectors, resource
 * names), whatever example entry the chart ships, e.g. `nodeSelector: { kubernetes.io/os: linux }`.
 */
export const FREE_FORM_KEYS: readonly string[] = [
  'annotations',
  'labels',
  'limits',
  'matchLabels',
  'nodeSelector',
  'podAnnotations',
  'podLabels',
  'requests',
];

/** Fields of a Kubernetes `ResourceRequirements` (a container's `resources`). */
export const RESOURCE_FIELDS: readonly string[] = ['limits', 'requests', 'claims'];
/** Fields of a Kubernetes `EnvVar` (an entry of a container's `env` list). */
export const ENV_FIELDS: readonly string[] = ['name', 'value', 'valueFrom'];
/** Fields of a Kubernetes `Toleration` (an entry of a pod's `tolerations` list). */
export const TOLERATION_FIELDS: readonly string[] = [
  'key',
  'operator',
  'value',
  'effect',
  'tolerationSeconds',
];

/** Where a problem was found, and how to report it. */
interface ValuesContext {
  /** `chart <name> <version>`, for messages. */
  readonly where: string;
  readonly report: (path: string, message: string) => void;
}

function kindOf(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (isPlainObject(v)) return 'a map';
  return `a ${typeof v}`;
}

/**
 * Checks user values against a chart's defaults. A `null` user value is always taken (Helm deletes
 * the key). Wherever a key exists in the defaults:
 * - a map given where the default is a non-null scalar, or a scalar or list given where the default
 *   is a non-empty map, is a type mismatch;
 * - a `resources` map whose default is `{}` or holds only `limits`/`requests`/`claims` may only have
 *   those keys (RESOURCE_FIELDS); `env` and `tolerations` lists may only hold entries with the keys
 *   of ENV_FIELDS and TOLERATION_FIELDS;
 * - an embedded configuration string listed in EMBEDDED_CONFIGS is parsed and checked.
 * Apart from those, nothing is checked below a key when:
 * - its default is `{}` or `[]`: the chart documents it as free-form;
 * - its default is a list: a list given by the user replaces the default whole;
 * - its default is a scalar or null (except for the map rule above);
 * - its name is in FREE_FORM_KEYS;
 * - its helm-docs annotation says `(map[...])`: a map of user-chosen names. Exception: a
 *   `(map[string]object)` whose entries have a template is checked entry by entry against it. The
 *   template is the sibling `<singular>Defaults` (Slinky: `nodesets` and `nodesetDefaults`), or,
 *   failing that, the union of the example entries the default holds (`partitions.all`).
 */
function checkValues(user: unknown, defaults: ValueTree, at: string, ctx: ValuesContext, root = false): void {
  // Below the root, `{}` is free-form; at the root it is a chart that takes no values.
  if (defaults.kind !== 'map' || (defaults.entries.size === 0 && !root)) return;
  if (!isPlainObject(user)) return;
  for (const [key, value] of Object.entries(user)) {
    const p = `${at}.${key}`;
    const entry = defaults.entries.get(key);
    if (!entry) {
      const near = nearest(key, [...defaults.entries.keys()]);
      ctx.report(p, `not in the default values of ${ctx.where}${near ? ` (did you mean '${near}'?)` : ''}`);
      continue;
    }
    // null deletes a default in Helm; undefined is a `set` whose value is not checked.
    if (value === null || value === undefined) continue;
    const tree = entry.tree;
    if (tree.kind === 'scalar' && !tree.isNull && isPlainObject(value)) {
      ctx.report(p, `a map where the default values of ${ctx.where} have ${kindOf(tree.value)}`);
      continue;
    }
    if (tree.kind === 'map' && tree.entries.size > 0 && !isPlainObject(value)) {
      ctx.report(p, `${kindOf(value)} where the default values of ${ctx.where} have a map`);
      continue;
    }
    if (checkKubernetesShape(key, value, tree, p, ctx)) continue;
    const embedded = EMBEDDED_CONFIGS.find((c) => p.slice(p.indexOf('.') + 1) === c.path);
    if (embedded && tree.kind === 'scalar' && typeof tree.value === 'string') {
      checkEmbeddedConfig(embedded, value, tree.value, p, ctx);
      continue;
    }
    if (FREE_FORM_KEYS.includes(key)) continue;
    const type = docType(entry.doc);
    if (type?.startsWith('map[')) {
      if (!type.startsWith('map[string]object') || !isPlainObject(value)) continue;
      const template = mapTemplate(key, tree, defaults);
      if (!template) continue;
      for (const [name, item] of Object.entries(value)) checkValues(item, template, `${p}.${name}`, ctx);
      continue;
    }
    checkValues(value, tree, p, ctx);
  }
}

/** Checks `resources`, `env` and `tolerations` by their Kubernetes shape; true when it did. */
function checkKubernetesShape(
  key: string,
  value: unknown,
  tree: ValueTree,
  p: string,
  ctx: ValuesContext,
): boolean {
  if (key === 'resources') {
    // A `resources` default keyed by container (csi-driver-nfs, topolvm, Rook) is checked as values.
    if (tree.kind !== 'map' || ![...tree.entries.keys()].every((k) => RESOURCE_FIELDS.includes(k)))
      return false;
    if (!isPlainObject(value)) return false;
    checkFields(value, RESOURCE_FIELDS, 'Kubernetes resource requirements', p, ctx);
    return true;
  }
  const fields = key === 'env' ? ENV_FIELDS : key === 'tolerations' ? TOLERATION_FIELDS : undefined;
  if (!fields || !Array.isArray(value)) return false;
  const what = key === 'env' ? 'a Kubernetes env var' : 'a Kubernetes toleration';
  value.forEach((item, i) => {
    if (isPlainObject(item)) checkFields(item, fields, what, `${p}[${i}]`, ctx);
  });
  return true;
}

function checkFields(
  value: Record<string, unknown>,
  fields: readonly string[],
  what: string,
  at: string,
  ctx: ValuesContext,
): void {
  for (const key of Object.keys(value)) {
    if (fields.includes(key)) continue;
    const near = nearest(key, fields);
    ctx.report(
      `${at}.${key}`,
      `not a field of ${what} (${fields.join(', ')})${near ? ` (did you mean '${near}'?)` : ''}`,
    );
  }
}

// Embedded configuration strings ------------------------------------------------------------------

/** A configuration file that a chart takes as one string value, checked against the chart's example. */
export interface EmbeddedConfig {
  /** Value path below the root, e.g. `managerConfig.controllerManagerConfigYaml`. */
  readonly path: string;
  /** What the string holds, for messages. */
  readonly what: string;
  /** The map whose keys are checked besides the top level (Kueue: `integrations`). */
  readonly section: string;
  /** The list in `section` whose entries must be among the example's (Kueue: `frameworks`). */
  readonly list: string;
  /** Keys of the Go type that the chart's example does not mention: top level, then `section`. */
  readonly extraTop: readonly string[];
  readonly extraSection: readonly string[];
}

/**
 * Kueue's manager configuration: the chart's default string is an example Configuration in which
 * some keys are commented out (`#waitForPodsReady:`); both count as known. Keys of the v1beta2
 * `Configuration` and `Integrations` Go types (kubernetes-sigs/kueue, apis/config/v1beta2/
 * configuration_types.go) that the example does not mention are added by name.
 */
export const EMBEDDED_CONFIGS: readonly EmbeddedConfig[] = [
  {
    path: 'managerConfig.controllerManagerConfigYaml',
    what: 'the Kueue Configuration',
    section: 'integrations',
    list: 'frameworks',
    extraTop: ['namespace', 'multiKueue', 'featureGates'],
    extraSection: ['labelKeysToCopy'],
  },
];

/**
 * The keys of a commented example configuration: top-level keys (`key:` or `#key:` at column 0),
 * keys of one section (at two spaces, commented or not) and the entries of one list in it. A `#`
 * followed by one space before a key (`# enableClusterQueueResources: true`) stands for an indented
 * key, and lines of prose (`# See ...`, `# https://...`) are no keys.
 */
export function exampleConfigKeys(
  example: string,
  section: string,
  list: string,
): { top: Set<string>; section: Set<string>; list: Set<string> } {
  const top = new Set<string>();
  const inSection = new Set<string>();
  const items = new Set<string>();
  let current = '';
  let sub = '';
  for (const line of example.split(/\r?\n/)) {
    const text = line.startsWith('#') ? line.slice(1) : line;
    const key = /^( *)([A-Za-z][A-Za-z0-9]*):(?: |$)/.exec(text);
    if (key) {
      const indent = key[1].length;
      if (indent === 0) {
        current = key[2];
        sub = '';
        top.add(current);
      } else if (indent === 2 && current === section) {
        sub = key[2];
        inSection.add(sub);
      }
      continue;
    }
    const item = /^ *- +"?([^"#\s]+)"?/.exec(text);
    if (item && current === section && sub === list) items.add(item[1]);
  }
  return { top, section: inSection, list: items };
}

function checkEmbeddedConfig(
  rule: EmbeddedConfig,
  value: unknown,
  example: string,
  p: string,
  ctx: ValuesContext,
): void {
  if (typeof value !== 'string') {
    ctx.report(p, `${kindOf(value)} where the default values of ${ctx.where} have a string`);
    return;
  }
  let config: unknown;
  try {
    const doc = parseDocument(value);
    if (doc.errors.length > 0) throw doc.errors[0];
    config = doc.toJS();
  } catch (e) {
    ctx.report(p, `not YAML: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  if (!isPlainObject(config)) {
    ctx.report(p, `${kindOf(config)} where ${rule.what} is a map`);
    return;
  }
  const known = exampleConfigKeys(example, rule.section, rule.list);
  const source = `${rule.what} of ${ctx.where} (its example and Go type)`;
  const unknown = (at: string, key: string, keys: readonly string[]) => {
    const near = nearest(key, keys);
    ctx.report(at, `not a key of ${source}${near ? ` (did you mean '${near}'?)` : ''}`);
  };
  const topKeys = [...known.top, ...rule.extraTop];
  for (const key of Object.keys(config)) if (!topKeys.includes(key)) unknown(`${p}.${key}`, key, topKeys);
  const section = config[rule.section];
  if (!isPlainObject(section)) return;
  const sectionKeys = [...known.section, ...rule.extraSection];
  for (const key of Object.keys(section)) {
    if (!sectionKeys.includes(key)) unknown(`${p}.${rule.section}.${key}`, key, sectionKeys);
  }
  const entries = section[rule.list];
  if (!Array.isArray(entries)) return;
  const names = [...known.list];
  entries.forEach((name, i) => {
    if (typeof name === 'string' && known.list.has(name)) return;
    const near = typeof name === 'string' ? nearest(name, names) : undefined;
    ctx.report(
      `${p}.${rule.section}.${rule.list}[${i}]`,
      `${JSON.stringify(name)} is not among the ${rule.list} listed in the example of ${ctx.where}${near ? ` (did you mean '${near}'?)` : ''}`,
    );
  });
}

function mapTemplate(
  key: string,
  tree: ValueTree,
  parent: ValueTree & { kind: 'map' },
): ValueTree | undefined {
  const singular = key.endsWith('s') ? key.slice(0, -1) : key;
  const sibling = parent.entries.get(`${singular}Defaults`);
  if (sibling && sibling.tree.kind === 'map') return sibling.tree;
  if (tree.kind !== 'map' || tree.entries.size === 0) return undefined;
  const union = new Map<string, { tree: ValueTree; doc: string }>();
  for (const e of tree.entries.values()) {
    if (e.tree.kind !== 'map') return undefined;
    for (const [k, v] of e.tree.entries) if (!union.has(k)) union.set(k, v);
  }
  return { kind: 'map', entries: union };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A key within edit distance 2, for the message. */
function nearest(key: string, keys: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const k of keys) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best;
}

interface ChartReference {
  readonly dir: string;
  readonly name?: string;
  readonly version?: string;
  readonly appVersion?: string;
}

function readCharts(referenceDir: string): ChartReference[] {
  const root = path.join(referenceDir, 'charts');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(root, d.name, 'values.yaml')))
    .map((d) => {
      const dir = path.join(root, d.name);
      const chartFile = path.join(dir, 'Chart.yaml');
      if (!fs.existsSync(chartFile)) return { dir };
      const meta = parseDocument(fs.readFileSync(chartFile, 'utf8')).toJS() as Record<string, unknown> | null;
      return {
        dir,
        name: meta?.name as string | undefined,
        version: String(meta?.version ?? ''),
        appVersion: meta?.appVersion === undefined ? undefined : String(meta.appVersion),
      };
    })
    .sort((a, b) => a.dir.localeCompare(b.dir));
}

/** The reference directory of a chart at a version (rules a, b, c above), or why there is none. */
export function findChartReference(
  charts: readonly ChartReference[],
  chart: string,
  version: string,
): { dir: string; appVersion?: string; packaged: boolean } | { error: string } {
  const base = (c: ChartReference) => path.basename(c.dir);
  const rules: Array<(c: ChartReference) => boolean> = [
    (c) => c.name === chart && c.version === version,
    (c) => c.name === chart && base(c).endsWith(`-${version}`),
    (c) => c.name === undefined && base(c) === `${chart}-${version}`,
  ];
  for (const rule of rules) {
    const found = charts.filter(rule);
    if (found.length === 1)
      return { dir: found[0].dir, appVersion: found[0].appVersion, packaged: found[0].version === version };
    if (found.length > 1) {
      return {
        error: `several reference directories match chart ${chart} ${version}: ${found.map(base).join(', ')}`,
      };
    }
  }
  return { error: `the reference has no default values of chart ${chart} ${version}` };
}

// Images ------------------------------------------------------------------------------------------

/**
 * Tags that name no fixed image: `latest` and its variants (`labeller-latest`, `main-latest`),
 * branch and channel names, bare major versions (`3`, `v1`), which move with every release, and
 * series (`1.36`, `26.05-ubuntu26.04`), which move with every patch release.
 */
const FLOATING_WORDS = [
  'main',
  'master',
  'stable',
  'edge',
  'nightly',
  'dev',
  'devel',
  'develop',
  'head',
  'canary',
  'unstable',
  'testing',
];

/**
 * Images whose project numbers its releases `<major>.<minor>` (a patch release adds a third part
 * later), so that such a tag names one release, with where that is stated.
 */
const TWO_PART_RELEASES: Readonly<Record<string, string>> = {
  // GDRCopy releases 2.5, then 2.5.1 (github.com/NVIDIA/gdrcopy/releases); NVIDIA tags gdrdrv by them.
  // Matched at the end of the repository, so that a mirror's copy counts too.
  'nvidia/cloud-native/gdrdrv': 'GDRCopy release',
};

/**
 * Why a tag floats, or undefined when it names one image: no tag, `latest` and its variants, a
 * branch, a bare major version, or a series (`<major>.<minor>`, with a suffix such as
 * `26.05-ubuntu26.04` or without: `1.36`), which image publishers move to each patch release, so a
 * node that pulls it later runs other code than the one reviewed. `repository` exempts the images
 * of `TWO_PART_RELEASES`.
 */
export function floatingTag(tag: string, repository = ''): string | undefined {
  const t = tag.trim().toLowerCase();
  if (t === '') return 'has no tag';
  if (/(^|[-_.])latest($|[-_.])/.test(t)) return `has the floating tag '${tag}'`;
  if (FLOATING_WORDS.includes(t) || t.startsWith('release-')) return `has the branch tag '${tag}'`;
  if (/^v?\d+$/.test(t)) return `has the major-version tag '${tag}', which moves with every release`;
  if (
    /^v?\d+\.\d+(-[a-z].*)?$/.test(t) &&
    !Object.keys(TWO_PART_RELEASES).some((r) => repository === r || repository.endsWith(`/${r}`))
  )
    return `has the series tag '${tag}', which moves with every patch release: pin a patch release (a third number) or a digest`;
  return undefined;
}

/** An image found in a release's effective values. */
export interface FoundImage {
  /** Dotted path below `values`. */
  readonly path: string;
  readonly reference: string;
  /** Why it floats; undefined when pinned. */
  readonly floating?: string;
}

/** Helm merges the release's values over the chart's: maps key by key, anything else replaced. */
export function mergeValues(defaults: unknown, user: unknown): unknown {
  if (user === undefined) return defaults;
  if (!isPlainObject(defaults) || !isPlainObject(user)) return user;
  const out: Record<string, unknown> = { ...defaults };
  for (const [k, v] of Object.entries(user)) {
    if (v === null) delete out[k];
    else out[k] = mergeValues(defaults[k], v);
  }
  return out;
}

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const DIGEST = /@sha256:[0-9a-f]{64}$/;

/**
 * Every image of a release's effective values (chart defaults merged with the release's), and
 * whether its tag floats. Images are found where charts name them:
 * - a map with `repository` and `tag` / `digest` (Kueue, Slinky, Rook, csi-driver-nfs), or
 *   `repository` and `reference` (TopoLVM: a tag and/or digest);
 * - a map with `repository`, `image` (a name) and `version` (NVIDIA's operators);
 * - a map with `name` and `pullPolicy` beside an empty `repository` (cert-manager, whose registry
 *   is `imageRegistry`);
 * - a string `image` or `<something>Image` value, `repo:tag[@digest]` (AMD's DeviceConfig); a
 *   sibling `version` is the tag the operator appends (AMD's driver image).
 * A missing tag is the chart's appVersion (`appVersion`), as Helm charts render it. Components under
 * a map whose `enable`/`enabled` is false deploy nothing: skipped, unless `everySlot` (what `aif
 * verify` asks, so that switching one on later starts no floating image), which still skips a
 * switched-off image with an empty registry (a site-built image, such as NVIDIA's vGPU manager).
 */
export function findImages(values: unknown, appVersion: string, everySlot = false): FoundImage[] {
  const out: FoundImage[] = [];
  const add = (path: string, repository: string, tag: string, digest: string) => {
    const floating = digest !== '' ? undefined : floatingTag(tag, repository);
    const reference = `${repository}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
    out.push({ path, reference, floating });
  };
  const walk = (v: unknown, at: string): void => {
    if (!isPlainObject(v)) return;
    const off = v.enabled === false || v.enable === false;
    if (off && !everySlot) return;
    const repository = str(v.repository);
    if (repository && ('tag' in v || 'digest' in v || 'reference' in v)) {
      const [refTag, refDigest] = str(v.reference).split('@');
      const tag = 'reference' in v ? refTag : str(v.tag) || appVersion;
      add(at, repository, tag, 'reference' in v ? (refDigest ?? '') : str(v.digest));
      return;
    }
    if (repository && typeof v.image === 'string' && !v.image.includes('/')) {
      add(at, `${repository}/${v.image}`, str(v.version) || appVersion, '');
      return;
    }
    if ('repository' in v && !repository && typeof v.name === 'string' && 'pullPolicy' in v) {
      add(at, str(v.name), str(v.tag) || appVersion, str(v.digest));
      return;
    }
    for (const [k, child] of Object.entries(v)) {
      const p = at ? `${at}.${k}` : k;
      if (typeof child !== 'string') {
        walk(child, p);
        continue;
      }
      if ((k !== 'image' && !/[a-z]Image$/.test(k)) || child === '') continue;
      // A switched-off component whose registry the chart leaves empty (NVIDIA's vGPU manager, which
      // each site builds from its licensed driver) has no public image to pin until it is used.
      if (off && 'repository' in v && repository === '') continue;
      const digest = DIGEST.exec(child)?.[0].slice(1) ?? '';
      const bare = digest ? child.slice(0, -digest.length - 1) : child;
      const colon = bare.lastIndexOf(':');
      const tagged = colon > bare.lastIndexOf('/');
      add(p, tagged ? bare.slice(0, colon) : bare, tagged ? bare.slice(colon + 1) : str(v.version), digest);
    }
  };
  walk(values, '');
  return out;
}

// CRDs --------------------------------------------------------------------------------------------

type Schema = Record<string, unknown>;

/**
 * Rewrites a structural schema into plain JSON Schema for ajv: `x-kubernetes-int-or-string` becomes
 * "integer or string"; objects with declared properties reject undeclared ones unless the schema
 * says `x-kubernetes-preserve-unknown-fields` (or has additionalProperties of its own). Other
 * extensions (`x-kubernetes-validations` CEL rules, list types) are not evaluated.
 */
export function toJsonSchema(schema: Schema, root = true): Schema {
  const out: Schema = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k.startsWith('x-kubernetes-') || k === 'default' || k === 'description') continue;
    if (k === 'properties' && isPlainObject(v)) {
      out.properties = Object.fromEntries(
        Object.entries(v).map(([name, s]) => [name, toJsonSchema(s as Schema, false)]),
      );
    } else if ((k === 'items' || k === 'additionalProperties' || k === 'not') && isPlainObject(v)) {
      out[k] = toJsonSchema(v as Schema, false);
    } else if ((k === 'allOf' || k === 'anyOf' || k === 'oneOf') && Array.isArray(v)) {
      out[k] = v.map((s) => toJsonSchema(s as Schema, false));
    } else {
      out[k] = v;
    }
  }
  if (schema['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    out.anyOf ??= [{ type: 'integer' }, { type: 'string' }];
  }
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
  if (!preserve && out.properties && out.additionalProperties === undefined) {
    // The root object's metadata is the API server's business; everything else is strict.
    out.additionalProperties = false;
  }
  if (root && isPlainObject(out.properties) && (out.properties as Schema).metadata) {
    (out.properties as Schema).metadata = { type: 'object' };
  }
  return out;
}

interface CrdVersion {
  readonly schema: Schema;
  readonly served: boolean;
  validate?: ValidateFunction;
}

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) return yamlFiles(p);
      return /\.ya?ml$/.test(d.name) ? [p] : [];
    })
    .sort();
}

/** `group/version/Kind` to schema, from every CRD under `<reference>/crds`. */
function readCrds(referenceDir: string): { byKey: Map<string, CrdVersion>; groups: Set<string> } {
  const byKey = new Map<string, CrdVersion>();
  const groups = new Set<string>();
  for (const file of yamlFiles(path.join(referenceDir, 'crds'))) {
    for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
      const crd = doc.toJS() as Record<string, unknown> | null;
      if (!crd || crd.kind !== 'CustomResourceDefinition') continue;
      const spec = crd.spec as { group: string; names: { kind: string }; versions?: unknown[] };
      groups.add(spec.group);
      for (const v of (spec.versions ?? []) as Array<Record<string, unknown>>) {
        const schema = (v.schema as { openAPIV3Schema?: Schema } | undefined)?.openAPIV3Schema;
        if (!schema) continue;
        byKey.set(`${spec.group}/${String(v.name)}/${spec.names.kind}`, {
          schema,
          served: v.served !== false,
        });
      }
    }
  }
  return { byKey, groups };
}

function errorPath(e: ErrorObject): string {
  const parts = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'required') parts.push(String(params.missingProperty));
  if (e.keyword === 'additionalProperties') parts.push(String(params.additionalProperty));
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : `${acc}.${p}`), 'manifest');
}

function errorMessage(e: ErrorObject): string {
  if (e.keyword === 'required') return 'required by the CRD schema but missing';
  if (e.keyword === 'additionalProperties') return 'not a field of the CRD schema';
  if (e.keyword === 'anyOf') return 'matches none of the types the CRD schema allows (integer or string)';
  return `${e.message ?? 'invalid'} (CRD schema)`;
}

// The whole check ---------------------------------------------------------------------------------

/** Checks every stack of a synthesized output directory against a reference directory. */
export function verifyOutput(outDir: string, referenceDir: string): VerifyResult {
  const stacksDir = path.join(outDir, 'stacks');
  const stacks = stacksToVerify(stacksDir, referenceDir);
  const v: Verification = {
    charts: readCharts(referenceDir),
    defaultTrees: new Map(),
    defaultValues: new Map(),
    crds: readCrds(referenceDir),
    ajv: new Ajv({ allErrors: true, strict: false, validateFormats: false }),
    problems: [],
    unchecked: new Set(),
    releases: 0,
    manifests: 0,
  };
  for (const stack of stacks) {
    const json = JSON.parse(fs.readFileSync(path.join(stacksDir, stack, 'cdk.tf.json'), 'utf8')) as {
      resource?: Record<string, Record<string, Record<string, unknown>>>;
    };
    for (const [name, rel] of Object.entries(json.resource?.helm_release ?? {})) {
      checkRelease(v, stack, name, rel);
    }
    for (const [name, res] of Object.entries(json.resource?.kubernetes_manifest ?? {})) {
      checkManifest(v, stack, name, res);
    }
  }
  return {
    problems: v.problems,
    stacks,
    releasesChecked: v.releases,
    manifestsChecked: v.manifests,
    unchecked: [...v.unchecked].sort(),
  };
}

/** What the checks of one output share: the reference, each part read once, and what they found. */
interface Verification {
  readonly charts: readonly ChartReference[];
  /** Each chart reference's default values (by directory) as a tree, for the value paths. */
  readonly defaultTrees: Map<string, ValueTree>;
  /** The same as plain data, for the images a release runs. */
  readonly defaultValues: Map<string, unknown>;
  readonly crds: { byKey: Map<string, CrdVersion>; groups: Set<string> };
  readonly ajv: Ajv;
  readonly problems: VerifyProblem[];
  /** Custom resources whose API group the reference has no CRD for. */
  readonly unchecked: Set<string>;
  releases: number;
  manifests: number;
}

/** The stacks of a synthesized output, sorted; an error that says what to do where there are none. */
function stacksToVerify(stacksDir: string, referenceDir: string): string[] {
  if (!fs.existsSync(stacksDir))
    throw new Error(
      `${stacksDir} does not exist: synthesize first (npx aif synth, or npm run synth in the library's repository)`,
    );
  if (!fs.existsSync(referenceDir)) throw new Error(`reference directory ${referenceDir} does not exist`);
  const stacks = fs
    .readdirSync(stacksDir)
    .filter((s) => fs.existsSync(path.join(stacksDir, s, 'cdk.tf.json')))
    .sort();
  if (stacks.length === 0)
    throw new Error(
      `no stacks in ${stacksDir}: synthesize first (npx aif synth, or npm run synth in the library's repository)`,
    );
  return stacks;
}

/** How the checks of one resource report a problem without a code: its stack and address given. */
function reporter(v: Verification, stack: string, address: string): (path: string, message: string) => void {
  return (p, message) => v.problems.push({ stack, address, path: p, message });
}

/**
 * Checks 1 and 3 on one `helm_release`: its chart's reference found, every value path (of its
 * `values` documents and `set` entries) in the chart's defaults, and every image it runs pinned.
 */
function checkRelease(v: Verification, stack: string, name: string, rel: Record<string, unknown>): void {
  v.releases++;
  const address = `helm_release.${name}`;
  const report = reporter(v, stack, address);
  const chart = String(rel.chart);
  const version = String(rel.version ?? '');
  const ref = findChartReference(v.charts, chart, version);
  if ('error' in ref) {
    report('chart', ref.error);
    return;
  }
  const tree = defaultTree(v, ref.dir);
  const where = `chart ${chart} ${version}`;
  const effective = checkValueDocuments(rel, tree, defaultValues(v, ref.dir), { where, report });
  // A chart renders a missing tag as its appVersion: the packaged Chart.yaml's, or, where the
  // reference has none of this version (cert-manager and Rook keep none in git, NVIDIA's says
  // `main-latest` in git), the chart version, which these charts are released with.
  const appVersion = (ref.packaged && ref.appVersion) || version;
  for (const { path: p, message } of unpinnedImages(String(rel.name ?? name), where, effective, appVersion)) {
    v.problems.push({ stack, address, path: p, code: 'IMAGE_NOT_PINNED', message });
  }
  checkSetPaths(rel, tree, { where, report });
}

/** A chart reference's default values as a tree, read once per directory. */
function defaultTree(v: Verification, dir: string): ValueTree {
  let tree = v.defaultTrees.get(dir);
  if (!tree) {
    tree = toTree(parseDocument(fs.readFileSync(path.join(dir, 'values.yaml'), 'utf8')).contents);
    // An empty values.yaml: the chart takes no values at all, so every key is unknown.
    if (tree.kind !== 'map') tree = { kind: 'map', entries: new Map() };
    v.defaultTrees.set(dir, tree);
  }
  return tree;
}

/** A chart reference's default values as plain data, read once per directory. */
function defaultValues(v: Verification, dir: string): unknown {
  if (!v.defaultValues.has(dir))
    v.defaultValues.set(dir, parseDocument(fs.readFileSync(path.join(dir, 'values.yaml'), 'utf8')).toJS());
  return v.defaultValues.get(dir);
}

/**
 * Checks each of a release's `values` documents against the chart's defaults (a document that is
 * not YAML is a problem of its own), and returns the values the release runs with: the defaults
 * with every readable document merged in, in order.
 */
function checkValueDocuments(
  rel: Record<string, unknown>,
  tree: ValueTree,
  defaults: unknown,
  ctx: ValuesContext,
): unknown {
  let effective = defaults;
  ((rel.values as string[] | undefined) ?? []).forEach((text, i) => {
    let user: unknown;
    try {
      user = parseDocument(unescapeTemplate(text)).toJS();
    } catch (e) {
      ctx.report(`values[${i}]`, `not YAML: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    checkValues(user, tree, 'values', ctx, true);
    effective = mergeValues(effective, user);
  });
  return effective;
}

/**
 * IMAGE_NOT_PINNED: the images of a release's effective values whose tag floats, with the fix. Every
 * slot, switched on or off: a component switched on later must not start on a floating image (issue
 * 18, item 5).
 */
function unpinnedImages(
  release: string,
  where: string,
  effective: unknown,
  appVersion: string,
): Array<{ path: string; message: string }> {
  return findImages(effective, appVersion, true)
    .filter((image) => image.floating)
    .map((image) => ({
      path: `values.${image.path}`,
      message:
        `release ${release} (${where}) runs ${image.reference}, which ${image.floating}. ` +
        `Fix: set a released tag (better a digest, @sha256:...) at values.${image.path}`,
    }));
}

/** Checks the path of each `set`, `set_list` and `set_sensitive` entry of a release against the defaults. */
function checkSetPaths(rel: Record<string, unknown>, tree: ValueTree, ctx: ValuesContext): void {
  for (const key of ['set', 'set_list', 'set_sensitive'] as const) {
    for (const s of (rel[key] as Array<{ name: string }> | undefined) ?? []) {
      // `a.b[0].c`: below a list index everything is free-form, so the path ends at the list.
      const nested = String(s.name)
        .replace(/\[\d+\].*$/, '')
        .split(/(?<!\\)\./)
        .reduceRight<unknown>((acc, part) => ({ [part.replace(/\\\./g, '.')]: acc }), undefined);
      // The leaf is undefined: a `set` value is a string that Helm types itself, so only its path is checked.
      checkValues(nested, tree, key, ctx, true);
    }
  }
}

/**
 * Check 2 on one `kubernetes_manifest`: a custom resource of a group the reference has CRDs for
 * validates against its CRD's schema, at a version the CRD has and serves. Built-in kinds pass
 * unchecked; groups the reference does not cover are noted (`unchecked`).
 */
function checkManifest(v: Verification, stack: string, name: string, res: Record<string, unknown>): void {
  const report = reporter(v, stack, `kubernetes_manifest.${name}`);
  const body = res.manifest as Record<string, unknown> | undefined;
  if (!isPlainObject(body)) return;
  const apiVersion = String(body.apiVersion ?? '');
  const kind = String(body.kind ?? '');
  const slash = apiVersion.lastIndexOf('/');
  const group = slash > 0 ? apiVersion.slice(0, slash) : '';
  const version = slash > 0 ? apiVersion.slice(slash + 1) : apiVersion;
  if (!v.crds.groups.has(group)) {
    // Built-in kinds and groups the reference has no CRDs for.
    if (group.includes('.') && !group.endsWith('.k8s.io')) v.unchecked.add(`${group}/${version} ${kind}`);
    return;
  }
  v.manifests++;
  const crd = v.crds.byKey.get(`${group}/${version}/${kind}`);
  if (!crd) {
    report('manifest.apiVersion', noCrdVersion(v.crds.byKey, group, version, kind));
    return;
  }
  if (!crd.served) report('manifest.apiVersion', `${apiVersion} ${kind} is no longer served`);
  crd.validate ??= v.ajv.compile(toJsonSchema(crd.schema));
  if (!crd.validate(body)) {
    for (const e of crd.validate.errors ?? []) {
      if (/\/(anyOf|oneOf)\/\d+\//.test(e.schemaPath)) continue; // the anyOf error says it once
      report(errorPath(e), errorMessage(e));
    }
  }
}

/** Why a kind of a covered group has no schema at a version: the versions its CRD has, or no CRD. */
function noCrdVersion(byKey: Map<string, CrdVersion>, group: string, version: string, kind: string): string {
  const known = [...byKey.keys()].filter((k) => k.startsWith(`${group}/`) && k.endsWith(`/${kind}`));
  return known.length > 0
    ? `the reference CRD of ${kind} has no version ${version}; it has ${known.map((k) => k.split('/')[1]).join(', ')}`
    : `the reference has no CRD of kind ${kind} in ${group}`;
}
