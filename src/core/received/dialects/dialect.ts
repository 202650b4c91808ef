import type { ReceivedSyntax } from '../grammar.js';
import type { ReceivedFields } from '../types.js';

/**
 * One MTA family's way of writing Received: headers. `detect` looks only at the marks that
 * family leaves (its software comment, its id or host naming); `apply` refines the generic
 * reading with what only that family writes.
 */
export interface Dialect {
  name: string;
  detect(syntax: ReceivedSyntax, fields: ReceivedFields): boolean;
  apply(syntax: ReceivedSyntax, fields: ReceivedFields): void;
}
