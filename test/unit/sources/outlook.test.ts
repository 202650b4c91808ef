import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../ui/fake-i18n.js')).i18n } }));
const { itemOf, mimeOf, outlookIdInAddress, transportHeadersOf, isConversationId } = await import('../../../src/sources/outlook.js');

const ID = 'AAMkAGhvcGxlbnMtc2FtcGxlLTAwMDEAAAAAAAA=';
const ok = (body: unknown, contentType = 'application/json; charset=utf-8') => ({
  ok: true as const,
  status: 200,
  contentType,
  redirected: false,
  text: typeof body === 'string' ? body : JSON.stringify(body),
  cookieSent: true,
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
    expect(got).toEqual({ ok: true, item });
    expect(got.ok && mimeOf(got.item)).toBe('Received: from a by b\r\n');
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
});
