//! Japanese text handling shared by the Markdown passes, the search index and the theme:
//! character classes, the lindera tokenizer with its embedded dictionary, and the
//! normalisation that makes kana, kanji, full-width and half-width forms meet.

mod chars;
mod dictionary;
mod furigana;
mod normalize;
mod tokenizer;

pub(crate) use chars::{NO_LINE_END, NO_LINE_START, is_east_asian_wide, joins_without_space};
pub(crate) use furigana::{Annotation, Segment, annotate, escape, segments};
pub(crate) use normalize::{Script, is_kana, normalize, reading_key, script};
pub(crate) use tokenizer::{DOMAIN_DICTIONARY, Morpheme, Remembered, Tokenizer, WordClass, dictionary_entries};
