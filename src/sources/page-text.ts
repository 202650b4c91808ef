/**
 * Runs in the page (serialised by scripting.executeScript): the texts on it that may hold a raw
 * message, most specific first. Gmail's "show original" keeps it in pre#raw_message_text; other
 * "view source" views use a <pre> or a <textarea>; a text/plain .eml is the whole body.
 */
export function pageTextCandidates(): string[] {
  const out: string[] = [];
  const raw = document.querySelector('pre#raw_message_text');
  if (raw?.textContent) out.push(raw.textContent);
  const blocks = Array.from(document.querySelectorAll('pre, textarea'))
    .map((el) => (el instanceof HTMLTextAreaElement ? el.value : (el.textContent ?? '')))
    .filter((t) => t.length > 40)
    .sort((a, b) => b.length - a.length)
    .slice(0, 5);
  out.push(...blocks);
  // biome-ignore lint/performance/useDomNodeTextContent: innerText keeps the line breaks the page shows, which header parsing needs; textContent runs blocks together
  if (document.body) out.push(document.body.innerText);
  return out;
}
