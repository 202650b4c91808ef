import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without type declarations
import { displayEndpoint, displayProblem } from '../../../scripts/start/display.mjs';

describe('npm start’s display check', () => {
  it('reads the forms of DISPLAY', () => {
    expect(displayEndpoint(':0')).toEqual({ path: '/tmp/.X11-unix/X0' });
    expect(displayEndpoint('unix:1.0')).toEqual({ path: '/tmp/.X11-unix/X1' });
    expect(displayEndpoint('localhost:10.0')).toEqual({ host: 'localhost', port: 6010 });
    expect(displayEndpoint('/tmp/launch-x/org.xquartz:0')).toEqual({ path: '/tmp/launch-x/org.xquartz:0' });
    expect(displayEndpoint('nonsense')).toBeNull();
  });

  it('says in one line that no X server answers where DISPLAY points', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoplens-display-'));
    try {
      const problem: string = await displayProblem(join(dir, 'X99'));
      expect(problem).toBe(`DISPLAY is ${join(dir, 'X99')}, but no X server answers there (${join(dir, 'X99')}: ENOENT), so Chromium cannot open a window.`);
      expect(problem).not.toContain('\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says nothing when something listens there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoplens-display-'));
    const server = createServer((socket) => socket.end());
    const path = join(dir, 'X0');
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      expect(await displayProblem(path)).toBeNull();
    } finally {
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
