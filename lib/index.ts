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
