export * from './identity-error';
export * from './password-policy';
export * from './refresh-rotation';
export * from './api-key';
export * from './directory-rules';
export * from './unit-members';
export * from './admin-separation';
export * from './token-revocation';
