declare const __HOPLENS_VERSION__: string | undefined;

/** Set by the build; tests run the sources directly and see "dev". */
export const VERSION: string = typeof __HOPLENS_VERSION__ === 'string' ? __HOPLENS_VERSION__ : 'dev';
