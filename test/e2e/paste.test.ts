import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, guard, type ExtensionSession } from './browser.js';
import { binaryString } from '../../src/core/message/binary-string.js';
import { sealMessage } from '../support/arc-signer.js';
import { fixtureKey, plainMessage } from '../support/dkim-signer.js';
import { fixture, openPopup, pasteAndAnalyze, sample, verdicts } from './flows.js';

describe('paste flow', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => session?.close());

  it('shows the hops and the verdicts the test zones dictate for the sample (203.0.113.25)', async () => {
    const page = await openPopup(session);
    const { problems } = guard(page);
    await pasteAndAnalyze(page, sample());
    const rows = await page.getByTestId('hop-row').allTextContents();
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.some((r) => r.includes('203.0.113.25') && r.includes('mail.example.com'))).toBe(true);
    const v = await verdicts(page);
    expect(v['iprev 203.0.113.25']).toBe('pass');
    expect(Object.entries(v).find(([k]) => k.startsWith('helo '))?.[1]).toBe('pass');
    expect(Object.entries(v).find(([k]) => k.startsWith('spf '))?.[1]).toBe('pass');
    expect(await page.getByTestId('summary').textContent()).toContain('203.0.113.25');
    expect(problems).toEqual([]);
  });

  it('leads with the providers’ checklist on the popup’s first screen, its marks read from the sample’s checks', async () => {
    const page = await openPopup(session);
    const { problems } = guard(page);
    // Chromium's largest popup is 800 × 600; the report starts at the top of it.
    await page.setViewportSize({ width: 640, height: 600 });
    await pasteAndAnalyze(page, sample());
    const checklist = page.getByTestId('checklist');
    const heading = checklist.getByRole('heading', { name: 'Will Gmail, Yahoo and Outlook.com accept this sender?' });
    await expect.poll(() => heading.isVisible()).toBe(true);
    const box = await heading.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(600);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // Column headers name the providers; each cell says its mark in words for screen readers.
    expect(await checklist.locator('thead th').allTextContents()).toEqual(['Requirement', 'Gmail', 'Yahoo', 'Outlook.com']);
    const words = (id: string) => checklist.locator(`tr[data-requirement="${id}"] td .sr-only`).allTextContents();
    expect(await words('ptr')).toEqual(['met', 'met', 'not listed by this provider']);
    expect(await words('tls')).toEqual(['met', 'not listed by this provider', 'not listed by this provider']);
    expect(await words('dkim-pass')).toEqual(['not met', 'not met', 'not met']);
    expect(await page.getByTestId('summary').textContent()).toMatch(/^Gmail, Yahoo: meets all-sender requirements; bulk: /);
    expect(problems).toEqual([]);
  });

  it('shows the ARC chain of a forward: its verdict, then each set with what its intermediary claimed', async () => {
    const page = await openPopup(session);
    const { problems } = guard(page);
    // Sealed with python3-dkim's test key, which the BIND test zone serves at arc._domainkey.example.org.
    const sealed = await sealMessage(plainMessage(), await fixtureKey('rsa'), {
      domain: 'example.org',
      results: 'spf=pass smtp.mailfrom=example.com; dmarc=pass header.from=example.com',
    });
    await pasteAndAnalyze(page, binaryString(sealed));
    const cards = page.locator('[data-testid="check-card"][data-check="arc"]');
    await expect.poll(() => cards.count()).toBe(2);
    expect(await cards.nth(0).getAttribute('data-result')).toBe('pass');
    expect(await cards.nth(0).textContent()).toContain('chain pass (1 set verified)');
    expect(await cards.nth(1).textContent()).toContain('mx.example.org claimed spf=pass, dmarc=pass');
    expect(await cards.nth(1).textContent()).toContain('its own words, not verified by Hoplens');
    // The intermediary's dmarc=pass is its claim: Hoplens' own DMARC for example.com is its own.
    expect((await verdicts(page))['dmarc example.com']).not.toBe('pass');
    expect(problems).toEqual([]);
  });

  it('shows failures for a sender whose PTR name maps elsewhere (203.0.113.27)', async () => {
    const page = await openPopup(session);
    const { problems } = guard(page);
    await pasteAndAnalyze(page, fixture('origin-27.eml'));
    const v = await verdicts(page);
    expect(v['iprev 203.0.113.27']).toBe('fail');
    expect(Object.entries(v).find(([k]) => k.startsWith('helo '))?.[1]).toBe('fail');
    // example.net's SPF allows its MX and mail.example.com, then "~all".
    expect(Object.entries(v).find(([k]) => k.startsWith('spf '))?.[1]).toBe('softfail');
    expect(problems).toEqual([]);
  });
});
