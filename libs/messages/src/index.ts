export * from './service-name';
export * from './job-name';
export * from './payloads';
export * from './routing';
export * from './envelope';
