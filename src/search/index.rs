//! One language's index, accumulated document by document and written as small files that
//! the browser fetches only when a query needs them.
//!
//! Layout under search/<lang>/ (all JSON):
//! - `index.json`: what every query needs and nothing more: where each chapter's documents
//!   start, each document's length, the average length, which word files exist and the number
//!   of character shards;
//! - `w/<first character as hex>.json`: word keys starting with that character, each with
//!   the forms it was written in and its postings, so a prefix lookup reads one file;
//! - `c/<n>.json`: character keys, spread over n files by a hash of the key;
//! - `t/<chapter>.json`: what a result shows: the chapter's title, URL and language, and each
//!   section's heading id, heading and plain text (for the excerpt), fetched only for the
//!   chapters a query returns.
//!
//! Postings are flat `[document, weight, document, weight …]`; no positions are stored.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};

use super::analyze::Terms;

/// A section of a chapter, the unit a result points to.
pub struct Document<'a> {
    pub chapter: usize,
    pub anchor: Option<String>,
    pub heading: String,
    pub text: String,
    /// Weighted terms: the heading and the body (or title and summary), each with its weight.
    pub fields: Vec<(&'a Terms, u32)>,
}

/// A chapter as a result shows it.
pub struct ChapterEntry {
    pub title: String,
    pub url: String,
    /// The language tag of the title and text when they are a fallback in another language.
    pub lang: Option<String>,
}

#[derive(Default)]
pub struct LanguageIndex {
    chapters: Vec<ChapterEntry>,
    /// Index of each chapter's first document.
    chapter_starts: Vec<u32>,
    lengths: Vec<u32>,
    /// Per chapter: (heading id, heading, text) of each document.
    sections: Vec<Vec<(Option<String>, String, String)>>,
    words: BTreeMap<String, (BTreeSet<String>, BTreeMap<u32, u32>)>,
    characters: BTreeMap<String, BTreeMap<u32, u32>>,
}

/// Aim for character shards of about this many bytes: small enough for a slow phone line,
/// large enough that a query needs few of them.
const SHARD_BYTES: usize = 12_000;

impl LanguageIndex {
    pub fn add_chapter(&mut self, chapter: ChapterEntry) -> usize {
        self.chapters.push(chapter);
        self.chapter_starts.push(self.lengths.len() as u32);
        self.sections.push(Vec::new());
        self.chapters.len() - 1
    }

    /// Adds a document to the chapter added last.
    pub fn add_document(&mut self, document: &Document) {
        let id = self.lengths.len() as u32;
        let mut length = 0;
        for (terms, weight) in &document.fields {
            length += terms.len() as u32 * weight;
            for (key, written) in &terms.words {
                let (forms, postings) = self.words.entry(key.clone()).or_default();
                if forms.len() < 4 {
                    forms.insert(written.clone());
                }
                *postings.entry(id).or_default() += weight;
            }
            for key in &terms.characters {
                *self.characters.entry(key.clone()).or_default().entry(id).or_default() += weight;
            }
        }
        self.lengths.push(length.max(1));
        self.sections[document.chapter].push((
            document.anchor.clone(),
            document.heading.clone(),
            document.text.clone(),
        ));
    }

    /// The files of this index, by path under search/<lang>/.
    pub fn files(&self) -> Vec<(String, String)> {
        let mut files = Vec::new();
        let character_shards = shard_count(self.characters.iter().map(|(k, p)| k.len() + p.len() * 8));
        let mut word_shards: BTreeMap<String, serde_json::Map<String, Value>> = BTreeMap::new();
        for (key, (forms, postings)) in &self.words {
            let first = key.chars().next().map_or(0, |c| c as u32);
            word_shards
                .entry(format!("w/{first:x}.json"))
                .or_default()
                .insert(key.clone(), json!([forms, flat(postings)]));
        }
        let mut character_files: BTreeMap<u32, serde_json::Map<String, Value>> = BTreeMap::new();
        for (key, postings) in &self.characters {
            character_files
                .entry(fnv1a(key) % character_shards)
                .or_default()
                .insert(key.clone(), json!(flat(postings)));
        }
        // The engine asks only for word files that exist: a missing one would cost a 404 page.
        let word_files: Vec<String> = word_shards
            .keys()
            .map(|path| path.trim_start_matches("w/").trim_end_matches(".json").to_string())
            .collect();
        files.extend(word_shards.into_iter().map(|(path, map)| (path, Value::Object(map).to_string())));
        files.extend(
            character_files.into_iter().map(|(n, map)| (format!("c/{n}.json"), Value::Object(map).to_string())),
        );
        for (chapter, (entry, sections)) in self.chapters.iter().zip(&self.sections).enumerate() {
            let shown = json!({ "title": entry.title, "url": entry.url, "lang": entry.lang, "sections": sections });
            files.push((format!("t/{chapter}.json"), shown.to_string()));
        }
        let total: u64 = self.lengths.iter().map(|&l| l as u64).sum();
        let average = if self.lengths.is_empty() { 1.0 } else { total as f64 / self.lengths.len() as f64 };
        let index = json!({
            "version": 1,
            "characterShards": character_shards,
            "wordShards": word_files,
            "averageLength": (average * 10.0).round() / 10.0,
            "chapterStarts": self.chapter_starts,
            "lengths": self.lengths,
        });
        files.push(("index.json".to_string(), index.to_string()));
        files
    }
}

fn flat(postings: &BTreeMap<u32, u32>) -> Vec<u32> {
    postings.iter().flat_map(|(doc, weight)| [*doc, *weight]).collect()
}

/// A power of two, so the browser's `hash % n` needs no table.
fn shard_count(sizes: impl Iterator<Item = usize>) -> u32 {
    let total: usize = sizes.sum();
    (total / SHARD_BYTES).max(1).next_power_of_two() as u32
}

/// FNV-1a over the key's UTF-8 bytes; the engine computes the same to find the shard.
pub fn fnv1a(key: &str) -> u32 {
    key.bytes().fold(0x811c_9dc5_u32, |hash, byte| (hash ^ byte as u32).wrapping_mul(0x0100_0193))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_reference_values() {
        assert_eq!(fnv1a(""), 0x811c9dc5);
        assert_eq!(fnv1a("a"), 0xe40c292c);
        assert_eq!(fnv1a("foobar"), 0xbf9cf968);
    }

    #[test]
    fn postings_are_weighted_and_shards_are_found_by_first_character() {
        let mut index = LanguageIndex::default();
        let chapter = index.add_chapter(ChapterEntry { title: "認知症".into(), url: "ja/a/".into(), lang: None });
        let title =
            Terms { words: vec![("にんちしょう".into(), "認知症".into())], characters: vec!["認知".into()] };
        let body = Terms { words: vec![("にんちしょう".into(), "認知症".into())], characters: vec![] };
        index.add_document(&Document {
            chapter,
            anchor: None,
            heading: String::new(),
            text: "本文".into(),
            fields: vec![(&title, 3), (&body, 1)],
        });
        let files: BTreeMap<String, String> = index.files().into_iter().collect();
        let shard = format!("w/{:x}.json", 'に' as u32);
        assert_eq!(files[&shard], r#"{"にんちしょう":[["認知症"],[0,4]]}"#);
        assert_eq!(files["t/0.json"], r#"{"lang":null,"sections":[[null,"","本文"]],"title":"認知症","url":"ja/a/"}"#);
        assert!(files["index.json"].contains(r#""chapterStarts":[0]"#), "{}", files["index.json"]);
        assert!(files["index.json"].contains(r#""lengths":[4]"#), "{}", files["index.json"]);
    }
}
