import * as os from 'os';
import * as path from 'path';
import type { SiteProfile } from '../model';
import type { ChartRef } from '../platform/charts';
import { UNMIRRORED_SUBCHARTS } from '../platform/images';
import { parseCommand, type CommandSpec } from './args';
import type { Command } from './main';
import { helmChartArgs } from './reference';
import { SITE_OPTION, SITES_OPTION, validProfiles } from './validate';

const SPEC: CommandSpec = {
  name: 'charts',
  usage: 'charts [--sites <dir>] [--site <name>]',
  options: { sites: SITES_OPTION, site: SITE_OPTION },
};

export interface SiteArtifacts {
  readonly site: string;
  readonly mirror?: SiteProfile['mirror'];
  /** Charts the site installs, by `<key>-<version>`, sorted. */
  readonly charts: readonly ChartRef[];
  /** `repository:tag` of every image those releases deploy, sorted. */
  readonly images: readonly string[];
  /** Subcharts whose images are not rewritten: `<chart> <version>: <subchart>`. */
  readonly subcharts: readonly string[];
}

/**
 * What each site needs from outside: the charts of its releases and the images their values
 * deploy. Builds the sites' constructs (no synthesis) and reads every PinnedRelease.
 */
export function siteArtifacts(profiles: readonly SiteProfile[]): SiteArtifacts[] {
  /* eslint-disable @typescript-eslint/no-require-imports -- cdktf only when this command runs */
  const { App } = require('cdktf') as typeof import('cdktf');
  const { addSites } = require('./synth') as typeof import('./synth');
  const { PinnedRelease } = require('../platform/release') as typeof import('../platform/release');
  const { releaseImages } = require('../platform/images') as typeof import('../platform/images');
  /* eslint-enable @typescript-eslint/no-require-imports */
  // Never synthesized, so nothing is written there.
  const app = new App({ outdir: path.join(os.tmpdir(), 'aif-charts-unused'), stackTraces: false });
  return addSites(app, profiles).map((site) => {
    const releases = [site.platform, site.tenantsStack]
      .flatMap((s) => s.node.findAll())
      .filter((c): c is InstanceType<typeof PinnedRelease> => c instanceof PinnedRelease);
    const charts = new Map<string, ChartRef>();
    const images = new Set<string>();
    const subcharts = new Set<string>();
    for (const r of releases) {
      charts.set(`${r.chart.key}-${r.chart.version}`, r.chart);
      for (const i of releaseImages(r.chart, r.values)) images.add(`${i.image}:${i.tag}`);
      for (const sub of UNMIRRORED_SUBCHARTS[r.chart.key] ?? []) {
        const on = sub.when.path
          .split('.')
          .reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], r.values);
        if (typeof on === 'boolean' ? on : sub.when.default)
          subcharts.add(`${r.chart.chart} ${r.chart.version}: ${sub.name}`);
      }
    }
    return {
      site: site.profile.name,
      mirror: site.profile.mirror,
      charts: [...charts.keys()].sort().map((k) => charts.get(k) as ChartRef),
      images: [...images].sort(),
      subcharts: [...subcharts].sort(),
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
    lines.push(`helm pull ${helmChartArgs(c).join(' ')}`);
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
    lines.push(`skopeo copy --all --preserve-digests docker://${image} docker://${target}`);
  }
  return lines;
}

/** `aif charts`: what an air-gapped site must mirror, and the commands that do it. */
export const command: Command = {
  summary: 'list the charts and images each site needs, with the helm and skopeo commands to mirror them',
  run(args) {
    const parsed = parseCommand(SPEC, this.summary, args);
    if (!parsed.ok) return parsed.exitCode;
    const profiles = validProfiles(parsed.values.sites, parsed.values.site);
    if (!profiles) return 1;
    const out: string[] = [];
    for (const a of siteArtifacts(profiles)) {
      const where = a.mirror
        ? `mirror: ${a.mirror.charts?.url ?? 'upstream charts'}, ${a.mirror.images?.registry ?? 'upstream images'}`
        : 'no mirror in the profile: set CHART_MIRROR and IMAGE_MIRROR';
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
