import { Fragment, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { capText, SHOWN_CHARS } from '../../core/text/cap.js';
import { inertParts } from '../../core/text/inert.js';
import { t } from '../../i18n.js';

/** Longer than any DNS label (RFC 1035 §2.3.4): such a run may break anywhere, or it widens its column. */
const MAX_LABEL = 63;
const LONG_RUN = new RegExp(`(\\S{${MAX_LABEL + 1},})`);

interface Props {
  text: string;
  /** Characters shown before "show all"; null shows all at once. */
  max?: number | null;
  /** A host name: breaks only after its dots. */
  host?: boolean;
}

/**
 * One value from the message or DNS, as inert text: in its own <bdi> so that its direction
 * never reorders what stands beside it, each control or bidi character a visible marker, and a
 * value too long for the first screen cut with a "show all" button.
 */
export function Inert({ text, max = SHOWN_CHARS, host = false }: Props) {
  const [whole, setWhole] = useState(false);
  const cut = whole || max === null ? null : capText(text, max);
  const shown = cut ? cut.head : text;
  return (
    <>
      <bdi class="inert">
        {inertParts(shown).map((part, i) =>
          part.marker ? (
            <span key={i} class="ctl" title={part.name}>
              {part.text}
            </span>
          ) : (
            <Fragment key={i}>{host ? hostRuns(part.text) : longRuns(part.text)}</Fragment>
          ),
        )}
        {cut && '…'}
      </bdi>
      {(cut || whole) && (
        <button type="button" class="show-all small quiet" aria-expanded={whole} onClick={() => setWhole(!whole)}>
          {whole ? t('showLess') : t('showAll', [cut?.total ?? 0])}
        </button>
      )}
    </>
  );
}

/** Labels with a break opportunity after each dot, never inside a label that could be real. */
function hostRuns(text: string): ComponentChildren {
  return text.split('.').map((label, i) => (
    <Fragment key={i}>
      {i > 0 && (
        <>
          .<wbr />
        </>
      )}
      {longRuns(label)}
    </Fragment>
  ));
}

/** Words longer than any real label may break anywhere: they are the attack, not a name to keep whole. */
function longRuns(text: string): ComponentChildren {
  if (text.length <= MAX_LABEL) return text;
  return text.split(LONG_RUN).map((run, i) =>
    i % 2 ? (
      <span key={i} class="long-run">
        {run}
      </span>
    ) : (
      run
    ),
  );
}
