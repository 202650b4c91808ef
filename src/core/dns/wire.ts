import { AUTHENTIC_DATA, RECURSION_DESIRED, TRUNCATED_RESPONSE, decode, encode, encodingLength, type Answer, type Packet } from '@dnsquery/dns-packet';
import { toString as rcodeName } from '@dnsquery/dns-packet/rcodes.js';
import { canonicalName } from '../hostnames/canonical.js';
import { DnsError, type DnsRecord, type ExtendedError, type Question, type Rcode } from './types.js';

/** What a DNS response says, once it is known to answer the question that was asked. */
export interface WireAnswer {
  rcode: Rcode;
  authenticated: boolean;
  answers: DnsRecord[];
  authority: DnsRecord[];
  extendedErrors: ExtendedError[];
}

/** RFC 8914 Extended DNS Error option code. */
const EDE_OPTION = 15;
/** RFC 8467 §4.1: clients pad queries to a multiple of 128 octets, so sizes leak less. */
const PADDING_BLOCK = 128;
/** The EDNS buffer size DNS Flag Day 2020 settled on; irrelevant over HTTPS, but must be sent. */
const UDP_PAYLOAD_SIZE = 1232;
const QUERY_FLAGS = RECURSION_DESIRED | AUTHENTIC_DATA;
const OPCODE_MASK = 0x7800;

/**
 * The query for one question. RD asks the resolver to recurse. AD with DO=0 asks it to say
 * whether it validated the answer (RFC 6840 §5.7) without sending DNSSEC records along.
 * EDNS Client Subnet with source prefix 0 tells the resolver not to pass any part of the user's
 * address on to authoritative servers (RFC 7871 §7.1.2): the question is about someone else's
 * mail server and its answer must not depend on, nor reveal, where the user sits.
 */
export function encodeQuery(question: Question, id: number): Uint8Array {
  const query = (paddingLength: number): Packet => ({
    type: 'query',
    id,
    flags: QUERY_FLAGS,
    questions: [{ name: question.name, type: question.type, class: 'IN' }],
    additionals: [
      {
        type: 'OPT',
        name: '.',
        udpPayloadSize: UDP_PAYLOAD_SIZE,
        flags: 0,
        options: [
          { code: 'CLIENT_SUBNET', family: 1, ip: '0.0.0.0', sourcePrefixLength: 0, scopePrefixLength: 0 },
          { code: 'PADDING', length: paddingLength },
        ],
      } as unknown as Answer,
    ],
  });
  const unpadded = encodingLength(query(0));
  return encode(query((PADDING_BLOCK - (unpadded % PADDING_BLOCK)) % PADDING_BLOCK));
}

/** RFC 4648 §5 base64url without padding, as RFC 8484 §6 requires for the dns parameter. */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

interface OptRecord {
  type: 'OPT';
  extendedRcode?: number;
  options?: { code: number; data?: Uint8Array }[];
}

/**
 * Decodes a response and checks that it answers `question` with query id `id`: anything else
 * (another id, name, type or class, a query instead of a response) is a mismatch, never data.
 * Over HTTPS there is no size limit, so a truncated response is broken rather than a hint to
 * retry over TCP (RFC 8484 §5 leaves no fallback).
 */
export function decodeAnswer(bytes: Uint8Array, question: Question, id: number, resolver: string): WireAnswer {
  const malformed = (why: string) => new DnsError('malformed', `unreadable DNS response from ${resolver}: ${why}`, question, resolver);
  let packet: Packet;
  try {
    packet = decode(bytes);
  } catch (error) {
    throw malformed(error instanceof Error ? error.message : String(error));
  }
  // The codec reads past the end of a short message instead of failing, and stops at the end
  // of a message followed by anything: neither is one DNS message.
  const read = (decode as unknown as { bytes: number }).bytes;
  if (read > bytes.length) throw malformed('message cut short');
  if (read < bytes.length) throw malformed(`${bytes.length - read} bytes after the end of the message`);
  const flags = packet.flags ?? 0;
  const mismatch = (what: string) =>
    new DnsError('mismatch', `response from ${resolver} does not match the question ${question.name} ${question.type}: ${what}`, question, resolver);
  if (packet.type !== 'response') throw mismatch('it is not a response');
  if (packet.id !== id) throw mismatch(`id ${packet.id ?? '?'} instead of ${id}`);
  if ((flags & OPCODE_MASK) !== 0) throw mismatch('opcode is not QUERY');
  const questions = packet.questions ?? [];
  if (questions.length !== 1) throw mismatch(`${questions.length} questions in the response`);
  const echoed = questions[0]!;
  if (canonicalName(echoed.name) !== question.name) throw mismatch(`it answers ${echoed.name}`);
  if (echoed.type !== question.type) throw mismatch(`it answers type ${echoed.type}`);
  if ((echoed.class ?? 'IN') !== 'IN') throw mismatch(`it answers class ${echoed.class}`);
  if (flags & TRUNCATED_RESPONSE)
    throw new DnsError('truncated', `truncated response (TC bit) from ${resolver} for ${question.name} ${question.type}`, question, resolver);

  const opt = (packet.additionals ?? []).find((r) => r.type === 'OPT') as unknown as OptRecord | undefined;
  const rcodeNumber = ((opt?.extendedRcode ?? 0) << 4) | (flags & 0xf);
  return {
    rcode: rcodeNumber === 16 ? 'BADVERS' : rcodeName(rcodeNumber),
    authenticated: (flags & AUTHENTIC_DATA) !== 0,
    answers: onChain(toRecords(packet.answers, malformed), question.name),
    authority: toRecords(packet.authorities, malformed).filter((r) => r.type === 'SOA' || r.type === 'NS'),
    extendedErrors: (opt?.options ?? []).flatMap(extendedError),
  };
}

/**
 * Keeps the answer records that belong to the question: its name and the names its CNAMEs lead
 * to. Anything else in the answer section is not what was asked and must not be believed.
 */
function onChain(records: DnsRecord[], name: string): DnsRecord[] {
  const chain = new Set([name]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of records) {
      if (r.type === 'CNAME' && chain.has(r.name) && !chain.has(r.data)) {
        chain.add(r.data);
        grew = true;
      }
    }
  }
  return records.filter((r) => chain.has(r.name));
}

function extendedError(option: { code: number; data?: Uint8Array }): ExtendedError[] {
  const data = option.data;
  if (option.code !== EDE_OPTION || !data || data.length < 2) return [];
  const extra = data.subarray(2);
  const text = extra.length ? decodeText(extra).replace(/\0+$/, '') : '';
  return [{ code: (data[0]! << 8) | data[1]!, text: text || null }];
}

const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;
const IPV6 = /^[0-9a-f:.]+$/;

function toRecords(records: Answer[] | undefined, malformed: (why: string) => DnsError): DnsRecord[] {
  const out: DnsRecord[] = [];
  for (const r of records ?? []) {
    const record = toRecord(r);
    if (!record) continue;
    if ((record.type === 'A' && !IPV4.test(record.data)) || (record.type === 'AAAA' && !(record.data.includes(':') && IPV6.test(record.data)))) {
      throw malformed(`bad ${record.type} data for ${record.name}`);
    }
    out.push(record);
  }
  return out;
}

/** The contract's shape, or null for types the checks never ask about (RRSIG, NSEC, …). */
function toRecord(r: Answer): DnsRecord | null {
  if (r.type === 'OPT' || (r.class ?? 'IN') !== 'IN') return null;
  const name = canonicalName(r.name);
  const ttl = r.ttl ?? 0;
  switch (r.type) {
    case 'A':
    case 'AAAA':
      return { name, ttl, type: r.type, data: r.data.toLowerCase() };
    case 'PTR':
    case 'CNAME':
    case 'NS':
      return { name, ttl, type: r.type, data: canonicalName(r.data) };
    case 'MX':
      return { name, ttl, type: 'MX', data: { preference: r.data.preference ?? 0, exchange: canonicalName(r.data.exchange) } };
    case 'SOA': {
      const d = r.data;
      return {
        name,
        ttl,
        type: 'SOA',
        data: {
          mname: canonicalName(d.mname),
          rname: canonicalName(d.rname),
          serial: d.serial ?? 0,
          refresh: d.refresh ?? 0,
          retry: d.retry ?? 0,
          expire: d.expire ?? 0,
          minimum: d.minimum ?? 0,
        },
      };
    }
    case 'TXT': {
      const strings = Array.isArray(r.data) ? r.data : [r.data];
      return { name, ttl, type: 'TXT', data: strings.map((s) => (typeof s === 'string' ? s : decodeText(s))) };
    }
    default:
      return null;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** TXT strings are bytes: UTF-8 when they are valid UTF-8, otherwise each byte as Latin-1. */
function decodeText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte);
    return text;
  }
}
