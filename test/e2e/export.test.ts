import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFileName } from '../../src/core/report/exporters/filename.js';
import { launchExtension, guard, type ExtensionSession } from './browser.js';
import { lastReport, openPopup, pasteAndAnalyze, sample } from './flows.js';

async function download(page: Page, format: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

describe('export', () => {
  let session: ExtensionSession;
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    session = await launchExtension();
    page = await openPopup(session);
    problems = guard(page).problems;
    await pasteAndAnalyze(page, sample());
  });
  afterAll(async () => session?.close());

  it('downloads JSON equal to the report the page holds', async () => {
    const held = await lastReport(page);
    const { name, text } = await download(page, 'json');
    expect(name).toBe(exportFileName(held, 'json'));
    expect(name).toMatch(/^hoplens-2025-10-14-hoplens-sample-test-message/);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(held)));
    expect(held.checks.some((c) => c.check === 'iprev' && c.subject === '203.0.113.25' && c.result === 'pass')).toBe(true);
  });

  it('downloads Markdown ready for a ticket', async () => {
    const held = await lastReport(page);
    const { name, text } = await download(page, 'markdown');
    expect(name).toBe(exportFileName(held, 'md'));
    expect(name).toMatch(/^hoplens-2025-10-14-hoplens-sample-test-message/);
    expect(text).toContain(held.summary);
    expect(text).toMatch(/^\|.*203\.0\.113\.25.*\|$/m);
    expect(text).toContain('Hoplens sample: test message from mail.example.com');
  });

  it('downloads CSV with one row per hop', async () => {
    const held = await lastReport(page);
    const { name, text } = await download(page, 'csv');
    expect(name).toBe(exportFileName(held, 'csv'));
    expect(name).toMatch(/^hoplens-2025-10-14-hoplens-sample-test-message/);
    const lines = text.trim().split(/\r?\n/);
    expect(lines.length).toBe(held.route.hops.length + 1);
    expect(lines.some((l) => l.includes('203.0.113.25') && l.includes('mail.example.com'))).toBe(true);
  });

  it("downloads the providers' checklist as a CSV of its own, one row per provider and requirement", async () => {
    const held = await lastReport(page);
    const { name, text } = await download(page, 'checklist-csv');
    expect(name).toBe(exportFileName(held, 'checklist.csv'));
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toBe('"provider","tier","requirement","label","mark","evidence","provider_text","source_url","source_read"');
    const providers = held.checks.flatMap((c) => (c.check === 'providers' && c.result !== 'not-checked' ? [c.details] : []));
    expect(lines.length).toBe(1 + providers.reduce((n, p) => n + p.lines.length, 0));
    expect(lines.some((l) => l.startsWith('"gmail","all","ptr",'))).toBe(true);
  });

  it('downloads a self-contained HTML report without scripts', async () => {
    const held = await lastReport(page);
    const { name, text } = await download(page, 'html');
    expect(name).toBe(exportFileName(held, 'html'));
    expect(name).toMatch(/^hoplens-2025-10-14-hoplens-sample-test-message/);
    expect(text.toLowerCase()).toMatch(/^<!doctype html>/);
    expect(text).not.toMatch(/<script|<link[^>]+href="http|src="http/i);
    expect(text).toContain('203.0.113.25');
    expect(text).toContain(held.summary.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(problems).toEqual([]);
  });
});
