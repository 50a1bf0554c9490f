//! tebiki's own reading of a chapter's parsed HTML against the allow-list: every element,
//! attribute and address that cannot be published, each with the line it was written on
//! and why. ammonia then sanitises the same HTML as a second opinion (see `mod.rs`).

use html5ever::ns;

use super::dom::{Data, Dom, Id};
use super::markers;
use super::policy;
use crate::markdown::addresses::{self, Use};
use crate::messages::Message;
use crate::msg;

/// Something in the HTML that cannot be published, on a line of the parsed text.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Finding {
    pub line: u64,
    /// Where on the line to point: the tag (`<img`) or the attribute name.
    pub needle: Needle,
    /// What is wrong, with what to do in the catalogue's help.
    pub message: Message,
}

#[derive(Debug, PartialEq, Eq)]
pub(super) enum Needle {
    Tag(String),
    Attribute { element: String, attribute: String },
    Line,
}

/// An address written in the HTML, for the link check.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Address {
    pub line: u64,
    pub element: String,
    pub attribute: String,
    pub value: String,
    /// The words of a link, or an image's alt text.
    pub text: String,
}

/// What the walk over the tree found.
#[derive(Debug, Default)]
pub(super) struct Walk {
    pub findings: Vec<Finding>,
    pub addresses: Vec<Address>,
    /// For each stretch of Markdown between pieces of HTML: how often its marker was seen in
    /// text, and whether inside the author's own `<ruby>`, `<code>` … (`policy::VERBATIM`).
    pub runs_seen: Vec<usize>,
    pub verbatim_runs: Vec<bool>,
}

pub(super) fn walk(dom: &Dom, runs: usize) -> Walk {
    let mut walk = Walk { runs_seen: vec![0; runs], verbatim_runs: vec![false; runs], ..Walk::default() };
    // (node, inside a verbatim element)
    let mut stack: Vec<(Id, bool)> = dom.node(dom.fragment_root()).children.iter().rev().map(|&c| (c, false)).collect();
    while let Some((id, verbatim)) = stack.pop() {
        let node = dom.node(id);
        let descend = match &node.data {
            Data::Element { name, attrs, .. } => {
                let element = name.local.to_string();
                if name.ns != ns!(html) {
                    // <svg> and <math> start another language of markup; one finding for it all.
                    walk.findings.push(tag_finding(node.line, &element));
                    walk.pass_over(dom, id);
                    false
                } else {
                    if !policy::element_allowed(&element) {
                        walk.findings.push(tag_finding(node.line, &element));
                    }
                    for attr in attrs {
                        walk.attribute(dom, id, node.line, &element, attr.name.local.as_ref(), &attr.value);
                    }
                    true
                }
            }
            Data::Text(text) => {
                walk.text(node.line, text, verbatim);
                false
            }
            Data::Comment(text) if markers::runs_in(text).next().is_some() => {
                walk.text(node.line, text, verbatim);
                walk.findings.push(Finding {
                    line: node.line,
                    needle: Needle::Tag("<!".into()), // `<!--`, or `<![CDATA[`, which HTML reads as one
                    message: msg!("E064"),
                });
                false
            }
            _ => false,
        };
        if let Data::Element { template_contents: Some(contents), .. } = &node.data {
            walk.pass_over(dom, *contents); // a <template>, refused above
        }
        if descend {
            let inside = verbatim
                || matches!(&node.data, Data::Element { name, .. } if policy::VERBATIM.contains(&name.local.as_ref()));
            stack.extend(node.children.iter().rev().map(|&c| (c, inside)));
        }
    }
    walk
}

fn tag_finding(line: u64, element: &str) -> Finding {
    let message = msg!("E066", element = element, reason = policy::why_not_element(element));
    Finding { line, needle: Needle::Tag(format!("<{element}")), message }
}

impl Walk {
    /// Notes the Markdown stretches inside a refused subtree that is not walked, so that
    /// they are not reported as lost as well.
    fn pass_over(&mut self, dom: &Dom, id: Id) {
        for (below, _) in dom.descendants(id) {
            if let Data::Text(text) | Data::Comment(text) = &dom.node(below).data {
                for run in markers::runs_in(text) {
                    if let Some(seen) = self.runs_seen.get_mut(run) {
                        *seen = 1;
                    }
                }
            }
        }
    }

    fn attribute(&mut self, dom: &Dom, id: Id, line: u64, element: &str, attribute: &str, value: &str) {
        let needle = || Needle::Attribute { element: element.to_string(), attribute: attribute.to_string() };
        if markers::runs_in(value).next().is_some() {
            self.findings.push(Finding {
                line,
                needle: needle(),
                message: msg!("E065", element = element, attribute = attribute),
            });
            return;
        }
        if let Some(c) = value.chars().find(|c| crate::source::is_not_text(*c)) {
            self.findings.push(not_text(line, c));
            return;
        }
        if !policy::element_allowed(element) {
            return; // the element itself is refused already
        }
        if !policy::attribute_allowed(element, attribute) {
            let reason = policy::why_not_attribute(attribute);
            let message = msg!("E067", element = element, attribute = attribute, reason = reason);
            self.findings.push(Finding { line, needle: needle(), message });
            return;
        }
        let Some(use_) = policy::address_use(element, attribute) else { return };
        match addresses::check(value, use_) {
            Ok(()) => {
                let text = match use_ {
                    Use::Embed => alt_of(dom, id),
                    Use::Link => text_of(dom, id),
                };
                let (element, attribute, value) = (element.to_string(), attribute.to_string(), value.to_string());
                self.addresses.push(Address { line, element, attribute, value, text });
            }
            Err(refused) => self.findings.push(Finding {
                line,
                needle: needle(),
                message: msg!(
                    "E061",
                    address = shorten(value),
                    element = element,
                    attribute = attribute,
                    reason = refused.explain(use_),
                    help = refused.suggestion(use_)
                ),
            }),
        }
    }

    fn text(&mut self, line: u64, text: &str, verbatim: bool) {
        let mut forged = false;
        for run in markers::runs_in(text) {
            match self.runs_seen.get_mut(run) {
                Some(seen) if *seen == 0 => {
                    *seen = 1;
                    self.verbatim_runs[run] = verbatim;
                }
                // A second copy of a marker can only be written by a character reference.
                _ => forged = true,
            }
        }
        let rest = markers::without_runs(text);
        match rest.chars().find(|c| crate::source::is_not_text(*c)) {
            Some(c) => self.findings.push(not_text(line, c)),
            None if forged => self.findings.push(not_text(line, '\u{FDD0}')),
            None => {}
        }
    }
}

fn not_text(line: u64, c: char) -> Finding {
    Finding { line, needle: Needle::Line, message: msg!("E063", code_point = format!("U+{:04X}", c as u32)) }
}

/// The text inside an element, as written in the HTML itself.
fn text_of(dom: &Dom, id: Id) -> String {
    dom.descendants(id)
        .into_iter()
        .filter_map(|(d, _)| match &dom.node(d).data {
            Data::Text(t) => Some(markers::without_runs(t)),
            _ => None,
        })
        .collect()
}

fn alt_of(dom: &Dom, id: Id) -> String {
    match &dom.node(id).data {
        Data::Element { attrs, .. } => {
            attrs.iter().find(|a| &*a.name.local == "alt").map(|a| a.value.to_string()).unwrap_or_default()
        }
        _ => String::new(),
    }
}

/// An address as shown in a message: long ones cut, control characters made visible.
fn shorten(value: &str) -> String {
    let shown: String = value.chars().map(|c| if c.is_control() { '�' } else { c }).take(60).collect();
    if value.chars().count() > 60 { format!("{shown}…") } else { shown }
}
