import type { CheckResult } from '../../checks/index.js';
import { roleHopsOf, subjectRole, type RoleHops } from '../subject-role.js';
import type { Report } from '../types.js';
import { metaOf } from '../../checks/meta.js';
import { formatWrittenDate } from '../../text/date.js';
import { claimTable } from '../claim-rows.js';
import { formatDelay, originalSenderText, originStanding } from './hop-text.js';
import { mdCode, mdCodeCell, mdFence, mdText } from './markdown-text.js';
import { ROUTE_COLUMNS, routeCells, routeRows, type RouteColumnId } from '../route-rows.js';
import { reportFooter } from './report-footer.js';
import { evidenceEntry, evidenceText, evidenceTitle } from '../evidence-lines.js';
import { CHECKLIST_LEGEND, CHECKLIST_TITLE, checklistTable, MARKS, sourceText, TIER_NAMES } from '../checklist.js';

/**
 * A report to paste into a ticket. Everything from the message or from DNS is either an inline
 * code span or escaped text (see markdown-text.ts), so nothing in it renders as HTML or a link.
 */
export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  out.push(`## Hoplens report: ${mdCode(report.message.subject ?? '(no subject)')}`, '');
  out.push(`**Summary:** ${mdText(report.summary)}`, '');
  out.push(...checklistSection(report));
  out.push(...messageTable(report), '');
  out.push('### Route', '', ...routeTable(report), '');
  out.push(...originText(report), '');
  out.push(...claimsTable(report));
  if (report.checks.length) {
    out.push('### Checks', '');
    for (const check of report.checks) {
      const meta = metaOf(report.checkMeta, check.check);
      // The checklist's results are the table above.
      if (meta.section !== 'checklist') out.push(...checkSection(check, meta.label, roleHopsOf(report.route)), '');
    }
  }
  if (report.warnings.length) {
    out.push('### Warnings', '');
    for (const w of report.warnings) out.push(`- ${mdText(w.text)}`);
    out.push('');
  }
  out.push(`_${mdText(reportFooter(report))}_`, '');
  return out.join('\n');
}

/** The providers' checklist: each provider's sentence, then one row per requirement, a column per provider. */
function checklistSection(report: Report): string[] {
  const table = checklistTable(report.checks);
  if (table === null) return [];
  const head = `| Requirement | ${table.columns.map((c) => mdText(c.name)).join(' | ')} | Evidence |`;
  const rule = `|---|${table.columns.map(() => '---|').join('')}---|`;
  const rows = (['all', 'bulk'] as const).flatMap((tier) => {
    const inTier = table.rows.filter((r) => r.tier === tier);
    if (inTier.length === 0) return [];
    return [
      `| **${TIER_NAMES[tier]}** |${table.columns.map(() => ' |').join('')} |`,
      ...inTier.map(
        (r) =>
          `| ${mdText(r.label)} | ${r.marks.map((m) => (m === null ? '—' : `${MARKS[m].symbol} ${MARKS[m].words}`)).join(' | ')} | ${r.evidence.map(mdText).join(' · ')} |`,
      ),
    ];
  });
  return [
    `### ${CHECKLIST_TITLE}`,
    '',
    ...table.columns.map((c) => `- ${mdText(c.summary)}`),
    '',
    head,
    rule,
    ...rows,
    '',
    mdText(CHECKLIST_LEGEND),
    '',
    ...table.columns.map((c) => `- ${mdText(sourceText(c))}`),
    '',
  ];
}

function messageTable(report: Report): string[] {
  const m = report.message;
  // Display name and address each in their own code span, so that neither reorders the other.
  const from = m.fromDisplay ? `${mdCodeCell(m.fromDisplay)} \\<${mdCodeCell(m.from)}\\>` : mdCodeCell(m.from);
  const rows: [string, string][] = [
    ['Subject', mdCodeCell(m.subject)],
    ['From', from],
    ['To', m.to.length ? m.to.map(mdCodeCell).join(', ') : mdCodeCell(null)],
    ['Date', mdCodeCell(formatWrittenDate(m.date, m.dateRaw) || null)],
    ['Message-ID', mdCodeCell(m.messageId)],
    ['Return-Path', mdCodeCell(m.returnPath)],
  ];
  return ['| Field | Value |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)];
}

/** The route table's rows, each cell as route-rows.ts words it: header text in code spans, Hoplens' own words escaped. */
function routeTable(report: Report): string[] {
  const head = `| ${ROUTE_COLUMNS.map((c) => c.heading.text).join(' | ')} |`;
  const rule = `|${ROUTE_COLUMNS.map(() => '---|').join('')}`;
  const rows = routeRows(report.route, report.checks).map((row) => {
    const text = routeCells(row);
    const cells: Record<RouteColumnId, string> = {
      hop: text.hop,
      helo: mdCodeCell(row.helo),
      rdns: [mdCodeCell(row.rdns), row.liveText === null ? '' : mdText(row.liveText)].filter((p) => p).join(' '),
      ip: mdCodeCell(row.ip),
      ipClass: text.ipClass || '—',
      by: mdCodeCell(row.by),
      protocol: mdCodeCell(row.protocol),
      time: mdCodeCell(row.time),
      delay: mdText(text.delay) || '—',
    };
    return `| ${ROUTE_COLUMNS.map((c) => cells[c.id]).join(' | ')} |`;
  });
  return [head, rule, ...rows];
}

function claimsTable(report: Report): string[] {
  const { rows, leftOut } = claimTable(report.claims);
  if (!rows.length && !leftOut) return [];
  return [
    '### What the receiving servers said at delivery',
    '',
    '| Server | Method | Result | Details |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${mdCodeCell(r.server)} | ${mdCodeCell(r.method)} | ${mdCodeCell(r.result)} | ${mdCodeCell(r.details)} |`),
    '',
    ...(leftOut ? [mdText(leftOut.text), ''] : []),
  ];
}

function originText(report: Report): string[] {
  const { origin, originMissingReason, totalTransitSeconds } = report.route;
  const transit = totalTransitSeconds === null || totalTransitSeconds < 0 ? [] : [`Total transit: ${formatDelay(totalTransitSeconds)}.`];
  if (!origin) return [`**Sender:** none found — ${mdText(originMissingReason ?? '')}`, ...transit];
  return [
    `**Sender:** hop ${origin.hopIndex + 1}, ${mdCode(origin.ip)} (${originStanding(origin)}). Why this hop:`,
    '',
    ...origin.reasons.map((r) => `- ${mdText(r.text)}`),
    '',
    ...originalSender(report),
    ...transit,
  ];
}

function originalSender(report: Report): string[] {
  const text = originalSenderText(report.route);
  return text === null ? [] : [`**Original sender:** ${mdText(text)}.`, ''];
}

function checkSection(c: CheckResult, label: string, hops: RoleHops): string[] {
  const role = subjectRole(c, hops);
  const out = [
    `#### ${mdText(label)}${c.subject ? ` — ${mdCode(c.subject)}` : ''}${role ? ` (${role.text})` : ''}: **${mdText(c.result.toUpperCase())}** (${c.severity})`,
    '',
  ];
  out.push(mdText(c.summary), '');
  if (c.explanation) out.push(mdText(c.explanation), '');
  if (c.advice.length) {
    out.push('What to do:', '');
    for (const a of c.advice) out.push(`- ${mdText(a)}`);
    out.push('');
  }
  if (c.evidence.length) out.push(`${mdText(evidenceTitle(c.evidence.length).text)}:`, '', mdFence(c.evidence.flatMap((e) => evidenceText(evidenceEntry(e)))));
  return out;
}
