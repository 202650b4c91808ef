import { useEffect, useRef, useState } from 'preact/hooks';
import type { SourceInfo } from '../../worker-protocol.js';
import { binaryString } from '../../core/message/binary-string.js';
import { t } from '../../i18n.js';
import { loadSample } from '../sample.js';

interface Props {
  onMessage: (raw: string, source: SourceInfo) => void;
  /** Goes back to the report on screen; absent when there is none. */
  onCancel?: () => void;
  /** Text the box starts with: a draft kept from before the popup closed. */
  initialText?: string;
  /** Called on every edit of the paste box, for a draft keeper (which debounces). */
  onTextChange?: (text: string) => void;
  /** What became of the draft, announced politely; absent where drafts are not kept. */
  note?: string;
}

/**
 * The ways to hand Hoplens a message by hand: paste, choose or drop an .eml, or the bundled
 * sample. The text area is uncontrolled so that a multi-megabyte paste never re-renders per key.
 */
export function MessageInput({ onMessage, onCancel, initialText, onTextChange, note }: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [problem, setProblem] = useState('');
  const [dragging, setDragging] = useState(false);

  // Whenever the box appears it is what the user came to do: paste at once, no click first.
  useEffect(() => {
    area.current?.focus();
  }, []);

  const submitPaste = () => {
    const raw = area.current?.value ?? '';
    if (!raw.trim()) {
      setProblem(t('pasteEmpty'));
      area.current?.focus();
      return;
    }
    setProblem('');
    onMessage(raw, { kind: 'paste', label: t('sourcePasted') });
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      // The file's bytes, not its text: DKIM hashes the message exactly as it was saved.
      onMessage(binaryString(new Uint8Array(await file.arrayBuffer())), { kind: 'file', label: file.name, bytes: true });
      setProblem('');
    } catch (error) {
      setProblem(t('fileUnreadable', [file.name, error instanceof Error ? error.message : String(error)]));
    }
  };

  const trySample = async () => {
    try {
      onMessage(await loadSample(), { kind: 'file', label: t('sourceSample') });
      setProblem('');
    } catch (error) {
      setProblem(t('sampleUnavailable', [error instanceof Error ? error.message : String(error)]));
    }
  };

  return (
    <section class="message-input" aria-labelledby="input-title">
      <h2 id="input-title">{t('inputTitle')}</h2>
      <label for="paste-input">{t('pasteLabel')}</label>
      <textarea
        id="paste-input"
        ref={area}
        data-testid="paste-input"
        rows={10}
        spellcheck={false}
        autocomplete="off"
        placeholder={t('pastePlaceholder')}
        // In the box from its first paint: set in an effect, it came a frame later, after a reader had looked.
        defaultValue={initialText}
        aria-describedby={note === undefined ? 'paste-hint' : 'paste-hint draft-note'}
        onInput={onTextChange && ((e) => onTextChange(e.currentTarget.value))}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submitPaste();
          }
        }}
      />
      <div class="row">
        <button type="button" class="primary" data-testid="analyze-button" onClick={submitPaste}>
          {t('analyze')}
        </button>
        {onCancel && (
          <button type="button" data-testid="cancel-input" onClick={onCancel}>
            {t('cancelInput')}
          </button>
        )}
        <span id="paste-hint" class="muted small-text">
          {t('pasteHint')}
        </span>
      </div>
      {note !== undefined && (
        // Always in the page, so that a screen reader hears each change of the text, not only the first.
        <p id="draft-note" class="muted small-text" role="status" data-testid="draft-note">
          {note}
        </p>
      )}
      <div
        class={`dropzone${dragging ? ' dragging' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void readFile(e.dataTransfer?.files[0]);
        }}
      >
        <label for="eml-file">{t('fileLabel')}</label>
        <input
          id="eml-file"
          type="file"
          data-testid="file-input"
          accept=".eml,message/rfc822,text/plain"
          onChange={(e) => void readFile((e.currentTarget as HTMLInputElement).files?.[0])}
        />
      </div>
      <div class="row">
        <button type="button" data-testid="try-sample" onClick={() => void trySample()}>
          {t('trySample')}
        </button>
      </div>
      {problem && (
        <p class="notice notice-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
