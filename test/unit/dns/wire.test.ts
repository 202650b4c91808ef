import { AUTHENTIC_DATA, TRUNCATED_RESPONSE, decode, type Answer } from '@dnsquery/dns-packet';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DnsError, type Question } from '../../../src/core/dns/types.js';
import { base64url, decodeAnswer, encodeQuery } from '../../../src/core/dns/wire.js';
import { ede, emptyOpt, reply, withOptions } from './fake-doh.js';

const question: Question = { name: 'mail.example.com', type: 'A' };
const query = decode(encodeQuery(question, 0));
const soa: Answer = {
  name: 'example.com',
  type: 'SOA',
  ttl: 300,
  data: { mname: 'ns.example.com', rname: 'hostmaster.example.com', serial: 1, refresh: 3600, retry: 600, expire: 86400, minimum: 60 },
};

function decodeErr(bytes: Uint8Array, q: Question = question, id = 0): DnsError {
  try {
    decodeAnswer(bytes, q, id, 'test');
  } catch (error) {
    if (error instanceof DnsError) return error;
    throw error;
  }
  throw new Error('expected a DnsError');
}

interface OptAnswer {
  type: 'OPT';
  udpPayloadSize: number;
  flag_do: boolean;
  options: { code: number; data: Uint8Array; sourcePrefixLength?: number; family?: number }[];
}

describe('encodeQuery', () => {
  it('asks one IN question with RD and AD set, DO clear, the given id', () => {
    const packet = decode(encodeQuery({ name: 'example.org', type: 'TXT' }, 0x1234));
    expect(packet.type).toBe('query');
    expect(packet.id).toBe(0x1234);
    expect(packet.flag_rd).toBe(true);
    expect(packet.flag_ad).toBe(true);
    expect(packet.questions).toEqual([{ name: 'example.org', type: 'TXT', class: 'IN' }]);
    const opt = packet.additionals?.find((a) => a.type === 'OPT') as unknown as OptAnswer;
    expect(opt.flag_do).toBe(false);
    expect(opt.udpPayloadSize).toBe(1232);
  });

  it('sends a zero-length client subnet and pads to a multiple of 128 octets', () => {
    for (const name of ['a.b', 'mail.example.com', '1.2.3.4.5.6.7.8.9.a.b.c.d.e.f.0.1.2.3.4.5.6.7.8.8.b.d.0.1.0.0.2.ip6.arpa']) {
      const bytes = encodeQuery({ name, type: 'PTR' }, 0);
      expect(bytes.length % 128).toBe(0);
      const opt = decode(bytes).additionals?.find((a) => a.type === 'OPT') as unknown as OptAnswer;
      const ecs = opt.options.find((o) => o.code === 8);
      expect(ecs?.family).toBe(1);
      expect(ecs?.sourcePrefixLength).toBe(0);
      expect(opt.options.some((o) => o.code === 12)).toBe(true);
    }
  });

  it('returns a plain Uint8Array', () => {
    const bytes = encodeQuery(question, 0);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(bytes)).toBe(false);
  });
});

describe('base64url', () => {
  it('matches RFC 4648 §5 without padding', () => {
    expect(base64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(base64url(new Uint8Array([0]))).toBe('AA');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const encoded = base64url(bytes);
        expect(encoded).toBe(Buffer.from(bytes).toString('base64url'));
        expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
      }),
    );
  });
});

describe('decodeAnswer', () => {
  it('normalises names, keeps the CNAME chain and reads rcode and AD', () => {
    const bytes = reply(query, {
      flags: AUTHENTIC_DATA,
      questions: [{ name: 'MAIL.Example.COM', type: 'A', class: 'IN' }],
      answers: [
        { name: 'Mail.Example.com', type: 'CNAME', ttl: 120, data: 'Host.Example.NET.' },
        { name: 'host.example.net', type: 'A', ttl: 60, data: '203.0.113.25' },
      ],
    });
    const answer = decodeAnswer(bytes, question, 0, 'test');
    expect(answer.rcode).toBe('NOERROR');
    expect(answer.authenticated).toBe(true);
    expect(answer.answers).toEqual([
      { name: 'mail.example.com', ttl: 120, type: 'CNAME', data: 'host.example.net' },
      { name: 'host.example.net', ttl: 60, type: 'A', data: '203.0.113.25' },
    ]);
  });

  it("drops answer records that are not on the question's chain", () => {
    const bytes = reply(query, {
      answers: [
        { name: 'mail.example.com', type: 'A', ttl: 60, data: '203.0.113.25' },
        { name: 'evil.example.net', type: 'A', ttl: 60, data: '192.0.2.66' },
      ],
    });
    expect(decodeAnswer(bytes, question, 0, 'test').answers.map((r) => r.data)).toEqual(['203.0.113.25']);
  });

  it('reads AD as false when the bit is clear', () => {
    expect(decodeAnswer(reply(query), question, 0, 'test').authenticated).toBe(false);
  });

  it.each(['NXDOMAIN', 'SERVFAIL', 'REFUSED', 'FORMERR', 'NOTIMP'])('maps rcode %s', (rcode) => {
    const answer = decodeAnswer(reply(query, { rcode, authorities: [soa] }), question, 0, 'test');
    expect(answer.rcode).toBe(rcode);
  });

  it('combines the EDNS extended rcode (BADVERS = 16)', () => {
    expect(decodeAnswer(reply(query, { additionals: [emptyOpt(1)] }), question, 0, 'test').rcode).toBe('BADVERS');
  });

  it('keeps the SOA of a negative answer in authority', () => {
    const answer = decodeAnswer(reply(query, { rcode: 'NXDOMAIN', authorities: [soa] }), question, 0, 'test');
    expect(answer.authority).toEqual([
      {
        name: 'example.com',
        ttl: 300,
        type: 'SOA',
        data: { mname: 'ns.example.com', rname: 'hostmaster.example.com', serial: 1, refresh: 3600, retry: 600, expire: 86400, minimum: 60 },
      },
    ]);
  });

  it('parses Extended DNS Errors (RFC 8914) with and without extra text', () => {
    const bytes = withOptions(reply(query, { rcode: 'SERVFAIL', additionals: [emptyOpt()] }), [ede(22, 'no reachable authority at 192.0.2.1'), ede(6)]);
    const answer = decodeAnswer(bytes, question, 0, 'test');
    expect(answer.extendedErrors).toEqual([
      { code: 22, text: 'no reachable authority at 192.0.2.1' },
      { code: 6, text: null },
    ]);
  });

  it('structures MX, SOA and TXT, decoding TXT as UTF-8 or else Latin-1', () => {
    const q: Question = { name: 'example.org', type: 'TXT' };
    const txtQuery = decode(encodeQuery(q, 0));
    const bytes = reply(txtQuery, {
      answers: [
        { name: 'example.org', type: 'TXT', ttl: 300, data: ['v=spf1 include:a ', 'caf\u00e9 -all'] },
        { name: 'example.org', type: 'TXT', ttl: 300, data: [new Uint8Array([0x63, 0x61, 0x66, 0xe9])] },
      ],
    });
    expect(decodeAnswer(bytes, q, 0, 'test').answers.map((r) => r.data)).toEqual([['v=spf1 include:a ', 'caf\u00e9 -all'], ['caf\u00e9']]);

    const mxQ: Question = { name: 'example.org', type: 'MX' };
    const mx = reply(decode(encodeQuery(mxQ, 0)), {
      answers: [{ name: 'example.org', type: 'MX', ttl: 300, data: { preference: 10, exchange: 'MX.Example.org.' } }],
    });
    expect(decodeAnswer(mx, mxQ, 0, 'test').answers).toEqual([
      { name: 'example.org', ttl: 300, type: 'MX', data: { preference: 10, exchange: 'mx.example.org' } },
    ]);
  });

  it('normalises AAAA to lowercase', () => {
    const q: Question = { name: 'mail6.example.com', type: 'AAAA' };
    const bytes = reply(decode(encodeQuery(q, 0)), { answers: [{ name: 'mail6.example.com', type: 'AAAA', ttl: 300, data: '2001:DB8::25' }] });
    expect(decodeAnswer(bytes, q, 0, 'test').answers[0]?.data).toBe('2001:db8::25');
  });

  it('rejects an answer with another id, name, type or class as a mismatch', () => {
    expect(decodeErr(reply(query, { id: 7 })).kind).toBe('mismatch');
    expect(decodeErr(reply(query, { questions: [{ name: 'other.example.com', type: 'A', class: 'IN' }] })).kind).toBe('mismatch');
    expect(decodeErr(reply(query, { questions: [{ name: 'mail.example.com', type: 'AAAA', class: 'IN' }] })).kind).toBe('mismatch');
    expect(decodeErr(reply(query, { questions: [{ name: 'mail.example.com', type: 'A', class: 'CH' }] })).kind).toBe('mismatch');
    expect(decodeErr(reply(query, { questions: [] })).kind).toBe('mismatch');
  });

  it('rejects a query echoed back (QR clear) as a mismatch', () => {
    expect(decodeErr(reply(query, { type: 'query' })).kind).toBe('mismatch');
  });

  it('treats the TC bit as a truncated answer', () => {
    expect(decodeErr(reply(query, { flags: TRUNCATED_RESPONSE })).kind).toBe('truncated');
  });

  it('reports unreadable bytes as malformed', () => {
    expect(decodeErr(new Uint8Array([1, 2, 3])).kind).toBe('malformed');
    const whole = reply(query, { answers: [{ name: 'mail.example.com', type: 'A', ttl: 60, data: '203.0.113.25' }] });
    expect(decodeErr(whole.subarray(0, whole.length - 3)).kind).toBe('malformed');
  });

  it('reports an address record whose data is cut short as malformed', () => {
    const whole = reply(query, { answers: [{ name: 'mail.example.com', type: 'A', ttl: 60, data: '203.0.113.25' }] });
    const cut = whole.slice(0, whole.length - 2);
    cut[cut.length - 3] = 2;
    expect(decodeErr(cut).kind).toBe('malformed');
  });
});
