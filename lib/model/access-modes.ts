/**
 * EuroHPC AI Factory access modes as data, in one place: who they are for, the limits of an
 * allocation, and what each mode means to the schedulers. Kueue's ClusterQueues,
 * WorkloadPriorityClasses and fair-sharing weights, and the allocation checks of validation, are all
 * derived from this table; a new mode, or a site's different policy, is a change here and nowhere else.
 *
 * Sources: the EuroHPC JU AI Factories access calls (Playground, Fast Lane, Large Scale, AI for
 * Science; see SITES.md); `internal` is the site's own staff and has no call. Kueue semantics:
 * https://kueue.sigs.k8s.io/docs/concepts/cluster_queue/ (preemption, borrowing) and
 * https://kueue.sigs.k8s.io/docs/concepts/preemption/#fair-sharing.
 *
 * The numbers the calls leave open (how small Playground is, priorities, weights, borrowing) are this
 * library's policy, marked as such.
 */
import type { AccessMode } from './profile';

/** How long an allocation may run, in calendar months. */
export type DurationRule =
  | { readonly kind: 'range'; readonly minMonths: number; readonly maxMonths: number }
  | { readonly kind: 'one-of'; readonly months: readonly number[] }
  | { readonly kind: 'any' };

/** Kueue ClusterQueue preemption policies (`spec.preemption`), spelled as the API spells them. */
export interface QueuePreemptionPreset {
  /** Preempt the queue's own lower-priority workloads to admit a higher-priority one. */
  readonly withinClusterQueue: 'Never' | 'LowerPriority' | 'LowerOrNewerEqualPriority';
  /** Take back nominal quota that other queues of the cohort borrowed. */
  readonly reclaimWithinCohort: 'Never' | 'LowerPriority' | 'Any';
}

/** The scheduler-facing defaults of one access mode. */
export interface AccessModeSchedulingPreset {
  /** Name of the Kueue WorkloadPriorityClass of the mode (cluster-scoped). */
  readonly priorityClass: string;
  /** Its value: higher is admitted first and may preempt lower within the rules below. */
  readonly priority: number;
  /** Kueue fair-sharing weight of the tenant's ClusterQueue (a Kubernetes quantity). */
  readonly fairSharingWeight: string;
  readonly preemption: QueuePreemptionPreset;
  /**
   * How much a tenant's queue may borrow from the cohort, as a multiple of its nominal quota
   * (0: never borrows; 1: may double its quota while others idle). Only with a cohort.
   */
  readonly borrowingFactor: number;
  /**
   * How much of its unused nominal quota a tenant's queue lends to the cohort, as a fraction of that
   * quota (1: all of it). Lent quota is reclaimed by preemption when `reclaimWithinCohort` allows.
   */
  readonly lendingFactor: number;
}

/**
 * Object counts a tenant namespace may hold, by ResourceQuota key. Every object is stored in etcd and
 * watched by controllers: without a count, one tenant can fill etcd (a full etcd turns the whole
 * cluster read-only) or the Service IP range for everyone. Kinds a site has not installed (JobSet,
 * the Kubeflow kinds) are counted harmlessly. Policy of this library, sized per access mode.
 * https://kubernetes.io/docs/concepts/policy/resource-quotas/#object-count-quota
 */
export interface ObjectCountPreset {
  readonly services: number;
  readonly configmaps: number;
  readonly secrets: number;
  /** Jobs and each Kueue-managed job kind (JobSets, MPIJobs, PyTorchJobs, TrainJobs), each. */
  readonly jobs: number;
  readonly cronjobs: number;
  readonly deployments: number;
  readonly statefulsets: number;
  /** Deployments keep old ReplicaSets (10 by default), so more of these than of deployments. */
  readonly replicasets: number;
}

/** ResourceQuota keys of the object counts, and the preset field each one takes. */
export const OBJECT_COUNT_KEYS: ReadonlyArray<readonly [string, keyof ObjectCountPreset]> = [
  ['services', 'services'],
  ['configmaps', 'configmaps'],
  ['secrets', 'secrets'],
  ['count/jobs.batch', 'jobs'],
  ['count/cronjobs.batch', 'cronjobs'],
  ['count/deployments.apps', 'deployments'],
  ['count/statefulsets.apps', 'statefulsets'],
  ['count/replicasets.apps', 'replicasets'],
  ['count/jobsets.jobset.x-k8s.io', 'jobs'],
  ['count/mpijobs.kubeflow.org', 'jobs'],
  ['count/pytorchjobs.kubeflow.org', 'jobs'],
  ['count/trainjobs.trainer.kubeflow.org', 'jobs'],
];

const SMALL_OBJECTS: ObjectCountPreset = {
  services: 10,
  configmaps: 50,
  secrets: 50,
  jobs: 200,
  cronjobs: 5,
  deployments: 10,
  statefulsets: 5,
  replicasets: 50,
};
const MEDIUM_OBJECTS: ObjectCountPreset = {
  services: 25,
  configmaps: 100,
  secrets: 100,
  jobs: 1000,
  cronjobs: 10,
  deployments: 25,
  statefulsets: 10,
  replicasets: 125,
};
const LARGE_OBJECTS: ObjectCountPreset = {
  services: 50,
  configmaps: 500,
  secrets: 250,
  jobs: 5000,
  cronjobs: 25,
  deployments: 50,
  statefulsets: 25,
  replicasets: 250,
};

export interface AccessModePreset {
  readonly id: AccessMode;
  readonly displayName: string;
  /** What the mode is for, for reports. */
  readonly description: string;
  /** Smallest GPU-hour budget (exclusive). @default - no lower limit */
  readonly gpuHoursAbove?: number;
  /** Largest GPU-hour budget (inclusive). @default - no upper limit */
  readonly maxGpuHours?: number;
  /** Largest sustained share in GPU-equivalents at any time. @default - no limit beyond the pools */
  readonly maxGpus?: number;
  readonly duration: DurationRule;
  readonly scheduling: AccessModeSchedulingPreset;
  /** Object counts of the tenant's namespace (its quota). */
  readonly objects: ObjectCountPreset;
}

/**
 * The preset of every access mode. Reasoning behind the numbers:
 * - Playground is for entry-level tests: lowest priority, no borrowing, lends everything, and takes
 *   back what it lent from any borrower (`reclaimWithinCohort: Any`): an allocation is a guarantee,
 *   whoever borrowed it;
 * - Fast Lane gets short, sized allocations: may borrow half its quota again and reclaims its own
 *   quota from any borrower, as every mode does;
 * - Large Scale and AI for Science went through peer review and hold the biggest guarantees:
 *   double weight, and they reclaim their nominal quota from any borrower;
 * - internal (site staff) ranks highest but borrows little, so that operations never starve users.
 */
export const ACCESS_MODE_PRESETS: Readonly<Record<AccessMode, AccessModePreset>> = {
  playground: {
    id: 'playground',
    displayName: 'Playground',
    // Policy: "small" is not quantified by the call; 8 GPU-equivalents and 10,000 GPU-hours.
    maxGpus: 8,
    maxGpuHours: 10_000,
    duration: { kind: 'range', minMonths: 1, maxMonths: 3 },
    description: 'EuroHPC Playground: small entry-level tests, 1 to 3 months',
    scheduling: {
      priorityClass: 'aif-playground',
      priority: 100,
      fairSharingWeight: '1',
      preemption: { withinClusterQueue: 'LowerPriority', reclaimWithinCohort: 'Any' },
      borrowingFactor: 0,
      lendingFactor: 1,
    },
    objects: SMALL_OBJECTS,
  },
  'fast-lane': {
    id: 'fast-lane',
    displayName: 'Fast Lane',
    maxGpuHours: 50_000,
    duration: { kind: 'range', minMonths: 1, maxMonths: 3 },
    description: 'EuroHPC Fast Lane: up to 50,000 GPU-hours over 1 to 3 months',
    scheduling: {
      priorityClass: 'aif-fast-lane',
      priority: 300,
      fairSharingWeight: '1',
      preemption: { withinClusterQueue: 'LowerPriority', reclaimWithinCohort: 'Any' },
      borrowingFactor: 0.5,
      lendingFactor: 1,
    },
    objects: MEDIUM_OBJECTS,
  },
  'large-scale': {
    id: 'large-scale',
    displayName: 'Large Scale',
    gpuHoursAbove: 50_000,
    duration: { kind: 'one-of', months: [3, 6, 12] },
    description: 'EuroHPC Large Scale: more than 50,000 GPU-hours over 3, 6 or 12 months',
    scheduling: {
      priorityClass: 'aif-large-scale',
      priority: 500,
      fairSharingWeight: '2',
      preemption: { withinClusterQueue: 'LowerPriority', reclaimWithinCohort: 'Any' },
      borrowingFactor: 1,
      lendingFactor: 1,
    },
    objects: LARGE_OBJECTS,
  },
  'ai-for-science': {
    id: 'ai-for-science',
    displayName: 'AI for Science',
    duration: { kind: 'one-of', months: [6] },
    description: 'EuroHPC AI for Science: peer-reviewed science and public-sector projects, 6 months',
    scheduling: {
      priorityClass: 'aif-ai-for-science',
      priority: 500,
      fairSharingWeight: '2',
      preemption: { withinClusterQueue: 'LowerPriority', reclaimWithinCohort: 'Any' },
      borrowingFactor: 1,
      lendingFactor: 1,
    },
    objects: LARGE_OBJECTS,
  },
  internal: {
    id: 'internal',
    displayName: 'Internal',
    duration: { kind: 'any' },
    description: "The site's own staff: operations, benchmarks, acceptance tests",
    scheduling: {
      priorityClass: 'aif-internal',
      priority: 1000,
      fairSharingWeight: '1',
      preemption: { withinClusterQueue: 'LowerPriority', reclaimWithinCohort: 'Any' },
      borrowingFactor: 0.25,
      lendingFactor: 1,
    },
    objects: LARGE_OBJECTS,
  },
};

/** The preset of one access mode. */
export function accessModePreset(mode: AccessMode): AccessModePreset {
  return ACCESS_MODE_PRESETS[mode];
}

/** Human text of a duration rule, for error messages and reports. */
export function describeDuration(rule: DurationRule): string {
  switch (rule.kind) {
    case 'range':
      return `${rule.minMonths} to ${rule.maxMonths} months`;
    case 'one-of':
      return `${rule.months.join(', ').replace(/, (\d+)$/, ' or $1')} months`;
    case 'any':
      return 'any period';
  }
}
