import { useState } from 'preact/hooks';
import { EXPORTERS, exportFileName, renderSummaryText } from '../../core/report/exporters/index.js';
import type { Report } from '../../core/report/types.js';
import { downloadText } from '../download.js';
import { t } from '../../i18n.js';

/** Downloads in every export format and "copy summary"; usable once the report is complete. */
export function ExportToolbar({ report }: { report: Report | null }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    if (!report) return;
    try {
      await navigator.clipboard.writeText(renderSummaryText(report));
      setStatus(t('copied'));
    } catch (error) {
      setStatus(t('copyFailed', [error instanceof Error ? error.message : String(error)]));
    }
  };
  return (
    <div class="toolbar" role="group" aria-label={t('exportGroup')}>
      <span class="toolbar-label" aria-hidden="true">
        {t('exportGroup')}
      </span>
      {EXPORTERS.map((x) => (
        <button
          key={x.id}
          type="button"
          data-testid={`export-${x.id}`}
          disabled={!report}
          aria-label={t('exportAs', [x.label])}
          onClick={() => report && downloadText(exportFileName(report, x.extension), x.mime, x.render(report))}
        >
          {x.label}
        </button>
      ))}
      <button type="button" data-testid="copy-summary" disabled={!report} onClick={copy}>
        {t('copySummary')}
      </button>
      <span class="toolbar-status" role="status" aria-live="polite">
        {status}
      </span>
    </div>
  );
}
