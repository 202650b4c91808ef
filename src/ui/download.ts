/** Saves text as a file through the page's own download link; works in the popup and in a tab. */
export function downloadText(fileName: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the blob by the time a later task runs.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
