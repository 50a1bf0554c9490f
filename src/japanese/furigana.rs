//! Furigana and line-break points: Japanese text as HTML with <ruby> readings over kanji and
//! break points between phrases, from one tokenisation.
//!
//! Readings come from the dictionary; an author can override one with `{漢字|かんじ}` (for
//! names and words the dictionary reads wrongly). A reading is placed over the kanji only:
//! 話し合い gets は・な over 話 and あ over 合, not one reading over the whole word.
//!
//! Line-break points follow phrases (文節): a content word with the particles and
//! auxiliaries that follow it. The theme sets Japanese with `word-break: keep-all`, so a
//! line breaks at a <wbr> between phrases and nowhere else: 認知症 never splits over two
//! lines. Two things need more than a <wbr>, and get a phrase unit, `<span class=w>`, that
//! the theme sets as an inline block:
//! - A phrase with ruby: Chromium may break a line where a <ruby> ends, between 支 and
//!   える. A unit has no break inside while it fits on the line.
//! - A phrase longer than a narrow column: when a unit is wider than the line it wraps
//!   inside, at the <wbr> between its words, which are placed only where the kinsoku rules
//!   allow. A word long enough to be wider than a column on its own (リハビリテーション) is a
//!   unit of its own, `<span class=lw>`, which the theme lets break between any two
//!   characters the kinsoku rules allow: never before ー, a small kana or 。.
//!
//! Short phrases without ruby stay plain text: most phrases are, and a unit costs bytes.

use std::ops::Range;

use super::chars::{NO_LINE_END, NO_LINE_START, may_break_between};
use super::normalize::{Script, script};
use super::tokenizer::{Morpheme, Tokenizer, WordClass};

/// Phrases of more characters than this are set as units: a shorter one fits the narrowest
/// column of the theme (a table cell at 320 px at the largest text size).
const SHORT_PHRASE: usize = 4;

/// Words of at least this many characters are units of their own, which may break inside.
const LONG_WORD: usize = 7;

/// やさしい日本語 is written with a space after each phrase (分かち書き), so a chunk between
/// spaces is one phrase its reader takes in at a glance, even where the dictionary cuts it
/// (でん｜わする). One of at most this many characters keeps no break point inside: it fits
/// any line of the theme.
const SPACED_WORD: usize = 5;

/// How a text is annotated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Annotation {
    /// Put readings over kanji.
    pub ruby: bool,
    /// Mark the places between phrases where a line may break.
    pub breaks: bool,
}

/// A piece of annotated text, for any output: HTML for the site, Typst for the booklet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Segment {
    Text(String),
    /// Kanji with their reading.
    Ruby {
        base: String,
        reading: String,
    },
    /// A place between phrases where a line may break.
    Break,
    /// A place between two words of a phrase where the kinsoku rules allow a break: used
    /// only when the phrase is wider than the line.
    WordBreak,
}

/// Escapes `text` for HTML and adds ruby and break points as asked.
pub(crate) fn annotate(text: &str, tokenizer: &Tokenizer, annotation: Annotation) -> String {
    let mut html = String::with_capacity(text.len() * 2);
    if !annotation.breaks {
        let segments = segments(text, tokenizer, annotation);
        push_run(&mut html, &segments, 0..segments.len());
        return html;
    }
    // Chromium may break a line before any inline block, whatever comes before it. So the
    // ： that opens this text (after a link, say) and the （ that ends it (before one) stay
    // outside units, where the kinsoku rules hold them to the text beside them.
    let (lead, middle, trail) = kinsoku_edges(text);
    html.push_str(&escape(lead));
    push_phrases(&mut html, &segments(middle, tokenizer, annotation));
    html.push_str(&escape(trail));
    html
}

/// `text` as the characters it opens with that may not start a line, the rest, and the
/// characters it ends with that may not end one.
fn kinsoku_edges(text: &str) -> (&str, &str, &str) {
    let start = text.find(|c| !NO_LINE_START.contains(c)).unwrap_or(text.len());
    let (lead, rest) = text.split_at(start);
    let end = rest
        .rfind(|c| !NO_LINE_END.contains(c))
        .map_or(0, |at| at + rest[at..].chars().next().map_or(0, char::len_utf8));
    let (middle, trail) = rest.split_at(end);
    (lead, middle, trail)
}

/// The ranges of `segments[range]` between the segments equal to `separator`.
fn split(segments: &[Segment], range: Range<usize>, separator: &Segment) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    for at in range.clone() {
        if segments[at] == *separator {
            out.push(start..at);
            start = at + 1;
        }
    }
    out.push(start..range.end);
    out
}

/// Phrases written with <wbr> between them, as units where they need one.
fn push_phrases(html: &mut String, segments: &[Segment]) {
    // Whether a phrase was written since the start or the last space: a <wbr> goes only
    // between two phrases, a space being a break point already.
    let mut after_phrase = false;
    for phrase in split(segments, 0..segments.len(), &Segment::Break) {
        match &segments[phrase.clone()] {
            [] => {}
            [Segment::Text(space)] if space.trim().is_empty() => {
                html.push_str(&escape(space));
                after_phrase = false;
            }
            _ => {
                if after_phrase {
                    html.push_str("<wbr>");
                }
                push_phrase(html, segments, phrase);
                after_phrase = true;
            }
        }
    }
}

/// One phrase: plain when it is short and has no ruby, a unit otherwise.
fn push_phrase(html: &mut String, segments: &[Segment], phrase: Range<usize>) {
    let slice = &segments[phrase.clone()];
    let japanese = slice.iter().any(|segment| match segment {
        Segment::Text(text) => text.chars().any(is_kana_or_kanji),
        Segment::Ruby { .. } => true,
        _ => false,
    });
    let ruby = slice.iter().any(|segment| matches!(segment, Segment::Ruby { .. }));
    let spaced = slice.iter().any(|segment| matches!(segment, Segment::Text(t) if t.contains(char::is_whitespace)));
    // A space inside a unit would be a break point the line could no longer use.
    if !japanese || spaced || (!ruby && length(slice) <= SHORT_PHRASE) {
        push_run(html, segments, phrase);
        return;
    }
    html.push_str("<span class=w>");
    for (index, word) in split(segments, phrase, &Segment::WordBreak).into_iter().enumerate() {
        if index > 0 {
            html.push_str("<wbr>");
        }
        let long = length(&segments[word.clone()]) >= LONG_WORD;
        if long {
            html.push_str("<span class=lw>");
        }
        push_run(html, segments, word);
        if long {
            html.push_str("</span>");
        }
    }
    html.push_str("</span>");
}

/// `segments[range]` as HTML, break points left out.
fn push_run(html: &mut String, segments: &[Segment], range: Range<usize>) {
    for at in range {
        match &segments[at] {
            Segment::Text(text) => html.push_str(&escape(text)),
            Segment::Ruby { base, reading } => html.push_str(&ruby_html(base, reading, overhang(segments, at))),
            Segment::Break | Segment::WordBreak => {}
        }
    }
}

/// How far the reading of the ruby at `segments[at]` may reach over the kana beside it,
/// as the class names that let it (see `ruby_html`).
///
/// A reading is set at 0.55 of the text's size, so one of more than about two kana a
/// kanji is wider than its base, and the browser would space the kanji apart to match
/// (訪 問 診 療). As JIS X 4051 allows, the reading may instead reach over a neighbouring
/// kana by half a character of the reading (about a quarter of a kanji), or over the
/// blank half of a 。 or （, never over a kanji, whose own reading would collide with it.
fn overhang(segments: &[Segment], at: usize) -> &'static str {
    let Segment::Ruby { base, reading } = &segments[at] else {
        return "";
    };
    // In the base's em: the reading's width past its base's.
    let excess = 0.55 * reading.chars().count() as f32 - base.chars().count() as f32;
    let one_side = 0.55 / 2.0;
    let neighbour = |index: Option<usize>, last: bool| {
        let text = index.and_then(|index| match &segments[index] {
            Segment::Text(text) => Some(text),
            _ => None,
        });
        let c = text.and_then(|text| if last { text.chars().next_back() } else { text.chars().next() });
        // Kana, or punctuation whose blank half faces the ruby: 。 and ） before it, （ after.
        let blank_half = if last { "。、，．）」』】" } else { "（「『【" };
        c.is_some_and(|c| matches!(script(c), Script::Hiragana | Script::Katakana) || blank_half.contains(c))
    };
    // The neighbours as they sit on the line: break points take no room.
    let before = (0..at).rev().find(|&i| !matches!(segments[i], Segment::Break | Segment::WordBreak));
    let after = (at + 1..segments.len()).find(|&i| !matches!(segments[i], Segment::Break | Segment::WordBreak));
    let (start, end) = (neighbour(before, true), neighbour(after, false));
    match (start, end) {
        (true, true) if excess >= 2.0 * one_side => " class=\"os oe\"",
        (true, _) if excess >= one_side => " class=os",
        (_, true) if excess >= one_side => " class=oe",
        _ => "",
    }
}

/// The characters of the text the segments show (readings not counted).
fn length(segments: &[Segment]) -> usize {
    segments
        .iter()
        .map(|segment| match segment {
            Segment::Text(text) => text.chars().count(),
            Segment::Ruby { base, .. } => base.chars().count(),
            Segment::Break | Segment::WordBreak => 0,
        })
        .sum()
}

fn is_kana_or_kanji(c: char) -> bool {
    matches!(script(c), Script::Kanji | Script::Hiragana | Script::Katakana)
}

/// `text` as segments: plain text, kanji with readings, and break points, as asked.
pub(crate) fn segments(text: &str, tokenizer: &Tokenizer, annotation: Annotation) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut rest = text;
    // Author overrides {漢字|かんじ} are taken out first; the text between them is tokenised.
    while let Some((before, base, reading, after)) = next_override(rest) {
        annotate_plain(before, tokenizer, annotation, &mut out);
        out.push(Segment::Ruby { base: base.to_string(), reading: reading.to_string() });
        rest = after;
    }
    annotate_plain(rest, tokenizer, annotation, &mut out);
    if annotation.breaks {
        keep_spaced_words_whole(&mut out);
    }
    out
}

/// Takes the break points out of each short chunk that a space sets apart (see
/// `SPACED_WORD`). A text without spaces is left as it is.
fn keep_spaced_words_whole(segments: &mut Vec<Segment>) {
    let is_space =
        |segment: &Segment| matches!(segment, Segment::Text(text) if !text.is_empty() && text.trim().is_empty());
    if !segments.iter().any(is_space) {
        return;
    }
    let mut keep = vec![true; segments.len()];
    let mut start = 0;
    for end in (0..=segments.len()).filter(|&at| at == segments.len() || is_space(&segments[at])) {
        let is_break = |at: &usize| matches!(segments[*at], Segment::Break | Segment::WordBreak);
        // The break points beside the spaces stay: they set the space apart from the chunk.
        let inner = (start..end).skip_while(is_break).collect::<Vec<_>>();
        let last_text = inner.iter().rposition(|at| !is_break(at)).map_or(0, |i| i + 1);
        let inner = &inner[..last_text];
        if length(&segments[start..end]) <= SPACED_WORD {
            for &at in inner {
                keep[at] = !is_break(&at);
            }
        }
        start = end + 1;
    }
    let mut keep = keep.into_iter();
    segments.retain(|_| keep.next().unwrap_or(true));
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
    // One break point however many reasons there are for it, and none at the start.
    let push_break = |out: &mut Vec<Segment>, kind: Segment| match out.last() {
        None | Some(Segment::Break) => {}
        Some(Segment::WordBreak) if kind == Segment::Break => *out.last_mut().expect("not empty") = kind,
        Some(_) => out.push(kind),
    };
    if text.is_empty() {
        return;
    }
    if !text.chars().any(is_kana_or_kanji) {
        push_text(out, text);
        return;
    }
    let morphemes = tokenizer.tokenize(text);
    let mut at = 0;
    let mut previous: Option<&Morpheme> = None;
    for morpheme in morphemes.iter() {
        // Text the tokenizer skipped (spaces) is kept as it was, between break points.
        let gap = &text[at..morpheme.start];
        let spaces = !gap.is_empty() && gap.trim().is_empty();
        if annotation.breaks && spaces {
            push_break(out, Segment::Break);
        }
        push_text(out, gap);
        if annotation.breaks {
            if spaces {
                push_break(out, Segment::Break);
            } else if let Some(previous) = previous.filter(|_| gap.is_empty()) {
                let legal = may_break(previous, morpheme);
                if legal && starts_phrase(previous, morpheme) {
                    push_break(out, Segment::Break);
                } else if legal && !matches!(morpheme.class, WordClass::Auxiliary | WordClass::Particle) {
                    // Not before an auxiliary: ませんでし｜た and ましょ｜う are one word to
                    // a reader. Nor before a particle, which may not start a line any more
                    // than 。 may (方｜に).
                    push_break(out, Segment::WordBreak);
                }
            }
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

/// Whether the kinsoku rules let a line break between two words, and the words are not
/// parts of one run of letters or digits (a tokenizer may cut "2026" or "ACP").
fn may_break(previous: &Morpheme, next: &Morpheme) -> bool {
    let (Some(before), Some(after)) = (previous.surface.chars().last(), next.surface.chars().next()) else {
        return false;
    };
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    // Nor between a number and the counter or unit after it: （24｜時間）, 119｜ばん.
    may_break_between(before, after)
        && !(before.is_ascii_alphanumeric() && after.is_ascii_alphanumeric())
        && (!digit(before) || after.is_whitespace())
}

/// A ruby; `class` is what `overhang` allows its reading.
fn ruby_html(base: &str, reading: &str, class: &str) -> String {
    format!("<ruby{class}>{}<rp>(</rp><rt>{}</rt><rp>)</rp></ruby>", escape(base), escape(reading))
}

/// Whether `next` begins a new phrase after `previous`.
fn starts_phrase(previous: &Morpheme, next: &Morpheme) -> bool {
    let joins_previous = matches!(next.class, WordClass::Particle | WordClass::Auxiliary | WordClass::Symbol)
        || next.subclass == "接尾"
        || next.subclass == "非自立"
        || previous.class == WordClass::Prefix
        || (previous.class == WordClass::Noun && next.class == WordClass::Noun)
        || (previous.subclass == "サ変接続" && matches!(next.base.as_str(), "する" | "できる"))
        // する leans on what comes before it: 大切にする, どうして, 確認もします.
        || next.base == "する"
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
pub(crate) fn align(surface: &str, reading: &str) -> Option<Vec<(String, Option<String>)>> {
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

pub(crate) fn escape(text: &str) -> String {
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
            ">認知症<rp>(</rp><rt>にんちしょう</rt><rp>)</rp></ruby>",
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
        let out = html("家で話し合うと安心です。", false, true);
        assert_eq!(out, "家で<wbr><span class=w>話し合うと</span><wbr><span class=w>安心です。</span>");
    }

    #[test]
    fn a_phrase_with_furigana_is_one_unit() {
        // Without the unit, a line could break between 支 and える.
        let out = html("家族を支える", true, true);
        assert!(out.ends_with("<span class=w><ruby>支<rp>(</rp><rt>ささ</rt><rp>)</rp></ruby>える</span>"), "{out}");
    }

    #[test]
    fn a_long_phrase_is_a_unit_that_breaks_between_words() {
        let out = html("訪問看護ステーションに相談する", false, true);
        assert!(out.starts_with("<span class=w><span class=lw>訪問看護ステーションに</span></span><wbr>"), "{out}");
        let out = html("リハビリテーションを受ける", false, true);
        assert!(out.starts_with("<span class=w><span class=lw>リハビリテーションを</span></span>"), "{out}");
        // The break between words comes before a word, never before its particle.
        let out = html("通院がむずかしい方に", false, true);
        assert!(out.ends_with("むずかしい<wbr>方に</span>"), "{out}");
    }

    /// The text with its break points, of either kind, as `|`.
    fn break_points(text: &str) -> String {
        let tokenizer = Tokenizer::new("").unwrap();
        let annotation = Annotation { ruby: true, breaks: true };
        let mut out = String::new();
        for segment in segments(text, &tokenizer, annotation) {
            match segment {
                Segment::Text(text) => out.push_str(&text),
                Segment::Ruby { base, .. } => out.push_str(&base),
                Segment::Break | Segment::WordBreak => out.push('|'),
            }
        }
        out
    }

    #[test]
    fn no_break_point_where_kinsoku_forbids_one() {
        for text in [
            "ケアマネジャー（介護支援専門員）に「困りごと」を話してください。",
            "夜中になったら、すぐに電話！　わからないことは？",
            "サービス・ステーションっていうのは、ちょっと……",
        ] {
            let marked = break_points(text);
            for (before, after) in marked.split('|').zip(marked.split('|').skip(1)) {
                let (before, after) = (before.chars().last().unwrap(), after.chars().next().unwrap());
                assert!(may_break_between(before, after), "{before}|{after} in {marked}");
            }
            assert_eq!(marked.replace('|', ""), text, "the text itself is kept");
        }
    }

    #[test]
    fn a_short_chunk_between_spaces_keeps_no_break_point() {
        // やさしい日本語: each chunk is one phrase to its reader, however it is tokenised.
        let marked = break_points("119ばんに でんわする");
        assert!(marked.ends_with(" |でんわする"), "{marked}");
        // A long chunk still breaks between its phrases, and a text without spaces as before.
        assert!(break_points("ちいきほうかつしえんセンターに そうだんしてください").contains('|'));
        assert!(break_points("家で話し合うと安心です。").contains('|'));
    }

    #[test]
    fn a_number_stays_with_its_counter() {
        let marked = break_points("救急医療電話相談（24時間）");
        assert!(marked.contains("24時間"), "{marked}");
        assert!(marked.contains('|'), "{marked}");
    }

    #[test]
    fn punctuation_at_the_edges_of_a_text_stays_outside_units() {
        // The text before and after a link: an inline block may start a line whatever
        // comes before it, so ： and （ are kept beside the text they belong to.
        let out = html("：相談窓口に電話してください（", false, true);
        assert!(out.starts_with("：<span class=w>"), "{out}");
        assert!(out.ends_with("</span>（"), "{out}");
    }

    #[test]
    fn a_long_reading_reaches_over_kana_but_not_over_kanji() {
        // ひょう is wider than 表: it may reach over の and を.
        let out = html("下の{表|ひょう}を見る", true, false);
        assert!(out.contains("の<ruby class=\"os oe\">表<rp>"), "{out}");
        // Beside a kanji it may not; a reading no wider than its kanji needs nothing.
        let out = html("{表|ひょう}{示|じ}する", true, false);
        assert!(out.starts_with("<ruby>表<rp>"), "{out}");
        assert!(out.contains("<ruby>示<rp>"), "{out}");
        let out = html("の{表|ひょう}", true, false);
        assert!(out.contains("<ruby class=os>表"), "{out}");
        // The blank half of 。 before it and of （ after it are room too; 「 before is not.
        let out = html("来ます。{病状|びょうじょう}（", true, false);
        assert!(out.contains("。<ruby class=\"os oe\">病状"), "{out}");
        let out = html("「{病状|びょうじょう}", true, false);
        assert!(out.contains("「<ruby>病状"), "{out}");
    }

    #[test]
    fn spaces_stay_outside_units() {
        let out = html("tebiki は Rust で書かれた道具です", false, true);
        assert!(!out.contains("w> ") && !out.contains(" </span>"), "{out}");
        assert!(out.starts_with("tebiki は Rust で<wbr>"), "{out}");
    }

    #[test]
    fn latin_text_is_only_escaped() {
        assert_eq!(html("A & B <ACP>", true, true), "A &amp; B &lt;ACP&gt;");
    }
}
