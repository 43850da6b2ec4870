export * from './tenant-namespace';
export * from './guardrails';
export * from './removed-tenant';
export type { TenantSharedVolume, TenantTierGrant } from './tenant-volumes';
export { SiteScope, type ISiteScope, type SiteScopeProps } from './site-scope';
