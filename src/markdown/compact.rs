//! pulldown-cmark ends each block with a line break, for people reading the HTML. Pages are
//! minified without their bodies (see `render::fragments`), so the body drops those line
//! breaks itself: after a block's tags a line break shows nothing, while after inline
//! content it is a space between words, and inside `<pre>` it is a line of code; both are
//! kept.

const BLOCK_TAGS: &[&str] = &[
    "blockquote",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "summary",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
];

/// `html` without the line breaks that directly follow a block's opening or closing tag.
pub(super) fn drop_block_line_breaks(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_pre = 0usize;
    let mut last_tag: Option<&str> = None; // the name of a tag just ended
    let mut rest = html;
    while let Some(at) = rest.find(['<', '\n']) {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        if !before.is_empty() {
            last_tag = None;
        }
        if let Some(line_break_and_after) = from.strip_prefix('\n') {
            let after_block = last_tag.is_some_and(|name| BLOCK_TAGS.contains(&name));
            if in_pre > 0 || !after_block {
                out.push('\n');
            }
            last_tag = None;
            rest = line_break_and_after;
            continue;
        }
        let end = from.find('>').map_or(from.len(), |i| i + 1);
        let tag = &from[..end];
        out.push_str(tag);
        let closing = tag.starts_with("</");
        let name_start = if closing { 2 } else { 1 };
        let name_end = tag[name_start..]
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .map_or(tag.len(), |i| i + name_start);
        let name = &tag[name_start..name_end];
        if name.eq_ignore_ascii_case("pre") {
            in_pre = if closing { in_pre.saturating_sub(1) } else { in_pre + 1 };
        }
        last_tag = Some(name);
        rest = &from[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::{html_with_line_breaks, parse};

    fn body_html(markdown: &str) -> String {
        let text = format!("---\ntitle: t\n---\n{markdown}");
        let (parsed, _) = parse("a.md", &text, "---\ntitle: t\n---\n".len());
        html_with_line_breaks(&parsed, &|d| d.to_string(), &crate::japanese::escape)
    }

    /// The minified HTML, without spaces between two tags one of which is a block's: they
    /// show nothing (the minifier keeps some of them inside list items).
    fn minified(html: &str) -> String {
        let cfg = minify_html::Cfg { keep_closing_tags: true, ..Default::default() };
        let text = String::from_utf8(minify_html::minify(format!("<div>{html}</div>").as_bytes(), &cfg)).unwrap();
        let name = |tag: &str| tag.trim_start_matches(['<', '/']).split([' ', '>']).next().unwrap_or("").to_string();
        let pieces: Vec<&str> = text.split("> <").collect();
        let mut out = pieces[0].to_string();
        for piece in &pieces[1..] {
            let before = name(&out[out.rfind('<').unwrap()..]);
            let after = name(piece);
            let blocks = BLOCK_TAGS.contains(&before.as_str()) || BLOCK_TAGS.contains(&after.as_str());
            out.push_str(if blocks { "><" } else { "> <" });
            out.push_str(piece);
        }
        out
    }

    #[test]
    fn only_line_breaks_that_show_nothing_are_dropped() {
        let samples = [
            "# 見出し\n\n本文です。\n次の行。\n\n- 一\n- 二\n\n1. a\n\n2. b\n",
            "Soft *break*\n**between** words\n\n> quoted\n> text\n",
            "```\nline one\n<b>not a tag</b>\n\nline three\n```\n\nafter\n",
            "|a|b|\n|-|-|\n|1|2|\n|3|4|\n\n---\n\n注[^1]\n\n[^1]: 注釈\n",
            "<div class=\"box\">\n<p>raw</p>\n</div>\n\n<pre>\n  kept\n</pre>\n",
            "- loose\n\n  paragraph\n- item\n  1. nested\n",
        ];
        for markdown in samples {
            let html = body_html(markdown);
            let compact = drop_block_line_breaks(&html);
            assert_eq!(minified(&compact), minified(&html), "{markdown:?}\n{html}\n{compact}");
            assert!(compact.len() < html.len(), "{markdown:?}: nothing dropped from {html}");
        }
    }

    #[test]
    fn code_keeps_its_lines() {
        let html = body_html("```\none\ntwo\n```\n");
        assert!(drop_block_line_breaks(&html).contains("one\ntwo\n"), "{html}");
    }

    #[test]
    fn a_line_break_between_english_words_stays() {
        let html = body_html("one *two*\n**three** four\n");
        assert!(drop_block_line_breaks(&html).contains("</em>\n<strong>"), "{html}");
    }
}
