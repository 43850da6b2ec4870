export * from './gpu-operators';
export * from './node-pool';
export * from './cpu-pool';
