import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ExtensionSession } from './browser.js';
import { clickToolbar } from './toolbar.js';

const FAILED = `document.querySelector('[data-testid="gather-failed"]')`;

/** A webmail page opened in its own tab, in front, as the user would have it. */
export async function openTab(session: ExtensionSession, url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url);
  await page.bringToFront();
  return page;
}

/** The toolbar clicked on `url` ends in the paste flow: its reason and steps, as the popup shows them. */
export async function gatherFailure(session: ExtensionSession, url: string): Promise<string> {
  const tab = await openTab(session, url);
  const popup = await clickToolbar(session, tab);
  await popup.waitFor(FAILED);
  const text = await popup.evaluate<string>(`${FAILED}.textContent`);
  expect(await popup.evaluate(`Boolean(document.querySelector('[data-testid="paste-input"]'))`)).toBe(true);
  expect(popup.problems).toEqual([]);
  await popup.close();
  await tab.close();
  return text;
}
