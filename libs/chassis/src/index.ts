export * from './chassis-options';
export * from './chassis.module';
export * from './bootstrap';
export * from './run-service';
export * from './ping';
export * from './directory';
