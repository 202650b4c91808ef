import { useEffect, useState } from 'preact/hooks';
import type { SourceInfo } from '../../worker-protocol.js';
import { MessageInput } from '../components/message-input.js';
import { TopBar } from '../components/top-bar.js';
import { t } from '../../i18n.js';
import { ask } from '../runtime.js';
import { loadSample } from '../sample.js';
import { ReportView } from './report-view.js';
import { useAnalysis } from './use-analysis.js';

type Loading = { status: 'loading' } | { status: 'missing'; why: string } | { status: 'loaded' };

/**
 * The full-tab report. `?id=` names a message waiting in the worker (from the popup's "Open in
 * tab" or the context menu); `origin` and `embedded` carry the popup's picks.
 * `?sample=1` (what `npm start` opens) analyses the packaged sample message.
 */
export function ReportPage({ params }: { params: URLSearchParams }) {
  const analysis = useAnalysis();
  const id = params.get('id');
  const sample = params.get('sample') === '1';
  const [loading, setLoading] = useState<Loading>(id || sample ? { status: 'loading' } : { status: 'missing', why: '' });
  const [showInput, setShowInput] = useState(false);

  useEffect(() => {
    if (!sample) return;
    loadSample()
      .then((raw) => {
        setLoading({ status: 'loaded' });
        analysis.start({ raw, source: { kind: 'file', label: t('sourceSample') } });
      })
      .catch((error: unknown) => setLoading({ status: 'missing', why: t('sampleUnavailable', [error instanceof Error ? error.message : String(error)]) }));
  }, [sample]);

  useEffect(() => {
    if (!id) return;
    ask({ type: 'take-stash', id })
      .then((stashed) => {
        if (!stashed) {
          setLoading({ status: 'missing', why: t('stashGone') });
          return;
        }
        setLoading({ status: 'loaded' });
        analysis.start({
          raw: stashed.raw,
          source: stashed.source,
          ...numberParam(params, 'origin', 'originHop'),
          ...numberParam(params, 'embedded', 'embedded'),
        });
      })
      .catch((error: unknown) => setLoading({ status: 'missing', why: t('stashUnreachable', [error instanceof Error ? error.message : String(error)]) }));
  }, [id]);

  const analyzeByHand = (raw: string, source: SourceInfo) => {
    setShowInput(false);
    analysis.start({ raw, source });
  };

  const inputVisible = showInput || (loading.status === 'missing' && !analysis.run);
  return (
    <>
      <TopBar title={t('reportHeading')} iconSize={24} canAnalyzeAnother={Boolean(analysis.run) && !inputVisible} onAnalyzeAnother={() => setShowInput(true)} />
      <main>
        {loading.status === 'loading' && (
          <p class="notice" role="status">
            <span class="spinner" aria-hidden="true" />
            {t('stashLoading')}
          </p>
        )}
        {loading.status === 'missing' && loading.why && !analysis.run && (
          <p class="notice" role="alert">
            {loading.why}
          </p>
        )}
        {inputVisible && <MessageInput onMessage={analyzeByHand} onCancel={analysis.run ? () => setShowInput(false) : undefined} />}
        {analysis.run && <ReportView analysis={analysis} />}
      </main>
    </>
  );
}

function numberParam<K extends string>(params: URLSearchParams, name: string, key: K): Partial<Record<K, number>> {
  const value = params.get(name);
  if (value === null || !/^\d+$/.test(value)) return {};
  return { [key]: Number(value) } as Partial<Record<K, number>>;
}
