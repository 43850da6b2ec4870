/**
 * Regressions of what the property tests (test/property/invalid-profiles.test.ts) found: malformed
 * profiles that threw a TypeError (or a problem without a usable path) instead of a ValidationError
 * with coded problems. Each case is the smallest profile that showed it.
 */
import { validateSite, ValidationError, type SiteProfile } from '../../lib/model';
import { sampleProfile } from '../helpers';

/** The problems validateSite throws, as `CODE path`; fails the test when it throws anything else. */
function problems(profile: unknown): string[] {
  try {
    validateSite(profile as SiteProfile);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return e.issues.map((i) => `${i.code} ${i.path}`);
  }
  return [];
}

const pool = (extra: Record<string, unknown>) =>
  sampleProfile({
    nodePools: [{ ...sampleProfile().nodePools[0], ...extra }],
    tenants: [sampleProfile().tenants[0]],
  });

describe('malformed profiles found by the property tests', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
  ])(
    'a profile that is %s is refused with a ValidationError (it threw a TypeError reading its name)',
    (_what, value) => {
      expect(problems(value)).toEqual(['VALUE_INVALID (profile)']);
    },
  );

  it('names a misspelled field without a name by an index, so the path points at it (it was empty)', () => {
    expect(problems({ ...sampleProfile(), '': 1, 'two words': 2 })).toEqual([
      'FIELD_UNKNOWN [""]',
      'FIELD_UNKNOWN ["two words"]',
    ]);
    const tenant = { ...sampleProfile().tenants[0], 'display name': 'x' };
    expect(problems(sampleProfile({ tenants: [tenant] }))).toEqual([
      'FIELD_UNKNOWN tenants[0]["display name"]',
    ]);
  });

  it('refuses a list with a hole (`[a, , b]`) at every level, with a coded problem (22 of 2,000 fuzzed profiles threw a TypeError)', () => {
    const hole = <T>(list: readonly T[], at: number): T[] => {
      const copy = [...list];
      delete copy[at];
      return copy;
    };
    const p = sampleProfile();
    expect(problems({ ...p, tenants: hole([...p.tenants, p.tenants[0]], 0) })).toEqual([
      'VALUE_INVALID tenants[0]',
    ]);
    const groups = { ...p.tenants[0].groups, admins: hole(['idp:a', 'idp:b', 'idp:c'], 1) };
    expect(problems({ ...p, tenants: [{ ...p.tenants[0], groups }] })).toEqual([
      'VALUE_INVALID tenants[0].groups.admins[1]',
    ]);
    expect(problems({ ...p, nodePools: hole([...p.nodePools, p.nodePools[0]], 0) })).toContain(
      'VALUE_INVALID nodePools[0]',
    );
  });

  it('refuses a state directory that is not a string (path.resolve threw while building the site)', () => {
    expect(problems(sampleProfile({ state: { kind: 'local', directory: 5e-324 as never } }))).toEqual([
      'VALUE_INVALID state.directory',
    ]);
  });

  it('refuses an over-commit reason that is not a string (reason.trim threw)', () => {
    expect(problems(pool({ overcommit: { factor: 1.5, reason: 7 } }))).toEqual([
      'VALUE_INVALID nodePools[0].overcommit.reason',
    ]);
  });

  it('refuses a taint key that is not a string (key.lastIndexOf threw)', () => {
    expect(problems(pool({ taint: { key: [], value: 'x', effect: 'NoSchedule' } }))).toEqual([
      'VALUE_INVALID nodePools[0].taint.key',
    ]);
  });

  it('refuses mount options that are not a list (mountOptions.forEach threw)', () => {
    const tier = {
      name: 'work',
      purpose: 'project',
      capacity: '10Ti',
      driver: { kind: 'custom', provisioner: 'csi.example.org' },
      mountOptions: 'nfsvers=4.1',
    };
    expect(problems(sampleProfile({ storageTiers: [tier as never] }))).toEqual([
      'VALUE_INVALID storageTiers[0].mountOptions',
    ]);
  });

  it('refuses a MIG or time-sliced pool whose name would make its config label longer than 63 characters', () => {
    const long = 'p'.repeat(60);
    expect(problems(pool({ name: long, accelerator: 'nvidia-h100-80gb', timeSlicingReplicas: 2 }))).toEqual([
      'NAME_INVALID nodePools[0].name',
      // The tenant's grant names the pool by its old name.
      'TENANT_GPU_UNAVAILABLE tenants[0].gpus[0].pool',
    ]);
    // Whole-GPU pools name no configuration: 63 characters are fine.
    expect(problems(pool({ name: 'p'.repeat(63) }))).toEqual([
      'TENANT_GPU_UNAVAILABLE tenants[0].gpus[0].pool',
    ]);
  });
});
