import browser from 'webextension-polyfill';
import { MB } from '../../core/message/limits.js';

/**
 * Largest draft kept, in UTF-16 code units. storage.session holds 10 MB for everything the
 * extension keeps there, the messages waiting for a report tab and the last analysis included.
 */
export const MAX_DRAFT_SIZE = 2 * MB;

/** How long typing must pause before the draft is written. */
export const DRAFT_DELAY_MS = 400;

/** What the note under the paste box says about the draft. */
export type DraftState = 'none' | 'kept' | 'restored' | 'too-large' | 'not-kept';

export interface DraftStore {
  load(): Promise<string | null>;
  /** Rejects when the text could not be kept. */
  save(text: string): Promise<void>;
  clear(): Promise<void>;
}

const KEY = 'draft';

/**
 * The popup's own storage.session: extension pages may use it (Chrome's default access level,
 * TRUSTED_CONTEXTS, leaves out only content scripts; Firefox since 115), it is never written to
 * disk and it outlives the popup until the browser closes.
 */
export const sessionDraftStore: DraftStore = {
  async load() {
    const text = (await browser.storage.session.get(KEY))[KEY];
    return typeof text === 'string' && text !== '' ? text : null;
  },
  save: (text) => browser.storage.session.set({ [KEY]: text }),
  clear: () => browser.storage.session.remove(KEY),
};

export interface DraftKeeper {
  /** The text in the box changed; it is saved once typing pauses. */
  edit(text: string): void;
  /** Saves a pending edit now: the popup is closing. */
  flush(): void;
  /** Forgets the draft: it was analysed. */
  clear(): void;
}

/**
 * Keeps the paste box's text in `store` as the user edits it, and reports what became of it.
 * A text over MAX_DRAFT_SIZE is not kept, and the shorter draft before it is dropped rather than
 * brought back later as if it were what the user had.
 */
export function draftKeeper(store: DraftStore, onState: (state: DraftState) => void, delayMs = DRAFT_DELAY_MS): DraftKeeper {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: string | null = null;
  // Whether the store may hold a draft; at first it may, from an earlier popup.
  let stored = true;

  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    pending = null;
  };
  const drop = () => {
    if (!stored) return;
    stored = false;
    void store.clear().catch(() => {
      // Nothing to tell: at worst the popup offers the old text again next time.
    });
  };
  const save = () => {
    const text = pending;
    cancel();
    if (text === null) return;
    if (text.trim() === '') {
      drop();
      onState('none');
      return;
    }
    stored = true;
    store.save(text).then(
      () => onState('kept'),
      () => {
        // An older, shorter draft may still be there; it is not what the user has now.
        drop();
        onState('not-kept');
      },
    );
  };

  return {
    edit(text) {
      if (text.length > MAX_DRAFT_SIZE) {
        cancel();
        drop();
        onState('too-large');
        return;
      }
      pending = text;
      clearTimeout(timer);
      timer = setTimeout(save, delayMs);
    },
    flush: save,
    clear() {
      cancel();
      drop();
      onState('none');
    },
  };
}
