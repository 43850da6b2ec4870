/**
 * cdktf-ai-factory: constructs that provision the Kubernetes side of an EU AI Factory site.
 * The public API; re-exports only.
 */
export * from './model';
export * from './platform';
export * from './compute';
export * from './storage';
export * from './scheduling';
export * from './tenancy';
export * from './site';
// All-or-nothing synthesis and profile loading for site repositories (what `aif synth` runs).
export { addSites, synthesizeSites, type SynthResult } from './cli/synth';
export {
  defaultSitesDir,
  isProfileModule,
  loadProfiles,
  profileProblems,
  readProfiles,
  type LoadedProfiles,
} from './cli/profiles';
