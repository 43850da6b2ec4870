/**
 * EuroHPC AI Factory access modes as data: who they are for, the limits of an allocation, and the
 * scheduling defaults that follow from them. Sources: the EuroHPC JU AI Factories access calls
 * (Playground, Fast Lane, Large Scale, AI for Science); see SITES.md. `internal` is the site's own
 * staff and services and has no call.
 *
 * The numbers that the calls leave open (how small Playground is, the priorities and weights) are
 * this library's policy, marked as such; a site can change them in one place.
 */
import type { AccessMode } from './profile';

/** How long an allocation may run, in calendar months. */
export type DurationRule =
  | { readonly kind: 'range'; readonly minMonths: number; readonly maxMonths: number }
  | { readonly kind: 'one-of'; readonly months: readonly number[] }
  | { readonly kind: 'any' };

export interface AccessModePreset {
  readonly id: AccessMode;
  readonly displayName: string;
  readonly audience: string;
  /** Smallest GPU-hour budget (exclusive), if any. */
  readonly gpuHoursAbove?: number;
  /** Largest GPU-hour budget (inclusive), if any. */
  readonly maxGpuHours?: number;
  /** Largest sustained share in GPU-equivalents at any time, if any. */
  readonly maxGpus?: number;
  readonly duration: DurationRule;
  /** Priority of the mode's WorkloadPriorityClass: higher is admitted (and preempts) first. */
  readonly priority: number;
  /** Fair-sharing weight of a tenant's queue in the site cohort. */
  readonly fairShareWeight: number;
  /** Whether the mode's queues may borrow idle quota from the cohort. */
  readonly canBorrow: boolean;
  /** Whether a queue of this mode may reclaim its lent quota by preempting borrowers. */
  readonly reclaimsLentQuota: boolean;
}

export const ACCESS_MODE_PRESETS: Readonly<Record<AccessMode, AccessModePreset>> = {
  playground: {
    id: 'playground',
    displayName: 'Playground',
    audience: 'SMEs, start-ups, industry and entry-level users: limited resources for entry-level tests',
    // Policy: "small" is not quantified by the call; 8 GPU-equivalents and 10,000 GPU-hours.
    maxGpus: 8,
    maxGpuHours: 10_000,
    duration: { kind: 'range', minMonths: 1, maxMonths: 3 },
    priority: 100,
    fairShareWeight: 0.5,
    canBorrow: true,
    reclaimsLentQuota: false,
  },
  'fast-lane': {
    id: 'fast-lane',
    displayName: 'Fast Lane',
    audience: 'SMEs and start-ups familiar with HPC',
    maxGpuHours: 50_000,
    duration: { kind: 'range', minMonths: 1, maxMonths: 3 },
    priority: 200,
    fairShareWeight: 1,
    canBorrow: true,
    reclaimsLentQuota: true,
  },
  'large-scale': {
    id: 'large-scale',
    displayName: 'Large Scale',
    audience: 'industry and high-impact AI',
    gpuHoursAbove: 50_000,
    duration: { kind: 'one-of', months: [3, 6, 12] },
    priority: 300,
    fairShareWeight: 2,
    canBorrow: true,
    reclaimsLentQuota: true,
  },
  'ai-for-science': {
    id: 'ai-for-science',
    displayName: 'AI for Science',
    audience: 'science, public sector and EU-funded projects',
    duration: { kind: 'one-of', months: [6] },
    priority: 300,
    fairShareWeight: 2,
    canBorrow: true,
    reclaimsLentQuota: true,
  },
  internal: {
    id: 'internal',
    displayName: 'Internal',
    audience: "the site's own staff and services",
    duration: { kind: 'any' },
    priority: 250,
    fairShareWeight: 1,
    canBorrow: true,
    reclaimsLentQuota: true,
  },
};

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
