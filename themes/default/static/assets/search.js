// tebiki search engine: one ES module, no dependencies, the same in the browser and in Node.
//
//   import { search } from './search.js';
//   const results = await search('にんちしょう', { lang: 'ja', limit: 3 });          // browser
//   const results = await search('にんちしょう', { lang: 'ja', limit: 3, root: 'public' }); // Node
//
// Filters (life stage, scenario, audience: search/<lang>/filters.json, see src/search/filters.rs)
// narrow a search, or list chapters without a query, in the guidebook's order:
//
//   const results = await search('みとり', { lang: 'ja', filters: { audience: ['family'] }, counts: true });
//   const listed = await browse({ lang: 'ja', filters: { stage: ['end-of-life'] } });
//
// With filters or `counts`, the results carry `total` (chapters found) and `counts`
// ({ facet: { value: chapters } }: how many chapters each value would give, with the other
// facets' choices kept).
//
// Each result is { url, title, heading, excerpt, score, lang, marks }: url is relative to
// the site root, excerpt is HTML with the matches in <mark>, lang is set when the chapter is
// shown in another language than the index (an untranslated chapter), marks lists the words
// as written on the page (認知症 for にんちしょう), then the other names the index found the
// page by (最期 for みとり), for marking the title and heading with mark().
//
// The index is built by tebiki (src/search/index.rs describes the files): word keys
// (readings such as にんちしょう, kana words, alphabetic words) are looked up by prefix in
// w/<first character>.json; character keys (pairs of kanji and single kanji) exactly in
// c/<hash>.json; a result's title, heading and text come from t/<chapter>.json. Keys are
// normalised exactly as normalize() below does; the two must stay identical.

const K1 = 1.2;
const B = 0.75;
const PREFIX_WEIGHT = 0.8;
// What a term in the title or the section's heading adds, in units of the term's rarity:
// more than any number of mentions can (BM25 gives at most K1 + 1), so the section named
// after the query comes first.
const STRONG_BONUS = 2.5;
// Pages where the query's words stand together, as typed, move up by this factor; a
// chapter whose title has the whole query, as typed, moves up by the other.
const ADJACENT_BONUS = 1.5;
const TITLE_BONUS = 1.5;
// How many written forms and other names the index keeps per key (FORMS_KEPT in index.rs).
const NAMES_KEPT = 4;
// An excerpt is the best passage and those after it, up to about this many characters.
const EXCERPT_CHARS = 100;

/** NFKC, lowercase, katakana to hiragana, without ー and ・ (as src/japanese/normalize.rs). */
export function normalize(text) {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6\u30fd\u30fe]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/[ー・]/g, '');
}

/** The script of a character (as src/japanese/normalize.rs). */
function script(c) {
  if (/[々〆\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\u{20000}-\u{3fffd}]/u.test(c)) return 'kanji';
  if (/[\u3041-\u3096ゝゞ]/.test(c)) return 'hiragana';
  if (/[\u30a1-\u30faー・ヽヾ\u31f0-\u31ff]/.test(c)) return 'katakana';
  if (/[\p{L}\p{N}]/u.test(c)) return 'word';
  return 'other';
}

/** FNV-1a over UTF-8 bytes, to find a character key's shard (as src/search/index.rs). */
function fnv1a(key) {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(key)) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return hash;
}

// ---- Loading index files: fetch in the browser, the file system in Node. ----

const loaded = new Map();

function loader(root) {
  if (root === undefined) {
    const siteRoot = new URL('../', import.meta.url);
    return (path) => fetch(new URL(path, siteRoot)).then((r) => (r.ok ? r.json() : null));
  }
  return async (path) => {
    const { readFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    try {
      return JSON.parse(await readFile(join(root, path), 'utf8'));
    } catch (error) {
      if (error.code === 'ENOENT') return null;
      throw error;
    }
  };
}

function load(root, path) {
  const key = `${root ?? ''}\u0000${path}`;
  if (!loaded.has(key)) loaded.set(key, loader(root)(path));
  return loaded.get(key);
}

/** A language's index.json, with where each chapter's documents start (it stores counts). */
async function loadIndex(root, lang) {
  const index = await load(root, `search/${lang}/index.json`);
  if (index && !index.chapterStarts) {
    let start = 0;
    index.chapterStarts = index.chapterSizes.map((size) => (start += size) - size);
  }
  return index;
}

// ---- Reading the query. ----

/** Splits a query into groups of keys that must all match, without the words the index
 * leaves out (`stopWords`, listed in index.json). */
function readQuery(query, stopWords = []) {
  const groups = [];
  for (const piece of query.normalize('NFKC').split(/[^\p{L}\p{N}ー・々〆ヽヾゝゞ]+/u).filter(Boolean)) {
    const runs = [];
    for (const c of piece) {
      // The long-vowel mark belongs to the kana before it (ほーむ is one hiragana word).
      const kind = c === 'ー' && runs.length ? runs[runs.length - 1].kind : script(c);
      const last = runs[runs.length - 1];
      if (last && last.kind === kind) last.text += c;
      else runs.push({ kind, text: c });
    }
    // In a piece with kanji, the kanji carry the meaning: kana and Latin runs around them
    // (口腔ケア, 認知症とは, 配食サービス) only add to the score, since the dictionary may
    // have read the whole as one word.
    const hasKanji = runs.some((run) => run.kind === 'kanji');
    runs.forEach((run, i) => {
      if (run.kind === 'kanji') groups.push({ kind: 'characters', text: run.text, keys: characterKeys(run.text) });
      else if (run.kind === 'katakana' || (run.kind === 'hiragana' && runs.length === 1)) {
        groups.push({ kind: 'kana', text: run.text, key: normalize(run.text), bonus: hasKanji });
      } else if (run.kind === 'hiragana' && i === 0 && run.text.length >= 2) {
        groups.push({ kind: 'kana', text: run.text, key: normalize(run.text), bonus: true });
      } else if (run.kind === 'word') {
        groups.push({ kind: 'word', text: run.text, key: normalize(run.text), optional: true, bonus: hasKanji });
      }
      // Other hiragana runs follow kanji: okurigana and particles (認知症とは), not words.
    });
  }
  return groups.filter((g) => g.key !== '' && !(g.kind === 'word' && stopWords.includes(g.key)));
}

/** Every pair of adjacent kanji, or the single kanji. */
function characterKeys(text) {
  const chars = [...normalize(text)];
  if (chars.length === 1) return chars;
  return chars.slice(1).map((c, i) => chars[i] + c);
}

// ---- Scoring. ----

function bm25(weight, frequency, documents, length, averageLength) {
  const idf = Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
  return (idf * weight * (K1 + 1)) / (weight + K1 * (1 - B + (B * length) / averageLength));
}

/** Scores documents from what their postings say ({ weight, strong } by document), for a
 * query term found in as many documents as there are entries. */
function score(postings, index) {
  const scores = new Map();
  const documents = index.lengths.length;
  const idf = Math.log(1 + (documents - postings.size + 0.5) / (postings.size + 0.5));
  for (const [doc, { weight, strong }] of postings) {
    const mentions = weight > 0 ? bm25(weight, postings.size, documents, index.lengths[doc], index.averageLength) : 0;
    scores.set(doc, mentions + strong * STRONG_BONUS * idf);
  }
  return scores;
}

/**
 * Adds a flat [document, value, …] list (value = 2 × weight + strong, see index.rs) to
 * `postings`, times a factor (a word that only starts with what was typed counts less, in
 * its count and in its heading alike); the best of several words counts for a document.
 */
function addPostings(postings, flat, factor = 1) {
  for (let i = 0; i < flat.length; i += 2) {
    const weight = (flat[i + 1] >> 1) * factor;
    const strong = (flat[i + 1] & 1) * factor;
    const known = postings.get(flat[i]);
    if (!known) postings.set(flat[i], { weight, strong });
    else postings.set(flat[i], { weight: Math.max(known.weight, weight), strong: Math.max(known.strong, strong) });
  }
}

async function wordShard(root, lang, key) {
  const index = await loadIndex(root, lang);
  const first = key.codePointAt(0).toString(16);
  if (!index.wordShards.includes(first)) return {};
  return (await load(root, `search/${lang}/w/${first}.json`)) ?? {};
}

/**
 * Documents matching a word key by prefix, with the written forms to mark. All the words
 * that start with the key count as one query term: its rarity is that of the whole prefix,
 * so a rare long word does not outweigh the word the reader is typing.
 */
async function matchWord(root, lang, index, key, marks) {
  const shard = await wordShard(root, lang, key);
  const values = new Map();
  let exact = false;
  for (const [candidate, [forms, postings, otherNames = []]] of Object.entries(shard)) {
    if (!candidate.startsWith(key)) continue;
    exact ||= candidate === key;
    addPostings(values, postings, candidate === key ? 1 : PREFIX_WEIGHT);
    forms.forEach((form) => marks.written.add(form));
    otherNames.forEach((name) => marks.names.add(name));
  }
  const scores = score(values, index);
  scores.exact = exact;
  return scores;
}

/**
 * Kana typed as one string (にんちしょうのそうだん): split into the longest known words, and
 * rank documents by how many of them they contain, then by score. The split is a guess, so
 * no single part is required.
 */
async function matchKanaPhrase(root, lang, index, key, marks) {
  const parts = [];
  let rest = key;
  while (rest.length >= 2) {
    const shard = await wordShard(root, lang, rest);
    let best = '';
    for (const candidate of Object.keys(shard)) {
      if (candidate.length > best.length && candidate.length >= 2 && rest.startsWith(candidate)) best = candidate;
    }
    if (best === '') {
      rest = rest.slice(1);
      continue;
    }
    parts.push(await matchWord(root, lang, index, best, marks));
    rest = rest.slice(best.length);
  }
  const combined = new Map();
  for (const scores of parts) {
    for (const [doc, value] of scores) {
      const [count, sum] = combined.get(doc) ?? [0, 0];
      combined.set(doc, [count + 1, sum + value]);
    }
  }
  const result = new Map();
  for (const [doc, [count, sum]] of combined) result.set(doc, sum * (count / parts.length) ** 2);
  return result;
}

/** Documents containing every character key of a kanji run. */
async function matchCharacters(root, lang, index, group, marks) {
  let result = null;
  const names = [];
  for (const key of group.keys) {
    const shard = (await load(root, `search/${lang}/c/${fnv1a(key) % index.characterShards}.json`)) ?? {};
    const entry = shard[key] ?? [];
    // [postings, other names] when synonyms gave the key, else the postings alone.
    const [postings, otherNames] = Array.isArray(entry[0]) ? entry : [entry, []];
    const values = new Map();
    addPostings(values, postings);
    const scores = score(values, index);
    result = result === null ? scores : intersect(result, scores);
    names.push(new Set(otherNames));
  }
  marks.written.add(group.text);
  // A name stands for the whole run only if every key of the run was gained from it (or
  // has so many names that the index kept only a few: common pairs such as 訪問).
  const complete = names.filter((set) => set.size < NAMES_KEPT);
  for (const name of new Set(names.flatMap((set) => [...set]))) {
    if (complete.every((set) => set.has(name))) marks.names.add(name);
  }
  return result ?? new Map();
}

/** The chapter a document belongs to: the last chapter starting at or before it. */
function chapterOf(index, doc) {
  let low = 0;
  let high = index.chapterStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (index.chapterStarts[middle] <= doc) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * The chapters that have every one of the words (each word's documents by score), each
 * with its documents: chapter -> (document -> { score, words }), words being how many of
 * the words the document has.
 */
function chaptersWithAll(index, words) {
  const chapters = new Map();
  words.forEach((scores, n) => {
    for (const [doc, score] of scores) {
      const chapter = chapterOf(index, doc);
      if (n > 0 && !chapters.has(chapter)) continue; // lacks an earlier word
      if (!chapters.has(chapter)) chapters.set(chapter, { docs: new Map(), words: 0 });
      const entry = chapters.get(chapter);
      if (entry.words < n) continue;
      const known = entry.docs.get(doc) ?? { score: 0, words: 0 };
      entry.docs.set(doc, { score: known.score + score, words: known.words + 1 });
      entry.words = n + 1;
    }
    for (const [chapter, entry] of chapters) if (entry.words < n + 1) chapters.delete(chapter);
  });
  return new Map([...chapters].map(([chapter, entry]) => [chapter, entry.docs]));
}

function intersect(a, b) {
  const both = new Map();
  for (const [doc, score] of a) if (b.has(doc)) both.set(doc, score + b.get(doc));
  return both;
}

// ---- Excerpts. ----

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

/** Where the marks stand in a text: [from, to, term, written] ranges, by position. A single
 * kanji counts only where it stands alone (家 in 家で, not in 家族) unless `loose`. */
function findMarks(text, marks, loose = false) {
  const lower = text.toLowerCase();
  const ranges = [];
  const terms = [...marks.written].map((m) => [m, true]).concat([...marks.names].map((m) => [m, false]));
  for (const [term, written] of terms) {
    const wanted = term.toLowerCase();
    if (!wanted) continue;
    const alone = !loose && [...wanted].length === 1 && script(wanted) === 'kanji';
    for (let at = lower.indexOf(wanted); at !== -1; at = lower.indexOf(wanted, at + wanted.length)) {
      if (alone && (script(lower[at - 1] ?? '') === 'kanji' || script(lower[at + wanted.length] ?? '') === 'kanji')) continue;
      ranges.push([at, at + wanted.length, wanted, written]);
    }
  }
  return ranges.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
}

/** `text` as HTML with the ranges marked (overlapping ranges join the first). */
function marked(text, ranges) {
  let html = '';
  let at = 0;
  for (const [from, to] of ranges) {
    if (to <= at) continue;
    const start = Math.max(from, at);
    html += escapeHtml(text.slice(at, start)) + '<mark>' + escapeHtml(text.slice(start, to)) + '</mark>';
    at = to;
  }
  return (html + escapeHtml(text.slice(at))).replace(/\n/g, ' ');
}

/** Marks as the engine gathers them: words as written on the pages, and other names. */
function markSet(list) {
  return { written: new Set(list), names: new Set() };
}

/** The whole text as HTML with every match marked; `marks` is a result's marks. */
export function mark(text, marks) {
  return marked(text, findMarks(text, Array.isArray(marks) ? markSet(marks) : marks));
}

/**
 * How well a run of passages shows the query: the words the reader typed (or their written
 * forms) count twice, other names once, each distinct term once; then the closer together
 * they stand, the better.
 */
function windowValue(ranges) {
  const written = new Set(ranges.filter((r) => r[3]).map((r) => r[2]));
  const names = new Set(ranges.filter((r) => !r[3] && !written.has(r[2])).map((r) => r[2]));
  const span = ranges.length ? ranges[ranges.length - 1][1] - ranges[0][0] : 0;
  return [written.size * 2 + names.size, -span];
}

function better(a, b) {
  return a[0] !== b[0] ? a[0] > b[0] : a[1] > b[1];
}

/**
 * The excerpt of a section: the run of passages (cut at sentence and phrase boundaries when
 * the index was built) that starts with a passage holding a mark and shows the most terms,
 * closest together. Returns { value, html } or null when no passage holds a mark.
 */
function bestExcerpt(passages, marks, loose = false) {
  const found = passages.map((passage) => findMarks(passage, marks, loose));
  let best = null;
  for (let first = 0; first < passages.length; first++) {
    if (!found[first].length) continue;
    let last = first;
    let length = passages[first].length;
    while (last + 1 < passages.length && length + passages[last + 1].length <= EXCERPT_CHARS) {
      length += passages[++last].length;
    }
    let offset = 0;
    const ranges = [];
    for (let i = first; i <= last; i++) {
      for (const [from, to, term, written] of found[i]) ranges.push([from + offset, to + offset, term, written]);
      offset += passages[i].length;
    }
    const value = windowValue(ranges);
    if (best === null || better(value, best.value)) best = { value, first, last, ranges };
  }
  if (best === null) return null;
  const text = passages.slice(best.first, best.last + 1).join('');
  const html = (best.first > 0 ? '…' : '') + marked(text, best.ranges) + (best.last < passages.length - 1 ? '…' : '');
  return { value: best.value, html: html.trim() };
}

/** The first passages of a section, when none holds a mark. */
function openingExcerpt(passages) {
  let last = 0;
  let length = passages[0]?.length ?? 0;
  while (last + 1 < passages.length && length + passages[last + 1].length <= EXCERPT_CHARS) length += passages[++last].length;
  const text = passages.slice(0, last + 1).join('');
  return (marked(text, []) + (last < passages.length - 1 ? '…' : '')).trim();
}

/** A short passage of `text` showing the marks (for a text that was not cut at build time). */
export function excerpt(text, marks) {
  const passages = text.split(/(?<=[。！？.!?]\s*)/u);
  const set = Array.isArray(marks) ? markSet(marks) : marks;
  return bestExcerpt(passages, set)?.html ?? openingExcerpt(passages);
}

/**
 * How much of the query the chapter has as typed, from 0 to 1: in scripts that space their
 * words, the share of the query's word pairs (end of, of life) that stand together as
 * whole words (care plan is not in care planning); in the others, whether the query,
 * without its spaces, stands in the text (訪問 看護 in 訪問看護).
 */
function togetherness(texts, phrase) {
  const words = phrase.split(' ').filter(Boolean);
  if (words.length < 2 && !/[^\p{Script=Latin}\p{Script=Hangul}\p{N} ]/u.test(phrase)) return 0;
  const flat = texts.map((text) => ` ${normalize(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `);
  if (/^[\p{Script=Latin}\p{Script=Hangul}\p{N} ]+$/u.test(phrase)) {
    const pairs = words.slice(1).map((word, i) => ` ${words[i]} ${word} `);
    return pairs.filter((pair) => flat.some((text) => text.includes(pair))).length / pairs.length;
  }
  const joined = phrase.replace(/ /g, '');
  return flat.some((text) => text.replace(/ /g, '').includes(joined)) ? 1 : 0;
}

/** Whether a title has the whole query as typed (spaces aside, whole words where words are spaced). */
function titleHas(title, typed) {
  if (!typed) return false;
  const flat = ` ${normalize(title).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  if (/^[\p{Script=Latin}\p{Script=Hangul}\p{N} ]+$/u.test(typed)) return flat.includes(` ${typed} `);
  return flat.replace(/ /g, '').includes(typed.replace(/ /g, ''));
}

// ---- The search. ----

/**
 * Searches the site's index for `lang`. Returns up to `limit` chapters, best first, each
 * pointing at the section where the words were found.
 */
export async function search(query, { lang = 'ja', limit = 10, root, filters = {}, counts = false } = {}) {
  const index = await loadIndex(root, lang);
  if (!index) throw new Error(`no search index for language "${lang}"`);
  const marks = { written: new Set(), names: new Set() };
  const required = [];
  const bonuses = [];
  const groups = readQuery(query, index.stopWords);
  for (const group of groups) {
    let scores;
    if (group.kind === 'characters') {
      scores = await matchCharacters(root, lang, index, group, marks);
    } else {
      scores = await matchWord(root, lang, index, group.key, marks);
      // お葬式 is read おそうしき, but the dictionary may read お and 葬式 apart.
      if (scores.size === 0 && group.kind === 'kana' && /^[おご]../u.test(group.key)) {
        scores = await matchWord(root, lang, index, group.key.slice(1), marks);
      }
      if (scores.size === 0 && group.kind === 'kana' && !group.bonus) {
        scores = await matchKanaPhrase(root, lang, index, group.key, marks);
      }
      if (group.bonus) {
        bonuses.push(scores);
        continue;
      }
      if (scores.size === 0 && group.optional) continue; // a word the index does not know
    }
    required.push(scores);
  }
  // Every required word must be in the chapter; but a word found only as the start of
  // longer words (`car` in care, cards) or not at all may not empty a query the other
  // words satisfy: such words, weakest first, then only add to the score.
  let kept = required;
  let chapters = chaptersWithAll(index, kept);
  const loose = required.filter((scores) => scores.exact === false).sort((a, b) => a.size - b.size);
  while (chapters.size === 0 && loose.length) {
    bonuses.push(loose.shift());
    kept = required.filter((scores) => !bonuses.includes(scores));
    chapters = chaptersWithAll(index, kept);
  }
  if (kept.length === 0 && bonuses.length) {
    kept = [bonuses.shift()];
    chapters = chaptersWithAll(index, kept);
  }
  const narrowing = await narrower(root, lang, filters, counts);
  const tally = narrowing?.counts(chapters.keys());
  if (narrowing) for (const chapter of [...chapters.keys()]) if (!narrowing.keeps(chapter)) chapters.delete(chapter);
  if (chapters.size === 0) return withCounts([], tally, 0);
  for (const scores of bonuses) {
    for (const [doc, value] of scores) {
      const docs = chapters.get(chapterOf(index, doc));
      if (docs) docs.set(doc, { score: (docs.get(doc)?.score ?? 0) + value, words: docs.get(doc)?.words ?? 0 });
    }
  }

  // A chapter's score: its best section, plus less and less for each further one, so a
  // chapter about the subject (title and several sections) outranks a passing mention; a
  // section that has only some of the words counts half, so the words together come first.
  const ranked = [...chapters.entries()]
    .map(([chapter, found]) => {
      const docs = [...found.entries()]
        .map(([doc, { score, words }]) => [doc, words === kept.length ? score : score / 2])
        .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      return [chapter, docs, docs.reduce((sum, [, s], i) => sum + s / 3 ** i, 0)];
    })
    .sort((a, b) => b[2] - a[2] || a[0] - b[0])
    .slice(0, limit);
  // Words typed together (end of life, "advance care planning") are looked for together.
  const typed = normalize(query).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const phrase = groups.length > 1 ? typed : '';
  const results = await Promise.all(
    ranked.map(async ([chapter, docs, score]) => {
      const shown = await load(root, `search/${lang}/t/${chapter}.json`);
      const first = index.chapterStarts[chapter];
      const { doc, html } = pointAt(shown, first, docs, marks);
      const [anchor, heading, passages] = shown.sections[doc - first];
      const together = phrase && togetherness([shown.title, ...shown.sections.flatMap(([, h, p]) => [h, p.join('')])], phrase);
      return {
        url: anchor ? `${shown.url}#${anchor}` : shown.url,
        title: shown.title,
        heading,
        excerpt: html,
        score: Math.round(score * (1 + (ADJACENT_BONUS - 1) * together) * (titleHas(shown.title, typed) ? TITLE_BONUS : 1) * 1000) / 1000,
        lang: shown.lang ?? undefined,
        marks: [...marks.written, ...[...marks.names].filter((n) => !marks.written.has(n))],
        chapter,
      };
    }),
  );
  results.sort((a, b) => b.score - a.score || a.chapter - b.chapter);
  return withCounts(results.map(({ chapter, ...result }) => result), tally, chapters.size);
}

// ---- Filters. ----

function withCounts(results, counts, total) {
  if (counts) Object.assign(results, { counts, total });
  return results;
}

/**
 * What the filters choose, or null when none is chosen and no counts are asked for (then
 * filters.json is not fetched). `keeps(entry)` says whether an entry has, in every facet
 * with a choice, one of the chosen values; `counts(entries)` counts each value among the
 * entries, each facet with the other facets' choices applied. Values the facet does not
 * have (a mistyped URL) are ignored.
 */
async function narrower(root, lang, filters, counts) {
  const chosenAny = Object.values(filters).some((values) => values?.length);
  if (!chosenAny && !counts) return null;
  const data = await load(root, `search/${lang}/filters.json`);
  if (!data) return null;
  const chosen = data.facets.map((facet) => new Set((filters[facet.key] ?? []).map((v) => facet.values.indexOf(v)).filter((n) => n >= 0)));
  const has = (entry, except) =>
    chosen.every((wanted, f) => f === except || wanted.size === 0 || data.entries[entry][4][f].some((n) => wanted.has(n)));
  return {
    data,
    keeps: (entry) => has(entry),
    counts(entries) {
      const tally = Object.fromEntries(data.facets.map((facet) => [facet.key, Object.fromEntries(facet.values.map((v) => [v, 0]))]));
      for (const entry of entries) {
        data.facets.forEach((facet, f) => {
          if (!has(entry, f)) return;
          for (const n of data.entries[entry][4][f]) tally[facet.key][facet.values[n]] += 1;
        });
      }
      return tally;
    },
  };
}

/**
 * The chapters the filters choose, without a query, in the guidebook's order: each as a
 * result whose excerpt is the chapter's summary. With no filter chosen, every chapter.
 */
export async function browse({ lang = 'ja', root, filters = {} } = {}) {
  const narrowing = await narrower(root, lang, filters, true);
  if (!narrowing) throw new Error(`no filters for language "${lang}"`);
  const all = narrowing.data.entries.map((_, n) => n);
  const kept = all.filter((n) => narrowing.keeps(n));
  const results = kept.map((n) => {
    const [title, url, summary, textLang] = narrowing.data.entries[n];
    return { url, title, heading: '', excerpt: escapeHtml(summary), score: 0, lang: textLang ?? undefined, marks: [] };
  });
  return withCounts(results, narrowing.counts(all), kept.length);
}

/**
 * The section a result points at, and its excerpt: the best-scoring section whose passages
 * show the words the reader typed; else one that shows other names for them; else any
 * section of the chapter that does (a word found in the title may stand in the text too);
 * else the best section's opening, after its heading (or the chapter's title), which is
 * where the words were found. The title-and-summary document stands for the chapter top
 * and is taken only when no section shows as much.
 */
function pointAt(shown, first, docs, marks) {
  const sectionOrder = [...docs.filter(([doc]) => doc !== first), ...docs.filter(([doc]) => doc === first)].map(
    ([doc]) => doc,
  );
  for (let doc = first; doc < first + shown.sections.length; doc++) {
    if (!sectionOrder.includes(doc)) sectionOrder.push(doc);
  }
  // A single kanji inside a longer word (肺 in 肺炎) is shown only when nothing else is.
  for (const loose of [false, true]) {
    let best = null;
    sectionOrder.forEach((doc, rank) => {
      const found = bestExcerpt(shown.sections[doc - first][2], marks, loose);
      if (!found) return;
      // A matched section beats an unmatched one that shows no more.
      const value = [found.value[0], rank < docs.length ? 1 : 0, -rank];
      if (best === null || value[0] > best.value[0] || (value[0] === best.value[0] && (value[1] > best.value[1] || (value[1] === best.value[1] && value[2] > best.value[2])))) {
        best = { doc, html: found.html, value };
      }
    });
    if (best) return best;
  }
  const doc = sectionOrder[0];
  const [, heading, passages] = shown.sections[doc - first];
  const named = mark(heading || shown.title, marks);
  return { doc, html: `${named} — ${openingExcerpt(passages)}` };
}
