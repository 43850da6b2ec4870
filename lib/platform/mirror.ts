import { Aspects, TerraformStack, TerraformVariable, type IAspect } from 'cdktf';
import type { IConstruct } from 'constructs';
import type { MirrorSpec } from '../model/profile';
import type { ChartRef } from './charts';
import { chartImages, effectiveImage, slotPaths as expand } from './images';
import { PinnedRelease, recordStackMirror, renderValues } from './release';

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
  for (const slot of chartImages(chart)) {
    for (const path of expand(values, slot.path)) {
      const { image, tag } = effectiveImage(slot, values, path);
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
  recordStackMirror(stack, mirror);
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
