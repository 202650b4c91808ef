import { useEffect, useRef, useState } from 'preact/hooks';
import type { SourceInfo } from '../../background/protocol.js';
import { t } from '../i18n.js';
import { loadSample } from '../sample.js';

interface Props {
  onMessage: (raw: string, source: SourceInfo) => void;
  /** Goes back to the report on screen; absent when there is none. */
  onCancel?: () => void;
}

/**
 * The ways to hand Hoplens a message by hand: paste, choose or drop an .eml, or the bundled
 * sample. The text area is uncontrolled so that a multi-megabyte paste never re-renders per key.
 */
export function MessageInput({ onMessage, onCancel }: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [problem, setProblem] = useState('');
  const [dragging, setDragging] = useState(false);

  // Whenever the box appears it is what the user came to do: paste at once, no click first.
  useEffect(() => area.current?.focus(), []);

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
      onMessage(await file.text(), { kind: 'file', label: file.name });
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
        aria-describedby="paste-hint"
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
