import { execFile } from 'node:child_process';
import { join } from 'node:path';

const key = join(new URL('../..', import.meta.url).pathname, 'test/fixtures/dkim/keys/rsa.key');

/**
 * One ARC set added by python3-dkim's `arcsign` (an implementation independent of Hoplens; it
 * needs python3-authres), with the key that test/support/test-zones.ts publishes at
 * arc._domainkey of example.org and example.net.
 */
export function arcsign(message: Buffer, domain: string, servId: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile('arcsign', ['arc', domain, key, servId], { encoding: 'buffer', timeout: 20_000 }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new Error('arcsign is missing: install the Debian packages python3-dkim and python3-authres'));
      } else if (error) reject(new Error(`arcsign failed (it needs python3-authres): ${stderr.toString()}`));
      else if (!stdout.includes('ARC-Seal:')) reject(new Error(`arcsign sealed nothing (install python3-authres): ${stderr.toString().slice(-400)}`));
      else resolve(stdout);
    });
    child.stdin?.end(message);
  });
}
