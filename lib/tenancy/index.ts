export * from './tenant-namespace';
export * from './guardrails';
export * from './removed-tenant';
