//! HTML that tebiki writes itself (chapter bodies, titles and summaries with furigana) is
//! kept out of the page while the page is minified, and put in afterwards.
//!
//! Minifying costs time in proportion to what it reads, and most of a page is a chapter
//! body or a list of chapter titles: text that tebiki has already written compactly, and
//! that furigana make three times longer. So a template receives a placeholder for each
//! such fragment, the rendered page (its layout only) is minified, and `fill` replaces each
//! placeholder with its fragment. Templates output these values with `| safe`, as before;
//! a theme must not cut or measure them.
//!
//! A placeholder is `\u{FDDE}` + `g` (a fragment of the whole site) or `p` (one of this
//! page) + a number + `\u{FDDF}`: Unicode noncharacters, which no file tebiki reads may
//! contain (`source::decode`) and neither tera nor the minifier changes. (Private-use
//! characters would not do: Windows 外字 are private-use characters.) Text that still looks
//! like a placeholder, say from an escape in a YAML string, is left as it is.

const OPEN: char = '\u{FDDE}';
const CLOSE: char = '\u{FDDF}';

/// The placeholder of the site-wide fragment `index`.
pub(super) fn site_placeholder(index: usize) -> String {
    format!("{OPEN}g{index}{CLOSE}")
}

/// The placeholder of the page's own fragment `index`.
pub(super) fn page_placeholder(index: usize) -> String {
    format!("{OPEN}p{index}{CLOSE}")
}

/// The text before the first placeholder in `text`, the placeholder, and the text after.
pub(super) fn split_at_placeholder(text: &str) -> Option<(&str, &str, &str)> {
    let open = text.find(OPEN)?;
    let close = open + text[open..].find(CLOSE)? + CLOSE.len_utf8();
    Some((&text[..open], &text[open..close], &text[close..]))
}

/// `html` with every placeholder replaced by its fragment.
pub(super) fn fill(html: &str, site: &[String], page: &[&str]) -> String {
    crate::placeholders::fill(html, &[(OPEN, CLOSE)], &|_, name| {
        let (kind, number) = name.split_at_checked(1)?;
        let index: usize = number.parse().ok()?;
        match kind {
            "g" => site.get(index).map(|f| f.as_str().into()),
            "p" => page.get(index).map(|f| (*f).into()),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_replaced_by_their_fragments() {
        let site = vec!["<ruby>認知症<rt>にんちしょう</rt></ruby>".to_string()];
        let html = format!("<h1>{}</h1><div>{}</div>", site_placeholder(0), page_placeholder(0));
        assert_eq!(
            fill(&html, &site, &["<p>本文</p>"]),
            "<h1><ruby>認知症<rt>にんちしょう</rt></ruby></h1><div><p>本文</p></div>"
        );
    }

    #[test]
    fn text_that_only_looks_like_a_placeholder_is_left_alone() {
        let html = format!("{OPEN}g9{CLOSE} {OPEN}x{CLOSE} {OPEN}p {OPEN}");
        assert_eq!(fill(&html, &[], &[]), html);
        assert_eq!(fill("外字\u{E000}\u{E001}", &[], &[]), "外字\u{E000}\u{E001}");
    }

    #[test]
    fn the_minifier_leaves_placeholders_alone() {
        let html = format!("<div class=\"x\">\n  {}\n</div>\n<p>a {} b</p>", page_placeholder(12), site_placeholder(3));
        let cfg = minify_html::Cfg { keep_closing_tags: true, ..Default::default() };
        let minified = String::from_utf8(minify_html::minify(html.as_bytes(), &cfg)).unwrap();
        assert!(minified.contains(&page_placeholder(12)), "{minified}");
        assert!(minified.contains(&format!("a {} b", site_placeholder(3))), "{minified}");
    }
}
