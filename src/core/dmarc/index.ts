export { authorDomainOf, dmarcDomain, type AuthorDomain } from './author-domain.js';
export { checkDmarc, type DmarcDomainCheck } from './check-domain.js';
export { startDmarc, withoutAuthorDomain, type DmarcSession, type IdentifierInput } from './evaluate.js';
export { appliedPolicy } from './policy-discovery.js';
export { MAX_WALK_QUERIES, walkTargets } from './tree-walk.js';
export type * from './types.js';
