import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  configureBackend,
  configureProviders,
  GpuNodePool,
  NvidiaGpuOperator,
  SiteScope,
  TenantNamespace,
  type KubernetesConnection,
} from 'cdktf-ai-factory';

/** The teaching cluster's own kubeconfig context (assumed): a small cluster of its own. */
export const TEACHING_CLUSTER: KubernetesConnection = {
  configPath: '~/.kube/config',
  context: 'karolina-teaching',
};

/** The courses of the term and the 1g.5gb MIG slices each gets. */
export const COURSES: Readonly<Record<string, number>> = { 'course-llm': 16, 'course-vision': 12 };

/**
 * Each course runs as a Playground project for the autumn term (assumed project ids): a construct
 * asks for the allocation of every EuroHPC access mode, as a profile does.
 */
export const COURSE_PROJECTS: Readonly<Record<string, string>> = {
  'course-llm': 'EHPC-AIF-2026PG04-0101',
  'course-vision': 'EHPC-AIF-2026PG04-0102',
};

/**
 * A small cluster built from the constructs directly, in one stack of its own and without a site
 * profile: the two Karolina accelerated nodes left out of the site profile (assumed: `acn[71-72]`)
 * partitioned with MIG for teaching, the NVIDIA GPU operator configured from that pool, and one
 * tenant namespace per course that gets MIG slices. The site scope holds the cluster's pool and
 * makes its tenant guard rails; each course names it, and gets a quota of zero on every GPU
 * resource of the scope it has no grant on.
 */
export class TeachingClusterStack extends TerraformStack {
  public readonly site: SiteScope;
  public readonly pool: GpuNodePool;
  public readonly courses: readonly TenantNamespace[];

  constructor(scope: Construct, id: string) {
    super(scope, id);
    configureProviders(this, TEACHING_CLUSTER);
    // State in `state/` at the repository root (the directory of cdktf.json), never in cdktf.out.
    configureBackend(this, id, TEACHING_CLUSTER);

    this.site = new SiteScope(this, 'site', { name: 'karolina-teaching' });
    this.pool = new GpuNodePool(this, 'teaching', {
      name: 'acn-teaching',
      accelerator: 'nvidia-a100-40gb',
      gpusPerNode: 8,
      nodes: { hostlist: 'acn[71-72]' }, // assumed
      // Per GPU: one 3g.20gb for fine-tuning, four 1g.5gb for notebooks (7 of 7 compute slices).
      mig: { profiles: { '3g.20gb': 1, '1g.5gb': 4 } },
    });
    this.site.addPool(this.pool);
    new NvidiaGpuOperator(this, 'gpu-operator', { pools: [this.pool] });

    this.courses = Object.entries(COURSES).map(
      ([name, slices]) =>
        new TenantNamespace(this, name, {
          name,
          site: this.site,
          accessMode: 'playground',
          allocation: { projectId: COURSE_PROJECTS[name], start: '2026-10-01', end: '2026-12-31' },
          gpus: [{ pool: this.pool, count: slices, migProfile: '1g.5gb' }],
          groups: { admins: [`czai:${name}-staff`], members: [`czai:${name}-students`] },
        }),
    );
  }
}
