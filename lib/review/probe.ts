/**
 * `aif probe`: the requests that ask a live cluster whether the controls of `aif check` hold, as
 * each tenant's own identity. This module only plans them from the synthesized output (pure, no
 * cluster): which tenant, which identity, which request, and what a holding control answers. The
 * CLI (lib/cli/probe.ts) sends them as server-side dry runs, so nothing is created.
 *
 * Each control is paired with a request the tenant may make (a small restricted pod), which must be
 * accepted: a probe whose identity had no rights at all would otherwise see every attack refused and
 * report every control as holding.
 */
import {
  ADMISSION_POLICIES,
  CROSS_NAMESPACE_AFFINITY_QUOTA,
  KUEUE_QUEUE_LABEL,
  POOL_LABEL,
  TENANT_LOCAL_QUEUE,
  TENANT_QUOTA,
} from '../model/names';
import { ISOLATION_CHECKS, type SiteOutput, siteOutputs } from './check';
import { type Json, resourcesOf, type SynthesizedStack } from './synthesized';

/** The MTB ids of an `aif check` control, from the one table that states them. */
const mtbOf = (id: string): readonly string[] => ISOLATION_CHECKS.find((c) => c.id === id)?.mtb ?? [];

/** What the probe asks the API server. */
export type ProbeRequest =
  | { readonly kind: 'create'; readonly object: Json }
  | { readonly kind: 'delete'; readonly resource: string; readonly name: string; readonly namespace?: string }
  | {
      readonly kind: 'can-i';
      /** Verb, resource and subresource (`create pods binding`). */
      readonly verbs: ReadonlyArray<readonly [verb: string, resource: string, subresource?: string]>;
    };

export interface ProbeIdentity {
  readonly user: string;
  readonly groups: readonly string[];
}

export interface ProbeCase {
  /** The `aif check` id of the control, so both reports line up. */
  readonly id: string;
  readonly mtb: readonly string[];
  readonly control: string;
  readonly site: string;
  readonly tenant: string;
  /** Impersonated identity; none for requests the operator makes (a namespace delete). */
  readonly as?: ProbeIdentity;
  readonly request: ProbeRequest;
  /** `refused`: the answer must match `because`. `allowed`: the request must pass. */
  readonly expect: 'refused' | 'allowed';
  readonly because?: RegExp;
}

/**
 * The one probe that writes: a GPU job of the scratch tenant through its queue, which Kueue must
 * admit (its own ClusterQueue, with its grant). Only with `aif probe --allow-writes <tenant>`.
 */
export interface ProbeJob {
  readonly id: 'AIF-KUEUE-3';
  readonly site: string;
  readonly tenant: string;
  readonly as: ProbeIdentity;
  /** The Job, named uniquely by the caller. */
  readonly job: (name: string) => Json;
}

/** The admission probe for a scratch tenant, or why it cannot run there. */
export function planProbeJob(
  target: ProbeTarget,
  stacks: readonly SynthesizedStack[],
  tenant: string,
): ProbeJob | string {
  const site = siteOutputs(stacks).find((o) => o.site === target.site);
  const t = site ? tenantsOf(site).find((x) => x.name === tenant) : undefined;
  if (!t || t.groups.length === 0) return `no tenant '${tenant}' with rights at ${target.site}`;
  const gpu = largestGpu(t);
  if (!gpu || Number(gpu[1]) < 1)
    return `tenant '${tenant}' holds no GPUs at ${target.site}: name a scratch tenant with a grant`;
  const resource = gpu[0].slice('requests.'.length);
  return {
    id: 'AIF-KUEUE-3',
    site: target.site,
    tenant,
    as: { user: `${PROBE_USER}@${tenant}`, groups: t.groups },
    job: (name) => ({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name, namespace: tenant, labels: { [KUEUE_QUEUE_LABEL]: TENANT_LOCAL_QUEUE } },
      spec: {
        backoffLimit: 0,
        ttlSecondsAfterFinished: 300,
        template: restrictedPodTemplate(tenant, {}, { [resource]: '1' }),
      },
    }),
  };
}

export interface ProbeTarget {
  readonly site: string;
  /** kubeconfig file and context of the site's kubernetes provider (what a deploy uses). */
  readonly configPath?: string;
  readonly context?: string;
  readonly cases: readonly ProbeCase[];
}

const PROBE_USER = 'aif-probe';

const restrictedPod = (
  namespace: string,
  name: string,
  spec: Json = {},
  resources?: Json,
  metadata: Json = {},
): Json => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, ...metadata },
  spec: {
    restartPolicy: 'Never',
    securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
    containers: [
      {
        name: 'probe',
        image: 'registry.k8s.io/pause:3.10',
        // Requests as well as limits: Kueue applies the namespace LimitRange's default requests
        // before it takes limits as requests, and refuses a workload whose limit is below them.
        resources: {
          requests: { cpu: '100m', memory: '64Mi', 'ephemeral-storage': '64Mi', ...resources },
          limits: { cpu: '100m', memory: '64Mi', 'ephemeral-storage': '64Mi', ...resources },
        },
        securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
      },
    ],
    ...spec,
  },
});

interface Tenant {
  readonly name: string;
  readonly groups: string[];
  readonly hard: Record<string, string>;
}

/** The tenants of a site's output, as `aif check` indexes them: namespace, IdP groups, quota. */
function tenantsOf(site: SiteOutput): Tenant[] {
  return site.tenantNamespaces.map(({ name }) => {
    const groups = site
      .inNamespace(name, 'role_binding')
      .flatMap((b) => (b.subject as Json[]).filter((x) => x.kind === 'Group').map((x) => x.name as string));
    const quota = site.inNamespace(name, 'resource_quota').find((q) => q.metadata.name === TENANT_QUOTA);
    return {
      name,
      groups: [...new Set(groups)].sort(),
      hard: (quota?.spec?.hard ?? {}) as Record<string, string>,
    };
  });
}

const refusedBy = (policy: string): RegExp => new RegExp(`ValidatingAdmissionPolicy '${policy}'`);

/** What every case of one tenant namespace shares: the site, the tenant, the identity it is probed as. */
interface TenantProbe {
  readonly site: string;
  /** The tenant, which is also the name of its namespace. */
  readonly tenant: string;
  readonly as: ProbeIdentity;
}

/** The cases of one tenant namespace. */
function tenantCases(
  site: string,
  t: Tenant,
  present: Set<string>,
  poolSelector?: Record<string, string>,
): ProbeCase[] {
  const base: TenantProbe = {
    site,
    tenant: t.name,
    as: { user: `${PROBE_USER}@${t.name}`, groups: t.groups },
  };
  return [
    allowedPodCase(base),
    baselinePodCase(base),
    nodePortCase(base),
    guardRailWritesCase(base),
    crossNamespaceAffinityCase(base),
    ...gpuQuotaCases(base, t),
    ...policyCases(base, present, poolSelector),
    ...namespaceDeletionCases(base, present),
  ];
}

/** AIF-PROBE-0: a restricted pod of the tenant is accepted, so the refusals below mean something. */
function allowedPodCase(base: TenantProbe): ProbeCase {
  return {
    ...base,
    id: 'AIF-PROBE-0',
    mtb: [],
    control: 'a restricted pod of the tenant is accepted (the probe identity works)',
    request: { kind: 'create', object: restrictedPod(base.tenant, 'aif-probe-allowed') },
    expect: 'allowed',
  };
}

/** AIF-PSA-1: Pod Security `restricted` refuses a pod that `baseline` would let in. */
function baselinePodCase(base: TenantProbe): ProbeCase {
  return {
    ...base,
    id: 'AIF-PSA-1',
    mtb: mtbOf('AIF-PSA-1'),
    control: 'Pod Security restricted refuses a pod that only baseline allows',
    request: {
      kind: 'create',
      // Baseline lets this pod in (no privilege, no host namespaces); restricted refuses it
      // (privilege escalation allowed, capabilities kept): a namespace lowered to baseline fails.
      object: restrictedPod(base.tenant, 'aif-probe-baseline', {
        containers: [
          {
            name: 'probe',
            image: 'registry.k8s.io/pause:3.10',
            resources: {
              requests: { cpu: '100m', memory: '64Mi' },
              limits: { cpu: '100m', memory: '64Mi' },
            },
            securityContext: { allowPrivilegeEscalation: true },
          },
        ],
      }),
    },
    expect: 'refused',
    because: /violates PodSecurity "restricted:/,
  };
}

/** AIF-QUOTA-4: the quota refuses a NodePort Service. */
function nodePortCase(base: TenantProbe): ProbeCase {
  return {
    ...base,
    id: 'AIF-QUOTA-4',
    mtb: mtbOf('AIF-QUOTA-4'),
    control: 'the quota refuses a NodePort Service',
    request: {
      kind: 'create',
      object: {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'aif-probe-nodeport', namespace: base.tenant },
        spec: { type: 'NodePort', ports: [{ port: 80 }] },
      },
    },
    expect: 'refused',
    because: /exceeded quota.*services\.nodeports/,
  };
}

/** AIF-RBAC-3: the tenant may not change its guard rails, bind roles or act as others. */
function guardRailWritesCase(base: TenantProbe): ProbeCase {
  return {
    ...base,
    id: 'AIF-RBAC-3',
    mtb: mtbOf('AIF-RBAC-3'),
    control: 'the tenant cannot change its guard rails or bind roles',
    request: { kind: 'can-i', verbs: forbiddenWrites() },
    expect: 'refused',
  };
}

/** Every write that AIF-RBAC-3 forbids in the roles, as the API server answers it. */
function forbiddenWrites(): Array<readonly [verb: string, resource: string, subresource?: string]> {
  return [
    ...['create', 'update', 'patch', 'delete'].flatMap((v) =>
      ['resourcequotas', 'limitranges', 'networkpolicies.networking.k8s.io'].map((r) => [v, r] as const),
    ),
    ['patch', 'namespaces'],
    ['update', 'namespaces'],
    ['delete', 'namespaces'],
    ...['roles', 'rolebindings'].flatMap((r) =>
      ['create', 'update', 'escalate', 'bind'].map((v) => [v, `${r}.rbac.authorization.k8s.io`] as const),
    ),
    ...['clusterqueues', 'localqueues', 'workloads', 'resourceflavors', 'cohorts'].flatMap((r) =>
      ['create', 'update', 'patch'].map((v) => [v, `${r}.kueue.x-k8s.io`] as const),
    ),
    ['create', 'validatingadmissionpolicies.admissionregistration.k8s.io'],
    ['create', 'validatingadmissionpolicybindings.admissionregistration.k8s.io'],
    ['delete', 'validatingadmissionpolicybindings.admissionregistration.k8s.io'],
    ['patch', 'nodes'],
    ['impersonate', 'users'],
    ['impersonate', 'groups'],
    ['create', 'pods', 'binding'],
    ['update', 'pods', 'ephemeralcontainers'],
    ['update', 'pods', 'status'],
    ['create', 'serviceaccounts', 'token'],
  ];
}

/** AIF-QUOTA-7: the quota refuses a pod whose anti-affinity reaches every pod of every namespace. */
function crossNamespaceAffinityCase(base: TenantProbe): ProbeCase {
  return {
    ...base,
    id: 'AIF-QUOTA-7',
    mtb: mtbOf('AIF-QUOTA-7'),
    control: 'the quota refuses a pod with anti-affinity on every pod of every namespace',
    request: {
      kind: 'create',
      object: restrictedPod(base.tenant, 'aif-probe-blocker', {
        affinity: {
          podAntiAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              { labelSelector: {}, namespaceSelector: {}, topologyKey: 'kubernetes.io/os' },
            ],
          },
        },
      }),
    },
    expect: 'refused',
    because: new RegExp(`exceeded quota: ${CROSS_NAMESPACE_AFFINITY_QUOTA}`),
  };
}

/** AIF-QUOTA-1: the quota refuses one unit more of the tenant's largest GPU resource; none without one. */
function gpuQuotaCases(base: TenantProbe, t: Tenant): ProbeCase[] {
  const gpu = largestGpu(t);
  if (!gpu) return [];
  const [key, value] = gpu;
  const resource = key.slice('requests.'.length);
  return [
    {
      ...base,
      id: 'AIF-QUOTA-1',
      mtb: mtbOf('AIF-QUOTA-1'),
      control: `the quota refuses ${resource} beyond the namespace quota (${value})`,
      request: {
        kind: 'create',
        object: restrictedPod(base.tenant, 'aif-probe-greedy', {}, { [resource]: String(Number(value) + 1) }),
      },
      expect: 'refused',
      because: new RegExp(`exceeded quota.*requests\\.${resource.replace(/[.]/g, '\\.')}`),
    },
  ];
}

/**
 * The library's admission policies, each refusing what the tenant may not create: only those the
 * output has (`present`), and the placement policy only where a GPU pool's selector is known.
 */
function policyCases(
  base: TenantProbe,
  present: Set<string>,
  poolSelector?: Record<string, string>,
): ProbeCase[] {
  const ns = base.tenant;
  const cases: ProbeCase[] = [];
  const policyCase = (id: string, policy: string, control: string, object: Json): void => {
    if (present.has(policy))
      cases.push({
        ...base,
        id,
        mtb: mtbOf(id),
        control,
        request: { kind: 'create', object },
        expect: 'refused',
        because: refusedBy(policy),
      });
  };
  policyCase('AIF-ADM-1', ADMISSION_POLICIES.services, 'no Service with externalIPs', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'aif-probe-external', namespace: ns },
    spec: { ports: [{ port: 80 }], externalIPs: ['192.0.2.1'] },
  });
  policyCase(
    'AIF-ADM-2',
    ADMISSION_POLICIES.priority,
    'no pod that names a PriorityClass',
    restrictedPod(ns, 'aif-probe-priority', { priorityClassName: 'system-node-critical' }),
  );
  if (poolSelector) {
    policyCase('AIF-ADM-4', ADMISSION_POLICIES.placement, 'no pod template that selects a GPU pool', {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'aif-probe-placement', namespace: ns },
      spec: { template: restrictedPodTemplate(ns, { nodeSelector: poolSelector }) },
    });
  }
  policyCase(
    'AIF-KUEUE-1',
    ADMISSION_POLICIES.kueueBypass,
    'no pod with a forged owner (past the queues)',
    restrictedPod(ns, 'aif-probe-owned', {}, undefined, {
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'Job',
          name: 'aif-probe',
          uid: '00000000-0000-0000-0000-000000000000',
        },
      ],
    }),
  );
  return cases;
}

/**
 * AIF-ADM-3: the namespace is not deleted without the offboarding annotation, asked as the operator
 * (no impersonation: a tenant may not delete namespaces at all); none without the deletion policy.
 */
function namespaceDeletionCases({ site, tenant }: TenantProbe, present: Set<string>): ProbeCase[] {
  if (!present.has(ADMISSION_POLICIES.deletion)) return [];
  return [
    {
      site,
      tenant,
      id: 'AIF-ADM-3',
      mtb: mtbOf('AIF-ADM-3'),
      control: 'the namespace is not deleted without the offboarding annotation (as the operator)',
      request: { kind: 'delete', resource: 'namespace', name: tenant },
      expect: 'refused',
      because: refusedBy(ADMISSION_POLICIES.deletion),
    },
  ];
}

function restrictedPodTemplate(namespace: string, spec: Json, resources?: Json): Json {
  const pod = restrictedPod(namespace, 'x', spec, resources);
  return { spec: pod.spec };
}

/** The quota key and value of the tenant's largest GPU resource (a zero where it has none). */
function largestGpu(t: Tenant): [string, string] | undefined {
  return Object.entries(t.hard)
    .filter(([k]) => k.startsWith('requests.') && /\.(com|io)\//.test(k))
    .sort(([a, x], [b, y]) => Number(y) - Number(x) || a.localeCompare(b))[0];
}

/**
 * A GPU pool's node selector: the pool label as the platform stack sets it on a listed pool's nodes,
 * or asks the site to set on a label-selected pool's (with or without Kueue).
 */
function poolSelectorOf(platform: SynthesizedStack | undefined): Record<string, string> | undefined {
  if (!platform) return undefined;
  // A GPU pool's: CPU pools (`cpuPools`) carry the pool label too, and tenants may select them.
  const inventory = (platform.json.output?.aif_site_inventory?.value?.pools ?? []) as Json[];
  const gpuPools = new Set(inventory.map((p) => p.name as string));
  const isGpuPool = (v: string | undefined) => v !== undefined && (gpuPools.size === 0 || gpuPools.has(v));
  const listed = Object.values(resourcesOf(platform, 'kubernetes_labels'))
    .map((r) => (r.labels as Record<string, string>)[POOL_LABEL])
    .find(isGpuPool);
  const selected = Object.entries((platform.json.output ?? {}) as Record<string, Json>)
    .filter(([k]) => k.endsWith('_site_applied_node_config'))
    .map(([, o]) => (o.value?.labels as Record<string, string> | undefined)?.[POOL_LABEL])
    .find(isGpuPool);
  const pool = listed ?? selected;
  return pool === undefined ? undefined : { [POOL_LABEL]: pool };
}

/** Every site of the synthesized output whose tenants stack has tenants, with its cases. */
export function planProbe(stacks: readonly SynthesizedStack[], site?: string): ProbeTarget[] {
  const out: ProbeTarget[] = [];
  for (const output of siteOutputs(stacks)) {
    const tenants = output.stacks.find((s) => s.name.endsWith('-tenants'));
    if (!tenants || (site !== undefined && output.site !== site)) continue;
    const platform = output.stacks.find((s) => s.name.endsWith('-platform'));
    const present = new Set(
      output.manifestsOf('ValidatingAdmissionPolicy').map((m) => m.metadata.name as string),
    );
    const provider = ((tenants.json.provider?.kubernetes ?? []) as Json[])[0] ?? {};
    const ts = tenantsOf(output).filter((t) => t.groups.length > 0);
    out.push({
      site: output.site,
      ...(provider.config_path ? { configPath: provider.config_path as string } : {}),
      ...(provider.config_context ? { context: provider.config_context as string } : {}),
      cases: ts.flatMap((t) => tenantCases(output.site, t, present, poolSelectorOf(platform))),
    });
  }
  return out;
}
