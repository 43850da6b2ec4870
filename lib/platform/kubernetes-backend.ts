import { TerraformBackend, TerraformRemoteState, type TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';

export interface KubernetesBackendProps {
  /** Suffix of the state Secret's name (`tfstate-<workspace>-<suffix>`). */
  readonly secretSuffix: string;
  /** Namespace of the state Secret and its lock Lease. */
  readonly namespace: string;
  readonly configPath: string;
  readonly configContext: string;
}

/**
 * Terraform's `kubernetes` backend, which cdktf 0.21 has no class for: state in a Secret of the
 * site's own cluster, locked with a Lease.
 * https://developer.hashicorp.com/terraform/language/backend/kubernetes
 */
export class KubernetesBackend extends TerraformBackend {
  constructor(
    scope: TerraformStack,
    private readonly props: KubernetesBackendProps,
  ) {
    super(scope, 'backend', 'kubernetes');
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    return {
      secret_suffix: this.props.secretSuffix,
      namespace: this.props.namespace,
      config_path: this.props.configPath,
      config_context: this.props.configContext,
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    const attrs = this.synthesizeAttributes();
    return Object.fromEntries(
      Object.entries(attrs).map(([k, v]) => [k, { value: v, type: 'simple', storageClassType: 'string' }]),
    );
  }

  getRemoteStateDataSource(_scope: Construct, _name: string, _fromStack: string): TerraformRemoteState {
    // The site's stacks never read each other's state: they share plain data from the profile.
    throw new Error('KubernetesBackend: cross-stack references through remote state are not supported');
  }
}
