import { options, type VNode } from 'preact';
import { visible, visibleLines } from '../core/text/inert.js';

/** Attributes a reader sees or hears: their text is made visible() like any text node. */
const READ_ATTRIBUTES = ['title', 'aria-label', 'aria-description', 'alt', 'label'] as const;

let installed = false;

/**
 * The UI's floor under every string it renders: however a view passes header or DNS text (a
 * component written tomorrow included), no control or bidi character reaches the DOM raw. Text
 * nodes keep their line breaks (a <pre> of records lays out by them) and lose everything else to
 * markers; spoken and tooltip attributes lose all. Views still wrap each field in <bdi> (see
 * components/inert.tsx) for isolation and styled markers; this only makes sure nothing slips past.
 * Form values (the paste box) are the user's own input and stay exactly as typed.
 */
export function installInertText(): void {
  if (installed) return;
  installed = true;
  const previous = options.vnode;
  options.vnode = (vnode: VNode) => {
    if (vnode.type === null) {
      const text = vnode.props as unknown;
      if (typeof text === 'string') (vnode as { props: unknown }).props = visibleLines(text);
    } else if (typeof vnode.type === 'string') {
      const props = vnode.props as Record<string, unknown>;
      for (const name of READ_ATTRIBUTES) {
        const value = props[name];
        if (typeof value === 'string') props[name] = visible(value);
      }
    }
    previous?.(vnode);
  };
}
