import {
  ACCESS_MODE_PRESETS,
  allocationStatus,
  describeDuration,
  grantGpuHours,
  grantUnits,
  lastsMonths,
  parseDate,
  periodDays,
  periodFits,
  periodHours,
  resolveProfile,
  sustainedShare,
  tenantGpuQuota,
  unitsForBudget,
  type NodePoolSpec,
} from '../../lib/model';
import { sampleProfile } from '../helpers';

const whole: NodePoolSpec = {
  name: 'a100',
  accelerator: 'nvidia-a100-80gb',
  gpusPerNode: 4,
  nodes: { hostlist: 'g[1-32]' },
};
const mig: NodePoolSpec = {
  name: 'mig',
  accelerator: 'nvidia-a100-40gb',
  gpusPerNode: 8,
  nodes: { hostlist: 'm[1-2]' },
  mig: { profiles: { '1g.5gb': 7 } },
};
const sliced: NodePoolSpec = { ...whole, name: 'sliced', timeSlicingReplicas: 4 };
const q1 = { start: '2026-01-01', end: '2026-03-31' }; // 90 days, 2,160 hours

describe('GPU-hours to quota', () => {
  it('counts both ends of the period', () => {
    expect(periodDays(q1.start, q1.end)).toBe(90);
    expect(periodHours(q1)).toBe(2160);
    expect(periodDays('2026-02-01', '2026-02-01')).toBe(1);
  });

  it('turns 50,000 GPU-hours over 90 days into about 23 GPUs', () => {
    expect(sustainedShare(50_000, q1)).toBeCloseTo(23.148, 3);
    expect(unitsForBudget(whole, {}, 50_000, q1)).toBe(23);
  });

  it('rounds half up, and never below one unit', () => {
    // 2,160 h x 22.5 = 48,600 GPU-hours: exactly 22.5 GPUs -> 23.
    expect(unitsForBudget(whole, {}, 48_600, q1)).toBe(23);
    expect(unitsForBudget(whole, {}, 48_599, q1)).toBe(22);
    expect(unitsForBudget(whole, {}, 10, q1)).toBe(1);
  });

  it('counts MIG slices by compute slices: a 1g instance is 1/7 of a GPU', () => {
    // 1,000 GPU-hours over 30 days = 1.389 GPUs = 9.72 1g slices -> 10.
    expect(
      unitsForBudget(mig, { migProfile: '1g.5gb' }, 1_000, { start: '2026-04-01', end: '2026-04-30' }),
    ).toBe(10);
  });

  it('counts time-sliced replicas: a replica is 1/replicas of a GPU', () => {
    // 2,160 GPU-hours over 90 days = 1 GPU = 4 replicas.
    expect(unitsForBudget(sliced, {}, 2_160, q1)).toBe(4);
  });

  it('keeps explicit counts and derives their GPU-hours over the period', () => {
    const alloc = { projectId: 'EHPC-AIF-2026FL01-0001', ...q1 };
    expect(grantUnits(whole, { pool: 'a100', count: 5 }, alloc)).toBe(5);
    expect(grantGpuHours(whole, { pool: 'a100', count: 5 }, alloc)).toBe(10_800);
    expect(grantGpuHours(whole, { pool: 'a100', count: 5 })).toBeUndefined();
    expect(grantGpuHours(mig, { pool: 'mig', count: 7, migProfile: '1g.5gb' }, alloc)).toBeCloseTo(2_160, 6);
  });

  it('resolves every budget of a profile into counts that the quotas use', () => {
    const p = sampleProfile({
      tenants: [
        {
          ...sampleProfile().tenants[0],
          allocation: { projectId: 'EHPC-AIF-2026FL01-0001', ...q1 },
          gpus: [{ pool: 'a100', gpuHours: 10_000 }],
        },
      ],
    });
    const resolved = resolveProfile(p);
    // 10,000 / 2,160 = 4.63 -> 5
    expect(resolved.tenants[0].gpus[0]).toEqual({ pool: 'a100', gpuHours: 10_000, count: 5 });
    expect(tenantGpuQuota(p.tenants[0], p.nodePools)).toEqual([{ resource: 'nvidia.com/gpu', count: 5 }]);
  });
});

describe('periods', () => {
  it('parses only real dates', () => {
    expect(parseDate('2026-02-28')).toBe(Date.UTC(2026, 1, 28));
    expect(parseDate('2026-02-30')).toBeUndefined();
    expect(parseDate('2026-2-3')).toBeUndefined();
    expect(parseDate(20260101)).toBeUndefined();
  });

  it('measures calendar months with a few days of slack', () => {
    expect(lastsMonths('2026-01-01', '2026-03-31', 3)).toBe(true);
    expect(lastsMonths('2026-01-15', '2026-04-14', 3)).toBe(true);
    expect(lastsMonths('2026-01-01', '2026-06-30', 3)).toBe(false);
    expect(lastsMonths('2027-03-01', '2028-02-29', 12)).toBe(true);
  });

  it("applies each mode's durations", () => {
    const fl = ACCESS_MODE_PRESETS['fast-lane'].duration;
    expect(periodFits(fl, '2026-01-01', '2026-01-31')).toBe(true);
    expect(periodFits(fl, '2026-01-01', '2026-03-31')).toBe(true);
    expect(periodFits(fl, '2026-01-01', '2026-01-20')).toBe(false);
    expect(periodFits(fl, '2026-01-01', '2026-04-30')).toBe(false);
    const ls = ACCESS_MODE_PRESETS['large-scale'].duration;
    expect(periodFits(ls, '2026-01-01', '2026-06-30')).toBe(true);
    expect(periodFits(ls, '2026-01-01', '2026-04-30')).toBe(false);
    expect(describeDuration(ls)).toBe('3, 6 or 12 months');
    expect(describeDuration(fl)).toBe('1 to 3 months');
  });

  it('tells active, expired and future allocations apart', () => {
    const a = { projectId: 'EHPC-AIF-2026FL01-0001', ...q1 };
    expect(allocationStatus(a, '2026-02-01')).toBe('active');
    expect(allocationStatus(a, '2026-03-31')).toBe('active');
    expect(allocationStatus(a, '2026-04-01')).toBe('expired');
    expect(allocationStatus(a, '2025-12-31')).toBe('future');
    expect(allocationStatus(undefined, '2026-01-01')).toBe('open-ended');
  });
});

describe('access mode presets', () => {
  it('encode the EuroHPC limits', () => {
    expect(ACCESS_MODE_PRESETS['fast-lane'].maxGpuHours).toBe(50_000);
    expect(ACCESS_MODE_PRESETS['large-scale'].gpuHoursAbove).toBe(50_000);
    expect(ACCESS_MODE_PRESETS['large-scale'].duration).toEqual({ kind: 'one-of', months: [3, 6, 12] });
    expect(ACCESS_MODE_PRESETS['ai-for-science'].duration).toEqual({ kind: 'one-of', months: [6] });
    expect(ACCESS_MODE_PRESETS.playground.maxGpus).toBeGreaterThan(0);
  });

  it('rank priorities: Large Scale and AI for Science above Fast Lane above Playground', () => {
    const p = (m: keyof typeof ACCESS_MODE_PRESETS) => ACCESS_MODE_PRESETS[m].scheduling.priority;
    expect(p('large-scale')).toBeGreaterThan(p('fast-lane'));
    expect(p('ai-for-science')).toBeGreaterThan(p('fast-lane'));
    expect(p('fast-lane')).toBeGreaterThan(p('playground'));
  });
});
