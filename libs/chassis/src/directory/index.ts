export * from './unit-upserted.handler';
export * from './user-upserted.handler';
export * from './directory.service';
export * from './directory-user.entity';
export * from './directory-unit.entity';
