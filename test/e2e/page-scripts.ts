/**
 * Expressions evaluated inside the extension's own pages, for the drivers that only run script
 * text (the Chromium toolbar popup over CDP, Firefox and Thunderbird over Marionette).
 */

/** Result word of each check card, keyed "check subject", as flows.ts's verdicts() reads them. */
export const VERDICTS = `Object.fromEntries(Array.from(document.querySelectorAll('[data-testid="check-card"]')).map((el) => [
  (el.dataset.check + ' ' + (el.querySelector('.subject')?.textContent ?? '')).trim(), el.dataset.result]))`;

export const SUMMARY = `document.querySelector('[data-testid="summary"]')`;

/** Hop rows' text. */
export const HOP_ROWS = `Array.from(document.querySelectorAll('[data-testid="hop-row"]'), (r) => r.textContent)`;

/** Fills the paste box (opening it first when a report is shown) and starts the analysis. */
export const PASTE = `
  const raw = arguments[0];
  const input = () => document.querySelector('[data-testid="paste-input"]');
  if (!input()) document.querySelector('[data-testid="analyze-another"]').click();
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const box = input();
      if (!box) return Date.now() - started > 10000 ? reject(new Error('no paste box')) : setTimeout(tick, 50);
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(box), 'value').set.call(box, raw);
      box.dispatchEvent(new Event('input', { bubbles: true }));
      setTimeout(() => { document.querySelector('[data-testid="analyze-button"]').click(); resolve(true); }, 0);
    };
    tick();
  });`;

/** Resolves once `expression` is truthy in the page. */
export const waitForScript = (expression: string, timeoutMs = 30_000) => `
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      let value;
      try { value = ${expression}; } catch (e) { value = null; }
      if (value) resolve(true);
      else if (Date.now() - started > ${timeoutMs}) reject(new Error('still waiting for: ' + ${JSON.stringify(expression)}));
      else setTimeout(tick, 50);
    };
    tick();
  });`;

/**
 * Elements cut off at the right edge of the page's viewport (those inside a horizontal scroller
 * aside, which scroll by design), as "parent > tag.class right-edge text"; and the body's width.
 */
export const CLIPPED = `(() => {
  const width = document.documentElement.clientWidth;
  const scrolls = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX) && p !== document.documentElement) return true;
    return false;
  };
  const clipped = Array.from(document.body.querySelectorAll('*'))
    .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.right > width + 1 && !scrolls(el); })
    .map((el) => el.parentElement.tagName.toLowerCase() + '.' + el.parentElement.className + ' > ' + el.tagName.toLowerCase() + '.' + el.className
      + ' ' + Math.round(el.getBoundingClientRect().right) + ' ' + JSON.stringify((el.textContent ?? '').slice(0, 40)));
  return { width, body: document.body.getBoundingClientRect().width, clipped };
})()`;
