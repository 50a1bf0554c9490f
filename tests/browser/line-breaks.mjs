// Where Chromium breaks the lines of every Japanese page, measured from per-character line
// boxes (Range.getClientRects, readings in <rt> ignored), judged by rules and references
// that owe nothing to tebiki's own break points:
// - kinsoku: no line starts with 、。，．・：；？！ー）」』】 or a small kana, and none ends
//   with （「『【;
// - words as ICU cuts them (Intl.Segmenter 'ja', built into Node): at most 1 % of breaks
//   fall inside one;
// - phrases as BudouX's Japanese model cuts them: at most 10 % of breaks fall inside one.
// A break inside a word or phrase that is wider than its line is not counted against it:
// such a word must break somewhere.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const { loadDefaultJapaneseParser } = createRequire(import.meta.url)('budoux');
const budoux = loadDefaultJapaneseParser();
const words = new Intl.Segmenter('ja', { granularity: 'word' });

export const NO_LINE_START = '、。，．・：；？！ー）」』】〕］｝〉》ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々ゝゞ';
export const NO_LINE_END = '（「『【〔［｛〈《';

/** Layouts every Japanese page is measured in: width, furigana, text size. */
export const LAYOUTS = [
  [320, 'off', 'standard'],
  [320, 'on', 'standard'],
  [360, 'off', 'standard'],
  [360, 'on', 'standard'],
  [320, 'on', 'larger'],
];

const isJapaneseChar = (c) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff01-\uff60ー]/u.test(c);

/** In the page: every run of Japanese text in one block, as its characters, their widths,
 * the indices where a new line starts, and the width of the block's lines. */
function readLines() {
  for (const details of document.querySelectorAll('details')) details.open = true;
  const japanese = (element) => {
    const lang = element.closest('[lang]')?.getAttribute('lang') ?? '';
    return lang === 'ja' || lang.startsWith('ja-');
  };
  const blockOf = (element) => {
    let at = element;
    while (at.parentElement && /^(inline|ruby)/.test(getComputedStyle(at).display)) at = at.parentElement;
    return at;
  };
  const groups = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('rt, rp, script, style, template, option, textarea') || !japanese(parent)) continue;
    if (!node.data.trim()) {
      const group = groups.get(blockOf(parent));
      if (group) group.spaced = true;
      continue;
    }
    range.selectNodeContents(node);
    const boxes = [...range.getClientRects()].filter((r) => r.width > 0);
    if (boxes.length === 0) continue; // not shown
    const block = blockOf(parent);
    const style = getComputedStyle(block);
    const width = block.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (width < 8) continue; // visually hidden text, one pixel wide
    if (!groups.has(block)) groups.set(block, { width, chars: [], spaced: false });
    const group = groups.get(block);
    const chars = group.chars;
    let offset = 0;
    // A space before a character is a break point of its own: no word or phrase spans it.
    let spaced = group.spaced;
    for (const c of node.data) {
      const start = offset;
      offset += c.length;
      if (/\s/.test(c)) {
        spaced = true;
        continue;
      }
      let box = boxes[0];
      if (boxes.length > 1) {
        range.setStart(node, start);
        range.setEnd(node, offset);
        box = [...range.getClientRects()].find((r) => r.width > 0);
        if (!box) continue;
      }
      chars.push({ c, top: box.top, bottom: box.bottom, width: box.width, spaced });
      spaced = false;
    }
    group.spaced = spaced;
  }
  return [...groups.values()].map(({ width, chars }) => {
    const starts = [];
    for (let i = 1; i < chars.length; i++) {
      // A character wholly below the one before it starts a new line.
      if (chars[i].top >= chars[i - 1].bottom - 1) starts.push(i);
    }
    const spaces = chars.flatMap((x, i) => (x.spaced ? [i] : []));
    return { width, text: chars.map((x) => x.c).join(''), widths: chars.map((x) => x.width), starts, spaces };
  });
}

/** Flex and grid containers (links made 44 px tall, say) with a phrase unit, a ruby or
 * a text node among several children: each child is then laid out as a box of its own, and
 * a title that should run on as one line is set as a row of narrow columns. A template
 * wraps such a text in one <span>. Runs in the page. */
function textInFlexBoxes() {
  const out = [];
  for (const element of document.querySelectorAll('body *')) {
    if (!/flex|grid/.test(getComputedStyle(element).display)) continue;
    const children = [...element.childNodes].filter((node) =>
      node.nodeType === Node.TEXT_NODE
        ? node.textContent.trim() !== ''
        : node.nodeType === Node.ELEMENT_NODE && !['none', 'contents'].includes(getComputedStyle(node).display) && getComputedStyle(node).position !== 'absolute',
    );
    // An icon beside one label is what flex is for; two pieces of text are one line split.
    const text = children.filter((node) => node.nodeType === Node.TEXT_NODE || !node.matches('svg, img'));
    if (text.length > 1 && text.some((node) => node.nodeType === Node.TEXT_NODE || node.matches('.w, .lw, ruby'))) out.push(`${element.tagName.toLowerCase()} “${element.textContent.trim().slice(0, 30)}”`);
  }
  return out;
}

/** The spans [start, end) of `pieces` laid end to end. */
function spans(pieces) {
  const out = [];
  let at = 0;
  for (const piece of pieces) {
    out.push([at, at + piece.length]);
    at += piece.length;
  }
  return out;
}

/** Judges the line breaks of one page's groups; adds to `tally`. */
export function judge(groups, tally, where) {
  for (const { width, text, widths, starts, spaces } of groups) {
    if (starts.length === 0) continue;
    const chars = [...text];
    // Character index → UTF-16 index, for the segmenters' offsets.
    const utf16 = [];
    let at = 0;
    for (const c of chars) {
      utf16.push(at);
      at += c.length;
    }
    utf16.push(at);
    const wordSpans = [...words.segment(text)].map((s) => [s.index, s.index + s.segment.length]);
    const phraseSpans = spans(budoux.parse(text));
    const wide = (start, end) => {
      let sum = 0;
      for (let i = 0; i < chars.length; i++) if (utf16[i] >= start && utf16[i] < end) sum += widths[i];
      return sum > width - 1;
    };
    const inside = (spanList, index) => spanList.find(([start, end]) => start < index && index < end);
    for (const i of starts) {
      const before = chars[i - 1];
      const after = chars[i];
      if (!isJapaneseChar(before) && !isJapaneseChar(after)) continue;
      tally.breaks++;
      const context = `${where}: ${chars.slice(Math.max(0, i - 8), i).join('')}｜${chars.slice(i, i + 8).join('')}`;
      if (NO_LINE_START.includes(after) || NO_LINE_END.includes(before)) tally.kinsoku.push(context);
      if (spaces.includes(i)) continue; // a break at a space splits nothing
      const index = utf16[i];
      const word = inside(wordSpans, index);
      if (word && !wide(...word)) tally.inWord.push(context);
      const phrase = inside(phraseSpans, index);
      if (phrase && !wide(...phrase)) tally.inPhrase.push(context);
    }
  }
}

/** The pages of `site` (paths from its root) whose <html> is Japanese. */
export function japanesePages(site, paths) {
  return paths.filter((path) => {
    const file = join(site, path.endsWith('.html') ? path : `${path}index.html`);
    return /<html[^>]*\slang="?ja[-"\s>]/.test(readFileSync(file, 'utf8').slice(0, 400));
  });
}

/** A test per layout of `layouts`, over `paths` of the site `env` serves. `register` is
 * `test` or a suite's test, so the layouts run alongside the suite's other passes. */
export function lineBreakTests(env, paths, register = test, layouts = LAYOUTS) {
  for (const [width, furigana, size] of layouts) {
    register(`${paths.length} Japanese pages at ${width} px, furigana ${furigana}, text ${size}: kinsoku kept, words whole`, async () => {
      const context = await env.browser.newContext({ viewport: { width, height: 900 } });
      await context.addInitScript(([f, s]) => localStorage.setItem('tebiki-reading', JSON.stringify({ furigana: f, size: s })), [furigana, size]);
      const page = await context.newPage();
      const tally = { breaks: 0, kinsoku: [], inWord: [], inPhrase: [] };
      const sideways = [];
      const columns = [];
      for (const path of paths) {
        await page.goto(env.server.url + path);
        await page.evaluate(() => document.fonts.ready);
        judge(await page.evaluate(readLines), tally, path);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (scroll > 0) sideways.push(`${path}: ${scroll} px`);
        for (const box of await page.evaluate(textInFlexBoxes)) columns.push(`${path}: ${box}`);
      }
      await context.close();
      const percent = (list) => ((100 * list.length) / Math.max(1, tally.breaks)).toFixed(2);
      console.log(
        `line breaks at ${width} px, furigana ${furigana}, text ${size}: ${tally.breaks} breaks, ` +
          `${tally.kinsoku.length} kinsoku, ${tally.inWord.length} inside a word (${percent(tally.inWord)} %), ` +
          `${tally.inPhrase.length} inside a BudouX phrase (${percent(tally.inPhrase)} %)`,
      );
      assert.ok(tally.breaks > paths.length, `lines were measured: ${tally.breaks} breaks`);
      assert.deepEqual(sideways, [], 'no page scrolls sideways');
      assert.deepEqual(columns, [], 'no line of text is split into the boxes of a flex or grid container');
      assert.deepEqual(tally.kinsoku, [], 'no line starts or ends with a character kinsoku forbids there');
      assert.ok(tally.inWord.length <= tally.breaks * 0.01, `${percent(tally.inWord)} % of breaks inside a word:\n${tally.inWord.slice(0, 40).join('\n')}`);
      assert.ok(tally.inPhrase.length <= tally.breaks * 0.1, `${percent(tally.inPhrase)} % of breaks inside a BudouX phrase:\n${tally.inPhrase.slice(0, 40).join('\n')}`);
    });
  }
}
