import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root folder, whether this runs from src/ (tsx) or from the bundled dist/cli.js. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'metrica-chats') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the metrica-chats package folder');
    dir = parent;
  }
}
