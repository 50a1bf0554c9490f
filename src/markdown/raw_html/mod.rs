//! The HTML a chapter's author wrote, checked with a real HTML parser against an allow-list
//! and published only as tebiki writes it back.
//!
//! pulldown-cmark hands raw HTML over line by line (`<img src=x` on one line, `onerror=…>`
//! on the next) and tag by tag, so it is judged only once it is joined back: every piece of
//! HTML of the chapter, in order, with a marker standing for each stretch of Markdown
//! between pieces. That text is parsed as html5ever parses a fragment (as a browser does),
//! and:
//! - `check` walks the tree: every element, attribute and address outside the allow-list
//!   of `policy` is an error on its line, saying why (`tokens` adds what the tree hides);
//! - ammonia sanitises the same text with the same lists; if it would change anything that
//!   `check` let through, that is an error too. Nothing is cleaned silently: whatever a
//!   sanitiser would remove is refused, so nothing the author wrote goes missing;
//! - what is published is the tree written back by html5ever's serializer, with each
//!   Markdown stretch put back in its marker's place, and each address replaced by where
//!   it leads for the page's reader (as Markdown links are).
//!
//! Markdown around the HTML is trusted: pulldown-cmark escapes its text and attributes, and
//! its addresses are checked by `addresses`. The page is thus a sequence of whole tags, each
//! either written by pulldown-cmark or an allowed tag written back by html5ever.

mod check;
mod dom;
mod joined;
mod markers;
pub(super) mod policy;
pub(super) mod tokens;

use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::Event;

use crate::diagnostics::Diagnostic;
use crate::msg;

pub(super) use markers::PIECE;

use super::LinkRef;
use check::{Finding, Needle};
use joined::Joined;
use markers::Kind;

/// A chapter's HTML, checked, as tebiki publishes it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct RawHtml {
    /// The body as HTML: the author's HTML written back, the Markdown between as run
    /// markers, addresses as address markers.
    template: String,
    /// The events each piece of HTML is made of.
    pieces: Vec<Range<usize>>,
    /// For each Markdown stretch: inside the author's `<ruby>`, `<code>` … (left as written).
    verbatim_runs: Vec<bool>,
    /// The addresses of the HTML, in marker order.
    addresses: Vec<String>,
    /// The texts written inside the HTML, in marker order.
    texts: Vec<String>,
}

impl RawHtml {
    /// The events each piece of HTML is made of, in order.
    pub(super) fn pieces(&self) -> &[Range<usize>] {
        &self.pieces
    }

    /// Whether the text of Markdown stretch `run` is left as written.
    pub(super) fn is_verbatim(&self, run: usize) -> bool {
        self.verbatim_runs.get(run).copied().unwrap_or(false)
    }

    /// The body: `rendered` is the Markdown rendered with a `PIECE` where each piece of
    /// HTML was; `rewrite` turns an address into where it leads, and `text` typesets a text
    /// as the Markdown's text is (escaped, with furigana and line-break points).
    pub(super) fn fill(
        &self,
        rendered: &str,
        rewrite: &dyn Fn(&str) -> String,
        text: &dyn Fn(&str) -> String,
    ) -> String {
        let runs: Vec<&str> = rendered.split(PIECE).collect();
        debug_assert_eq!(runs.len(), self.pieces.len() + 1, "one Markdown stretch around each piece");
        markers::fill(&self.template, &|kind, n| match kind {
            Kind::Run => runs.get(n).map(|run| run.to_string()),
            Kind::Address => self.addresses.get(n).map(|a| escape_attribute(&rewrite(a))),
            Kind::Text => self.texts.get(n).map(|t| text(t)),
        })
    }
}

/// What checking a chapter's HTML gives.
#[derive(Debug, Default)]
pub(super) struct Checked {
    /// None when the chapter has no HTML of its own, or when it cannot be published.
    pub html: Option<RawHtml>,
    /// Links and images written in the HTML, for the link check.
    pub links: Vec<LinkRef>,
    pub problems: Vec<Diagnostic>,
}

/// Checks the HTML among a chapter's `events` (each with its byte offset in `file_text`).
pub(super) fn check(file_name: &str, file_text: &str, events: &[(Event<'static>, usize)]) -> Checked {
    let pieces = joined::pieces(events);
    if pieces.is_empty() {
        return Checked::default();
    }
    let joined = Joined::new(events, &pieces, file_text);
    let refuse = |findings: &[Finding]| {
        let problems = findings
            .iter()
            .map(|f| {
                let at = joined.position(f.line, &f.needle);
                Diagnostic::error(file_name, at, f.message.clone()).with_line(joined.file_line(at))
            })
            .collect();
        Checked { problems, ..Checked::default() }
    };
    let scanned = tokens::scan(joined.text());
    let too_deep = scanned.iter().any(|t| t.too_deep);
    let mut findings: Vec<Finding> = scanned.into_iter().map(page_tag).collect();
    if too_deep {
        return refuse(&findings); // building the tree is what takes long
    }
    let tree = dom::Dom::parse_fragment(joined.text());
    let walk = check::walk(&tree, pieces.len() + 1);
    findings.extend(walk.findings);
    if let Some(run) = walk.runs_seen.iter().position(|&seen| seen == 0) {
        findings.push(Finding {
            line: joined.line_of_piece(run.saturating_sub(1)),
            needle: Needle::Line,
            message: msg!("E068"),
        });
    }
    let ours = dom::Rewrite::none(|rewrite| tree.serialize(rewrite));
    if findings.is_empty() && ours != SANITISER.clean(joined.text()).to_string() {
        findings.push(Finding { line: joined.line_of_piece(0), needle: Needle::Line, message: msg!("E069") });
    }
    if !findings.is_empty() {
        return refuse(&findings);
    }
    let links = walk
        .addresses
        .iter()
        .map(|a| LinkRef {
            dest: a.value.clone(),
            position: joined
                .position(a.line, &Needle::Attribute { element: a.element.clone(), attribute: a.attribute.clone() }),
            is_image: a.element == "img",
            text: a.text.clone(),
        })
        .collect();
    let (mut addresses, mut texts) = (Vec::new(), Vec::new());
    let template = tree.serialize(dom::Rewrite {
        value: &mut |element, attribute, value| match policy::address_use(element, attribute) {
            Some(_) => {
                addresses.push(value.to_string());
                markers::address(addresses.len() - 1)
            }
            None => value.to_string(),
        },
        text: &mut |text, verbatim| if verbatim { text.to_string() } else { text_markers(text, &mut texts) },
        verbatim: policy::VERBATIM,
        wrap_tables: true,
    });
    let html = RawHtml { template, pieces, verbatim_runs: walk.verbatim_runs, addresses, texts };
    Checked { html: Some(html), links, problems: Vec::new() }
}

/// The sanitiser's second opinion, configured once.
static SANITISER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(policy::ammonia);

fn page_tag(found: tokens::Unpublishable) -> Finding {
    let message = if found.too_deep {
        msg!("E070", depth = tokens::MAX_DEPTH)
    } else {
        msg!("E066", element = &found.element, reason = policy::why_not_element(&found.element))
    };
    // The tokenizer tells the line only, and a line of nested tags has many of the same.
    let needle = if found.too_deep { Needle::Line } else { Needle::Tag(format!("<{}", found.element)) };
    Finding { line: found.line, needle, message }
}

/// A text of the HTML with each stretch between run markers (that is not only white space)
/// kept in `texts` and replaced by a text marker.
fn text_markers(text: &str, texts: &mut Vec<String>) -> String {
    let mut out = String::new();
    let mut segment = String::new();
    let mut flush = |segment: &mut String, out: &mut String| {
        if segment.trim().is_empty() {
            out.push_str(segment);
        } else {
            texts.push(std::mem::take(segment));
            out.push_str(&markers::text(texts.len() - 1));
        }
        segment.clear();
    };
    let mut rest = text;
    while let Some((run, range)) = markers::first_run(rest) {
        segment.push_str(&rest[..range.start]);
        flush(&mut segment, &mut out);
        out.push_str(&markers::run(run));
        rest = &rest[range.end..];
    }
    segment.push_str(rest);
    flush(&mut segment, &mut out);
    out
}

fn escape_attribute(value: &str) -> String {
    value.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests;
