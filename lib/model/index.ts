export * from './accelerators';
export * from './capacity';
export * from './errors';
export * from './hostlist';
export * from './profile';
export * from './quantity';
export * from './storage';
export * from './validate';
