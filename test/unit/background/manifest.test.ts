import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { BUILTIN_RESOLVERS, DEFAULT_RESOLVER_ID, resolveResolverUrl } from '../../../src/core/dns/builtin.js';
// @ts-expect-error: a plain ESM build script without type declarations
import { manifestFor, mergePatch, TARGETS } from '../../../scripts/extension/manifest.mjs';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { originPattern } = await import('../../../src/settings.js');

const root = fileURLToPath(new URL('../../..', import.meta.url));
type Manifest = Record<string, any>;
const forTarget = (t: string): Manifest => manifestFor(root, [t]);

describe('manifest overlays', () => {
  it('merge as JSON Merge Patch: objects merge, null deletes, arrays replace', () => {
    expect(mergePatch({ a: { b: 1, c: 2 }, d: [1, 2] }, { a: { c: null, e: 3 }, d: [3] })).toEqual({ a: { b: 1, e: 3 }, d: [3] });
    expect(mergePatch({ a: 1 }, { a: { b: 2 } })).toEqual({ a: { b: 2 } });
  });

  it('give every target an MV3 manifest with the package version', () => {
    for (const target of TARGETS) {
      const m = forTarget(target);
      expect(m.manifest_version).toBe(3);
      expect(m.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(m.permissions).toEqual(expect.arrayContaining(['activeTab', 'scripting', 'storage']));
      // Thunderbird has no contextMenus and Firefox prefers its own name for the same API.
      expect(m.permissions).toContain(target === 'chrome' ? 'contextMenus' : 'menus');
      expect(m.permissions).not.toContain(target === 'chrome' ? 'menus' : 'contextMenus');
      expect(m.content_security_policy.extension_pages).toBe("script-src 'self'; object-src 'none'");
      expect(m.web_accessible_resources).toBeUndefined();
    }
  });

  it('grant host access to the default resolver only; the others are optional', () => {
    const defaultUrl = resolveResolverUrl(DEFAULT_RESOLVER_ID);
    for (const target of TARGETS) {
      const m = forTarget(target);
      expect(m.host_permissions).toEqual([originPattern(defaultUrl)]);
      for (const r of BUILTIN_RESOLVERS.filter((b) => b.id !== DEFAULT_RESOLVER_ID)) {
        expect(m.optional_host_permissions).toContain(originPattern(r.url));
      }
      expect(m.optional_host_permissions).toEqual(expect.arrayContaining(['https://*/*', 'http://127.0.0.1/*']));
    }
  });

  it('fit each browser: one background for all, Gecko targets carry their id and data statement', () => {
    // Each client gets only the key it runs: Chromium warns of background.scripts in MV3 ("requires
    // manifest version of 2 or lower"), and Gecko runs no extension service worker.
    for (const target of TARGETS) {
      expect(forTarget(target).background).toEqual(target === 'chrome' ? { service_worker: 'background.js' } : { scripts: ['background.js'] });
    }
    const chrome = forTarget('chrome');
    expect(chrome.minimum_chrome_version).toBe('121');
    expect(chrome.browser_specific_settings).toBeUndefined();
    const firefox = forTarget('firefox');
    expect(firefox.browser_specific_settings.gecko.id).toBe('@hoplens');
    expect(firefox.browser_specific_settings.gecko.data_collection_permissions.required).toEqual(['personalCommunications']);
    const tb = forTarget('thunderbird');
    expect(tb.permissions).toContain('messagesRead');
    expect(tb.message_display_action.default_popup).toBe('popup.html');
    expect(tb.commands._execute_action).toBeUndefined();
    expect(tb.commands._execute_message_display_action.suggested_key.default).toBe(chrome.commands._execute_action.suggested_key.default);
  });
});

describe('resolver permissions', () => {
  it('map a DoH URL to the origin pattern the browser grants', () => {
    expect(originPattern('https://dns.example.net/dns-query')).toBe('https://dns.example.net/*');
    expect(originPattern('http://127.0.0.1:8053/dns-query')).toBe('http://127.0.0.1/*');
    expect(originPattern('http://dns.example.net/dns-query')).toBeNull();
    expect(originPattern('not a url')).toBeNull();
  });
});
