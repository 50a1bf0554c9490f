//! Words outside a plain vocabulary in やさしい日本語 chapters. Readers of やさしい日本語
//! know about the words of everyday life (dictionary/easy-japanese.yaml); a harder word
//! needs a plainer one, or an explanation where it first appears. The guidebook's own
//! terms (the domain dictionary and data/dictionary.csv) are allowed: a chapter must name
//! 認知症 or 地域包括支援センター to be useful, and explains them. A guidebook adds
//! words it explains to data/easy-words.txt. The words of the desks' names are allowed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Deserialize;

use crate::content::Page;
use crate::diagnostics::{Diagnostic, Position};
use crate::guidebook::Guidebook;
use crate::japanese::{DOMAIN_DICTIONARY, Tokenizer, WordClass, dictionary_entries};
use crate::msg;
use crate::source::SourceFile;

/// The language code of やさしい日本語.
pub(super) const EASY_JAPANESE: &str = "ja-easy";
/// Words a guidebook allows in its やさしい日本語 chapters, one per line.
pub(super) const GUIDEBOOK_WORDS: &str = "data/easy-words.txt";
const BUILT_IN: &str = include_str!("../../dictionary/easy-japanese.yaml");

#[derive(Deserialize)]
struct PlainVocabulary {
    words: BTreeSet<String>,
    instead: BTreeMap<String, String>,
}

pub(super) fn run(root: &Path, guidebook: &Guidebook, tokenizer: &Tokenizer) -> Vec<Diagnostic> {
    let pages: Vec<&Page> = guidebook.chapters.iter().filter_map(|c| c.versions.get(EASY_JAPANESE)).collect();
    if pages.is_empty() {
        return Vec::new();
    }
    let vocabulary: PlainVocabulary = serde_yaml::from_str(BUILT_IN).expect("the built-in vocabulary is valid YAML");
    let mut allowed = vocabulary.words;
    allowed.extend(dictionary_surfaces(DOMAIN_DICTIONARY));
    allowed.extend(dictionary_surfaces(tokenizer.extra_entries()));
    allowed.extend(desk_name_words(guidebook, tokenizer));
    // A missing file means no words of the guidebook's own; an unusable one is reported.
    let path = root.join(GUIDEBOOK_WORDS);
    let own = match path.exists().then(|| SourceFile::read(root, &path)) {
        Some(Ok(file)) => file.text,
        Some(Err(problem)) => return vec![problem],
        None => String::new(),
    };
    allowed.extend(own.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(String::from));
    let mut found = Vec::new();
    for page in pages {
        found.extend(hard_words(page, tokenizer, &allowed, &vocabulary.instead));
    }
    found
}

/// The words of the desks' names: a name is what the reader says on the phone, so it is
/// written as it is, plain or not.
fn desk_name_words(guidebook: &Guidebook, tokenizer: &Tokenizer) -> Vec<String> {
    let source = guidebook.source_code();
    guidebook
        .contacts
        .ids()
        .filter_map(|id| guidebook.contacts.get(id))
        .flat_map(|contact| [contact.name.get(EASY_JAPANESE, source), contact.name.get(source, source)])
        .flatten()
        .map(|(name, _)| name)
        .flat_map(|name| tokenizer.tokenize(name).iter().map(|m| m.base.clone()).collect::<Vec<_>>())
        .collect()
}

/// The first field of each entry of a dictionary in domain.csv's format.
fn dictionary_surfaces(entries: &str) -> impl Iterator<Item = String> + '_ {
    dictionary_entries(entries).filter_map(|l| l.split(',').next().map(String::from))
}

/// Each word outside the vocabulary, once per chapter, where it first appears.
fn hard_words(
    page: &Page,
    tokenizer: &Tokenizer,
    allowed: &BTreeSet<String>,
    instead: &BTreeMap<String, String>,
) -> Vec<Diagnostic> {
    let body_start = page.file.text.len() - page.body_text_len();
    let first_body_line = page.file.text[..body_start].lines().count();
    let mut reported = BTreeSet::new();
    let mut found = Vec::new();
    let mut in_code = false;
    for (index, line) in page.file.text.lines().enumerate().skip(first_body_line) {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        }
        if in_code {
            continue;
        }
        let text = readable_text(line);
        for morpheme in tokenizer.tokenize(&text).iter() {
            if !needs_checking(morpheme) || allowed.contains(&morpheme.base) || allowed.contains(&morpheme.surface) {
                continue;
            }
            if !reported.insert(morpheme.base.clone()) {
                continue;
            }
            let column = line.find(&morpheme.surface).map_or(1, |byte| line[..byte].chars().count() + 1);
            let hint = match instead.get(&morpheme.base) {
                Some(plain) => msg!("hint-easy-word", word = plain),
                None => msg!("hint-plainer-word", file = GUIDEBOOK_WORDS),
            };
            found.push(
                Diagnostic::warning(
                    &page.file.name,
                    Position::new(index + 1, column),
                    msg!("W018", word = &morpheme.surface),
                )
                .hint(hint)
                .with_source(&page.file.text),
            );
        }
    }
    found
}

/// Words that carry meaning and can be hard: not particles, numbers, names or the
/// grammatical nouns and verbs that lean on another word (こと, いる in している).
fn needs_checking(morpheme: &crate::japanese::Morpheme) -> bool {
    morpheme.class.is_content()
        && morpheme.class != WordClass::Symbol
        && !matches!(morpheme.subclass.as_str(), "数" | "固有名詞" | "非自立" | "接尾" | "代名詞")
        && !morpheme.surface.chars().all(|c| c.is_ascii() || !c.is_alphanumeric())
}

/// A Markdown line as read: without link addresses, heading ids, list and emphasis marks.
fn readable_text(line: &str) -> String {
    let mut text = line.to_string();
    while let Some(start) = text.find("](") {
        let Some(end) = text[start..].find(')') else { break };
        text.replace_range(start + 1..start + end + 1, "");
    }
    if let Some(start) = text.find("{#") {
        text.truncate(start);
    }
    text.chars().map(|c| if matches!(c, '*' | '[' | ']' | '`' | '#' | '>' | '|') { ' ' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_vocabulary_is_consistent() {
        let vocabulary: PlainVocabulary = serde_yaml::from_str(BUILT_IN).unwrap();
        assert!(vocabulary.words.len() > 1500);
        for (hard, plain) in &vocabulary.instead {
            assert!(!vocabulary.words.contains(hard), "{hard} is both plain and hard");
            assert!(!plain.is_empty());
        }
    }

    #[test]
    fn link_addresses_and_marks_are_not_read() {
        assert_eq!(readable_text("- [相談先](../a/b.md)に**電話**します"), "-  相談先 に  電話  します");
        assert_eq!(readable_text("## 見出し {#heading}"), "   見出し ");
    }
}
