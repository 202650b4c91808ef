import type { ComponentChild } from 'preact';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { installInertText } from '../../../src/ui/inert-text.js';

// As every page does before its first render.
installInertText();

/** Renders into a fresh container attached to the document and flushes effects. */
export async function mount(ui: ComponentChild): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  await act(() => {
    render(ui, container);
  });
  return container;
}

/** Elements that could run script, load something or navigate, anywhere in the container. */
export function liveElements(root: HTMLElement): string[] {
  const found: string[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'img', 'a', 'iframe', 'object', 'embed', 'link', 'base'].includes(tag)) found.push(`<${tag}>`);
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name) || ['href', 'src', 'action', 'formaction'].includes(attr.name)) found.push(`${tag}[${attr.name}]`);
    }
  }
  return found;
}

/** Lets pending promises (storage reads, message replies) settle and re-renders. */
export async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}
