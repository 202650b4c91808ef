import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionSession } from './browser.js';

/** The toolbar popup Chromium opened, driven through the DevTools protocol (Playwright does not list it as a page). */
export interface ToolbarPopup {
  /** A script's value in the popup; rejects when the script throws. */
  evaluate<T>(expression: string): Promise<T>;
  /** Resolves once `expression` is truthy in the popup. */
  waitFor(expression: string, timeoutMs?: number): Promise<void>;
  /** Uncaught errors the popup's scripts threw so far. */
  problems: string[];
  close(): Promise<void>;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

const targets = async (cdp: CDPSession, type: string): Promise<TargetInfo[]> =>
  ((await cdp.send('Target.getTargets', { filter: [{ type }] })) as { targetInfos: TargetInfo[] }).targetInfos;

/**
 * A click on the extension's toolbar button over `tab`: Chromium's own action trigger
 * (Extensions.triggerAction) opens popup.html and grants activeTab on the tab, exactly as a
 * user's click or the keyboard shortcut does. Needs --enable-unsafe-extension-debugging.
 */
export async function clickToolbar(session: ExtensionSession, tab: Page): Promise<ToolbarPopup> {
  const cdp = await session.context.browser()!.newBrowserCDPSession();
  const tabTarget = (await targets(cdp, 'tab')).find((t) => t.url === tab.url());
  if (!tabTarget) throw new Error(`no tab target for ${tab.url()}`);
  const popupUrl = session.url('popup.html');
  const before = new Set((await targets(cdp, 'page')).filter((t) => t.url === popupUrl).map((t) => t.targetId));
  await cdp.send('Extensions.triggerAction', { id: session.extensionId, targetId: tabTarget.targetId });

  let popup: TargetInfo | undefined;
  for (let tries = 0; !popup && tries < 100; tries++) {
    popup = (await targets(cdp, 'page')).find((t) => t.url === popupUrl && !before.has(t.targetId));
    if (!popup) await new Promise((r) => setTimeout(r, 50));
  }
  if (!popup) throw new Error('the toolbar click opened no popup');

  // A non-flat session: Playwright's CDPSession cannot address a child session directly.
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: popup.targetId, flatten: false })) as { sessionId: string };
  const pending = new Map<number, (reply: { result?: unknown; error?: { message: string } }) => void>();
  const problems: string[] = [];
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; method?: string; params?: { exceptionDetails: { exception?: { description?: string }; text: string } } };
    if (message.id !== undefined) pending.get(message.id)?.(message as never);
    if (message.method === 'Runtime.exceptionThrown') {
      const details = message.params!.exceptionDetails;
      problems.push(details.exception?.description ?? details.text);
    }
  });
  let nextId = 1;
  const send = (method: string, params: object) =>
    new Promise<{ result?: unknown; error?: { message: string } }>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  await send('Runtime.enable', {});

  const evaluate = async <T>(expression: string): Promise<T> => {
    const reply = await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    const result = reply.result as { result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } } | undefined;
    if (reply.error || !result) throw new Error(`popup: ${reply.error?.message ?? 'no reply'}`);
    if (result.exceptionDetails) throw new Error(`popup: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
    return result.result.value;
  };
  return {
    evaluate,
    async waitFor(expression, timeoutMs = 30_000) {
      for (let waited = 0; !(await evaluate<boolean>(`Boolean(${expression})`)); waited += 50) {
        if (waited > timeoutMs) throw new Error(`popup: still waiting for ${expression}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    problems,
    async close() {
      await cdp.send('Target.closeTarget', { targetId: popup.targetId });
      await cdp.detach();
    },
  };
}
