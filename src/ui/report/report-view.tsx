import type { SourceInfo } from '../../background/protocol.js';
import { formatUtc } from '../../core/report/exporters/hop-text.js';
import { t } from '../i18n.js';
import type { Analysis } from './use-analysis.js';
import { CheckCard } from './check-card.js';
import { ClaimsTable } from './claims-table.js';
import { EmbeddedPicker } from './embedded-picker.js';
import { ErrorNotice } from './error-notice.js';
import { ExportToolbar } from './export-toolbar.js';
import { HopsTable } from './hops-table.js';
import { OriginNote } from './origin-note.js';
import { StatusLine } from './status-line.js';
import { Timeline } from './timeline.js';

const THEN_VS_NOW = 'then-vs-now';

/** The report as it streams in: shared by the popup and the full tab. It shows data; it judges nothing. */
export function ReportView({ analysis: a }: { analysis: Pick<Analysis, 'state' | 'run' | 'outerEmbedded' | 'restart'> }) {
  const { state, run } = a;
  const busy = state.phase === 'running';
  const header = state.analysis;
  const checks = state.checks.filter((c) => c.check !== THEN_VS_NOW);
  const thenVsNow = state.checks.filter((c) => c.check === THEN_VS_NOW);
  return (
    <div class="report" aria-busy={busy}>
      {a.outerEmbedded.length > 0 && (
        <EmbeddedPicker embedded={a.outerEmbedded} current={run?.embedded} busy={busy} onPick={(embedded) => a.restart({ embedded })} />
      )}
      <StatusLine state={state} />
      {state.error && <ErrorNotice error={state.error} />}
      {header && (
        <>
          <ExportToolbar report={state.report} />
          <MessageFacts message={header.message} source={run?.source ?? null} />
          <section aria-labelledby="route-title">
            <h2 id="route-title">{t('routeTitle')}</h2>
            <HopsTable route={header.route} busy={busy} onUseAsSender={(originHop) => a.restart({ originHop, embedded: run?.embedded })} />
            <OriginNote route={header.route} chosenHop={run?.originHop} busy={busy} onAutomatic={() => a.restart({ embedded: run?.embedded })} />
            <Timeline route={header.route} />
          </section>
          <section aria-labelledby="checks-title">
            <h2 id="checks-title">{t('checksTitle')}</h2>
            {checks.length === 0 && <p class="muted">{busy ? t('checksWaiting') : t('checksNone')}</p>}
            {checks.map((c, i) => (
              <CheckCard key={`${c.check}-${c.subject}-${i}`} id={`check-${i}`} result={c} />
            ))}
          </section>
          <section aria-labelledby="then-now-title">
            <h2 id="then-now-title">{t('thenVsNowTitle')}</h2>
            <p class="muted">{t('thenVsNowIntro')}</p>
            {thenVsNow.map((c, i) => (
              <CheckCard key={`${c.subject}-${i}`} id={`then-now-${i}`} result={c} />
            ))}
            <ClaimsTable claims={header.claims} />
          </section>
          {header.warnings.length > 0 && (
            <section aria-labelledby="warnings-title">
              <h2 id="warnings-title">{t('warningsTitle')}</h2>
              <ul class="warnings" data-testid="warnings">
                {header.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            </section>
          )}
          {state.report && <p class="muted small-text">{dnsLine(state.report.dns)}</p>}
        </>
      )}
    </div>
  );
}

function MessageFacts({ message: m, source }: { message: NonNullable<Analysis['state']['analysis']>['message']; source: SourceInfo | null }) {
  return (
    <dl class="facts">
      <dt>{t('factSubject')}</dt>
      <dd>{m.subject ?? t('noSubject')}</dd>
      <dt>{t('factFrom')}</dt>
      <dd class="mono">{m.fromDisplay ? `${m.fromDisplay} <${m.from ?? ''}>` : (m.from ?? '—')}</dd>
      <dt>{t('factDate')}</dt>
      <dd>{m.date ? formatUtc(m.date) : '—'}</dd>
      {source && (
        <>
          <dt>{t('factSource')}</dt>
          <dd>{source.label}</dd>
        </>
      )}
    </dl>
  );
}

function dnsLine(dns: NonNullable<Analysis['state']['report']>['dns']): string {
  if (dns.mode === 'off') return t('dnsOffLine');
  return t('dnsLine', [dns.resolver ?? '—', dns.queriesSent, dns.cacheHits]);
}
