import type { CheckResult } from '../../core/checks/types.js';
import { checkLabel } from '../../core/report/exporters/check-labels.js';
import { ResultBadge } from '../components/result-badge.js';
import { t, tOptional } from '../i18n.js';
import { EvidenceList } from './evidence-list.js';

/** One check result: its word, what it means, what to do, and the DNS answers behind it. */
export function CheckCard({ result: c, id }: { result: CheckResult; id: string }) {
  const titleId = `${id}-title`;
  const hasDetails = Object.keys(c.details).length > 0;
  return (
    <article class={`card check sev-${c.severity}`} data-testid="check-card" data-check={c.check} data-result={c.result} aria-labelledby={titleId}>
      <header class="card-head">
        <h3 id={titleId}>
          {tOptional(`check_${c.check}`) ?? checkLabel(c.check)} <span class="subject mono">{c.subject}</span>
        </h3>
        <ResultBadge result={c.result} severity={c.severity} />
      </header>
      <p class="check-summary">{c.summary}</p>
      {c.explanation && <p>{c.explanation}</p>}
      {c.hopIndex !== null && <p class="muted small-text">{t('checkAboutHop', [c.hopIndex + 1])}</p>}
      {c.advice.length > 0 && (
        <div class="advice">
          <h4>{t('adviceTitle')}</h4>
          <ul>
            {c.advice.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </div>
      )}
      {c.evidence.length > 0 && (
        <details class="evidence-box">
          <summary>{t('evidenceTitle', [c.evidence.length])}</summary>
          <EvidenceList evidence={c.evidence} />
        </details>
      )}
      {hasDetails && (
        <details>
          <summary>{t('detailsTitle')}</summary>
          <pre class="records">{JSON.stringify(c.details, null, 2)}</pre>
        </details>
      )}
    </article>
  );
}
