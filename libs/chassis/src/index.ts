export * from './chassis-options';
export * from './chassis.module';
export * from './bootstrap';
export * from './run-service';
export * from './ping.handler';
export * from './directory';
export { RouteFacts, routeFacts } from './openapi/routes';
export { describeContract, errorCodesOf, errorResponse, versionConflictCode } from './openapi/contract';
export { isOptionalProperty, rulesByProperty } from './openapi/validation-schema';
