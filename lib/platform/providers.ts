import { App, LocalBackend, TerraformStack } from 'cdktf';
import { KubernetesBackend } from './kubernetes-backend';
import { ValidationError, type KubernetesConnection, type StateBackendSpec } from '../model';
import { isInside, localStatePath, projectRoot } from './state';
import { providerClasses } from '../private/provider-classes';

/**
 * Configures the kubernetes and helm providers of a stack from one kubeconfig context. The
 * context is always explicit, so a deploy never lands on whatever context happens to be current.
 */
export function configureProviders(stack: TerraformStack, connection: KubernetesConnection): void {
  new providerClasses.KubernetesProvider(stack, 'kubernetes', {
    configPath: connection.configPath,
    configContext: connection.context,
  });
  // helm 3.x: `kubernetes` is an attribute (an object), no longer a block.
  new providerClasses.HelmProvider(stack, 'helm', {
    kubernetes: { configPath: connection.configPath, configContext: connection.context },
  });
}

/** Context key under which a staging synthesis names the output directory it will replace. */
export const FINAL_OUTDIR_CONTEXT = 'aif:outdir';

/**
 * Configures the stack's state backend. Local files by default, at an absolute path in the project
 * root's `state/` directory (see lib/platform/state.ts): never inside the synthesized output, which
 * each synthesis replaces.
 */
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
  const file = localStatePath(stackName, spec?.directory);
  // The app's own outdir, and the output it will replace when it synthesizes into a staging
  // directory (lib/cli/synth.ts).
  const outdirs = [
    App.of(stack).outdir,
    stack.node.tryGetContext(FINAL_OUTDIR_CONTEXT) as string | undefined,
  ];
  const outdir = outdirs.find((d) => d !== undefined && isInside(file, d));
  if (outdir !== undefined) {
    throw new ValidationError(`stack '${stackName}'`, [
      {
        code: 'STATE_INSIDE_OUTPUT',
        path: 'state.directory',
        received: spec?.directory,
        message: `the state file ${file} would lie inside the synthesized output ${outdir}, which every synthesis replaces`,
        fix: `choose a directory outside ${outdir}, relative to the project root ${projectRoot()} (the default is 'state')`,
      },
    ]);
  }
  new LocalBackend(stack, { path: file });
}
