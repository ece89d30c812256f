export * from './domain-error';
export * from './roles';
export * from './funnel';
export * from './approvals';
export * from './contracts';
export * from './analytics';
export * from './identity';
export * from './notifications';
