export * from './kueue';
export * from './slurm';
