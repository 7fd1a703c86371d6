/**
 * A real headless Chromium for the tests that check what a reader sees: Debian's `chromium` (or the browser
 * at CHROMIUM_PATH), driven by playwright-core, which downloads no browser of its own. Started with a new
 * empty profile and with every background connection turned off, so it sends nothing but what a test asks.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { tempDir } from './helpers.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where screenshots go, for a person to look at after the run (ignored by git). */
export const TEST_OUTPUT = join(__dirname, '..', 'test-output');

export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium (apt-get install chromium), or set CHROMIUM_PATH to a Chromium or Chrome binary`);
  }
  mkdirSync(TEST_OUTPUT, { recursive: true });
  const profile = tempDir('vnpress-chromium-');
  const context = await chromium.launchPersistentContext(profile.path, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-extensions'],
  });
  return { context, close: async () => { await context.close(); profile.cleanup(); } };
}
