/**
 * Lexical pieces of the key=value trace fields (Authentication-Results, RFC 8601 §2.2, and
 * Received-SPF, RFC 7208 §9.1): words, quoted strings, nested comments, and the ";" and "="
 * that give them structure. One pass, no backtracking; an unclosed comment or quote ends at the
 * end of the value.
 */
export type ClaimToken =
  | { kind: 'word'; text: string; spaced: boolean }
  | { kind: 'quoted'; text: string; spaced: boolean }
  | { kind: 'comment'; text: string; spaced: boolean }
  | { kind: ';' | '='; text: string; spaced: boolean };

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const ENDS_WORD = new Set([' ', '\t', '\r', '\n', '(', '"', ';', '=']);

export function tokenizeClaim(value: string): ClaimToken[] {
  const tokens: ClaimToken[] = [];
  let i = 0;
  let spaced = false;
  while (i < value.length) {
    const c = value[i]!;
    if (isSpace(c)) {
      spaced = true;
      i++;
      continue;
    }
    if (c === ';' || c === '=') {
      tokens.push({ kind: c, text: c, spaced });
      i++;
    } else if (c === '(') {
      // Pieces between escapes are sliced, not added a character at a time: a 1 MB comment
      // built by += costs seconds in a JavaScript engine, slices cost one copy.
      let depth = 1;
      const pieces: string[] = [];
      i++;
      let from = i;
      while (i < value.length && depth > 0) {
        const d = value[i]!;
        if (d === '\\' && i + 1 < value.length) {
          pieces.push(value.slice(from, i), value[i + 1]!);
          i += 2;
          from = i;
          continue;
        }
        if (d === '(') depth++;
        if (d === ')') depth--;
        i++;
      }
      pieces.push(value.slice(from, depth === 0 ? i - 1 : i));
      tokens.push({ kind: 'comment', text: pieces.join('').trim(), spaced });
    } else if (c === '"') {
      const pieces: string[] = [];
      i++;
      let from = i;
      while (i < value.length && value[i] !== '"') {
        if (value[i] === '\\' && i + 1 < value.length) {
          pieces.push(value.slice(from, i));
          i++;
          from = i;
        }
        i++;
      }
      pieces.push(value.slice(from, i));
      i++;
      tokens.push({ kind: 'quoted', text: pieces.join(''), spaced });
    } else {
      const start = i;
      while (i < value.length && !ENDS_WORD.has(value[i]!)) i++;
      // A stray ")" outside any comment would otherwise be an endless one-character word loop.
      if (i === start) i++;
      tokens.push({ kind: 'word', text: value.slice(start, i), spaced });
    }
    spaced = false;
  }
  return tokens;
}

/** Tokens split at top-level ";" (comments and quotes already hide theirs). */
export function splitAtSemicolons(tokens: readonly ClaimToken[]): ClaimToken[][] {
  const groups: ClaimToken[][] = [[]];
  for (const t of tokens) {
    if (t.kind === ';') groups.push([]);
    else groups[groups.length - 1]!.push(t);
  }
  return groups;
}

/**
 * Reads "key = value" pairs and the comments among them. A value runs on through adjacent
 * "=" and words ("header.b=abc==" keeps its base64 padding); a word without "=" after it is
 * returned as a bare word.
 */
export interface ClaimPair {
  key: string;
  value: string | null;
}

export interface ClaimItems {
  pairs: ClaimPair[];
  comments: string[];
}

export function readPairs(tokens: readonly ClaimToken[]): ClaimItems {
  const pairs: ClaimPair[] = [];
  const comments: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.kind === 'comment') {
      comments.push(t.text);
      i++;
      continue;
    }
    if (t.kind !== 'word' && t.kind !== 'quoted') {
      i++;
      continue;
    }
    let j = i + 1;
    while (tokens[j]?.kind === 'comment') j++;
    if (tokens[j]?.kind !== '=') {
      pairs.push({ key: t.text, value: null });
      i++;
      continue;
    }
    for (const c of tokens.slice(i + 1, j)) comments.push(c.text);
    j++;
    while (tokens[j]?.kind === 'comment') comments.push(tokens[j++]!.text);
    const first = tokens[j];
    if (!first || (first.kind !== 'word' && first.kind !== 'quoted')) {
      pairs.push({ key: t.text, value: '' });
      i = j;
      continue;
    }
    let value = first.text;
    j++;
    const domainPart = tokens[j];
    if (first.kind === 'quoted' && domainPart?.kind === 'word' && !domainPart.spaced && domainPart.text.startsWith('@')) {
      // A quoted local-part (RFC 8601 pvalue: "bad user"@example.net) keeps its quotes.
      value = `"${first.text}"${domainPart.text}`;
      j++;
    }
    while (first.kind === 'word' && tokens[j] && !tokens[j]!.spaced && (tokens[j]!.kind === '=' || tokens[j]!.kind === 'word')) {
      value += tokens[j]!.text;
      j++;
    }
    pairs.push({ key: t.text, value });
    i = j;
  }
  return { pairs, comments };
}
