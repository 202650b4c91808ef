import type { MemoryZone } from '../../src/core/dns/memory.js';

/**
 * A typical outbound path: a client submits to the sender's submission server, which relays
 * to its outbound relay, which delivers to the recipient's MX; three public hops, and an SPF
 * record whose match sits three includes deep.
 */
export const TYPICAL_MESSAGE = `Return-Path: <bounce@bench.example>
Received: from mx.example.net (mx.example.net [203.0.113.40])
	by store.example.net (Postfix) with ESMTPS id 4Q1
	for <alice@example.net>; Tue, 04 Jun 2024 10:00:05 +0000 (UTC)
Authentication-Results: mx.example.net; spf=pass smtp.mailfrom=bounce@bench.example; iprev=pass policy.iprev=203.0.113.62
Received: from relay.bench.example (relay.bench.example [203.0.113.62])
	by mx.example.net (Postfix) with ESMTPS id 4Q0
	for <alice@example.net>; Tue, 04 Jun 2024 10:00:03 +0000 (UTC)
Received: from smtp.bench.example (smtp.bench.example [203.0.113.61])
	by relay.bench.example (Postfix) with ESMTPS id 3P9
	for <alice@example.net>; Tue, 04 Jun 2024 10:00:02 +0000 (UTC)
Received: from [192.168.1.10] (unknown [192.168.1.10])
	(Authenticated sender: news@bench.example)
	by smtp.bench.example (Postfix) with ESMTPSA id 2P8
	for <alice@example.net>; Tue, 04 Jun 2024 10:00:01 +0000 (UTC)
From: News <news@bench.example>
To: alice@example.net
Subject: June newsletter
Date: Tue, 04 Jun 2024 10:00:00 +0000
Message-ID: <june@bench.example>

Hello.
`;

export const TYPICAL_ZONE: MemoryZone = {
  'bench.example': [
    { type: 'MX', data: { preference: 10, exchange: 'mx.bench.example' } },
    { type: 'TXT', data: 'v=spf1 include:_a.bench.example include:_b.bench.example -all' },
  ],
  '_a.bench.example': [{ type: 'TXT', data: 'v=spf1 ip4:192.0.2.0/24 -all' }],
  '_b.bench.example': [{ type: 'TXT', data: 'v=spf1 include:_c.bench.example -all' }],
  '_c.bench.example': [{ type: 'TXT', data: 'v=spf1 ip4:203.0.113.60/30 -all' }],
  'mx.bench.example': [{ type: 'A', data: '203.0.113.63' }],
  'smtp.bench.example': [{ type: 'A', data: '203.0.113.61' }],
  'relay.bench.example': [{ type: 'A', data: '203.0.113.62' }],
  '61.113.0.203.in-addr.arpa': [{ type: 'PTR', data: 'smtp.bench.example' }],
  '62.113.0.203.in-addr.arpa': [{ type: 'PTR', data: 'relay.bench.example' }],
  '40.113.0.203.in-addr.arpa': [{ type: 'PTR', data: 'mx.example.net' }],
};
