export * from './drivers';
export * from './site-storage';
export * from './storage-tier';
