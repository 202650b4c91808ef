import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../src/core/report/exporters/filename.js';
import { sampleReport } from '../../fixtures/reports/sample-report.js';

const withMessage = (subject: string | null, date: string | null) => ({
  ...sampleReport,
  message: { ...sampleReport.message, subject, date },
});

describe('export file names', () => {
  it('carry the message date and a slug of the subject', () => {
    expect(exportFileName(sampleReport, 'md')).toBe('hoplens-2024-05-01-quarterly-report-draft-2.md');
  });

  it('fold accents, drop punctuation and cut the slug at 40 characters without a trailing dash', () => {
    const name = exportFileName(withMessage('Ré: Ünïcode <script> ../../etc/passwd — and a very long tail of words', '2023-12-31T23:00:00Z'), 'csv');
    expect(name).toBe('hoplens-2023-12-31-re-unicode-script-etc-passwd-and-a-very.csv');
    const slug = name.slice('hoplens-2023-12-31-'.length, -'.csv'.length);
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(name).not.toMatch(/[/\\<>:]/);
  });

  it('fall back to the report date and "no-subject"', () => {
    expect(exportFileName(withMessage(null, null), 'json')).toBe('hoplens-2024-05-02-no-subject.json');
    expect(exportFileName(withMessage('!!!', null), 'json')).toBe('hoplens-2024-05-02-no-subject.json');
  });

  it('keep letters of every script, cut by characters, and let nothing hostile through', () => {
    const name = (subject: string) => exportFileName(withMessage(subject, '2024-05-01T00:00:00Z'), 'md');
    expect(name('Отчёт за май')).toBe('hoplens-2024-05-01-отчёт-за-май.md');
    expect(name('データ 報告')).toBe('hoplens-2024-05-01-データ-報告.md');
    expect(name('हिन्दी')).toBe('hoplens-2024-05-01-हिन्दी.md');
    expect(name('𠀀'.repeat(50))).toBe(`hoplens-2024-05-01-${'𠀀'.repeat(40)}.md`);
    expect(name('CON')).toBe('hoplens-2024-05-01-con.md');
    expect(name('a\u0000b\r\nc\u202ed／e\\f:g')).toBe('hoplens-2024-05-01-a-b-c-d-e-f-g.md');
    expect(name('')).toBe('hoplens-2024-05-01-no-subject.md');
  });
});
