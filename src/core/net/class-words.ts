import type { IpClass } from './types.js';

interface ClassWords {
  /** The class in a word or two, as a reason names it in passing: "the address is loopback". */
  readonly word: string;
  /** The class with its article: "a documentation address". */
  readonly noun: string;
  /** What follows the noun in a full sentence: the RFCs that set the range aside (RFC 6890 lists them all), and what else a reader should know. */
  readonly source: string;
}

/**
 * The one table of what each address class is called in Hoplens' sentences: the route's reasons
 * (route/origin.ts) and the "not checked" results of the checks and the CLI read it. The pages'
 * badge words are the locale's ipClass_<class> keys.
 */
const CLASS_WORDS: Readonly<Record<IpClass, ClassWords>> = {
  public: { word: 'public', noun: 'a public address', source: '' },
  documentation: { word: 'documentation', noun: 'a documentation address', source: ' (RFC 5737 / RFC 3849)' },
  private: { word: 'private', noun: 'a private address', source: ' (RFC 1918)' },
  loopback: { word: 'loopback', noun: 'a loopback address', source: ' (RFC 1122 / RFC 4291): the machine talking to itself' },
  'link-local': { word: 'link-local', noun: 'a link-local address', source: ' (RFC 3927 / RFC 4291)' },
  cgnat: { word: 'carrier-grade NAT', noun: 'a carrier-grade NAT shared address', source: ' (RFC 6598)' },
  'unique-local': { word: 'unique-local', noun: 'a unique local address', source: ' (RFC 4193)' },
  multicast: { word: 'multicast', noun: 'a multicast address', source: '' },
  unspecified: { word: 'unspecified', noun: 'the unspecified address', source: '' },
  reserved: { word: 'reserved', noun: 'a reserved address', source: ', not in use on the Internet' },
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

/** The sentence a report shows for a hop IP that was kept away from the resolver. */
export function whyNotChecked(ip: string, cls: IpClass): string {
  return `${ip} is ${classWithSource(cls)}: never sent to a resolver; a receiver on the Internet never sees it`;
}
