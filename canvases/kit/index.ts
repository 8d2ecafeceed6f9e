/** The Canvas Kit builders and the finaliser; screens import from here. */
export * from './actions';
export * from './choices';
export * from './errors';
export * from './finalize';
export * from './height';
export * from './interactive';
export * from './markdown';
export * from './presentation';
export type * from './types';
