export * from './site';
export * from './run-app';
