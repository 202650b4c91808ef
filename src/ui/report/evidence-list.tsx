import { Fragment } from 'preact';
import type { Evidence } from '../../core/dns/evidence.js';
import { t } from '../../i18n.js';
import { Inert } from '../components/inert.js';

/** Each DNS question a check asked, what came back, from where, and whether it was cached. */
export function EvidenceList({ evidence }: { evidence: readonly Evidence[] }) {
  return (
    <ol class="evidence">
      {evidence.map((e, i) => (
        <li key={i}>
          <p>
            <span class="mono">
              <Inert text={e.question.name} host /> {e.question.type}
            </span>{' '}
            → {e.rcode !== null ? <span class="mono">{e.rcode}</span> : <span class="evidence-error">{t('evidenceNoAnswer', [e.error ?? ''])}</span>}
          </p>
          {e.records.length > 0 ? (
            <pre class="records">
              {e.records.map((record, i) => (
                <Fragment key={i}>
                  {i > 0 && '\n'}
                  <Inert text={record} />
                </Fragment>
              ))}
            </pre>
          ) : (
            e.rcode !== null && <p class="muted">{t('evidenceNoRecords')}</p>
          )}
          <p class="muted small-text">
            {t('evidenceResolver', [e.resolver])} · {e.fromCache ? t('evidenceCached') : t('evidenceElapsed', [e.elapsedMs])}
            {e.authenticated && ` · ${t('evidenceDnssec')}`}
          </p>
        </li>
      ))}
    </ol>
  );
}
