// A store zip of one built target with the same bytes on every build of the same files.
// `web-ext build` picks the files and checks the manifest, but its zip lists them in the order
// reads happen to finish and dates each with the current time; the entries are therefore
// rewritten sorted by name, each dated to one fixed moment.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';

/** SOURCE_DATE_EPOCH when a reproducible-builds toolchain sets it; else 1 January 2000 (a zip cannot date anything before 1980). */
export function zipDate(env = process.env) {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return new Date(Number.isInteger(epoch) && epoch >= 315_532_800 ? epoch * 1000 : Date.UTC(2000, 0, 1));
}

/** The same entries, sorted by name, all dated `date`. */
export async function canonicalZip(buffer, date) {
  const input = await JSZip.loadAsync(buffer);
  const output = new JSZip();
  for (const name of Object.keys(input.files)
    .filter((n) => !input.files[n].dir)
    .sort()) {
    output.file(name, await input.files[name].async('uint8array'), { date, createFolders: false });
  }
  return output.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

export async function zipDirectory(sourceDir, artifactsDir, filename) {
  const { default: webExt } = await import('web-ext');
  await webExt.cmd.build({ sourceDir, artifactsDir, filename, overwriteDest: true }, { shouldExitProgram: false, showReadyMessage: false });
  const path = join(artifactsDir, filename);
  writeFileSync(path, await canonicalZip(readFileSync(path), zipDate()));
  return path;
}
