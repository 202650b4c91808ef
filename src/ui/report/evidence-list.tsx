import { Fragment } from 'preact';
import type { Evidence } from '../../core/dns/evidence.js';
import { evidenceEntry } from '../../core/report/evidence-lines.js';
import { tPhrase as say } from '../../i18n.js';
import { Inert } from '../components/inert.js';

/** Each DNS question a check asked, what came back, from where, and whether it was cached. */
export function EvidenceList({ evidence }: { evidence: readonly Evidence[] }) {
  return (
    <ol class="evidence">
      {evidence.map(evidenceEntry).map((e, i) => (
        <li key={i}>
          <p>
            <span class="mono">
              <Inert text={e.name} host /> {e.type}
            </span>{' '}
            →{' '}
            {e.outcome.kind === 'rcode' ? (
              <span class="mono">{e.outcome.rcode}</span>
            ) : (
              <span class="evidence-error">
                <Inert text={say(e.outcome.phrase)} />
              </span>
            )}
          </p>
          {e.empty && <p class="muted">{say(e.empty)}</p>}
          {e.records.length > 0 && (
            <pre class="records">
              {e.records.map((record, i) => (
                <Fragment key={i}>
                  {i > 0 && '\n'}
                  <Inert text={record} />
                </Fragment>
              ))}
            </pre>
          )}
          <p class="muted small-text">{e.source.map(say).join(' · ')}</p>
        </li>
      ))}
    </ol>
  );
}
