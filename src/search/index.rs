//! One language's index, accumulated document by document and written as small files that
//! the browser fetches only when a query needs them.
//!
//! Layout under search/<lang>/ (all JSON):
//! - `index.json`: what every query needs and nothing more: how many documents each chapter
//!   has (its documents follow those of the chapter before), each document's length in
//!   units of `LENGTH_UNIT` terms, the average of those, which word files exist and the
//!   number of character shards;
//! - `w/<first character as hex>.json`: word keys starting with that character, each as
//!   `[forms, postings]` or `[forms, postings, other names]`: the forms it was written in,
//!   and the names whose synonyms it was indexed for (a section saying 最期 is found by
//!   みとり: 最期 is the other name), so a prefix lookup reads one file;
//! - `c/<n>.json`: character keys, spread over n files by a hash of the key, each as
//!   postings, or `[postings, other names]` when synonyms gave it;
//! - `t/<chapter>.json`: what a result shows: the chapter's title, URL and language, and each
//!   section's heading id, heading and passages (sentences, long ones cut between phrases,
//!   see passages.rs), fetched only for the chapters a query returns. Made by `chapter_file`
//!   as each chapter is added, and written at once: the index itself keeps no text.
//!
//! Postings are flat `[document, value, document, value …]`; no positions are stored. A
//! value is `2 × weight + strong`: the weight is the term's count, weighted by where it
//! stands; strong is 1 when the term is in the chapter's title or the section's heading,
//! which the engine adds on top of the count, so a section named after the query outranks
//! sections that only mention it, however often.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::json;

use super::analyze::CountedTerms;

/// A section of a chapter, the unit a result points to: its weighted terms, the heading
/// and the body (or title and summary), each with its weight.
pub(super) struct Document<'a> {
    pub fields: Vec<Field<'a>>,
}

/// Terms of one part of a document and how they count.
#[derive(Clone, Copy)]
pub(super) struct Field<'a> {
    pub terms: &'a CountedTerms,
    pub weight: u32,
    /// A title or heading: what the section is about.
    pub strong: bool,
    /// Terms gained from synonyms: their written forms are other names, not the query's.
    pub gained: bool,
}

/// Postings of one key: (document, weight, strong), documents ascending.
type Postings = Vec<(u32, u32, bool)>;

/// The written forms kept for a key: enough to mark it, few enough to stay small.
const FORMS_KEPT: usize = 4;

#[derive(Default)]
struct WordEntry {
    forms: BTreeSet<Box<str>>,
    other_names: BTreeSet<Box<str>>,
    postings: Postings,
}

#[derive(Default)]
struct CharacterEntry {
    other_names: BTreeSet<Box<str>>,
    postings: Postings,
}

/// A chapter as a result shows it.
pub(super) struct ChapterEntry {
    pub title: String,
    pub url: String,
    /// The language tag of the title and text when they are a fallback in another language.
    pub lang: Option<String>,
}

#[derive(Default)]
pub(super) struct LanguageIndex {
    /// Index of each chapter's first document.
    chapter_starts: Vec<u32>,
    lengths: Vec<u32>,
    words: BTreeMap<Box<str>, WordEntry>,
    characters: BTreeMap<Box<str>, CharacterEntry>,
}

/// Aim for character shards of about this many bytes: small enough for a slow phone line,
/// large enough that a query needs few of them.
const SHARD_BYTES: usize = 12_000;

/// Document lengths are written in units of this many weighted terms: BM25 reads a length
/// only against the average, so the unit changes no ranking beyond rounding, and every
/// query downloads one fewer digit per document.
const LENGTH_UNIT: u32 = 4;

impl LanguageIndex {
    /// Starts a chapter; its documents follow. Returns the chapter's number.
    pub(super) fn add_chapter(&mut self) -> usize {
        self.chapter_starts.push(self.lengths.len() as u32);
        self.chapter_starts.len() - 1
    }

    /// Adds a document to the chapter added last.
    pub(super) fn add_document(&mut self, document: &Document) {
        let id = self.lengths.len() as u32;
        let mut length = 0;
        for field in &document.fields {
            let Field { terms, weight, strong, gained } = *field;
            length += terms.len * weight;
            for (key, written, count) in &terms.words {
                if !self.words.contains_key(key) {
                    self.words.insert(key.clone(), WordEntry::default());
                }
                let entry = self.words.get_mut(key).expect("inserted above");
                let forms = if gained { &mut entry.other_names } else { &mut entry.forms };
                if forms.len() < FORMS_KEPT && !forms.contains(written) {
                    forms.insert(written.clone());
                }
                add_posting(&mut entry.postings, id, weight * count, strong);
            }
            for (key, count) in &terms.characters {
                if !self.characters.contains_key(key) {
                    self.characters.insert(key.clone(), CharacterEntry::default());
                }
                add_posting(
                    &mut self.characters.get_mut(key).expect("inserted above").postings,
                    id,
                    weight * count,
                    strong,
                );
            }
            for (key, written) in &terms.character_names {
                if let Some(entry) = self.characters.get_mut(key)
                    && entry.other_names.len() < FORMS_KEPT
                {
                    entry.other_names.insert(written.clone());
                }
            }
        }
        self.lengths.push(length.max(1));
    }

    /// The files of this index, by path under search/<lang>/.
    #[cfg(test)]
    pub(super) fn files(self) -> Vec<(String, String)> {
        let mut files = Vec::new();
        self.write(&mut |path, text| files.push((path, text)));
        files
    }

    /// Hands each file of this index to `out` (path under search/<lang>/, JSON text) as soon
    /// as it is made, so the index is never held twice, as a structure and as text.
    pub(super) fn write(self, out: &mut dyn FnMut(String, String)) {
        let LanguageIndex { chapter_starts, lengths, words, characters } = self;
        let character_shards = shard_count(characters.iter().map(|(k, e)| k.len() + e.postings.len() * 8));
        // Keys are sorted, so the keys of one word file (one first character) come together.
        let mut word_files: Vec<String> = Vec::new();
        let mut shard = JsonObject::default();
        let mut shard_name = String::new();
        for (key, entry) in words {
            let name = format!("{:x}", key.chars().next().map_or(0, |c| c as u32));
            if name != shard_name && !shard.is_empty() {
                out(format!("w/{shard_name}.json"), std::mem::take(&mut shard).finish());
                word_files.push(std::mem::take(&mut shard_name));
            }
            shard_name = name;
            if entry.other_names.is_empty() {
                shard.push(&key, &(entry.forms, flat(&entry.postings)));
            } else {
                shard.push(&key, &(entry.forms, flat(&entry.postings), entry.other_names));
            }
        }
        if !shard.is_empty() {
            out(format!("w/{shard_name}.json"), shard.finish());
            word_files.push(shard_name);
        }
        let mut character_files: Vec<JsonObject> = (0..character_shards).map(|_| JsonObject::default()).collect();
        for (key, entry) in characters {
            let file = &mut character_files[(fnv1a(&key) % character_shards) as usize];
            if entry.other_names.is_empty() {
                file.push(&key, &flat(&entry.postings));
            } else {
                file.push(&key, &(flat(&entry.postings), entry.other_names));
            }
        }
        for (n, file) in character_files.into_iter().enumerate().filter(|(_, f)| !f.is_empty()) {
            out(format!("c/{n}.json"), file.finish());
        }
        word_files.sort();
        let lengths: Vec<u32> = lengths.iter().map(|&l| ((l + LENGTH_UNIT / 2) / LENGTH_UNIT).max(1)).collect();
        let total: u64 = lengths.iter().map(|&l| l as u64).sum();
        let average = if lengths.is_empty() { 1.0 } else { total as f64 / lengths.len() as f64 };
        // Counts, not starts: small numbers that repeat, which is what gzip does best.
        let mut sizes: Vec<u32> = chapter_starts.windows(2).map(|pair| pair[1] - pair[0]).collect();
        if let Some(&last) = chapter_starts.last() {
            sizes.push(lengths.len() as u32 - last);
        }
        // The engine asks only for word files that exist: a missing one would cost a 404 page.
        let index = json!({
            "version": 1,
            "characterShards": character_shards,
            "wordShards": word_files,
            "averageLength": (average * 10.0).round() / 10.0,
            // The words the index leaves out, for the query to leave out too.
            "stopWords": super::analyze::STOPWORDS,
            "chapterSizes": sizes,
            "lengths": lengths,
        });
        out("index.json".to_string(), index.to_string());
    }
}

/// A JSON object written as its members arrive, in the order given (keys ascending, as
/// serde_json writes a map).
#[derive(Default)]
struct JsonObject {
    text: String,
}

impl JsonObject {
    fn push(&mut self, key: &str, value: &impl serde::Serialize) {
        self.text.push(if self.text.is_empty() { '{' } else { ',' });
        self.text.push_str(&serde_json::to_string(key).expect("a string is JSON"));
        self.text.push(':');
        self.text.push_str(&serde_json::to_string(value).expect("index values are JSON"));
    }

    fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    fn finish(mut self) -> String {
        self.text.push('}');
        self.text
    }
}

/// What a result shows of a chapter, fetched only for the chapters a query returns: its
/// title, URL and language, and each section's (heading id, heading, passages), by path.
pub(super) fn chapter_file(
    number: usize,
    entry: &ChapterEntry,
    sections: &[(Option<&str>, &str, &[String])],
) -> (String, String) {
    let shown = json!({ "title": entry.title, "url": entry.url, "lang": entry.lang, "sections": sections });
    (format!("t/{number}.json"), shown.to_string())
}

/// Documents arrive in order, so a document's postings are the last entry or a new one.
fn add_posting(postings: &mut Postings, document: u32, weight: u32, strong: bool) {
    match postings.last_mut() {
        Some((last, total, was_strong)) if *last == document => {
            *total += weight;
            *was_strong |= strong;
        }
        _ => postings.push((document, weight, strong)),
    }
}

fn flat(postings: &Postings) -> Vec<u32> {
    postings.iter().flat_map(|(doc, weight, strong)| [*doc, weight * 2 + *strong as u32]).collect()
}

/// A power of two, so the browser's `hash % n` needs no table.
fn shard_count(sizes: impl Iterator<Item = usize>) -> u32 {
    let total: usize = sizes.sum();
    (total / SHARD_BYTES).max(1).next_power_of_two() as u32
}

/// FNV-1a over the key's UTF-8 bytes; the engine computes the same to find the shard.
pub(crate) fn fnv1a(key: &str) -> u32 {
    key.bytes().fold(0x811c_9dc5_u32, |hash, byte| (hash ^ byte as u32).wrapping_mul(0x0100_0193))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::analyze::Terms;

    #[test]
    fn fnv1a_matches_the_reference_values() {
        assert_eq!(fnv1a(""), 0x811c9dc5);
        assert_eq!(fnv1a("a"), 0xe40c292c);
        assert_eq!(fnv1a("foobar"), 0xbf9cf968);
    }

    #[test]
    fn postings_are_weighted_and_shards_are_found_by_first_character() {
        let mut index = LanguageIndex::default();
        let chapter = index.add_chapter();
        let title: CountedTerms = Terms {
            words: vec![("にんちしょう".into(), "認知症".into())],
            characters: vec!["認知".into()],
            ..Terms::default()
        }
        .into();
        let body: CountedTerms = Terms {
            words: vec![("にんちしょう".into(), "認知症".into()), ("にんちしょう".into(), "認知症".into())],
            characters: vec![],
            ..Terms::default()
        }
        .into();
        index.add_document(&Document {
            fields: vec![
                Field { terms: &title, weight: 3, strong: true, gained: false },
                Field { terms: &body, weight: 1, strong: false, gained: false },
            ],
        });
        let files: BTreeMap<String, String> = index.files().into_iter().collect();
        let shard = format!("w/{:x}.json", 'に' as u32);
        assert_eq!(
            files[&shard], r#"{"にんちしょう":[["認知症"],[0,11]]}"#,
            "3 for the title, 1 for each mention in the body, doubled, and 1 as the title has it"
        );
        let entry = ChapterEntry { title: "認知症".into(), url: "ja/a/".into(), lang: None };
        let passages = ["本文です。".to_string(), "次の文。".to_string()];
        let (path, text) = chapter_file(chapter, &entry, &[(None, "", &passages)]);
        assert_eq!(path, "t/0.json");
        assert_eq!(
            text,
            r#"{"lang":null,"sections":[[null,"",["本文です。","次の文。"]]],"title":"認知症","url":"ja/a/"}"#
        );
        assert!(files["index.json"].contains(r#""chapterSizes":[1]"#), "{}", files["index.json"]);
        assert!(
            files["index.json"].contains(r#""lengths":[1]"#),
            "5 weighted terms, in units of 4: {}",
            files["index.json"]
        );
    }
}
