import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchGecko, type GeckoSession } from './gecko/client.js';
import { startHttpsSite, startPageServer } from './gecko/servers.js';
import { pngSize, saveScreenshot } from './screenshot-file.js';
import { e2eSettings, fixture, sample } from './flows.js';
import { gmailResponse, INBOX_ONLY_PATH, SAMPLE_ORIGINAL_URL } from './gmail-fixture.js';
import { CLIPPED, HOP_ROWS, PASTE, SUMMARY, VERDICTS, waitForScript } from './page-scripts.js';

/** The sample under a subject of its own, RFC 2047-encoded, with a bidi override in it. */
const RENAMED_SUBJECT = 'Invoice \u202efdp.exe — closed at once';
const RENAMED = sample().replace(/^Subject: .*$/m, `Subject: =?utf-8?B?${Buffer.from(RENAMED_SUBJECT).toString('base64')}?=`);

const firstOf = (v: Record<string, string>, check: string) => Object.entries(v).find(([k]) => k.startsWith(`${check} `))?.[1];

describe('Firefox ESR', () => {
  let session: GeckoSession;
  let pages: Awaited<ReturnType<typeof startPageServer>>;
  let gmail: Awaited<ReturnType<typeof startHttpsSite>>;
  const originalRequests: { url: string; cookie: string }[] = [];

  beforeAll(async () => {
    // A page that shows a message's raw source as text, as a "show original" view does.
    pages = await startPageServer((url) => {
      const path = new URL(url).pathname;
      if (path === '/original.txt') return { status: 200, contentType: 'text/plain; charset=utf-8', body: sample() };
      if (path === '/renamed.txt') return { status: 200, contentType: 'text/plain; charset=utf-8', body: RENAMED };
      return { status: 404, contentType: 'text/plain', body: 'not found' };
    });
    gmail = await startHttpsSite('mail.google.com', (url, request) => {
      if (new URL(url).searchParams.get('view') === 'om') originalRequests.push({ url, cookie: request.headers.cookie ?? '' });
      return gmailResponse(url);
    });
    session = await launchGecko('firefox', { extensionDir: inject('firefoxDir'), prefs: gmail.prefs });
    await session.setStorage({ settings: e2eSettings() });
  });
  afterAll(async () => {
    await session?.close();
    await pages?.stop();
    await gmail?.stop();
  });

  async function pasteInTab(raw: string): Promise<Record<string, string>> {
    await session.navigate(session.url('popup.html'));
    await session.content(waitForScript(`document.querySelector('[data-testid="paste-input"]')`));
    await session.content(PASTE, [raw]);
    await session.content(waitForScript(SUMMARY));
    return session.content<Record<string, string>>(`return ${VERDICTS};`);
  }

  it('pastes headers and shows the verdicts the test zones dictate', async () => {
    const v = await pasteInTab(sample());
    expect(v['iprev 203.0.113.25']).toBe('pass');
    expect(firstOf(v, 'helo')).toBe('pass');
    expect(firstOf(v, 'spf')).toBe('pass');
    const rows = await session.content<string[]>(`return ${HOP_ROWS};`);
    expect(rows.some((r) => r.includes('203.0.113.25') && r.includes('mail.example.com'))).toBe(true);

    const bad = await pasteInTab(fixture('origin-27.eml'));
    expect(bad['iprev 203.0.113.27']).toBe('fail');
    expect(firstOf(bad, 'helo')).toBe('fail');
    expect(firstOf(bad, 'spf')).toBe('softfail');
  });

  it('reads the raw headers a page shows when the toolbar button is clicked (activeTab)', async () => {
    // localhost is not among the add-on's host permissions: only the click grants access.
    await session.navigate(`${pages.origin}/original.txt`);
    const popup = await session.clickButton();
    await popup.waitFor(SUMMARY);
    expect((await popup.evaluate<Record<string, string>>(`return ${VERDICTS};`))['iprev 203.0.113.25']).toBe('pass');
    expect(await popup.evaluate<string>(`return document.body.innerText;`)).toContain('localhost');
    // The README's picture of the Firefox popup, drawn by Firefox itself.
    const png = await popup.screenshot();
    expect(pngSize(png).width).toBeGreaterThanOrEqual(600);
    saveScreenshot('firefox-popup', png);
    await popup.close();
  });

  it('names the last analysis by its subject when the popup closes as soon as the analysis starts', async () => {
    await session.navigate(`${pages.origin}/renamed.txt`);
    let popup = await session.clickButton();
    // Enabled once the analysis has started, in the same turn that told the worker to remember it.
    await popup.waitFor(`document.querySelector('[data-testid="open-in-tab"]')?.disabled === false`);
    await popup.close();
    // The worker has it from that one message alone.
    await session.navigate(session.url('options.html'));
    await session.content(
      waitForScript(
        `window.lastSubject === ${JSON.stringify(RENAMED_SUBJECT)} || void browser.storage.session.get('last-analysis:label').then((items) => { window.lastSubject = items['last-analysis:label']?.subject; })`,
      ),
    );

    await session.navigate(`${pages.origin}/no-message`);
    popup = await session.clickButton();
    await popup.waitFor(`document.querySelector('[data-testid="show-last-analysis"]')`);
    expect(await popup.evaluate<string>(`return document.querySelector('[data-testid="show-last-analysis"]').textContent;`)).toBe(
      'Show the last analysis: Invoice ⟨RLO⟩fdp.exe — closed at once',
    );
    await popup.close();
  });

  it('reads the Gmail message in view through the toolbar, with the page session, and switches messages', async () => {
    await session.navigate('https://mail.google.com/mail/u/0/');
    await session.addCookie({ name: 'SID', value: 'e2e-session', domain: 'mail.google.com', path: '/', secure: true });
    await session.navigate('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJtestthread');
    const popup = await session.clickButton();
    await popup.waitFor(SUMMARY);
    expect(originalRequests.at(-1)?.url).toBe(SAMPLE_ORIGINAL_URL);
    expect(originalRequests.at(-1)?.cookie).toContain('SID=e2e-session');
    const verdicts = await popup.evaluate<Record<string, string>>(`return ${VERDICTS};`);
    expect(verdicts['iprev 203.0.113.25']).toBe('pass');
    // The Gmail sample's two signatures verify in Firefox's WebCrypto, Ed25519 included.
    expect([verdicts['dkim d=example.com s=dkimpy-rsa'], verdicts['dkim d=example.com s=dkimpy-ed']]).toEqual(['pass', 'pass']);
    expect(await popup.evaluate(`return Array.from(document.querySelectorAll('#choice-select option'), (o) => o.textContent);`)).toEqual([
      '1. Other Sender, Tue, Oct 14, 2025, 10:20 AM',
      '2. Sam Admin, Tue, Oct 14, 2025, 9:12 AM',
    ]);
    await popup.evaluate(`const select = document.querySelector('#choice-select');
      select.value = '1790000000000000001';
      select.dispatchEvent(new Event('change', { bubbles: true }));`);
    await popup.waitFor(`${VERDICTS}['iprev 203.0.113.27'] && ${SUMMARY}`);
    expect(originalRequests.at(-1)?.url).toContain('msg-f%3A1790000000000000001');
    expect((await popup.evaluate<Record<string, string>>(`return ${VERDICTS};`))['iprev 203.0.113.27']).toBe('fail');
    await popup.close();

    await session.navigate(`https://mail.google.com${INBOX_ONLY_PATH}`);
    const inbox = await session.clickButton();
    await inbox.waitFor(`document.querySelector('[data-testid="gather-failed"]')`);
    expect(await inbox.evaluate(`return document.querySelector('[data-testid="gather-failed"]').textContent;`)).toContain(
      'No message is open in this Gmail tab',
    );
    await inbox.close();
  });

  it('saves a custom resolver on the options page and analyses through it', async () => {
    await session.setStorage({ settings: e2eSettings({ resolver: 'cloudflare', customResolverUrl: '' }) });
    await session.navigate(session.url('options.html'));
    await session.content(waitForScript(`document.querySelector('#resolver-custom')`));
    await session.click('#resolver-custom');
    await session.type('#custom-url', inject('dohUrl'));
    await session.click('[data-testid="save-options"]');
    await session.content(waitForScript(`document.querySelector('[data-testid="save-status"]')?.textContent.includes('Saved')`));
    const stored = await session.content<{ settings: { resolver: string; customResolverUrl: string } }>(`return browser.storage.local.get('settings');`);
    expect(stored.settings).toMatchObject({ resolver: 'custom', customResolverUrl: inject('dohUrl') });
    expect((await pasteInTab(sample()))['iprev 203.0.113.25']).toBe('pass');
  });

  it('lays the popup out in hosts from 360 to 800 px wide, and at its own width in the toolbar panel', async () => {
    // An extension page may frame popup.html: hosts of exactly these widths, as panels of a set width are.
    await session.navigate(session.url('options.html'));
    const inFrame = (script: string) => `const document = window.frames[0].document; ${script}`;
    for (const width of [360, 800]) {
      await session.content(
        `document.body.replaceChildren();
        const frame = Object.assign(document.createElement('iframe'), { src: 'popup.html' });
        frame.style.cssText = 'border: 0; height: 700px; width: ' + arguments[0] + 'px';
        document.body.append(frame);
        return true;`,
        [width],
      );
      await session.content(waitForScript(`window.frames[0]?.document.querySelector('[data-testid="paste-input"]')`));
      await session.content(inFrame(PASTE), [sample()]);
      await session.content(waitForScript(`window.frames[0].document.querySelector('[data-testid="summary"]')`));
      const layout = await session.content<{ width: number; body: number; clipped: string[] }>(inFrame(`return ${CLIPPED};`));
      expect(layout.clipped, `${width} px`).toEqual([]);
      // Fluid up to 640 px, then centred.
      expect(layout.body, `${width} px`).toBe(Math.min(layout.width, 640));
    }
    await session.navigate(`${pages.origin}/original.txt`);
    const popup = await session.clickButton();
    await popup.waitFor(SUMMARY);
    const panel = await popup.evaluate<{ width: number; clipped: string[] }>(`return ${CLIPPED};`);
    expect(panel.width).toBeGreaterThanOrEqual(600);
    expect(panel.clipped).toEqual([]);
    await popup.close();
  });

  it('exports the report as a JSON file', async () => {
    await pasteInTab(sample());
    await session.content(`document.querySelector('[data-testid="export-json"]').click(); return true;`);
    let file: string | undefined;
    for (let waited = 0; !file && waited < 15_000; waited += 100) {
      file = existsSync(session.downloadDir) ? readdirSync(session.downloadDir).find((f) => f.endsWith('.json')) : undefined;
      if (!file) await new Promise((r) => setTimeout(r, 100));
    }
    expect(file).toMatch(/^hoplens-2025-10-14-hoplens-sample-test-message.*\.json$/);
    // Firefox writes the file under its final name once complete.
    let report: { checks: { check: string; subject: string; result: string }[] } | undefined;
    for (let waited = 0; !report && waited < 5000; waited += 100) {
      try {
        report = JSON.parse(readFileSync(join(session.downloadDir, file!), 'utf8'));
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    expect(report?.checks.some((c) => c.check === 'iprev' && c.subject === '203.0.113.25' && c.result === 'pass')).toBe(true);
  });
});
