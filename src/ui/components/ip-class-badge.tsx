import type { IpClass } from '../../core/net/types.js';
import { t } from '../../i18n.js';

/** The address class beside an IP, with what it means for the checks as a tooltip. */
export function IpClassBadge({ ipClass }: { ipClass: IpClass }) {
  const key = `ipClass_${ipClass.replace(/-/g, '_')}`;
  return (
    <span class={`ip-class ip-class-${ipClass}`} title={t(`${key}_help`)}>
      {t(key)}
    </span>
  );
}
