// Every page of the sample guidebook, in every language, at 320 px and 1280 px, with
// furigana on and off, in Debian's Chromium: axe (WCAG 2.0–2.2 A and AA, best practice)
// finds nothing; the page never scrolls sideways, not even under the WCAG 1.4.12
// text-spacing override; every control outside running text is at least 44×44 px; the skip
// link is the first tab stop; the page's security policy blocks nothing of its own. Every
// Japanese page is also laid out at 320 and 360 px and at the largest text size, and its
// line breaks are judged (tests/browser/line-breaks.mjs).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { site, serve, siteInBrowser, injectAxe, addStyle, recordPolicyViolations, violations } from './serve.mjs';
import { hostileTests } from './hostile.mjs';
import { lineBreakTests, japanesePages } from './line-breaks.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const TEXT_SPACING = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';

function pages(root = site, dir = root) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'search' && dir === root ? [] : pages(root, path);
    return name.endsWith('.html') ? [relative(root, path).replace(/index\.html$/, '')] : [];
  });
}

const env = siteInBrowser();
// The hostile guidebooks, in the same browser (tests/browser/hostile.mjs).
hostileTests(env);

/** Problems a reader would meet on the page as it is now. */
async function problems(page) {
  await injectAxe(page);
  return page.evaluate(async (tags) => {
    const found = [];
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    for (const v of result.violations) found.push(`axe ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    // Controls outside running text: links and buttons in sentences are exempt (WCAG 2.5.8).
    const inText = 'p a, li > a:not(.chapter-list a), td a, .prose a, .intro a, .result-excerpt a, .skip-link';
    for (const element of document.querySelectorAll('a[href], button, input, summary')) {
      if (element.matches(inText) || element.closest('[hidden]')) continue;
      // A checkbox is ticked by its whole label: the label is the target.
      const target = element.matches('input[type=checkbox], input[type=radio]') ? (element.closest('label') ?? element) : element;
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not shown (a closed menu)
      if (box.width < 43.5 || box.height < 43.5) found.push(`small target ${Math.round(box.width)}×${Math.round(box.height)}: ${element.outerHTML.slice(0, 80)}`);
    }
    return found;
  }, TAGS);
}

async function spacingProblems(page) {
  await addStyle(page, TEXT_SPACING);
  return page.evaluate(() => {
    const found = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`text spacing: scrolls sideways ${root.scrollWidth}`);
    for (const element of document.querySelectorAll('body *')) {
      const style = getComputedStyle(element);
      if (style.overflow === 'hidden' && element.scrollHeight > element.clientHeight + 1 && !element.matches('.visually-hidden')) {
        found.push(`text spacing: clipped ${element.tagName.toLowerCase()}.${element.className}`);
      }
    }
    return found;
  });
}

const all = pages().sort();

// Two passes at a time: while one page's axe run waits for Chromium, the other's uses the
// second core.
describe('the sample guidebook', { concurrency: 2 }, () => {
for (const width of [320, 1280]) {
  for (const furigana of ['off', 'on']) {
    test(`${all.length} pages at ${width} px, furigana ${furigana}`, async () => {
      const context = await env.browser.newContext({ viewport: { width, height: 900 } });
      await context.addInitScript((value) => localStorage.setItem('tebiki-reading', JSON.stringify({ furigana: value })), furigana);
      await recordPolicyViolations(context);
      const page = await context.newPage();
      const report = [];
      for (const path of all) {
        await page.goto(env.server.url + path);
        // The page's own scripts and styles all run under its security policy.
        for (const violation of await violations(page)) report.push(`${path}: policy blocked ${violation}`);
        for (const problem of await problems(page)) report.push(`${path}: ${problem}`);
        for (const problem of await spacingProblems(page)) report.push(`${path}: ${problem}`);
      }
      await context.close();
      assert.deepEqual(report, []);
    });
  }
}
// Where the lines of every Japanese page break (tests/browser/line-breaks.mjs).
lineBreakTests(env, japanesePages(site, all), test);
});

test('the search page with its filters open, chosen and narrowing a query passes the same checks', async () => {
  const report = [];
  for (const width of [320, 1280]) {
    const context = await env.browser.newContext({ viewport: { width, height: 900 } });
    await recordPolicyViolations(context);
    const page = await context.newPage();
    for (const path of ['ja/search/?q=みとり&audience=family', 'ja/search/?stage=end-of-life', 'en/search/?q=care&audience=professional', 'ja-easy/search/?audience=family']) {
      await page.goto(env.server.url + path);
      await page.locator('#search-results li').first().waitFor();
      await page.locator('#search-filters summary').click();
      await page.waitForTimeout(150); // the counts for the query
      for (const violation of await violations(page)) report.push(`${width} ${path}: policy blocked ${violation}`);
      for (const problem of await problems(page)) report.push(`${width} ${path}: ${problem}`);
      for (const problem of await spacingProblems(page)) report.push(`${width} ${path}: ${problem}`);
    }
    await context.close();
  }
  assert.deepEqual(report, []);
});

const allowed = process.env.TEBIKI_ALLOWED_SITE;
test('the HTML a chapter may use (tests/fixtures/allowed) passes the same checks at 320 px', { skip: !allowed && 'TEBIKI_ALLOWED_SITE is not set' }, async () => {
  const server = await serve(allowed);
  const context = await env.browser.newContext({ viewport: { width: 320, height: 900 } });
  await recordPolicyViolations(context);
  const page = await context.newPage();
  const report = [];
  const all = pages(allowed).filter((path) => !path.includes('tampered')).sort();
  for (const path of all) {
    await page.goto(server.url + path);
    for (const violation of await violations(page)) report.push(`${path}: policy blocked ${violation}`);
    for (const problem of await problems(page)) report.push(`${path}: ${problem}`);
    for (const problem of await spacingProblems(page)) report.push(`${path}: ${problem}`);
  }
  await context.close();
  server.close();
  assert.deepEqual(report, []);
  assert.ok(all.length >= 10, `${all.length} pages`);
});

test('the skip link is the first tab stop and lands on the main content', async () => {
  const page = await env.browser.newPage();
  await page.goto(`${env.server.url}ja/acp/what-is-acp/`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  const box = await page.locator('.skip-link').boundingBox();
  assert.ok(box.y >= 0, 'visible when focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  await page.close();
});
