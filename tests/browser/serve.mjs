// A static file server on 127.0.0.1 for tests: serves a built site as a web server would
// (folders answer with their index.html, unknown paths with 404.html).

import http from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, extname, normalize, resolve } from 'node:path';
import { before, after } from 'node:test';
import { createRequire } from 'node:module';

/** The built site under test: TEBIKI_SITE, set by the cargo tests, or public/. */
export const site = resolve(process.env.TEBIKI_SITE ?? 'public');

/** axe-core's script, to inject into pages. */
export const axeSource = () => readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core's script in the page. Pages carry a Content-Security-Policy that runs no
 * inline script, so it is evaluated through the DevTools protocol (which the policy does
 * not govern) rather than added as a <script> element; the page keeps its real policy.
 */
export async function injectAxe(page) {
  await page.evaluate(`${axeSource()}\n;undefined`);
}

/** Adds CSS to the page as a constructed stylesheet (no inline <style>, for the same reason). */
export async function addStyle(page, css) {
  await page.evaluate((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, css);
}

/**
 * Records, from before any script of the page runs, every Content-Security-Policy
 * violation the page reports: `violations(page)` reads them.
 */
export async function recordPolicyViolations(context) {
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
}
export const violations = (page) => page.evaluate(() => window.__violations ?? ['no recorder']);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export async function serve(root) {
  const server = http.createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    let file = join(root, path);
    if (!file.startsWith(root)) file = join(root, '404.html');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = existsSync(file);
    response.writeHead(found ? 200 : 404, { 'content-type': TYPES[extname(found ? file : '.html')] ?? 'application/octet-stream' });
    response.end(readFileSync(found ? file : join(root, '404.html')));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

/** Debian's Chromium, started the way this machine allows (no network, no sandbox as root). */
export async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Serves the site and starts Chromium before the tests of a file, and stops both after.
 * Returns an object whose `server` and `browser` are set once the tests start.
 */
export function siteInBrowser() {
  const shared = {};
  before(async () => {
    shared.server = await serve(site);
    shared.browser = await launch();
  });
  after(async () => {
    await shared.browser?.close();
    shared.server?.close();
  });
  return shared;
}
