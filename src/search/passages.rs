//! A section's text cut into passages when the index is built, for result excerpts: the
//! browser picks the passage where the query's words stand and shows it whole, so an
//! excerpt starts and ends at a sentence or phrase boundary without a tokenizer in the page.
//!
//! A passage is a sentence, or a part of a long sentence cut between phrases (Japanese, by
//! lindera's phrase boundaries, the same the site breaks lines at) or between words. A
//! passage keeps the space after it, so the passages of a line joined are the line; one
//! that ends a line of the text (a paragraph, a list item) ends with `\n`.

use unicode_segmentation::UnicodeSegmentation;

use super::analyze::Analysis;
use crate::japanese::{Annotation, Segment, Tokenizer, script, segments};

/// Passages are at most about this many characters: two lines of a phone screen, so an
/// excerpt of one or two passages fits in the three lines a result shows.
pub(super) const PASSAGE_CHARS: usize = 48;

/// Characters that end a sentence in any of the guidebook's languages.
const SENTENCE_ENDS: &[char] = &['。', '！', '？', '!', '?', '.'];
/// Closing brackets and quotes that stay with the sentence before them (」 after 。).
const CLOSERS: &[char] = &['」', '』', '）', ')', '"', '”', '’'];

pub(super) fn passages(text: &str, analysis: Analysis, tokenizer: &Tokenizer) -> Vec<String> {
    let mut out = Vec::new();
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    for (n, line) in lines.iter().enumerate() {
        for sentence in sentences(line) {
            cut(sentence, analysis, tokenizer, &mut out);
        }
        if n + 1 < lines.len()
            && let Some(last) = out.last_mut()
        {
            last.push('\n');
        }
    }
    out
}

/// A line split after each sentence end (with the brackets that close it). A full stop
/// counts only before a space or the end, so 3.5 and e.g. stay whole.
fn sentences(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if SENTENCE_ENDS.contains(&c) {
            let mut end = i + 1;
            while end < chars.len() && (CLOSERS.contains(&chars[end].1) || SENTENCE_ENDS.contains(&chars[end].1)) {
                end += 1;
            }
            let wide = !c.is_ascii();
            let at_space = end == chars.len() || chars[end].1.is_whitespace();
            if wide || at_space {
                while end < chars.len() && chars[end].1.is_whitespace() {
                    end += 1;
                }
                let byte_end = chars.get(end).map_or(line.len(), |(at, _)| *at);
                out.push(&line[start..byte_end]);
                start = byte_end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if start < line.len() {
        out.push(&line[start..]);
    }
    out.retain(|s| !s.trim().is_empty());
    out
}

/// Cuts a sentence longer than `PASSAGE_CHARS` at the places where a line could break:
/// between phrases in Japanese, between words elsewhere; pieces as long as fit.
fn cut(sentence: &str, analysis: Analysis, tokenizer: &Tokenizer, out: &mut Vec<String>) {
    if sentence.chars().count() <= PASSAGE_CHARS {
        out.push(sentence.to_string());
        return;
    }
    let has_kana = sentence.chars().any(|c| matches!(script(c), crate::japanese::Script::Hiragana));
    let units: Vec<String> = if analysis == Analysis::Japanese || has_kana {
        phrases(sentence, tokenizer)
    } else {
        sentence.split_word_bounds().map(str::to_string).collect()
    };
    let mut current = String::new();
    for unit in units {
        // A space stays at the end of the passage before it.
        let is_space = unit.trim().is_empty();
        if !current.is_empty() && !is_space && current.trim_end().chars().count() + unit.chars().count() > PASSAGE_CHARS
        {
            out.push(std::mem::take(&mut current));
        }
        current.push_str(&unit);
    }
    if !current.trim().is_empty() {
        out.push(current);
    }
}

/// The sentence's phrases, as lindera and the line-break rules see them.
fn phrases(sentence: &str, tokenizer: &Tokenizer) -> Vec<String> {
    let mut units = vec![String::new()];
    for segment in segments(sentence, tokenizer, Annotation { ruby: false, breaks: true }) {
        match segment {
            Segment::Text(text) => units.last_mut().expect("one unit at least").push_str(&text),
            Segment::Ruby { base, .. } => units.last_mut().expect("one unit at least").push_str(&base),
            Segment::Break => units.push(String::new()),
            Segment::WordBreak => {}
        }
    }
    units.retain(|u| !u.is_empty());
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokenizer() -> Tokenizer {
        Tokenizer::new("").expect("the built-in dictionary loads")
    }

    #[test]
    fn sentences_and_lines_become_passages() {
        let text = "まずはここへ。「困った」と言ってください。\n電話：0120-000\nCall 3.5 km away. Then ask.";
        let found = passages(text, Analysis::Japanese, &tokenizer());
        assert_eq!(
            found,
            ["まずはここへ。", "「困った」と言ってください。\n", "電話：0120-000\n", "Call 3.5 km away. ", "Then ask."]
        );
    }

    #[test]
    fn a_long_sentence_is_cut_between_phrases_never_inside_a_word() {
        let sentence = "家での看取りまで診てくれる医師は、在宅医療・介護連携相談窓口や医師会の在宅医療相談室で一緒に探せますので、まずは電話でご相談ください。";
        let found = passages(sentence, Analysis::Japanese, &tokenizer());
        assert!(found.len() >= 2, "{found:?}");
        assert_eq!(found.concat(), sentence, "nothing lost or added");
        for passage in &found {
            assert!(passage.chars().count() <= PASSAGE_CHARS, "{passage}");
        }
        for word in ["看取り", "在宅医療", "相談窓口", "医師会", "相談室"] {
            assert!(found.iter().any(|p| p.contains(word)), "{word} cut apart: {found:?}");
        }
    }

    #[test]
    fn long_english_sentences_are_cut_between_words() {
        let sentence =
            "A visiting nurse comes to your home to check your health, change dressings and help the family at night.";
        let found = passages(sentence, Analysis::Other, &tokenizer());
        assert!(found.len() >= 2, "{found:?}");
        assert_eq!(found.concat(), sentence);
        assert!(found.iter().all(|p| !p.starts_with(' ')), "spaces end passages: {found:?}");
    }
}
