import type { IpClass } from '../../core/net/types.js';
import type { Phrase } from '../../core/text/phrase.js';
import { tPhrase } from '../../i18n.js';

/** The address class beside an IP, in the route table's words, with what it means for the checks as a tooltip. */
export function IpClassBadge({ ipClass, label, help }: { ipClass: IpClass; label: Phrase; help: Phrase }) {
  return (
    <span class={`ip-class ip-class-${ipClass}`} title={tPhrase(help)}>
      {tPhrase(label)}
    </span>
  );
}
