//! What HTML a chapter may contain: an allow-list of elements and attributes, with the
//! reason why everything else is refused, in words for the person who wrote it.
//!
//! The same tables configure ammonia, which sanitises the chapter's HTML independently of
//! tebiki's own check (`mod.rs` compares the two), so the list is written once.

use std::collections::{HashMap, HashSet};

use super::super::addresses::Use;

/// Elements a chapter may write in HTML: text formatting, lists, tables, `details`,
/// `figure` and images of the guidebook. Nothing that runs, loads, submits or navigates.
pub(crate) const ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Attributes allowed on every element of `ELEMENTS`.
pub(crate) const GLOBAL_ATTRIBUTES: &[&str] = &["lang", "dir", "title"];

/// Attributes allowed on one element.
pub(crate) const ELEMENT_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "hreflang"]),
    ("img", &["src", "alt", "width", "height"]),
    ("blockquote", &["cite"]),
    ("q", &["cite"]),
    ("del", &["cite", "datetime"]),
    ("ins", &["cite", "datetime"]),
    ("time", &["datetime"]),
    ("data", &["value"]),
    ("ol", &["start", "reversed", "type"]),
    ("li", &["value"]),
    ("td", &["colspan", "rowspan", "headers"]),
    ("th", &["colspan", "rowspan", "headers", "scope", "abbr"]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    ("details", &["open"]),
];

/// Attributes that hold an address, and what the browser does with it.
pub(crate) fn address_use(element: &str, attribute: &str) -> Option<Use> {
    match (element, attribute) {
        ("a", "href") | (_, "cite") => Some(Use::Link),
        ("img", "src") => Some(Use::Embed),
        _ => None,
    }
}

/// Elements whose text the reader reads as it is written: tebiki adds no furigana or
/// line-break points inside them (and none inside the author's own furigana).
pub(crate) const VERBATIM: &[&str] = &["code", "kbd", "pre", "rp", "rt", "ruby", "samp", "var"];

pub(crate) fn element_allowed(name: &str) -> bool {
    ELEMENTS.contains(&name)
}

pub(crate) fn attribute_allowed(element: &str, attribute: &str) -> bool {
    GLOBAL_ATTRIBUTES.contains(&attribute)
        || ELEMENT_ATTRIBUTES.iter().any(|(e, attributes)| *e == element && attributes.contains(&attribute))
}

/// Why an element is not allowed: the case the message `E066` gives the reason for.
pub(crate) fn why_not_element(name: &str) -> &'static str {
    match name {
        "script" | "noscript" | "template" | "slot" => "program",
        "iframe" | "frame" | "frameset" | "object" | "embed" | "applet" | "portal" | "fencedframe" => "embed",
        "picture" | "source" | "video" | "audio" | "track" | "canvas" | "svg" | "math" => "media",
        "link" | "style" => "style",
        "meta" | "base" => "page",
        "form" | "input" | "button" | "select" | "option" | "optgroup" | "textarea" | "label" | "fieldset"
        | "legend" | "output" | "datalist" | "search" | "selectedcontent" => "form",
        "html" | "head" | "body" | "title" | "main" | "header" | "footer" | "nav" | "aside" | "article" | "section"
        | "dialog" | "menu" => "layout",
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "hgroup" => "heading",
        "marquee" | "blink" | "font" | "center" | "big" | "tt" | "strike" | "basefont" => "old",
        _ => "other",
    }
}

/// Why an attribute is not allowed on an element: the case the message `E067` gives the
/// reason for.
pub(crate) fn why_not_attribute(attribute: &str) -> &'static str {
    if attribute.starts_with("on") {
        return "program";
    }
    match attribute {
        "style" => "style",
        "class" => "class",
        "id" => "id",
        "srcset" | "poster" | "background" | "lowsrc" | "dynsrc" | "data" | "codebase" | "ping" => "load",
        "formaction" | "action" | "target" | "form" | "popovertarget" | "commandfor" | "command" => "send",
        "http-equiv" | "contenteditable" | "autofocus" | "popover" | "tabindex" | "accesskey" | "inert" | "hidden"
        | "draggable" => "behaviour",
        _ => "other",
    }
}

/// ammonia, configured with the same lists, refusing every address scheme that is not
/// allowed for links; relative addresses pass (tebiki checks where they lead).
pub(crate) fn ammonia() -> ammonia::Builder<'static> {
    let attributes: HashMap<&str, HashSet<&str>> = ELEMENT_ATTRIBUTES
        .iter()
        .map(|(element, attributes)| (*element, attributes.iter().copied().collect()))
        .collect();
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(ELEMENTS.iter().copied().collect())
        .generic_attributes(GLOBAL_ATTRIBUTES.iter().copied().collect())
        .tag_attributes(attributes)
        .url_schemes(["https", "http", "mailto", "tel"].into_iter().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(None)
        .strip_comments(true);
    builder
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_attribute_belongs_to_an_allowed_element() {
        for (element, _) in ELEMENT_ATTRIBUTES {
            assert!(element_allowed(element), "{element}");
        }
        for element in VERBATIM {
            assert!(element_allowed(element), "{element}");
        }
    }

    #[test]
    fn refusals_say_why() {
        use crate::messages::Lang;
        let element = |name: &str| crate::msg!("E066", element = name, reason = why_not_element(name)).text(Lang::En);
        assert!(element("script").contains("runs a program"));
        assert!(element("h2").contains("## "));
        let attribute = |element: &str, attribute: &str| {
            crate::msg!("E067", element = element, attribute = attribute, reason = why_not_attribute(attribute))
                .text(Lang::En)
        };
        assert!(attribute("img", "onerror").contains("runs a program"));
        assert!(attribute("p", "style").contains("theme"));
    }
}
