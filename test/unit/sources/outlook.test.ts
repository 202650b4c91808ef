import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../ui/fake-i18n.js')).i18n } }));
const { itemOf, mimeOf, outlookIdInAddress, transportHeadersOf, isConversationId, conversationOf } = await import('../../../src/sources/outlook.js');
const { conversationMessages, conversationItemsRequest } = await import('../../../src/sources/outlook-conversation.js');

const ID = 'AAMkAGhvcGxlbnMtc2FtcGxlLTAwMDEAAAAAAAA=';
const ok = (body: unknown, contentType = 'application/json; charset=utf-8') => ({
  ok: true as const,
  status: 200,
  contentType,
  redirected: false,
  text: typeof body === 'string' ? body : JSON.stringify(body),
  cookiesSent: ['X-OWA-CANARY'],
});
const responses = (first: unknown) => ({ Body: { ResponseMessages: { Items: [first] } } });

describe('Outlook on the web route', () => {
  it('takes the item id from the address, percent-decoded, and nothing else', () => {
    expect(outlookIdInAddress(new URL(`https://outlook.live.com/mail/0/inbox/id/${encodeURIComponent(ID)}`))).toBe(ID);
    expect(outlookIdInAddress(new URL(`https://outlook.office.com/mail/inbox/id/${encodeURIComponent(ID)}/`))).toBe(ID);
    expect(outlookIdInAddress(new URL('https://outlook.office.com/mail/inbox'))).toBeNull();
    expect(outlookIdInAddress(new URL('https://outlook.office.com/mail/inbox/id/short'))).toBeNull();
    expect(outlookIdInAddress(new URL('https://outlook.office.com/mail/inbox/id/%E0%A4%A'))).toBeNull();
    expect(outlookIdInAddress(new URL(`https://outlook.office.com/mail/inbox/id/${encodeURIComponent('AAMk<script>aaaaaaaaaaaaaaaaaaa')}`))).toBeNull();
    expect(isConversationId('AAQkAGhvcGxlbnMtY29udmVyc2F0aW9uAAAAAAA=')).toBe(true);
    expect(isConversationId(ID)).toBe(false);
  });

  it('reads the item out of a GetItem answer step by step, naming the part that is missing', () => {
    const item = { __type: 'Message:#Exchange', MimeContent: { Value: btoa('Received: from a by b\r\n') } };
    const got = itemOf(ok(responses({ ResponseClass: 'Success', ResponseCode: 'NoError', Items: [item] })));
    expect(got).toEqual({ ok: true, value: item });
    expect(got.ok && mimeOf(got.value)).toBe('Received: from a by b\r\n');
    expect(itemOf(ok('not json', 'application/json'))).toEqual({ ok: false, got: 'text that is not JSON', refused: false });
    expect(itemOf(ok({ Body: {} }))).toEqual({ ok: false, got: 'JSON of another shape (no Body.ResponseMessages.Items)', refused: false });
    expect(itemOf(ok(responses({ ResponseClass: 'Error', ResponseCode: 'ErrorAccessDenied' })))).toEqual({
      ok: false,
      got: 'the error ErrorAccessDenied',
      refused: true,
    });
    expect(itemOf(ok(responses({ ResponseClass: 'Success', Items: [] })))).toEqual({ ok: false, got: 'JSON of another shape (no Items[0])', refused: true });
    expect(itemOf({ ...ok(''), status: 440 })).toEqual({ ok: false, got: 'HTTP status 440', refused: false });
    expect(mimeOf({ MimeContent: { Value: '***' } })).toBeNull();
    expect(mimeOf({})).toBeNull();
  });

  it('finds the transport headers property (0x007D) however its tag is written', () => {
    const prop = (tag: string, value: unknown) => ({ ExtendedProperty: [{ ExtendedFieldURI: { PropertyTag: tag, PropertyType: 'String' }, Value: value }] });
    expect(transportHeadersOf(prop('0x7d', 'Received: x\r\n'))).toBe('Received: x\r\n');
    expect(transportHeadersOf(prop('0x007D', 'Received: y\r\n'))).toBe('Received: y\r\n');
    expect(transportHeadersOf(prop('0x1000', 'body'))).toBeNull();
    expect(transportHeadersOf(prop('0x7d', 42))).toBeNull();
    expect(transportHeadersOf({})).toBeNull();
  });

  const CONVERSATION = 'AAQkAGhvcGxlbnMtY29udmVyc2F0aW9uAAAAAAA=';
  const itemIds = ['AAMkAGhvcGxlbnMtb2xkZXN0LTAwMDEAAAAAAAA=', 'AAMkAGhvcGxlbnMtbWlkZGxlLTAwMDIAAAAAAAA=', 'AAMkAGhvcGxlbnMtbmV3ZXN0LTAwMDMAAAAAAAA='];
  const node = (id: string, name: string, received: string) => ({
    Items: [{ ItemId: { Id: id }, From: { Mailbox: { Name: name } }, DateTimeReceived: received }],
  });
  // The answer's bytes, one character per byte, as fetchFromPage hands them over.
  const conversationAnswer = (nodes: unknown[]) => ({
    ...ok(''),
    text: Buffer.from(
      JSON.stringify(responses({ ResponseClass: 'Success', ResponseCode: 'NoError', Conversation: { ConversationNodes: nodes } })),
      'utf8',
    ).toString('latin1'),
  });

  it("lists a conversation's messages oldest first, keeping only item ids, each once", () => {
    const got = conversationOf(
      conversationAnswer([
        node(itemIds[2]!, 'Sam Admin', '2026-11-30T10:00:00+01:00'),
        node(itemIds[0]!, 'Other Sender', '2026-11-29T08:00:00Z'),
        node(CONVERSATION, 'Not an item', '2026-11-29T09:00:00Z'),
        { Items: [{ ItemId: { Id: 'short' } }, 'junk', { ItemId: { Id: itemIds[0] } }] },
        node(itemIds[1]!, 'Sam \u202eAdmin', '2026-12-01T00:00:00Z'),
      ]),
    );
    expect(got).toEqual({
      ok: true,
      value: [
        { id: itemIds[0], from: 'Other Sender', received: '2026-11-29T08:00:00.000Z' },
        { id: itemIds[2], from: 'Sam Admin', received: '2026-11-30T09:00:00.000Z' },
        { id: itemIds[1], from: 'Sam \u202eAdmin', received: '2026-12-01T00:00:00.000Z' },
      ],
    });
    // Where a date is missing, the server's order (asked oldest first) stands.
    const undated = conversationOf(
      conversationAnswer([node(itemIds[2]!, 'Sam Admin', 'not a date'), node(itemIds[0]!, 'Other Sender', '2026-11-29T08:00:00Z')]),
    );
    expect(undated.ok && undated.value.map((i) => [i.id, i.received])).toEqual([
      [itemIds[2], null],
      [itemIds[0], '2026-11-29T08:00:00.000Z'],
    ]);
    expect(conversationOf(conversationAnswer([]))).toEqual({ ok: false, got: 'a conversation without a message Hoplens can ask for', refused: true });
    expect(conversationOf(ok(responses({ ResponseClass: 'Success', Items: [] })))).toEqual({
      ok: false,
      got: 'JSON of another shape (no Conversation.ConversationNodes)',
      refused: true,
    });
    expect(conversationOf(ok(responses({ ResponseClass: 'Error', ResponseCode: 'ErrorItemNotFound' })))).toMatchObject({
      ok: false,
      got: 'the error ErrorItemNotFound',
    });
  });

  it('asks GetConversationItems for the conversation of the address, with what every service call carries', () => {
    const request = conversationItemsRequest('https://outlook.office.com', CONVERSATION, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
      timeoutMs: 1000,
      maxBytes: 10,
    });
    expect(request.url).toBe('https://outlook.office.com/owa/service.svc?action=GetConversationItems&app=Mail');
    expect(request.headers).toEqual({ 'X-Requested-With': 'XMLHttpRequest', Action: 'GetConversationItems' });
    expect(JSON.parse(request.body!).Body.Conversations[0].ConversationId.Id).toBe(CONVERSATION);
  });

  describe('finds the message in view of a conversation whose page names no item id', () => {
    const items = [
      { id: 'a', from: 'Other Sender', received: '2026-11-29T08:00:00.000Z' },
      { id: 'b', from: 'Sam', received: '2026-11-30T09:00:00.000Z' },
      { id: 'c', from: 'Sam Admin', received: '2026-12-01T10:00:00.000Z' },
    ];
    const view = (label: string, visible: number) => ({ ids: [], label, visible });
    const inView = (got: ReturnType<typeof conversationMessages>) => (got.placed ? got.messages.find((m) => m.visible > 0)?.id : null);

    it('with the oldest message on top, or the newest on top, by the senders the page shows', () => {
      const oldestFirst = conversationMessages(
        [view('Other Sender, Sun 11/29', 0.05), view('Sam <sam@example.com>', 0.6), view('Sam Admin, Tue 12/1', 0.1)],
        items,
      );
      expect(inView(oldestFirst)).toBe('b');
      expect(oldestFirst.messages.map((m) => m.label)).toEqual([
        'Other Sender, 2026-11-29 08:00:00 UTC',
        'Sam, 2026-11-30 09:00:00 UTC',
        'Sam Admin, 2026-12-01 10:00:00 UTC',
      ]);
      expect(inView(conversationMessages([view('Sam Admin', 0.7), view('Sam', 0.1), view('', 0.1), view('Other Sender', 0.05)], items))).toBe('c');
    });

    it('and says it cannot tell where the page and the list disagree', () => {
      // One message fewer on the page (hidden, or deleted), senders that fit neither order, nothing on screen.
      expect(conversationMessages([view('Sam', 0.5), view('Sam Admin', 0.5)], items).placed).toBe(false);
      expect(conversationMessages([view('Sam', 0.5), view('Other Sender', 0.3), view('Sam Admin', 0.1)], items).placed).toBe(false);
      expect(conversationMessages([view('Other Sender', 0), view('Sam', 0), view('Sam Admin', 0)], items).placed).toBe(false);
      const unplaced = conversationMessages([], items);
      expect(unplaced.messages.map((m) => [m.id, m.visible])).toEqual([
        ['a', 0],
        ['b', 0],
        ['c', 0],
      ]);
    });

    it('reads a sender sequence that fits both orders only where both put the same message in view', () => {
      const same = [
        { id: 'x', from: 'Sam', received: null },
        { id: 'y', from: 'Sam', received: null },
        { id: 'z', from: 'Sam', received: null },
      ];
      expect(inView(conversationMessages([view('Sam', 0.1), view('Sam', 0.8), view('Sam', 0.1)], same))).toBe('y');
      expect(conversationMessages([view('Sam', 0.8), view('Sam', 0.1), view('Sam', 0.1)], same).placed).toBe(false);
      // A name is matched whole: "Sam" is not "Samantha".
      expect(conversationMessages([view('Samantha', 1)], [{ id: 'x', from: 'Sam', received: null }]).placed).toBe(false);
    });

    it('shows control and bidi characters of a sender as visible marks in the list', () => {
      const got = conversationMessages([], [{ id: 'x', from: 'Sam \u202eAdmin', received: null }]);
      expect(got.messages[0]!.label).not.toContain('\u202e');
      expect(got.messages[0]!.label).toMatch(/^Sam ⟨.+⟩Admin$/);
    });
  });
});
