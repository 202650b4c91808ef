import { afterEach, expect } from 'vitest';

/** Anything that can list the script errors the extension raised since it was last asked. */
export interface ScriptErrorSource {
  name: string;
  scriptErrors(): Promise<string[]>;
}

// On globalThis: the e2e setup file and the test files' imports must see one set.
const key = Symbol.for('hoplens.e2e.scriptErrorSources');
const sources = ((globalThis as Record<symbol, Set<ScriptErrorSource>>)[key] ??= new Set());

/** Every client session registers itself here for as long as it runs. */
export function watchScriptErrors(source: ScriptErrorSource): () => void {
  sources.add(source);
  return () => sources.delete(source);
}

/**
 * The e2e project's setup file registers this: after every test, in every client, any script
 * error the extension raised (worker or background page, popup, report tab, options, injected
 * scripts) fails the test, not only page errors of the page under test.
 */
export function failOnScriptErrors(): void {
  afterEach(async () => {
    for (const source of sources) expect(await source.scriptErrors(), `script errors the extension raised in ${source.name}`).toEqual([]);
  });
}
