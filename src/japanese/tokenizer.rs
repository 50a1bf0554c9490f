//! Splitting Japanese text into words with lindera and IPADIC, plus the domain dictionary.
//!
//! Tokenising is the most expensive step of a build, so each text is tokenised once: the
//! tokenizer remembers the morphemes of every text it has seen. Rendering (furigana and
//! line-break points) and the search index ask for the same texts, and the second asks
//! pays only a lookup.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use lindera::dictionary::UserDictionary;
use lindera::mode::Mode;
use lindera::segmenter::Segmenter;

/// The domain dictionary built into tebiki: terms of home care and ACP that IPADIC splits
/// or reads wrongly (認知症, 人生会議, 看取り …). Staff extend it per guidebook with
/// data/dictionary.csv in the same format.
pub const DOMAIN_DICTIONARY: &str = include_str!("../../dictionary/domain.csv");

/// The word classes tebiki cares about, from IPADIC's first part-of-speech field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordClass {
    Noun,
    Verb,
    Adjective,
    Adverb,
    Prefix,
    Particle,
    Auxiliary,
    Symbol,
    Other,
}

impl WordClass {
    fn from_ipadic(pos: &str) -> WordClass {
        match pos {
            "名詞" => WordClass::Noun,
            "動詞" => WordClass::Verb,
            "形容詞" => WordClass::Adjective,
            "副詞" | "連体詞" => WordClass::Adverb,
            "接頭詞" => WordClass::Prefix,
            "助詞" => WordClass::Particle,
            "助動詞" => WordClass::Auxiliary,
            "記号" => WordClass::Symbol,
            _ => WordClass::Other,
        }
    }

    /// Words that carry meaning on their own; particles and auxiliaries do not.
    pub fn is_content(self) -> bool {
        matches!(self, WordClass::Noun | WordClass::Verb | WordClass::Adjective | WordClass::Adverb)
    }
}

/// One word of a text as the dictionary sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Morpheme {
    pub surface: String,
    /// Dictionary form (行きます → 行く); the surface when the dictionary has none.
    pub base: String,
    /// Reading in katakana; empty for words the dictionary does not know (Latin, symbols).
    pub reading: String,
    pub class: WordClass,
    /// IPADIC's second part-of-speech field (数, 非自立, 接尾 …), for finer decisions.
    pub subclass: String,
    /// Byte offsets of the word in the text.
    pub start: usize,
    pub end: usize,
}

pub struct Tokenizer {
    segmenter: Segmenter,
    /// The guidebook's own entries it was made with: a preview server keeps the tokenizer,
    /// and what it has already seen, for as long as these stay the same.
    extra_entries: String,
    seen: Mutex<HashMap<String, Arc<[Morpheme]>>>,
}

impl Tokenizer {
    /// A tokenizer with IPADIC, the domain dictionary and a guidebook's own entries
    /// (`surface,part_of_speech,reading` lines, like dictionary/domain.csv).
    pub fn new(extra_entries: &str) -> Result<Tokenizer, String> {
        let dictionary = super::dictionary::load().map_err(|e| format!("cannot load the dictionary: {e}"))?;
        let user_dictionary = user_dictionary(&dictionary, extra_entries)?;
        let segmenter = Segmenter::new(Mode::Normal, dictionary, Some(user_dictionary));
        Ok(Tokenizer { segmenter, extra_entries: extra_entries.to_string(), seen: Mutex::new(HashMap::new()) })
    }

    pub fn extra_entries(&self) -> &str {
        &self.extra_entries
    }

    /// The morphemes of `text`, tokenised the first time it is asked for.
    pub fn tokenize(&self, text: &str) -> Arc<[Morpheme]> {
        if let Some(known) = self.seen.lock().expect("tokenizer cache").get(text) {
            return Arc::clone(known);
        }
        let morphemes: Arc<[Morpheme]> = self.segment(text).into();
        self.seen.lock().expect("tokenizer cache").insert(text.to_string(), Arc::clone(&morphemes));
        morphemes
    }

    fn segment(&self, text: &str) -> Vec<Morpheme> {
        let Ok(mut tokens) = self.segmenter.segment(Cow::Borrowed(text)) else { return Vec::new() };
        tokens
            .iter_mut()
            .map(|token| {
                let details: Vec<String> = token.details().iter().map(|d| d.to_string()).collect();
                let field = |i: usize| details.get(i).filter(|d| d.as_str() != "*").cloned();
                let surface = token.surface.to_string();
                Morpheme {
                    base: field(6).unwrap_or_else(|| surface.clone()),
                    reading: field(7).unwrap_or_default(),
                    class: WordClass::from_ipadic(details.first().map_or("", String::as_str)),
                    subclass: field(1).unwrap_or_default(),
                    start: token.byte_start,
                    end: token.byte_end,
                    surface,
                }
            })
            .collect()
    }
}

/// The entries of a dictionary in domain.csv's format: its lines without blanks and
/// `#` comments.
pub fn dictionary_entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn user_dictionary(dictionary: &lindera::dictionary::Dictionary, extra: &str) -> Result<UserDictionary, String> {
    let lines: String =
        dictionary_entries(DOMAIN_DICTIONARY).chain(dictionary_entries(extra)).map(|l| format!("{l}\n")).collect();
    lindera_dictionary::builder::DictionaryBuilder::new((*dictionary.metadata).clone())
        .build_user_dict_from_reader(lines.as_bytes())
        .map_err(|e| format!("the user dictionary is not valid: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, String)> {
        let tokenizer = Tokenizer::new("").unwrap();
        tokenizer.tokenize(text).iter().map(|m| (m.surface.clone(), m.reading.clone())).collect()
    }

    #[test]
    fn domain_terms_are_single_words_with_their_readings() {
        let found = words("認知症の方と人生会議をします。看取りと胃ろうについて。");
        for (surface, reading) in
            [("認知症", "ニンチショウ"), ("人生会議", "ジンセイカイギ"), ("看取り", "ミトリ"), ("胃ろう", "イロウ")]
        {
            assert!(found.contains(&(surface.to_string(), reading.to_string())), "{surface} in {found:?}");
        }
    }

    #[test]
    fn ordinary_words_get_readings_and_base_forms() {
        let tokenizer = Tokenizer::new("").unwrap();
        let morphemes = tokenizer.tokenize("家で受けられます");
        let verb = morphemes.iter().find(|m| m.class == WordClass::Verb).unwrap();
        assert_eq!(verb.base, "受ける");
        assert_eq!(morphemes[0].reading, "イエ");
    }

    #[test]
    fn a_text_is_tokenised_once() {
        let tokenizer = Tokenizer::new("").unwrap();
        let first = tokenizer.tokenize("認知症の相談");
        let second = tokenizer.tokenize("認知症の相談");
        assert!(Arc::ptr_eq(&first, &second));
    }

    #[test]
    fn a_guidebook_can_add_its_own_words() {
        let tokenizer = Tokenizer::new("ひだまりあんしんセンター,名詞,ヒダマリアンシンセンター").unwrap();
        let morphemes = tokenizer.tokenize("ひだまりあんしんセンターへ");
        assert_eq!(morphemes[0].surface, "ひだまりあんしんセンター");
    }
}
