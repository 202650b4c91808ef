import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionSession } from './browser.js';
import { attachTarget } from './cdp-target.js';

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

  const problems: string[] = [];
  const { send } = await attachTarget(cdp, popup.targetId, (description) => {
    problems.push(description);
    session.recordScriptError(`toolbar popup: ${description}`);
  });

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
