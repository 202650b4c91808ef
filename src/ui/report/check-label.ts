import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { metaOf, type CheckMetaByName } from '../../core/checks/meta.js';
import { t } from '../../i18n.js';

/** The checks' metadata as the analysis brought it, for every card and chip below the report view. */
export const CheckMetaContext = createContext<CheckMetaByName>({});

/** A check's name in the browser's language, from the locale keys the check carries. */
export function useCheckLabel(): (check: string, which?: 'label' | 'shortLabel') => string {
  const metas = useContext(CheckMetaContext);
  return (check, which = 'label') => {
    const meta = metaOf(metas, check);
    return meta.locale ? t(meta.locale[which]) : meta[which];
  };
}

/** Whether a result belongs with the comparison of then and now rather than with the checks. */
export function inThenVsNow(metas: CheckMetaByName, c: { result: { check: string } }): boolean {
  return metaOf(metas, c.result.check).section === 'then-vs-now';
}
