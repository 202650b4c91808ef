import type { Dialect } from './dialects/dialect.js';
import { DIALECTS } from './dialects/index.js';
import { readGeneric } from './generic.js';
import { parseSyntax } from './grammar.js';
import { tokenize, unfold } from './tokenize.js';
import type { ReceivedFields } from './types.js';

/**
 * Reads one Received: header value (folded or not) into its fields: tokens, then clauses,
 * then the generic reading, then the first dialect whose marks are present refines it.
 * Never throws; work is linear in the size of the value.
 */
export function parseReceived(value: string): ReceivedFields {
  const raw = unfold(String(value));
  const { tokens, warnings, date } = tokenize(raw);
  const syntax = parseSyntax(raw, tokens, date);
  if (warnings.length > 0) syntax.warnings.unshift(...warnings);
  const fields = readGeneric(syntax, raw);
  for (let i = 0; i < DIALECTS.length; i++) {
    const dialect = DIALECTS[i] as Dialect;
    if (!dialect.detect(syntax, fields)) continue;
    fields.dialect = dialect.name;
    dialect.apply(syntax, fields);
    break;
  }
  if (fields.warnings.length > 1) fields.warnings = [...new Set(fields.warnings)];
  return fields;
}
