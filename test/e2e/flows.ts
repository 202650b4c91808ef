import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import type { Settings } from '../../src/settings.js';
import type { Report } from '../../src/core/report/types.js';
import type { ExtensionSession } from './browser.js';

/** Settings pointing the extension at the loopback DoH stack over the test zones. */
export const e2eSettings = (extra: Partial<Settings> = {}): Settings => ({
  resolver: 'custom',
  customResolverUrl: inject('dohUrl'),
  timeoutMs: 3000,
  noDns: false,
  checkOnOpen: false,
  ...extra,
});

export const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
export const sample = () => readFileSync(new URL('../../public/samples/sample.eml', import.meta.url), 'utf8');

/**
 * Records every report the page receives from the worker, before the page's own scripts run:
 * the port's messages are the page's only source of reports, so this is what the page holds.
 */
export async function recordReports(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as {
      __reports: unknown[];
      chrome: { runtime: { connect: (...a: unknown[]) => { onMessage: { addListener: (l: (m: never) => void) => void } } } };
    };
    w.__reports = [];
    const connect = w.chrome.runtime.connect.bind(w.chrome.runtime);
    w.chrome.runtime.connect = (...args: unknown[]) => {
      const port = connect(...args);
      port.onMessage.addListener((m: { type: string; event?: { type: string; report?: unknown } }) => {
        if (m.type === 'progress' && m.event?.type === 'done') w.__reports.push(m.event.report);
      });
      return port;
    };
  });
}

export async function lastReport(page: Page): Promise<Report> {
  const reports = await page.evaluate(() => (window as unknown as { __reports: Report[] }).__reports);
  expect(reports.length).toBeGreaterThan(0);
  return reports.at(-1)!;
}

/** The popup as a page; with no message in the active tab it offers the paste box. */
export async function openPopup(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await recordReports(page);
  await page.goto(session.url('popup.html'));
  return page;
}

export async function pasteAndAnalyze(page: Page, raw: string): Promise<void> {
  await pasteAndClick(page, raw);
  await waitForReport(page);
}

/** Pastes and clicks Analyze, and returns at once: the analysis has only just started. */
export async function pasteAndClick(page: Page, raw: string): Promise<void> {
  const input = page.getByTestId('paste-input');
  const another = page.getByTestId('analyze-another');
  // A popup just opened shows neither until it has read the tab, its draft and the last analysis.
  await input.or(another).waitFor();
  if (!(await input.isVisible())) await another.click();
  await input.fill(raw);
  await page.getByTestId('analyze-button').click();
}

export async function waitForReport(page: Page): Promise<void> {
  await page.getByTestId('summary').waitFor({ timeout: 30_000 });
}

/** result word of each check card, keyed "check subject". */
export async function verdicts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries(
      Array.from(document.querySelectorAll<HTMLElement>('[data-testid="check-card"]')).map((el) => [
        `${el.dataset.check} ${el.querySelector('.subject')?.textContent ?? ''}`.trim(),
        el.dataset.result ?? '',
      ]),
    ),
  );
}
