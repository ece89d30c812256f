export * from './test-database';
export * from './wait-for';
export * from './test-env';
export * from './tokens';
export * from './seed-directory';
export * from './processes';
export * from './openapi-document';
export * from './contract';
