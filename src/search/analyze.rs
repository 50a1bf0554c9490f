//! Turning text into search keys.
//!
//! Two kinds of key, matching the two ways a reader types:
//! - *word keys*, looked up by prefix as the reader types: hiragana readings of Japanese
//!   words and of runs of nouns (認知症 → にんちしょう, 訪問+看護 → ほうもんかんご), kana words
//!   as written, and words of alphabetic scripts (acp, dementia, 치매);
//! - *character keys*, looked up exactly: pairs of adjacent kanji and single kanji, so a
//!   kanji query matches whatever way the dictionary split the text.
//!
//! Japanese text goes through lindera; other text is split at word boundaries, and kanji
//! in it (Chinese, or Japanese names quoted in a translation) get character keys too.

use std::collections::HashMap;

use unicode_segmentation::UnicodeSegmentation;

use crate::japanese::{Morpheme, Script, Tokenizer, WordClass, is_kana, normalize, reading_key, script};

/// The keys of one piece of text, with repeats (a repeat raises the term frequency).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Terms {
    /// (key, the text as written), e.g. ("にんちしょう", "認知症"): the written form lets the
    /// result excerpt mark 認知症 for a reader who typed にんちしょう.
    pub words: Vec<(String, String)>,
    pub characters: Vec<String>,
    /// (character key, the name as written) for keys gained from a synonym: the section
    /// says 最期 and is indexed under 看取, so a reader who typed 看取り sees 最期 marked.
    pub character_names: Vec<(String, String)>,
}

impl Terms {
    pub(super) fn len(&self) -> usize {
        self.words.len() + self.characters.len() / 2
    }

    pub(super) fn append(&mut self, mut other: Terms) {
        self.words.append(&mut other.words);
        self.characters.append(&mut other.characters);
        self.character_names.append(&mut other.character_names);
    }
}

/// Terms with their repeats counted: what an analysed page keeps until the index is built.
/// A page says the same words many times, and a build keeps every page's terms at once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct CountedTerms {
    /// (key, as written, how many times), in the order each first appears.
    pub words: Vec<(Box<str>, Box<str>, u32)>,
    pub characters: Vec<(Box<str>, u32)>,
    /// `Terms::character_names`, each once.
    pub character_names: Vec<(Box<str>, Box<str>)>,
    /// `Terms::len` of the terms counted.
    pub len: u32,
}

impl From<Terms> for CountedTerms {
    fn from(terms: Terms) -> CountedTerms {
        let len = terms.len() as u32;
        let mut words: Vec<(Box<str>, Box<str>, u32)> = Vec::new();
        let mut word_at: HashMap<(&str, &str), usize> = HashMap::with_capacity(terms.words.len());
        for (key, written) in &terms.words {
            let at = *word_at.entry((key, written)).or_insert_with(|| {
                words.push((key.as_str().into(), written.as_str().into(), 0));
                words.len() - 1
            });
            words[at].2 += 1;
        }
        let mut characters: Vec<(Box<str>, u32)> = Vec::new();
        let mut character_at: HashMap<&str, usize> = HashMap::with_capacity(terms.characters.len());
        for key in &terms.characters {
            let at = *character_at.entry(key).or_insert_with(|| {
                characters.push((key.as_str().into(), 0));
                characters.len() - 1
            });
            characters[at].1 += 1;
        }
        let mut character_names: Vec<(Box<str>, Box<str>)> =
            terms.character_names.iter().map(|(k, w)| (k.as_str().into(), w.as_str().into())).collect();
        character_names.sort();
        character_names.dedup();
        CountedTerms { words, characters, character_names, len }
    }
}

/// How a text's language is analysed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Analysis {
    /// Japanese and やさしい日本語: lindera for words and readings.
    Japanese,
    /// Everything else: word boundaries; lindera only for runs that contain kana.
    Other,
}

impl Analysis {
    pub(super) fn for_language(code: &str) -> Analysis {
        if crate::config::is_japanese(code) { Analysis::Japanese } else { Analysis::Other }
    }
}

/// English words too common to search for; absent from the index, a query ignores them
/// (index.json carries this list for the browser's engine).
pub(super) const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "for", "from", "if", "in", "is", "it", "of", "on",
    "or", "that", "the", "this", "to", "with", "you", "your",
];

pub(super) fn analyze(text: &str, analysis: Analysis, tokenizer: &Tokenizer) -> Terms {
    let mut terms = Terms::default();
    alphabetic_words(text, &mut terms);
    kanji_characters(text, &mut terms);
    match analysis {
        Analysis::Japanese => japanese_words(&tokenizer.tokenize(text), &mut terms),
        Analysis::Other => {
            for run in cjk_runs(text)
                .filter(|run| run.chars().any(|c| matches!(script(c), Script::Hiragana | Script::Katakana)))
            {
                japanese_words(&tokenizer.tokenize(run), &mut terms);
            }
        }
    }
    terms
}

/// Words of alphabetic scripts (and numbers), lowercased; Latin words also without accents
/// (Vietnamese readers often type "cham soc" for "chăm sóc").
fn alphabetic_words(text: &str, terms: &mut Terms) {
    for word in text.unicode_words() {
        if !word.chars().all(|c| script(c) == Script::Word) {
            continue;
        }
        let key = normalize(word);
        if STOPWORDS.contains(&key.as_str()) {
            continue;
        }
        let plain = without_accents(&key);
        if plain != key {
            terms.words.push((plain, word.to_string()));
        }
        terms.words.push((key, word.to_string()));
    }
}

pub(super) fn without_accents(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// Adjacent kanji pairs and single kanji of every run of kanji.
fn kanji_characters(text: &str, terms: &mut Terms) {
    let normalized = normalize(text);
    let mut run: Vec<char> = Vec::new();
    for c in normalized.chars().chain(std::iter::once(' ')) {
        if script(c) == Script::Kanji {
            run.push(c);
            continue;
        }
        for (i, first) in run.iter().enumerate() {
            terms.characters.push(first.to_string());
            if let Some(second) = run.get(i + 1) {
                terms.characters.push(format!("{first}{second}"));
            }
        }
        run.clear();
    }
}

/// Maximal runs of kanji and kana in a text.
fn cjk_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !matches!(script(c), Script::Kanji | Script::Hiragana | Script::Katakana))
        .filter(|r| !r.is_empty())
}

/// Readings of content words and of runs of nouns, and kana words as written.
fn japanese_words(morphemes: &[Morpheme], terms: &mut Terms) {
    let mut run: Vec<&Morpheme> = Vec::new();
    for morpheme in morphemes.iter().chain(std::iter::once(&end_marker())) {
        let japanese =
            morpheme.surface.chars().any(|c| matches!(script(c), Script::Kanji | Script::Hiragana | Script::Katakana));
        // Nouns separated by a line break or a space (two list items) are not one compound.
        let adjacent = run.last().is_none_or(|previous| previous.end == morpheme.start);
        if !adjacent {
            noun_run(&run, terms);
            run.clear();
        }
        if morpheme.class == WordClass::Noun && japanese && !morpheme.reading.is_empty() {
            run.push(morpheme);
        } else {
            noun_run(&run, terms);
            run.clear();
        }
        if !japanese || !morpheme.class.is_content() {
            continue;
        }
        if is_kana(&morpheme.reading) {
            terms.words.push((reading_key(&morpheme.reading), morpheme.surface.clone()));
        }
        if let Some(reading) = base_reading(morpheme) {
            terms.words.push((reading_key(&reading), morpheme.surface.clone()));
        }
        if is_kana(&morpheme.surface) && normalize(&morpheme.surface) != reading_key(&morpheme.reading) {
            terms.words.push((normalize(&morpheme.surface), morpheme.surface.clone()));
        }
        // A dictionary compound such as 退院前カンファレンス or 口腔ケア is one word, so its
        // katakana part would be hidden from a reader typing かんふぁれんす: index it too.
        if !is_kana(&morpheme.surface) {
            for part in katakana_runs(&morpheme.surface) {
                terms.words.push((normalize(part), part.to_string()));
            }
        }
    }
}

/// The reading of a verb's or adjective's dictionary form, so that うける finds 受けられます:
/// the reading of the written form with its kana ending swapped for the dictionary form's
/// (受け/ウケ → 受ける/ウケル, 働き/ハタラキ → 働く/ハタラク).
fn base_reading(morpheme: &Morpheme) -> Option<String> {
    if !matches!(morpheme.class, WordClass::Verb | WordClass::Adjective) || morpheme.base == morpheme.surface {
        return None;
    }
    let common = morpheme.surface.chars().zip(morpheme.base.chars()).take_while(|(a, b)| a == b).count();
    let surface_tail: String = morpheme.surface.chars().skip(common).collect();
    let base_tail: String = morpheme.base.chars().skip(common).collect();
    if !(surface_tail.is_empty() || is_kana(&surface_tail)) || !is_kana(&base_tail) {
        return None;
    }
    let stem = normalize(&morpheme.reading).strip_suffix(normalize(&surface_tail).as_str())?.to_string();
    Some(stem + &normalize(&base_tail))
}

fn katakana_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| script(c) != Script::Katakana).filter(|run| run.chars().count() >= 2)
}

/// 訪問 + 看護 is also searched for as ほうもんかんご.
fn noun_run(run: &[&Morpheme], terms: &mut Terms) {
    if run.len() < 2 {
        return;
    }
    let reading: String = run.iter().map(|m| m.reading.as_str()).collect();
    let surface: String = run.iter().map(|m| m.surface.as_str()).collect();
    if is_kana(&reading) {
        terms.words.push((reading_key(&reading), surface));
    }
}

fn end_marker() -> Morpheme {
    Morpheme {
        surface: String::new(),
        base: String::new(),
        reading: String::new(),
        class: WordClass::Symbol,
        subclass: String::new(),
        start: 0,
        end: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str, analysis: Analysis) -> (Vec<String>, Vec<String>) {
        let tokenizer = Tokenizer::new("").unwrap();
        let terms = analyze(text, analysis, &tokenizer);
        (terms.words.into_iter().map(|(k, _)| k).collect(), terms.characters)
    }

    #[test]
    fn japanese_words_are_found_by_their_readings() {
        let (words, characters) = keys("認知症の方の訪問看護とケアマネジャー。ACPも。", Analysis::Japanese);
        for expected in ["にんちしょう", "ほうもんかんご", "けあまねじゃ", "acp"] {
            assert!(words.iter().any(|w| w == expected), "{expected} in {words:?}");
        }
        for expected in ["認知", "知症", "訪問", "問看", "看護", "認", "症"] {
            assert!(characters.iter().any(|c| c == expected), "{expected} in {characters:?}");
        }
        assert!(!characters.iter().any(|c| c.contains('の')), "no keys across kana: {characters:?}");
    }

    #[test]
    fn verbs_are_found_by_their_dictionary_form() {
        let (words, _) = keys("家で受けられます。働きながら介護する。", Analysis::Japanese);
        assert!(words.contains(&"うける".to_string()), "{words:?}");
        assert!(words.contains(&"はたらく".to_string()), "{words:?}");
    }

    #[test]
    fn the_katakana_part_of_a_compound_word_is_a_word_too() {
        let (words, _) = keys("退院前カンファレンスと口腔ケア", Analysis::Japanese);
        assert!(words.contains(&"かんふぁれんす".to_string()), "{words:?}");
        assert!(words.contains(&"けあ".to_string()), "{words:?}");
    }

    #[test]
    fn nouns_on_separate_lines_are_not_one_compound() {
        let (words, _) = keys("介護保険の申請とケアマネジャー\n急に具合が悪くなったら", Analysis::Japanese);
        assert!(!words.iter().any(|w| w.starts_with("けあまねじゃきゅう")), "{words:?}");
    }

    #[test]
    fn other_languages_use_words_without_stopwords_and_accents() {
        let (words, _) = keys("Call the Care Manager. Chăm sóc tại nhà", Analysis::Other);
        assert!(words.contains(&"care".to_string()));
        assert!(words.contains(&"manager".to_string()));
        assert!(!words.contains(&"the".to_string()));
        assert!(words.contains(&"chăm".to_string()) && words.contains(&"cham".to_string()));
    }

    #[test]
    fn japanese_names_inside_a_translation_are_read_too() {
        let (words, characters) = keys("Ask the 地域包括支援センター (community center).", Analysis::Other);
        assert!(words.iter().any(|w| w.starts_with("ちいきほうかつ")), "{words:?}");
        assert!(characters.contains(&"包括".to_string()));
    }

    #[test]
    fn chinese_gets_character_pairs() {
        let (_, characters) = keys("认知症的护理", Analysis::Other);
        assert!(characters.contains(&"认知".to_string()) && characters.contains(&"护理".to_string()));
    }
}
