import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, guard, type ExtensionSession } from './browser.js';
import { fixture, openPopup, pasteAndAnalyze, waitForReport } from './flows.js';

/** Anything in the DOM that could run or navigate to script. */
async function liveMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (tag === 'script' && !(el as HTMLScriptElement).src.startsWith(location.origin)) found.push(`script: ${el.outerHTML.slice(0, 80)}`);
      if (['iframe', 'object', 'embed', 'foreignobject'].includes(tag)) found.push(tag);
      if (tag === 'img' && !(el as HTMLImageElement).src.startsWith(location.origin)) found.push(`img: ${el.outerHTML.slice(0, 80)}`);
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) found.push(`${tag}[${attr.name}]`);
        if (/^\s*javascript:/i.test(attr.value) && ['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr.name))
          found.push(`${tag}[${attr.name}=${attr.value}]`);
      }
    }
    return found;
  });
}

describe('hostile headers', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => session?.close());

  it('render as text in the popup and the report tab: nothing runs, nothing links', async () => {
    const popup = await openPopup(session);
    const popupGuard = guard(popup);
    await pasteAndAnalyze(popup, fixture('hostile.eml'));
    await expect(popup.getByText('<script>alert(1)</script><img src=x onerror=alert(1)> javascript:alert(1)').count()).resolves.toBeGreaterThan(0);
    expect(await liveMarkup(popup)).toEqual([]);
    expect(await popup.locator('a[href^="javascript:" i]').count()).toBe(0);

    const [tab] = await Promise.all([session.context.waitForEvent('page'), popup.getByTestId('open-in-tab').click()]);
    const tabGuard = guard(tab);
    await waitForReport(tab);
    await tab.waitForTimeout(500);
    expect(await liveMarkup(tab)).toEqual([]);
    expect(await tab.locator('a[href^="javascript:" i]').count()).toBe(0);
    expect([...popupGuard.problems, ...tabGuard.problems]).toEqual([]);
  });

  it('stay text in the HTML export, even opened with scripts enabled', async () => {
    const popup = await openPopup(session);
    await pasteAndAnalyze(popup, fixture('hostile.eml'));
    const [file] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('export-html').click()]);
    const html = readFileSync(await file.path(), 'utf8');
    const viewer = await session.context.newPage();
    const { problems } = guard(viewer);
    await viewer.setContent(html);
    await viewer.waitForTimeout(500);
    expect(await liveMarkup(viewer)).toEqual([]);
    expect(await viewer.locator('script, a[href^="javascript:" i]').count()).toBe(0);
    expect(await viewer.getByText('<script>alert(1)</script>', { exact: false }).count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
