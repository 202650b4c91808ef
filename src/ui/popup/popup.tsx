import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { GatherResult, LastAnalysisLabel, MessageChoice, SourceInfo } from '../../worker-protocol.js';
import { MB } from '../../core/message/limits.js';
import { MessageInput } from '../components/message-input.js';
import { TopBar } from '../components/top-bar.js';
import { t } from '../../i18n.js';
import { ReportView } from '../report/report-view.js';
import { useAnalysis, type AnalysisRun } from '../report/use-analysis.js';
import { ask } from '../runtime.js';
import { draftKeeper, MAX_DRAFT_SIZE, sessionDraftStore, type DraftState } from './draft.js';
import { LastAnalysisOffer } from './last-analysis-offer.js';

type Gathering =
  | { status: 'reading' }
  | { status: 'failed'; reason: string; pasteHelp: string[] }
  | { status: 'read'; choices: MessageChoice[]; chosen: string | null };

/**
 * Toolbar popup: reads the open message from the active tab, or takes one by hand, and shows the
 * report. The browser closes it on any click outside, so the text in the paste box is kept as a
 * draft and the last analysis is remembered by the worker, to be offered again when the tab has
 * no message of its own.
 */
export function Popup() {
  const analysis = useAnalysis();
  const [gathering, setGathering] = useState<Gathering>({ status: 'reading' });
  const [showInput, setShowInput] = useState(false);
  const [problem, setProblem] = useState('');
  // Undefined while the draft and the last analysis kept from before are being read.
  const [last, setLast] = useState<LastAnalysisLabel | null | undefined>(undefined);
  const [draftState, setDraftState] = useState<DraftState>('none');
  const keeper = useMemo(() => draftKeeper(sessionDraftStore, setDraftState), []);
  // The box's latest text, so that it comes back when the box is shown again.
  const draftText = useRef('');
  useEffect(() => {
    void Promise.all([sessionDraftStore.load().catch(() => null), ask({ type: 'last-analysis' }).catch(() => null)]).then(([draft, label]) => {
      if (draft !== null) {
        draftText.current = draft;
        setDraftState('restored');
      }
      setLast(label);
    });
    const flush = () => keeper.flush();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, []);

  const begin = (run: AnalysisRun) => {
    analysis.start(run);
    // One message, sent as the analysis starts, and the worker reads the subject from the message
    // itself: a popup closed a moment later (any click outside closes it) loses nothing.
    void ask({ type: 'remember-last', raw: run.raw, source: run.source }).catch(() => {
      // Only the offer suffers if the worker cannot keep it; the analysis runs on regardless.
    });
  };

  const gather = async (choice?: string) => {
    setGathering({ status: 'reading' });
    let result: GatherResult;
    try {
      result = await ask(choice === undefined ? { type: 'gather-active-tab' } : { type: 'gather-active-tab', choice });
    } catch (error) {
      result = { ok: false, reason: t('gatherUnreachable', [error instanceof Error ? error.message : String(error)]), pasteHelp: [] };
    }
    if (result.ok) {
      setGathering({ status: 'read', choices: result.choices, chosen: result.chosen });
      begin({ raw: result.raw, source: result.source });
    } else {
      setGathering({ status: 'failed', reason: result.reason, pasteHelp: result.pasteHelp });
    }
  };

  useEffect(() => {
    void gather();
  }, []);

  const analyzeByHand = (raw: string, source: SourceInfo) => {
    setShowInput(false);
    if (source.kind === 'paste') {
      draftText.current = '';
      keeper.clear();
    }
    begin({ raw, source });
  };

  const editDraft = (text: string) => {
    draftText.current = text;
    keeper.edit(text);
  };

  const showLast = async () => {
    setProblem('');
    try {
      const recalled = await ask({ type: 'recall-last' });
      // Already the last one: run again without writing it back.
      if (recalled) analysis.start({ raw: recalled.raw, source: recalled.source });
      else setProblem(t('lastAnalysisGone'));
    } catch (error) {
      setProblem(t('lastAnalysisFailed', [error instanceof Error ? error.message : String(error)]));
    }
  };

  const openInTab = async () => {
    const run = analysis.run;
    if (!run) return;
    try {
      const { id } = await ask({ type: 'stash', raw: run.raw, source: run.source });
      const url = new URL(browser.runtime.getURL('report.html'));
      url.searchParams.set('id', id);
      if (run.originHop !== undefined) url.searchParams.set('origin', String(run.originHop));
      if (run.embedded !== undefined) url.searchParams.set('embedded', String(run.embedded));
      await browser.tabs.create({ url: url.href });
      window.close();
    } catch (error) {
      setProblem(t('openInTabFailed', [error instanceof Error ? error.message : String(error)]));
    }
  };

  const offerInput = gathering.status === 'failed' && !analysis.run;
  const inputVisible = last !== undefined && (showInput || offerInput);
  return (
    <>
      <TopBar title="Hoplens" iconSize={20} canAnalyzeAnother={Boolean(analysis.run) && !inputVisible} onAnalyzeAnother={() => setShowInput(true)}>
        <button type="button" data-testid="open-in-tab" disabled={!analysis.run} onClick={() => void openInTab()}>
          {t('openInTab')}
        </button>
        <button type="button" data-testid="open-options" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('optionsButton')}
        </button>
      </TopBar>
      <main>
        {problem && (
          <p class="notice notice-error" role="alert">
            {problem}
          </p>
        )}
        {gathering.status === 'reading' && (
          <p class="notice" role="status" data-testid="gathering">
            <span class="spinner" aria-hidden="true" />
            {t('gatherReading')}
          </p>
        )}
        {gathering.status === 'failed' && !analysis.run && <GatherFailure reason={gathering.reason} pasteHelp={gathering.pasteHelp} />}
        {offerInput && last && <LastAnalysisOffer last={last} onShow={() => void showLast()} />}
        {gathering.status === 'read' && gathering.choices.length > 1 && (
          <div class="choice-picker">
            <label for="choice-select">{t('choiceLabel')}</label>{' '}
            <select id="choice-select" value={gathering.chosen ?? ''} onChange={(e) => void gather((e.currentTarget as HTMLSelectElement).value)}>
              {gathering.choices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
        )}
        {inputVisible && (
          <MessageInput
            onMessage={analyzeByHand}
            onCancel={analysis.run ? () => setShowInput(false) : undefined}
            initialText={draftText.current}
            onTextChange={editDraft}
            note={draftNote(draftState)}
          />
        )}
        {analysis.run && <ReportView analysis={analysis} layout="popup" />}
      </main>
    </>
  );
}

function draftNote(state: DraftState): string {
  switch (state) {
    case 'none':
      return '';
    case 'kept':
      return t('draftKept');
    case 'restored':
      return t('draftRestored');
    case 'too-large':
      return t('draftTooLarge', MAX_DRAFT_SIZE / MB);
    case 'not-kept':
      return t('draftNotKept');
  }
}

/**
 * Why the tab gave no message, in one line above the paste box (shown on every non-webmail tab, so
 * it stays small); the steps to copy a message's source by hand open from it.
 */
function GatherFailure({ reason, pasteHelp }: { reason: string; pasteHelp: string[] }) {
  if (pasteHelp.length === 0) {
    return (
      <p class="notice notice-line" data-testid="gather-failed">
        {reason}
      </p>
    );
  }
  return (
    <details class="notice notice-line" data-testid="gather-failed">
      <summary>
        {reason} <span class="link-like">{t('pasteHelpHow')}</span>
      </summary>
      <p>{t('pasteHelpTitle')}</p>
      <ol>
        {pasteHelp.map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ol>
    </details>
  );
}
