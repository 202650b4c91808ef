import { t } from '../i18n.js';
import { gatherFrom } from '../sources/index.js';
import { activeTabContext } from './active-tab.js';
import type { GatherResult, RuntimeReplies, RuntimeRequest } from '../worker-protocol.js';
import { testResolver } from './resolver-test.js';
import { lastAnalysisLabel, recallLast, rememberLast, stash, takeStash } from './stash.js';

const TYPES: ReadonlySet<string> = new Set<RuntimeRequest['type']>([
  'gather-active-tab',
  'stash',
  'take-stash',
  'remember-last',
  'last-analysis',
  'recall-last',
  'test-resolver',
]);

export function isRuntimeRequest(message: unknown): message is RuntimeRequest {
  return typeof message === 'object' && message !== null && TYPES.has((message as { type?: unknown }).type as string);
}

export async function answer(request: RuntimeRequest): Promise<RuntimeReplies[RuntimeRequest['type']]> {
  switch (request.type) {
    case 'gather-active-tab':
      return gatherActiveTab(request.choice);
    case 'stash':
      return { id: await stash({ raw: request.raw, source: request.source }) };
    case 'take-stash':
      return takeStash(request.id);
    case 'remember-last':
      await rememberLast({ raw: request.raw, source: request.source });
      return null;
    case 'last-analysis':
      return lastAnalysisLabel();
    case 'recall-last':
      return recallLast();
    case 'test-resolver':
      return testResolver(request.url, request.timeoutMs);
  }
}

async function gatherActiveTab(choice?: string): Promise<GatherResult> {
  try {
    const tab = await activeTabContext();
    if (!tab) return { ok: false, reason: t('gatherNoTab'), pasteHelp: [] };
    return await gatherFrom(tab, choice);
  } catch (error) {
    return { ok: false, reason: t('gatherFailed', error instanceof Error ? error.message : String(error)), pasteHelp: [] };
  }
}
