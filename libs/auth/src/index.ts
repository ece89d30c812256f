export * from './principal';
export * from './roles.decorator';
export * from './access-token.service';
export * from './auth.guard';
export * from './auth.module';
