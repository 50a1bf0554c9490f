//! Text as Typst sees it. Every piece of text a guidebook wrote enters the booklet as a
//! Typst string literal (`#"…";`), never as markup, so nothing in a chapter can be read as
//! Typst code or formatting; Japanese gets its readings as calls of the theme's `ruby`.

use crate::japanese::{Annotation, NO_LINE_START, Segment, Tokenizer, segments};

/// A Typst string literal holding `text` exactly.
pub(super) fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text as markup: `#"…";`, the semicolon ending the expression so that nothing after it
/// can be read as a call or a field of the string.
pub(super) fn text(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    let broken = breakable(text);
    let text: &str = &broken;
    if !text.contains('\u{3000}') {
        return format!("#{};", string(text));
    }
    // Full-width spaces (the blanks of 「（　　　）」 on a form) are kept in one box: a
    // line may break after a space, and a break there would start the next line with 」
    // or ）, which Japanese typesetting never allows.
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('\u{3000}') {
        let end = rest[start..].find(|c| c != '\u{3000}').map_or(rest.len(), |e| start + e);
        if start > 0 {
            out.push_str(&format!("#{};", string(&rest[..start])));
        }
        out.push_str(&format!("#box[#{};];", string(&rest[start..end])));
        rest = &rest[end..];
    }
    if !rest.is_empty() {
        out.push_str(&format!("#{};", string(rest)));
    }
    out
}

/// Letters in a row, without a space, that a line of the A5 page cannot hold: the booklet
/// gives them places to break, and says so.
pub(super) const LONG_WORD: usize = 40;

/// A line breaks at spaces and between Japanese characters; a long run of other letters
/// (an address, a long number) has no such place and would run off the page. Such a run
/// gets a zero-width space after each `/ . - _ ? & = #` and, where that is not enough,
/// after every 20th letter.
pub(super) fn breakable(text: &str) -> std::borrow::Cow<'_, str> {
    const EVERY: usize = 20;
    if long_runs(text, EVERY).next().is_none() {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut since_break = 0;
    for c in text.chars() {
        out.push(c);
        since_break = if breaks_anyway(c) { 0 } else { since_break + 1 };
        if since_break > 0 && ("/.-_?&=#".contains(c) || since_break >= EVERY) {
            out.push('\u{200B}');
            since_break = 0;
        }
    }
    out.into()
}

/// The runs of at least `length` letters in `text` with no place to break between them.
pub(super) fn long_runs(text: &str, length: usize) -> impl Iterator<Item = &str> {
    text.split(breaks_anyway).filter(move |run| run.chars().count() >= length)
}

fn breaks_anyway(c: char) -> bool {
    c.is_whitespace() || c == '\u{200B}' || crate::japanese::is_east_asian_wide(c)
}

/// Japanese text with readings over its kanji.
pub(super) fn with_ruby(text_in: &str, tokenizer: &Tokenizer, ruby: bool) -> String {
    let mut out = String::new();
    let mut segments = segments(text_in, tokenizer, Annotation { ruby, breaks: false }).into_iter().peekable();
    let mut kana_before = false;
    while let Some(segment) = segments.next() {
        match segment {
            Segment::Text(plain) => {
                kana_before = !plain.is_empty();
                out.push_str(&text(&plain));
            }
            Segment::Ruby { base, reading } => {
                let kana_after = matches!(segments.peek(), Some(Segment::Text(t)) if !t.is_empty());
                let ruby = ruby_call(&base, &reading, kana_before, kana_after);
                kana_before = false;
                // A line may break after a ruby box; text that cannot start a line (っ, 」)
                // goes into the box with it.
                match segments.peek_mut() {
                    Some(Segment::Text(next)) if next.starts_with(|c| NO_LINE_START.contains(c)) => {
                        let split = next.find(|c| !NO_LINE_START.contains(c)).unwrap_or(next.len());
                        let held: String = next.drain(..split).collect();
                        out.push_str(&format!("#box[{ruby}{}];", text(&held)));
                        kana_before = true;
                    }
                    _ => out.push_str(&ruby),
                }
            }
            Segment::Break | Segment::WordBreak => {}
        }
    }
    out
}

/// A call of the theme's ruby function; `before` and `after` say whether plain text is on
/// that side, which a long reading may reach over.
fn ruby_call(base: &str, reading: &str, before: bool, after: bool) -> String {
    let mut sides = String::new();
    if before {
        sides.push_str(", before: true");
    }
    if after {
        sides.push_str(", after: true");
    }
    format!("#ruby({}, {}{sides});", string(reading), string(base))
}

/// A title: Japanese in unbreakable phrases (文節), so that a line breaks between words
/// and never inside one (ガイ / ドブック), as on the website.
pub(super) fn title(text_in: &str, tokenizer: &Tokenizer, japanese: bool, ruby: bool) -> String {
    if !japanese {
        // Korean breaks between words (어절), not inside them: each word in a box.
        if text_in.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)) {
            return text_in.split(' ').map(|word| format!("#box[{}];", text(word))).collect::<Vec<_>>().join("#\" \";");
        }
        return text(text_in);
    }
    let mut out = String::new();
    let mut phrase = String::new();
    for segment in segments(text_in, tokenizer, Annotation { ruby, breaks: true }) {
        match segment {
            Segment::Text(plain) => phrase.push_str(&text(&plain)),
            Segment::Ruby { base, reading } => phrase.push_str(&ruby_call(&base, &reading, false, false)),
            Segment::Break => out.push_str(&format!("#box[{}];", std::mem::take(&mut phrase))),
            Segment::WordBreak => {}
        }
    }
    out.push_str(&format!("#box[{phrase}];"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_become_code_or_markup() {
        assert_eq!(
            text(r#"#set page(width: 1cm) "quoted" \ *bold* $x$ <label> @ref"#),
            r##"#"#set page(width: 1cm) \"quoted\" \\ *bold* $x$ <label> @ref";"##
        );
        assert_eq!(string("line\nnext\t\"end\""), r#""line\nnext\t\"end\"""#);
        assert_eq!(text("ほか（　　）"), "#\"ほか（\";#box[#\"　　\";];#\"）\";");
    }

    #[test]
    fn a_long_run_of_letters_gets_places_to_break() {
        let url = "https://www.city.example.jp/kenko/kaigo/zaitaku/guidebook.html";
        let broken = breakable(url);
        assert_eq!(broken.replace('\u{200B}', ""), url, "the text itself is kept");
        assert!(broken.contains("example.\u{200B}jp/\u{200B}kenko/\u{200B}"), "{broken:?}");
        let word = "a".repeat(170);
        assert!(breakable(&word).split('\u{200B}').all(|part| part.len() <= 20));
        assert_eq!(breakable("電話 03-0000-0000 まで"), "電話 03-0000-0000 まで", "short runs are left alone");
        assert_eq!(long_runs(&format!("x {word} 認知症"), LONG_WORD).collect::<Vec<_>>(), [word.as_str()]);
    }

    #[test]
    fn readings_become_ruby_calls() {
        let tokenizer = Tokenizer::new("").unwrap();
        assert_eq!(
            with_ruby("家で話し合う", &tokenizer, true),
            "#ruby(\"いえ\", \"家\", after: true);#\"で\";#ruby(\"はな\", \"話\", before: true, after: true);#\"し\";\
             #ruby(\"あ\", \"合\", before: true, after: true);#\"う\";"
        );
        assert_eq!(with_ruby("家で話し合う", &tokenizer, false), "#\"家で話し合う\";");
        assert_eq!(
            with_ruby("{日向|ひなた}さん", &tokenizer, false),
            "#ruby(\"ひなた\", \"日向\", after: true);#\"さん\";"
        );
        // っ cannot start a line, so it stays in the box of the kanji before it.
        assert_eq!(
            with_ruby("思っている", &tokenizer, true),
            "#box[#ruby(\"おも\", \"思\", after: true);#\"っ\";];#\"ている\";"
        );
    }
}
