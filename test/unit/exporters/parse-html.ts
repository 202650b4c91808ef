import { Window } from 'happy-dom';

/** Parses markup the way a browser would, without running anything, to ask what elements it makes. */
export function parseHtml(html: string): Document {
  const window = new Window();
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** Every element or attribute that could run script or navigate. */
export function liveParts(doc: Document): string[] {
  const found: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'img', 'a', 'iframe', 'object', 'embed', 'form', 'link', 'base', 'svg'].includes(tag)) found.push(`<${tag}>`);
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name) || ['href', 'src', 'action', 'formaction'].includes(attr.name.toLowerCase())) found.push(`${tag}[${attr.name}]`);
    }
  }
  return found;
}
