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
// The site plan: every number the constructs write, computed once (pure, no cdktf).
export { planSite, type PoolPlan, type SitePlan, type SlurmPlan, type TenantPlan } from './plan/site';
export type { LanesPlan, LaneResource } from './plan/kueue';
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
