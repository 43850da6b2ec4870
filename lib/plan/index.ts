export * from './kueue';
export * from './quantities';
export * from './quota';
export * from './site';
