export type RRType = 'A' | 'AAAA' | 'PTR' | 'CNAME' | 'NS' | 'SOA' | 'MX' | 'TXT';

export interface SoaData {
  mname: string;
  rname: string;
  serial: number;
  refresh: number;
  retry: number;
  expire: number;
  minimum: number;
}

/** A resource record. Names carry no trailing dot and are lowercase. */
export type DnsRecord =
  | { name: string; ttl: number; type: 'A' | 'AAAA' | 'PTR' | 'CNAME' | 'NS'; data: string }
  /** TXT keeps its character-strings apart: SPF joins them with no space (RFC 7208 §3.3). */
  | { name: string; ttl: number; type: 'TXT'; data: string[] }
  | { name: string; ttl: number; type: 'MX'; data: { preference: number; exchange: string } }
  | { name: string; ttl: number; type: 'SOA'; data: SoaData };

export type Rcode = 'NOERROR' | 'FORMERR' | 'SERVFAIL' | 'NXDOMAIN' | 'NOTIMP' | 'REFUSED' | string;

/** An Extended DNS Error (RFC 8914). */
export interface ExtendedError {
  code: number;
  text: string | null;
}

export interface Question {
  name: string;
  type: RRType;
}

/** The answer to one question, whatever its rcode. Transport failures throw DnsError instead. */
export interface DnsAnswer {
  question: Question;
  rcode: Rcode;
  /** Answer section, CNAME chain included, in the order received. */
  answers: DnsRecord[];
  /** Authority section (the SOA of a negative answer, for example). */
  authority: DnsRecord[];
  /** The resolver validated the answer with DNSSEC (AD bit). */
  authenticated: boolean;
  extendedErrors: ExtendedError[];
  /** Which resolver answered (URL or a label such as "memory"). */
  resolver: string;
  /** Milliseconds the answer took; 0 from cache. */
  elapsedMs: number;
  fromCache: boolean;
}

/** Why a question got no answer at all. Every kind maps to temperror in the checks. */
export class DnsError extends Error {
  constructor(
    readonly kind: 'timeout' | 'http' | 'network' | 'malformed' | 'mismatch' | 'truncated' | 'aborted' | 'refused-address',
    message: string,
    readonly question: Question,
    readonly resolver: string,
  ) {
    super(message);
    this.name = 'DnsError';
  }
}

export interface QueryOptions {
  signal?: AbortSignal;
}

/** The only way the core reaches DNS. */
export interface Resolver {
  /** A label for the report: the DoH URL, or "memory" in tests. */
  readonly label: string;
  query(name: string, type: RRType, options?: QueryOptions): Promise<DnsAnswer>;
}

/** Records of the asked type at the end of the CNAME chain. */
export function recordsOf<T extends RRType>(answer: DnsAnswer, type: T): RecordOf<T>[] {
  return answer.answers.filter((r): r is RecordOf<T> => r.type === type);
}

/** The record shape for one type. A plain Extract would miss the members that share a union of types. */
export type RecordOf<T extends RRType> = DnsRecord & { type: T };
