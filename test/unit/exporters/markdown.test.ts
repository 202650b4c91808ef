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
    expect(tables).toHaveLength(3);
    expect(tables[1]!.querySelectorAll('tbody tr')).toHaveLength(sampleReport.route.hops.length);
    expect(seen(tables[1]!.textContent)).toContain('2 (sender)');
    const claims = Array.from(tables[2]!.querySelectorAll('tbody tr'), (tr) => Array.from(tr.querySelectorAll('td'), (td) => seen(td.textContent)));
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
    expect(headings).toHaveLength(sampleReport.checks.length);
    expect(headings[sampleReport.checks.findIndex((c) => c.check === 'spf')]).toBe('SPF — example.net (Return-Path): SOFTFAIL (warning)');
    expect(seen(doc.body.textContent)).toContain('add `ip4:203.0.113.28` (or the include: of the provider that runs it) to the SPF record of example.net');
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
      '*bold* _em_ ~~x~~ `code` $x$',
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

  it('puts values in code spans that no backtick in them can close', () => {
    for (const s of ['a`b', '``x``', '`', ' spaced ']) {
      const doc = toDom(mdCode(s));
      expect(doc.querySelectorAll('code')).toHaveLength(1);
      expect(seen(doc.querySelector('code')!.textContent)).toBe(s);
    }
    expect(mdCode(null)).toBe('—');
  });
});
