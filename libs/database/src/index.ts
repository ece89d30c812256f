export * from './data-source-options';
export * from './embedded/embedded-postgres';
