export * from './kueue';
export * from './slurm';
export * from './kueue-guard';
