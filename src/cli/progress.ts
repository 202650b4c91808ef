/** A single self-overwriting status line on a terminal; silent when output is redirected. */
export function progressLine(stream: NodeJS.WriteStream) {
  const live = stream.isTTY === true;
  let shown = false;
  return {
    update(text: string) {
      if (!live) return;
      stream.write(`\r\x1b[2Khoplens: ${text}`);
      shown = true;
    },
    done(text: string) {
      this.clear();
      if (live) stream.write(`hoplens: ${text}\n`);
    },
    clear() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
