import type { ComponentChildren } from 'preact';
import { t } from '../../i18n.js';

interface Props {
  title: string;
  iconSize: number;
  /** Offer "Analyze another message" (when a report is shown and the input is not). */
  canAnalyzeAnother: boolean;
  onAnalyzeAnother: () => void;
  /** Page-specific buttons after it. */
  children?: ComponentChildren;
}

/** The header the popup and the report tab share. */
export function TopBar({ title, iconSize, canAnalyzeAnother, onAnalyzeAnother, children }: Props) {
  return (
    <header class="topbar">
      <h1>
        <img src="icons/icon-32.png" alt="" width={iconSize} height={iconSize} /> {title}
      </h1>
      <div class="topbar-actions">
        {canAnalyzeAnother && (
          <button type="button" data-testid="analyze-another" onClick={onAnalyzeAnother}>
            {t('analyzeAnother')}
          </button>
        )}
        {children}
      </div>
    </header>
  );
}
