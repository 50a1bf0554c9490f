// The search page in a real browser (Debian's Chromium): a reader types kana and finds the
// chapter; nothing is searched while an IME conversion is under way; the filters narrow a
// search or list chapters without one, by keyboard, and stay in the address; without
// JavaScript the page still offers a way to the chapters. Saves screenshots of a filtered
// search at 320 px in target/screenshots/ for a person to look at.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { site, siteInBrowser } from './serve.mjs';

const env = siteInBrowser();
const screenshots = resolve(process.env.TEBIKI_SCREENSHOTS ?? 'target/screenshots');
/** The filter data the build wrote: which chapter has which values, in guidebook order. */
const filterData = (lang) => JSON.parse(readFileSync(join(site, 'search', lang, 'filters.json'), 'utf8'));

/** The chapter URLs (without the site root or anchor) that have `value` of `facet`. */
function chaptersWith(lang, facet, value) {
  const data = filterData(lang);
  const f = data.facets.findIndex((x) => x.key === facet);
  const n = data.facets[f].values.indexOf(value);
  return data.entries.filter((entry) => entry[4][f].includes(n)).map((entry) => entry[1]);
}

const resultUrls = (page) =>
  page.locator('#search-results li > a').evaluateAll((links) => links.map((a) => new URL(a.href).pathname.replace(/^\//, '').split('#')[0]));

async function searchPage(options = {}) {
  const page = await env.browser.newPage({ viewport: { width: 320, height: 800 }, ...options });
  await page.goto(`${env.server.url}ja/search/`);
  return page;
}

test('typing kana finds the chapter written in kanji', async () => {
  const page = await searchPage();
  await page.locator('#search-input').pressSequentially('にんちしょう', { delay: 20 });
  await page.locator('#search-results li').first().waitFor();
  const first = await page.locator('#search-results li a').first().getAttribute('href');
  assert.match(first, /ja\/stories\/early-dementia\//);
  assert.match(await page.locator('#search-results li').first().innerHTML(), /<mark>認知症<\/mark>/);
  assert.match(await page.locator('#search-status').textContent(), /件見つかりました/);
  assert.equal(await page.locator('#search-status').getAttribute('aria-live'), 'polite');
  // The result link works: it opens the chapter at the heading.
  await page.locator('#search-results li a').first().click();
  await page.waitForURL(/early-dementia/);
  assert.equal(await page.locator('h1').innerText(), '認知症と診断されたら');
  await page.close();
});

test('nothing is searched during IME conversion, the search runs after compositionend', async () => {
  const page = await searchPage();
  const input = page.locator('#search-input');
  await input.focus();
  await input.dispatchEvent('compositionstart');
  await input.evaluate((el) => {
    el.value = 'かいごほけん';
    el.dispatchEvent(new InputEvent('input', { isComposing: true, bubbles: true }));
  });
  await page.waitForTimeout(800);
  assert.equal(await page.locator('#search-results li').count(), 0, 'no results while composing');
  await input.evaluate((el) => {
    el.value = '介護保険';
    el.dispatchEvent(new CompositionEvent('compositionend', { data: '介護保険', bubbles: true }));
  });
  await page.locator('#search-results li').first().waitFor();
  assert.match(await page.locator('#search-results li a').first().getAttribute('href'), /care-insurance/);
  await page.close();
});

test('a query in the address (from a form without JavaScript) is run on arrival', async () => {
  const page = await env.browser.newPage();
  await page.goto(`${env.server.url}en/search/?q=dementia`);
  await page.locator('#search-results li').first().waitFor();
  assert.match(await page.locator('#search-results li a').first().getAttribute('href'), /en\/stories\/early-dementia\//);
  await page.close();
});

test('without JavaScript the page says so and links to every life stage and situation', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${env.server.url}ja/search/`);
  assert.match(await page.locator('main').innerText(), /JavaScript が必要です/);
  const links = await page.locator('.browse a').count();
  assert.ok(links >= 10, `${links} links to listing pages`);
  await context.close();
});

test('a filter chosen by keyboard narrows the results, updates the counts and stays in the address', async () => {
  const page = await searchPage();
  await page.locator('#search-input').fill('みとり');
  await page.keyboard.press('Enter');
  await page.locator('#search-results li').first().waitFor();
  const before = await resultUrls(page);
  // Tab from the search button reaches the filters' summary; Enter opens it.
  await page.locator('.search-row button').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'SUMMARY');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#search-filters').evaluate((d) => d.open), true);
  const professional = page.locator('input[name=audience][value=professional]');
  assert.match(await professional.evaluate((box) => box.labels[0].innerText.trim()), /^医療・介護の専門職\s*\d+章$/, 'the box is named by its label');
  await professional.focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => new URLSearchParams(location.search).getAll('audience').includes('professional'));
  await page.waitForFunction(() => /件見つかりました|見つかりませんでした/.test(document.getElementById('search-status').textContent));
  await page.waitForTimeout(200);
  const after = await resultUrls(page);
  const allowed = chaptersWith('ja', 'audience', 'professional');
  assert.ok(after.length > 0, 'the chapters for professionals that mention みとり are found');
  for (const url of after) assert.ok(allowed.includes(url), `${url} is not a chapter for professionals`);
  assert.ok(after.length <= before.length);
  assert.ok(before.some((url) => !allowed.includes(url)), 'the filter had something to leave out');
  // The counts are this query's: fewer family chapters mention みとり than there are.
  const family = await page.locator('.filter-count[data-value=family]').textContent();
  assert.match(family, /^\d+章$/);
  assert.ok(Number.parseInt(family) < chaptersWith('ja', 'audience', 'family').length, family);
  assert.match(await page.locator('#search-filters-chosen').textContent(), /1つ選んでいます/);
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: resolve(screenshots, 'search-filtered-320.png'), fullPage: true });
  const width = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(width[0] <= width[1], `scrolls sideways at 320 px: ${width}`);
  // Clearing the choices brings the unfiltered results back.
  await page.locator('#search-filters-clear').click();
  await page.waitForFunction(() => !location.search.includes('audience'));
  await page.waitForTimeout(200);
  assert.deepEqual(await resultUrls(page), before);
  await page.close();
});

test('filters in the address list the chapters without a query, in the guidebook order', async () => {
  const page = await searchPage();
  await page.goto(`${env.server.url}ja/search/?stage=end-of-life&audience=family`);
  await page.locator('#search-results li').first().waitFor();
  const stage = chaptersWith('ja', 'stage', 'end-of-life');
  const family = chaptersWith('ja', 'audience', 'family');
  const expected = stage.filter((url) => family.includes(url));
  assert.ok(expected.length > 1 && expected.length < filterData('ja').entries.length);
  assert.deepEqual(await resultUrls(page), expected, 'the chosen chapters, in the order of the guidebook');
  assert.equal(await page.locator('#search-status').textContent(), `${expected.length}章あります`);
  assert.equal(await page.locator('input[name=stage][value=end-of-life]').isChecked(), true);
  // Closed, so the list is what the reader sees first; the summary says what is chosen.
  assert.equal(await page.locator('#search-filters').evaluate((d) => d.open), false);
  assert.match(await page.locator('#search-filters-chosen').textContent(), /2つ選んでいます/);
  // Each value's count: how many chapters it gives with the other facet's choice kept.
  await page.locator('#search-filters summary').click();
  const counted = await page.locator('.filter-count[data-value=healthy]').textContent();
  const healthy = chaptersWith('ja', 'stage', 'healthy').filter((url) => family.includes(url)).length;
  assert.equal(counted, `${healthy}章`);
  await page.screenshot({ path: resolve(screenshots, 'search-filters-no-query-320.png'), fullPage: true });
  await page.close();
});

test('a mistyped filter value in the address is ignored, not an empty page', async () => {
  const page = await searchPage();
  await page.goto(`${env.server.url}en/search/?q=dementia&stage=nonsense`);
  await page.locator('#search-results li').first().waitFor();
  assert.match(await page.locator('#search-results li a').first().getAttribute('href'), /en\/stories\/early-dementia\//);
  await page.close();
});
