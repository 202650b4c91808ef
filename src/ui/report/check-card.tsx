import type { AnyVerdict } from '../../core/checks/types.js';
import { ResultBadge } from '../components/result-badge.js';
import { t, tPhrase } from '../../i18n.js';
import { evidenceTitle } from '../../core/report/evidence-lines.js';
import { Inert } from '../components/inert.js';
import { RoleTag } from '../components/role-tag.js';
import { useCheckLabel, useShownResult, useSubjectRole } from './check-label.js';
import { EvidenceList } from './evidence-list.js';

interface Props {
  result: AnyVerdict;
  id: string;
  /** "row": one line led by the result, for long lists of comparisons (then vs now). */
  variant?: 'card' | 'row';
}

/**
 * One check result: its word, what it means, what to do, and the DNS answers behind it. A result
 * with nothing to do keeps its explanation behind "Why"; anything else shows it outright.
 */
export function CheckCard({ result: c, id, variant = 'card' }: Props) {
  const titleId = `${id}-title`;
  const hasDetails = Object.keys(c.details).length > 0;
  // A temperror of a resolver that answered nothing: the banner above says why, once.
  const shown = useShownResult()(c);
  const explainInline = !shown.noResolver && c.severity !== 'ok' && c.explanation !== '';
  const explainFolded = c.severity === 'ok' && c.explanation !== '';
  const label = useCheckLabel()(c.check);
  const role = useSubjectRole()(c);
  const hop = c.hopIndex !== null && <span class="hop-tag">{t('hopN', [c.hopIndex + 1])}</span>;
  return (
    <article
      id={id}
      tabIndex={-1}
      class={`card check check-${variant} sev-${shown.severity}`}
      data-testid="check-card"
      data-check={c.check}
      data-result={c.result}
      aria-labelledby={titleId}
    >
      {variant === 'card' ? (
        <>
          <header class="card-head">
            <h3 id={titleId}>
              {label}{' '}
              <span class="subject mono">
                <Inert text={c.subject} />
              </span>
              <RoleTag role={role} />
            </h3>
            {hop}
            <ResultBadge result={shown.result} severity={shown.severity} />
          </header>
          <p class="check-summary">{shown.noResolver ? t('noResolverSummary') : <Inert text={c.summary} />}</p>
        </>
      ) : (
        <header class="card-head">
          <ResultBadge result={shown.result} severity={shown.severity} />
          <h3 id={titleId} class="check-summary">
            <Inert text={c.summary} /> <span class="sr-only">{label}</span>
          </h3>
          <span class="subject mono">
            <Inert text={c.subject} />
          </span>
        </header>
      )}
      {explainInline && (
        <p>
          <Inert text={c.explanation} />
        </p>
      )}
      {!shown.noResolver && c.advice.length > 0 && (
        <div class="advice">
          <h4>{t('adviceTitle')}</h4>
          <ul>
            {c.advice.map((a, i) => (
              <li key={i}>
                <Inert text={a} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {(explainFolded || c.evidence.length > 0 || hasDetails) && (
        <div class="disclosures">
          {(explainFolded || c.evidence.length > 0) && (
            <details class="evidence-box">
              <summary>{whyLabel(explainFolded, c.evidence.length)}</summary>
              {explainFolded && (
                <p>
                  <Inert text={c.explanation} />
                </p>
              )}
              {c.evidence.length > 0 && <EvidenceList evidence={c.evidence} />}
            </details>
          )}
          {hasDetails && (
            <details class="raw-details">
              <summary>{t('detailsTitle')}</summary>
              <pre class="records">{JSON.stringify(c.details, null, 2)}</pre>
            </details>
          )}
        </div>
      )}
    </article>
  );
}

function whyLabel(explanation: boolean, questions: number): string {
  if (!explanation) return tPhrase(evidenceTitle(questions));
  return questions > 0 ? t('whyAndEvidence', [questions]) : t('whyTitle');
}
