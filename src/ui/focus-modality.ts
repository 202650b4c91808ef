/** The attribute on <html> while the user is moving around with the keyboard. */
export const KEYBOARD_ATTRIBUTE = 'data-keyboard';

/**
 * Browsers ring an element that a script focused whenever the user has not clicked yet, so the
 * report's top, focused on every load for keyboard and screen-reader users, looked like an alert
 * to everyone else. This marks the page while the last input was a key (and not a pointer), and
 * styles.css rings script-focused elements only then; what the user tabs to keeps its ring.
 */
export function installFocusModality(doc: Document = document): void {
  const root = doc.documentElement;
  doc.addEventListener(
    'keydown',
    (e) => {
      if (!e.metaKey && !e.ctrlKey && !e.altKey) root.setAttribute(KEYBOARD_ATTRIBUTE, '');
    },
    true,
  );
  doc.addEventListener('pointerdown', () => root.removeAttribute(KEYBOARD_ATTRIBUTE), true);
}
