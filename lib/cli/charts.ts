import * as path from 'path';
import type { MirrorSpec } from '../model';
import type { ChartRef } from '../platform/charts';
import type { ChartsOutputRelease } from '../platform/release';
import { readStacks, type SynthesizedStack } from '../review/synthesized';
import { parseCommand, type CommandSpec } from './args';
import type { Command } from './main';
import { helmChartArgs } from './reference';

const SPEC: CommandSpec = {
  name: 'charts',
  usage: 'charts [--out <dir>] [--site <name>]',
  options: {
    out: { type: 'string', value: 'dir', description: 'synthesized output to read (default: cdktf.out)' },
    site: {
      type: 'string',
      value: 'name',
      description: 'only this site (its <name>-platform and <name>-tenants stacks) or stack',
    },
  },
};

/** A chart as helm pulls it: where, which, which version. */
export type ChartSource = Pick<ChartRef, 'repository' | 'chart' | 'version'>;

export interface SiteArtifacts {
  /** The site (stacks `<site>-platform` and `<site>-tenants`), or a stack of its own. */
  readonly site: string;
  readonly mirror?: MirrorSpec;
  /** Charts the site installs, by repository, name and version, sorted. */
  readonly charts: readonly ChartSource[];
  /** `repository:tag` of every image those releases deploy, sorted. */
  readonly images: readonly string[];
  /** Subcharts whose images are not rewritten: `<chart> <version>: <subchart>`. */
  readonly subcharts: readonly string[];
}

/** The `aif_charts` output of a synthesized stack (written by every stack with Helm releases). */
export function chartsOutputOf(
  stack: SynthesizedStack,
):
  { releases: ChartsOutputRelease[]; mirror?: { charts: string | null; images: string | null } } | undefined {
  return stack.json.output?.aif_charts?.value;
}

/** The site a stack belongs to: `<site>-platform` and `<site>-tenants` are one site. */
function siteOf(stack: string): string {
  return stack.replace(/-(platform|tenants)$/, '');
}

/**
 * What each site needs from outside, read from synthesized output: the charts of its releases and
 * the images their values deploy (each stack's `aif_charts` output, upstream names whatever mirror
 * the releases use), so a site's own releases count as the library's do.
 */
export function siteArtifacts(stacks: readonly SynthesizedStack[]): SiteArtifacts[] {
  type Collected = {
    mirror?: MirrorSpec;
    charts: Map<string, ChartSource>;
    images: Set<string>;
    subcharts: Set<string>;
  };
  const sites = new Map<string, Collected>();
  for (const stack of stacks) {
    const output = chartsOutputOf(stack);
    if (!output) continue;
    const name = siteOf(stack.name);
    const site: Collected = sites.get(name) ?? { charts: new Map(), images: new Set(), subcharts: new Set() };
    sites.set(name, site);
    if (output.mirror) {
      site.mirror = {
        ...(output.mirror.charts ? { charts: { url: output.mirror.charts } } : {}),
        ...(output.mirror.images ? { images: { registry: output.mirror.images } } : {}),
      };
    }
    for (const r of output.releases) {
      site.charts.set(`${r.repository} ${r.chart} ${r.version}`, {
        repository: r.repository,
        chart: r.chart,
        version: r.version,
      });
      for (const i of r.images) site.images.add(i);
      for (const sub of r.subcharts) site.subcharts.add(`${r.chart} ${r.version}: ${sub}`);
    }
  }
  return [...sites.keys()].sort().map((name) => {
    const s = sites.get(name)!;
    return {
      site: name,
      ...(s.mirror ? { mirror: s.mirror } : {}),
      charts: [...s.charts.keys()].sort().map((k) => s.charts.get(k) as ChartSource),
      images: [...s.images].sort(),
      subcharts: [...s.subcharts].sort(),
    };
  });
}

const CHART_MIRROR_PLACEHOLDER = 'oci://${CHART_MIRROR}';
const IMAGE_MIRROR_PLACEHOLDER = '${IMAGE_MIRROR}';

/** The commands that copy one site's charts and images into its mirror. */
export function mirrorCommands(a: SiteArtifacts): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { mirroredImage } = require('../platform/mirror') as typeof import('../platform/mirror');
  const chartUrl = (a.mirror?.charts?.url ?? CHART_MIRROR_PLACEHOLDER).replace(/\/+$/, '');
  const registry = a.mirror?.images?.registry ?? IMAGE_MIRROR_PLACEHOLDER;
  const lines: string[] = [];
  for (const c of a.charts) {
    lines.push(`helm pull ${helmChartArgs(c as ChartRef).join(' ')}`);
    const file = `${c.chart}-${c.version}.tgz`;
    lines.push(
      chartUrl.startsWith('oci://')
        ? `helm push ${file} ${chartUrl}`
        : `# upload ${file} to ${chartUrl} (helm push needs an OCI registry; use your chart repository's upload API)`,
    );
  }
  for (const image of a.images) {
    const colon = image.lastIndexOf(':');
    const target = `${mirroredImage(image.slice(0, colon), registry)}${image.slice(colon)}`;
    // A site-built image in the mirror already: nothing to copy.
    if (target === image) lines.push(`# in the mirror already: ${image}`);
    else lines.push(`skopeo copy --all --preserve-digests docker://${image} docker://${target}`);
  }
  return lines;
}

/** `aif charts`: what an air-gapped site must mirror, and the commands that do it. */
export const command: Command = {
  summary: 'list the charts and images each site needs, with the helm and skopeo commands to mirror them',
  run(args) {
    const parsed = parseCommand(SPEC, this.summary, args);
    if (!parsed.ok) return parsed.exitCode;
    const outdir = path.resolve((parsed.values.out as string | undefined) ?? 'cdktf.out');
    let stacks: SynthesizedStack[];
    try {
      stacks = readStacks(outdir);
    } catch (e) {
      process.stderr.write(`aif charts: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
    const only = parsed.values.site as string | undefined;
    const artifacts = siteArtifacts(only ? stacks.filter((s) => siteOf(s.name) === only) : stacks);
    if (artifacts.length === 0) {
      process.stderr.write(
        only
          ? `aif charts: no stack of site '${only}' with Helm releases in ${outdir}\n`
          : `aif charts: no stack in ${outdir} lists its charts (an aif_charts output): synthesize with this version of cdktf-ai-factory (npx aif synth)\n`,
      );
      return 1;
    }
    const out: string[] = [];
    for (const a of artifacts) {
      const where = a.mirror
        ? `mirror: ${a.mirror.charts?.url ?? 'upstream charts'}, ${a.mirror.images?.registry ?? 'upstream images'}`
        : 'no mirror: set CHART_MIRROR and IMAGE_MIRROR';
      out.push(`# ${a.site} (${where})`, '# charts:');
      for (const c of a.charts) out.push(`#   ${c.repository} ${c.chart} ${c.version}`);
      out.push('# images:', ...a.images.map((i) => `#   ${i}`));
      for (const s of a.subcharts) {
        out.push(
          `# not rewritten (subchart): ${s}; list its images with 'helm template' and mirror them too`,
        );
      }
      out.push(...mirrorCommands(a), '');
    }
    process.stdout.write(`${out.join('\n')}`);
    return 0;
  },
};
