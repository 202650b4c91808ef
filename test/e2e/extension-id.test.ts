import { expect, it } from 'vitest';
import { inject } from 'vitest';
// @ts-expect-error: a plain ESM build script without type declarations
import { unpackedExtensionId } from '../../scripts/extension/extension-id.mjs';
import { launchExtension } from './browser.js';

it('npm start predicts the id Chromium gives the unpacked extension (for its report.html start URL)', async () => {
  const session = await launchExtension();
  try {
    expect(unpackedExtensionId(inject('extensionDir'))).toBe(session.extensionId);
    // The worker came up from the Chrome build's service_worker key.
    expect(session.worker.url()).toBe(session.url('background.js'));
  } finally {
    await session.close();
  }
});
