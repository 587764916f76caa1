// Reads and writes the wall layout file (`<userData>/wall-layout.json` by default). Node's fs only, no
// `electron`, so it is tested under plain Node. A missing, unreadable or invalid file never stops the
// shell: it falls back to the default layout and reports a warning.
import fs from 'node:fs';
import path from 'node:path';
import { parseLayoutFile, serializeLayout, type LoadedLayout, type WallLayout } from './wall-layout';

export function readLayoutFile(file: string): LoadedLayout {
  let text: string | null;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') text = null;
    else {
      const loaded = parseLayoutFile(null);
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ...loaded,
        warnings: [`cannot read the wall layout file (${reason}); using the default layout`],
      };
    }
  }
  return parseLayoutFile(text);
}

/** Validates, then writes through a temporary file and a rename so a crash never leaves half a file. */
export function writeLayoutFile(file: string, layout: WallLayout): void {
  const text = serializeLayout(layout);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text, { encoding: 'utf8', mode: 0o600 });
  fs.renameSync(temporary, file);
}
