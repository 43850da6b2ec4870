/**
 * Kueue (https://kueue.sigs.k8s.io): the operator in the platform stack, and its custom resources
 * (API `kueue.x-k8s.io/v1beta2`, the storage version of 0.19) in the tenants stack:
 *
 *   ResourceFlavor      one per GPU pool: the node labels of the pool's Kubernetes nodes, and its taint
 *                       as a toleration that Kueue injects into every admitted pod; and `cpu-only`,
 *                       selecting the site's CPU nodes, for pods that request no GPU
 *   Cohort              one per site: the tenants' queues lend idle quota to each other in it
 *   WorkloadPriorityClass  one per access mode
 *   ClusterQueue        two per tenant, selecting only the tenant's namespace: `<tenant>` over the
 *                       pools' flavors, with a nominal quota per flavor (GPU resource, cpu, memory)
 *                       equal to the tenant's allocation, and `<tenant>.cpu` over `cpu-only`
 *   LocalQueue          `default` (GPU work) and `cpu` (work without GPUs) in the tenant's namespace
 *
 * Custom resources are `kubernetes_manifest`s, which need their CRD at plan time: hence two stacks.
 * The platform stack also holds `KueuePriorityGuard`, an admission policy that keeps each tenant's
 * jobs to the priority classes of its access mode, and `KueueLaneGuard`, which keeps work without
 * GPUs out of the GPU queues and GPU work out of the CPU queues.
 */
import type { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { Construct, type IDependable } from 'constructs';
import type { GpuNodePool } from '../compute/node-pool';
import {
  ACCESS_MODE_PRESETS,
  DEFAULT_CPU_NODE_LABELS,
  IssueCollector,
  KUEUE_FEATURE_GATES,
  KUEUE_INTEGRATIONS,
  TENANT_WRITABLE,
  type AccessMode,
} from '../model';
import { celPositiveQuantity, createOrUpdateRules, DenyPolicy } from '../platform/admission';
import { CHARTS } from '../platform/charts';
import {
  ACCESS_MODE_LABEL,
  cpuClusterQueueName,
  FLAVOR_POOL_LABEL,
  KUEUE_CPU_FLAVOR,
  KUEUE_LANES_POLICY,
  KUEUE_PRIORITY_LABEL,
  KUEUE_PRIORITY_POLICY,
  KUEUE_QUEUE_LABEL,
  MANAGED_BY,
  MATCH_CONDITIONS,
  NAMESPACE_NAME_LABEL,
  TENANT_CPU_LOCAL_QUEUE,
  TENANT_LABEL,
  TENANT_LOCAL_QUEUE,
} from '../model/names';
import { pinAddress } from '../platform/ids';
import { SystemNamespace } from '../platform/namespace';
import { PinnedRelease } from '../platform/release';
import { planLanes, type LanesPlan } from '../plan/kueue';
export { DEFAULT_CPU_ONLY_SHARE } from '../plan/kueue';

/** One RBAC rule (the shape TenantNamespace's `additionalRules` takes). */
export interface KueueRbacRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
}

/**
 * What a tenant queue needs of the tenant's namespace construct; `TenantNamespace` has it. Kept
 * structural so that lib/scheduling does not depend on lib/tenancy (DESIGN.md: the other way round).
 */
export interface KueueTenant {
  readonly name: string;
  /** The namespace resource, which the LocalQueue depends on. */
  readonly namespace: IDependable;
  /** The namespace quota's hard limits; `requests.cpu` and `requests.memory` are split across flavors. */
  readonly hardLimits: Readonly<Record<string, string>>;
  /** Raises quota hard limits, so that what Kueue admits by borrowing is not refused by the quota. */
  raiseQuota?(limits: Readonly<Record<string, string>>): void;
  /**
   * Whether the tenant holds its GPUs (`TenantNamespace.holdsGpus`: false past its allocation's
   * end). When false, the GPU queue gets no GPU quota and is stopped.
   * @default true
   */
  readonly holdsGpus?: boolean;
}

/** GPUs of one pool granted to a tenant, by object. */
export interface KueueGrant {
  readonly pool: GpuNodePool;
  readonly count: number;
  /** @default - whole GPUs */
  readonly migProfile?: string;
}

export const KUEUE_API = 'kueue.x-k8s.io/v1beta2';
// Kueue's labels and the tenants' queues, declared with the library's other names in the cluster,
// which lib/review reads them by.
export {
  cpuClusterQueueName,
  KUEUE_PRIORITY_LABEL,
  KUEUE_QUEUE_LABEL,
  TENANT_CPU_LOCAL_QUEUE,
  TENANT_LABEL,
  TENANT_LOCAL_QUEUE,
} from '../model/names';
import { providerClasses } from '../private/provider-classes';

/**
 * What tenant members need besides the base roles to work with Kueue: read their LocalQueue and
 * the Workloads Kueue creates for their jobs, and run the job kinds Kueue integrates. Namespaced
 * only; ClusterQueues and flavors stay out of reach.
 */
export const KUEUE_TENANT_RULES: readonly KueueRbacRule[] = [
  { apiGroups: ['kueue.x-k8s.io'], resources: ['localqueues', 'workloads'], verbs: ['get', 'list', 'watch'] },
  // One rule per API group: a rule grants every group with every resource it lists, so one rule
  // for the three groups would grant kinds that do not exist (kubeflow.org/jobsets) until a CRD of
  // that name appears. The kinds are those of TENANT_WRITABLE (aif check, AIF-RBAC-3).
  ...(['jobset.x-k8s.io', 'kubeflow.org', 'trainer.kubeflow.org'] as const).map((group) => ({
    apiGroups: [group],
    resources: [...TENANT_WRITABLE[group]],
    verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
  })),
];

/** The job kinds that tenants create and Kueue admits, as RBAC and admission rules name them. */
export const JOB_RESOURCES: ReadonlyArray<{ apiGroup: string; resource: string }> = [
  { apiGroup: '', resource: 'pods' },
  { apiGroup: 'apps', resource: 'deployments' },
  { apiGroup: 'apps', resource: 'statefulsets' },
  { apiGroup: 'batch', resource: 'jobs' },
  { apiGroup: 'jobset.x-k8s.io', resource: 'jobsets' },
  { apiGroup: 'kubeflow.org', resource: 'mpijobs' },
  { apiGroup: 'kubeflow.org', resource: 'pytorchjobs' },
  { apiGroup: 'trainer.kubeflow.org', resource: 'trainjobs' },
];

/** Selects every tenant namespace (each carries TENANT_LABEL): the admission policies' and Kueue's scope. */
export const TENANT_NAMESPACES = { matchExpressions: [{ key: TENANT_LABEL, operator: 'Exists' }] };

/** The port Kueue's manager serves its webhooks on (the chart's webhook Service targets it). */
const kueueWebhookPort = 9443;

export interface KueueProps {
  /**
   * Fair sharing between the queues of a cohort by their weights
   * (https://kueue.sigs.k8s.io/docs/concepts/preemption/#fair-sharing).
   * @default true
   */
  readonly fairSharing?: boolean;
  /**
   * Kueue manages every job in tenant namespaces, labelled with a queue or not, so that no job
   * takes GPUs past the queues (`manageJobsWithoutQueueName` with a namespace selector on the
   * tenant label). Bare pods are still bounded by the namespace quota.
   * @default true
   */
  readonly manageAllTenantJobs?: boolean;
}

/**
 * The Kueue controller (chart `kueue`, which also installs the CRDs), in `kueue-system`.
 *
 * @example
 * ```ts
 * import { App, TerraformStack } from 'cdktf';
 * import { Kueue } from 'cdktf-ai-factory';
 *
 * const platform = new TerraformStack(new App(), 'lab-platform');
 * // The Kueue controller and its CRDs, with fair sharing between the tenants' ClusterQueues.
 * new Kueue(platform, 'kueue', { fairSharing: true });
 * ```
 */
export class Kueue extends Construct {
  public readonly namespace: SystemNamespace;
  public readonly release: PinnedRelease;

  constructor(scope: Construct, id: string, props: KueueProps = {}) {
    super(scope, id);
    // The controller runs as non-root with a read-only root file system and no capabilities.
    this.namespace = new SystemNamespace(this, 'namespace', {
      name: CHARTS.kueue.namespace,
      podSecurity: 'baseline',
      // The API server calls Kueue's webhooks on the manager's webhook port (below).
      network: { webhookPorts: [kueueWebhookPort] },
    });
    // The chart's manager configuration (kind Configuration, config.kueue.x-k8s.io/v1beta2); the
    // addresses are the ones the chart's Service and probes point at.
    const config: Record<string, unknown> = {
      apiVersion: 'config.kueue.x-k8s.io/v1beta2',
      kind: 'Configuration',
      health: { healthProbeBindAddress: ':8081' },
      metrics: { bindAddress: ':8443' },
      webhook: { port: kueueWebhookPort },
      // The chart's own lease name, so an upgrade from a plain chart install keeps one leader.
      leaderElection: { leaderElect: true, resourceName: 'c1f6bfd2.kueue.x-k8s.io' },
      // The chart's example tuning: the value replaces the whole configuration, and Kueue's built-in
      // client limits (qps 20, burst 30) are too low for thousands of workloads on a site.
      controller: {
        groupKindConcurrency: {
          'Job.batch': 5,
          Pod: 5,
          'Workload.kueue.x-k8s.io': 10,
          'LocalQueue.kueue.x-k8s.io': 5,
          'ClusterQueue.kueue.x-k8s.io': 5,
          'ResourceFlavor.kueue.x-k8s.io': 1,
        },
      },
      clientConnection: { qps: 300, burst: 500 },
      // Workload kinds Kueue manages in tenant namespaces, labelled or not (manageJobsWithoutQueueName).
      // Plain pods, Deployments and StatefulSets are among them: a tenant's ResourceQuota is raised to
      // what Kueue may admit with borrowing, so anything that could start pods without Kueue's
      // admission would let a tenant use the borrowing headroom without borrowing anything.
      // https://kueue.sigs.k8s.io/docs/tasks/run/plain_pods/
      integrations: { frameworks: [...KUEUE_INTEGRATIONS] },
      // Kueue counts every resource a pod requests against its ClusterQueue and, under its default
      // quota check (BlockUndeclared), never admits a workload asking for a resource no queue
      // covers: the tenant LimitRange gives every container an ephemeral-storage request, so without
      // this every workload stayed pending ("resource ephemeral-storage unavailable in
      // ClusterQueue", kubernetes-sigs/kueue#4848; found by the e2e suite). Kueue ignores local disk
      // instead of each lane covering it: the tenant's ResourceQuota already caps its
      // requests.ephemeral-storage and the scheduler places pods by it, and a per-flavor quota would
      // need each pool's disk size, which a profile does not give. Every other resource, GPUs above
      // all, stays checked: a queue never admits a resource it does not declare.
      // (Resources in Kueue 0.19.2's apis/config/v1beta2/configuration_types.go)
      resources: { excludeResourcePrefixes: ['ephemeral-storage'] },
    };
    if (props.manageAllTenantJobs ?? true) {
      config.manageJobsWithoutQueueName = true;
      config.managedJobsNamespaceSelector = TENANT_NAMESPACES;
    }
    if (props.fairSharing ?? true) {
      // v1beta2 has no `enable` flag: the presence of `fairSharing` turns it on.
      config.fairSharing = { preemptionStrategies: ['LessThanOrEqualToFinalShare', 'LessThanInitialShare'] };
    }
    this.release = new PinnedRelease(this, 'release', {
      chart: CHARTS.kueue,
      values: {
        controllerManager: {
          featureGates: KUEUE_FEATURE_GATES.map((g) => ({ ...g })),
          manager: {
            // The chart in git points at the staging registry; pin the released image.
            image: {
              repository: 'registry.k8s.io/kueue/kueue',
              tag: `v${CHARTS.kueue.version}`,
              pullPolicy: 'IfNotPresent',
            },
          },
        },
        managerConfig: { controllerManagerConfigYaml: JSON.stringify(config, null, 2) },
      },
      dependsOn: [this.namespace.namespace],
    });
  }
}

/**
 * A ValidatingAdmissionPolicy that keeps tenants to the priority of their access mode:
 * - a job's `kueue.x-k8s.io/priority-class` label may name the class of the namespace's access mode
 *   or a lower one, never a higher one (Kueue itself lets any job name any WorkloadPriorityClass,
 *   which would let a Playground job preempt a Large Scale one);
 * - no pod or pod template may set `priorityClassName`: Kueue falls back to the pod's PriorityClass
 *   where the label is absent, and `system-node-critical` / `system-cluster-critical` are usable in
 *   any namespace, so a tenant could otherwise take any priority, Kueue's and the kube-scheduler's.
 *   Tenants get priority only through the Kueue label. (TenantNamespace adds a quota of zero pods at
 *   the system classes as a second line of defence.)
 * Built-in API (Kubernetes 1.30+), so it lives in the platform stack.
 * https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/
 */
export class KueuePriorityGuard extends Construct {
  public static readonly POLICY_NAME = KUEUE_PRIORITY_POLICY;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const modes = Object.keys(ACCESS_MODE_PRESETS).sort() as AccessMode[];
    // mode -> the classes it may use (its own priority or lower), as a CEL map literal.
    const allowed = modes
      .map((mode) => {
        const own = ACCESS_MODE_PRESETS[mode].scheduling.priority;
        const classes = modes
          .map((m) => ACCESS_MODE_PRESETS[m].scheduling)
          .filter((p) => p.priority <= own)
          .map((p) => `'${p.priorityClass}'`);
        return `'${mode}': [${[...new Set(classes)].sort().join(', ')}]`;
      })
      .join(', ');
    const name = KueuePriorityGuard.POLICY_NAME;
    // The job kinds that carry the label. (priorityClassName is closed for every site by
    // TenantGuardrails, Kueue or not.)
    const matched = [...JOB_RESOURCES]
      .filter((r, i, all) => all.findIndex((x) => x.resource === r.resource) === i)
      .sort((a, b) => {
        const x = `${a.apiGroup}/${a.resource}`;
        const y = `${b.apiGroup}/${b.resource}`;
        return x < y ? -1 : x > y ? 1 : 0;
      });
    new DenyPolicy(this, 'guard', {
      name,
      address: ['kueue', 'priority_guard'],
      spec: {
        matchConstraints: {
          namespaceSelector: TENANT_NAMESPACES,
          resourceRules: createOrUpdateRules(matched),
        },
        variables: [
          {
            name: 'requested',
            expression: `has(object.metadata.labels) && '${KUEUE_PRIORITY_LABEL}' in object.metadata.labels ? object.metadata.labels['${KUEUE_PRIORITY_LABEL}'] : ''`,
          },
          {
            name: 'mode',
            expression: `has(namespaceObject.metadata.labels) && '${ACCESS_MODE_LABEL}' in namespaceObject.metadata.labels ? namespaceObject.metadata.labels['${ACCESS_MODE_LABEL}'] : ''`,
          },
          { name: 'allowed', expression: `{${allowed}}` },
        ],
        validations: [
          {
            expression:
              "variables.requested == '' || (variables.mode in variables.allowed && variables.requested in variables.allowed[variables.mode])",
            messageExpression: `'${KUEUE_PRIORITY_LABEL} ' + variables.requested + ' is above the access mode of this namespace (' + variables.mode + ')'`,
            reason: 'Forbidden',
          },
        ],
      },
    });
  }
}

export interface KueueLaneGuardProps {
  /** The site's GPU resource names (`nvidia.com/gpu`, `nvidia.com/mig-1g.10gb`, `amd.com/gpu` ...). */
  readonly gpuResources: readonly string[];
}

/**
 * A ValidatingAdmissionPolicy on Kueue's Workload objects in tenant namespaces that keeps each lane
 * to its kind of work: a workload that asks for none of the site's GPU resources must go to the
 * LocalQueue `cpu` (whose ClusterQueue holds only the CPU-only flavor), and one that asks for a GPU
 * must not. Kueue's flavor assigner takes the first flavor of the workload's ClusterQueue where it
 * fits, and the pools' flavors cover cpu and memory too (their pods need both), so work without GPUs
 * in a GPU queue would otherwise be admitted on a GPU pool's flavor and run on GPU nodes.
 *
 * Checked on the Workload, which Kueue builds from every job kind it manages (Job, JobSet, pods,
 * Deployments, TrainJobs ...), so one rule covers them all; its pod templates carry the requests
 * the quota is counted from. A GPU counts when a container or init container requests it, or sets
 * a limit on it (Kueue takes a limit as the request where there is none), at a quantity above zero.
 * Checked on creation and whenever the queue name changes.
 */
export class KueueLaneGuard extends Construct {
  public static readonly POLICY_NAME = KUEUE_LANES_POLICY;
  public readonly policy: DenyPolicy;

  constructor(scope: Construct, id: string, props: KueueLaneGuardProps) {
    super(scope, id);
    const gpus = [...new Set(props.gpuResources)].sort().map((r) => `'${r}'`);
    const queueOf = (o: string) => `(has(${o}.spec.queueName) ? ${o}.spec.queueName : '')`;
    const positive = (m: string) =>
      `${m}.exists(r, r in variables.gpuResources && ${celPositiveQuantity(`${m}[r]`)})`;
    this.policy = new DenyPolicy(this, 'guard', {
      name: KueueLaneGuard.POLICY_NAME,
      address: ['kueue', 'lane_guard'],
      spec: {
        matchConstraints: {
          namespaceSelector: TENANT_NAMESPACES,
          resourceRules: createOrUpdateRules([{ apiGroup: 'kueue.x-k8s.io', resource: 'workloads' }]),
        },
        // Updates of the status or the priority leave a workload in its lane.
        matchConditions: [
          {
            name: MATCH_CONDITIONS.queueChanged,
            expression: `request.operation == 'CREATE' || ${queueOf('object')} != ${queueOf('oldObject')}`,
          },
        ],
        variables: [
          { name: 'queue', expression: queueOf('object') },
          { name: 'gpuResources', expression: `[${gpus.join(', ')}]` },
          {
            name: 'requestsGpu',
            expression:
              'object.spec.podSets.exists(ps, has(ps.template.spec) && ' +
              '((has(ps.template.spec.containers) ? ps.template.spec.containers : []) + ' +
              '(has(ps.template.spec.initContainers) ? ps.template.spec.initContainers : [])).exists(c, ' +
              `has(c.resources) && ((has(c.resources.requests) && ${positive('c.resources.requests')}) || ` +
              `(has(c.resources.limits) && ${positive('c.resources.limits')}))))`,
          },
        ],
        validations: [
          {
            expression: `variables.queue == '${TENANT_CPU_LOCAL_QUEUE}' ? !variables.requestsGpu : variables.requestsGpu`,
            messageExpression:
              `variables.requestsGpu ? 'this workload requests a GPU, and the LocalQueue ${TENANT_CPU_LOCAL_QUEUE} runs only work without GPUs, on CPU nodes: ` +
              `submit it with the label ${KUEUE_QUEUE_LABEL}: ${TENANT_LOCAL_QUEUE}' : ` +
              `'this workload requests no GPU, and the LocalQueue ' + (variables.queue == '' ? '${TENANT_LOCAL_QUEUE}' : variables.queue) + ' runs only GPU work, on the GPU pools: ` +
              `submit it with the label ${KUEUE_QUEUE_LABEL}: ${TENANT_CPU_LOCAL_QUEUE}, whose pods run on the CPU nodes'`,
            reason: 'Forbidden',
          },
        ],
      },
    });
  }
}

function manifest(
  scope: Construct,
  id: string,
  body: Record<string, unknown>,
  ...address: string[]
): Manifest {
  const m = new providerClasses.Manifest(scope, id, { manifest: body });
  pinAddress(m, 'kueue', ...address);
  return m;
}

const labels = { ...MANAGED_BY };

export interface KueueResourceFlavorProps {
  readonly pool: GpuNodePool;
}

/** The ResourceFlavor of one pool: named after it, selecting its nodes and tolerating its taint. */
export class KueueResourceFlavor extends Construct {
  public readonly name: string;
  public readonly pool: GpuNodePool;
  public readonly manifest: Manifest;

  constructor(scope: Construct, id: string, props: KueueResourceFlavorProps) {
    super(scope, id);
    this.pool = props.pool;
    this.name = props.pool.name;
    this.manifest = manifest(
      this,
      'flavor',
      {
        apiVersion: KUEUE_API,
        kind: 'ResourceFlavor',
        metadata: { name: this.name, labels: { ...labels, [FLAVOR_POOL_LABEL]: this.name } },
        spec: {
          // Only the nodes Slurm does not hold (the whole pool where it holds none).
          nodeLabels: { ...props.pool.kubernetesSelector },
          // Injected into admitted pods, so users never write the pool's toleration themselves.
          tolerations: [{ ...props.pool.toleration }],
        },
      },
      'flavor',
      this.name,
    );
  }
}

export interface KueueCpuFlavorProps {
  /**
   * Labels that select the site's CPU nodes, which Kueue writes into the node selector of every pod
   * it admits on this flavor. A flavor's `nodeLabels` can only require labels, never their absence,
   * so the CPU nodes carry a label of their own (the library cannot select "nodes without a pool
   * label"). Prefer a `node-restriction.kubernetes.io/` key, which a node's kubelet cannot set on
   * itself.
   * @default - DEFAULT_CPU_NODE_LABELS, which the site puts on its CPU nodes
   */
  readonly nodeLabels?: Readonly<Record<string, string>>;
}

/**
 * The site's CPU-only ResourceFlavor (one per site; ResourceFlavors are cluster-scoped): it selects
 * the site's CPU nodes by their label and tolerates nothing, so what Kueue admits on it lands on CPU
 * nodes only, never on a GPU pool (whose nodes lack the label, and whose taint it does not tolerate)
 * nor on any other unlabelled node. Each tenant's CPU ClusterQueue holds it alone, with the tenant's
 * share of cpu and memory (see KueueTenantQueue).
 */
export class KueueCpuFlavor extends Construct {
  public readonly name: string;
  public readonly manifest: Manifest;
  /** The labels the flavor's pods are scheduled by. */
  public readonly nodeLabels: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: KueueCpuFlavorProps = {}) {
    super(scope, id);
    this.name = KUEUE_CPU_FLAVOR;
    this.nodeLabels = { ...(props.nodeLabels ?? DEFAULT_CPU_NODE_LABELS) };
    this.manifest = manifest(
      this,
      'flavor',
      {
        apiVersion: KUEUE_API,
        kind: 'ResourceFlavor',
        metadata: { name: this.name, labels: { ...labels } },
        spec: { nodeLabels: { ...this.nodeLabels } },
      },
      'flavor',
      this.name,
    );
  }
}

export interface KueueCohortProps {
  readonly name: string;
}

/** The cohort in which the tenants' ClusterQueues borrow and lend. */
export class KueueCohort extends Construct {
  public readonly name: string;

  constructor(scope: Construct, id: string, props: KueueCohortProps) {
    super(scope, id);
    this.name = props.name;
    manifest(
      this,
      'cohort',
      { apiVersion: KUEUE_API, kind: 'Cohort', metadata: { name: props.name, labels }, spec: {} },
      'cohort',
      props.name,
    );
  }
}

/** One WorkloadPriorityClass per access mode, from ACCESS_MODE_PRESETS, in mode order. */
export class KueuePriorityClasses extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    for (const mode of Object.keys(ACCESS_MODE_PRESETS).sort() as AccessMode[]) {
      const preset = ACCESS_MODE_PRESETS[mode];
      manifest(
        this,
        mode,
        {
          apiVersion: KUEUE_API,
          kind: 'WorkloadPriorityClass',
          metadata: { name: preset.scheduling.priorityClass, labels },
          value: preset.scheduling.priority,
          description: preset.description,
        },
        'priority',
        mode,
      );
    }
  }
}

export interface KueueTenantQueueProps {
  /** The tenant's namespace: its name, and its quota's cpu and memory. */
  readonly tenant: KueueTenant;
  readonly accessMode: AccessMode;
  /** The tenant's GPUs by pool. */
  readonly gpus: readonly KueueGrant[];
  /** The flavors of the site, by pool name; every granted pool needs one. */
  readonly flavors: ReadonlyMap<string, KueueResourceFlavor>;
  /**
   * The site's CPU-only flavor: the tenant's CPU ClusterQueue holds it alone, with a share of the
   * tenant's cpu and memory, so that work without GPUs is admitted on CPU nodes only.
   */
  readonly cpuFlavor: KueueCpuFlavor;
  /**
   * Share (0 to 1) of the tenant's cpu and memory in the CPU queue; the GPU flavors share the rest
   * by GPU-equivalents.
   * @default 0.25 (all of it for a tenant that holds no GPUs)
   */
  readonly cpuOnlyShare?: number;
  /** @default - no cohort: the queue neither borrows nor lends */
  readonly cohort?: KueueCohort;
  /** GPUs the queue may borrow beyond its quota. @default - the access mode's borrowing factor */
  readonly borrowingLimit?: number;
  /** GPUs of its idle quota the queue lends. @default - the access mode's lending factor */
  readonly lendingLimit?: number;
  /**
   * Stop every queue of the tenant (`stopPolicy: HoldAndDrain`): Kueue admits nothing more and
   * evicts what it admitted. For a retired tenant, whose queues stay until it is taken out of
   * Terraform, so that deleting a ClusterQueue never waits on workloads still running in it. (A
   * tenant past its allocation's end, `tenant.holdsGpus` false, has only its GPU queues
   * stopped.)
   * https://kueue.sigs.k8s.io/docs/concepts/cluster_queue/#stoppolicy
   * @default false
   */
  readonly stopped?: boolean;
}

/** A queue's props that no profile check covers: limits without a cohort, pools without a flavor. */
function checkQueueProps(props: KueueTenantQueueProps): KueueGrant[] {
  const name = props.tenant.name;
  if (!props.cohort && (props.borrowingLimit !== undefined || props.lendingLimit !== undefined)) {
    const c = new IssueCollector();
    const key = props.borrowingLimit !== undefined ? 'borrowingLimit' : 'lendingLimit';
    c.add(
      'BORROWING_WITHOUT_COHORT',
      `props.${key}`,
      props[key],
      'a queue borrows and lends only within a cohort, and no cohort was given',
      'pass a KueueCohort as props.cohort, or remove the limit',
    );
    c.throwIfAny(`KueueTenantQueue '${name}'`);
  }
  const grants = [...props.gpus].sort((a, b) =>
    `${a.pool.name}/${a.migProfile ?? ''}`.localeCompare(`${b.pool.name}/${b.migProfile ?? ''}`),
  );
  const missing = grants.filter((g) => !props.flavors.has(g.pool.name)).map((g) => g.pool.name);
  if (missing.length > 0) {
    throw new Error(`KueueTenantQueue '${name}': no ResourceFlavor for pool(s) ${missing.join(', ')}`);
  }
  return grants;
}

/** A stopped queue admits nothing more and evicts what it admitted. */
function stopPolicy(stopped: boolean): Record<string, string> {
  return stopped ? { stopPolicy: 'HoldAndDrain' } : {};
}

/** Only the tenant's own namespace; a null selector would select none, `{}` every namespace. */
function ownNamespace(tenant: string): Record<string, unknown> {
  return { matchLabels: { [NAMESPACE_NAME_LABEL]: tenant } };
}

/** The GPU lane's ClusterQueue spec: the access mode's preemption and weight, a flavor per pool. */
function gpuLaneSpec(props: KueueTenantQueueProps, plan: LanesPlan, held: boolean): Record<string, unknown> {
  const preset = ACCESS_MODE_PRESETS[props.accessMode].scheduling;
  const flavors = plan.flavors.map((f) => ({
    name: (props.flavors.get(f.pool) as KueueResourceFlavor).name,
    resources: f.resources,
  }));
  const spec: Record<string, unknown> = {
    namespaceSelector: ownNamespace(props.tenant.name),
    queueingStrategy: 'BestEffortFIFO',
    preemption: props.cohort
      ? { ...preset.preemption }
      : { withinClusterQueue: preset.preemption.withinClusterQueue },
    fairSharing: { weight: preset.fairSharingWeight },
    // Kueue's defaults, written out: with several granted pools a GPU workload goes on to the
    // next pool's flavor where it would have to preempt in this one.
    // https://kueue.sigs.k8s.io/docs/concepts/cluster_queue/#flavorfungibility
    flavorFungibility: { whenCanBorrow: 'MayStopSearch', whenCanPreempt: 'TryNextFlavor' },
    // A tenant without grants has no GPU flavor: every request is "unavailable in ClusterQueue".
    resourceGroups: flavors.length > 0 ? [{ coveredResources: plan.covered, flavors }] : [],
    ...stopPolicy(!held),
  };
  if (props.cohort) spec.cohortName = props.cohort.name;
  return spec;
}

/**
 * The CPU lane: the CPU-only flavor alone, so Kueue has no other flavor to try (flavorassigner
 * tries only the flavors of the workload's own ClusterQueue), outside the cohort.
 */
function cpuLaneSpec(props: KueueTenantQueueProps, plan: LanesPlan): Record<string, unknown> {
  const preset = ACCESS_MODE_PRESETS[props.accessMode].scheduling;
  return {
    namespaceSelector: ownNamespace(props.tenant.name),
    queueingStrategy: 'BestEffortFIFO',
    preemption: { withinClusterQueue: preset.preemption.withinClusterQueue },
    resourceGroups: [
      {
        coveredResources: ['cpu', 'memory'],
        flavors: [
          {
            name: props.cpuFlavor.name,
            resources: (['cpu', 'memory'] as const).map((r) => ({ name: r, nominalQuota: plan.cpu[r] })),
          },
        ],
      },
    ],
    ...stopPolicy(props.stopped ?? false),
  };
}

/**
 * A tenant's two lanes, each a ClusterQueue with its LocalQueue:
 * - GPU work: ClusterQueue `<tenant>` and LocalQueue `default`. The quota per flavor is the
 *   tenant's grant on that pool for the pool's GPU resource; cpu and memory are the namespace
 *   quota's, less the CPU lane's share, split across the granted pools in proportion to their
 *   GPU-equivalents. Preemption, fair-sharing weight, borrowing and lending come from the access
 *   mode (ACCESS_MODE_PRESETS). Where the queue may borrow, the tenant's namespace quota is raised
 *   to nominal plus borrowing limit (`raiseQuota`), or the pods Kueue admits on borrowed capacity
 *   would be refused at creation.
 * - Work without GPUs: ClusterQueue `<tenant>.cpu` and LocalQueue `cpu`, on the site's CPU-only
 *   flavor alone, with a share of the tenant's cpu and memory, outside the cohort (it neither
 *   borrows nor lends). Kueue tries only the flavors of a workload's own ClusterQueue, so work here
 *   can never fall through to a GPU pool's flavor; `KueueLaneGuard` keeps work without GPUs out of
 *   `default`.
 * Past the end of the tenant's allocation (`tenant.holdsGpus` false) the GPU queue holds zero GPUs
 * and is stopped, and the CPU queue gets all of the tenant's cpu and memory.
 *
 * @example
 * ```ts
 * import { App, TerraformStack } from 'cdktf';
 * import {
 *   GpuNodePool,
 *   KueueCohort,
 *   KueueCpuFlavor,
 *   KueueResourceFlavor,
 *   KueueTenantQueue,
 *   SiteScope,
 *   TenantNamespace,
 * } from 'cdktf-ai-factory';
 *
 * const app = new App();
 * const tenants = new TerraformStack(app, 'lab-tenants');
 * const site = new SiteScope(tenants, 'site', { name: 'lab' });
 * const pool = site.addPool(
 *   new GpuNodePool(new TerraformStack(app, 'lab-platform'), 'a100', {
 *     name: 'a100',
 *     accelerator: 'nvidia-a100-80gb',
 *     gpusPerNode: 8,
 *     nodes: { hostlist: 'gpu[01-08]' },
 *   }),
 * );
 * const tenant = new TenantNamespace(tenants, 'vision', {
 *   name: 'vision',
 *   site,
 *   accessMode: 'fast-lane',
 *   allocation: { projectId: 'EHPC-AIF-2026FL01-0007', start: '2026-10-01', end: '2026-12-31' },
 *   gpus: [{ pool, count: 16 }],
 *   groups: { admins: ['idp:vision-admins'] },
 * });
 * // The tenant's ClusterQueue and LocalQueue `default`: 16 GPUs nominal, Fast Lane's borrowing.
 * new KueueTenantQueue(tenants, 'vision-queue', {
 *   tenant,
 *   accessMode: 'fast-lane',
 *   gpus: [{ pool, count: 16 }],
 *   flavors: new Map([[pool.name, new KueueResourceFlavor(tenants, 'flavor-a100', { pool })]]),
 *   cpuFlavor: new KueueCpuFlavor(tenants, 'cpu-only'),
 *   cohort: new KueueCohort(tenants, 'cohort', { name: 'lab' }),
 *   borrowingLimit: 8,
 * });
 * ```
 */
export class KueueTenantQueue extends Construct {
  /** The GPU lane's ClusterQueue, named after the tenant. */
  public readonly clusterQueue: Manifest;
  /** LocalQueue `default`, onto the GPU lane. */
  public readonly localQueue: Manifest;
  /** The CPU lane's ClusterQueue, `<tenant>.cpu`. */
  public readonly cpuClusterQueue: Manifest;
  /** LocalQueue `cpu`, onto the CPU lane. */
  public readonly cpuLocalQueue: Manifest;
  /** Whether the GPU lane holds the tenant's grants (false when stopped or outside the allocation). */
  public readonly holdsGpus: boolean;
  /**
   * Nominal quota per flavor and resource, as applied: `{ booster: { 'nvidia.com/gpu': '96', ... },
   * 'cpu-only': { cpu: '64', memory: '512Gi' } }`.
   */
  public readonly quotas: Readonly<Record<string, Readonly<Record<string, string>>>>;

  constructor(scope: Construct, id: string, props: KueueTenantQueueProps) {
    super(scope, id);
    const name = props.tenant.name;
    const grants = checkQueueProps(props);
    // Past its allocation's end (or retired) the tenant keeps its pools' flavors at zero.
    const held = !props.stopped && props.tenant.holdsGpus !== false;
    this.holdsGpus = held;
    const plan = planLanes({
      accessMode: props.accessMode,
      grants: grants.map((g) => ({ pool: g.pool.spec, count: g.count, migProfile: g.migProfile })),
      cpu: props.tenant.hardLimits['requests.cpu'],
      memory: props.tenant.hardLimits['requests.memory'],
      held,
      cpuOnlyShare: props.cpuOnlyShare,
      cohort: props.cohort !== undefined,
      borrowingLimit: props.borrowingLimit,
      lendingLimit: props.lendingLimit,
    });
    this.quotas = {
      ...Object.fromEntries(
        plan.flavors.map((f) => [
          f.pool,
          Object.fromEntries(f.resources.map((r) => [r.name, r.nominalQuota])),
        ]),
      ),
      [props.cpuFlavor.name]: plan.cpu,
    };
    // The namespace quota holds the allocation; borrowed capacity must fit in it too.
    if (plan.raise && props.tenant.raiseQuota) props.tenant.raiseQuota(plan.raise);
    [this.clusterQueue, this.localQueue] = this.addLane(props, {
      id: '',
      clusterQueue: name,
      localQueue: TENANT_LOCAL_QUEUE,
      spec: gpuLaneSpec(props, plan, held),
      stopped: !held,
      address: '',
    });
    [this.cpuClusterQueue, this.cpuLocalQueue] = this.addLane(props, {
      id: 'cpu-',
      clusterQueue: cpuClusterQueueName(name),
      localQueue: TENANT_CPU_LOCAL_QUEUE,
      spec: cpuLaneSpec(props, plan),
      stopped: props.stopped ?? false,
      address: 'cpu_',
    });
  }

  /** One lane: its ClusterQueue, and the LocalQueue in the tenant's namespace that points at it. */
  private addLane(
    props: KueueTenantQueueProps,
    lane: {
      id: string;
      clusterQueue: string;
      localQueue: string;
      spec: Record<string, unknown>;
      stopped: boolean;
      address: string;
    },
  ): [Manifest, Manifest] {
    const name = props.tenant.name;
    const meta = { [TENANT_LABEL]: name, [ACCESS_MODE_LABEL]: props.accessMode };
    const cq = manifest(
      this,
      `${lane.id}cluster-queue`,
      {
        apiVersion: KUEUE_API,
        kind: 'ClusterQueue',
        metadata: { name: lane.clusterQueue, labels: { ...labels, ...meta } },
        spec: lane.spec,
      },
      'tenant',
      name,
      `${lane.address}cluster_queue`,
    );
    const lq = manifest(
      this,
      `${lane.id}local-queue`,
      {
        apiVersion: KUEUE_API,
        kind: 'LocalQueue',
        metadata: { name: lane.localQueue, namespace: name, labels: { ...labels, ...meta } },
        spec: { clusterQueue: lane.clusterQueue, ...stopPolicy(lane.stopped) },
      },
      'tenant',
      name,
      `${lane.address}local_queue`,
    );
    // The LocalQueue lives in the tenant's namespace; the ClusterQueue points at nothing else.
    lq.node.addDependency(props.tenant.namespace, cq);
    return [cq, lq];
  }
}
