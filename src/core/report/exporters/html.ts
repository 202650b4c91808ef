import type { CheckResult } from '../../checks/index.js';
import { roleHopsOf, subjectRole, type RoleHops } from '../subject-role.js';
import type { Report } from '../types.js';
import { metaOf } from '../../checks/meta.js';
import { formatWrittenDate } from '../../text/date.js';
import { isolate } from '../../text/inert.js';
import { escapeHtml, inertHtml as e, inertHtmlWhole } from './escape-html.js';
import { CHECKLIST_LEGEND, CHECKLIST_TITLE, checklistTable, MARKS, sourceText, TIER_NAMES } from '../checklist.js';
import { formatDelay, originalSenderText, originStanding } from './hop-text.js';
import { ROUTE_COLUMNS, routeCells, routeRows } from '../route-rows.js';
import { reportFooter } from './report-footer.js';
import { claimTable } from '../claim-rows.js';
import { evidenceEntry, evidenceText, evidenceTitle } from '../evidence-lines.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'";

const STYLE = `
:root { color-scheme: light dark; --fg: #1b1f24; --muted: #57606a; --bg: #fff; --line: #d0d7de; --ok: #1a7f37; --info: #0969da; --warning: #9a6700; --error: #cf222e; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9da7b3; --bg: #0d1117; --line: #30363d; --ok: #3fb950; --info: #58a6ff; --warning: #d29922; --error: #f85149; } }
body { font: 14px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg); max-width: 1100px; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid var(--line); } h3 { font-size: 1rem; margin: 0 0 .4rem; }
.summary { font-size: 1.1rem; font-weight: 600; }
.checklist td.mark { text-align: center; font-weight: 700; white-space: nowrap; } .checklist .tier th { background: color-mix(in srgb, var(--line) 40%, transparent); }
.mark.met { color: var(--ok); } .mark.not-met { color: var(--error); } .mark.cannot-tell { color: var(--warning); } .checklist .evidence { display: block; font-weight: normal; color: var(--muted); }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid var(--line); padding: .25rem .4rem; text-align: left; vertical-align: top; }
td, code { overflow-wrap: break-word; } pre { overflow-wrap: anywhere; white-space: pre-wrap; font-size: 12px; margin: .3rem 0; }
.long-run { word-break: break-all; } details.all > summary { font-size: 12px; color: var(--muted); }
.sender { font-weight: 600; } .muted { color: var(--muted); }
.ctl { color: var(--error); font-family: ui-monospace, monospace; font-size: .9em; }
.check { border: 1px solid var(--line); border-left-width: 5px; border-radius: 4px; padding: .6rem .8rem; margin: .8rem 0; break-inside: avoid; }
.sev-ok { border-left-color: var(--ok); } .sev-info { border-left-color: var(--info); } .sev-warning { border-left-color: var(--warning); } .sev-error { border-left-color: var(--error); }
.badge { display: inline-block; font-weight: 700; text-transform: uppercase; border: 1px solid currentColor; border-radius: 3px; padding: 0 .3rem; font-size: 12px; }
.sev-ok .badge { color: var(--ok); } .sev-info .badge { color: var(--info); } .sev-warning .badge { color: var(--warning); } .sev-error .badge { color: var(--error); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dt { font-weight: 600; } dd { margin: 0; }
@media print { body { margin: 0; max-width: none; } details { display: block; } }
`;

/** One self-contained printable page: inline CSS, no script, a CSP that allows nothing else. */
export function renderHtml(report: Report): string {
  const m = report.message;
  const subject = m.subject ?? '(no subject)';
  // The checklist's results are its table, after the summary.
  const checks = report.checks.filter((c) => metaOf(report.checkMeta, c.check).section !== 'checklist');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`Hoplens report: ${isolate(subject)}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Hoplens report: ${e(subject)}</h1>
<p class="summary">${inertHtmlWhole(report.summary)}</p>
${checklistSection(report)}
<dl>
${field('Subject', m.subject)}${fromField(m.fromDisplay, m.from)}${field('To', m.to.length ? m.to : null)}${field('Date', formatWrittenDate(m.date, m.dateRaw) || null)}${field('Message-ID', m.messageId)}${field('Return-Path', m.returnPath)}</dl>
<h2>Route</h2>
${routeTable(report)}
${originText(report)}
${checks.length ? `<h2>Checks</h2>\n${checks.map((c) => checkSection(c, metaOf(report.checkMeta, c.check).label, roleHopsOf(report.route))).join('\n')}` : ''}
${claimsSection(report)}
${report.warnings.length ? `<h2>Warnings</h2>\n<ul>${report.warnings.map((w) => `<li>${e(w.text)}</li>`).join('')}</ul>` : ''}
<p class="muted">${e(reportFooter(report))}</p>
</body>
</html>
`;
}

/** A message field; each value of a list is its own isolated run. */
function field(name: string, value: string | readonly string[] | null): string {
  const html = value === null || value === '' ? null : typeof value === 'string' ? e(value) : value.map((v) => e(v)).join(', ');
  return dd(name, html);
}

/** Display name and address apart, so that neither can reorder the other. */
function fromField(display: string | null, address: string | null): string {
  if (!display) return field('From', address);
  return dd('From', `${e(display)} &lt;${address ? e(address) : ''}&gt;`);
}

function dd(name: string, html: string | null): string {
  return `<dt>${name}</dt><dd>${html ?? '<span class="muted">—</span>'}</dd>\n`;
}

/** The route table, each cell as route-rows.ts words it, every one inert. */
function routeTable(report: Report): string {
  const rows = routeRows(report.route, report.checks).map((row) => {
    const text = routeCells(row);
    const html = ROUTE_COLUMNS.map((c) => {
      // Host name columns wrap after dots only: a name cut inside a label reads as another name.
      const cell = e(text[c.id], c.host);
      // What the header recorded, and beside it what DNS says now.
      const live = c.id === 'rdns' && row.liveText !== null ? `<br><span class="muted">${e(row.liveText)}</span>` : '';
      return `<td${c.host ? ' class="host"' : ''}>${cell}${live}</td>`;
    });
    return `<tr${row.isSender ? ' class="sender"' : ''}>${html.join('')}</tr>`;
  });
  return `<table>
<thead><tr>${ROUTE_COLUMNS.map((c) => `<th>${escapeHtml(c.heading.text)}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function originText(report: Report): string {
  const { origin, originMissingReason, totalTransitSeconds } = report.route;
  const transit = totalTransitSeconds === null || totalTransitSeconds < 0 ? '' : `<p>Total transit: ${e(formatDelay(totalTransitSeconds))}.</p>`;
  if (!origin) return `<p><strong>Sender:</strong> none found — ${e(originMissingReason ?? '')}</p>${transit}`;
  const firstLeg = originalSenderText(report.route);
  return `<p><strong>Sender:</strong> hop ${origin.hopIndex + 1}, <code>${e(origin.ip)}</code> (${originStanding(origin)}). Why this hop:</p>
<ul>${origin.reasons.map((r) => `<li>${e(r.text)}</li>`).join('')}</ul>${firstLeg === null ? '' : `<p><strong>Original sender:</strong> ${e(firstLeg)}.</p>`}${transit}`;
}

/** The providers' checklist: each provider's sentence, one row per requirement, a column per provider. */
function checklistSection(report: Report): string {
  const table = checklistTable(report.checks);
  if (table === null) return '';
  const body = (['all', 'bulk'] as const)
    .map((tier) => {
      const rows = table.rows.filter((r) => r.tier === tier);
      if (rows.length === 0) return '';
      const cells = rows.map((r) => {
        const marks = r.marks.map((m) =>
          m === null ? '<td class="mark">—</td>' : `<td class="mark ${m}" title="${MARKS[m].words}">${MARKS[m].symbol} ${MARKS[m].words}</td>`,
        );
        return `<tr><th scope="row">${e(r.label)}${r.evidence.map((ev) => `<span class="evidence">${e(ev)}</span>`).join('')}</th>${marks.join('')}</tr>`;
      });
      return `<tbody><tr class="tier"><th scope="colgroup" colspan="${table.columns.length + 1}">${e(TIER_NAMES[tier])}</th></tr>\n${cells.join('\n')}</tbody>`;
    })
    .join('\n');
  return `<section class="checklist">
<h2>${e(CHECKLIST_TITLE)}</h2>
<ul>${table.columns.map((c) => `<li class="sev-${escapeHtml(c.severity)}">${e(c.summary)}</li>`).join('')}</ul>
<table>
<thead><tr><th>Requirement</th>${table.columns.map((c) => `<th>${e(c.name)}</th>`).join('')}</tr></thead>
${body}
</table>
<p class="muted">${e(CHECKLIST_LEGEND)}</p>
<ul class="muted">${table.columns.map((c) => `<li>${e(sourceText(c))}</li>`).join('')}</ul>
</section>`;
}

function checkSection(c: CheckResult, label: string, hops: RoleHops): string {
  const role = subjectRole(c, hops);
  const advice = c.advice.length ? `<p>What to do:</p><ul>${c.advice.map((a) => `<li>${e(a)}</li>`).join('')}</ul>` : '';
  const evidence = c.evidence.length
    ? `<details open><summary>${e(evidenceTitle(c.evidence.length).text)}</summary>${c.evidence
        .map(
          (ev) =>
            `<pre>${evidenceText(evidenceEntry(ev))
              .map((line) => e(line))
              .join('\n')}</pre>`,
        )
        .join('')}</details>`
    : '';
  return `<section class="check sev-${escapeHtml(c.severity)}">
<h3>${e(label)}${c.subject ? ` — <code>${e(c.subject)}</code>` : ''}${role ? ` (${role.text})` : ''} <span class="badge">${e(c.result)}</span></h3>
<p><strong>${e(c.summary)}</strong></p>
<p>${e(c.explanation)}</p>
${advice}${evidence}
</section>`;
}

function claimsSection(report: Report): string {
  const { rows, leftOut } = claimTable(report.claims);
  if (!rows.length && !leftOut) return '';
  return `<h2>What the receiving servers said at delivery</h2>
<table><thead><tr><th>Server</th><th>Method</th><th>Result</th><th>Details</th></tr></thead><tbody>
${rows.map((r) => `<tr><td>${e(r.server)}</td><td>${e(r.method)}</td><td>${e(r.result)}</td><td>${e(r.details)}</td></tr>`).join('\n')}
</tbody></table>${leftOut ? `\n<p>${escapeHtml(leftOut.text)}</p>` : ''}`;
}
