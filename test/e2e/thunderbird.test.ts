import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchGecko, type GeckoPopup, type GeckoSession } from './gecko/client.js';
import { startCountingDoh } from './gecko/servers.js';
import { pngSize, saveScreenshot } from './screenshot-file.js';
import { e2eSettings } from './flows.js';
import { CLIPPED, HOP_ROWS, SUMMARY, VERDICTS } from './page-scripts.js';

const FOLDER = 'Hoplens e2e';
const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
/** Message-ID (no brackets) of each message imported, with what its popup must show. */
const SAMPLE = '5f0c1d2e3a4b4c5d8e9f0a1b2c3d4e5f@EXCH01.corp.example.com';
const OTHER = 'e2e-27@other.example.com';
const FORWARD = 'e2e-forward@example.com';
const EIGHT_BIT = 'e2e-8bit@example.com';

describe('Thunderbird', () => {
  let session: GeckoSession;
  beforeAll(async () => {
    session = await launchGecko('thunderbird', { extensionDir: inject('thunderbirdDir') });
    await session.setStorage({ settings: e2eSettings() });
    await session.addMessages(FOLDER, [
      path('../../public/samples/sample.eml'),
      path('./fixtures/origin-27.eml'),
      path('./fixtures/forwarded-report.eml'),
      path('./fixtures/utf8-headers.eml'),
    ]);
  });
  afterAll(async () => session?.close());

  async function popupFor(messageId: string): Promise<GeckoPopup> {
    await session.showMessage(FOLDER, messageId);
    const popup = await session.clickButton();
    await popup.waitFor(SUMMARY);
    return popup;
  }
  const verdicts = (popup: GeckoPopup) => popup.evaluate<Record<string, string>>(`return ${VERDICTS};`);

  it('shows the route and verdicts of the displayed message, and of the other one once it is displayed', async () => {
    for (const id of [SAMPLE, OTHER, SAMPLE]) {
      const popup = await popupFor(id);
      // "Check every message I open" is off by default: no verdict on the button.
      expect((await session.messageButton()).badge).toBe('');
      const v = await verdicts(popup);
      const rows = await popup.evaluate<string[]>(`return ${HOP_ROWS};`);
      if (id === OTHER) {
        expect(v['iprev 203.0.113.27']).toBe('fail');
        expect(v['iprev 203.0.113.25']).toBeUndefined();
        expect(rows.some((r) => r.includes('other.example.com'))).toBe(true);
      } else {
        expect(v['iprev 203.0.113.25']).toBe('pass');
        expect(v['iprev 203.0.113.27']).toBeUndefined();
        expect(rows.some((r) => r.includes('203.0.113.25') && r.includes('mail.example.com'))).toBe(true);
      }
      // Thunderbird's panel holds the whole popup: nothing cut off at its edge.
      expect((await popup.evaluate<{ clipped: string[] }>(`return ${CLIPPED};`)).clipped).toEqual([]);
      await popup.close();
    }
  });

  it('offers the message/rfc822 attachment of the displayed message and analyses it on request', async () => {
    const popup = await popupFor(FORWARD);
    expect((await verdicts(popup))['iprev 203.0.113.29']).toBe('pass');
    // One attachment: offered as a button above the report, not in a list.
    expect(await popup.evaluate<string>(`return document.querySelector('[data-testid="embedded-offer"]').textContent;`)).toContain('The reported message');
    await popup.evaluate(`document.querySelector('[data-testid="embedded-attached"]').click();`);
    await popup.waitFor(`${VERDICTS}['iprev 203.0.113.27'] && ${SUMMARY}`);
    expect((await verdicts(popup))['iprev 203.0.113.27']).toBe('fail');
    expect(await popup.evaluate<string>(`return document.body.innerText;`)).toContain('The reported message');
    await popup.close();
  });

  it('reads 8-bit header bytes as the message carries them (getRaw bytes, not re-encoded text)', async () => {
    const popup = await popupFor(EIGHT_BIT);
    const text = await popup.evaluate<string>(`return document.body.innerText;`);
    expect(text).toContain('Grüße aus Köln – 8-bit header');
    expect(text).toContain('Jürgen Müller');
    expect(text).not.toContain('Ã');
    expect((await verdicts(popup))['iprev 203.0.113.25']).toBe('pass');
    await popup.close();
  });

  it('checks every message it opens once the option is on: the verdict on the button, once per message, at once in the popup', async () => {
    const doh = await startCountingDoh(inject('dohUrl'));
    const button = async (badge: string) => {
      for (let waited = 0; waited < 30_000; waited += 100) {
        const shown = await session.messageButton();
        if (shown.badge === badge) return shown.title;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`the message button never showed ${badge}: ${JSON.stringify(await session.messageButton())}`);
    };
    try {
      await session.setStorage({ settings: e2eSettings({ customResolverUrl: doh.url, checkOnOpen: true }) });
      // The sample is unsigned: DKIM none needs a look, nothing failed.
      await session.showMessage(FOLDER, SAMPLE);
      expect(await button('!')).toMatch(/^Hoplens: Reverse DNS pass, HELO pass, SPF pass, DKIM none, MX pass/);
      expect(doh.requests()).toBeGreaterThan(0);

      await session.showMessage(FOLDER, OTHER);
      expect(await button('✗')).toMatch(/^Hoplens: Reverse DNS fail, HELO fail, SPF softfail/);
      const asked = doh.requests();

      // Back to the first message: its verdict comes from the store, with no query.
      await session.showMessage(FOLDER, SAMPLE);
      expect(await button('!')).toMatch(/^Hoplens: Reverse DNS pass/);
      const popup = await session.clickButton();
      await popup.waitFor(SUMMARY);
      expect((await verdicts(popup))['iprev 203.0.113.25']).toBe('pass');
      // The README's picture of the Thunderbird popup, drawn by Thunderbird itself.
      const png = await popup.screenshot();
      expect(pngSize(png).width).toBeGreaterThanOrEqual(600);
      saveScreenshot('thunderbird-popup', png);
      await popup.close();
      expect(doh.requests()).toBe(asked);
    } finally {
      await session.setStorage({ settings: e2eSettings() });
      await doh.stop();
    }
  });
});
