/**
 * Where each kind the tenant guards match keeps its pod specs, as a CEL list expression per
 * resource: pods themselves, and the pod templates (or pod overrides) of every workload kind
 * tenants create, so that a Deployment or Job is refused at once rather than its pods later. The
 * placement guard needs them all: the pods that the cluster's controllers and job operators create
 * from a template pass it, so every kind a trusted controller expands is checked at the template.
 * A DaemonSet, which tenants may not create, is listed for the same reason.
 */
export const POD_SPEC_PATHS: ReadonlyArray<{ apiGroup: string; resource: string; specs: string }> = [
  { apiGroup: '', resource: 'pods', specs: '[object.spec]' },
  { apiGroup: 'apps', resource: 'deployments', specs: '[object.spec.template.spec]' },
  { apiGroup: 'apps', resource: 'replicasets', specs: '[object.spec.template.spec]' },
  { apiGroup: 'apps', resource: 'statefulsets', specs: '[object.spec.template.spec]' },
  { apiGroup: 'apps', resource: 'daemonsets', specs: '[object.spec.template.spec]' },
  { apiGroup: 'batch', resource: 'cronjobs', specs: '[object.spec.jobTemplate.spec.template.spec]' },
  { apiGroup: 'batch', resource: 'jobs', specs: '[object.spec.template.spec]' },
  {
    apiGroup: 'jobset.x-k8s.io',
    resource: 'jobsets',
    specs:
      'has(object.spec.replicatedJobs) ? object.spec.replicatedJobs.map(r, r.template.spec.template.spec) : []',
  },
  {
    apiGroup: 'kubeflow.org',
    resource: 'mpijobs',
    specs:
      'has(object.spec.mpiReplicaSpecs) ? object.spec.mpiReplicaSpecs.map(k, object.spec.mpiReplicaSpecs[k].template.spec) : []',
  },
  {
    apiGroup: 'kubeflow.org',
    resource: 'pytorchjobs',
    specs:
      'has(object.spec.pytorchReplicaSpecs) ? object.spec.pytorchReplicaSpecs.map(k, object.spec.pytorchReplicaSpecs[k].template.spec) : []',
  },
  {
    // Kubeflow Trainer v2: the pod spec comes from a (cluster) training runtime; the TrainJob's
    // own placement is in its overrides (`podSpecOverrides`, renamed `podTemplateOverrides` with a
    // `spec` in v2.1).
    apiGroup: 'trainer.kubeflow.org',
    resource: 'trainjobs',
    specs:
      '(has(object.spec.podSpecOverrides) ? object.spec.podSpecOverrides : []) + (has(object.spec.podTemplateOverrides) ? object.spec.podTemplateOverrides.filter(o, has(o.spec)).map(o, o.spec) : [])',
  },
];

/** CEL: the pod specs of `obj` (`object` or `oldObject`), by the request's resource. */
export function podSpecsOf(obj: 'object' | 'oldObject'): string {
  return [
    ...POD_SPEC_PATHS.map(
      (p) => `request.resource.resource == '${p.resource}' ? (${p.specs.replace(/\bobject\b/g, obj)}) : `,
    ),
    '[]',
  ].join('');
}
