//! Furigana and line-break points: Japanese text as HTML with <ruby> readings over kanji and
//! <wbr> between phrases, from one tokenisation.
//!
//! Readings come from the dictionary; an author can override one with `{漢字|かんじ}` (for
//! names and words the dictionary reads wrongly). A reading is placed over the kanji only:
//! 話し合い gets は・な over 話 and あ over 合, not one reading over the whole word.
//!
//! Line-break points follow phrases (文節): a content word with the particles and
//! auxiliaries that follow it. The browser may break a line at a <wbr> and, with CSS
//! `word-break: keep-all`, nowhere else in the phrase, so 認知症 never splits over two lines.

use super::normalize::{Script, script};
use super::tokenizer::{Morpheme, Tokenizer, WordClass};

/// How a text is annotated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Annotation {
    /// Put readings over kanji.
    pub ruby: bool,
    /// Mark the places between phrases where a line may break.
    pub breaks: bool,
}

/// A piece of annotated text, for any output: HTML for the site, Typst for the booklet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    /// Kanji with their reading.
    Ruby {
        base: String,
        reading: String,
    },
    /// A place between phrases where a line may break.
    Break,
}

/// Escapes `text` for HTML and adds ruby and <wbr> as asked.
pub fn annotate(text: &str, tokenizer: &Tokenizer, annotation: Annotation) -> String {
    let mut html = String::with_capacity(text.len() * 2);
    for segment in segments(text, tokenizer, annotation) {
        match segment {
            Segment::Text(text) => html.push_str(&escape(&text)),
            Segment::Ruby { base, reading } => html.push_str(&ruby_html(&base, &reading)),
            Segment::Break => html.push_str("<wbr>"),
        }
    }
    html
}

/// `text` as segments: plain text, kanji with readings, and break points, as asked.
pub fn segments(text: &str, tokenizer: &Tokenizer, annotation: Annotation) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut rest = text;
    // Author overrides {漢字|かんじ} are taken out first; the text between them is tokenised.
    while let Some((before, base, reading, after)) = next_override(rest) {
        annotate_plain(before, tokenizer, annotation, &mut out);
        out.push(Segment::Ruby { base: base.to_string(), reading: reading.to_string() });
        rest = after;
    }
    annotate_plain(rest, tokenizer, annotation, &mut out);
    out
}

/// The next `{base|reading}` in `text`: (text before, base, reading, text after).
fn next_override(text: &str) -> Option<(&str, &str, &str, &str)> {
    let open = text.find('{')?;
    let close = open + text[open..].find('}')?;
    let inner = &text[open + 1..close];
    let (base, reading) = inner.split_once('|')?;
    if base.is_empty() || reading.is_empty() || base.contains('{') {
        return None;
    }
    Some((&text[..open], base, reading, &text[close + 1..]))
}

fn annotate_plain(text: &str, tokenizer: &Tokenizer, annotation: Annotation, out: &mut Vec<Segment>) {
    let push_text = |out: &mut Vec<Segment>, piece: &str| {
        if piece.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(Segment::Text(previous)) => previous.push_str(piece),
            _ => out.push(Segment::Text(piece.to_string())),
        }
    };
    if text.is_empty() {
        return;
    }
    if !text.chars().any(|c| matches!(script(c), Script::Kanji | Script::Hiragana | Script::Katakana)) {
        push_text(out, text);
        return;
    }
    let morphemes = tokenizer.tokenize(text);
    let mut at = 0;
    let mut previous: Option<&Morpheme> = None;
    for morpheme in morphemes.iter() {
        // Text the tokenizer skipped (spaces) is kept as it was.
        push_text(out, &text[at..morpheme.start]);
        if annotation.breaks && previous.is_some_and(|p| starts_phrase(p, morpheme)) && at == morpheme.start {
            out.push(Segment::Break);
        }
        // Only words with kanji get furigana, and only when furigana are asked for: the
        // reading of every other word is not aligned, only to be thrown away.
        let wants_ruby = annotation.ruby
            && morpheme.surface.chars().any(|c| script(c) == Script::Kanji)
            && !super::normalize::reading_key(&morpheme.reading).is_empty();
        match wants_ruby.then(|| align(&morpheme.surface, &hiragana(&morpheme.reading))).flatten() {
            Some(pieces) => {
                for (piece, reading) in pieces {
                    match reading {
                        Some(reading) => out.push(Segment::Ruby { base: piece, reading }),
                        None => push_text(out, &piece),
                    }
                }
            }
            None => push_text(out, &morpheme.surface),
        }
        at = morpheme.end;
        previous = Some(morpheme);
    }
    push_text(out, &text[at..]);
}

fn ruby_html(base: &str, reading: &str) -> String {
    format!("<ruby>{}<rp>(</rp><rt>{}</rt><rp>)</rp></ruby>", escape(base), escape(reading))
}

/// Whether `next` begins a new phrase after `previous`.
fn starts_phrase(previous: &Morpheme, next: &Morpheme) -> bool {
    let joins_previous = matches!(next.class, WordClass::Particle | WordClass::Auxiliary | WordClass::Symbol)
        || next.subclass == "接尾"
        || next.subclass == "非自立"
        || previous.class == WordClass::Prefix
        || (previous.class == WordClass::Noun && next.class == WordClass::Noun)
        || (previous.subclass == "サ変接続" && matches!(next.base.as_str(), "する" | "できる"))
        || (previous.class == WordClass::Verb && next.class == WordClass::Verb) // 話し合う, 考え直す
        || matches!(previous.surface.as_str(), "（" | "「" | "『" | "(" | "【");
    !joins_previous && next.class != WordClass::Other
}

/// Katakana readings from the dictionary, as hiragana for furigana (long vowels kept).
fn hiragana(reading: &str) -> String {
    reading
        .chars()
        .map(|c| if ('ァ'..='ヶ').contains(&c) { char::from_u32(c as u32 - 0x60).unwrap_or(c) } else { c })
        .collect()
}

/// Splits a word into pieces, with a reading for each run of kanji: the kana in the word
/// must appear in the reading, and the kanji take what lies between.
/// 話し合い + はなしあい → 話(はな) し 合(あ) い. None when the reading does not fit.
pub fn align(surface: &str, reading: &str) -> Option<Vec<(String, Option<String>)>> {
    let mut runs: Vec<(bool, String)> = Vec::new();
    for c in surface.chars() {
        let kanji = script(c) == Script::Kanji;
        match runs.last_mut() {
            Some((k, run)) if *k == kanji => run.push(c),
            _ => runs.push((kanji, c.to_string())),
        }
    }
    let reading: Vec<char> = reading.chars().collect();
    let mut pieces = Vec::new();
    if fit(&runs, &reading, &mut pieces) { Some(pieces) } else { None }
}

fn fit(runs: &[(bool, String)], reading: &[char], pieces: &mut Vec<(String, Option<String>)>) -> bool {
    let Some(((kanji, run), rest)) = runs.split_first() else { return reading.is_empty() };
    if !kanji {
        let kana: Vec<char> = hiragana(run).chars().collect();
        if reading.len() < kana.len() || reading[..kana.len()] != kana[..] {
            return false;
        }
        pieces.push((run.clone(), None));
        if fit(rest, &reading[kana.len()..], pieces) {
            return true;
        }
        pieces.pop();
        return false;
    }
    // A kanji run reads as at least one kana; try the shortest reading first.
    for length in 1..=reading.len() {
        if rest.is_empty() && length != reading.len() {
            continue;
        }
        pieces.push((run.clone(), Some(reading[..length].iter().collect())));
        if fit(rest, &reading[length..], pieces) {
            return true;
        }
        pieces.pop();
    }
    false
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(surface: &str, reading: &str) -> Vec<(String, Option<String>)> {
        align(surface, reading).unwrap()
    }

    #[test]
    fn readings_sit_over_the_kanji_only() {
        assert_eq!(pieces("認知症", "にんちしょう"), [("認知症".into(), Some("にんちしょう".into()))]);
        assert_eq!(
            pieces("話し合い", "はなしあい"),
            [
                ("話".into(), Some("はな".into())),
                ("し".into(), None),
                ("合".into(), Some("あ".into())),
                ("い".into(), None)
            ]
        );
        assert_eq!(pieces("お薬", "おくすり"), [("お".into(), None), ("薬".into(), Some("くすり".into()))]);
        assert_eq!(align("看取り", "みとる"), None, "a reading that does not fit is not used");
    }

    fn html(text: &str, ruby: bool, breaks: bool) -> String {
        let tokenizer = Tokenizer::new("").unwrap();
        annotate(text, &tokenizer, Annotation { ruby, breaks })
    }

    #[test]
    fn domain_words_get_their_readings() {
        let out = html("認知症と人生会議、看取りと訪問看護", true, false);
        for expected in [
            "<ruby>認知症<rp>(</rp><rt>にんちしょう</rt><rp>)</rp></ruby>",
            "<ruby>人生会議<rp>(</rp><rt>じんせいかいぎ</rt><rp>)</rp></ruby>",
            "<ruby>看取<rp>(</rp><rt>みと</rt><rp>)</rp></ruby>り",
            "<ruby>訪問看護<rp>(</rp><rt>ほうもんかんご</rt><rp>)</rp></ruby>",
        ] {
            assert!(out.contains(expected), "{expected} in {out}");
        }
    }

    #[test]
    fn an_author_reading_replaces_the_dictionary() {
        let out = html("{日向|ひなた}さんと相談", true, false);
        assert!(out.starts_with("<ruby>日向<rp>(</rp><rt>ひなた</rt><rp>)</rp></ruby>さん"), "{out}");
        assert!(!out.contains('{'), "{out}");
    }

    #[test]
    fn phrases_are_separated_by_break_points() {
        let out = html("訪問看護を使うと家で療養できます。", false, true);
        assert_eq!(out, "訪問看護を<wbr>使うと<wbr>家で<wbr>療養できます。");
    }

    #[test]
    fn compound_verbs_stay_together() {
        let out = html("家族と話し合います", false, true);
        assert_eq!(out, "家族と<wbr>話し合います");
    }

    #[test]
    fn latin_text_is_only_escaped() {
        assert_eq!(html("A & B <ACP>", true, true), "A &amp; B &lt;ACP&gt;");
    }
}
