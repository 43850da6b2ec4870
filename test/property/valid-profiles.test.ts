/**
 * Property: every valid profile the generator builds (test/property/profiles.ts: 1 to 3 pools of
 * any accelerator of the catalog, whole GPUs, MIG or time-slicing; 0 to 3 tenants of every access
 * mode, with allocations, count or budget grants, storage, volumes, egress, retired tenants; Kueue,
 * Slurm, both or neither) validates, synthesizes, passes every check of `aif check`, and holds no
 * name Kubernetes would refuse.
 *
 * Runs: 300 profiles with a fixed seed; AIF_PROPERTY_SEED=<n>|random and AIF_PROPERTY_RUNS=<n> change
 * them (docs/performance.md). Measured (2026-11-30, 2-core machine at load average 8 to 12): 24.9 ms
 * of CPU per profile (generate, validate, synthesize, check, names), 7.5 s for the 300; both property
 * files 19.6 s of CPU in one process (docs/performance.md, "Property tests").
 */
import fc from 'fast-check';
import { siteIssues } from '../../lib/model';
import { synthesizeOrRefuse } from './outcome';
import { propertyParameters, validProfile } from './profiles';

describe('valid profiles (property)', () => {
  it('validate, synthesize, pass aif check and name nothing Kubernetes would refuse', () => {
    fc.assert(
      fc.property(validProfile, (profile) => {
        // A generated valid profile that validation refuses is a generator or a validation bug.
        expect(siteIssues(profile)).toEqual([]);
        expect(synthesizeOrRefuse(profile)).toEqual({ synthesized: true });
      }),
      propertyParameters(300),
    );
  });
});
