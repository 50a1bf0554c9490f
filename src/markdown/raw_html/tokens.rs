//! What the tree cannot show: tags a parser swallows in a fragment, and nesting too deep to
//! build. A first, linear pass over the chapter's HTML with html5ever's tokenizer.
//!
//! `<html>` and `<body>` written inside a chapter leave no element in a parsed fragment,
//! but inside the published page they would add their attributes to the page's own `<html>`
//! and `<body>` (`<body onload=…>`). And a tree thousands of elements deep costs the tree
//! builder time in proportion to its depth for every tag; browsers stop at a few hundred.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};

/// Deeper than this is refused: far beyond what any chapter needs, well under browsers' own
/// limit (Chromium keeps 512 levels).
pub(crate) const MAX_DEPTH: usize = 100;

/// A tag found on a line of the text that cannot be published.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Unpublishable {
    pub line: u64,
    pub element: String,
    pub too_deep: bool,
}

/// The page-structure tags of `html`, and where its nesting first goes beyond `MAX_DEPTH`.
pub(crate) fn scan(html: &str) -> Vec<Unpublishable> {
    let sink = Scanner::default();
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    tokenizer.sink.found.into_inner()
}

#[derive(Default)]
struct Scanner {
    found: RefCell<Vec<Unpublishable>>,
    /// Start tags not yet ended, of elements whose end tag is never left out.
    open: RefCell<Vec<String>>,
    reported_depth: std::cell::Cell<bool>,
}

/// Elements whose end tag HTML lets authors leave out, and void elements: they do not
/// count towards depth, so that a long list without `</li>` is not "deep".
const UNCOUNTED: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "colgroup", "rt", "rp", "option",
    "optgroup", "br", "wbr", "img", "hr", "col", "input", "meta", "link", "base", "source", "track", "area", "embed",
];

impl TokenSink for Scanner {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let Token::TagToken(tag) = token else { return TokenSinkResult::Continue };
        let name = tag.name.to_string();
        if tag.kind == TagKind::EndTag {
            let mut open = self.open.borrow_mut();
            if let Some(at) = open.iter().rposition(|o| *o == name) {
                open.truncate(at);
            }
            return TokenSinkResult::Continue;
        }
        if matches!(name.as_str(), "html" | "head" | "body" | "frameset") {
            self.found.borrow_mut().push(Unpublishable { line, element: name.clone(), too_deep: false });
        }
        if !tag.self_closing && !UNCOUNTED.contains(&name.as_str()) {
            let mut open = self.open.borrow_mut();
            open.push(name.clone());
            if open.len() > MAX_DEPTH && !self.reported_depth.replace(true) {
                self.found.borrow_mut().push(Unpublishable { line, element: name.clone(), too_deep: true });
            }
        }
        // The tree builder switches the tokenizer for elements whose content is text; so
        // does this scan, so that `<textarea><body>` is not read as a body tag.
        match name.as_str() {
            "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                TokenSinkResult::RawData(RawKind::Rawtext)
            }
            "script" => TokenSinkResult::RawData(RawKind::ScriptData),
            "plaintext" => TokenSinkResult::Plaintext,
            _ => TokenSinkResult::Continue,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_tags_are_found_on_their_line() {
        let found = scan("<p>a</p>\n<body onload=\"x()\">\n<html\nlang=en>");
        let lines: Vec<(u64, &str)> = found.iter().map(|f| (f.line, f.element.as_str())).collect();
        assert_eq!(lines, [(2, "body"), (4, "html")]);
        assert!(scan("<textarea><body></textarea>").is_empty(), "text inside a textarea is not a tag");
    }

    #[test]
    fn depth_counts_elements_that_stay_open() {
        assert!(scan(&"<li>".repeat(1000)).is_empty());
        assert!(scan(&"<div></div>".repeat(1000)).is_empty());
        let found = scan(&"<div>".repeat(MAX_DEPTH + 5));
        assert_eq!(found, [Unpublishable { line: 1, element: "div".into(), too_deep: true }]);
    }
}

/// The errors html5ever's tokenizer reports in `html` (not those of building the tree,
/// such as a stray end tag): a text a browser cannot read as tags and text.
#[cfg(test)]
pub(crate) fn tokenizer_errors(html: &str) -> Vec<String> {
    #[derive(Default)]
    struct Errors(RefCell<Vec<String>>);
    impl TokenSink for Errors {
        type Handle = ();
        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            if let Token::ParseError(error) = token {
                self.0.borrow_mut().push(error.to_string());
            }
            TokenSinkResult::Continue
        }
    }
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(Errors::default(), TokenizerOpts::default());
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    tokenizer.sink.0.into_inner()
}
