/**
 * A small site built from the constructs directly, in one stack of its own and without a site
 * profile: one listed H100 node pool partitioned with MIG for a teaching cluster, the NVIDIA GPU
 * operator configured from it, and two tenant namespaces that get MIG slices.
 *
 * In an operator's repository this file imports 'cdktf-ai-factory' from npm; here package.json
 * points at the repository root.
 */
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { configureProviders, GpuNodePool, NvidiaGpuOperator, TenantNamespace } from 'cdktf-ai-factory';

export class TeachingClusterStack extends TerraformStack {
  public readonly pool: GpuNodePool;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    configureProviders(this, { configPath: '~/.kube/config', context: 'teaching' });
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });

    this.pool = new GpuNodePool(this, 'h100', {
      name: 'h100-mig',
      accelerator: 'nvidia-h100-80gb',
      gpusPerNode: 8,
      nodes: { hostlist: 'gpu[01-02]' },
      // Per GPU: one 3g.40gb for fine-tuning, two 1g.10gb for notebooks (5 of 7 compute slices).
      mig: { profiles: { '3g.40gb': 1, '1g.10gb': 2 } },
    });
    new NvidiaGpuOperator(this, 'gpu-operator', { pools: [this.pool] });

    for (const [name, slices] of [
      ['course-llm', 8],
      ['course-vision', 6],
    ] as const) {
      new TenantNamespace(this, name, {
        name,
        site: 'teaching',
        accessMode: 'playground',
        gpus: [{ pool: this.pool, count: slices, migProfile: '1g.10gb' }],
        sitePools: [this.pool],
        groups: { admins: [`teaching:${name}-staff`], members: [`teaching:${name}-students`] },
      });
    }
  }
}

if (require.main === module) {
  const app = new App({ stackTraces: false });
  new TeachingClusterStack(app, 'teaching');
  app.synth();
}
