export * from './gpu-operators';
export * from './node-pool';
