/** One tag of a tag=value list, with where its value sits in the parsed text. */
export interface Tag {
  /** The value with leading and trailing folding whitespace removed. */
  value: string;
  /** Offsets of the whole value, surrounding whitespace included (what b= blanking removes). */
  start: number;
  end: number;
}

export type TagList = { tags: Map<string, Tag>; error: null } | { tags: null; error: string };

const TAG_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * RFC 6376 §3.2: `tag-spec *( ";" tag-spec ) [ ";" ]`, whitespace allowed around names and
 * values. A tag named twice makes the whole list invalid (§3.2). One pass over the text.
 */
export function parseTagList(text: string): TagList {
  const tags = new Map<string, Tag>();
  for (let start = 0; start <= text.length; ) {
    const semi = text.indexOf(';', start);
    const end = semi < 0 ? text.length : semi;
    const eq = text.indexOf('=', start);
    if (eq < 0 || eq > end) {
      // Only the empty spec after a final ";" (or of an empty list) has no "=".
      if (semi < 0 && trimFws(text.slice(start)) === '') break;
      return { tags: null, error: `"${preview(text.slice(start, end))}" is not a tag=value pair` };
    }
    const name = trimFws(text.slice(start, eq));
    if (!TAG_NAME.test(name)) return { tags: null, error: `"${preview(name)}" is not a valid tag name` };
    if (tags.has(name)) return { tags: null, error: `the tag ${name}= appears twice (RFC 6376 §3.2 makes the whole list invalid)` };
    tags.set(name, { value: trimFws(text.slice(eq + 1, end)), start: eq + 1, end });
    if (semi < 0) break;
    start = semi + 1;
  }
  return { tags, error: null };
}

const PREVIEW = 40;

/** A short piece of hostile text for an error message. */
export function preview(text: string): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ').trim();
  return flat.length > PREVIEW ? `${flat.slice(0, PREVIEW)}…` : flat;
}

const isFws = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;

/** Folding whitespace off both ends. By hand: a regex anchored at the end is quadratic on long runs. */
export function trimFws(text: string): string {
  let from = 0;
  let to = text.length;
  while (from < to && isFws(text.charCodeAt(from))) from++;
  while (to > from && isFws(text.charCodeAt(to - 1))) to--;
  return text.slice(from, to);
}
