import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/core/report/exporters/markdown.js';
import { mdCode, mdText } from '../../../src/core/report/exporters/markdown-text.js';
import { HOSTILE, hostileReport, sampleReport } from '../../fixtures/reports/sample-report.js';
import { liveParts, parseHtml } from './parse-html.js';

// The most permissive renderer a ticket system could use: raw HTML allowed, bare URLs linked.
const md = new MarkdownIt({ html: true, linkify: true });
const toDom = (markdown: string) => parseHtml(`<!doctype html><body>${md.render(markdown)}</body>`);
/** Text as a reader sees it: the isolates that seal each value are invisible. */
const seen = (text: string | null | undefined) => (text ?? '').replace(/[\u2068\u2069]/g, '');

describe('Markdown export', () => {
  it('renders a summary, a route table with one row per hop, what receivers recorded, and a section per check', () => {
    const doc = toDom(renderMarkdown(sampleReport));
    expect(seen(doc.body.textContent)).toContain(sampleReport.summary);
    const tables = doc.querySelectorAll('table');
    expect(tables).toHaveLength(4);
    // First the providers' checklist: a row per requirement (and one per tier), a column per provider.
    expect(Array.from(tables[0]!.querySelectorAll('thead th'), (th) => seen(th.textContent))).toEqual([
      'Requirement',
      'Gmail',
      'Yahoo',
      'Outlook.com',
      'Evidence',
    ]);
    const ptr = Array.from(tables[0]!.querySelectorAll('tbody tr')).find(
      (tr) => seen(tr.querySelector('td')?.textContent) === 'Forward-confirmed reverse DNS of the sending IP',
    )!;
    expect(Array.from(ptr.querySelectorAll('td'), (td) => seen(td.textContent)).slice(1, 4)).toEqual(['✓ met', '✓ met', '—']);
    expect(tables[2]!.querySelectorAll('tbody tr')).toHaveLength(sampleReport.route.hops.length);
    expect(seen(tables[2]!.textContent)).toContain('2 (sender)');
    const claims = Array.from(tables[3]!.querySelectorAll('tbody tr'), (tr) => Array.from(tr.querySelectorAll('td'), (td) => seen(td.textContent)));
    expect(claims).toEqual([
      [
        'mx.example.net',
        'spf',
        'pass',
        'smtp.mailfrom=alice@example.net mx.example.net: domain of alice@example.net designates 203.0.113.28 as permitted sender',
      ],
      ['mx.example.net', 'iprev', 'pass', 'policy.iprev=203.0.113.28'],
    ]);
    const headings = Array.from(doc.querySelectorAll('h4')).map((h) => seen(h.textContent));
    const cards = sampleReport.checks.filter((c) => c.check !== 'providers');
    expect(headings).toHaveLength(cards.length);
    expect(headings[cards.findIndex((c) => c.check === 'spf')]).toBe('SPF — example.net (Return-Path): SOFTFAIL (warning)');
    expect(seen(doc.body.textContent)).toContain('add ip4:203.0.113.28 (or the include: of the provider that runs it) to the SPF record of example.net');
    expect(Array.from(doc.querySelectorAll('code'), (c) => seen(c.textContent))).toContain('ip4:203.0.113.28');
    expect(doc.querySelectorAll('pre')).toHaveLength(sampleReport.checks.filter((c) => c.evidence.length).length);
    expect(liveParts(doc)).toEqual([]);
  });

  it('keeps hostile header text as text: no element, no link, no handler', () => {
    const markdown = renderMarkdown(hostileReport());
    const doc = toDom(markdown);
    expect(liveParts(doc)).toEqual([]);
    const text = seen(doc.body.textContent);
    for (const s of Object.values(HOSTILE)) expect(text).toContain(s);
  });

  it('escapes free text so that nothing in it opens HTML, a link, emphasis or a block', () => {
    const cases = [
      HOSTILE.script,
      HOSTILE.img,
      HOSTILE.mdLink,
      '<https://evil.example>',
      'see www.evil.example or https://evil.example',
      'mail me: a@evil.example',
      '*bold* _em_ ~~x~~ $x$ `open',
      '# heading',
      '- item',
      '1. item',
      '> quote',
      '===',
      '&lt;script&gt;',
    ];
    for (const s of cases) {
      const doc = toDom(`para\n${mdText(s)}`);
      expect(liveParts(doc), s).toEqual([]);
      expect(doc.querySelectorAll('em, strong, code, del, h1, h2, ul, ol, blockquote').length, s).toBe(0);
      expect(seen(doc.body.textContent).trim(), s).toBe(`para\n${s}`);
    }
    expect(seen(mdText('https://evil.example'))).toBe('https\\://evil.example');
    expect(seen(mdText('a\nb\r\nc'))).toBe('a⟨LF⟩b⟨CR⟩⟨LF⟩c');
  });

  it('escapes only what a renderer acts on: an IP, a code span of our own advice and a host with "_" read as written', () => {
    const raw = (s: string) => seen(mdText(s));
    expect(raw('203.0.113.25: reverse DNS not checked')).toBe('203.0.113.25: reverse DNS not checked');
    expect(raw('Run `dig -x 203.0.113.25 +trace` to see who holds the zone.')).toBe('Run `dig -x 203.0.113.25 +trace` to see who holds the zone.');
    expect(raw('Set `smtp_helo_name` in main.cf.')).toBe('Set `smtp_helo_name` in main.cf.');
    // Where a renderer would act, it is still escaped: a list marker, an HTML tag, a lone backtick.
    expect(raw('1. item')).toBe('1\\. item');
    expect(raw('a <b> c')).toBe('a \\<b\\> c');
    expect(raw('it`s')).toBe('it\\`s');
    // A code span is shown as code, its content literally: no element, however hostile.
    const doc = toDom(`para\n${mdText('see `<img src=x onerror=alert(1)>` and `[x](javascript:alert(1))`')}`);
    expect(liveParts(doc)).toEqual([]);
    expect(Array.from(doc.querySelectorAll('code'), (c) => seen(c.textContent))).toEqual(['<img src=x onerror=alert(1)>', '[x](javascript:alert(1))']);
  });

  it('puts values in code spans that no backtick in them can close', () => {
    for (const s of ['a`b', '``x``', '`', ' spaced ']) {
      const doc = toDom(mdCode(s));
      expect(doc.querySelectorAll('code')).toHaveLength(1);
      expect(seen(doc.querySelector('code')!.textContent)).toBe(s);
    }
    expect(mdCode(null)).toBe('—');
  });
});
