// The reading tools, used as a reader would: by keyboard, remembered from page to page,
// each background colour passing axe's contrast rules, and read-aloud speaking the
// chapter without its furigana. Saves screenshots of the front page and a chapter at
// 320 px in target/screenshots/ for a person to look at.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { siteInBrowser, injectAxe } from './serve.mjs';

const screenshots = resolve(process.env.TEBIKI_SCREENSHOTS ?? 'target/screenshots');
const env = siteInBrowser();

/** Tabs forward until the element matching `selector` has focus. */
async function tabTo(page, selector) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement.matches(s), selector)) return;
  }
  throw new Error(`no tab stop ${selector}`);
}

test('text size, colour and furigana work by keyboard and are remembered on the next page', async () => {
  const context = await env.browser.newContext({ viewport: { width: 320, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${env.server.url}ja/stories/early-dementia/`);
  const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.prose p')).fontSize));
  const before = await fontSize();

  await tabTo(page, '#tool-settings');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#tool-settings', 'aria-expanded'), 'true');
  await tabTo(page, 'button[data-size=larger]');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('button[data-size=larger]', 'aria-pressed'), 'true');
  assert.ok((await fontSize()) >= before * 1.2, 'text grows');
  await tabTo(page, 'button[data-colour=black]');
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+Tab'); // back to the start of the toolbar
  await page.focus('#tool-furigana');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#tool-furigana', 'aria-pressed'), 'true');
  assert.ok(await page.locator('.prose rt').first().isVisible(), 'readings shown');

  await page.goto(`${env.server.url}ja/services/home-services/`);
  const state = await page.evaluate(() => ({ ...document.documentElement.dataset }));
  assert.deepEqual(state, { furigana: 'on', size: 'larger', colour: 'black' });
  assert.equal(await page.getAttribute('#tool-furigana', 'aria-pressed'), 'true');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(0, 0, 0)');
  await context.close();
});

for (const colour of ['white', 'blue', 'black']) {
  test(`the ${colour} background passes axe's contrast rules`, async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript((value) => localStorage.setItem('tebiki-reading', JSON.stringify({ colour: value, furigana: 'on' })), colour);
    const page = await context.newPage();
    const failures = [];
    for (const path of ['ja/', 'ja/stories/early-dementia/', 'en/services/home-services/', 'ja/search/?q=にんちしょう', 'vi/acp/how-to-start/']) {
      await page.goto(env.server.url + path);
      if (path.includes('?q=')) await page.locator('#search-results li').first().waitFor();
      await page.click('#tool-settings'); // the panel's own buttons are checked too
      await injectAxe(page);
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast', 'color-contrast-enhanced', 'link-in-text-block', 'non-text-contrast'].filter((id) => window.axe.getRules().some((r) => r.ruleId === id)) } });
        return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(' ')}`));
      });
      failures.push(...violations.map((v) => `${path}: ${v}`));
    }
    await context.close();
    // Body text is held to 7:1 (color-contrast-enhanced), everything else to 4.5:1.
    assert.deepEqual(failures, []);
  });
}

test('read-aloud hands the chapter text to speech synthesis without the furigana', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    window.spoken = [];
    const synthesis = {
      paused: false,
      getVoices: () => [{ lang: 'ja-JP', name: 'stub' }],
      speak: (utterance) => window.spoken.push({ text: utterance.text, lang: utterance.lang }),
      cancel: () => {},
      pause: () => {},
      resume: () => {},
      addEventListener: () => {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synthesis });
    window.SpeechSynthesisUtterance = class {
      constructor(text) {
        this.text = text;
      }
    };
    localStorage.setItem('tebiki-reading', JSON.stringify({ furigana: 'on' }));
  });
  const page = await context.newPage();
  await page.goto(`${env.server.url}ja/stories/early-dementia/`);
  await page.locator('#tool-read button[data-speech=play]').click();
  const spoken = await page.evaluate(() => window.spoken);
  const text = spoken.map((s) => s.text).join('');
  assert.ok(text.startsWith('認知症と診断されたら'), text.slice(0, 40));
  assert.ok(!text.includes('にんちしょう'), 'no reading spoken twice');
  assert.ok(spoken.every((s) => s.lang === 'ja-JP'));
  assert.ok(spoken.length > 10, 'sentence by sentence');
  await context.close();
});

test('read-aloud is not offered without a voice for the language', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'speechSynthesis', { value: { getVoices: () => [{ lang: 'en-US' }], addEventListener: () => {} } });
  });
  const page = await context.newPage();
  await page.goto(`${env.server.url}ja/stories/early-dementia/`);
  await page.locator('#reading-tools').waitFor();
  assert.equal(await page.locator('#tool-read').isVisible(), false);
  await context.close();
});

test('screenshots of the front page and a chapter at 320 px, for review', async () => {
  mkdirSync(screenshots, { recursive: true });
  const page = await env.browser.newPage({ viewport: { width: 320, height: 800 } });
  for (const [path, name] of [['ja/', 'front-ja-320.png'], ['ja/stories/early-dementia/', 'chapter-ja-320.png'], ['ja-easy/acp/what-is-acp/', 'chapter-ja-easy-320.png']]) {
    await page.goto(env.server.url + path);
    await page.screenshot({ path: resolve(screenshots, name), fullPage: true });
  }
  await page.close();
});

test('with JavaScript off, the search page offers the listings and no form that cannot work', async () => {
  mkdirSync(screenshots, { recursive: true });
  const context = await env.browser.newContext({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
  const page = await context.newPage();
  for (const lang of ['ja', 'en']) {
    await page.goto(`${env.server.url}${lang}/search/`);
    assert.equal(await page.locator('#search-form').isVisible(), false, `${lang}: no search box without the script`);
    assert.equal(await page.locator('noscript .notice, .notice').first().isVisible(), true, `${lang}: the notice says why`);
    const links = page.locator('.browse a');
    assert.ok((await links.count()) >= 5, `${lang}: the listings instead`);
    // In a wrapped item the bullet stays on the first line, beside the start of the link.
    const wrapped = await page.evaluate(() => [...document.querySelectorAll('.related-terms-list a')].map((a) => {
      const li = a.closest('li').getBoundingClientRect();
      return { text: a.textContent, top: a.getBoundingClientRect().top - li.top };
    }));
    for (const item of wrapped) assert.ok(item.top < 12, `${lang}: ${item.text} starts on the first line of its item`);
  }
  await page.screenshot({ path: resolve(screenshots, 'search-no-script-en-360.png'), fullPage: true });
  await context.close();
  // With the script, the box is there.
  const withScript = await env.browser.newPage({ viewport: { width: 360, height: 800 } });
  await withScript.goto(`${env.server.url}ja/search/`);
  assert.equal(await withScript.locator('#search-input').isVisible(), true);
  await withScript.close();
});

test('the front page at 360 px: whom to call first, short enough to scroll, every breadcrumb a full target', async () => {
  mkdirSync(screenshots, { recursive: true });
  const page = await env.browser.newPage({ viewport: { width: 360, height: 800 } });
  const heights = {};
  for (const lang of ['ja', 'ja-easy', 'en', 'zh', 'ko', 'vi']) {
    await page.goto(`${env.server.url}${lang}/`);
    heights[lang] = await page.evaluate(() => document.documentElement.scrollHeight);
    // The urgent block is on the first screen, and 119 can be tapped from it.
    const call = await page.locator('.urgent a[href="tel:119"]').boundingBox();
    assert.ok(call && call.y + call.height < 800, `${lang}: 119 on the first screen (${JSON.stringify(call)})`);
    assert.ok(call.height >= 44, `${lang}: the 119 button is a full target`);
    if (lang === 'ja') await page.screenshot({ path: resolve(screenshots, 'front-ja-360.png'), fullPage: true });
  }
  console.log(`front page heights at 360 px: ${JSON.stringify(heights)}`);
  // About 8,500 px before the urgent block and the key chapters; well under half now.
  assert.ok(heights.ja < 4250, `ja: ${heights.ja} px`);
  for (const path of ['ja/acp/what-is-acp/', 'ko/acp/what-is-acp/', 'en/acp/what-is-acp/']) {
    await page.goto(env.server.url + path);
    for (const box of await page.locator('.breadcrumbs a').evaluateAll((links) => links.map((a) => a.getBoundingClientRect().toJSON()))) {
      assert.ok(box.width >= 44 && box.height >= 44, `${path}: breadcrumb ${box.width}×${box.height}`);
    }
  }
  await page.close();
});
