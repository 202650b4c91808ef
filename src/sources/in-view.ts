/** One message of an open conversation: its id for the webmail's route, how much of it is in view. */
export interface ViewedMessage {
  id: string;
  label: string;
  visible: number;
}

/** The user's choice when it is still there; else the message most in view; else the newest (last). */
export function pickInView<M extends ViewedMessage>(messages: readonly M[], choice?: string): M | null {
  if (choice) {
    const chosen = messages.find((m) => m.id === choice);
    if (chosen) return chosen;
  }
  let best: M | null = null;
  for (const m of messages) if (m.visible > 0 && (!best || m.visible >= best.visible)) best = m;
  return best ?? messages.at(-1) ?? null;
}

/** The conversation's messages in page order, one entry per id (a page may repeat an id on nested elements). */
export function mergeViews(views: readonly { id: string | null; label: string; visible: number }[]): ViewedMessage[] {
  const byId = new Map<string, ViewedMessage>();
  for (const v of views) {
    if (!v.id) continue;
    const seen = byId.get(v.id);
    if (!seen) byId.set(v.id, { id: v.id, label: v.label, visible: v.visible });
    else byId.set(v.id, { id: v.id, label: seen.label || v.label, visible: Math.max(seen.visible, v.visible) });
  }
  return [...byId.values()];
}
