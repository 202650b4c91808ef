import type { GatherResult } from '../worker-protocol.js';

/** What a source needs to know about the tab the user acted on. */
export interface TabContext {
  tabId: number;
  /** The tab's address; null when the browser does not disclose it (no permission, special page). */
  url: URL | null;
  /** True inside Thunderbird, where a tab can display a stored message. */
  mailClient: boolean;
}

/** One place a raw message can come from. Registered in ./index.ts; tried in that order. */
export interface MessageSource {
  /** The protocol's SourceInfo.kind. */
  id: string;
  /** What the user calls this source ("Gmail", "Outlook on the web"), in the browser's language. */
  label(): string;
  matches(tab: TabContext): boolean;
  /** `choice` is a MessageChoice id from an earlier gather of the same tab. */
  gather(tab: TabContext, choice?: string): Promise<GatherResult>;
}
