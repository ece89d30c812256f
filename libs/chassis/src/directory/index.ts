export * from './directory.handlers';
export * from './directory.service';
