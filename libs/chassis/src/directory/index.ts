export * from './directory-tables';
export * from './directory.handlers';
export * from './directory.service';
