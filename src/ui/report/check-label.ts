import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { metaOf, type CheckMetaByName } from '../../core/checks/meta.js';
import { subjectRole } from '../../core/report/subject-role.js';
import type { Phrase } from '../../core/text/phrase.js';
import { t } from '../../i18n.js';

/** The checks' metadata as the analysis brought it, for every card and chip below the report view. */
export const CheckMetaContext = createContext<CheckMetaByName>({});

/** A check's name in the browser's language, from the locale keys the check carries. */
export function useCheckLabel(): (check: string, which?: 'label' | 'shortLabel') => string {
  const metas = useContext(CheckMetaContext);
  return (check, which = 'label') => checkLabelOf(metas, check, which);
}

/** The same, for the component that provides the metadata. */
export function checkLabelOf(metas: CheckMetaByName, check: string, which: 'label' | 'shortLabel' = 'label'): string {
  const meta = metaOf(metas, check);
  return meta.locale ? t(meta.locale[which]) : meta[which];
}

/** The hop the report treats as the sender, for the role each result's subject plays. */
export const SenderHopContext = createContext<number | null>(null);

/** "(Return-Path)", "(sender)", "(hop 3)": whom a result is about, as a phrase. */
export function useSubjectRole(): (c: Parameters<typeof subjectRole>[0]) => Phrase | null {
  const senderHop = useContext(SenderHopContext);
  return (c) => subjectRole(c, senderHop);
}

/** Whether a result belongs with the comparison of then and now rather than with the checks. */
export function inThenVsNow(metas: CheckMetaByName, c: { result: { check: string } }): boolean {
  return metaOf(metas, c.result.check).section === 'then-vs-now';
}
