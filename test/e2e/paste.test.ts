import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, guard, type ExtensionSession } from './browser.js';
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
