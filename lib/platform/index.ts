export * from './charts';
export * from './namespace';
export * from './providers';
export * from './release';
export * from './ids';
export * from './kubernetes-backend';
export * from './admission';
export * from './stack-traces';
