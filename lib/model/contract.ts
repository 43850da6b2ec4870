/**
 * What the constructs write and `aif check` holds a site's output to, in one place: the rights a
 * tenant role may hold, and the Kueue configuration that keeps every tenant job queued. A construct
 * refuses what is not here (`TenantNamespace.additionalRules`), and `aif check` fails output that
 * goes past it (AIF-RBAC-3, AIF-KUEUE-6), so the two cannot drift apart.
 */

/**
 * What a tenant role may write (any verb besides get, list and watch), by API group: the workload
 * kinds, their pods' interactive subresources, and the namespace's own Services, ConfigMaps,
 * Secrets, ServiceAccounts and claims. Everything else is read-only to a tenant or out of reach,
 * each for a reason:
 * - the guard rails (quotas, limit ranges, network policies, the namespace) and RBAC;
 * - Kueue's objects, admission policies, nodes, `pods/binding` (a pod on a node of its choosing);
 * - `endpoints` and `endpointslices` (a Service pointed at any address: the CVE-2021-25740
 *   confused deputy), `services/status` and `pods/status` (a load balancer's address, a pod's IP),
 *   `pods/ephemeralcontainers` (a container added to a running pod, past the pod's admission),
 *   `serviceaccounts/token` (tokens for other audiences), `pods/eviction`;
 * - `resource.k8s.io` claims (devices outside the GPU quota), ingresses and Gateway API routes
 *   (a shared controller's rights and addresses).
 * The Kueue-managed job operators' kinds are here for sites that grant them (`additionalRules`):
 * the tenant guards match each of them.
 */
export const TENANT_WRITABLE: Readonly<Record<string, readonly string[]>> = {
  '': [
    'configmaps',
    'persistentvolumeclaims',
    'pods',
    'pods/attach',
    'pods/exec',
    'pods/log',
    'pods/portforward',
    'secrets',
    'serviceaccounts',
    'services',
  ],
  apps: ['deployments', 'replicasets', 'statefulsets'],
  batch: ['cronjobs', 'jobs'],
  'jobset.x-k8s.io': ['jobsets'],
  'kubeflow.org': ['mpijobs', 'pytorchjobs'],
  'trainer.kubeflow.org': ['trainjobs'],
};

/** Verbs that only read. */
export const READ_VERBS: readonly string[] = ['get', 'list', 'watch'];

/**
 * The resources of an RBAC rule that a tenant may not write, as `group/resource` (`core/x` for the
 * core group); empty when the rule only reads or writes only what `TENANT_WRITABLE` lists.
 */
export function unwritableResources(rule: {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
}): string[] {
  if (rule.verbs.every((v) => READ_VERBS.includes(v))) return [];
  return rule.apiGroups.flatMap((g) =>
    rule.resources
      .filter((r) => !(TENANT_WRITABLE[g] ?? []).includes(r))
      .map((r) => `${g === '' ? 'core' : g}/${r}`),
  );
}

/**
 * Kueue's integrations the library turns on: every kind a tenant creates that holds pods, so that
 * Kueue queues them all (with `manageJobsWithoutQueueName` in tenant namespaces, also those that
 * name no queue).
 */
export const KUEUE_INTEGRATIONS: readonly string[] = [
  'batch/job',
  'deployment',
  'jobset.x-k8s.io/jobset',
  'kubeflow.org/mpijob',
  'kubeflow.org/pytorchjob',
  'pod',
  'statefulset',
  'trainer.kubeflow.org/trainjob',
];

/**
 * Kueue feature gates the library sets (the chart renders them as `--feature-gates`):
 * - `ElasticJobsViaWorkloadSlices` off (on by default since 0.18): Kueue gates an elastic Job's
 *   template rather than keeping the Job suspended, and does not suspend it again once it runs, so
 *   a tenant who removes the gate and resumes the Job runs GPU pods past the queue, bounded only by
 *   the namespace quota. `KueueBypassGuard` also refuses the `kueue.x-k8s.io/elastic-job`
 *   annotation, template gate removal and resuming from tenants; with the feature off, a Job
 *   annotated before the guard is queued like any other. Sites lose resizing a running Job in place.
 *   (Kueue 0.19.2 pkg/features/kube_features.go, pkg/controller/jobs/job/job_webhook.go)
 */
export const KUEUE_FEATURE_GATES: ReadonlyArray<{ readonly name: string; readonly enabled: boolean }> = [
  { name: 'ElasticJobsViaWorkloadSlices', enabled: false },
];
