import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { LocalBackend, TerraformStack } from 'cdktf';
import { KubernetesBackend } from './kubernetes-backend';
import type { KubernetesConnection, StateBackendSpec } from '../model';
import * as path from 'path';

/**
 * Configures the kubernetes and helm providers of a stack from one kubeconfig context. The
 * context is always explicit, so a deploy never lands on whatever context happens to be current.
 */
export function configureProviders(stack: TerraformStack, connection: KubernetesConnection): void {
  new KubernetesProvider(stack, 'kubernetes', {
    configPath: connection.configPath,
    configContext: connection.context,
  });
  // helm 3.x: `kubernetes` is an attribute (an object), no longer a block.
  new HelmProvider(stack, 'helm', {
    kubernetes: { configPath: connection.configPath, configContext: connection.context },
  });
}

/** Configures the stack's state backend; local files by default. */
export function configureBackend(
  stack: TerraformStack,
  stackName: string,
  connection: KubernetesConnection,
  spec?: StateBackendSpec,
): void {
  if (spec?.kind === 'kubernetes') {
    // State in a Secret of the cluster, locked with a Lease, reached through the same context.
    new KubernetesBackend(stack, {
      secretSuffix: stackName,
      namespace: spec.namespace ?? 'kube-system',
      configPath: connection.configPath,
      configContext: connection.context,
    });
    return;
  }
  const dir = spec?.directory ?? '.';
  new LocalBackend(stack, { path: path.posix.join(dir, `terraform.${stackName}.tfstate`) });
}
