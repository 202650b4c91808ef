import { i18n } from '../../test/unit/ui/fake-i18n.js';

/**
 * What the report view needs of the extension API when the benchmark renders it in Node: its
 * texts, from the English locale, as the unit tests get them.
 */
export default {
  i18n,
  runtime: { getURL: (path: string) => `chrome-extension://hoplens/${path}` },
};
