import type { RawField } from './message-parts.js';

export interface SelectedHeaders {
  /** The fields h= picks, in h= order. */
  fields: RawField[];
  /** h= names that found no (further) field: they contribute nothing to the hash (§5.4.2). */
  absent: string[];
}

/**
 * RFC 6376 §5.4.2: each name in h= takes the last not yet used field of that name, going up
 * from the bottom; a name with no field left adds nothing, which is how over-signing keeps a
 * second From or Subject from being added later. One pass over the fields, one over h=.
 */
export function selectHeaders(fields: readonly RawField[], names: readonly string[], signatureField: RawField): SelectedHeaders {
  const byName = new Map<string, RawField[]>();
  for (const field of fields) {
    // The signature being verified is hashed apart, with b= blanked, never as a listed field.
    if (field === signatureField) continue;
    const key = field.name.toLowerCase();
    const list = byName.get(key);
    if (list) list.push(field);
    else byName.set(key, [field]);
  }
  const selected: RawField[] = [];
  const absent: string[] = [];
  for (const name of names) {
    const field = byName.get(name)?.pop();
    if (field === undefined) absent.push(name);
    else selected.push(field);
  }
  return { fields: selected, absent };
}
