import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, loadSettings, originPattern, requestResolverPermission, saveSettings, type Settings, TIMEOUT_RANGE_MS } from '../../settings.js';
import { DEFAULT_DEADLINE_MS } from '../../core/dns/deadline.js';
import { BUILTIN_RESOLVERS } from '../../core/dns/builtin.js';
import { t } from '../../i18n.js';
import { MB } from '../../core/message/limits.js';
import { LAST_TTL_MS, MAX_KEPT_REPORTS, STASH_TTL_MS } from '../../retention.js';
import { MAX_DRAFT_SIZE } from '../popup/draft.js';
import { ask } from '../runtime.js';

type Test =
  | { kind: 'idle' }
  | { kind: 'asking'; url: string }
  | ({ url: string } & ({ kind: 'answered'; lines: string[] } | { kind: 'failed'; error: string }));

/**
 * "Test this resolver": asks the resolver chosen above one question, through the worker (which
 * runs the analyses), and shows the answer or the error, for this URL only.
 */
function ResolverTest({ url, timeoutMs }: { url: string; timeoutMs: number }) {
  const [test, setTest] = useState<Test>({ kind: 'idle' });
  const run = async () => {
    if (!originPattern(url)) {
      setTest({ kind: 'failed', url, error: t('customUrlInvalid') });
      return;
    }
    // The permission prompt must come straight from the click, as on Save.
    if (!(await requestResolverPermission(url))) {
      setTest({ kind: 'failed', url, error: t('permissionDenied', [new URL(url).host]) });
      return;
    }
    setTest({ kind: 'asking', url });
    try {
      const reply = await ask({ type: 'test-resolver', url, timeoutMs });
      setTest(reply.ok ? { kind: 'answered', url, lines: reply.lines } : { kind: 'failed', url, error: reply.error });
    } catch (error) {
      setTest({ kind: 'failed', url, error: error instanceof Error ? error.message : String(error) });
    }
  };
  const shown = test.kind !== 'idle' && test.url === url ? test : null;
  return (
    <div class="resolver-test">
      <button type="button" data-testid="test-resolver" disabled={shown?.kind === 'asking'} onClick={() => void run()}>
        {t('resolverTest')}
      </button>{' '}
      <span class="muted small-text">{t('resolverTestNote')}</span>
      <div role="status" aria-live="polite" data-testid="resolver-test-result">
        {shown?.kind === 'asking' && <p class="muted">{t('resolverTestAsking')}</p>}
        {shown?.kind === 'answered' && (
          <>
            <p>{t('resolverTestAnswered')}</p>
            <pre class="records">{shown.lines.join('\n')}</pre>
          </>
        )}
        {shown?.kind === 'failed' && <p class="field-error">{t('resolverTestFailed', [shown.error])}</p>}
      </div>
    </div>
  );
}

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'problem'; text: string };

/** Thunderbird's own API is there: the automatic check of displayed messages applies. */
const inThunderbird = () => typeof (browser as unknown as { messageDisplay?: unknown }).messageDisplay === 'object';

/** Resolver, timeout and no-DNS mode, with a plain statement of what leaves the browser. */
export function OptionsPage() {
  const [draft, setDraft] = useState<Settings | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [urlError, setUrlError] = useState('');

  useEffect(() => {
    loadSettings()
      .then(setDraft)
      .catch((error: unknown) => {
        setDraft({ ...DEFAULT_SETTINGS });
        setStatus({ kind: 'problem', text: t('optionsLoadFailed', [error instanceof Error ? error.message : String(error)]) });
      });
  }, []);

  if (!draft) return <p role="status">{t('optionsLoading')}</p>;
  const update = (change: Partial<Settings>) => {
    setDraft({ ...draft, ...change });
    setStatus({ kind: 'idle' });
  };
  const resolverUrl = draft.resolver === 'custom' ? draft.customResolverUrl.trim() : (BUILTIN_RESOLVERS.find((r) => r.id === draft.resolver)?.url ?? '');
  const resolverName = draft.resolver === 'custom' ? resolverUrl || t('resolverCustom') : (BUILTIN_RESOLVERS.find((r) => r.id === draft.resolver)?.label ?? '');

  const save = async (event: Event) => {
    event.preventDefault();
    // With no DNS the resolver is not used: a half-typed custom URL must not block saving.
    if (!draft.noDns && draft.resolver === 'custom' && !originPattern(resolverUrl)) {
      setUrlError(t('customUrlInvalid'));
      document.getElementById('custom-url')?.focus();
      return;
    }
    setUrlError('');
    try {
      // The permission prompt must come straight from the click: no other await before it.
      if (!draft.noDns && !(await requestResolverPermission(resolverUrl))) {
        setStatus({ kind: 'problem', text: t('permissionDenied', [new URL(resolverUrl).host]) });
        return;
      }
      await saveSettings({ ...draft, customResolverUrl: draft.customResolverUrl.trim() });
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'problem', text: t('optionsSaveFailed', [error instanceof Error ? error.message : String(error)]) });
    }
  };

  return (
    <main class="options">
      <h1>{t('optionsHeading')}</h1>
      <form onSubmit={(e) => void save(e)} noValidate>
        <fieldset disabled={draft.noDns} aria-describedby={draft.noDns ? 'resolver-off-note' : undefined}>
          <legend>{t('resolverLegend')}</legend>
          {draft.noDns && (
            <p id="resolver-off-note" class="muted small-text" data-testid="resolver-off-note">
              {t('resolverOffNote')}
            </p>
          )}
          {BUILTIN_RESOLVERS.map((r) => (
            <div class="radio" key={r.id}>
              <input
                type="radio"
                id={`resolver-${r.id}`}
                name="resolver"
                value={r.id}
                checked={draft.resolver === r.id}
                onChange={() => update({ resolver: r.id })}
                aria-describedby={`resolver-${r.id}-note`}
              />
              <label for={`resolver-${r.id}`}>
                {r.label} <span class="mono muted">{new URL(r.url).host}</span>
              </label>
              <p id={`resolver-${r.id}-note`} class="muted small-text">
                {r.privacy}
              </p>
            </div>
          ))}
          <div class="radio">
            <input
              type="radio"
              id="resolver-custom"
              name="resolver"
              value="custom"
              checked={draft.resolver === 'custom'}
              onChange={() => update({ resolver: 'custom' })}
            />
            <label for="resolver-custom">{t('resolverCustom')}</label>
          </div>
          <div class="custom-url">
            <label for="custom-url">{t('customUrlLabel')}</label>
            <input
              id="custom-url"
              type="url"
              inputMode="url"
              spellcheck={false}
              placeholder="https://dns.example/dns-query"
              value={draft.customResolverUrl}
              disabled={draft.resolver !== 'custom'}
              aria-invalid={urlError ? true : undefined}
              aria-describedby="custom-url-help"
              onInput={(e) => update({ customResolverUrl: (e.currentTarget as HTMLInputElement).value })}
            />
            <p id="custom-url-help" class={urlError ? 'field-error' : 'muted small-text'}>
              {urlError || t('customUrlHelp')}
            </p>
          </div>
          <ResolverTest url={resolverUrl} timeoutMs={draft.timeoutMs} />
        </fieldset>
        <div class="field">
          <label for="timeout">{t('timeoutLabel')}</label>
          <input
            id="timeout"
            type="number"
            min={TIMEOUT_RANGE_MS.min / 1000}
            max={TIMEOUT_RANGE_MS.max / 1000}
            step={0.5}
            value={draft.timeoutMs / 1000}
            aria-describedby="timeout-help"
            onInput={(e) => {
              const seconds = (e.currentTarget as HTMLInputElement).valueAsNumber;
              if (Number.isFinite(seconds)) update({ timeoutMs: Math.round(Math.min(TIMEOUT_RANGE_MS.max, Math.max(TIMEOUT_RANGE_MS.min, seconds * 1000))) });
            }}
          />
          <p id="timeout-help" class="muted small-text">
            {t('timeoutHelp', [String(TIMEOUT_RANGE_MS.min / 1000), String(TIMEOUT_RANGE_MS.max / 1000), String(DEFAULT_DEADLINE_MS / 1000)])}
          </p>
        </div>
        <div class="field checkbox">
          <input id="no-dns" type="checkbox" checked={draft.noDns} onChange={(e) => update({ noDns: (e.currentTarget as HTMLInputElement).checked })} />
          <label for="no-dns">{t('noDnsLabel')}</label>
        </div>
        {inThunderbird() && (
          <div class="field checkbox">
            <input
              id="check-on-open"
              type="checkbox"
              data-testid="check-on-open"
              checked={draft.checkOnOpen}
              aria-describedby="check-on-open-note"
              onChange={(e) => update({ checkOnOpen: (e.currentTarget as HTMLInputElement).checked })}
            />
            <label for="check-on-open">{t('checkOnOpenLabel')}</label>
            <p id="check-on-open-note" class="muted small-text">
              {t('checkOnOpenNote')}
            </p>
          </div>
        )}
        <section class="privacy" aria-labelledby="privacy-title" data-testid="privacy-statement">
          <h2 id="privacy-title">{t('privacyTitle')}</h2>
          <p>{draft.noDns ? t('privacyNoDns') : t('privacyLive', [resolverName])}</p>
          <p>{t('privacyNever')}</p>
          <h3>{t('keptTitle')}</h3>
          <ul data-testid="kept-statement">
            <li>{t('keptLast', [LAST_TTL_MS / 60_000])}</li>
            <li>{t('keptStash', [STASH_TTL_MS / 60_000])}</li>
            <li>{t('keptDraft', [MAX_DRAFT_SIZE / MB])}</li>
            <li>{t('keptReports', [MAX_KEPT_REPORTS])}</li>
            <li>{t('keptWhere')}</li>
          </ul>
        </section>
        <div class="row">
          <button type="submit" class="primary" data-testid="save-options">
            {t('optionsSave')}
          </button>
          <span role="status" aria-live="polite" data-testid="save-status" class={status.kind === 'problem' ? 'field-error' : 'muted'}>
            {status.kind === 'saved' ? t('optionsSaved') : status.kind === 'problem' ? status.text : ''}
          </span>
        </div>
      </form>
    </main>
  );
}
