import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { draftKeeper, MAX_DRAFT_SIZE, type DraftState, type DraftStore } from '../../../src/ui/popup/draft.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).browser }));

/** A store that records every call and can be told to refuse writes (storage.session full). */
function memoryStore(refuse = false) {
  const calls: string[] = [];
  let held: string | null = null;
  const store: DraftStore = {
    load: async () => held,
    async save(text) {
      calls.push(`save ${text.length}`);
      if (refuse) throw new Error('Session storage quota bytes exceeded.');
      held = text;
    },
    async clear() {
      calls.push('clear');
      held = null;
    },
  };
  return { store, calls, held: () => held };
}

function keeperWith(store: DraftStore) {
  const states: DraftState[] = [];
  return { keeper: draftKeeper(store, (s) => states.push(s), 400), states };
}

describe('draft keeper', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes once typing pauses, the latest text only', async () => {
    const m = memoryStore();
    const { keeper, states } = keeperWith(m.store);
    keeper.edit('R');
    await vi.advanceTimersByTimeAsync(399);
    keeper.edit('Re');
    await vi.advanceTimersByTimeAsync(399);
    keeper.edit('Received: from a');
    expect(m.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(400);
    expect(m.calls).toEqual(['save 16']);
    expect(m.held()).toBe('Received: from a');
    expect(states).toEqual(['kept']);
  });

  it('saves a pending edit at once when the popup closes, and only once', async () => {
    const m = memoryStore();
    const { keeper } = keeperWith(m.store);
    keeper.edit('Received: from a');
    keeper.flush();
    await vi.advanceTimersByTimeAsync(1000);
    keeper.flush();
    expect(m.calls).toEqual(['save 16']);
    expect(m.held()).toBe('Received: from a');
  });

  it('keeps a text of exactly the cap, not one over it, and drops the shorter draft before it', async () => {
    const m = memoryStore();
    const { keeper, states } = keeperWith(m.store);
    keeper.edit('x'.repeat(MAX_DRAFT_SIZE));
    await vi.advanceTimersByTimeAsync(400);
    expect(m.held()?.length).toBe(MAX_DRAFT_SIZE);
    keeper.edit('x'.repeat(MAX_DRAFT_SIZE + 1));
    expect(states.at(-1)).toBe('too-large');
    await vi.advanceTimersByTimeAsync(400);
    expect(m.held()).toBeNull();
    expect(m.calls).toEqual([`save ${MAX_DRAFT_SIZE}`, 'clear']);
    // Typing on in the over-size text neither writes nor clears again.
    keeper.edit('x'.repeat(MAX_DRAFT_SIZE + 2));
    await vi.advanceTimersByTimeAsync(400);
    expect(m.calls).toHaveLength(2);
  });

  it('cancels a pending write when the text grows over the cap before the pause', async () => {
    const m = memoryStore();
    const { keeper } = keeperWith(m.store);
    keeper.edit('Received: from a');
    keeper.edit('x'.repeat(MAX_DRAFT_SIZE + 1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(m.calls.filter((c) => c.startsWith('save'))).toEqual([]);
  });

  it('forgets the draft once analysed, pending edit included', async () => {
    const m = memoryStore();
    const { keeper, states } = keeperWith(m.store);
    keeper.edit('Received: from a');
    await vi.advanceTimersByTimeAsync(400);
    keeper.edit('Received: from a by b');
    keeper.clear();
    await vi.advanceTimersByTimeAsync(1000);
    expect(m.held()).toBeNull();
    expect(m.calls).toEqual(['save 16', 'clear']);
    expect(states).toEqual(['kept', 'none']);
  });

  it('clears a draft left by an earlier popup, and an emptied box', async () => {
    const m = memoryStore();
    await m.store.save('from before');
    m.calls.length = 0;
    const { keeper, states } = keeperWith(m.store);
    keeper.edit('  \n');
    await vi.advanceTimersByTimeAsync(400);
    expect(m.calls).toEqual(['clear']);
    expect(m.held()).toBeNull();
    expect(states).toEqual(['none']);
  });

  it('says so when the browser refuses the draft, and leaves no older one behind', async () => {
    const m = memoryStore(true);
    const { keeper, states } = keeperWith(m.store);
    keeper.edit('Received: from a');
    await vi.advanceTimersByTimeAsync(400);
    expect(states).toEqual(['not-kept']);
    expect(m.calls).toEqual(['save 16', 'clear']);
  });
});
