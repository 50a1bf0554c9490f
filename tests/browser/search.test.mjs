// The search page in a real browser (Debian's Chromium): a reader types kana and finds the
// chapter; nothing is searched while an IME conversion is under way; without JavaScript
// the page still offers a way to the chapters.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteInBrowser } from './serve.mjs';

const env = siteInBrowser();

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
