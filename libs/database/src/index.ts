export * from './data-source-options';
export * from './embedded/embedded-postgres';
export * from './hydrate-rows';
