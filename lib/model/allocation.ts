/**
 * Allocations: a GPU-hour budget over a period becomes a sustained share of a pool, rounded to the
 * units the pool offers (whole GPUs, MIG instances or time-sliced replicas), which the quotas use.
 *
 * 50,000 GPU-hours over the 90 days of 1 January to 31 March is 50,000 / 2,160 h = 23.1 GPUs, so 23.
 *
 * Conventions, decided here once:
 * - dates are `YYYY-MM-DD` in UTC; an allocation runs from the start of its first day to the end of
 *   its last day (both inclusive), as grant letters write them;
 * - the share is rounded to the nearest unit (half up), and never below one unit: rounding down
 *   would make a budget impossible to use within its period, rounding up would over-commit pools;
 * - a MIG instance counts as its compute slices / 7 of a GPU, a time-sliced replica as 1 / replicas.
 */
import type { DurationRule } from './access-modes';
import { accelerator } from './accelerators';
import { IssueCollector } from './errors';
import type { NodePoolSpec, SiteProfile, TenantAllocation, TenantGpuGrant, TenantSpec } from './profile';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Milliseconds since the epoch of a `YYYY-MM-DD` date at 00:00 UTC, or undefined if not a real date. */
export function parseDate(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  return t;
}

/** Days in an allocation, both ends inclusive. */
export function periodDays(start: string, end: string): number {
  const s = parseDate(start);
  const e = parseDate(end);
  if (s === undefined || e === undefined) throw new Error(`invalid period ${start} .. ${end}`);
  return Math.round((e - s) / DAY_MS) + 1;
}

export function periodHours(allocation: Pick<TenantAllocation, 'start' | 'end'>): number {
  return periodDays(allocation.start, allocation.end) * 24;
}

/** The date `months` calendar months after `ms` (day clamped to the month's length). */
export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay));
}

/**
 * Whether a period of `start` .. `end` (inclusive) lasts `months` calendar months, give or take
 * `slackDays` (allocations often start on a working day rather than the 1st).
 */
export function lastsMonths(start: string, end: string, months: number, slackDays = 3): boolean {
  const s = parseDate(start) as number;
  const endExclusive = (parseDate(end) as number) + DAY_MS;
  return Math.abs(endExclusive - addMonths(s, months)) <= slackDays * DAY_MS;
}

/** Whether a period's length is one the duration rule allows (3 days of slack either way). */
export function periodFits(rule: DurationRule, start: string, end: string, slackDays = 3): boolean {
  switch (rule.kind) {
    case 'any':
      return true;
    case 'one-of':
      return rule.months.some((m) => lastsMonths(start, end, m, slackDays));
    case 'range': {
      const s = parseDate(start) as number;
      const endExclusive = (parseDate(end) as number) + DAY_MS;
      const slack = slackDays * DAY_MS;
      return (
        endExclusive >= addMonths(s, rule.minMonths) - slack &&
        endExclusive <= addMonths(s, rule.maxMonths) + slack
      );
    }
  }
}

/** Length of a period in months, to one decimal, for messages and reports. */
export function periodMonths(start: string, end: string): number {
  return Math.round((periodDays(start, end) / 30.44) * 10) / 10;
}

/** GPU-equivalents of one unit the grant draws on (1, slices / 7, or 1 / replicas). */
export function unitGpuEquivalent(pool: NodePoolSpec, grant: Pick<TenantGpuGrant, 'migProfile'>): number {
  if (grant.migProfile) {
    const profile = accelerator(pool.accelerator).migProfiles.find((p) => p.name === grant.migProfile);
    if (!profile) throw new Error(`pool ${pool.name} has no MIG profile ${grant.migProfile}`);
    return profile.computeSlices / 7;
  }
  return 1 / (pool.timeSlicingReplicas ?? 1);
}

/** The sustained share of a GPU-hour budget over a period, in GPU-equivalents (unrounded). */
export function sustainedShare(
  gpuHours: number,
  allocation: Pick<TenantAllocation, 'start' | 'end'>,
): number {
  return gpuHours / periodHours(allocation);
}

/** Units (GPUs, MIG instances or replicas) a budget buys: rounded half up, at least one. */
export function unitsForBudget(
  pool: NodePoolSpec,
  grant: Pick<TenantGpuGrant, 'migProfile'>,
  gpuHours: number,
  allocation: Pick<TenantAllocation, 'start' | 'end'>,
): number {
  const share = sustainedShare(gpuHours, allocation) / unitGpuEquivalent(pool, grant);
  return Math.max(1, Math.round(share + 1e-9));
}

/** The units a grant resolves to: its explicit count, or what its budget buys. */
export function grantUnits(pool: NodePoolSpec, grant: TenantGpuGrant, allocation?: TenantAllocation): number {
  if (grant.count !== undefined) return grant.count;
  if (grant.gpuHours === undefined || !allocation) {
    throw new Error(`grant of pool ${grant.pool} has neither a count nor a budget with a period`);
  }
  return unitsForBudget(pool, grant, grant.gpuHours, allocation);
}

/**
 * A grant's units if its amount, budget and period are valid, otherwise undefined: for capacity
 * checks, which must not throw on problems that other checks report.
 */
export function validGrantUnits(
  pool: NodePoolSpec,
  grant: TenantGpuGrant,
  allocation?: TenantAllocation,
): number | undefined {
  if (grant.count !== undefined) {
    return grant.gpuHours === undefined && Number.isInteger(grant.count) && grant.count > 0
      ? grant.count
      : undefined;
  }
  if (typeof grant.gpuHours !== 'number' || !(grant.gpuHours > 0) || !allocation) return undefined;
  const s = parseDate(allocation.start);
  const e = parseDate(allocation.end);
  if (s === undefined || e === undefined || e < s) return undefined;
  try {
    return grantUnits(pool, grant, allocation);
  } catch {
    return undefined;
  }
}

/**
 * GPU-hours of a grant: its budget, or for an explicit count the hours that count runs up over the
 * tenant's period. Undefined for a count without a period.
 */
export function grantGpuHours(
  pool: NodePoolSpec,
  grant: TenantGpuGrant,
  allocation?: TenantAllocation,
): number | undefined {
  if (grant.gpuHours !== undefined) return grant.gpuHours;
  if (!allocation || grant.count === undefined) return undefined;
  return grant.count * unitGpuEquivalent(pool, grant) * periodHours(allocation);
}

/** A tenant whose grants all carry their resolved `count`. */
export function resolveTenant(tenant: TenantSpec, pools: readonly NodePoolSpec[]): TenantSpec {
  const byName = new Map(pools.map((p) => [p.name, p]));
  return {
    ...tenant,
    gpus: tenant.gpus.map((g) => {
      const pool = byName.get(g.pool);
      return pool ? { ...g, count: grantUnits(pool, g, tenant.allocation) } : g;
    }),
  };
}

/** A validated profile with every grant's count resolved from its budget. */
export function resolveProfile(profile: SiteProfile): SiteProfile {
  return { ...profile, tenants: profile.tenants.map((t) => resolveTenant(t, profile.nodePools)) };
}

export type AllocationStatus = 'active' | 'expired' | 'future' | 'open-ended';

/** Where an allocation stands on `today` (`YYYY-MM-DD`). */
export function allocationStatus(allocation: TenantAllocation | undefined, today: string): AllocationStatus {
  if (!allocation) return 'open-ended';
  if (allocation.end < today) return 'expired';
  if (allocation.start > today) return 'future';
  return 'active';
}

/**
 * Whether an allocation holds its GPUs on `date`: until the end of its last day, or always when it
 * is open-ended. An allocation that has not started yet holds them already, because its GPUs are
 * reserved in the pool from the day it enters the profile (docs/access-modes.md says why). After
 * its last day the tenant's GPU quota is zero, its GPU queue is stopped and its GPUs no longer count
 * against the pool; its namespace, volumes and CPU quota stay, so that data can be copied out.
 */
export function holdsGpus(allocation: TenantAllocation | undefined, date: string): boolean {
  return allocationStatus(allocation, date) !== 'expired';
}

/** The environment variable that fixes the date synthesis judges allocations against. */
export const SYNTHESIS_DATE_VARIABLE = 'AIF_DATE';

/** Today in UTC, `YYYY-MM-DD`. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The date allocations are judged against: `$AIF_DATE` (`aif synth --date` sets it), else today
 * in UTC. A malformed `$AIF_DATE` is reported with `issues` (and today used for the other checks);
 * without a collector it throws a ValidationError.
 */
export function synthesisDate(
  env: Readonly<Record<string, string | undefined>> = process.env,
  issues?: IssueCollector,
): string {
  const value = env[SYNTHESIS_DATE_VARIABLE];
  if (value === undefined || value === '') return todayUtc();
  if (parseDate(value) !== undefined) return value;
  const c = issues ?? new IssueCollector();
  c.add(
    'SYNTHESIS_DATE_INVALID',
    SYNTHESIS_DATE_VARIABLE,
    value,
    `$${SYNTHESIS_DATE_VARIABLE} is not a calendar date YYYY-MM-DD; allocations are judged against it`,
    `set ${SYNTHESIS_DATE_VARIABLE} (or pass aif synth --date) to a real date like '2026-11-30', or unset it to use today (UTC)`,
  );
  if (!issues) c.throwIfAny('the synthesis date');
  return todayUtc();
}

/** EuroHPC AI Factory project identifiers: `EHPC-AIF-2026PG01-0042`. */
export const PROJECT_ID = /^EHPC-AIF-\d{4}[A-Z]{2}\d{2}-\d{4}$/;
