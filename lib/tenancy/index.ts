export * from './tenant-namespace';
