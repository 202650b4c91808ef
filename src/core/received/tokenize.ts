/**
 * Lexical structure of a Received: value (RFC 5322 §3.2): words (atoms, dot-atoms and domain
 * literals alike), quoted strings, comments that nest and contain quoted-pairs, angle
 * addresses and the ";" that precedes the date. One pass over the input, no backtracking.
 */

export interface WordToken {
  kind: 'word';
  text: string;
  start: number;
  end: number;
}

export interface QuotedToken {
  kind: 'quoted';
  /** Content with quoted-pairs resolved. */
  text: string;
  start: number;
  end: number;
}

export interface AngleToken {
  kind: 'angle';
  /** Content between "<" and ">". */
  text: string;
  start: number;
  end: number;
}

export interface SemicolonToken {
  kind: 'semicolon';
  text: ';';
  start: number;
  end: number;
}

export interface CommentToken {
  kind: 'comment';
  /** Everything between the parentheses, nested comments included, quoted-pairs resolved. */
  readonly text: string;
  /** The text at this level only, nested comments left out. */
  own: string;
  /** Nested comments, in order. */
  children: CommentToken[];
  start: number;
  end: number;
}

export type Token = WordToken | QuotedToken | AngleToken | SemicolonToken | CommentToken;

export interface TokenizeResult {
  tokens: Token[];
  warnings: string[];
}

/** RFC 5322 §2.2.3 unfolding, plus bare line breaks (pasted headers) read as spaces. */
export function unfold(value: string): string {
  return value.replace(/\r?\n(?=[ \t])/g, '').replace(/[\r\n]+/g, ' ');
}

function isWordChar(c: string): boolean {
  return !(c <= ' ' || c === '\x7f' || c === '(' || c === ')' || c === '"' || c === '<' || c === ';');
}

/**
 * C0 controls and DEL are not atext (RFC 5322 §3.2.3): they end a word like white space does,
 * so that no name carries a NUL or an escape sequence.
 */
const CONTROLS_AS_SPACE = 'control characters read as spaces';

/** Deeper nesting is read as text: no MTA nests that far, and hostile input must stay cheap. */
const MAX_DEPTH = 32;
/**
 * Comments kept per header, nested ones included. Real headers have a handful; past this, a
 * comment is scanned but not kept, so that a megabyte of "(x) " does not become a quarter of a
 * million objects for the garbage collector to carry.
 */
const MAX_COMMENT_TOKENS = 256;
const TOO_MANY_COMMENTS = `more than ${MAX_COMMENT_TOKENS} comments: the rest skipped`;

interface OpenComment {
  start: number;
  /** Where this level's current run of own text began. */
  segment: number;
  parts: string[] | null;
  children: CommentToken[] | null;
}

const NO_CHILDREN: CommentToken[] = [];

/**
 * The full text is computed on demand: building it at every nesting level would copy the
 * inner text once per level.
 */
class Comment implements CommentToken {
  readonly kind = 'comment' as const;
  readonly own: string;
  readonly children: CommentToken[];
  readonly start: number;
  readonly end: number;
  readonly #input: string;
  readonly #innerEnd: number;
  #text: string | undefined;

  constructor(input: string, open: OpenComment, innerEnd: number, end: number) {
    this.#input = input;
    this.#innerEnd = innerEnd;
    this.start = open.start;
    this.end = end;
    this.children = open.children ?? NO_CHILDREN;
    const tail = input.slice(open.segment, innerEnd);
    this.own = unquote(open.parts === null ? tail : open.parts.join('') + tail);
  }

  get text(): string {
    this.#text ??= unquote(this.#input.slice(this.start + 1, this.#innerEnd));
    return this.#text;
  }
}

function unquote(text: string): string {
  return text.includes('\\') ? text.replace(/\\([\s\S])/g, '$1') : text;
}

/** Splits an unfolded value into tokens. Never throws; oddities become warnings. */
export function tokenize(input: string): TokenizeResult {
  const tokens: Token[] = [];
  const warnings = new Set<string>();
  const budget = { comments: MAX_COMMENT_TOKENS };
  const n = input.length;
  // Once a "<" finds no ">" after it, no later "<" will either: searching again would be quadratic.
  let noCloseAngle = false;
  let i = 0;
  while (i < n) {
    const c = input[i] as string;
    if (c <= ' ' || c === '\x7f') {
      if (c !== ' ' && c !== '\t') warnings.add(CONTROLS_AS_SPACE);
      i++;
      continue;
    }
    if (c === ';') {
      tokens.push({ kind: 'semicolon', text: ';', start: i, end: i + 1 });
      i++;
      continue;
    }
    if (c === ')') {
      warnings.add('unbalanced ")" ignored');
      i++;
      continue;
    }
    if (c === '(') {
      i = readComment(input, i, tokens, warnings, budget);
      continue;
    }
    if (c === '"') {
      const start = i;
      const out: string[] = [];
      i++;
      let closed = false;
      while (i < n) {
        const d = input[i] as string;
        if (d === '\\' && i + 1 < n) {
          out.push(input[i + 1] as string);
          i += 2;
        } else if (d === '"') {
          i++;
          closed = true;
          break;
        } else {
          out.push(d);
          i++;
        }
      }
      if (!closed) warnings.add('unterminated quoted string');
      tokens.push({ kind: 'quoted', text: out.join(''), start, end: i });
      continue;
    }
    if (c === '<' && !noCloseAngle) {
      const close = input.indexOf('>', i + 1);
      if (close >= 0) {
        tokens.push({ kind: 'angle', text: input.slice(i + 1, close).trim(), start: i, end: close + 1 });
        i = close + 1;
        continue;
      }
      noCloseAngle = true;
      warnings.add('unterminated "<"');
    }
    const start = i;
    i++;
    while (i < n && isWordChar(input[i] as string)) i++;
    tokens.push({ kind: 'word', text: input.slice(start, i), start, end: i });
  }
  return { tokens, warnings: [...warnings] };
}

const OPEN = 40;
const CLOSE = 41;
const BACKSLASH = 92;

/**
 * Reads one comment with its nested comments; returns the index after it. Once the budget is
 * spent, a comment is skipped and nested ones are read as text.
 */
function readComment(input: string, from: number, tokens: Token[], warnings: Set<string>, budget: { comments: number }): number {
  const n = input.length;
  const skip = budget.comments <= 0;
  if (skip) warnings.add(TOO_MANY_COMMENTS);
  else budget.comments--;
  const stack: OpenComment[] = [{ start: from, segment: from + 1, parts: null, children: null }];
  let excess = 0;
  let i = from + 1;
  while (i < n) {
    const c = input.charCodeAt(i);
    if (c === BACKSLASH) {
      i += 2;
    } else if (c === OPEN) {
      if (excess > 0 || stack.length >= MAX_DEPTH || budget.comments <= 0) {
        if (excess === 0) warnings.add(stack.length >= MAX_DEPTH ? `comments nested deeper than ${MAX_DEPTH} levels read as text` : TOO_MANY_COMMENTS);
        excess++;
      } else {
        budget.comments--;
        const top = stack[stack.length - 1] as OpenComment;
        (top.parts ??= []).push(input.slice(top.segment, i));
        stack.push({ start: i, segment: i + 1, parts: null, children: null });
      }
      i++;
    } else if (c === CLOSE) {
      i++;
      if (excess > 0) {
        excess--;
        continue;
      }
      const open = stack.pop() as OpenComment;
      const parent = stack[stack.length - 1];
      if (parent === undefined) {
        if (!skip) tokens.push(new Comment(input, open, i - 1, i));
        return i;
      }
      (parent.children ??= []).push(new Comment(input, open, i - 1, i));
      parent.segment = i;
    } else {
      i++;
    }
  }
  warnings.add('unbalanced "(": comment closed at end of header');
  while (stack.length > 0) {
    const done = new Comment(input, stack.pop() as OpenComment, n, n);
    const parent = stack[stack.length - 1];
    if (parent === undefined) {
      if (!skip) tokens.push(done);
    } else {
      (parent.children ??= []).push(done);
    }
  }
  return n;
}
