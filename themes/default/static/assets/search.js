// tebiki search engine: one ES module, no dependencies, the same in the browser and in Node.
//
//   import { search } from './search.js';
//   const results = await search('にんちしょう', { lang: 'ja', limit: 3 });          // browser
//   const results = await search('にんちしょう', { lang: 'ja', limit: 3, root: 'public' }); // Node
//
// Each result is { url, title, heading, excerpt, score, lang, marks }: url is relative to
// the site root, excerpt is HTML with the matches in <mark>, lang is set when the chapter is
// shown in another language than the index (an untranslated chapter), marks lists the words
// as written on the page (認知症 for にんちしょう), for marking the title and heading with mark().
//
// The index is built by tebiki (src/search/index.rs describes the files): word keys
// (readings such as にんちしょう, kana words, alphabetic words) are looked up by prefix in
// w/<first character>.json; character keys (pairs of kanji and single kanji) exactly in
// c/<hash>.json; a result's title, heading and text come from t/<chapter>.json. Keys are
// normalised exactly as normalize() below does; the two must stay identical.

const K1 = 1.2;
const B = 0.75;
const PREFIX_WEIGHT = 0.8;

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

/** Scores documents from their weights, for a query term found in `frequency` documents. */
function score(weights, index) {
  const scores = new Map();
  for (const [doc, weight] of weights) {
    scores.set(doc, bm25(weight, weights.size, index.lengths.length, index.lengths[doc], index.averageLength));
  }
  return scores;
}

async function wordShard(root, lang, key) {
  const index = await load(root, `search/${lang}/index.json`);
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
  const weights = new Map();
  let exact = false;
  for (const [candidate, [forms, postings]] of Object.entries(shard)) {
    if (!candidate.startsWith(key)) continue;
    exact ||= candidate === key;
    const factor = candidate === key ? 1 : PREFIX_WEIGHT;
    for (let i = 0; i < postings.length; i += 2) {
      weights.set(postings[i], Math.max(weights.get(postings[i]) ?? 0, postings[i + 1] * factor));
    }
    forms.forEach((form) => marks.add(form));
  }
  const scores = score(weights, index);
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
  for (const key of group.keys) {
    const shard = (await load(root, `search/${lang}/c/${fnv1a(key) % index.characterShards}.json`)) ?? {};
    const postings = shard[key] ?? [];
    const weights = new Map();
    for (let i = 0; i < postings.length; i += 2) weights.set(postings[i], postings[i + 1]);
    const scores = score(weights, index);
    result = result === null ? scores : intersect(result, scores);
  }
  marks.add(group.text);
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

function intersect(a, b) {
  const both = new Map();
  for (const [doc, score] of a) if (b.has(doc)) both.set(doc, score + b.get(doc));
  return both;
}

// ---- Excerpts. ----

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

/** The whole text as HTML with every match marked. */
export function mark(text, marks) {
  return excerpt(text, marks, text.length);
}

/** A short passage around the first match, with every match marked. */
export function excerpt(text, marks, length = 100) {
  const lower = text.toLowerCase();
  const terms = [...marks].filter(Boolean).map((m) => m.toLowerCase());
  const ranges = [];
  for (const term of terms) {
    for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + term.length)) {
      ranges.push([at, at + term.length]);
    }
  }
  ranges.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const first = ranges.length ? ranges[0][0] : 0;
  const start = Math.max(0, Math.min(first - 25, text.length - length));
  let end = Math.min(text.length, start + length);
  for (const [from, to] of ranges) if (from < end && to > end) end = to; // never cut a match
  let html = start > 0 ? '…' : '';
  let at = start;
  for (const [from, to] of ranges) {
    if (from < at || from >= end) continue;
    html += escapeHtml(text.slice(at, from)) + '<mark>' + escapeHtml(text.slice(from, Math.min(to, end))) + '</mark>';
    at = Math.min(to, end);
  }
  html += escapeHtml(text.slice(at, end)) + (end < text.length ? '…' : '');
  return html.replace(/\n/g, ' ');
}

// ---- The search. ----

/**
 * Searches the site's index for `lang`. Returns up to `limit` chapters, best first, each
 * pointing at the section where the words were found.
 */
export async function search(query, { lang = 'ja', limit = 10, root } = {}) {
  const index = await load(root, `search/${lang}/index.json`);
  if (!index) throw new Error(`no search index for language "${lang}"`);
  const marks = new Set();
  const required = [];
  const bonuses = [];
  for (const group of readQuery(query, index.stopWords)) {
    let scores;
    if (group.kind === 'characters') {
      scores = await matchCharacters(root, lang, index, group, marks);
    } else {
      scores = await matchWord(root, lang, index, group.key, marks);
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
  // Every required word must match; but a word found only as the start of longer words
  // (`car` in care, cards) or not at all may not empty a query the other words satisfy:
  // such words, weakest first, then only add to the score.
  let result = required.length ? required.reduce(intersect) : null;
  const loose = required.filter((scores) => scores.exact === false).sort((a, b) => a.size - b.size);
  while (result !== null && result.size === 0 && loose.length) {
    const dropped = loose.shift();
    bonuses.push(dropped);
    const kept = required.filter((scores) => !bonuses.includes(scores));
    result = kept.length ? kept.reduce(intersect) : null;
  }
  if (result === null && bonuses.length) result = bonuses.shift();
  if (!result) return [];
  for (const scores of bonuses) {
    for (const [doc, value] of scores) if (result.has(doc)) result.set(doc, result.get(doc) + value);
  }

  // A chapter's score: its best document, plus less and less for each further one, so a
  // chapter about the subject (title and several sections) outranks a passing mention.
  const byChapter = new Map(); // chapter -> [[doc, score], ...]
  for (const [doc, score] of result) {
    const chapter = chapterOf(index, doc);
    if (!byChapter.has(chapter)) byChapter.set(chapter, []);
    byChapter.get(chapter).push([doc, score]);
  }
  const ranked = [...byChapter.entries()]
    .map(([chapter, docs]) => {
      docs.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const score = docs.reduce((sum, [, s], i) => sum + s / 3 ** i, 0);
      // Point at the best section; the title-and-summary document stands for the chapter top.
      const first = index.chapterStarts[chapter];
      const section = docs.find(([doc]) => doc !== first) ?? docs[0];
      return [chapter, section[0], score];
    })
    .sort((a, b) => b[2] - a[2] || a[0] - b[0])
    .slice(0, limit);
  return Promise.all(
    ranked.map(async ([chapter, doc, score]) => {
      const shown = await load(root, `search/${lang}/t/${chapter}.json`);
      const [anchor, heading, text] = shown.sections[doc - index.chapterStarts[chapter]];
      return {
        url: anchor ? `${shown.url}#${anchor}` : shown.url,
        title: shown.title,
        heading,
        excerpt: excerpt(text, marks),
        score: Math.round(score * 1000) / 1000,
        lang: shown.lang ?? undefined,
        marks: [...marks],
      };
    }),
  );
}
