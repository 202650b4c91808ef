import type { CheckResult } from '../../core/checks/index.js';
import { clientNames, type ClientName } from '../../core/report/client-names.js';
import { isChosenOrigin } from '../../core/report/exporters/hop-text.js';
import { secondOrigin } from '../../core/route/second-origin.js';
import type { Route } from '../../core/route/types.js';
import { Inert } from '../components/inert.js';
import { ResultBadge } from '../components/result-badge.js';
import { t } from '../../i18n.js';
import { useContext } from 'preact/hooks';
import { RoleTag } from '../components/role-tag.js';
import { CheckMetaContext, inThenVsNow, useCheckLabel, useShownResult, useSubjectRole } from './check-label.js';
import type { AnalysisState } from './analysis-state.js';
import { ResultCounts } from '../components/result-counts.js';
import { cardId, worstSeverity, type PlacedCheck } from './check-groups.js';
import { StatusLine } from './status-line.js';
import type { Warning } from '../../core/text/warning.js';

interface Props {
  state: AnalysisState;
  /** Results about the sender, then-vs-now comparisons among them. */
  senderChecks: PlacedCheck[];
  /** What is odd about the route and the input, said beside the sender. */
  warnings: readonly Warning[];
  /** Where the then-vs-now section starts, for its entry in the strip. */
  thenVsNowTarget: string;
  /** Runs every check again with this hop as the sender. */
  onUseAsSender: (hopIndex: number) => void;
  busy: boolean;
}

/**
 * The top of the report: who sent the message and the result word of each check about it, each
 * a button that moves to its card; then the one-line summary (or the progress while running).
 */
export function SenderPanel({ state, senderChecks, warnings, thenVsNowTarget, onUseAsSender, busy }: Props) {
  const route = state.analysis?.route;
  const metas = useContext(CheckMetaContext);
  const checkLabel = useCheckLabel();
  const role = useSubjectRole();
  const shown = useShownResult();
  const own = senderChecks.filter((c) => !inThenVsNow(metas, c));
  const thenVsNow = senderChecks.filter((c) => inThenVsNow(metas, c));
  return (
    <section class="sender-panel" aria-labelledby={route ? 'sender-title' : undefined} data-testid="sender-panel" tabIndex={-1}>
      {route && <SenderIdentity route={route} checks={state.checks} />}
      {route && <OriginalSender route={route} onUseAsSender={onUseAsSender} busy={busy} />}
      {warnings.length > 0 && <Warnings warnings={warnings} />}
      {senderChecks.length > 0 && (
        <ul class="verdict-strip" aria-label={t('verdictStripLabel')}>
          {own.map(({ result: c, position }) => (
            <li key={position}>
              <button type="button" class={`chip sev-${shown(c).severity}`} onClick={() => jumpTo(cardId(position))}>
                <span class="chip-label">
                  {checkLabel(c.check, 'shortLabel')}
                  {c.subject && (
                    <>
                      {' '}
                      <span class="chip-subject mono">
                        <Inert text={c.subject} max={CHIP_SUBJECT_CHARS} host />
                      </span>
                    </>
                  )}
                  <RoleTag role={role(c)} />
                </span>
                <ResultBadge result={shown(c).result} severity={shown(c).severity} />
              </button>
            </li>
          ))}
          {thenVsNow.length > 0 && (
            <li>
              <button type="button" class={`chip sev-${worstSeverity(thenVsNow)}`} onClick={() => jumpTo(thenVsNowTarget)}>
                <span class="chip-label">{checkLabel(thenVsNow[0]!.result.check, 'shortLabel')}</span>
                <ResultCounts checks={thenVsNow} />
              </button>
            </li>
          )}
        </ul>
      )}
      <StatusLine state={state} />
    </section>
  );
}

/** A chip names its subject in this many characters; the card below has it whole. */
const CHIP_SUBJECT_CHARS = 40;

/**
 * What is odd about the route (a loop, a stall, clocks that disagree) and about the input, beside
 * the sender it bears on rather than below the checks.
 */
function Warnings({ warnings }: { warnings: readonly Warning[] }) {
  return (
    <ul class="sender-warnings" data-testid="warnings" aria-label={t('routeWarningsLabel')}>
      {warnings.map((w, i) => (
        <li key={i}>
          <Inert text={w.text} />
        </li>
      ))}
    </ul>
  );
}

/** A name in the sender's headline is a real host name or nothing: this many characters show before "show all". */
const HEADLINE_CHARS = 100;

function SenderIdentity({ route, checks }: { route: Route; checks: readonly CheckResult[] }) {
  const { origin } = route;
  if (!origin) {
    return (
      <>
        <h2 id="sender-title" class="sender-line">
          {t('originNone')}
        </h2>
        {route.originMissingReason && (
          <p class="muted">
            <Inert text={route.originMissingReason} />
          </p>
        )}
      </>
    );
  }
  const hop = route.hops[origin.hopIndex];
  const names = hop ? clientNames(hop, checks) : [];
  // Only a name Hoplens verified stands beside the IP; the others are listed below it, each
  // saying who wrote it (a forged hop's HELO "mail.bank.example" is never the headline).
  const verified = names.find((n) => n.kind === 'verified');
  const others = names.filter((n) => n !== verified);
  return (
    <>
      <h2 id="sender-title" class="sender-line">
        <span class="sender-mark">{t('senderMark')}</span> <span class="mono">{origin.ip}</span>
        {verified && (
          <>
            {' '}
            <span class="mono sender-name" data-testid="sender-verified-name">
              <Inert text={verified.name} max={HEADLINE_CHARS} host />
            </span>{' '}
            <span class="name-kind">{nameKind(verified)}</span>
          </>
        )}
      </h2>
      {others.length > 0 && (
        <ul class="sender-names" data-testid="sender-names">
          {others.map((n, i) => (
            <li key={i}>
              <span class="name-kind">{nameKind(n)}:</span>{' '}
              <span class="mono">
                <Inert text={n.name} max={HEADLINE_CHARS} host />
              </span>
            </li>
          ))}
        </ul>
      )}
      <p class="sender-meta">
        {t('hopN', [origin.hopIndex + 1])} ·{' '}
        {isChosenOrigin(origin) ? (
          <span class="confidence confidence-chosen" data-testid="origin-standing">
            {t('originStandingChosen')}
          </span>
        ) : (
          <span class={`confidence confidence-${origin.confidence}`} data-testid="origin-standing">
            {t(`confidence_${origin.confidence}`)}
          </span>
        )}
      </p>
    </>
  );
}

/**
 * A forwarded or list message has two honest senders: the forwarder the final receiver checked
 * (the sender line) and the original sender's hop into the first receiver, offered here in one
 * click.
 */
function OriginalSender({ route, onUseAsSender, busy }: { route: Route; onUseAsSender: (hopIndex: number) => void; busy: boolean }) {
  const first = secondOrigin(route);
  if (!first) return null;
  // Only the address: the names a Received header gives are the sender's own or unverified.
  return (
    <div class="original-sender" data-testid="original-sender">
      <p class="sender-line-secondary">
        <span class="sender-mark">{t('originalSenderMark')}</span> <span class="mono">{first.ip}</span>{' '}
        <button type="button" class="small" disabled={busy} onClick={() => onUseAsSender(first.hopIndex)}>
          {t('originalSenderCheck')}
        </button>
      </p>
      <p class="sender-meta">{t('originalSenderNote', [first.hopIndex + 1])}</p>
    </div>
  );
}

/** What a name is, in the user's language: "PTR, verified now", "rDNS as recorded by mx.example.net", "HELO (chosen by the sender)". */
function nameKind(n: ClientName) {
  switch (n.kind) {
    case 'verified':
      return t('nameVerified');
    case 'recorded':
      return n.recordedBy ? (
        <>
          {t('nameRecordedBy')} <Inert text={n.recordedBy} max={HEADLINE_CHARS} host />
        </>
      ) : (
        t('nameRecorded')
      );
    case 'helo':
      return t('nameHelo');
  }
}

/** Brings a card (or section heading) into view and moves keyboard focus there. */
function jumpTo(id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}
