//! Break points in the Japanese text a template prints: labels from site.yaml, i18n strings,
//! contact names and notes, breadcrumbs, whatever a theme shows.
//!
//! Chapter text gets its phrase units and <wbr> as it is rendered (`japanese::annotate`).
//! Everything else reaches the page through a template, and a theme should not have to
//! remember a filter on every value: a string without break points cannot break at all
//! under `word-break: keep-all`, and the browser then breaks it anywhere, 。 at the start of
//! a line included. So each rendered page goes through this pass, which reads it with
//! html5ever's tokenizer and gives every Japanese text node the same annotation chapter
//! text has. Japanese is decided by the `lang` of the element the text is in, so a
//! Japanese name on an English page is set as Japanese, and English on a Japanese page is
//! left alone.
//!
//! Left as they are: attribute values (no markup can go there), text in elements whose
//! text is code, a reading or raw (`<code>`, `<rt>`, `<script>` …), text inside a phrase
//! unit or a `<ruby>` (annotated already), and fragments' placeholders. Text between two
//! <wbr> that a view annotated is a phrase already, and comes back as it was.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};

use super::fragments;
use crate::japanese::{NO_LINE_END, NO_LINE_START, escape};

/// `html` with `annotate` applied to the text of every Japanese text node.
/// `annotate` receives the text without the spaces around it, and returns it as HTML.
pub(super) fn japanese_text(html: &str, annotate: &dyn Fn(&str) -> String) -> String {
    run(html, annotate, None)
}

/// A chapter body in `lang`, annotated already as it was rendered, with the units beside
/// a bracket in another element set inline, as `japanese_text` sets them on the rest of
/// the page (a body reaches the page after that pass, see `fragments`).
pub(super) fn units_beside_brackets(html: &str, lang: &str) -> String {
    if !crate::config::is_japanese(lang) {
        return html.to_string();
    }
    run(html, &escape_text, Some(lang))
}

fn run(html: &str, annotate: &dyn Fn(&str) -> String, lang: Option<&str>) -> String {
    let mut state = State::default();
    if let Some(lang) = lang {
        state.open.push(Open { name: String::new(), lang: Some(lang.to_string()), alone: false, unit_at: None });
    }
    let out = RefCell::new(String::with_capacity(html.len() * 5 / 4));
    let sink = Writer { out, state: RefCell::new(state), annotate };
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    let sink = tokenizer.sink;
    sink.flush_text();
    sink.out.into_inner()
}

/// Elements whose text is not running Japanese text to break: code, readings, raw text,
/// option labels (which cannot hold markup), and drawings.
const LEFT_ALONE: &[&str] = &[
    "code", "kbd", "samp", "pre", "rt", "rp", "ruby", "script", "style", "title", "textarea", "option", "select",
    "template", "svg", "math", "iframe", "noembed", "noframes", "xmp",
];

/// Elements that have no end tag.
const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

/// Class names of the phrase units `japanese::annotate` writes.
const UNITS: &[&str] = &["w", "lw"];

/// Elements that sit inside a line of text, so that text goes on across their tags.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "data", "del", "dfn", "em", "i", "ins", "mark", "q", "s", "small", "span",
    "strong", "sub", "sup", "time", "u", "var",
];

/// Whether `tag` opens a phrase unit.
fn is_unit(tag: &Tag) -> bool {
    &*tag.name == "span"
        && tag.attrs.iter().any(|a| &*a.name.local == "class" && a.value.split(' ').any(|c| UNITS.contains(&c)))
}

struct Writer<'a> {
    out: RefCell<String>,
    state: RefCell<State>,
    annotate: &'a dyn Fn(&str) -> String,
}

/// An open element.
struct Open {
    name: String,
    lang: Option<String>,
    /// Its text is left alone.
    alone: bool,
    /// It is a phrase unit, whose start tag is at this offset of the output.
    unit_at: Option<usize>,
}

#[derive(Default)]
struct State {
    open: Vec<Open>,
    /// Text read since the last tag, decoded.
    text: String,
    /// Inside `<script>`, `<style>` and the like: text written as it came.
    raw: bool,
    /// The Japanese text written last ends with a character no line may end with (（「),
    /// and only inline tags came after it.
    after_opening: bool,
    /// Where the start tag of the phrase unit written last is in the output, while only
    /// inline tags came after its end.
    unit_before: Option<usize>,
}

impl State {
    fn japanese(&self) -> bool {
        self.open.iter().rev().find_map(|open| open.lang.as_deref()).is_some_and(crate::config::is_japanese)
    }

    fn left_alone(&self) -> bool {
        self.open.iter().any(|open| open.alone)
    }
}

impl Writer<'_> {
    /// Writes the text read since the last tag, annotated if it is Japanese.
    ///
    /// Chromium may break a line before and after an inline block whatever is beside it:
    /// between （ and the unit that starts a link's text, between a link's last unit and
    /// the ）。 after the link. A unit beside such a character in the next text is set
    /// inline instead (class `n`), unbroken, where the kinsoku rules hold.
    fn flush_text(&self) {
        let mut state = self.state.borrow_mut();
        if state.text.is_empty() {
            return;
        }
        let text = std::mem::take(&mut state.text);
        let mut out = self.out.borrow_mut();
        let japanese = !state.raw && state.japanese();
        let after_opening = std::mem::take(&mut state.after_opening);
        let unit_before = state.unit_before.take();
        if japanese && text.starts_with(|c| NO_LINE_START.contains(c)) {
            unit_before.inspect(|&at| set_inline(&mut out, at));
        }
        let start = out.len();
        if state.raw {
            out.push_str(&text);
            return;
        }
        if state.left_alone() || !japanese {
            out.push_str(&escape_text(&text));
        } else {
            write_annotated(&mut out, &text, self.annotate);
        }
        if !japanese {
            return;
        }
        // The annotated text is in a wrapper (see `write_annotated`) when it has markup.
        let written = &out[start..];
        let wrapped = written.starts_with(WRAPPER_START);
        let first = if wrapped { start + WRAPPER_START.len() } else { start };
        if after_opening && out[first..].starts_with(UNIT_START) {
            set_inline(&mut out, first);
        }
        state.after_opening = text.ends_with(|c| NO_LINE_END.contains(c));
        let unit_end = if wrapped { "</span></span>" } else { "</span>" };
        if out.ends_with(unit_end) {
            state.unit_before = out[start..].rfind(UNIT_START).map(|at| start + at);
        }
    }

    fn write_tag(&self, tag: &Tag) {
        let mut state = self.state.borrow_mut();
        let mut out = self.out.borrow_mut();
        let start = out.len();
        out.push('<');
        if tag.kind == TagKind::EndTag {
            out.push('/');
        }
        out.push_str(&tag.name);
        for attribute in &tag.attrs {
            out.push(' ');
            out.push_str(&attribute.name.local);
            out.push('=');
            out.push_str(&attribute_value(&attribute.value));
        }
        if tag.self_closing {
            out.push_str(" /");
        }
        out.push('>');
        // Text goes on across the tags of inline elements, and only across them.
        let inline = INLINE.contains(&&*tag.name);
        let unit = tag.kind == TagKind::StartTag && is_unit(tag);
        if unit && state.after_opening {
            set_inline(&mut out, start);
        }
        if tag.kind == TagKind::StartTag {
            state.after_opening &= inline && !unit;
            state.unit_before = None;
        } else {
            let unit_at = state.open.iter().rev().find(|open| *open.name == *tag.name).and_then(|open| open.unit_at);
            if !inline {
                state.after_opening = false;
                state.unit_before = None;
            } else if unit_at.is_some() {
                state.unit_before = unit_at;
            }
        }
        drop(out);
        drop(state);
        if tag.kind == TagKind::StartTag {
            self.open(tag, unit.then_some(start));
        } else {
            self.close(tag);
        }
    }

    fn open(&self, tag: &Tag, unit_at: Option<usize>) {
        let name = tag.name.to_string();
        if VOID.contains(&name.as_str()) || tag.self_closing {
            return;
        }
        let lang = tag.attrs.iter().find(|a| &*a.name.local == "lang").map(|a| a.value.to_string());
        let alone = unit_at.is_some() || LEFT_ALONE.contains(&name.as_str());
        self.state.borrow_mut().open.push(Open { name, lang, alone, unit_at });
    }

    fn close(&self, tag: &Tag) {
        let mut state = self.state.borrow_mut();
        if let Some(at) = state.open.iter().rposition(|open| *open.name == *tag.name) {
            state.open.truncate(at);
        }
        state.raw = false;
    }
}

/// How `japanese::annotate` starts a unit.
const UNIT_START: &str = "<span class=w>";

/// Sets the phrase unit whose start tag is at `at` of `out` inline (class `n`).
fn set_inline(out: &mut String, at: usize) {
    let Some(length) = out[at..].find('>') else { return };
    let tag = &out[at..at + length];
    let Some(class) = tag.find("class=") else { return };
    let value_start = at + class + "class=".len();
    let (value_end, quoted) = match out[value_start..].strip_prefix('"') {
        Some(rest) => (value_start + 1 + rest.find('"').unwrap_or(0), true),
        None => (value_start + out[value_start..at + length].find(' ').unwrap_or(at + length - value_start), false),
    };
    let value = if quoted { &out[value_start + 1..value_end] } else { &out[value_start..value_end] };
    if value.split(' ').any(|c| c == "n") {
        return;
    }
    let replacement = format!("\"{value} n\"");
    let end = if quoted { value_end + 1 } else { value_end };
    out.replace_range(value_start..end, &replacement);
}

/// An attribute value as HTML: unquoted where that is safe, as a minifier writes it.
fn attribute_value(value: &str) -> String {
    let unquoted = !value.is_empty() && !value.contains(|c: char| c.is_ascii_whitespace() || "\"'=<>`&".contains(c));
    if unquoted { value.to_string() } else { format!("\"{}\"", value.replace('&', "&amp;").replace('"', "&quot;")) }
}

impl TokenSink for Writer<'_> {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::CharacterTokens(text) => self.state.borrow_mut().text.push_str(&text),
            Token::NullCharacterToken => self.state.borrow_mut().text.push('\u{FFFD}'),
            Token::TagToken(tag) => {
                self.flush_text();
                self.write_tag(&tag);
                if tag.kind == TagKind::EndTag {
                    return TokenSinkResult::Continue;
                }
                // As a browser's tree builder does, so that `<style>a>b</style>` stays text.
                let raw = match &*tag.name {
                    "title" | "textarea" => Some(RawKind::Rcdata),
                    "style" | "xmp" | "iframe" | "noembed" | "noframes" => Some(RawKind::Rawtext),
                    "script" => Some(RawKind::ScriptData),
                    _ => None,
                };
                if let Some(kind) = raw {
                    // Rcdata has its entities decoded, so it is escaped again like text.
                    self.state.borrow_mut().raw = !matches!(kind, RawKind::Rcdata);
                    return TokenSinkResult::RawData(kind);
                }
            }
            Token::CommentToken(comment) => {
                self.flush_text();
                self.out.borrow_mut().push_str(&format!("<!--{comment}-->"));
            }
            Token::DoctypeToken(doctype) => {
                self.flush_text();
                let name = doctype.name.as_deref().unwrap_or("html");
                self.out.borrow_mut().push_str(&format!("<!DOCTYPE {name}>"));
            }
            Token::EOFToken | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }
}

/// `text` annotated, with the spaces around it and any fragment placeholder in it kept
/// as they are.
fn write_annotated(out: &mut String, text: &str, annotate: &dyn Fn(&str) -> String) {
    let mut rest = text;
    while let Some((before, placeholder, after)) = fragments::split_at_placeholder(rest) {
        write_annotated(out, before, annotate);
        out.push_str(placeholder);
        rest = after;
    }
    let trimmed = rest.trim();
    if trimmed.is_empty() {
        out.push_str(&escape_text(rest));
        return;
    }
    let start = rest.len() - rest.trim_start().len();
    out.push_str(&rest[..start]);
    let annotated = annotate(trimmed);
    // One text node stays one box: in a flex container (the site title, a button) each
    // unit, <wbr> and run of text would otherwise become a flex item of its own, side by
    // side in columns.
    if annotated.contains('<') {
        out.push_str(WRAPPER_START);
        out.push_str(&annotated);
        out.push_str("</span>");
    } else {
        out.push_str(&annotated);
    }
    out.push_str(&rest[start + trimmed.len()..]);
}

/// The plain span around a text node that annotation gave markup.
const WRAPPER_START: &str = "<span>";

fn escape_text(text: &str) -> String {
    escape(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::japanese::{Annotation, Tokenizer, annotate};

    fn typeset(html: &str) -> String {
        let tokenizer = Tokenizer::new("").unwrap();
        japanese_text(html, &|text| annotate(text, &tokenizer, Annotation { ruby: false, breaks: true }))
    }

    #[test]
    fn japanese_text_from_a_template_gets_break_points() {
        let out =
            typeset("<html lang=\"ja\"><body><p class=\"x\">住み慣れた地域で暮らし続けるために</p></body></html>");
        assert!(out.contains("<p class=x><span><span class=w>住み慣れた</span><wbr>地域で<wbr>"), "{out}");
        assert!(out.ends_with("に</span></span></p></body></html>"), "one wrapper around the text: {out}");
    }

    #[test]
    fn other_languages_attributes_and_code_are_left_alone() {
        let html = "<html lang=en><p title=\"地域で 暮らし続ける\">地域で暮らし続ける</p>\
                    <p lang=ja><code>地域で暮らし続ける</code></p><script>if (a<b) x('地域で暮らし')</script></html>";
        assert_eq!(typeset(html), html);
    }

    #[test]
    fn text_already_annotated_is_kept() {
        let html = "<p lang=ja><span class=w>訪問看護<wbr>を</span><wbr>使うと<wbr>家で</p>";
        assert_eq!(typeset(html), html);
    }

    #[test]
    fn a_japanese_name_on_an_english_page_is_set_as_japanese() {
        let out =
            typeset("<html lang=en><li lang=ja>地域包括支援センターに相談する</li><li>Home &amp; care</li></html>");
        assert!(out.contains("<wbr>"), "{out}");
        assert!(out.contains("<li>Home &amp; care</li>"), "{out}");
    }

    #[test]
    fn a_unit_beside_a_bracket_in_another_element_is_set_inline() {
        // Chromium would break between （ and an inline block, and between one and ）.
        let out = typeset("<p lang=ja>詳しくは（<a href=\"#t\"><span class=w>下の表</span></a>）を見る</p>");
        assert!(out.contains("（<a href=#t><span class=\"w n\">下の表</span></a><span>）を"), "{out}");
        let out = typeset("<p lang=ja>詳しくは<a href=\"#t\"><span class=w>下の表</span></a>を見る</p>");
        assert!(out.contains("<a href=#t><span class=w>下の表</span></a>"), "{out}");
        // The units annotated here, from a template's text, get the same.
        let out = typeset("<p lang=ja>窓口に相談する（<a href=\"#t\">地域包括支援センター</a>）。</p>");
        assert!(out.contains("（</span><a href=#t><span><span class=\"w n\">"), "{out}");
        let out = typeset("<p lang=ja><a href=\"#t\">相談窓口の一覧を見てください</a>）。</p>");
        assert!(out.contains("<wbr><span class=\"w n\">"), "{out}");
        assert_eq!(out.matches(" n\"").count(), 1, "only the last unit: {out}");
    }

    #[test]
    fn a_body_gets_the_same_units_and_keeps_its_text() {
        let body =
            "<p>電話します（<a href=\"#whom\"><span class=w>下の表</span></a>）。<code>a &lt; b</code> &amp; 家</p>";
        let out = units_beside_brackets(body, "ja");
        assert_eq!(
            out,
            "<p>電話します（<a href=#whom><span class=\"w n\">下の表</span></a>）。<code>a &lt; b</code> &amp; 家</p>"
        );
        assert_eq!(units_beside_brackets(body, "en"), body, "not Japanese: left as it is");
    }

    #[test]
    fn placeholders_and_surrounding_spaces_are_kept() {
        let placeholder = fragments::site_placeholder(3);
        let out = typeset(&format!("<p lang=ja>\n  相談先と{placeholder}を見る\n</p>"));
        assert!(out.starts_with("<p lang=ja>\n  相談先と"), "{out}");
        assert!(out.contains(&placeholder), "{out}");
        assert!(out.ends_with("<span>を<wbr>見る</span>\n</p>"), "{out}");
    }
}
