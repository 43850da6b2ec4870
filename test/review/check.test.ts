import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { KUEUE_CPU_FLAVOR, type SiteProfile } from '../../lib/model';
import {
  ADMISSION_POLICIES,
  DEFAULT_DENY_POLICY,
  KUEUE_PRIORITY_LABEL,
  KUEUE_QUEUE_LABEL,
  OFFBOARDING_ANNOTATION,
  TENANT_LABEL,
} from '../../lib/model/names';
import {
  checkIsolation,
  ISOLATION_CHECKS,
  QUEUE_CHANGED_CONDITION,
  type CheckReport,
} from '../../lib/review/check';
import type { Json, SynthesizedStack } from '../../lib/review/synthesized';
import { KueueBypassGuard, SUSPENDING_PARENT_ANNOTATION } from '../../lib/scheduling/kueue-guard';
import { KueueLaneGuard, KueuePriorityGuard } from '../../lib/scheduling/kueue';
import { TenantGuardrails } from '../../lib/tenancy/guardrails';
import { aif, sampleProfile } from '../helpers';
import { synthesizedSite } from '../site-output';

/** The sample site with Kueue, a storage tier the tenants hold quota on, and a retired tenant. */
const PROFILE: SiteProfile = sampleProfile({
  schedulers: { kueue: {} },
  storageTiers: [
    {
      name: 'work',
      purpose: 'project',
      capacity: '100Ti',
      reclaimPolicy: 'Retain',
      driver: { kind: 'custom', provisioner: 'lustre.csi.example.org', parameters: { fs: 'work' } },
      accessModes: ['ReadWriteMany'],
    },
  ],
  tenants: [
    ...sampleProfile().tenants.map((t) => ({ ...t, storage: [{ tier: 'work', capacity: '10Ti' }] })),
    {
      name: 'gamma',
      accessMode: 'fast-lane',
      allocation: { projectId: 'EHPC-AIF-2025FL01-0003', start: '2025-07-01', end: '2025-09-30' },
      gpus: [],
      groups: { admins: ['idp:gamma-admins'] },
      retired: true,
    },
  ],
});

const base = synthesizedSite(PROFILE);
/** The namespaces the library makes for the sample site's platform components. */
const OPERATOR_NAMESPACES = ['gpu-operator', 'kueue-system'];
const TENANT_CHECKS = ISOLATION_CHECKS.filter((c) => c.appliesTo === 'tenant').length;
const OPERATOR_CHECKS = ISOLATION_CHECKS.filter((c) => c.appliesTo === 'operator').length;
/** Rows of the sample site: three tenant namespaces and its operator namespaces. */
const ROWS = 3 * TENANT_CHECKS + OPERATOR_NAMESPACES.length * OPERATOR_CHECKS;

/** The rows of one namespace that do not pass, as `id: STATUS`. */
function notPassing(report: CheckReport, namespace: string): string[] {
  return report.rows
    .filter((r) => r.namespace === namespace && r.status !== 'PASS')
    .map((r) => `${r.check}: ${r.status}`);
}

/** A copy of the output with a change. */
function mutated(change: (stacks: SynthesizedStack[]) => void): SynthesizedStack[] {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}

const stack = (stacks: SynthesizedStack[], suffix: string) =>
  stacks.find((s) => s.name.endsWith(suffix)) as SynthesizedStack;
/** A resource by type and address name, in whichever stack holds it. */
function res(stacks: SynthesizedStack[], type: string, address: string): Json {
  const found = stacks.map((s) => s.json.resource?.[type]?.[address]).find(Boolean) as Json | undefined;
  if (!found) throw new Error(`no ${type}.${address}`);
  return found;
}
/** A kubernetes_manifest's body by kind and name. */
function manifest(stacks: SynthesizedStack[], kind: string, name: string): Json {
  const found = stacks
    .flatMap((s) => Object.values((s.json.resource?.kubernetes_manifest ?? {}) as Record<string, Json>))
    .map((m) => m.manifest as Json)
    .find((m) => m.kind === kind && m.metadata?.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
}
const alphaLabels = (s: SynthesizedStack[]) =>
  res(s, 'kubernetes_namespace_v1', 'tenant_alpha_namespace').metadata.labels as Record<string, string>;
const quota = (s: SynthesizedStack[]) =>
  res(s, 'kubernetes_resource_quota_v1', 'tenant_alpha_quota').spec.hard;
const adminRules = (s: SynthesizedStack[]) =>
  res(s, 'kubernetes_role_v1', 'tenant_alpha_role_admin').rule as Json[];
/** Deletes the kubernetes_manifest(s) of a kind and name. */
function deleteManifest(stacks: SynthesizedStack[], kind: string, name: string): void {
  let found = false;
  for (const st of stacks) {
    const all = (st.json.resource?.kubernetes_manifest ?? {}) as Record<string, Json>;
    for (const [address, m] of Object.entries(all)) {
      if (m.manifest?.kind === kind && m.manifest?.metadata?.name === name) {
        delete all[address];
        found = true;
      }
    }
  }
  if (!found) throw new Error(`no ${kind} ${name}`);
}
/** Output without an admission policy and its binding. */
const withoutPolicy = (policy: string) => (s: SynthesizedStack[]) => {
  deleteManifest(s, 'ValidatingAdmissionPolicy', policy);
  deleteManifest(s, 'ValidatingAdmissionPolicyBinding', policy);
};
/** Output where a policy's binding takes these actions instead of Deny. */
const bindingActions = (policy: string, actions: string[]) => (s: SynthesizedStack[]) => {
  manifest(s, 'ValidatingAdmissionPolicyBinding', policy).spec.validationActions = actions;
};
/** A policy's spec. */
const policySpec = (s: SynthesizedStack[], policy: string) =>
  manifest(s, 'ValidatingAdmissionPolicy', policy).spec as Json;
/** Output where every match condition of a policy is `false`: the policy runs for no request. */
const conditionsFalse = (policy: string) => (s: SynthesizedStack[]) => {
  const spec = policySpec(s, policy);
  spec.matchConditions = [
    ...((spec.matchConditions as Json[] | undefined) ?? []),
    { name: 'off', expression: 'false' },
  ];
};
/** Output where every validation of a policy is `true || (...)`: it refuses nothing. */
const validationsTrue = (policy: string) => (s: SynthesizedStack[]) => {
  for (const v of policySpec(s, policy).validations as Json[])
    v.expression = `true || (${String(v.expression)})`;
};
/** Output where the validations of a policy that name a term check something else instead. */
const withoutTerm = (policy: string, term: string) => (s: SynthesizedStack[]) => {
  const spec = policySpec(s, policy);
  for (const v of [...(spec.validations as Json[]), ...((spec.variables as Json[] | undefined) ?? [])])
    v.expression = String(v.expression).split(term).join('somethingElse');
};
/** Output where a policy's not-a-controller condition lets one more username pass. */
const alsoTrusted = (policy: string, user: string) => (s: SynthesizedStack[]) => {
  const [c] = policySpec(s, policy).matchConditions as Json[];
  c.expression = String(c.expression).replace("['", `['${user}', '`);
};
/** Output where the alpha admin Role also writes a resource. */
const adminWrites = (apiGroup: string, resource: string) => (s: SynthesizedStack[]) => {
  adminRules(s).push({ api_groups: [apiGroup], resources: [resource], verbs: ['create', 'update'] });
};
/** Output where the Kueue release's manager configuration (and its values) are changed. */
const kueueConfig =
  (change: (config: Json, values: Json) => void) =>
  (s: SynthesizedStack[]): void => {
    const releases = stack(s, '-platform').json.resource.helm_release as Record<string, Json>;
    const release = Object.values(releases).find((r) => r.chart === 'kueue') as Json;
    const values = JSON.parse(release.values[0]) as Json;
    const config = JSON.parse(values.managerConfig.controllerManagerConfigYaml) as Json;
    change(config, values);
    values.managerConfig.controllerManagerConfigYaml = JSON.stringify(config, null, 2);
    release.values = [JSON.stringify(values, null, 2)];
  };
/** A ClusterQueue's flavors (of its first resource group). */
const flavors = (s: SynthesizedStack[], cq: string) =>
  manifest(s, 'ClusterQueue', cq).spec.resourceGroups[0].flavors as Json[];
/** The address of the default-deny NetworkPolicy of an operator namespace. */
function operatorDenyAddress(s: SynthesizedStack[], namespace: string): string {
  const all = stack(s, '-platform').json.resource.kubernetes_network_policy_v1 as Record<string, Json>;
  const found = Object.entries(all).find(
    ([, p]) =>
      p.metadata.name === DEFAULT_DENY_POLICY &&
      p.metadata.namespace === `\${kubernetes_namespace_v1.namespace_${namespace}.metadata[0].name}`,
  );
  if (!found) throw new Error(`no ${DEFAULT_DENY_POLICY} in ${namespace}`);
  return found[0];
}
const operatorDeny = (s: SynthesizedStack[], namespace: string) =>
  res(s, 'kubernetes_network_policy_v1', operatorDenyAddress(s, namespace));

/**
 * For each check, output built to break it (and nothing else) in tenant alpha's namespace, or in the
 * operator namespace named last. Several checks have more than one way to break.
 */
type Break = [string, string, (s: SynthesizedStack[]) => void, string?];
const BREAKS: readonly Break[] = [
  [
    'AIF-NS-1',
    'tenant label names another tenant',
    (s) => {
      alphaLabels(s)[TENANT_LABEL] = 'beta';
    },
  ],
  [
    'AIF-PSA-1',
    'enforce baseline',
    (s) => {
      alphaLabels(s)['pod-security.kubernetes.io/enforce'] = 'baseline';
    },
  ],
  [
    'AIF-PSA-1',
    'enforce-version latest',
    (s) => {
      alphaLabels(s)['pod-security.kubernetes.io/enforce-version'] = 'latest';
    },
  ],
  ['AIF-QUOTA-1', 'no pod limit', (s) => void delete quota(s).pods],
  ['AIF-QUOTA-1', 'memory not a quantity', (s) => void (quota(s)['limits.memory'] = 'lots')],
  [
    'AIF-QUOTA-2',
    "a pool's GPU resource left out",
    (s) => void delete quota(s)['requests.nvidia.com/mig-1g.10gb'],
  ],
  [
    'AIF-QUOTA-3',
    'a StorageClass left out',
    (s) => void delete quota(s)['work.storageclass.storage.k8s.io/requests.storage'],
  ],
  ['AIF-QUOTA-4', 'node ports allowed', (s) => void (quota(s)['services.nodeports'] = '5')],
  ['AIF-QUOTA-4', 'load balancers unlimited', (s) => void delete quota(s)['services.loadbalancers']],
  ['AIF-QUOTA-5', 'secrets unbounded', (s) => void delete quota(s).secrets],
  ['AIF-QUOTA-5', 'jobs unbounded', (s) => void delete quota(s)['count/jobs.batch']],
  [
    'AIF-QUOTA-6',
    'pods allowed at system priorities',
    (s) => {
      res(s, 'kubernetes_resource_quota_v1', 'tenant_alpha_system_priority_quota').spec.hard.pods = '10';
    },
  ],
  [
    'AIF-QUOTA-7',
    'pods allowed with cross-namespace affinity',
    (s) => {
      res(s, 'kubernetes_resource_quota_v1', 'tenant_alpha_cross_namespace_affinity_quota').spec.hard.pods =
        '1';
    },
  ],
  [
    'AIF-QUOTA-7',
    'the cross-namespace affinity quota narrowed to one priority class',
    (s) => {
      res(
        s,
        'kubernetes_resource_quota_v1',
        'tenant_alpha_cross_namespace_affinity_quota',
      ).spec.scope_selector = {
        match_expression: [{ scope_name: 'PriorityClass', operator: 'In', values: ['x'] }],
      };
    },
  ],
  [
    'AIF-LIMIT-1',
    'no default memory limit',
    (s) => {
      delete res(s, 'kubernetes_limit_range_v1', 'tenant_alpha_limits').spec.limit[0].default.memory;
    },
  ],
  [
    'AIF-NET-1',
    'default-deny only for ingress',
    (s) => {
      res(s, 'kubernetes_network_policy_v1', 'tenant_alpha_deny-all').spec.policy_types = ['Ingress'];
    },
  ],
  [
    'AIF-NET-1',
    'default-deny allows egress',
    (s) => {
      res(s, 'kubernetes_network_policy_v1', 'tenant_alpha_deny-all').spec.egress = [
        { to: [{ ip_block: { cidr: '0.0.0.0/0' } }] },
      ];
    },
  ],
  [
    'AIF-NET-2',
    'an operator namespace without its default-deny',
    (s) => {
      delete stack(s, '-platform').json.resource.kubernetes_network_policy_v1[
        operatorDenyAddress(s, 'kueue-system')
      ];
    },
    'kueue-system',
  ],
  [
    'AIF-NET-2',
    "an operator namespace's default-deny allows ingress",
    (s) => {
      operatorDeny(s, 'gpu-operator').spec.ingress = [{ ports: [{ port: '8080', protocol: 'TCP' }] }];
    },
    'gpu-operator',
  ],
  [
    'AIF-NET-2',
    "an operator namespace's default-deny only for egress",
    (s) => {
      operatorDeny(s, 'kueue-system').spec.policy_types = ['Egress'];
    },
    'kueue-system',
  ],
  [
    'AIF-NET-3',
    'an operator namespace that admits ingress from every namespace',
    (s) => {
      stack(s, '-platform').json.resource.kubernetes_network_policy_v1[
        'namespace_gpu-operator_network_policy_allow-scrape'
      ] = {
        metadata: { name: 'aif-allow-scrape', namespace: 'gpu-operator' },
        spec: {
          pod_selector: {},
          policy_types: ['Ingress'],
          ingress: [{ from: [{ namespace_selector: {} }], ports: [{ port: '9400', protocol: 'TCP' }] }],
        },
      };
    },
    'gpu-operator',
  ],
  [
    'AIF-NET-3',
    'an operator namespace that admits ingress from a tenant namespace',
    (s) => {
      stack(s, '-platform').json.resource.kubernetes_network_policy_v1[
        'namespace_kueue-system_network_policy_allow-alpha'
      ] = {
        metadata: { name: 'aif-allow-alpha', namespace: 'kueue-system' },
        spec: {
          pod_selector: {},
          policy_types: ['Ingress'],
          ingress: [
            {
              from: [{ namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'alpha' } } }],
              ports: [{ port: '8080', protocol: 'TCP' }],
            },
          ],
        },
      };
    },
    'kueue-system',
  ],
  [
    'AIF-RBAC-1',
    'binding to a ClusterRole',
    (s) => {
      res(s, 'kubernetes_role_binding_v1', 'tenant_alpha_binding_admin').role_ref = {
        api_group: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'admin',
      };
    },
  ],
  [
    'AIF-RBAC-1',
    "a ClusterRoleBinding names the tenant's group",
    (s) => {
      stack(s, '-tenants').json.resource.kubernetes_cluster_role_binding_v1 = {
        view: {
          metadata: { name: 'alpha-view' },
          role_ref: { api_group: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
          subject: [{ kind: 'Group', name: 'idp:alpha-users', api_group: 'rbac.authorization.k8s.io' }],
        },
      };
    },
  ],
  ['AIF-RBAC-2', 'escalate on pods', (s) => void adminRules(s)[0].verbs.push('escalate')],
  [
    'AIF-RBAC-2',
    'a wildcard resource (read only)',
    (s) =>
      void adminRules(s)
        .find((r) => !r.verbs.includes('create'))
        ?.resources.push('*'),
  ],
  // Issue 16, finding 7: every write a tenant role may not hold fails AIF-RBAC-3 (an allow-list).
  ...(
    [
      ['', 'endpoints'],
      ['discovery.k8s.io', 'endpointslices'],
      ['', 'services/status'],
      ['', 'pods/status'],
      ['', 'pods/ephemeralcontainers'],
      ['', 'serviceaccounts/token'],
      ['resource.k8s.io', 'resourceclaims'],
      ['networking.k8s.io', 'ingresses'],
      ['gateway.networking.k8s.io', 'httproutes'],
    ] as const
  ).map(([group, resource]): Break => [
    'AIF-RBAC-3',
    `writes to ${group || 'core'}/${resource}`,
    adminWrites(group, resource),
  ]),
  [
    'AIF-NET-1',
    'an allow policy opened to every namespace',
    (s) => {
      res(
        s,
        'kubernetes_network_policy_v1',
        'tenant_alpha_same-namespace',
      ).spec.ingress[0].from[0].namespace_selector = {};
    },
  ],
  [
    'AIF-NET-1',
    'an extra policy allowing egress to 0.0.0.0/0',
    (s) => {
      stack(s, '-tenants').json.resource.kubernetes_network_policy_v1.extra = {
        metadata: { name: 'extra', namespace: 'alpha' },
        spec: {
          pod_selector: {},
          policy_types: ['Egress'],
          egress: [{ to: [{ ip_block: { cidr: '0.0.0.0/0' } }] }],
        },
      };
    },
  ],
  [
    'AIF-NET-1',
    'an allow policy with no peers',
    (s) => {
      delete res(s, 'kubernetes_network_policy_v1', 'tenant_alpha_same-namespace').spec.egress[0].to;
    },
  ],
  [
    'AIF-RBAC-3',
    'update on resourcequotas',
    (s) => {
      adminRules(s)
        .find((r) => r.resources.includes('resourcequotas'))
        ?.verbs.push('update');
    },
  ],
  [
    'AIF-RBAC-3',
    'rights on RBAC objects',
    (s) => {
      adminRules(s).push({ api_groups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['get'] });
    },
  ],
  [
    'AIF-ADM-1',
    'externalIPs policy fails open',
    (s) => {
      manifest(s, 'ValidatingAdmissionPolicy', ADMISSION_POLICIES.services).spec.failurePolicy = 'Ignore';
    },
  ],
  [
    'AIF-ADM-1',
    'externalIPs policy has no binding',
    (s) => {
      const m = manifest(s, 'ValidatingAdmissionPolicyBinding', ADMISSION_POLICIES.services);
      m.spec.policyName = 'something-else';
    },
  ],
  [
    'AIF-ADM-1',
    'ExternalName Services no longer refused',
    (s) => {
      const spec = manifest(s, 'ValidatingAdmissionPolicy', ADMISSION_POLICIES.services).spec;
      spec.validations = (spec.validations as Json[]).filter(
        (v) => !String(v.expression).includes('ExternalName'),
      );
    },
  ],
  [
    'AIF-ADM-2',
    'priority binding only warns',
    (s) => {
      manifest(s, 'ValidatingAdmissionPolicyBinding', ADMISSION_POLICIES.priority).spec.validationActions = [
        'Warn',
      ];
    },
  ],
  [
    'AIF-ADM-2',
    'priority policy no longer matches pod updates',
    (s) => {
      manifest(
        s,
        'ValidatingAdmissionPolicy',
        ADMISSION_POLICIES.priority,
      ).spec.matchConstraints.resourceRules[0].operations = ['CREATE'];
    },
  ],
  [
    'AIF-ADM-3',
    'deletion guard selects other namespaces',
    (s) => {
      manifest(
        s,
        'ValidatingAdmissionPolicy',
        ADMISSION_POLICIES.deletion,
      ).spec.matchConstraints.namespaceSelector = {
        matchLabels: { team: 'platform' },
      };
    },
  ],
  [
    'AIF-ADM-3',
    'deletion guard binding leaves out the namespace',
    (s) => {
      manifest(s, 'ValidatingAdmissionPolicyBinding', ADMISSION_POLICIES.deletion).spec.matchResources = {
        namespaceSelector: {
          matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['alpha'] }],
        },
      };
    },
  ],
  ['AIF-ADM-4', 'placement guard removed', withoutPolicy(ADMISSION_POLICIES.placement)],
  [
    'AIF-ADM-4',
    "the placement guard's tolerations finding dropped",
    (s) => {
      const findings = (policySpec(s, ADMISSION_POLICIES.placement).variables as Json[]).filter((v) =>
        ['findings', 'oldFindings'].includes(String(v.name)),
      );
      for (const v of findings)
        v.expression = String(v.expression).replace(/\(has\(pe\.s\.tolerations\)[^]*?: \[\]\) \+ /, '');
      expect(String(findings[0].expression)).not.toContain('.tolerations');
    },
  ],
  ['AIF-ADM-5', 'pod-spec guard removed', withoutPolicy(ADMISSION_POLICIES.podSpec)],
  [
    'AIF-ADM-5',
    'grace period no longer checked',
    withoutTerm(ADMISSION_POLICIES.podSpec, 'terminationGracePeriodSeconds'),
  ],
  ['AIF-ADM-5', 'inline CSI volumes no longer checked', withoutTerm(ADMISSION_POLICIES.podSpec, 'csi')],
  ['AIF-ADM-6', 'size guard only warns', bindingActions(ADMISSION_POLICIES.size, ['Warn'])],
  [
    'AIF-ADM-6',
    'the ConfigMap and Secret data rule deleted',
    (s) => {
      const spec = policySpec(s, ADMISSION_POLICIES.size);
      spec.validations = (spec.validations as Json[]).filter(
        (v) => !String(v.expression).includes('object.data'),
      );
    },
  ],
  [
    'AIF-ADM-5',
    'the grace period of a DELETE no longer checked',
    (s) => {
      const spec = policySpec(s, ADMISSION_POLICIES.podSpec);
      spec.validations = (spec.validations as Json[]).filter(
        (v) => !String(v.expression).includes('request.options'),
      );
    },
  ],
  [
    'AIF-ADM-5',
    'pod DELETE no longer matched',
    (s) => {
      const rules = policySpec(s, ADMISSION_POLICIES.podSpec).matchConstraints.resourceRules as Json[];
      rules.splice(
        rules.findIndex((r) => r.operations.includes('DELETE')),
        1,
      );
    },
  ],
  [
    'AIF-ADM-6',
    'size guard no longer matches ConfigMaps',
    (s) => {
      policySpec(s, ADMISSION_POLICIES.size).matchConstraints.resourceRules = [
        { apiGroups: ['batch'], apiVersions: ['*'], operations: ['CREATE', 'UPDATE'], resources: ['jobs'] },
      ];
    },
  ],
  ['AIF-ADM-7', 'volume guard removed', withoutPolicy(ADMISSION_POLICIES.volumes)],
  [
    'AIF-ADM-7',
    'volume guard fails open',
    (s) => void (policySpec(s, ADMISSION_POLICIES.volumes).failurePolicy = 'Ignore'),
  ],
  [
    'AIF-ADM-3',
    'offboarding marks no longer need the authorizer',
    withoutTerm(ADMISSION_POLICIES.deletion, 'authorizer'),
  ],
  [
    'AIF-KUEUE-1',
    'resuming a job no longer refused (its validation deleted)',
    (s) => {
      const spec = policySpec(s, ADMISSION_POLICIES.kueueBypass);
      spec.validations = (spec.validations as Json[]).filter(
        (v) => !String(v.expression).includes('runPolicy'),
      );
    },
  ],
  [
    'AIF-KUEUE-1',
    'the elastic-job annotation no longer refused',
    withoutTerm(ADMISSION_POLICIES.kueueBypass, 'elastic-job'),
  ],
  [
    'AIF-KUEUE-6',
    'manageJobsWithoutQueueName false',
    kueueConfig((c) => void (c.manageJobsWithoutQueueName = false)),
  ],
  [
    'AIF-KUEUE-6',
    'the pod integration removed',
    kueueConfig(
      (c) => void (c.integrations.frameworks = c.integrations.frameworks.filter((f: string) => f !== 'pod')),
    ),
  ],
  [
    'AIF-KUEUE-6',
    'managedJobsNamespaceSelector matching no tenant',
    kueueConfig((c) => void (c.managedJobsNamespaceSelector = { matchLabels: { team: 'platform' } })),
  ],
  [
    'AIF-KUEUE-6',
    'elastic jobs switched on by a second entry (the last one wins)',
    kueueConfig(
      (_c, values) =>
        void values.controllerManager.featureGates.push({
          name: 'ElasticJobsViaWorkloadSlices',
          enabled: true,
        }),
    ),
  ],
  [
    'AIF-KUEUE-6',
    'the configuration overridden by a set block',
    (s) => {
      const releases = stack(s, '-platform').json.resource.helm_release as Record<string, Json>;
      const release = Object.values(releases).find((r) => r.chart === 'kueue') as Json;
      release.set = [
        { name: 'managerConfig.controllerManagerConfigYaml', value: 'manageJobsWithoutQueueName: false' },
      ];
    },
  ],
  [
    'AIF-RBAC-3',
    'a Role written as a manifest that writes endpoints',
    (s) => {
      stack(s, '-tenants').json.resource.kubernetes_manifest.extra_role = {
        manifest: {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'Role',
          metadata: { name: 'extra', namespace: 'alpha' },
          rules: [{ apiGroups: [''], resources: ['endpoints'], verbs: ['create'] }],
        },
      };
    },
  ],
  [
    'AIF-NET-1',
    'a NetworkPolicy written as a manifest that allows egress to 0.0.0.0/0',
    (s) => {
      stack(s, '-tenants').json.resource.kubernetes_manifest.extra_policy = {
        manifest: {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          metadata: { name: 'extra', namespace: 'alpha' },
          spec: {
            podSelector: {},
            policyTypes: ['Egress'],
            egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }],
          },
        },
      };
    },
  ],
  [
    'AIF-NET-1',
    'the DNS rule opened to every port',
    (s) => {
      delete res(s, 'kubernetes_network_policy_v1', 'tenant_alpha_cluster-dns').spec.egress[0].ports;
    },
  ],
  [
    'AIF-KUEUE-6',
    'elastic jobs switched back on',
    kueueConfig((_c, values) => void (values.controllerManager.featureGates = [])),
  ],
  [
    'AIF-ADM-4',
    "placement guard's binding does not Deny",
    bindingActions(ADMISSION_POLICIES.placement, ['Audit']),
  ],
  [
    'AIF-ADM-4',
    'placement guard no longer matches Deployments',
    (s) => {
      const rules = manifest(s, 'ValidatingAdmissionPolicy', ADMISSION_POLICIES.placement).spec
        .matchConstraints.resourceRules as Json[];
      rules.splice(
        rules.findIndex((r) => r.resources.includes('deployments')),
        1,
      );
    },
  ],
  [
    'AIF-KUEUE-1',
    'bypass guard removed',
    (s) => {
      const t = stack(s, '-platform').json.resource.kubernetes_manifest;
      delete t.kueue_bypass_guard_policy;
      delete t.kueue_bypass_guard_binding;
    },
  ],
  [
    'AIF-KUEUE-1',
    'bypass guard steps aside for labelled objects',
    (s) => {
      manifest(
        s,
        'ValidatingAdmissionPolicy',
        ADMISSION_POLICIES.kueueBypass,
      ).spec.matchConstraints.objectSelector = {
        matchExpressions: [{ key: 'trusted', operator: 'DoesNotExist' }],
      };
    },
  ],
  [
    'AIF-KUEUE-2',
    'priority label guard excludes jobs',
    (s) => {
      manifest(
        s,
        'ValidatingAdmissionPolicy',
        ADMISSION_POLICIES.kueuePriority,
      ).spec.matchConstraints.excludeResourceRules = [
        { apiGroups: ['batch'], apiVersions: ['*'], operations: ['*'], resources: ['jobs'] },
      ];
    },
  ],
  [
    'AIF-KUEUE-3',
    "another tenant's ClusterQueue selects every namespace",
    (s) => {
      manifest(s, 'ClusterQueue', 'beta').spec.namespaceSelector = {};
    },
  ],
  [
    'AIF-KUEUE-3',
    'its ClusterQueue selects by a label the tenant could copy',
    (s) => {
      manifest(s, 'ClusterQueue', 'alpha').spec.namespaceSelector = {
        matchLabels: { [TENANT_LABEL]: 'alpha' },
      };
    },
  ],
  ['AIF-RBAC-3', 'create on Kueue Workloads', adminWrites('kueue.x-k8s.io', 'workloads')],
  ['AIF-RBAC-3', 'create on LocalQueues', adminWrites('kueue.x-k8s.io', 'localqueues')],
  ['AIF-RBAC-3', 'create on ClusterQueues', adminWrites('kueue.x-k8s.io', 'clusterqueues')],
  ['AIF-RBAC-3', 'create on ResourceFlavors', adminWrites('kueue.x-k8s.io', 'resourceflavors')],
  ['AIF-RBAC-3', 'create on Cohorts', adminWrites('kueue.x-k8s.io', 'cohorts')],
  ['AIF-RBAC-3', 'create on pods/binding', adminWrites('', 'pods/binding')],
  ['AIF-RBAC-3', 'create on bindings', adminWrites('', 'bindings')],
  ['AIF-RBAC-3', 'create on nodes', adminWrites('', 'nodes')],
  [
    'AIF-RBAC-3',
    'create on admission policies',
    adminWrites('admissionregistration.k8s.io', 'validatingadmissionpolicies'),
  ],
  [
    'AIF-ADM-4',
    'placement guard passes every ServiceAccount',
    alsoTrusted(ADMISSION_POLICIES.placement, 'system:serviceaccounts'),
  ],
  [
    'AIF-KUEUE-1',
    "bypass guard passes a tenant's ServiceAccount",
    alsoTrusted(ADMISSION_POLICIES.kueueBypass, 'system:serviceaccount:beta:default'),
  ],
  [
    'AIF-KUEUE-1',
    'bypass guard excludes everyone',
    (s) => {
      const [c] = policySpec(s, ADMISSION_POLICIES.kueueBypass).matchConditions as Json[];
      c.expression = 'false';
    },
  ],
  [
    'AIF-KUEUE-4',
    'lane guard only on creation, by a changed match condition',
    (s) => {
      const [c] = policySpec(s, ADMISSION_POLICIES.kueueLanes).matchConditions as Json[];
      c.expression = "request.operation == 'CREATE'";
    },
  ],
  // Admission policies whose validations no longer name a term of their control.
  ...(
    [
      ['AIF-ADM-2', ADMISSION_POLICIES.priority, 'priorityClassName'],
      ['AIF-ADM-3', ADMISSION_POLICIES.deletion, OFFBOARDING_ANNOTATION],
      ['AIF-ADM-4', ADMISSION_POLICIES.placement, 'nodeName'],
      ['AIF-ADM-4', ADMISSION_POLICIES.placement, 'tolerations'],
      ['AIF-ADM-4', ADMISSION_POLICIES.placement, 'nodeSelector'],
      ['AIF-ADM-4', ADMISSION_POLICIES.placement, 'nodeAffinity'],
      ['AIF-KUEUE-1', ADMISSION_POLICIES.kueueBypass, 'ownerReferences'],
      ['AIF-KUEUE-1', ADMISSION_POLICIES.kueueBypass, SUSPENDING_PARENT_ANNOTATION],
      ['AIF-KUEUE-1', ADMISSION_POLICIES.kueueBypass, 'schedulingGates'],
      ['AIF-KUEUE-2', ADMISSION_POLICIES.kueuePriority, KUEUE_PRIORITY_LABEL],
      ['AIF-KUEUE-4', ADMISSION_POLICIES.kueueLanes, 'queueName'],
    ] as const
  ).map(([id, policy, term]): Break => [id, `${policy} without ${term}`, withoutTerm(policy, term)]),
  // Every admission check: its policy switched off by a match condition, or refusing nothing.
  ...(
    [
      ['AIF-ADM-1', ADMISSION_POLICIES.services],
      ['AIF-ADM-2', ADMISSION_POLICIES.priority],
      ['AIF-ADM-3', ADMISSION_POLICIES.deletion],
      ['AIF-ADM-4', ADMISSION_POLICIES.placement],
      ['AIF-KUEUE-1', ADMISSION_POLICIES.kueueBypass],
      ['AIF-KUEUE-2', ADMISSION_POLICIES.kueuePriority],
      ['AIF-KUEUE-4', ADMISSION_POLICIES.kueueLanes],
    ] as const
  ).flatMap(([id, policy]): Break[] => [
    [id, `${policy} off by a match condition`, conditionsFalse(policy)],
    [id, `${policy} validations always true`, validationsTrue(policy)],
  ]),
  ['AIF-KUEUE-4', 'lane guard removed', withoutPolicy(ADMISSION_POLICIES.kueueLanes)],
  [
    'AIF-KUEUE-4',
    "lane guard's binding does not Deny",
    bindingActions(ADMISSION_POLICIES.kueueLanes, ['Warn']),
  ],
  [
    'AIF-KUEUE-4',
    'lane guard matches only Workload creation',
    (s) => {
      manifest(
        s,
        'ValidatingAdmissionPolicy',
        ADMISSION_POLICIES.kueueLanes,
      ).spec.matchConstraints.resourceRules[0].operations = ['CREATE'];
    },
  ],
  [
    'AIF-KUEUE-5',
    'its GPU ClusterQueue offers cpu-only',
    (s) => {
      flavors(s, 'alpha').push({ ...structuredClone(flavors(s, 'alpha.cpu')[0]) });
    },
  ],
  [
    'AIF-KUEUE-5',
    'the cpu-only flavor selects every node',
    (s) => {
      manifest(s, 'ResourceFlavor', KUEUE_CPU_FLAVOR).spec.nodeLabels = {};
    },
  ],
  [
    'AIF-KUEUE-5',
    'its CPU lane is in the cohort',
    (s) => {
      manifest(s, 'ClusterQueue', 'alpha.cpu').spec.cohortName = manifest(
        s,
        'ClusterQueue',
        'alpha',
      ).spec.cohortName;
    },
  ],
  [
    'AIF-KUEUE-5',
    "its CPU lane offers a GPU pool's flavor too",
    (s) => {
      flavors(s, 'alpha.cpu').push({ ...structuredClone(flavors(s, 'alpha')[0]) });
    },
  ],
];

// Every site of stacks/sites passes: test/site/site.test.ts checks each where it synthesizes it.
describe('aif check', () => {
  it('passes on a site with a retired tenant, whose namespace keeps its guard rails', () => {
    const report = checkIsolation(base);
    expect(report.sites).toEqual([{ site: 'testsite', namespaces: 3, operatorNamespaces: 2 }]);
    expect(report.rows.filter((r) => r.status !== 'PASS')).toEqual([]);
    expect(report.rows).toHaveLength(ROWS);
    expect(report.rows.find((r) => r.namespace === 'gamma' && r.check === 'AIF-RBAC-1')?.reason).toBe(
      '0 Role(s), 0 RoleBinding(s), no cluster-wide binding of its groups',
    );
  });

  it('marks the Kueue checks and the storage check not applicable on a site without Kueue or storage', () => {
    const report = checkIsolation(synthesizedSite(sampleProfile()));
    expect(notPassing(report, 'alpha').sort()).toEqual([
      'AIF-KUEUE-1: SKIP',
      'AIF-KUEUE-2: SKIP',
      'AIF-KUEUE-3: SKIP',
      'AIF-KUEUE-4: SKIP',
      'AIF-KUEUE-5: SKIP',
      'AIF-KUEUE-6: SKIP',
      'AIF-QUOTA-3: SKIP',
    ]);
    expect(report.failed).toBe(0);
    // Without Kueue the site has one operator namespace, checked as one.
    expect(
      report.rows.filter((r) => r.kind === 'operator').map((r) => [r.namespace, r.check, r.status]),
    ).toEqual([
      ['gpu-operator', 'AIF-NET-2', 'PASS'],
      ['gpu-operator', 'AIF-NET-3', 'PASS'],
    ]);
  });

  it('holds operator namespaces against the operator checks only, and tenant namespaces against the tenant checks only', () => {
    const report = checkIsolation(base);
    const checksOf = (ns: string) => report.rows.filter((r) => r.namespace === ns).map((r) => r.check);
    for (const ns of OPERATOR_NAMESPACES) {
      expect(checksOf(ns)).toEqual(['AIF-NET-2', 'AIF-NET-3']);
      expect(report.rows.find((r) => r.namespace === ns)?.kind).toBe('operator');
    }
    for (const ns of ['alpha', 'beta', 'gamma']) {
      expect(checksOf(ns)).toHaveLength(TENANT_CHECKS);
      expect(checksOf(ns)).not.toContain('AIF-NET-2');
      expect(checksOf(ns)).toContain('AIF-NET-1');
    }
    // Site, then namespace, then check order, tenant and operator namespaces together.
    expect([...new Set(report.rows.map((r) => r.namespace))]).toEqual([
      'alpha',
      'beta',
      'gamma',
      'gpu-operator',
      'kueue-system',
    ]);
  });

  it('has a way to break every check', () => {
    expect([...new Set(BREAKS.map(([id]) => id))].sort()).toEqual(ISOLATION_CHECKS.map((c) => c.id).sort());
  });

  it.each(BREAKS)('%s fails, and only it, on output with %s', (id, _what, change, namespace = 'alpha') => {
    const report = checkIsolation(mutated(change));
    expect(notPassing(report, namespace)).toEqual([`${id}: FAIL`]);
    const row = report.rows.find((r) => r.namespace === namespace && r.check === id);
    expect(row?.reason).not.toBe('');
    // Every other check passes everywhere (some breaks fail the same check in other namespaces too).
    expect(report.rows.filter((r) => r.status !== 'PASS' && r.check !== id)).toEqual([]);
  });

  it.each([
    [
      'AIF-ADM-2',
      'aif-tenant-priority off by a match condition',
      'aif-tenant-priority: match condition off ("false") is not one the library writes: a match condition decides whether the policy runs at all',
    ],
    [
      'AIF-ADM-1',
      'aif-tenant-services validations always true',
      /^aif-tenant-services has a validation that is always true \("true \|\| .*: it refuses nothing$/,
    ],
    [
      'AIF-ADM-4',
      'aif-tenant-placement without nodeName',
      'aif-tenant-placement has no validation of nodeName',
    ],
    [
      'AIF-ADM-4',
      'placement guard passes every ServiceAccount',
      "aif-tenant-placement: match condition not-a-controller: it passes 'system:serviceaccounts': a match condition decides whether the policy runs at all",
    ],
    [
      'AIF-KUEUE-1',
      "bypass guard passes a tenant's ServiceAccount",
      "aif-kueue-bypass: match condition not-a-controller: it passes 'system:serviceaccount:beta:default': a match condition decides whether the policy runs at all",
    ],
    [
      'AIF-KUEUE-1',
      'bypass guard excludes everyone',
      'aif-kueue-bypass: match condition not-a-controller: its expression is not a list of usernames the policy passes: a match condition decides whether the policy runs at all',
    ],
    [
      'AIF-KUEUE-4',
      'aif-kueue-lanes without queueName',
      `aif-kueue-lanes has no validation of queueName or ${KUEUE_QUEUE_LABEL}`,
    ],
    ['AIF-RBAC-3', 'create on pods/binding', 'Role tenant-admin: create, update on core/pods/binding'],
    [
      'AIF-RBAC-3',
      'create on Kueue Workloads',
      'Role tenant-admin: create, update on kueue.x-k8s.io/workloads',
    ],
    [
      'AIF-ADM-1',
      'ExternalName Services no longer refused',
      'aif-tenant-services has no validation of ExternalName',
    ],
    ['AIF-ADM-4', 'placement guard removed', 'no ValidatingAdmissionPolicy aif-tenant-placement'],
    [
      'AIF-ADM-4',
      'placement guard no longer matches Deployments',
      'aif-tenant-placement does not match apps/deployments CREATE, apps/deployments UPDATE',
    ],
    [
      'AIF-KUEUE-4',
      'lane guard matches only Workload creation',
      'aif-kueue-lanes does not match kueue.x-k8s.io/workloads UPDATE',
    ],
    ['AIF-KUEUE-5', 'its GPU ClusterQueue offers cpu-only', 'its ClusterQueue alpha offers cpu-only too'],
    [
      'AIF-KUEUE-5',
      'the cpu-only flavor selects every node',
      'ResourceFlavor cpu-only has no nodeLabels: it selects every node',
    ],
    ['AIF-KUEUE-5', 'its CPU lane is in the cohort', 'ClusterQueue alpha.cpu is in cohort testsite'],
    [
      'AIF-KUEUE-5',
      "its CPU lane offers a GPU pool's flavor too",
      /^ClusterQueue alpha\.cpu offers cpu-only, \S+, not cpu-only alone$/,
    ],
    [
      'AIF-NET-2',
      'an operator namespace without its default-deny',
      'no NetworkPolicy aif-default-deny in the namespace',
    ],
    [
      'AIF-NET-2',
      "an operator namespace's default-deny allows ingress",
      'NetworkPolicy aif-default-deny allows ingress (1 rule(s))',
    ],
    [
      'AIF-NET-2',
      "an operator namespace's default-deny only for egress",
      'NetworkPolicy aif-default-deny has no policy type Ingress',
    ],
  ] as Array<[string, string, string | RegExp]>)('%s says why on output with %s', (id, what, reason) => {
    const [, , change, namespace = 'alpha'] = BREAKS.find(([i, w]) => i === id && w === what) ?? [];
    if (!change) throw new Error(`no break ${id} ${what}`);
    const row = checkIsolation(mutated(change)).rows.find((r) => r.namespace === namespace && r.check === id);
    if (typeof reason === 'string') expect(row?.reason).toBe(reason);
    else expect(row?.reason).toMatch(reason);
  });

  it('checks every operator namespace: a new one without its default-deny fails', () => {
    const report = checkIsolation(
      mutated((s) => {
        stack(s, '-platform').json.resource.kubernetes_namespace_v1['namespace_extra'] = {
          metadata: { name: 'extra', labels: { 'app.kubernetes.io/managed-by': 'cdktf-ai-factory' } },
        };
      }),
    );
    expect(report.rows.filter((r) => r.status !== 'PASS')).toEqual([
      {
        site: 'testsite',
        namespace: 'extra',
        kind: 'operator',
        check: 'AIF-NET-2',
        mtb: [],
        status: 'FAIL',
        reason: 'no NetworkPolicy aif-default-deny in the namespace',
      },
    ]);
    expect(report.sites).toEqual([{ site: 'testsite', namespaces: 3, operatorNamespaces: 3 }]);
  });

  it('checks a namespace that lost its tenant label (found by its objects), and fails it', () => {
    const report = checkIsolation(
      mutated((s) => {
        delete alphaLabels(s)[TENANT_LABEL];
      }),
    );
    // Nothing selects it any more: the label check and every admission policy fail.
    expect(notPassing(report, 'alpha')).toEqual([
      'AIF-NS-1: FAIL',
      'AIF-ADM-1: FAIL',
      'AIF-ADM-2: FAIL',
      'AIF-ADM-3: FAIL',
      'AIF-ADM-4: FAIL',
      'AIF-ADM-5: FAIL',
      'AIF-ADM-6: FAIL',
      'AIF-ADM-7: FAIL',
      'AIF-KUEUE-1: FAIL',
      'AIF-KUEUE-2: FAIL',
      'AIF-KUEUE-4: FAIL',
      'AIF-KUEUE-6: FAIL',
    ]);
    expect(report.rows.find((r) => r.namespace === 'alpha')?.kind).toBe('tenant');
  });

  it('names every MTB profile level 1 id it uses as the benchmarks spell them', () => {
    // The level-1 ids of kubernetes-retired/multi-tenancy benchmarks/kubectl-mtb/test/benchmarks/*/config.yaml.
    const level1 = [
      'MTB-PL1-CC-CPI-1',
      'MTB-PL1-BC-CPI-2',
      'MTB-PL1-BC-CPI-3',
      'MTB-PL1-BC-CPI-4',
      'MTB-PL1-BC-CPI-5',
      'MTB-PL1-BC-CPI-6',
      'MTB-PL1-CC-TI-1',
      'MTB-PL1-BC-HI-1',
      'MTB-PL1-BC-HI-3',
      'MTB-PL1-BC-HI-4',
      'MTB-PL1-BC-HI-5',
      'MTB-PL1-CC-FNS-1',
      'MTB-PL1-CC-FNS-2',
      'MTB-PL1-CC-DI-1',
    ];
    for (const c of ISOLATION_CHECKS) for (const id of c.mtb) expect(level1).toContain(id);
    expect(new Set(ISOLATION_CHECKS.map((c) => c.id)).size).toBe(ISOLATION_CHECKS.length);
  });

  it('is documented in docs/security.md, one table row per check with its MTB ids', () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'security.md'), 'utf8');
    // Table rows as cells (prettier pads them).
    const rows = doc
      .split('\n')
      .filter((l) => l.startsWith('| `AIF-'))
      .map((l) =>
        l
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    expect(rows).toEqual(
      ISOLATION_CHECKS.map((c) => [
        `\`${c.id}\``,
        c.appliesTo,
        c.mtb.length > 0 ? c.mtb.map((m) => `\`${m}\``).join(', ') : 'none',
        c.title,
        c.protects,
      ]),
    );
  });

  it('looks for the policies the constructs write, under the names they write them by', () => {
    // The constructs' public names for their policies are the entries of the one table.
    expect(ADMISSION_POLICIES).toEqual({
      services: TenantGuardrails.POLICY_NAME,
      priority: TenantGuardrails.PRIORITY_POLICY_NAME,
      deletion: TenantGuardrails.DELETION_POLICY_NAME,
      placement: TenantGuardrails.PLACEMENT_POLICY_NAME,
      podSpec: TenantGuardrails.POD_SPEC_POLICY_NAME,
      size: TenantGuardrails.SIZE_POLICY_NAME,
      volumes: TenantGuardrails.VOLUMES_POLICY_NAME,
      kueueBypass: KueueBypassGuard.POLICY_NAME,
      kueuePriority: KueuePriorityGuard.POLICY_NAME,
      kueueLanes: KueueLaneGuard.POLICY_NAME,
    });
    // Each is in the sample site's output, a policy and its binding.
    for (const name of Object.values(ADMISSION_POLICIES)) {
      expect(manifest(base, 'ValidatingAdmissionPolicy', name).metadata.name).toBe(name);
      expect(manifest(base, 'ValidatingAdmissionPolicyBinding', name).spec.policyName).toBe(name);
    }
    expect(SUSPENDING_PARENT_ANNOTATION).toContain('pod-suspending-parent');
    // The lane guard's match condition is the one the check allows.
    expect(policySpec(base, ADMISSION_POLICIES.kueueLanes).matchConditions).toEqual([
      QUEUE_CHANGED_CONDITION,
    ]);
    // Operator namespaces' default-deny (addNamespacePolicies) has the same name as the tenants'
    // (the sample site's operator namespaces pass AIF-NET-2 by it, above).
    for (const namespace of OPERATOR_NAMESPACES)
      expect(operatorDeny(base, namespace).metadata.name).toBe(DEFAULT_DENY_POLICY);
    expect(res(base, 'kubernetes_network_policy_v1', 'tenant_alpha_deny-all').metadata.name).toBe(
      DEFAULT_DENY_POLICY,
    );
  });
});

/** Writes stacks the way synthesis does: `<dir>/stacks/<stack>/cdk.tf.json`. */
function writeOut(stacks: readonly SynthesizedStack[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-check-'));
  for (const s of stacks) {
    fs.mkdirSync(path.join(dir, 'stacks', s.name), { recursive: true });
    fs.writeFileSync(path.join(dir, 'stacks', s.name, 'cdk.tf.json'), JSON.stringify(s.json));
  }
  return dir;
}

describe('aif check (command)', () => {
  const good = writeOut(base);
  const bad = writeOut(mutated((s) => void (quota(s)['services.nodeports'] = '5')));
  afterAll(() => [good, bad].forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('prints every namespace against every check and a summary; exit 0 when all pass', async () => {
    const r = await aif('check', '--out', good);
    expect([r.code, r.err]).toEqual([0, '']);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^SITE +NAMESPACE +CHECK +MTB-PL1 +STATUS +REASON$/);
    expect(lines.filter((l) => /^testsite +\S+ +AIF-/.test(l))).toHaveLength(ROWS);
    expect(r.out).toMatch(/^testsite +alpha +AIF-QUOTA-4 +BC-HI-1 +PASS +services\.nodeports=0/m);
    expect(r.out).toMatch(
      /^testsite +kueue-system +AIF-NET-2 +- +PASS +NetworkPolicy aif-default-deny selects every pod and allows nothing$/m,
    );
    expect(lines.filter((l) => /^testsite +gpu-operator +/.test(l))).toHaveLength(OPERATOR_CHECKS);
    expect(r.out).toContain(
      `testsite: 3 tenant and 2 operator namespace(s), all checks pass\n${ROWS} check(s) on 3 tenant and 2 operator namespace(s): ${ROWS} passed, 0 failed, 0 not applicable\n`,
    );
  });

  it('exits 1 on a failure, and --failures lists only the failing rows', async () => {
    const r = await aif('check', '--out', bad, '--failures');
    expect(r.code).toBe(1);
    expect(r.out.split('\n').filter((l) => l.startsWith('testsite '))).toEqual([
      expect.stringMatching(/^testsite +alpha +AIF-QUOTA-4 +BC-HI-1 +FAIL +services\.nodeports is 5, not 0$/),
    ]);
    expect(r.out).toContain('testsite: 3 tenant and 2 operator namespace(s), 1 failed\n');
  });

  it('exits 1 on a failure in an operator namespace, and names it', async () => {
    const dir = writeOut(
      mutated((s) => {
        operatorDeny(s, 'kueue-system').spec.egress = [{ to: [{ ip_block: { cidr: '0.0.0.0/0' } }] }];
      }),
    );
    const r = await aif('check', '--out', dir, '--failures');
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.code).toBe(1);
    expect(r.out.split('\n').filter((l) => l.startsWith('testsite '))).toEqual([
      expect.stringMatching(
        /^testsite +kueue-system +AIF-NET-2 +- +FAIL +NetworkPolicy aif-default-deny allows egress \(1 rule\(s\)\)$/,
      ),
    ]);
    expect(r.out).toContain('testsite: 3 tenant and 2 operator namespace(s), 1 failed\n');
  });

  it('prints JSON with --json', async () => {
    const r = await aif('check', '--out', bad, '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as CheckReport;
    expect([json.failed, json.rows.length]).toEqual([1, ROWS]);
    expect(json.rows.find((x) => x.status === 'FAIL')).toEqual({
      site: 'testsite',
      namespace: 'alpha',
      kind: 'tenant',
      check: 'AIF-QUOTA-4',
      mtb: ['MTB-PL1-BC-HI-1'],
      status: 'FAIL',
      reason: 'services.nodeports is 5, not 0',
    });
  });

  it('exits 2 on wrong usage and 1 without synthesized output', async () => {
    expect((await aif('check', 'extra')).code).toBe(2);
    expect((await aif('check', '--format', 'x')).code).toBe(2);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-check-'));
    const r = await aif('check', '--out', empty);
    fs.rmSync(empty, { recursive: true, force: true });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^aif check: no synthesized stacks in .*; run 'npx aif synth' first \(npm run synth in the library's repository\)\n$/,
    );
  });
});
