import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

it('web-ext lint passes on the Firefox and Thunderbird builds with every warning explained', () => {
  let output = '';
  let status = 0;
  try {
    output = execFileSync(process.execPath, ['scripts/lint-ext.mjs'], { cwd: root, encoding: 'utf8' });
  } catch (error) {
    const e = error as { status: number; stdout: string };
    status = e.status;
    output = e.stdout;
  }
  expect(output, output).toMatch(/web-ext lint dist\/firefox: 0 errors, 0 unexplained warnings/);
  expect(output, output).toMatch(/web-ext lint dist\/thunderbird: 0 errors, 0 unexplained warnings/);
  expect(status, output).toBe(0);
}, 120_000);
