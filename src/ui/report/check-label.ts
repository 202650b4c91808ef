import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { metaOf, type CheckMetaByName } from '../../core/checks/meta.js';
import { subjectRole, type RoleHops } from '../../core/report/subject-role.js';
import type { Phrase } from '../../core/text/phrase.js';
import type { AnyVerdict } from '../../core/checks/types.js';
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

/**
 * The resolver answered no question: a temperror then says nothing about the subject, and each
 * card and chip shows it as "not checked: no resolver" under the one banner that says why.
 */
export const ResolverDownContext = createContext(false);

/** The word a card or chip shows for a result, and its severity: a temperror of a dead resolver is no verdict. */
export function useShownResult(): (c: { result: string; severity: AnyVerdict['severity'] }) => {
  result: string;
  severity: AnyVerdict['severity'];
  noResolver: boolean;
} {
  const down = useContext(ResolverDownContext);
  return (c) => (down && c.result === 'temperror' ? { result: t('noResolverWord'), severity: 'info', noResolver: true } : { ...c, noResolver: false });
}

/** The hop the report treats as the sender, for the role each result's subject plays. */
export const RoleHopsContext = createContext<RoleHops>({ sender: null, original: null });

/** "(Return-Path)", "(sender)", "(hop 3)": whom a result is about, as a phrase. */
export function useSubjectRole(): (c: Parameters<typeof subjectRole>[0]) => Phrase | null {
  const hops = useContext(RoleHopsContext);
  return (c) => subjectRole(c, hops);
}

/** Whether a result belongs with the comparison of then and now rather than with the checks. */
export function inThenVsNow(metas: CheckMetaByName, c: { result: { check: string } }): boolean {
  return metaOf(metas, c.result.check).section === 'then-vs-now';
}

/** Whether a result is one of the providers' checklist, shown first as one table rather than as cards. */
export function inChecklist(metas: CheckMetaByName, c: { result: { check: string } }): boolean {
  return metaOf(metas, c.result.check).section === 'checklist';
}
