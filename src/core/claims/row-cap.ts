/**
 * How many rows of what receivers recorded (Authentication-Results, ARC-Authentication-Results,
 * Received-SPF) a report shows, in then-vs-now and in the table of claims: real mail carries a
 * few such fields of a few results each, even through forwarders that add an ARC set each; a
 * stuffed message must not cost a row per field, in any view or export.
 */
export const MAX_CLAIM_ROWS = 50;

/**
 * How many fields, taken whole in the order given, fit in MAX_CLAIM_ROWS rows: a field is shown
 * with all its results or not at all, so that the count left out is a count of fields.
 */
export function fieldsThatFit(rowsPerField: readonly number[]): number {
  let rows = 0;
  for (let i = 0; i < rowsPerField.length; i++) {
    rows += rowsPerField[i]!;
    if (rows > MAX_CLAIM_ROWS) return i;
  }
  return rowsPerField.length;
}
