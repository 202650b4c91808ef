import type { CDPSession } from 'playwright-core';

export interface AttachedTarget {
  send(method: string, params?: object): Promise<{ result?: unknown; error?: { message: string } }>;
}

/**
 * A DevTools session on a target Playwright does not expose (the toolbar popup, the extension's
 * service worker), over a browser session. Non-flat: Playwright's CDPSession cannot address a
 * child session directly. `onException` hears every uncaught error the target throws from now on.
 */
export async function attachTarget(cdp: CDPSession, targetId: string, onException: (description: string) => void): Promise<AttachedTarget> {
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
  const pending = new Map<number, (reply: { result?: unknown; error?: { message: string } }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as {
      id?: number;
      method?: string;
      params?: { exceptionDetails: { exception?: { description?: string }; text: string } };
    };
    if (message.id !== undefined) pending.get(message.id)?.(message as never);
    if (message.method === 'Runtime.exceptionThrown') {
      const details = message.params!.exceptionDetails;
      onException(details.exception?.description ?? details.text);
    }
  });
  let nextId = 1;
  const send = (method: string, params: object = {}) =>
    new Promise<{ result?: unknown; error?: { message: string } }>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  await send('Runtime.enable');
  return { send };
}
