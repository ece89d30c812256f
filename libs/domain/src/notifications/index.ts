export * from './notification-error';
export * from './notifiable-event';
export * from './audience';
export * from './event-message';
export * from './preferences';
export * from './digest';
export * from './delivery-retry';
export * from './webhook-signature';
