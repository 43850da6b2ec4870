import type { Release } from '@cdktf/provider-helm/lib/release';
import { Construct } from 'constructs';
import { Lazy, TerraformOutput, TerraformStack, type ITerraformDependable } from 'cdktf';
import type { MirrorSpec } from '../model/profile';
import type { ChartRef } from './charts';
import { pinAddress } from './ids';
import { pinImages, releaseImages, UNMIRRORED_SUBCHARTS } from './images';
import { providerClasses } from '../private/provider-classes';

export interface PinnedReleaseProps {
  /** The chart, from `CHARTS`. */
  readonly chart: ChartRef;
  /** Helm values. Rendered as one JSON document (valid YAML) so the PR diff shows every value. */
  readonly values: Record<string, unknown>;
  /** @default - the chart's catalog name */
  readonly releaseName?: string;
  /** @default - the chart's catalog namespace */
  readonly namespace?: string;
  /**
   * Let Helm create the namespace. Off by default: the library creates namespaces itself so that
   * their Pod Security labels are in code.
   * @default false
   */
  readonly createNamespace?: boolean;
  /** Seconds Helm waits for the release to become ready. @default 600 */
  readonly timeoutSeconds?: number;
  /** @default - no explicit dependencies */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * Terraform evaluates `${...}` and `%{...}` inside strings of a configuration; values are data, so
 * both are escaped (`$${`, `%%{`) to reach Helm literally.
 */
export function escapeTemplate(text: string): string {
  // A replacer function: in a replacement string `$$` would stand for a single `$`.
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** Renders values deterministically: keys sorted at every level, two-space indent. */
export function renderValues(values: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return escapeTemplate(JSON.stringify(sort(values), null, 2));
}

/**
 * A Helm release of a chart from the pinned catalog, with the settings an operator wants on a
 * production cluster rather than the provider's defaults (hashicorp/helm 3.x: `atomic` and
 * `cleanup_on_fail` false, `max_history` unlimited): a failed upgrade rolls back, and history is
 * bounded so release Secrets do not pile up in etcd.
 */
export class PinnedRelease extends Construct {
  public readonly release: Release;
  public readonly chart: ChartRef;
  public readonly namespace: string;
  /** The Helm release name. */
  public readonly releaseName: string;
  /**
   * The values as rendered: as given, with every image whose chart default floats pinned
   * (`pinImages`). A site's mirror rewrites their images.
   */
  public readonly values: Record<string, unknown>;

  constructor(scope: Construct, id: string, props: PinnedReleaseProps) {
    super(scope, id);
    this.chart = props.chart;
    this.values = pinImages(props.chart, props.values);
    this.namespace = props.namespace ?? props.chart.namespace;
    this.releaseName = props.releaseName ?? props.chart.chart;
    this.release = new providerClasses.Release(this, 'release', {
      name: props.releaseName ?? props.chart.chart,
      repository: props.chart.repository,
      chart: props.chart.chart,
      version: props.chart.version,
      namespace: this.namespace,
      createNamespace: props.createNamespace ?? false,
      values: [renderValues(this.values)],
      atomic: true,
      cleanupOnFail: true,
      maxHistory: 10,
      wait: true,
      timeout: props.timeoutSeconds ?? 600,
      dependsOn: props.dependsOn,
    });
    // Address by namespace and release name, the pair Helm itself keys a release by.
    pinAddress(this.release, 'helm', this.namespace, props.releaseName ?? props.chart.chart);
    addChartsOutput(TerraformStack.of(this));
  }

  /**
   * Changes the values after construction (a Slurm account added later changes partitions) and
   * renders them again. A site's mirror rewrites the final values at synthesis.
   */
  public updateValues(change: (values: Record<string, unknown>) => void): void {
    change(this.values);
    this.release.values = [renderValues(this.values)];
  }
}

/** The mirror a stack's releases are pointed at (`useMirror`), for its `aif_charts` output. */
const stackMirrors = new WeakMap<TerraformStack, MirrorSpec>();

/** Records the mirror of a stack (called by `useMirror`). */
export function recordStackMirror(stack: TerraformStack, mirror: MirrorSpec): void {
  stackMirrors.set(stack, mirror);
}

/** One release as the `aif_charts` output lists it: its chart and images upstream. */
export interface ChartsOutputRelease {
  readonly name: string;
  readonly namespace: string;
  readonly chart: string;
  /** The chart's upstream repository (the release may pull it from the mirror). */
  readonly repository: string;
  readonly version: string;
  /** `repository:tag` of every image its values deploy, upstream, sorted. */
  readonly images: readonly string[];
  /** Subcharts whose images no mirror rewrites (`UNMIRRORED_SUBCHARTS`), switched on. */
  readonly subcharts: readonly string[];
}

/** What the releases of a stack deploy, from their constructs, in name order. */
function chartsOutput(stack: TerraformStack): { releases: ChartsOutputRelease[]; mirror?: unknown } {
  const releases = stack.node
    .findAll()
    .filter((c): c is PinnedRelease => c instanceof PinnedRelease && TerraformStack.of(c) === stack)
    .map((r) => ({
      name: r.releaseName,
      namespace: r.namespace,
      chart: r.chart.chart,
      repository: r.chart.repository,
      version: r.chart.version,
      images: [...new Set(releaseImages(r.chart, r.values).map((i) => `${i.image}:${i.tag}`))].sort(),
      subcharts: (UNMIRRORED_SUBCHARTS[r.chart.key] ?? [])
        .filter((sub) => {
          const on = sub.when.path
            .split('.')
            .reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], r.values);
          return typeof on === 'boolean' ? on : sub.when.default;
        })
        .map((sub) => sub.name),
    }))
    .sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
  const mirror = stackMirrors.get(stack);
  return {
    releases,
    ...(mirror
      ? { mirror: { charts: mirror.charts?.url ?? null, images: mirror.images?.registry ?? null } }
      : {}),
  };
}

const withChartsOutput = new WeakSet<TerraformStack>();

/**
 * The `aif_charts` output of a stack with releases: each release's chart and images as upstream
 * publishes them, whatever mirror the release pulls from, computed when the stack is synthesized
 * (releases added later count). `aif charts` and `aif reference pull --out` read it from the
 * synthesized output, so a site's own releases are listed as the library's are.
 */
function addChartsOutput(stack: TerraformStack): void {
  if (withChartsOutput.has(stack)) return;
  withChartsOutput.add(stack);
  const out = new TerraformOutput(stack, 'aif-charts', {
    description: 'The Helm charts and container images the releases of this stack deploy, upstream',
    value: Lazy.anyValue({ produce: () => chartsOutput(stack) }),
  });
  pinAddress(out, 'aif', 'charts');
}
