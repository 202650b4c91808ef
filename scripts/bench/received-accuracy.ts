import type { ReceivedFields } from '../../src/core/received/types.js';
import { CASES, type ReceivedCase } from '../../test/fixtures/received/cases.js';
import { LONG_TAIL } from '../../test/fixtures/received/long-tail.js';

/** The fields a case states; any it leaves out must be null. */
const FIELDS = [
  'helo',
  'rdns',
  'ip',
  'port',
  'by',
  'byIp',
  'via',
  'with',
  'id',
  'for',
  'date',
  'tls',
  'envelopeFrom',
  'authenticatedSender',
  'software',
  'dialect',
  'warnings',
] as const satisfies readonly (keyof ReceivedFields)[];

export interface FieldScore {
  field: string;
  correct: number;
  total: number;
}

function expected(c: ReceivedCase, field: (typeof FIELDS)[number]): unknown {
  const value = (c.expect as Partial<ReceivedFields>)[field];
  if (field === 'warnings') return value ?? [];
  return value ?? null;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Per-field accuracy of a parser over the dialect table and the long-tail corpus, plus whole headers read exactly. */
export function scoreReceived(parse: (value: string) => ReceivedFields, cases: readonly ReceivedCase[] = [...CASES, ...LONG_TAIL]): FieldScore[] {
  const scores = FIELDS.map((field) => ({ field, correct: 0, total: cases.length }));
  let exact = 0;
  for (const c of cases) {
    const got = parse(c.header);
    let all = true;
    FIELDS.forEach((field, i) => {
      const ok = same(got[field], expected(c, field));
      if (ok) scores[i]!.correct++;
      all &&= ok;
    });
    if (all) exact++;
  }
  return [...scores, { field: 'all fields', correct: exact, total: cases.length }];
}

export function printScores(title: string, scores: readonly FieldScore[]): void {
  console.log(title);
  for (const { field, correct, total } of scores) {
    console.log(`  ${field.padEnd(20)} ${String(correct).padStart(4)}/${total}  ${((100 * correct) / total).toFixed(1).padStart(5)} %`);
  }
}

/** `npm run score:received`: the table above for the dialect cases, the long tail, and both. */
export function runAccuracy(parse: (value: string) => ReceivedFields): void {
  printScores(`Dialect table (${CASES.length} headers):`, scoreReceived(parse, CASES));
  printScores(`Long-tail corpus (${LONG_TAIL.length} headers):`, scoreReceived(parse, LONG_TAIL));
  printScores(`Both (${CASES.length + LONG_TAIL.length} headers):`, scoreReceived(parse));
}
