import * as fs from 'fs';
import * as path from 'path';
import type { SynthesizedStack } from '../lib/review/synthesized';
import type { TfJson } from './helpers';

/**
 * Small synthesized outputs written by hand, shaped like the library's (`demo-platform` with the
 * site inventory and a Helm release, `demo-tenants` with namespaces, quotas and bindings), for the
 * `aif diff` command and CI script tests: they run in milliseconds and need no synthesis.
 */
export interface FixtureTenant {
  readonly name: string;
  readonly gpus: number;
  readonly retired?: boolean;
}

export function demoOutput(
  tenants: readonly FixtureTenant[],
  kueueVersion = '0.19.2',
): Record<string, TfJson> {
  const resource: Record<string, Record<string, TfJson>> = {
    kubernetes_namespace_v1: {},
    kubernetes_resource_quota_v1: {},
    kubernetes_role_binding_v1: {},
  };
  for (const t of tenants) {
    const ns = `\${kubernetes_namespace_v1.tenant_${t.name}_namespace.metadata[0].name}`;
    resource.kubernetes_namespace_v1[`tenant_${t.name}_namespace`] = {
      lifecycle: { prevent_destroy: true },
      metadata: {
        name: t.name,
        annotations: {
          'ai-factory.eu/gpu-grants': JSON.stringify([
            { pool: 'h100', resource: 'nvidia.com/gpu', units: t.gpus },
          ]),
        },
        labels: {
          'ai-factory.eu/tenant': t.name,
          'pod-security.kubernetes.io/enforce': 'restricted',
          ...(t.retired ? { 'ai-factory.eu/lifecycle': 'retired' } : {}),
        },
      },
    };
    resource.kubernetes_resource_quota_v1[`tenant_${t.name}_quota`] = {
      metadata: { name: 'tenant-quota', namespace: ns },
      spec: {
        hard: {
          'requests.nvidia.com/gpu': String(t.retired ? 0 : t.gpus),
          'requests.cpu': String(t.retired ? 0 : t.gpus * 16),
        },
      },
    };
    if (!t.retired)
      resource.kubernetes_role_binding_v1[`tenant_${t.name}_binding_admin`] = {
        metadata: { name: 'tenant-admin', namespace: ns },
        role_ref: { api_group: 'rbac.authorization.k8s.io', kind: 'Role', name: 'tenant-admin' },
        subject: [{ api_group: 'rbac.authorization.k8s.io', kind: 'Group', name: `idp:${t.name}-admins` }],
      };
  }
  const inventory = {
    site: 'demo',
    displayName: 'Demo site',
    pools: [
      {
        name: 'h100',
        accelerator: 'nvidia-h100-80gb',
        nodes: 4,
        gpusPerNode: 8,
        gpus: 32,
        overcommitFactor: 1,
        offers: [{ resource: 'nvidia.com/gpu', units: 32, tenantUnits: 32, gpuEquivalentPerUnit: 1 }],
      },
    ],
    storageTiers: [],
  };
  return {
    'demo-platform': {
      output: { aif_site_inventory: { value: inventory } },
      resource: {
        helm_release: {
          'helm_kueue-system_kueue': {
            name: 'kueue',
            namespace: 'kueue-system',
            chart: 'kueue',
            version: kueueVersion,
          },
        },
      },
    },
    'demo-tenants': { resource },
  };
}

/** Writes stacks as `<dir>/stacks/<name>/cdk.tf.json`, the layout `cdktf synth` writes; returns dir. */
export function writeOutput(dir: string, stacks: Record<string, TfJson>): string {
  for (const [name, json] of Object.entries(stacks)) {
    fs.mkdirSync(path.join(dir, 'stacks', name), { recursive: true });
    fs.writeFileSync(path.join(dir, 'stacks', name, 'cdk.tf.json'), JSON.stringify(json, null, 2));
  }
  return dir;
}

/**
 * Retires a tenant in synthesized output by hand, to the contract of issue 8 (until retirement is
 * built): the namespace stays with the label `ai-factory.eu/lifecycle: retired`, every quota limit
 * goes to zero, and its role bindings, egress policies and Kueue queues go.
 */
export function retireTenant(stacks: readonly SynthesizedStack[], tenant: string): void {
  for (const { json } of stacks) {
    const r = (json.resource ?? {}) as Record<string, Record<string, TfJson>>;
    const ns = r.kubernetes_namespace_v1?.[`tenant_${tenant}_namespace`];
    if (!ns) continue;
    ns.metadata.labels['ai-factory.eu/lifecycle'] = 'retired';
    const hard = r.kubernetes_resource_quota_v1[`tenant_${tenant}_quota`].spec.hard as Record<string, string>;
    for (const k of Object.keys(hard)) hard[k] = '0';
    const prefix = `tenant_${tenant}_`;
    for (const name of Object.keys(r.kubernetes_role_binding_v1 ?? {}))
      if (name.startsWith(prefix)) delete r.kubernetes_role_binding_v1[name];
    for (const [name, policy] of Object.entries(r.kubernetes_network_policy_v1 ?? {}))
      if (name.startsWith(prefix) && policy.spec?.egress) delete r.kubernetes_network_policy_v1[name];
    for (const name of Object.keys(r.kubernetes_manifest ?? {}))
      if (name.startsWith(`kueue_${prefix}`)) delete r.kubernetes_manifest[name];
  }
}
