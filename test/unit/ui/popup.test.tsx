// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnalysisRequest, AnalysisUpdate, GatherResult, RuntimeReplies, RuntimeRequest } from '../../../src/worker-protocol.js';
import { DRAFT_DELAY_MS } from '../../../src/ui/popup/draft.js';
import { Popup } from '../../../src/ui/popup/popup.js';
import { sampleReport } from '../../fixtures/reports/sample-report.js';
import { browser, sessionItems } from './fake-browser.js';
import { missingKeys } from './fake-i18n.js';
import { mount, settle } from './render.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).browser }));

const NO_MESSAGE: GatherResult = { ok: false, reason: 'This tab shows no message.', pasteHelp: [] };
const TAB_MESSAGE: GatherResult = {
  ok: true,
  raw: 'Subject: from the tab\r\n\r\n',
  source: { kind: 'gmail', label: 'Gmail — message in view' },
  choices: [],
  chosen: null,
};
const LAST_RAW = 'Received: from a by b; Wed, 01 May 2024 10:00:00 +0000\r\nSubject: Quarterly report — draft 2\r\n\r\n';

/** The worker as the popup sees it: replies by request type, every request recorded. */
function worker(gather: GatherResult, last: { subject: string | null; raw: string } | null) {
  const asked: RuntimeRequest[] = [];
  browser.runtime.sendMessage.mockImplementation(async (request: RuntimeRequest): Promise<RuntimeReplies[RuntimeRequest['type']]> => {
    asked.push(request);
    switch (request.type) {
      case 'gather-active-tab':
        return gather;
      case 'last-analysis':
        return last && { subject: last.subject, source: { kind: 'paste', label: 'pasted text' } };
      case 'recall-last':
        return last && { raw: last.raw, source: { kind: 'paste', label: 'pasted text' } };
      default:
        return null;
    }
  });
  return asked;
}

/** Every analysis port the popup opens: what it was sent, and a way to answer on it. */
function ports() {
  const opened: { sent: AnalysisRequest[]; answer(update: AnalysisUpdate): void }[] = [];
  browser.runtime.connect.mockImplementation(() => {
    const listeners: ((m: unknown) => void)[] = [];
    const port = {
      sent: [] as AnalysisRequest[],
      answer: (update: AnalysisUpdate) => {
        for (const l of listeners) l(update);
      },
    };
    opened.push(port);
    return {
      postMessage: (m: AnalysisRequest) => port.sent.push(m),
      disconnect: vi.fn(),
      onMessage: { addListener: (l: (m: unknown) => void) => listeners.push(l) },
      onDisconnect: { addListener: vi.fn() },
    };
  });
  return opened;
}

const byTestId = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

async function openPopup(): Promise<HTMLElement> {
  const root = await mount(<Popup />);
  await settle();
  await settle();
  return root;
}

beforeEach(() => {
  document.body.innerHTML = '';
  sessionItems.clear();
  missingKeys.clear();
  vi.clearAllMocks();
});

describe('popup: the last analysis', () => {
  it('offers it by subject when the tab has no message, and runs it again on a click', async () => {
    const asked = worker(NO_MESSAGE, { subject: 'Quarterly report — draft 2', raw: LAST_RAW });
    const opened = ports();
    const root = await openPopup();
    const offer = byTestId(root, 'show-last-analysis') as HTMLButtonElement;
    expect(offer.tagName).toBe('BUTTON');
    expect(offer.disabled).toBe(false);
    expect(offer.textContent).toBe('Show the last analysis: Quarterly report — draft 2');
    // Beside the paste flow, not instead of it.
    expect(byTestId(root, 'paste-input')).not.toBeNull();
    expect(opened).toHaveLength(0);

    await act(() => offer.click());
    await settle();
    expect(opened).toHaveLength(1);
    expect(opened[0]!.sent).toEqual([{ type: 'analyze', raw: LAST_RAW, source: { kind: 'paste', label: 'pasted text' } }]);
    // It is the last one already: not written again.
    expect(asked.filter((r) => r.type === 'remember-last')).toEqual([]);
    expect(byTestId(root, 'show-last-analysis')).toBeNull();
    expect(missingKeys).toEqual(new Set());
  });

  it('names it by its source when its subject never came, and a long subject in short', async () => {
    worker(NO_MESSAGE, { subject: null, raw: LAST_RAW });
    ports();
    let root = await openPopup();
    expect(byTestId(root, 'show-last-analysis')?.textContent).toBe('Show the last analysis: pasted text');

    document.body.innerHTML = '';
    const long = `Re: ${'a very long subject line '.repeat(10)}`;
    worker(NO_MESSAGE, { subject: long, raw: LAST_RAW });
    root = await openPopup();
    const offer = byTestId(root, 'show-last-analysis')!;
    expect(Array.from(offer.textContent!.replace('Show the last analysis: ', ''))).toHaveLength(80);
    expect(offer.title).toBe(long);
  });

  it('says so when the worker no longer has it', async () => {
    const asked = worker(NO_MESSAGE, { subject: 'gone', raw: LAST_RAW });
    const opened = ports();
    const root = await openPopup();
    browser.runtime.sendMessage.mockImplementation(async (request: RuntimeRequest) => {
      asked.push(request);
      return null;
    });
    await act(() => byTestId(root, 'show-last-analysis')!.click());
    await settle();
    expect(opened).toHaveLength(0);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('The last analysis is no longer available');
  });

  it("lets the tab's own message win, and remembers that one in the one message sent as it starts", async () => {
    const asked = worker(TAB_MESSAGE, { subject: 'older', raw: LAST_RAW });
    const opened = ports();
    const root = await openPopup();
    expect(byTestId(root, 'show-last-analysis')).toBeNull();
    expect(opened[0]!.sent[0]).toMatchObject({ type: 'analyze', raw: TAB_MESSAGE.raw });
    // The worker reads the subject from it: nothing the popup could fail to send after closing.
    expect(asked.filter((r) => r.type === 'remember-last')).toEqual([{ type: 'remember-last', raw: TAB_MESSAGE.raw, source: TAB_MESSAGE.source }]);
    await act(() => opened[0]!.answer({ type: 'progress', event: { type: 'route', analysis: sampleReport, checkMeta: sampleReport.checkMeta } }));
    await act(() => opened[0]!.answer({ type: 'progress', event: { type: 'done', report: sampleReport } }));
    await settle();
    expect(asked.filter((r) => !['gather-active-tab', 'last-analysis'].includes(r.type))).toEqual([
      { type: 'remember-last', raw: TAB_MESSAGE.raw, source: TAB_MESSAGE.source },
    ]);
  });

  it("shows the sender's subject as inert text in its own isolate", async () => {
    worker(NO_MESSAGE, { subject: 'Invoice \u202efdp.exe\u001b[2J', raw: LAST_RAW });
    ports();
    const root = await openPopup();
    const offer = byTestId(root, 'show-last-analysis')!;
    expect(offer.textContent).toBe('Show the last analysis: Invoice ⟨RLO⟩fdp.exe⟨ESC⟩[2J');
    expect(offer.querySelector('bdi')?.textContent).toBe('Invoice ⟨RLO⟩fdp.exe⟨ESC⟩[2J');
  });
});

describe('popup: the draft in the paste box', () => {
  it('comes back when the popup reopens on a tab without a message, said politely', async () => {
    sessionItems.set('draft', 'Received: from half a paste');
    worker(NO_MESSAGE, null);
    ports();
    const root = await openPopup();
    expect((byTestId(root, 'paste-input') as HTMLTextAreaElement).value).toBe('Received: from half a paste');
    const note = byTestId(root, 'draft-note')!;
    expect(note.getAttribute('role')).toBe('status');
    expect(note.textContent).toBe('This is the text you had not analyzed yet when the popup closed.');
    expect(byTestId(root, 'paste-input')?.getAttribute('aria-describedby')).toContain('draft-note');
    expect(byTestId(root, 'show-last-analysis')).toBeNull();
  });

  it('is kept as the user types, over-size text is not, and it is gone once analysed', async () => {
    const asked = worker(NO_MESSAGE, null);
    ports();
    const root = await openPopup();
    const area = byTestId(root, 'paste-input') as HTMLTextAreaElement;
    const note = byTestId(root, 'draft-note')!;
    expect(note.textContent).toBe('');

    vi.useFakeTimers();
    try {
      area.value = 'Received: from a by b; Wed, 01 May 2024 10:00:00 +0000\n';
      await act(async () => {
        area.dispatchEvent(new Event('input', { bubbles: true }));
        await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
      });
      expect(sessionItems.get('draft')).toBe(area.value);
      expect(note.textContent).toBe('Draft kept: it comes back if the popup closes before you analyze it.');

      const kept = area.value;
      area.value = `${kept}${'x'.repeat(2 * 1024 * 1024)}`;
      await act(async () => {
        area.dispatchEvent(new Event('input', { bubbles: true }));
        await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
      });
      expect(sessionItems.has('draft')).toBe(false);
      expect(note.textContent).toBe(
        'This text is over 2 MB, so it is not kept if the popup closes. Analyze it now, or save it as an .eml file and choose that.',
      );

      area.value = kept;
      await act(async () => {
        area.dispatchEvent(new Event('input', { bubbles: true }));
        await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
      });
      expect(sessionItems.get('draft')).toBe(kept);
    } finally {
      vi.useRealTimers();
    }

    await act(() => byTestId(root, 'analyze-button')!.click());
    await settle();
    expect(sessionItems.has('draft')).toBe(false);
    expect(asked).toContainEqual({ type: 'remember-last', raw: area.value, source: { kind: 'paste', label: 'pasted text' } });
  });

  it('is written at once when the popup closes during the pause', async () => {
    worker(NO_MESSAGE, null);
    ports();
    const root = await openPopup();
    const area = byTestId(root, 'paste-input') as HTMLTextAreaElement;
    area.value = 'Received: from a';
    await act(() => {
      area.dispatchEvent(new Event('input', { bubbles: true }));
      window.dispatchEvent(new Event('pagehide'));
    });
    await settle();
    expect(sessionItems.get('draft')).toBe('Received: from a');
  });
});
