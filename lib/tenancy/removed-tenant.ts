import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { removeFromState } from '../platform/removed';
import { retainedTenantResources } from './tenant-namespace';

export interface RemovedTenantProps {
  /** The retired tenant's name (its namespace's name). */
  readonly name: string;
  /** Names of its shared volumes, whose claims must leave the state too. @default - none */
  readonly volumes?: readonly string[];
}

/**
 * A retired tenant taken out of Terraform: the second, explicit step of offboarding, once the
 * tenant has been deployed with `retired: true`. Its namespace, volumes and the quota, LimitRange
 * and default-deny policy that still constrain the namespace leave the stack's state through
 * `removed` blocks with `destroy = false` (Terraform 1.7 or later) and stay in the cluster; its
 * roles and Kueue queues, no longer in the configuration, are destroyed. Deleting the namespace
 * itself is left to an administrator, after the site's data-retention period, and the tenant
 * guard rails refuse it until the namespace carries the offboarding annotation.
 *
 * @example
 * ```ts
 * import { App, TerraformStack } from 'cdktf';
 * import { RemovedTenant } from 'cdktf-ai-factory';
 *
 * const tenants = new TerraformStack(new App(), 'lab-tenants');
 * // In place of the retired TenantNamespace 'manufacturing': Terraform forgets the namespace and its
 * // claim 'checkpoints' (`removed` blocks, destroy = false); the cluster keeps both.
 * new RemovedTenant(tenants, 'manufacturing', { name: 'manufacturing', volumes: ['checkpoints'] });
 * ```
 */
export class RemovedTenant extends Construct {
  /** The resources that leave Terraform's state and stay in the cluster. */
  public readonly released: ReadonlyArray<{ readonly type: string; readonly name: string }>;

  constructor(scope: Construct, id: string, props: RemovedTenantProps) {
    super(scope, id);
    this.released = retainedTenantResources(props.name, props.volumes ?? []);
    removeFromState(TerraformStack.of(this), this.released);
  }
}
