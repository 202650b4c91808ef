import { accessSync, constants } from 'node:fs';

/**
 * The browser a test drives, or an error that names the Debian package to install: the tests
 * never skip, and Playwright's own "Executable doesn't exist" says nothing of the package.
 */
export function requireBinary(binary: string, debianPackage: string, what: string): string {
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    throw new Error(
      `${binary} is missing: install the Debian package "${debianPackage}" (apt-get install ${debianPackage}) to run the ${what} end-to-end tests`,
    );
  }
  return binary;
}
