// Debian's Chromium, headless, driven by playwright-core (from tests/js), with nothing
// reaching the network: its own background traffic is switched off, no host name resolves,
// and every request a page makes is blocked and recorded in `blocked` (a test fails on any).
// Used by tests/bpmnjs/open.mjs and tests/svgtext/measure.mjs.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { chromium } = createRequire(path.join(root, 'tests/js/package.json'))('playwright-core');

/// The browser, and a context at 100% whose blocked requests go to the returned list.
export async function launchOffline(executablePath) {
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-extensions',
      '--host-resolver-rules=MAP * ~NOTFOUND', // no name resolves, should a request get past the route below
    ],
  });
  const blocked = [];
  const context = await browser.newContext({ deviceScaleFactor: 1 });
  await context.route('**/*', (route) => {
    blocked.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  return { browser, context, blocked };
}
