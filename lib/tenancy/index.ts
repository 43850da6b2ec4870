export * from './tenant-namespace';
export * from './guardrails';
