// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MessageInput } from '../../../src/ui/components/message-input.js';
import { mount } from './render.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).browser }));

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('message input', () => {
  it('holds a kept draft from its first render, before any effect runs', () => {
    const root = document.createElement('div');
    document.body.append(root);
    // render() without act(): the DOM as first painted, effects not yet run.
    render(<MessageInput onMessage={vi.fn()} initialText={'Received: from a by b\nSubject: draft'} />, root);
    expect((root.querySelector('[data-testid="paste-input"]') as HTMLTextAreaElement).value).toBe('Received: from a by b\nSubject: draft');
    render(null, root);
  });

  it('analyzes the pasted text on Ctrl+Enter and on the button', async () => {
    const onMessage = vi.fn();
    const root = await mount(<MessageInput onMessage={onMessage} />);
    const area = root.querySelector('[data-testid="paste-input"]') as HTMLTextAreaElement;
    expect(root.querySelector(`label[for="${area.id}"]`)?.textContent).toBe('Paste the message source or just its headers');
    area.value = 'Received: from a by b; Wed, 01 May 2024 10:00:00 +0000\n';
    await act(() => {
      area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    });
    expect(onMessage).toHaveBeenCalledWith(area.value, { kind: 'paste', label: 'pasted text' });
    await act(() => (root.querySelector('[data-testid="analyze-button"]') as HTMLButtonElement).click());
    expect(onMessage).toHaveBeenCalledTimes(2);
  });

  it('says what is wrong instead of sending an empty paste', async () => {
    const onMessage = vi.fn();
    const root = await mount(<MessageInput onMessage={onMessage} />);
    await act(() => (root.querySelector('[data-testid="analyze-button"]') as HTMLButtonElement).click());
    expect(onMessage).not.toHaveBeenCalled();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Paste a message or its headers first.');
  });

  it('takes the focus when it appears, and offers Cancel only when there is a report to go back to', async () => {
    const root = await mount(<MessageInput onMessage={vi.fn()} />);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('paste-input');
    expect(root.querySelector('[data-testid="cancel-input"]')).toBeNull();
    const onCancel = vi.fn();
    const again = await mount(<MessageInput onMessage={vi.fn()} onCancel={onCancel} />);
    await act(() => (again.querySelector('[data-testid="cancel-input"]') as HTMLButtonElement).click());
    expect(onCancel).toHaveBeenCalledOnce();
  });
});
