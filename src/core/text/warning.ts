/**
 * What a report's warning is about. Views find a warning by its kind, never by where it sits in
 * the list: the pages' "resolver did not answer" banner takes the `dns-unanswered` one.
 */
export type WarningKind =
  | 'mbox'
  | 'replay'
  | 'many-hops'
  | 'received-below-fields'
  | 'repeated-received'
  | 'clock-backwards'
  | 'stalled'
  | 'undated'
  | 'date-ahead'
  | 'dns-deadline'
  | 'dns-unanswered';

/** One line the report raises about the route, the input or the DNS, in Hoplens' words. */
export interface Warning {
  readonly kind: WarningKind;
  readonly text: string;
}

export const warning = (kind: WarningKind, text: string): Warning => ({ kind, text });
