import { Aspects, TerraformStack, TerraformVariable, type IAspect } from 'cdktf';
import type { IConstruct } from 'constructs';
import type { MirrorSpec } from '../model/profile';
import type { ChartRef } from './charts';
import { CHART_IMAGES, slotPaths as expand, type ChartImage } from './images';
import { PinnedRelease, renderValues } from './release';

/** An upstream image's path without its registry host: `nvcr.io/nvidia/driver` to `nvidia/driver`. */
export function imagePath(image: string): string {
  const parts = image.split('/');
  const hasHost = parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost');
  const rest = hasHost ? parts.slice(1) : parts;
  return rest.length === 1 ? `library/${rest[0]}` : rest.join('/');
}

/**
 * Where the mirror keeps an upstream image: `<registry>/<path without host>`. An image in the
 * mirror registry already (a site-built one) stays as it is.
 */
export function mirroredImage(image: string, registry: string): string {
  const base = registry.replace(/\/+$/, '');
  return image.startsWith(`${base}/`) ? image : `${base}/${imagePath(image)}`;
}

type Values = Record<string, unknown>;

function get(values: unknown, dotted: string): unknown {
  return dotted
    .split('.')
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Values)[k] : undefined), values);
}

/** The image and tag a slot deploys, reading what the release's values override. */
function effective(slot: ChartImage, values: Values, path: string): { image: string; tag: string } {
  const at = get(values, path);
  const o = at && typeof at === 'object' ? (at as Values) : {};
  switch (slot.kind) {
    case 'repository':
      return { image: String(o.repository ?? slot.image), tag: String(o.tag ?? slot.tag) };
    case 'split': {
      const name = String(o.image ?? slot.image.split('/').pop());
      const prefix = String(o.repository ?? slot.image.split('/').slice(0, -1).join('/'));
      return { image: `${prefix}/${name}`, tag: String(o.version ?? slot.tag) };
    }
    case 'reference': {
      if (typeof at !== 'string' || at === '') return { image: slot.image, tag: slot.tag };
      const colon = at.lastIndexOf(':');
      return colon > at.lastIndexOf('/')
        ? { image: at.slice(0, colon), tag: at.slice(colon + 1) }
        : { image: at, tag: slot.tag };
    }
    case 'registry':
      return { image: slot.image, tag: slot.tag };
  }
}

/** Whether the switches of a slot deploy it, given the release's values (chart defaults otherwise). */
function deployed(slot: ChartImage, values: Values): boolean {
  return (slot.when ?? []).every((s) => {
    const v = get(values, s.path);
    return typeof v === 'boolean' ? v : s.default;
  });
}

export interface ReleaseImage {
  /** Upstream repository with host. */
  readonly image: string;
  readonly tag: string;
  /** Dotted path of the value that names it. */
  readonly valuePath: string;
}

/** The images a release of `chart` with `values` deploys, in table order, without repeats. */
export function releaseImages(chart: ChartRef, values: Values): ReleaseImage[] {
  const seen = new Set<string>();
  const out: ReleaseImage[] = [];
  for (const slot of CHART_IMAGES[chart.key] ?? []) {
    if (!deployed(slot, values)) continue;
    for (const path of expand(values, slot.path)) {
      const { image, tag } = effective(slot, values, path);
      if (seen.has(`${image}:${tag}`)) continue;
      seen.add(`${image}:${tag}`);
      out.push({ image, tag, valuePath: path });
    }
  }
  return out;
}

function setPath(values: Values, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  let v = values;
  for (const k of keys.slice(0, -1)) {
    const next = v[k];
    v[k] = next && typeof next === 'object' && !Array.isArray(next) ? { ...(next as Values) } : {};
    v = v[k] as Values;
  }
  v[keys[keys.length - 1]] = value;
}

/**
 * The values of a release with every image of the chart pointed at the mirror registry: each image
 * keeps its tag and its path without the upstream host. Components that are switched off are
 * pointed there too, so switching one on later needs no second change.
 */
export function mirrorValues(chart: ChartRef, values: Values, registry: string): Values {
  const out = structuredClone(values);
  for (const slot of CHART_IMAGES[chart.key] ?? []) {
    for (const path of expand(values, slot.path)) {
      const { image, tag } = effective(slot, values, path);
      const target = mirroredImage(image, registry);
      switch (slot.kind) {
        case 'repository':
          setPath(out, `${path}.repository`, target);
          break;
        case 'split':
          setPath(out, `${path}.repository`, target.split('/').slice(0, -1).join('/'));
          break;
        case 'reference':
          setPath(out, path, `${target}:${tag}`);
          break;
        case 'registry':
          setPath(out, path, registry.replace(/\/+$/, ''));
          break;
      }
    }
  }
  return out;
}

/** The repository a release pulls its chart from: the mirror's URL, the chart keeping its name. */
export function mirroredChartRepository(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * Points every PinnedRelease under `scope` (a site's stacks) at the site's mirror: an aspect, so
 * releases added after this call are covered too. Credentials become two sensitive Terraform
 * variables per stack, referenced by each release's `repository_username`/`repository_password`
 * (which the helm provider also uses to log in to an OCI registry).
 */
export function useMirror(stack: TerraformStack, mirror: MirrorSpec): void {
  const creds = mirror.charts?.credentials;
  const variable = (id: string, name: string, sensitive: boolean, what: string): string => {
    // A construct id of our own, so a variable name can never clash with another construct of the
    // stack; the Terraform name is the one the profile gives (TF_VAR_<name>).
    const v = new TerraformVariable(stack, `chart-mirror-${id}`, {
      type: 'string',
      sensitive: sensitive || undefined,
      description: `${what} for the chart mirror (TF_VAR_${name})`,
    });
    v.overrideLogicalId(name);
    return v.stringValue;
  };
  const auth = creds
    ? {
        username: variable('username', creds.usernameVariable, false, 'user name'),
        password: variable('password', creds.passwordVariable, true, 'password or token'),
      }
    : undefined;
  Aspects.of(stack).add(new MirrorAspect(mirror, auth));
}

class MirrorAspect implements IAspect {
  constructor(
    private readonly mirror: MirrorSpec,
    private readonly auth?: { readonly username: string; readonly password: string },
  ) {}

  visit(node: IConstruct): void {
    if (!(node instanceof PinnedRelease)) return;
    const { charts, images } = this.mirror;
    if (charts) {
      node.release.repository = mirroredChartRepository(charts.url);
      if (this.auth) {
        node.release.repositoryUsername = this.auth.username;
        node.release.repositoryPassword = this.auth.password;
      }
    }
    if (images) node.release.values = [renderValues(mirrorValues(node.chart, node.values, images.registry))];
  }
}
