// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsPage } from '../../../src/ui/options/options-page.js';
import { browser } from './fake-browser.js';
import { mount, settle } from './render.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).browser }));

beforeEach(() => {
  document.body.innerHTML = '';
  vi.clearAllMocks();
});

async function chooseCustom(root: HTMLElement, url: string) {
  await act(() => (root.querySelector('#resolver-custom') as HTMLInputElement).click());
  const input = root.querySelector('#custom-url') as HTMLInputElement;
  input.value = url;
  await act(() => {
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(() => {
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
  return input;
}

describe('options page', () => {
  it('states what is sent where, naming the chosen resolver', async () => {
    const root = await mount(<OptionsPage />);
    await settle();
    const statement = root.querySelector('[data-testid="privacy-statement"]')?.textContent ?? '';
    expect(statement).toContain('Hoplens sends the IP addresses and host names it checks — never the message — to the resolver you choose: Cloudflare');
    await act(() => (root.querySelector('#no-dns') as HTMLInputElement).click());
    expect(root.querySelector('[data-testid="privacy-statement"]')?.textContent).toContain('nothing leaves your browser');
  });

  it('says what it keeps, where and for how long', async () => {
    const root = await mount(<OptionsPage />);
    await settle();
    const kept = Array.from(root.querySelectorAll('[data-testid="kept-statement"] li'), (li) => li.textContent ?? '');
    expect(kept[0]).toContain('header block only, never its body');
    expect(kept[0]).toContain('after 30 minutes');
    expect(kept[1]).toContain('after 2 minutes if no tab takes it');
    expect(kept[2]).toContain('up to 2 MB');
    expect(kept[3]).toContain('last 50 messages');
    expect(kept[4]).toContain('session storage, which is held in memory and never written to disk');
  });

  it('refuses a plain-http resolver that is not on loopback', async () => {
    const root = await mount(<OptionsPage />);
    await settle();
    const input = await chooseCustom(root, 'http://dns.example/dns-query');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('#custom-url-help')?.textContent).toContain('Enter an https:// URL');
    expect(browser.permissions.request).not.toHaveBeenCalled();
    expect(browser.storage.local.set).not.toHaveBeenCalled();
  });

  it('asks for the host permission, then saves a custom https resolver', async () => {
    const root = await mount(<OptionsPage />);
    await settle();
    await chooseCustom(root, 'https://doh.example/dns-query');
    expect(browser.permissions.request).toHaveBeenCalledWith({ origins: ['https://doh.example/*'] });
    expect(browser.storage.local.set).toHaveBeenCalledWith({
      settings: { resolver: 'custom', customResolverUrl: 'https://doh.example/dns-query', timeoutMs: 4000, noDns: false, checkOnOpen: false },
    });
    expect(root.textContent).toContain('Saved.');
  });

  it('offers "check every message I open" in Thunderbird only, off, with what it sends beside it', async () => {
    const outside = await mount(<OptionsPage />);
    await settle();
    expect(outside.querySelector('[data-testid="check-on-open"]')).toBeNull();
    document.body.innerHTML = '';

    (browser as { messageDisplay?: object }).messageDisplay = {};
    try {
      const root = await mount(<OptionsPage />);
      await settle();
      const box = root.querySelector('[data-testid="check-on-open"]') as HTMLInputElement;
      expect(box.checked).toBe(false);
      expect(root.querySelector(`#${box.getAttribute('aria-describedby')}`)?.textContent).toContain(
        'sends the names and IP addresses in every message you open to the resolver',
      );
      await act(() => box.click());
      await act(() => {
        root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      });
      await settle();
      expect(browser.storage.local.set).toHaveBeenCalledWith({ settings: expect.objectContaining({ checkOnOpen: true }) });
    } finally {
      delete (browser as { messageDisplay?: object }).messageDisplay;
    }
  });

  it('with No DNS ticked: the resolver choices are off, and a half-typed custom URL does not block Save', async () => {
    const root = await mount(<OptionsPage />);
    await settle();
    await act(() => (root.querySelector('#resolver-custom') as HTMLInputElement).click());
    const input = root.querySelector('#custom-url') as HTMLInputElement;
    input.value = 'https://half';
    await act(() => {
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => (root.querySelector('#no-dns') as HTMLInputElement).click());
    const fieldset = root.querySelector('fieldset')!;
    expect(fieldset.disabled).toBe(true);
    expect(root.querySelector('[data-testid="resolver-off-note"]')?.textContent).toContain('No DNS is on');
    await act(() => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await settle();
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(browser.storage.local.set).toHaveBeenCalledWith({ settings: expect.objectContaining({ noDns: true, customResolverUrl: 'https://half' }) });
    expect(root.textContent).toContain('Saved.');
  });

  it('tests the chosen resolver with one question and shows the answer, or the error', async () => {
    browser.runtime.sendMessage.mockImplementation(async (request: { type: string; url: string }) =>
      request.url.includes('good')
        ? { ok: true, lines: ['; example.com SOA → NOERROR (resolver https://good.example/dns-query, 12 ms)', 'example.com. 300 IN SOA ns.example.com. …'] }
        : { ok: false, error: 'no answer from https://bad.example/dns-query within 4000 ms' },
    );
    const root = await mount(<OptionsPage />);
    await settle();
    const test = async (url: string) => {
      await act(() => (root.querySelector('#resolver-custom') as HTMLInputElement).click());
      const input = root.querySelector('#custom-url') as HTMLInputElement;
      input.value = url;
      await act(() => {
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await act(() => (root.querySelector('[data-testid="test-resolver"]') as HTMLButtonElement).click());
      await settle();
      return root.querySelector('[data-testid="resolver-test-result"]')?.textContent ?? '';
    };
    const good = await test('https://good.example/dns-query');
    expect(browser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'test-resolver', url: 'https://good.example/dns-query', timeoutMs: 4000 });
    expect(browser.runtime.sendMessage).toHaveBeenCalledTimes(1);
    expect(good).toContain('It answered:');
    expect(good).toContain('example.com. 300 IN SOA');
    expect(await test('https://bad.example/dns-query')).toBe('No answer: no answer from https://bad.example/dns-query within 4000 ms');
    // Nothing saved by a test.
    expect(browser.storage.local.set).not.toHaveBeenCalled();
  });
});
