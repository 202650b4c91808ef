// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { MAX_CLAIM_ROWS } from '../../../src/core/claims/row-cap.js';
import { renderJson } from '../../../src/core/report/exporters/json.js';
import type { Report } from '../../../src/core/report/types.js';
import { applyUpdate, STARTED, type AnalysisState } from '../../../src/ui/report/analysis-state.js';
import { ReportView } from '../../../src/ui/report/report-view.js';
import type { Analysis } from '../../../src/ui/report/use-analysis.js';
import { HOSTILE, hostileReport, sampleReport } from '../../fixtures/reports/sample-report.js';
import { missingKeys } from './fake-i18n.js';
import { liveElements, mount } from './render.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).browser }));

function done(report: Report): AnalysisState {
  return applyUpdate(STARTED, { type: 'progress', event: { type: 'done', report } });
}

function view(state: AnalysisState, restart = vi.fn(), layout?: 'popup' | 'tab') {
  const analysis: Pick<Analysis, 'state' | 'run' | 'outerEmbedded' | 'restart'> = {
    state,
    run: { raw: 'Received: …', source: { kind: 'paste', label: 'pasted text' } },
    outerEmbedded: [],
    restart,
  };
  return mount(<ReportView analysis={analysis} layout={layout} />);
}

const byTestId = (root: HTMLElement, id: string) => root.querySelector(`[data-testid="${id}"]`);

beforeEach(() => {
  document.body.innerHTML = '';
  missingKeys.clear();
});

afterEach(() => {
  // Only keys built from data may be missing (the UI then shows a generic text); a check's keys never.
  expect([...missingKeys].filter((k) => !/^errorHelp_/.test(k))).toEqual([]);
});

describe('report view', () => {
  it('shows the summary, every hop, and one card per check with its result word', async () => {
    const root = await view(done(sampleReport));
    expect(byTestId(root, 'summary')?.textContent).toBe(sampleReport.summary);
    expect(byTestId(root, 'progress')).toBeNull();
    expect(byTestId(root, 'hops-table')?.querySelectorAll('tbody tr')).toHaveLength(4);
    const sender = root.querySelector('tr.sender-row');
    expect(sender?.getAttribute('data-hop')).toBe('1');
    expect(sender?.textContent).toContain('203.0.113.28');
    const cards = Array.from(root.querySelectorAll('[data-testid="check-card"]'));
    // Grouped on the page (the sender's, the other hops', then vs now), one card each; the
    // providers' checklist is its own table above them.
    expect(cards.map((c) => `${c.getAttribute('data-check')} ${c.getAttribute('data-result')}`).sort()).toEqual(
      sampleReport.checks
        .filter((c) => c.check !== 'providers')
        .map((c) => `${c.check} ${c.result}`)
        .sort(),
    );
    const spf = cards.find((c) => c.getAttribute('data-check') === 'spf')!;
    expect(spf.querySelector('[data-testid="result-badge"]')?.textContent).toContain('softfail');
    expect(spf.querySelector('.badge')?.className).toContain('sev-warning');
    expect(spf.textContent).toContain("The headers show Postfix, which sends from your own server's address: `ip4:203.0.113.28` covers it.");
    const evidence = spf.querySelector('details');
    expect(evidence?.open).toBe(false);
    expect(evidence?.textContent).toContain('example.net. 300 IN TXT "v=spf1 mx a:mail.example.com ~all"');
    expect(root.querySelector('.clock-issue')?.textContent).toContain('clock skew');
    expect((byTestId(root, 'export-json') as HTMLButtonElement).disabled).toBe(false);
  });

  it('leads with the providers’ checklist: a row per requirement, a column per provider, marks in words for screen readers', async () => {
    const root = await view(done(sampleReport));
    const list = byTestId(root, 'checklist')!;
    // Right under the sender panel: the first screen.
    expect(byTestId(root, 'sender-panel')?.nextElementSibling).toBe(list);
    expect(list.querySelector('h2')?.textContent).toBe('Will Gmail, Yahoo and Outlook.com accept this sender?');
    expect(Array.from(list.querySelectorAll('thead th')).map((th) => th.textContent)).toEqual(['Requirement', 'Gmail', 'Yahoo', 'Outlook.com']);
    expect(Array.from(list.querySelectorAll('.checklist-summary li')).map((li) => li.textContent)).toEqual(
      sampleReport.checks.filter((c) => c.check === 'providers').map((c) => c.summary),
    );
    const row = (id: string) => list.querySelector(`tr[data-requirement="${id}"]`)!;
    const cells = (id: string) => Array.from(row(id).querySelectorAll('td')).map((td) => td.querySelector('.sr-only')?.textContent);
    // The sample's sender: reverse DNS passes; SPF softfails and it is unsigned; TLS 1.3 in.
    expect(cells('ptr')).toEqual(['met', 'met', 'not listed by this provider']);
    expect(cells('spf-or-dkim')).toEqual(['not met', 'not met', 'not listed by this provider']);
    // Its domain publishes no DMARC record, which Hoplens' own DMARC check found.
    expect(cells('dmarc-record')).toEqual(['not met', 'not met', 'not met']);
    expect(row('tls').querySelector('.evidence-line')?.textContent).toContain('TLSv1.3');
    expect(row('ptr').querySelector('th')?.getAttribute('scope')).toBe('row');
    expect(list.querySelector('.checklist-sources')?.textContent).toContain('https://support.google.com/a/answer/81126');
    // The chips name the checks, not the checklist, which has its table.
    expect(byTestId(root, 'sender-panel')?.textContent).not.toContain('providers');
  });

  it('renders hostile header text as text: no script, image or link is created', async () => {
    const root = await view(done(hostileReport()));
    expect(liveElements(root)).toEqual([]);
    const text = root.textContent ?? '';
    for (const s of [HOSTILE.script, HOSTILE.img, HOSTILE.js, HOSTILE.mdLink, HOSTILE.formula]) expect(text).toContain(s);
    expect(root.querySelectorAll('[data-testid="check-card"]')).toHaveLength(sampleReport.checks.filter((c) => c.check !== 'providers').length);
  });

  it('streams: a progress line with counts, cards as they come, exports off until done', async () => {
    let s = applyUpdate(STARTED, { type: 'progress', event: { type: 'route', analysis: sampleReport, checkMeta: sampleReport.checkMeta } });
    s = applyUpdate(s, { type: 'progress', event: { type: 'check', result: sampleReport.checks[0]! } });
    s = applyUpdate(s, { type: 'progress', event: { type: 'dns', asked: 7, answered: 5, failed: 0, pending: 2 } });
    const root = await view(s);
    const progress = byTestId(root, 'progress');
    expect(progress?.textContent).toContain('1 check results so far');
    expect(progress?.textContent).toContain('DNS: 5 of 7 questions answered, 2 waiting');
    expect(progress?.closest('[aria-live="polite"]')).not.toBeNull();
    expect(byTestId(root, 'summary')).toBeNull();
    expect(root.querySelectorAll('[data-testid="check-card"]')).toHaveLength(1);
    for (const id of ['export-json', 'export-markdown', 'export-csv', 'export-html', 'copy-summary']) {
      expect((byTestId(root, id) as HTMLButtonElement).disabled, id).toBe(true);
    }
  });

  it('re-runs with the hop the user picks as sender', async () => {
    const restart = vi.fn();
    const root = await view(done(sampleReport), restart);
    const buttons = Array.from(root.querySelectorAll('[data-testid="hop-row"] button')) as HTMLButtonElement[];
    // Hops 1 and 3 have an IP and are not the sender; hop 4 has no IP.
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Use hop 1 (192.168.1.20) as sender and check again',
      'Use hop 3 (127.0.0.1) as sender and check again',
    ]);
    await act(() => buttons[1]!.click());
    expect(restart).toHaveBeenCalledWith({ originHop: 2, embedded: undefined });
  });

  it('offers the original sender of a forwarded message in one click', async () => {
    const report: Report = structuredClone(sampleReport);
    report.route.originalSender = { hopIndex: 0, ip: '192.168.1.20', reasons: [{ kind: 'original-sender', text: 'first leg' }], confidence: 'medium' };
    const restart = vi.fn();
    const root = await view(done(report), restart);
    const line = byTestId(root, 'original-sender');
    expect(line?.textContent).toContain('192.168.1.20');
    expect(line?.textContent).toContain('Hop 1, into the first receiver');
    await act(() => (line!.querySelector('button') as HTMLButtonElement).click());
    expect(restart).toHaveBeenCalledWith({ originHop: 0, embedded: undefined });
    // Not offered when it is the sender already, nor for a message that was not forwarded.
    expect(byTestId(await view(done(sampleReport)), 'original-sender')).toBeNull();
  });

  it('shows how many Authentication-Results fields were not compared, with the comparisons, not tucked away, and caps the table of claims', async () => {
    const { readFileSync } = await import('node:fs');
    const { analyze } = await import('../../../src/core/analyze.js');
    const { memoryResolver } = await import('../../../src/core/dns/memory.js');
    const { ZONES } = await import('../../support/test-zones.js');
    const { stuffAuthResults } = await import('../../support/long-route.js');
    const raw = stuffAuthResults(readFileSync('public/samples/sample.eml', 'utf8'), 10_000);
    const root = await view(done(await analyze(raw, { resolver: memoryResolver(ZONES) })));
    const cards = Array.from(root.querySelectorAll('[data-testid="check-card"][data-check="then-vs-now"]'));
    const left = cards.filter((c) => c.getAttribute('data-result') === 'not-checked');
    expect(left).toHaveLength(1);
    expect(left[0]!.textContent).toMatch(/\d+ more Authentication-Results fields not compared/);
    expect(left[0]!.closest('details')).toBeNull();
    expect(byTestId(root, 'claims-table')!.querySelectorAll('tbody tr')).toHaveLength(MAX_CLAIM_ROWS);
    expect(byTestId(root, 'claims-left-out')?.textContent).toMatch(/^Authentication-Results and Received-SPF fields not shown: \d+$/);
  }, 60_000);

  it("shows a forward's original sender's checks under their own heading, after the sender's", async () => {
    const { readFileSync } = await import('node:fs');
    const { analyze } = await import('../../../src/core/analyze.js');
    const { memoryResolver } = await import('../../../src/core/dns/memory.js');
    const { ZONES } = await import('../../support/test-zones.js');
    const raw = readFileSync('test/fixtures/messages/srs-forward.eml');
    const root = await view(done(await analyze(raw, { resolver: memoryResolver(ZONES) })));
    const section = byTestId(root, 'original-sender-checks')!;
    expect(section.querySelector('h3')?.textContent).toBe('Original sender, hop 1');
    const cards = (within: Element) =>
      Array.from(within.querySelectorAll('[data-testid="check-card"]')).map((c) => [c.getAttribute('data-check'), c.getAttribute('data-result')]);
    expect(cards(section)).toEqual([
      ['iprev', 'pass'],
      ['helo', 'pass'],
      ['spf', 'pass'],
    ]);
    // The sender's own cards stay the forwarder's: none of them is about the original sender.
    const senderCards = Array.from(root.querySelectorAll('section[aria-labelledby="checks-title"] > [data-testid="check-card"]'));
    expect(senderCards.map((c) => c.textContent).join('\n')).not.toContain('Original sender');
    expect(senderCards.map((c) => c.getAttribute('data-check'))).toEqual(expect.arrayContaining(['iprev', 'helo', 'spf']));
  });

  it('lists the reasons for the sender hop as their words', async () => {
    const root = await view(done(sampleReport));
    const items = Array.from(root.querySelectorAll('.reasons li'));
    expect(items.map((li) => [li.getAttribute('data-kind'), li.textContent])).toEqual(sampleReport.route.origin!.reasons.map((r) => [r.kind, r.text]));
  });

  it('shows the worker’s error with what to do', async () => {
    const s = applyUpdate(STARTED, { type: 'error', code: 'no-received', message: 'The text has no Received: header.' });
    const root = await view(s);
    const error = byTestId(root, 'error');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(error?.textContent).toContain('The text has no Received: header.');
    expect(error?.textContent).toContain('Copy the full source of a message you received');
  });

  it('draws the delays as an accessible chart with a table fallback', async () => {
    const root = await view(done(sampleReport));
    const svg = root.querySelector('svg[role="img"]');
    expect(svg?.getAttribute('aria-label')).toBe('Delay before each hop: Hop 2: 2 s; Hop 3: -1 s; Hop 4: 1 min 4 s');
    expect(svg?.querySelectorAll('rect.bar-negative')).toHaveLength(1);
    expect(root.querySelectorAll('.timeline details tbody tr')).toHaveLength(3);
  });

  it('downloads each export with the report’s file name and content', async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:x';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const root = await view(done(sampleReport));
    await act(() => (byTestId(root, 'export-json') as HTMLButtonElement).click());
    expect(names).toEqual(['hoplens-2024-05-01-quarterly-report-draft-2.json']);
    expect(await blobs[0]!.text()).toBe(renderJson(sampleReport));
    expect(root.querySelector('a')).toBeNull();
  });

  it('puts the sender’s results first and folds the other hops’ behind a counted disclosure', async () => {
    const root = await view(done(sampleReport));
    const checks = root.querySelector('section[aria-labelledby="checks-title"]')!;
    const folded = checks.querySelector('[data-testid="other-hops"]') as HTMLDetailsElement;
    expect(folded.open).toBe(false);
    expect(folded.querySelector('summary')?.textContent).toBe('Other hops (2) inot-checked ×2 (worth knowing)');
    expect(Array.from(folded.querySelectorAll('[data-testid="check-card"] .subject')).map((s) => s.textContent)).toEqual(['192.168.1.20', '127.0.0.1']);
    const shown = Array.from(checks.querySelectorAll(':scope > [data-testid="check-card"]'));
    expect(shown.map((c) => c.querySelector('.subject')?.textContent)).toEqual([
      '203.0.113.28',
      'b.multi.example.com',
      'example.net',
      'example.net',
      '',
      'example.net',
    ]);
    // A result short of "ok" on the sender keeps its explanation and advice in view.
    const spf = shown.find((c) => c.getAttribute('data-check') === 'spf')!;
    expect(spf.querySelector(':scope > p:not(.check-summary)')?.textContent).toContain('so the result is softfail');
    expect(spf.querySelector('.advice')?.closest('details')).toBeNull();
    // A pass keeps its explanation behind "Why".
    const iprev = shown[0]!;
    expect(iprev.querySelector('details summary')?.textContent).toBe('Why, and the DNS evidence (5)');
    expect(iprev.querySelector('details')?.textContent).toContain('as RFC 8601 §3 (iprev) requires');
  });

  it('names the sender and its result words at the top; each moves focus to its card', async () => {
    const root = await view(done(sampleReport));
    const panel = byTestId(root, 'sender-panel')!;
    expect(panel.querySelector('h2')?.textContent).toBe('Sender 203.0.113.28 b.multi.example.com PTR, verified now');
    const chips = Array.from(panel.querySelectorAll('button'));
    expect(chips.map((b) => b.textContent?.replace(/[\u2068\u2069]/g, ''))).toEqual([
      'Reverse DNS 203.0.113.28 (sender)✓pass (nothing to do)',
      "HELO b.multi.example.com (the sender's HELO)✓pass (nothing to do)",
      'MX example.net (Return-Path and From:)✓pass (nothing to do)',
      'SPF example.net (Return-Path)!softfail (some receivers will mind)',
      'DKIM!none (some receivers will mind)',
      'DMARC example.net (From:)!none (some receivers will mind)',
      'Then vs now!differs (some receivers will mind)✓same ×2 (nothing to do)',
    ]);
    expect(panel.textContent).not.toContain('not-checked');
    expect(panel.querySelector('[data-testid="summary"]')?.textContent).toBe(sampleReport.summary);
    await act(() => chips[3]!.click());
    const spf = document.activeElement as HTMLElement;
    expect(spf.getAttribute('data-check')).toBe('spf');
    expect(spf.querySelector('.subject')?.textContent).toBe('example.net');
    await act(() => chips[6]!.click());
    expect(document.activeElement?.textContent).toBe('Then vs now');
  });

  it('never puts a HELO or a recorded rDNS beside the sender IP: each name says what it is', async () => {
    // A forged hop: the receiver recorded no reverse DNS, the sender greeted as mail.bank.example.
    const r = structuredClone(sampleReport);
    const hop = r.route.hops[r.route.origin!.hopIndex]!;
    hop.received.rdns = null;
    hop.received.helo = 'mail.bank.example';
    const iprev = r.checks[0]!;
    if (iprev.check !== 'iprev' || iprev.result === 'not-checked') throw new Error('the sample report starts with the sender’s iprev');
    iprev.result = 'permerror';
    iprev.details = { ...iprev.details, matchedName: null };
    const root = await view(done(r));
    const panel = byTestId(root, 'sender-panel')!;
    expect(panel.querySelector('h2')?.textContent).toBe('Sender 203.0.113.28');
    expect(byTestId(panel as HTMLElement, 'sender-names')?.textContent).toBe('HELO (chosen by the sender): mail.bank.example');
    // The table's rDNS column is what the header recorded, with the live result beside it.
    const cell = root.querySelectorAll('tr.sender-row td')[1]!;
    expect(cell.textContent).toBe('—not in the headernow: permerror');
    expect(byTestId(root, 'hops-table')?.querySelector('thead')?.textContent).toContain('Reverse DNS (as recorded)');

    const recorded = structuredClone(sampleReport);
    recorded.route.hops[1]!.received.rdns = 'mail.bank.example';
    const again = await view(done({ ...recorded, checks: r.checks }));
    expect(byTestId(again, 'sender-panel')!.querySelector('h2')?.textContent).toBe('Sender 203.0.113.28');
    expect(byTestId(again, 'sender-names')?.textContent).toContain('rDNS as recorded by mx.example.net: mail.bank.example');
  });

  it('shows control and bidi characters as markers, each field in its own <bdi>', async () => {
    const r = structuredClone(sampleReport);
    r.message.subject = 'Invoice \u202efdp.exe';
    r.message.fromDisplay = 'Bank\u202e';
    r.route.hops[1]!.received.with = 'E\x1b[2J\x1b[HSMTP';
    r.route.hops[1]!.received.rdns = 'mail\u009b31m.example.com';
    r.checks[0]!.summary = 'quoted \x07 text\r';
    const root = await view(done(r));
    const text = root.textContent ?? '';
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/);
    expect(text).toContain('Invoice ⟨RLO⟩fdp.exe');
    expect(text).toContain('E⟨ESC⟩[2J⟨ESC⟩[HSMTP');
    expect(text).toContain('mail⟨CSI⟩31m.example.com');
    expect(text).toContain('quoted ⟨BEL⟩ text⟨CR⟩');
    const subject = Array.from(root.querySelectorAll('bdi')).find((b) => b.textContent === 'Invoice ⟨RLO⟩fdp.exe');
    expect(subject?.querySelector('.ctl')?.getAttribute('title')).toBe('RLO');
    // Display name and address are two isolates, so neither can reorder the other.
    const from = root.querySelectorAll('.facts dd')[1]!;
    expect(Array.from(from.querySelectorAll('bdi'), (b) => b.textContent)).toEqual(['Bank⟨RLO⟩', 'alice@example.net']);
  });

  it('cuts a 6,000-character HELO or Subject with "show all", so the sender stays on the first screen', async () => {
    const r = structuredClone(sampleReport);
    r.message.subject = 'S'.repeat(6000);
    for (const hop of r.route.hops) hop.received.helo = `${'h'.repeat(6000)}.example`;
    const root = await view(done(r));
    const length = root.textContent!.length;
    const cell = root.querySelector('tr.sender-row td.host')!;
    expect(cell.textContent!.length).toBeLessThan(300);
    expect(cell.querySelector('.long-run')).not.toBeNull();
    const more = cell.querySelector<HTMLButtonElement>('button.show-all')!;
    expect(more.textContent).toBe('Show all (6008 characters)');
    await act(() => more.click());
    expect(cell.querySelector('bdi')?.textContent).toBe(`${'h'.repeat(6000)}.example`);
    expect(cell.querySelector('button.show-all')?.textContent).toBe('Show less');
    const subject = root.querySelector('.facts dd')!;
    expect(subject.textContent!.length).toBeLessThan(300);
    // Before "show all", 4 HELOs and the Subject of 6,000 characters each add only their cut forms.
    document.body.innerHTML = '';
    const plain = (await view(done(sampleReport))).textContent!.length;
    expect(length - plain).toBeLessThan(4_000);
  });

  it('takes the focus the paste box had when an analysis starts, and leaves a focus the user has', async () => {
    const root = await view(STARTED);
    expect(document.activeElement).toBe(byTestId(root, 'sender-panel'));
    document.body.innerHTML = '';
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    await view(STARTED);
    expect(document.activeElement).toBe(button);
  });

  it('shows the popup’s route as a list: from → by, IP with its class, delay, the sender and clock issues marked', async () => {
    const restart = vi.fn();
    const root = await view(done(sampleReport), restart, 'popup');
    const list = byTestId(root, 'hops-table')!;
    expect(list.tagName).toBe('OL');
    expect(list.getAttribute('aria-label')).toBe("Hops in travel order, oldest first, from the message's Received: headers");
    const items = Array.from(list.querySelectorAll(':scope > li[data-testid="hop-row"]'));
    expect(items).toHaveLength(4);
    const sender = items[1]!;
    expect(sender.classList.contains('sender-row')).toBe(true);
    expect(sender.querySelector('.hop-path')?.textContent).toBe('Hop 2: HELO b.multi.example.com →  to mx.example.net');
    expect(sender.querySelector('.hop-ip')?.textContent).toBe('203.0.113.28 documentation');
    expect(sender.querySelector('.sender-mark')?.textContent).toBe('Sender');
    expect(sender.querySelector('.hop-more summary')?.textContent).toBe('ESMTPS · TLSv1.3 · 2024-05-01 10:00:02 UTC');
    expect(sender.querySelector('.hop-more')?.textContent).toContain('TLS_AES_256_GCM_SHA384 (256 bits)');
    const skewed = items[2]!;
    expect(skewed.classList.contains('clock-row')).toBe(true);
    expect(skewed.querySelector('.delay')?.textContent).toBe('Delay: -1 s');
    expect(skewed.querySelector('.clock-issue')?.textContent).toContain('dated before the previous hop (clock skew)');
    expect(items[3]!.querySelector('.delay')?.textContent).toBe('Delay: +1 min 4 s');
    expect(root.querySelector('table.hops')).toBeNull();
    expect(root.querySelector('svg')).toBeNull();
    await act(() => (items[0]!.querySelector('button') as HTMLButtonElement).click());
    expect(restart).toHaveBeenCalledWith({ originHop: 0, embedded: undefined });
  });
});
