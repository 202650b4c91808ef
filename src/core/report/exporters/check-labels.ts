/** Names a user reads for the check names the registry uses; unknown checks keep their own name. */
const LABELS: Record<string, { long: string; short: string }> = {
  iprev: { long: 'Reverse DNS (iprev)', short: 'reverse DNS' },
  helo: { long: 'HELO/EHLO name', short: 'HELO' },
  mx: { long: 'MX records', short: 'MX' },
  spf: { long: 'SPF', short: 'SPF' },
  dkim: { long: 'DKIM', short: 'DKIM' },
  'then-vs-now': { long: 'Then vs now', short: 'then vs now' },
};

export function checkLabel(check: string): string {
  return LABELS[check]?.long ?? check;
}

export function checkShortLabel(check: string): string {
  return LABELS[check]?.short ?? check;
}
