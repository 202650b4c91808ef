import type { AnalysisState } from './analysis-state.js';
import { t } from '../../i18n.js';
import { Inert } from '../components/inert.js';

/** The report's summary once done; until then what is happening, counted. Read out politely. */
export function StatusLine({ state }: { state: AnalysisState }) {
  return (
    <div class="status-line" role="status" aria-live="polite">
      {state.report ? (
        <p class="summary" data-testid="summary">
          {/* Hoplens' own sentence, bounded by its parts (the checklist, an IP, one verified name): shown whole. */}
          <Inert text={state.report.summary} max={null} />
        </p>
      ) : (
        state.phase === 'running' && (
          <p class="progress" data-testid="progress">
            <span class="spinner" aria-hidden="true" />
            {progressText(state)}
          </p>
        )
      )}
    </div>
  );
}

function progressText(state: AnalysisState): string {
  if (!state.analysis) return t('progressReading');
  const parts = [t('progressChecks', [state.checks.length])];
  const dns = state.dns;
  if (dns) {
    parts.push(t('progressDns', [dns.answered, dns.asked, dns.pending]));
    if (dns.failed > 0) parts.push(t('progressDnsFailed', [dns.failed]));
  }
  return parts.join(' · ');
}
