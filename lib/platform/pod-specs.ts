/**
 * Where each kind the tenant guards match keeps its pod specs, as a CEL list expression per
 * resource: pods themselves, and the pod templates (or pod overrides) of every workload kind
 * tenants create, so that a Deployment or Job is refused at once rather than its pods later. The
 * placement guard needs them all: the pods that the cluster's controllers and job operators create
 * from a template pass it, so every kind a trusted controller expands is checked at the template.
 * A DaemonSet, which tenants may not create, is listed for the same reason.
 */
export const POD_SPEC_PATHS: ReadonlyArray<{
  apiGroup: string;
  resource: string;
  specs: string;
  /** The map of replica specs, for the kinds that keep their pod specs in one (by replica type). */
  replicaMap?: string;
}> = [
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
    replicaMap: 'mpiReplicaSpecs',
    specs:
      'has(object.spec.mpiReplicaSpecs) ? object.spec.mpiReplicaSpecs.map(k, object.spec.mpiReplicaSpecs[k].template.spec) : []',
  },
  {
    apiGroup: 'kubeflow.org',
    resource: 'pytorchjobs',
    replicaMap: 'pytorchReplicaSpecs',
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

/**
 * CEL: the pod specs of `obj` as `{k, s}` entries, `s` the spec and `k` its replica type for the
 * kinds that keep their specs in a map (MPIJob, PyTorchJob), '' for the others. The API server walks
 * a map in random order, so a list made from one differs between two requests unless each entry
 * carries its key and the lists are compared as sets (`sameEntries`). Made from the map's keys
 * first: `has()` on a field of an indexed value is not portable CEL. The values are `dyn()`: the
 * API server's type check wants one value type in a map literal (found by the e2e suite).
 */
export function podSpecEntries(obj: 'object' | 'oldObject'): string {
  return [
    ...POD_SPEC_PATHS.map((p) => {
      const list = p.replicaMap
        ? `has(${obj}.spec.${p.replicaMap}) ? ${obj}.spec.${p.replicaMap}.map(rk, {'k': dyn(rk), 's': dyn(${obj}.spec.${p.replicaMap}[rk].template.spec)}) : []`
        : `(${p.specs.replace(/\bobject\b/g, obj)}).map(ps, {'k': dyn(''), 's': dyn(ps)})`;
      return `request.resource.resource == '${p.resource}' ? (${list}) : `;
    }),
    '[]',
  ].join('');
}

/** CEL: one string per entry `pe` of `podSpecEntries`, `text` of its spec `pe.s`, prefixed `[<key>] ` where it has a key. */
export function keyedText(text: string): string {
  return `(pe.k == '' ? '' : '[' + pe.k + '] ') + (${text})`;
}

/**
 * CEL: whether two lists of `keyedText` strings are the same: in order, or for the kinds whose pod
 * specs are a map, as sets (each string carries its replica type, so each is one spec's).
 */
export function sameEntries(a: string, b: string): string {
  const mapKinds = POD_SPEC_PATHS.filter((p) => p.replicaMap).map((p) => `'${p.resource}'`);
  return `(request.resource.resource in [${mapKinds.join(', ')}] ? (size(${a}) == size(${b}) && ${a}.all(x, x in ${b})) : ${a} == ${b})`;
}

/** CEL: whether a `keyedText` string `f` says nothing of its spec ('' or a bare `[<key>] `). */
export function emptyEntry(f: string): string {
  return `(${f} == '' || ${f}.endsWith('] '))`;
}
