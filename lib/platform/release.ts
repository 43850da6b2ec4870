import { Release } from '@cdktf/provider-helm/lib/release';
import { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import type { ChartRef } from './charts';
import { pinAddress } from './ids';
import { pinImages } from './images';

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
  /**
   * The values as rendered: as given, with every image whose chart default floats pinned
   * (`pinImages`). A site's mirror rewrites their images.
   */
  public readonly values: Record<string, unknown>;

  constructor(scope: Construct, id: string, props: PinnedReleaseProps) {
    super(scope, id);
    this.chart = props.chart;
    this.values = pinImages(props.chart.key, props.values);
    this.namespace = props.namespace ?? props.chart.namespace;
    this.release = new Release(this, 'release', {
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
