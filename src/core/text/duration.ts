/**
 * A span of time as every view and export writes it: "2 s", "3 min 5 s", "1 h 2 min", "-40 s",
 * "3 d 4 h". Seconds are rounded; past an hour the seconds are left out, past two days the minutes.
 */
export function formatDuration(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  let s = Math.round(Math.abs(seconds));
  if (s < 60) return `${sign}${s} s`;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (h >= 48) return `${sign}${Math.floor(h / 24)} d${h % 24 ? ` ${h % 24} h` : ''}`;
  if (h > 0) return `${sign}${h} h${m ? ` ${m} min` : ''}`;
  return `${sign}${m} min${s ? ` ${s} s` : ''}`;
}
