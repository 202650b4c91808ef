import { type Phrase, phrase } from '../text/phrase.js';
import type { IpClass } from './types.js';

interface ClassWords {
  /** The class in a word or two, as a reason names it in passing: "the address is loopback". */
  readonly word: string;
  /** The class with its article: "a documentation address". */
  readonly noun: string;
  /** What follows the noun in a full sentence: the RFCs that set the range aside (RFC 6890 lists them all), and what else a reader should know. */
  readonly source: string;
  /** The class as a badge or a route table cell names it ("CGNAT"), the locale's ipClass_<class>. */
  readonly label: string;
  /** What the class means for the checks, the badge's tooltip (ipClass_<class>_help). */
  readonly help: string;
}

/**
 * The one table of what each address class is called: the route's reasons (route/origin.ts),
 * the "not checked" results of the checks and the CLI, and the route table of every view and
 * export (its label and help, which the English locale holds under the same keys) read it.
 */
const CLASS_WORDS: Readonly<Record<IpClass, ClassWords>> = {
  public: { word: 'public', noun: 'a public address', source: '', label: 'public', help: 'A public address: checked over DNS.' },
  documentation: {
    word: 'documentation',
    noun: 'a documentation address',
    source: ' (RFC 5737 / RFC 3849)',
    label: 'documentation',
    help: 'A documentation range (RFC 5737/3849): checked like a public address.',
  },
  private: {
    word: 'private',
    noun: 'a private address',
    source: ' (RFC 1918)',
    label: 'private',
    help: 'A private network address (RFC 1918): never sent to a resolver.',
  },
  loopback: {
    word: 'loopback',
    noun: 'a loopback address',
    source: ' (RFC 1122 / RFC 4291): the machine talking to itself',
    label: 'loopback',
    help: "This machine's own address: never sent to a resolver.",
  },
  'link-local': {
    word: 'link-local',
    noun: 'a link-local address',
    source: ' (RFC 3927 / RFC 4291)',
    label: 'link-local',
    help: 'A link-local address: never sent to a resolver.',
  },
  cgnat: {
    word: 'carrier-grade NAT',
    noun: 'a carrier-grade NAT shared address',
    source: ' (RFC 6598)',
    label: 'CGNAT',
    help: 'A carrier-grade NAT address (RFC 6598): never sent to a resolver.',
  },
  'unique-local': {
    word: 'unique-local',
    noun: 'a unique local address',
    source: ' (RFC 4193)',
    label: 'unique local',
    help: 'An IPv6 unique local address (RFC 4193): never sent to a resolver.',
  },
  multicast: { word: 'multicast', noun: 'a multicast address', source: '', label: 'multicast', help: 'A multicast address: never sent to a resolver.' },
  unspecified: {
    word: 'unspecified',
    noun: 'the unspecified address',
    source: '',
    label: 'unspecified',
    help: 'The unspecified address: never sent to a resolver.',
  },
  reserved: {
    word: 'reserved',
    noun: 'a reserved address',
    source: ', not in use on the Internet',
    label: 'reserved',
    help: 'A reserved address: never sent to a resolver.',
  },
};

/** "loopback", "carrier-grade NAT": the class in passing. */
export function classWord(cls: IpClass): string {
  return CLASS_WORDS[cls].word;
}

/** "a documentation address": the class as a sentence's subject names it. */
export function classNoun(cls: IpClass): string {
  return CLASS_WORDS[cls].noun;
}

/** "a private address (RFC 1918)": the class with where the range comes from. */
export function classWithSource(cls: IpClass): string {
  const { noun, source } = CLASS_WORDS[cls];
  return `${noun}${source}`;
}

const keyOf = (cls: IpClass): string => `ipClass_${cls.replace(/-/g, '_')}`;

/** "CGNAT", "unique local": the class as a badge or a table cell names it. */
export function classLabel(cls: IpClass): Phrase {
  return phrase(keyOf(cls), CLASS_WORDS[cls].label);
}

/** What the class means for the checks: "A private network address (RFC 1918): never sent to a resolver." */
export function classHelp(cls: IpClass): Phrase {
  return phrase(`${keyOf(cls)}_help`, CLASS_WORDS[cls].help);
}

/** The sentence a report shows for a hop IP that was kept away from the resolver. */
export function whyNotChecked(ip: string, cls: IpClass): string {
  return `${ip} is ${classWithSource(cls)}: never sent to a resolver; a receiver on the Internet never sees it`;
}
