// Whether the X server that $DISPLAY names answers, asked before Chromium is started: Chromium
// without one dies with a page of logs, and nothing in them says that the display is the problem.
import { connect } from 'node:net';

/**
 * ":0", "unix:0" and "/tmp/.X11-unix/X0" are the local socket of display 0; "host:10.0" is
 * TCP port 6010 on host (ssh's X forwarding uses that). Null for a form this does not read.
 */
export function displayEndpoint(display) {
  if (display.startsWith('/')) return { path: display };
  const m = /^([^:]*):(\d+)(?:\.\d+)?$/.exec(display);
  if (!m) return null;
  const [, host, number] = m;
  if (host === '' || host === 'unix') return { path: `/tmp/.X11-unix/X${number}` };
  return { host, port: 6000 + Number(number) };
}

/** One line saying why no window can open on `display`, or null when its X server answers (or the form is unknown). */
export async function displayProblem(display, timeoutMs = 2000) {
  const endpoint = displayEndpoint(display);
  if (endpoint === null) return null;
  const where = endpoint.path ?? `${endpoint.host}:${endpoint.port}`;
  const error = await new Promise((resolve) => {
    const socket = connect(endpoint);
    const done = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done('no answer'));
    socket.once('connect', () => done(null));
    socket.once('error', (e) => done(e.code ?? e.message));
  });
  return error === null ? null : `DISPLAY is ${display}, but no X server answers there (${where}: ${error}), so Chromium cannot open a window.`;
}
