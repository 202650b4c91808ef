import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { GatherResult, MessageChoice, SourceInfo } from '../../background/protocol.js';
import { MessageInput } from '../components/message-input.js';
import { TopBar } from '../components/top-bar.js';
import { t } from '../i18n.js';
import { ReportView } from '../report/report-view.js';
import { useAnalysis } from '../report/use-analysis.js';
import { ask } from '../runtime.js';

type Gathering =
  | { status: 'reading' }
  | { status: 'failed'; reason: string; pasteHelp: string[] }
  | { status: 'read'; choices: MessageChoice[]; chosen: string | null };

/** Toolbar popup: reads the open message from the active tab, or takes one by hand, and shows the report. */
export function Popup() {
  const analysis = useAnalysis();
  const [gathering, setGathering] = useState<Gathering>({ status: 'reading' });
  const [showInput, setShowInput] = useState(false);
  const [problem, setProblem] = useState('');

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
      analysis.start({ raw: result.raw, source: result.source });
    } else {
      setGathering({ status: 'failed', reason: result.reason, pasteHelp: result.pasteHelp });
    }
  };

  useEffect(() => {
    void gather();
  }, []);

  const analyzeByHand = (raw: string, source: SourceInfo) => {
    setShowInput(false);
    analysis.start({ raw, source });
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

  const inputVisible = showInput || (gathering.status === 'failed' && !analysis.run);
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
        {inputVisible && <MessageInput onMessage={analyzeByHand} onCancel={analysis.run ? () => setShowInput(false) : undefined} />}
        {analysis.run && <ReportView analysis={analysis} layout="popup" />}
      </main>
    </>
  );
}

function GatherFailure({ reason, pasteHelp }: { reason: string; pasteHelp: string[] }) {
  return (
    <div class="notice" data-testid="gather-failed">
      <p>{reason}</p>
      {pasteHelp.length > 0 && (
        <>
          <p>{t('pasteHelpTitle')}</p>
          <ol>
            {pasteHelp.map((step, i) => (
              <li key={i}>{step}</li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
