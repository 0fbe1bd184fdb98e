export * from './errors.js';
export * from './organizations.js';
export * from './accounts.js';
export * from './auth.js';
export * from './health.js';
export * from './email-domain.js';
export * from './roles.js';
export * from './slug.js';
