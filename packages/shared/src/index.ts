export * from './enums';
export * from './errors';
export * from './rules';
export * from './api';
export * from './membership';
export * from './platform';
export * from './care';
export * from './quiz';
