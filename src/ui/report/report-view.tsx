import { useEffect, useMemo, useRef } from 'preact/hooks';
import { roleHopsOf } from '../../core/report/subject-role.js';
import type { SourceInfo } from '../../worker-protocol.js';
import { secondOrigin } from '../../core/route/second-origin.js';
import { formatWrittenDate } from '../../core/text/date.js';
import { t } from '../../i18n.js';
import { Inert } from '../components/inert.js';
import type { Analysis } from './use-analysis.js';
import { CheckCard } from './check-card.js';
import { CheckMetaContext, inChecklist, inThenVsNow, RoleHopsContext, ResolverDownContext, checkLabelOf } from './check-label.js';
import { ResolverDown } from './resolver-down.js';
import { resolverFailedEveryQuestion } from '../../core/dns/counting.js';
import { cardId, groupBySender } from './check-groups.js';
import { ClaimsTable } from './claims-table.js';
import { EmbeddedPicker } from './embedded-picker.js';
import { ErrorNotice } from './error-notice.js';
import { ExportToolbar } from './export-toolbar.js';
import { HopList } from './hop-list.js';
import { HopsTable } from './hops-table.js';
import { OriginNote } from './origin-note.js';
import { OtherHops } from './other-hops.js';
import { ProviderChecklist } from './provider-checklist.js';
import { SenderPanel } from './sender-panel.js';
import { Timeline } from './timeline.js';

const THEN_VS_NOW_TITLE = 'then-now-title';

interface Props {
  analysis: Pick<Analysis, 'state' | 'run' | 'outerEmbedded' | 'restart'>;
  /** "popup": the 640 px toolbar popup, whose route is a list; "tab": the full report with a table. */
  layout?: 'popup' | 'tab';
}

/**
 * The report as it streams in: shared by the popup and the full tab. The sender's results come
 * first and in full; results about other hops wait behind a counted disclosure. It shows data;
 * it judges nothing.
 */
export function ReportView({ analysis: a, layout = 'tab' }: Props) {
  const { state, run } = a;
  const root = useRef<HTMLDivElement>(null);
  // Starting an analysis removes what had the focus (the paste box, a picked option); keyboard and
  // screen-reader users continue at the top of the new report instead of the page's start.
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) root.current?.querySelector<HTMLElement>('[data-testid="sender-panel"]')?.focus();
  }, [run]);
  const busy = state.phase === 'running';
  const header = state.analysis;
  const first = header ? secondOrigin(header.route) : null;
  // The checklist is its own table, first; the cards below are the checks it reads.
  const groups = groupBySender(
    state.checks.filter((result) => !inChecklist(state.checkMeta, { result })),
    header?.route.origin?.hopIndex ?? null,
    first?.hopIndex ?? null,
  );
  const isThenVsNow = (c: { result: { check: string } }) => inThenVsNow(state.checkMeta, c);
  const isCheck = (c: { result: { check: string } }) => !isThenVsNow(c);
  const useAsSender = (originHop: number) => a.restart({ originHop, embedded: run?.embedded });
  const senderChecks = groups.sender.filter(isCheck);
  const thenVsNow = groups.sender.filter(isThenVsNow);
  const thenVsNowOthers = [...groups.original, ...groups.others].filter(isThenVsNow);
  const originalChecks = groups.original.filter(isCheck);
  // Without DNS every check says the same "not checked": what the receivers recorded is the news.
  const dnsOff = state.report?.dns.mode === 'off';
  const roleHops = useMemo(() => (header ? roleHopsOf(header.route) : { sender: null, original: null }), [header]);
  const resolverDown = state.report !== null && resolverFailedEveryQuestion(state.report.dns);
  // With a dead resolver the banner says the one line about unanswered questions; the panel, the rest.
  const warnings = header?.warnings ?? [];
  const unanswered = resolverDown ? (warnings.find((w) => w.kind === 'dns-unanswered') ?? null) : null;
  const senderWarnings = unanswered ? warnings.filter((w) => w !== unanswered) : warnings;
  const claims = header && (
    <>
      <p class="muted">{t('claimsIntro')}</p>
      <ClaimsTable claims={header.claims} />
    </>
  );
  return (
    <CheckMetaContext.Provider value={state.checkMeta}>
      <RoleHopsContext.Provider value={roleHops}>
        <ResolverDownContext.Provider value={resolverDown}>
          <div class={`report report-${layout}`} aria-busy={busy} ref={root}>
            {a.outerEmbedded.length > 0 && (
              <EmbeddedPicker embedded={a.outerEmbedded} current={run?.embedded} busy={busy} onPick={(embedded) => a.restart({ embedded })} />
            )}
            {resolverDown && (
              <ResolverDown
                resolver={state.report!.dns.resolver ?? ''}
                detail={unanswered?.text ?? null}
                busy={busy}
                onRetry={() => a.restart({ originHop: run?.originHop, embedded: run?.embedded })}
              />
            )}
            <SenderPanel
              state={state}
              senderChecks={dnsOff ? [] : groups.sender}
              warnings={senderWarnings}
              thenVsNowTarget={THEN_VS_NOW_TITLE}
              onUseAsSender={useAsSender}
              busy={busy}
            />
            <ProviderChecklist checks={state.checks} />
            {state.error && <ErrorNotice error={state.error} />}
            {header && (
              <>
                <ExportToolbar report={state.report} />
                {dnsOff && (
                  <section aria-labelledby="recorded-title" data-testid="recorded-first">
                    <h2 id="recorded-title">{t('claimsTitle')}</h2>
                    <p class="notice">{t('dnsOffLead')}</p>
                    {claims}
                  </section>
                )}
                <MessageFacts message={header.message} source={run?.source ?? null} />
                <section aria-labelledby="route-title">
                  <h2 id="route-title">{t('routeTitle')}</h2>
                  {layout === 'popup' ? (
                    <HopList route={header.route} busy={busy} onUseAsSender={useAsSender} />
                  ) : (
                    <HopsTable route={header.route} checks={state.checks} busy={busy} onUseAsSender={useAsSender} />
                  )}
                  <OriginNote route={header.route} chosenHop={run?.originHop} busy={busy} onAutomatic={() => a.restart({ embedded: run?.embedded })} />
                  {layout === 'tab' && <Timeline route={header.route} />}
                </section>
                {dnsOff ? (
                  <section aria-labelledby="checks-title">
                    <h2 id="checks-title">{t('checksTitle')}</h2>
                    <p class="muted" data-testid="dns-off-checks">
                      {t('dnsOffChecks', [[...new Set(state.checks.map((c) => checkLabelOf(state.checkMeta, c.check)))].join(', ')])}
                    </p>
                  </section>
                ) : (
                  <>
                    <section aria-labelledby="checks-title">
                      <h2 id="checks-title">{t('checksTitle')}</h2>
                      {senderChecks.length === 0 && groups.others.length === 0 && <p class="muted">{busy ? t('checksWaiting') : t('checksNone')}</p>}
                      {senderChecks.map(({ result, position }) => (
                        <CheckCard key={position} id={cardId(position)} result={result} />
                      ))}
                      {first && originalChecks.length > 0 && (
                        <section class="original-checks" aria-labelledby="original-checks-title" data-testid="original-sender-checks">
                          <h3 id="original-checks-title">{t('originalSenderChecks', [first.hopIndex + 1])}</h3>
                          <p class="muted">{t('originalSenderChecksIntro')}</p>
                          {originalChecks.map(({ result, position }) => (
                            <CheckCard key={position} id={cardId(position)} result={result} />
                          ))}
                        </section>
                      )}
                      <OtherHops checks={groups.others.filter(isCheck)} variant="card" />
                    </section>
                    <section aria-labelledby={THEN_VS_NOW_TITLE}>
                      <h2 id={THEN_VS_NOW_TITLE} tabIndex={-1}>
                        {t('thenVsNowTitle')}
                      </h2>
                      <p class="muted">{t('thenVsNowIntro')}</p>
                      {thenVsNow.map(({ result, position }) => (
                        <CheckCard key={position} id={cardId(position)} result={result} variant="row" />
                      ))}
                      <OtherHops checks={thenVsNowOthers} variant="row" />
                      <details class="claims">
                        <summary>{t('claimsTitle')}</summary>
                        {claims}
                      </details>
                    </section>
                  </>
                )}
                {state.report && <p class="muted small-text">{dnsLine(state.report.dns)}</p>}
              </>
            )}
          </div>
        </ResolverDownContext.Provider>
      </RoleHopsContext.Provider>
    </CheckMetaContext.Provider>
  );
}

function MessageFacts({ message: m, source }: { message: NonNullable<Analysis['state']['analysis']>['message']; source: SourceInfo | null }) {
  return (
    <dl class="facts">
      <dt>{t('factSubject')}</dt>
      <dd>{m.subject === null ? t('noSubject') : <Inert text={m.subject} />}</dd>
      <dt>{t('factFrom')}</dt>
      <dd class="mono">
        {/* Display name and address each isolated: neither can reorder the other. */}
        {m.fromDisplay && (
          <>
            <Inert text={m.fromDisplay} /> &lt;
          </>
        )}
        {m.from === null ? m.fromDisplay ? '' : '—' : <Inert text={m.from} />}
        {m.fromDisplay && '>'}
      </dd>
      <dt>{t('factDate')}</dt>
      <dd>{formatWrittenDate(m.date, m.dateRaw) || '—'}</dd>
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
