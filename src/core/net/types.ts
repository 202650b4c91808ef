/**
 * Address classes that decide whether an IP may be sent to a public resolver.
 * Documentation ranges are checked like public ones: examples and test zones use them.
 */
export type IpClass = 'public' | 'documentation' | 'private' | 'loopback' | 'link-local' | 'cgnat' | 'unique-local' | 'multicast' | 'unspecified' | 'reserved';
