// Makes `npx vnpress` work from the repository root right after `npm install`: npm links the bins of
// dependencies into node_modules/.bin, but not the project's own, so the prepare script links it here.
import { mkdirSync, rmSync, symlinkSync, chmodSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'bin', 'vnpress.js');
const link = join(root, 'node_modules', '.bin', 'vnpress');
mkdirSync(dirname(link), { recursive: true });
rmSync(link, { force: true });
symlinkSync(relative(dirname(link), target), link);
chmodSync(target, 0o755);
