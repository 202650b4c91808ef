import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchScriptErrors } from '../script-errors.js';
import { requireBinary } from '../require-binary.js';
import { Marionette } from './marionette.js';

/**
 * Firefox ESR and Thunderbird, headless, driven over Marionette. Every use of the clients'
 * internals (ExtensionParent, ViewPopup, the Marionette window actor, about3Pane, MailServices,
 * ExtensionStorageIDB, the console service) is in this one module, in the chrome-context scripts
 * below: none of them is public API, so an ESR upgrade that moves one breaks here, loudly, and
 * nowhere else.
 */

export type GeckoApp = 'firefox' | 'thunderbird';

const APPS: Record<GeckoApp, { binary: string; debianPackage: string; prefs: Record<string, unknown> }> = {
  firefox: {
    binary: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    debianPackage: 'firefox-esr',
    prefs: {
      'browser.shell.checkDefaultBrowser': false,
      'browser.startup.page': 0,
      'browser.startup.homepage_override.mstone': 'ignore',
      'browser.aboutwelcome.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.reportingpolicy.firstRun': false,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.alwaysOpenPanel': false,
    },
  },
  thunderbird: {
    binary: process.env.THUNDERBIRD_PATH ?? '/usr/bin/thunderbird',
    debianPackage: 'thunderbird',
    prefs: {
      'mail.shell.checkDefaultClient': false,
      'mail.provider.suppress_dialog_on_startup': true,
      'mailnews.start_page.enabled': false,
      'mail.rights.override': true,
      'mail.spotlight.firstRunDone': true,
      'mail.winsearch.firstRunDone': true,
    },
  },
};

/** The add-on id both manifests carry (manifest/firefox.json, manifest/thunderbird.json). */
const ADDON_ID = '@hoplens';

const COMMON_PREFS: Record<string, unknown> = {
  'marionette.port': 0,
  'app.update.disabledForTesting': true,
  'app.update.auto': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'toolkit.startup.max_resumed_crashes': -1,
  'browser.tabs.remote.separatePrivilegedMozillaWebContentProcess': false,
};

export interface LaunchOptions {
  /** The unpacked extension to install as a temporary add-on. */
  extensionDir: string;
  prefs?: Record<string, unknown>;
}

/** What a script in the popup, a page or the chrome window can hand back. */
type Json = unknown;

export interface GeckoSession {
  app: GeckoApp;
  /** `moz-extension://<uuid>/<path>` */
  url(path: string): string;
  /** Where downloads land (Firefox). */
  downloadDir: string;
  /** A script in the content tab (Firefox), with `browser.*` on extension pages. */
  content<T = Json>(body: string, args?: unknown[]): Promise<T>;
  /** Privileged script in the main window. */
  chrome<T = Json>(body: string, args?: unknown[]): Promise<T>;
  navigate(url: string): Promise<void>;
  /** Writes the add-on's storage.local from the parent process, as the options page would. */
  setStorage(items: Record<string, unknown>): Promise<void>;
  /**
   * Script errors from the extension's documents, background page and injected scripts since
   * the last call (or the start): what every test asserts empty.
   */
  scriptErrors(): Promise<string[]>;
  /** WebDriver clicks and keystrokes in the content tab: real input events, so user gestures count. */
  click(selector: string): Promise<void>;
  type(selector: string, text: string): Promise<void>;
  addCookie(cookie: { name: string; value: string; domain: string; path: string; secure: boolean }): Promise<void>;
  /** The real toolbar button (Firefox) or the message button (Thunderbird), clicked; resolves with the open popup. */
  clickButton(): Promise<GeckoPopup>;
  /** Thunderbird: imports .eml files into a new folder under Local Folders, in this order. */
  addMessages(folder: string, emlPaths: string[]): Promise<void>;
  /** Thunderbird: shows the message with this Message-ID (no angle brackets) from that folder in the 3-pane tab. */
  showMessage(folder: string, messageId: string): Promise<void>;
  /** Thunderbird: the message button's badge text and title in the shown message's pane. */
  messageButton(): Promise<{ badge: string; title: string }>;
  /** A screenshot of the content tab (Firefox) as PNG bytes. */
  screenshot(): Promise<Buffer>;
  marionette: Marionette;
  close(): Promise<void>;
}

export interface GeckoPopup {
  /** A script's value in the popup document: `body` is a function body; may return a promise. */
  evaluate<T = Json>(body: string, args?: unknown[]): Promise<T>;
  waitFor(expression: string, timeoutMs?: number): Promise<void>;
  /** The popup as PNG bytes, drawn by the client itself. */
  screenshot(): Promise<Buffer>;
  close(): Promise<void>;
}

function requireApp(app: GeckoApp): string {
  const { binary, debianPackage } = APPS[app];
  return requireBinary(binary, debianPackage, app);
}

const userJs = (prefs: Record<string, unknown>) =>
  Object.entries(prefs)
    .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
    .join('\n');

async function waitForFile(path: string, child: ChildProcess, timeoutMs: number): Promise<string> {
  for (let waited = 0; waited < timeoutMs; waited += 50) {
    if (child.exitCode !== null) throw new Error(`the client exited (${child.exitCode}) before Marionette listened`);
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8').trim();
      if (text) return text;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Marionette did not start within ${timeoutMs} ms`);
}

// Chrome-context helpers, prepended to every script that needs them. They run in the main
// window of the client (browser.xhtml or messenger.xhtml).
const EXTENSION = `
  const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
  const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(ADDON_ID)});
  if (!extension) throw new Error('the add-on is not running');
`;
const POPUP = `
  const { ViewPopup } = ChromeUtils.importESModule('resource:///modules/ExtensionPopups.sys.mjs');
  const popupOf = () => ViewPopup.for(extension, window);
`;

// The message_display_action button of the shown message's pane; its id is the add-on id with
// every character outside [a-z0-9_-] as "_", lower-cased.
const MESSAGE_BUTTON = `
  const messageButton = () => document.getElementById('tabmail').currentAboutMessage?.document
    .getElementById(${JSON.stringify(ADDON_ID)}.toLowerCase().replace(/[^a-z0-9_-]/g, '_') + '-messageDisplayAction-toolbarbutton');
`;

const MAIL = `
  const { MailServices } = ChromeUtils.importESModule('resource:///modules/MailServices.sys.mjs');
  const { MailUtils } = ChromeUtils.importESModule('resource:///modules/MailUtils.sys.mjs');
  const localRoot = () => {
    try {
      return MailServices.accounts.localFoldersServer.rootMsgFolder;
    } catch {
      MailServices.accounts.createLocalMailAccount();
      return MailServices.accounts.localFoldersServer.rootMsgFolder;
    }
  };
`;

export async function launchGecko(app: GeckoApp, options: LaunchOptions): Promise<GeckoSession> {
  const binary = requireApp(app);
  const profile = mkdtempSync(join(tmpdir(), `hoplens-e2e-${app}-`));
  const downloadDir = join(profile, 'downloads');
  const uuid = randomUUID();
  writeFileSync(
    join(profile, 'user.js'),
    userJs({
      ...COMMON_PREFS,
      ...APPS[app].prefs,
      'browser.download.dir': downloadDir,
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
      ...options.prefs,
    }),
  );
  const child = spawn(binary, ['--headless', '--marionette', '--remote-allow-system-access', '--no-remote', '--profile', profile], {
    stdio: 'ignore',
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1', MOZ_HEADLESS: '1' },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', kill);
  let marionette: Marionette;
  try {
    const port = Number(await waitForFile(join(profile, 'MarionetteActivePort'), child, 60_000));
    marionette = await Marionette.connect(port);
    // Marionette reads capabilities flat, not under alwaysMatch.
    await marionette.send('WebDriver:NewSession', { acceptInsecureCerts: true });
    await marionette.send('Addon:Install', { path: options.extensionDir, temporary: true });
  } catch (error) {
    kill();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const origin = `moz-extension://${uuid}/`;
  let context: 'chrome' | 'content' = 'content';
  let errorsSince = 0;
  // Marionette keeps one context per session: switch only when it changes.
  const inContext = async <T>(want: 'chrome' | 'content', body: string, args: unknown[]): Promise<T> => {
    if (context !== want) {
      await marionette.setContext(want);
      context = want;
    }
    return marionette.execute<T>(body, args);
  };
  const chrome = <T>(body: string, args: unknown[] = []) => inContext<T>('chrome', body, args);
  const content = <T>(body: string, args: unknown[] = []) => {
    if (app === 'thunderbird') throw new Error('Thunderbird has no content tab the remote agent can reach');
    return inContext<T>('content', body, args);
  };

  const session: GeckoSession = {
    app,
    marionette,
    downloadDir,
    url: (path) => `${origin}${path}`,
    content,
    chrome,
    async navigate(url) {
      if (context !== 'content') {
        await marionette.setContext('content');
        context = 'content';
      }
      await marionette.send('WebDriver:Navigate', { url });
    },
    async setStorage(items) {
      await chrome(
        `${EXTENSION}
        const { ExtensionStorageIDB } = ChromeUtils.importESModule('resource://gre/modules/ExtensionStorageIDB.sys.mjs');
        return ExtensionStorageIDB.open(ExtensionStorageIDB.getStoragePrincipal(extension)).then((db) => db.set(arguments[0])).then(() => true);`,
        [items],
      );
    },
    async scriptErrors() {
      const { errors, latest } = await chrome<{ errors: string[]; latest: number }>(
        `const messages = Services.console.getMessageArray().filter((m) => m.timeStamp > arguments[1]);
        return {
          latest: Math.max(arguments[1], ...messages.map((m) => m.timeStamp)),
          errors: messages
            .filter((m) => m instanceof Ci.nsIScriptError && !(m.flags & Ci.nsIScriptError.warningFlag) && !(m.flags & Ci.nsIScriptError.infoFlag))
            .filter((m) => m.sourceName.startsWith(arguments[0]) || String(m.errorMessage).includes(arguments[0]))
            // Firefox reports this itself when a page closes with an extension call still on its
            // way (the popup closed while "remember-last" was being answered); the page cannot catch it
            // and nothing is lost that the page would have used.
            .filter((m) => !/^Promise (resolved|rejected) after context unloaded/.test(String(m.errorMessage)))
            .map((m) => m.sourceName + ':' + m.lineNumber + ': ' + m.errorMessage),
        };`,
        [origin, errorsSince],
      );
      errorsSince = latest;
      return errors;
    },
    async click(selector) {
      await inContext('content', 'return true', []);
      const element = await marionette.send<{ value: Record<string, string> }>('WebDriver:FindElement', { using: 'css selector', value: selector });
      await marionette.send('WebDriver:ElementClick', { id: Object.values(element.value)[0] });
    },
    async type(selector, text) {
      await inContext('content', 'return true', []);
      const element = await marionette.send<{ value: Record<string, string> }>('WebDriver:FindElement', { using: 'css selector', value: selector });
      await marionette.send('WebDriver:ElementClear', { id: Object.values(element.value)[0] });
      await marionette.send('WebDriver:ElementSendKeys', { id: Object.values(element.value)[0], text });
    },
    async addCookie(cookie) {
      await inContext('content', 'return true', []);
      await marionette.send('WebDriver:AddCookie', { cookie });
    },
    async messageButton() {
      return chrome<{ badge: string; title: string }>(
        `${MESSAGE_BUTTON}
        const button = messageButton();
        if (!button) throw new Error('no Hoplens message button');
        return { badge: button.getAttribute('badge') ?? '', title: button.getAttribute('tooltiptext') ?? button.getAttribute('label') ?? '' };`,
      );
    },
    async clickButton() {
      await chrome(
        app === 'firefox'
          ? `${EXTENSION}
            ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
            return true;`
          : `${MESSAGE_BUTTON}
            return new Promise((resolve, reject) => {
              const started = Date.now();
              const tick = () => {
                const button = messageButton();
                if (button && button.label && !button.disabled) { button.click(); resolve(true); }
                else if (Date.now() - started > 15000) reject(new Error('no enabled Hoplens message button'));
                else setTimeout(tick, 50);
              };
              tick();
            });`,
      );
      return openPopup(chrome);
    },
    async addMessages(folder, emlPaths) {
      await chrome(
        `${MAIL}
        const root = localRoot();
        root.createSubfolder(arguments[0], null);
        const folder = root.getChildNamed(arguments[0]);
        return (async () => {
          for (const path of arguments[1]) {
            const file = Cc['@mozilla.org/file/local;1'].createInstance(Ci.nsIFile);
            file.initWithPath(path);
            await MailUtils.copyFileMessageAsync(file, folder, null);
          }
          return folder.getTotalMessages(false);
        })();`,
        [folder, emlPaths],
      );
    },
    async showMessage(folder, messageId) {
      await chrome(
        `${MAIL}
        const folder = localRoot().getChildNamed(arguments[0]);
        const tabmail = document.getElementById('tabmail');
        tabmail.switchToTab(0);
        const about3Pane = tabmail.currentAbout3Pane;
        if (about3Pane.gFolder !== folder) about3Pane.displayFolder(folder);
        return new Promise((resolve, reject) => {
          const started = Date.now();
          let selected = null;
          const tick = () => {
            const view = about3Pane.gDBView;
            if (selected === null && view) {
              for (let i = 0; i < view.rowCount; i++) {
                if (view.getMsgHdrAt(i).messageId === arguments[1]) { selected = view.getURIForViewIndex(i); about3Pane.threadTree.selectedIndex = i; break; }
              }
            }
            const aboutMessage = tabmail.currentAboutMessage;
            if (selected && aboutMessage?.gMessageURI === selected && aboutMessage.document.readyState === 'complete'
              && aboutMessage.document.getElementById('messagepane')?.contentDocument?.readyState === 'complete') resolve(true);
            else if (Date.now() - started > 15000) reject(new Error('message not shown: ' + arguments[1]));
            else setTimeout(tick, 50);
          };
          tick();
        });`,
        [folder, messageId],
      );
    },
    async screenshot() {
      await inContext('content', 'return true', []);
      const reply = await marionette.send<{ value: string }>('WebDriver:TakeScreenshot', { full: false });
      return Buffer.from(reply.value, 'base64');
    },
    async close() {
      try {
        await Promise.race([marionette.send('Marionette:Quit', { flags: ['eForceQuit'] }), new Promise((r) => setTimeout(r, 5000))]);
      } catch {
        // The connection drops as the client quits.
      }
      marionette.close();
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      kill();
      process.removeListener('exit', kill);
      rmSync(profile, { recursive: true, force: true });
    },
  };
  const unwatch = watchScriptErrors({ name: app, scriptErrors: () => session.scriptErrors() });
  const close = session.close;
  session.close = async () => {
    unwatch();
    await close();
  };
  return session;
}

/**
 * The popup the client opened: its document lives in the extension process, which no WebDriver
 * command reaches; Marionette's own window actor for the popup's browsing context does.
 */
async function openPopup(chrome: <T>(body: string, args?: unknown[]) => Promise<T>): Promise<GeckoPopup> {
  await chrome(
    `${EXTENSION}${POPUP}
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const tick = () => {
        const browser = popupOf()?.browser;
        const ready = browser?.browsingContext?.currentWindowGlobal?.documentURI?.spec?.endsWith('/popup.html');
        if (ready) resolve(true);
        else if (Date.now() - started > 15000) reject(new Error('the button opened no popup'));
        else setTimeout(tick, 50);
      };
      tick();
    });`,
  );
  const evaluate = async <T>(body: string, args: unknown[] = []): Promise<T> => {
    const reply = await chrome<{ ok: boolean; value?: T; error?: string }>(
      `${EXTENSION}${POPUP}
      const { getMarionetteCommandsActorProxy } = ChromeUtils.importESModule('chrome://remote/content/marionette/actors/MarionetteCommandsParent.sys.mjs');
      const popup = popupOf();
      if (!popup) return { ok: false, error: 'the popup is closed' };
      const actor = getMarionetteCommandsActorProxy(() => popup.browser.browsingContext);
      const script = 'return (async () => { ' + arguments[0] + ' })()';
      return actor.executeScript(script, arguments[1], { timeout: 30000, async: false, file: 'popup-eval', line: 0 })
        .then((value) => ({ ok: true, value }), (e) => ({ ok: false, error: String(e?.message ?? e) }));`,
      [body, args],
    );
    if (!reply.ok) throw new Error(`popup: ${reply.error}`);
    return reply.value as T;
  };
  return {
    evaluate,
    async waitFor(expression, timeoutMs = 30_000) {
      for (let waited = 0; !(await evaluate<boolean>(`return Boolean(${expression});`)); waited += 100) {
        if (waited > timeoutMs) throw new Error(`popup: still waiting for ${expression}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async screenshot() {
      const data = await chrome<string>(
        `${EXTENSION}${POPUP}
        const popup = popupOf();
        const browser = popup.browser;
        const width = browser.clientWidth, height = browser.clientHeight;
        return browser.browsingContext.currentWindowGlobal.drawSnapshot(null, 1, 'white').then((bitmap) => {
          const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
          canvas.width = bitmap.width; canvas.height = bitmap.height;
          canvas.getContext('2d').drawImage(bitmap, 0, 0);
          return canvas.toDataURL('image/png').replace(/^data:image\\/png;base64,/, '');
        });`,
      );
      return Buffer.from(data, 'base64');
    },
    async close() {
      // The client hides the panel and destroys the popup a moment later; until then
      // ViewPopup.for still returns it, and the next click's popup would be found as this one,
      // report and all.
      await chrome(
        `${EXTENSION}${POPUP}
        const popup = popupOf();
        if (!popup) return true;
        popup.closePopup();
        return new Promise((resolve, reject) => {
          const started = Date.now();
          const tick = () => {
            if (popupOf() !== popup) resolve(true);
            else if (Date.now() - started > 15000) reject(new Error('the popup did not close'));
            else setTimeout(tick, 50);
          };
          tick();
        });`,
      );
    },
  };
}
