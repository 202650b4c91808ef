import type { SenderSoftware } from '../software/detect.js';

/** The hosted service that runs the sending servers, when the sending software is one. */
export function providerName(software: SenderSoftware | null): string | null {
  if (software === 'microsoft365') return 'Microsoft 365';
  if (software === 'google-workspace') return 'Google Workspace';
  return null;
}
