export * from './unit-upserted.handler';
export * from './user-upserted.handler';
export * from './directory.service';
