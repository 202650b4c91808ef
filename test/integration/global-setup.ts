import type { TestProject } from 'vitest/node';
import { startDnsStack } from '../support/dns-stack.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** DoH URL of the BIND + dnsdist stack on loopback. */
    dohUrl: string;
    /** A DoH URL that accepts connections and never answers. */
    blackholeUrl: string;
  }
}

/** One DNS stack for the whole integration project; tests read its URLs with inject(). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stack = await startDnsStack();
  project.provide('dohUrl', stack.dohUrl);
  project.provide('blackholeUrl', stack.blackholeUrl);
  return () => stack.stop();
}
