//! Property tests: chapter bodies put together at random from the pieces attacks are made
//! of (tags, handlers, schemes hidden behind entities and line breaks, unclosed quotes and
//! comments, Markdown syntax). Whatever the body, parsing never panics; and when it is
//! accepted, the page's body, read back by a second HTML parser (scraper's html5ever),
//! holds no element or attribute outside the allow-list, no handler, no style, no address
//! with a foreign scheme or an embedded file from another host, nothing of tebiki's own
//! markers, and reads as HTML without a tokenizer error.

use proptest::prelude::*;

use super::addresses::{self, Use};
use super::raw_html::{policy, tokens};
use super::{parse, to_html};

const PIECES: &[&str] = &[
    "<",
    "</",
    ">",
    "/>",
    " ",
    "\n",
    "\n\n",
    "\t",
    "\u{c}",
    "\r",
    "=",
    "\"",
    "'",
    "`",
    "&",
    ";",
    // attributes
    "onerror",
    "ONLOAD",
    "onclick",
    "href",
    "src",
    "srcset",
    "style",
    "title",
    "lang",
    "formaction",
    "action",
    "xlink:href",
    "http-equiv",
    "values",
    "attributeName",
    "colspan",
    "alt",
    "id",
    "class",
    "open",
    // addresses
    "javascript:alert(1)",
    "jav&#x09;ascript:",
    "&#106;avascript:",
    "javascript&colon;",
    "java\nscript:",
    "JaVaScRiPt:",
    "vbscript:",
    "data:text/html,x",
    "https://evil.example/x.png",
    "//evil.example/x",
    "/\\evil.example",
    "x.png",
    "../acp/x.md#a",
    "mailto:a@b.example",
    "tel:0300000000",
    "#top",
    // character references and comments
    "&#0;",
    "&#xFDD0;",
    "&#xFDD4;",
    "&amp;",
    "&lt;",
    "&quot;",
    "<!--",
    "-->",
    "--!>",
    "<![CDATA[",
    "]]>",
    "<?xml",
    // Markdown
    "## ",
    "# ",
    "- ",
    "1. ",
    "> ",
    "[x](",
    "![a](",
    ")",
    "*",
    "**",
    "~~",
    "```\n",
    "|a|b|\n|-|-|\n|1|2|\n",
    " {#id onclick=x}",
    "[^1]",
    "[^1]: note\n",
    "<https://example.jp/>",
    "[r]: javascript:x\n",
    // text
    "本文",
    "認知症の相談",
    "a",
    "0",
    "　",
];

// Elements, allowed or not.
const TAGS: &[&str] = &[
    "div",
    "p",
    "a",
    "img",
    "span",
    "details",
    "summary",
    "table",
    "tr",
    "td",
    "th",
    "ruby",
    "rt",
    "abbr",
    "figure",
    "pre",
    "code",
    "ol",
    "li",
    "q",
    "blockquote",
    "h2",
    "main",
    "script",
    "style",
    "svg",
    "math",
    "iframe",
    "object",
    "meta",
    "base",
    "form",
    "input",
    "button",
    "textarea",
    "noscript",
    "template",
    "html",
    "body",
    "link",
    "mglyph",
    "title",
    "xmp",
    "plaintext",
    "animate",
    "select",
];
const ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "title",
    "lang",
    "alt",
    "colspan",
    "cite",
    "open",
    "start",
    "onerror",
    "style",
    "id",
    "class",
    "srcset",
    "xlink:href",
];
const VALUES: &[&str] = &[
    "x.png",
    "images/map.png",
    "../acp/x.md#a",
    "https://example.jp/",
    "https://evil.example/x.png",
    "//evil.example/x",
    "mailto:a@b.example",
    "tel:0300000000",
    "javascript:alert(1)",
    "jav&#x09;ascript:x",
    "&#106;avascript:x",
    "java
script:x",
    "data:image/png;base64,AA",
    "2",
    "ja",
    "認知症",
    "&quot;><script>x</script>",
    "&#xFDD0;0&#xFDD1;",
];

/// Tags as people write them, allowed or not, with attributes and text between.
fn tags() -> impl Strategy<Value = String> {
    let attribute =
        (prop::sample::select(ATTRIBUTES), prop::sample::select(VALUES), prop::sample::select(&["\"", "'", ""][..]))
            .prop_map(|(name, value, quote)| format!(" {name}={quote}{value}{quote}"));
    let element = (prop::sample::select(TAGS), prop::collection::vec(attribute, 0..3), piece(), any::<bool>())
        .prop_map(|(tag, attributes, inside, closed)| {
            format!(
                "<{tag}{}>{inside}{}",
                attributes.concat(),
                if closed { format!("</{tag}>") } else { String::new() }
            )
        });
    prop::collection::vec(prop_oneof![element, piece().prop_map(String::from)], 0..12).prop_map(|parts| parts.concat())
}

/// One piece of an attack, or an element's name.
fn piece() -> impl Strategy<Value = &'static str> {
    prop_oneof![prop::sample::select(PIECES), prop::sample::select(TAGS)]
}

fn body() -> impl Strategy<Value = String> {
    prop_oneof![prop::collection::vec(piece(), 0..60).prop_map(|pieces| pieces.concat()), tags()]
}

/// What is wrong with a published body, read by a parser that is not tebiki's.
fn unsafe_in(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let fragment = scraper::Html::parse_fragment(html);
    for element in fragment.root_element().descendants().filter_map(|n| n.value().as_element()) {
        let name = element.name();
        if name == "html" {
            continue;
        }
        if !(policy::element_allowed(name) || matches!(name, "h2" | "h3" | "h4" | "h5" | "h6")) {
            found.push(format!("<{name}>"));
        }
        for (attribute, value) in element.attrs() {
            // Markdown's own: heading and footnote ids, the table box and column classes.
            let markdowns = matches!(attribute, "id" | "class" | "tabindex" | "alt" | "title");
            if !(policy::attribute_allowed(name, attribute) || markdowns) {
                found.push(format!("<{name} {attribute}>"));
            }
            let use_ = match attribute {
                "href" | "cite" => Some(Use::Link),
                "src" => Some(Use::Embed),
                _ => None,
            };
            if let Some(use_) = use_
                && addresses::check(value, use_).is_err()
            {
                found.push(format!("<{name} {attribute}={value:?}>"));
            }
        }
    }
    if let Some(c) = html.chars().find(|c| crate::source::is_not_text(*c)) {
        found.push(format!("U+{:04X} in the page", c as u32));
    }
    found.extend(tokens::tokenizer_errors(html));
    found
}

/// Parses `body` as a chapter's; for an accepted body, checks what is published. Says
/// whether the body was accepted.
fn check(body: &str) -> Result<bool, TestCaseError> {
    let text = format!("---\ntitle: t\n---\n{body}");
    let (parsed, problems) = parse("a.md", &text, "---\ntitle: t\n---\n".len());
    for problem in &problems {
        prop_assert!(problem.position.line >= 4 && problem.position.line <= text.lines().count() + 1, "{problem:?}");
    }
    if problems.iter().any(|p| p.is_error()) {
        return Ok(false);
    }
    let html = to_html(&parsed, &|dest| dest.to_string(), &crate::japanese::escape);
    let found = unsafe_in(&html);
    prop_assert!(found.is_empty(), "{found:?} in\n{html}\nfrom\n{body}");
    Ok(true)
}

#[test]
fn an_accepted_body_is_safe_and_reads_as_html() {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(3000);
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(cases));
    let accepted = std::sync::atomic::AtomicU32::new(0);
    let result = runner.run(&body(), |body| {
        accepted.fetch_add(u32::from(check(&body)?), std::sync::atomic::Ordering::Relaxed);
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
    // Most random bodies are refused; the property means something only if many are not.
    let accepted = accepted.into_inner();
    assert!(accepted * 10 >= cases, "only {accepted} of {cases} bodies were accepted");
}

#[test]
fn the_check_itself_sees_what_is_unsafe() {
    assert_eq!(unsafe_in("<p>本文</p><div class=\"table-wrap\" tabindex=\"0\"></div>"), Vec::<String>::new());
    let mut found = unsafe_in("<img src=\"https://evil.example/x.png\" onerror=\"x\"><script></script>");
    found.sort();
    assert_eq!(found, ["<img onerror>", "<img src=\"https://evil.example/x.png\">", "<script>"]);
    assert!(!unsafe_in("<a href=\"java\nscript:x\">a</a>").is_empty());
    assert!(!unsafe_in("<p title=\"x>").is_empty(), "an unclosed tag is a tokenizer error");
}
