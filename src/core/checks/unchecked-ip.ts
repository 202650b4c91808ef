import type { IpClass } from '../net/types.js';

const CLASS_WORDS: Readonly<Record<IpClass, string>> = {
  public: 'a public address',
  documentation: 'a documentation address (RFC 5737 / RFC 3849)',
  private: 'a private address (RFC 1918)',
  loopback: 'a loopback address (RFC 1122 / RFC 4291): the machine talking to itself',
  'link-local': 'a link-local address (RFC 3927 / RFC 4291)',
  cgnat: 'a carrier-grade NAT shared address (RFC 6598)',
  'unique-local': 'a unique local address (RFC 4193)',
  multicast: 'a multicast address',
  unspecified: 'the unspecified address',
  reserved: 'a reserved address, not in use on the Internet',
};

/** The sentence a report shows for a hop IP that was kept away from the resolver. */
export function whyNotChecked(ip: string, cls: IpClass): string {
  return `${ip} is ${CLASS_WORDS[cls]}: never sent to a resolver; a receiver on the Internet never sees it`;
}
