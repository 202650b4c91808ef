import type { Phrase } from '../../core/text/phrase.js';
import { tPhrase } from '../../i18n.js';

/** " (Return-Path)", " (hop 3)": whom a result is about, after its subject (with the space before it). */
export function RoleTag({ role }: { role: Phrase | null }) {
  if (role === null) return null;
  return (
    <>
      {' '}
      <span class="role-tag">({tPhrase(role)})</span>
    </>
  );
}
