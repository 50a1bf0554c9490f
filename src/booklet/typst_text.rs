//! Text as Typst sees it. Every piece of text a guidebook wrote enters the booklet as a
//! Typst string literal (`#"…";`), never as markup, so nothing in a chapter can be read as
//! Typst code or formatting; Japanese gets its readings as calls of the theme's `ruby`.

use crate::japanese::{Annotation, Segment, Tokenizer, segments};

/// A Typst string literal holding `text` exactly.
pub fn string(text: &str) -> String {
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
pub fn text(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
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

/// Characters a Japanese line never starts with (行頭禁則): closing marks, the long-vowel
/// mark, small kana.
const NO_LINE_START: &str =
    "、。，．・：；？！ー」』）〕］｝〉》】ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々ゝゞヽヾ),.:;!?]";

/// Japanese text with readings over its kanji.
pub fn with_ruby(text_in: &str, tokenizer: &Tokenizer, ruby: bool) -> String {
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
            Segment::Break => {}
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
pub fn title(text_in: &str, tokenizer: &Tokenizer, japanese: bool, ruby: bool) -> String {
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
