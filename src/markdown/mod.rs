//! Chapter bodies: Markdown in, checked events out, HTML once links are known.
//!
//! Parsing happens once per chapter file. The first pass (`parse`) settles everything that
//! depends only on the file itself: heading ids, Japanese line joining, the author's HTML
//! checked (`raw_html`), addresses checked (`addresses`), and the list of links with their
//! positions. Links can only be checked once every chapter of every language is known, so
//! `to_html` takes a function that rewrites each link address.

mod addresses;
mod compact;
mod headings;
#[cfg(test)]
mod properties;
mod raw_html;
mod sections;
mod soft_breaks;
mod tables;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::diagnostics::{Diagnostic, Position};
use crate::msg;
use crate::text_position::LineIndex;
use addresses::Use;
use raw_html::RawHtml;

pub(crate) use headings::slugify;
pub(crate) use sections::Section;

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
    pub position: Position,
}

/// A link or image address written in the chapter, where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LinkRef {
    pub dest: String,
    pub position: Position,
    pub is_image: bool,
    /// The link's words (an image's alt text).
    pub text: String,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct ParsedBody {
    events: Vec<Event<'static>>,
    pub headings: Vec<Heading>,
    pub links: Vec<LinkRef>,
    /// The chapter's own HTML as it is published, when it has some.
    html: Option<RawHtml>,
}

impl ParsedBody {
    /// The Markdown as pulldown-cmark events, after tebiki's passes (heading ids, Japanese
    /// lines joined): what the booklet lays out.
    pub(crate) fn events(&self) -> &[Event<'static>] {
        &self.events
    }

    pub(crate) fn has_heading_id(&self, id: &str) -> bool {
        self.headings.iter().any(|h| h.id == id) || self.footnote_ids().any(|f| f == id)
    }

    fn footnote_ids(&self) -> impl Iterator<Item = &str> {
        self.events.iter().filter_map(|e| match e {
            Event::Start(Tag::FootnoteDefinition(name)) => Some(name.as_ref()),
            _ => None,
        })
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Parses the body that starts at byte `body_offset` of `file_text`.
pub(crate) fn parse(file_name: &str, file_text: &str, body_offset: usize) -> (ParsedBody, Vec<Diagnostic>) {
    let body = &file_text[body_offset..];
    let lines = LineIndex::new(file_text);
    let mut problems = Vec::new();
    let mut links = Vec::new();
    // Each event with the byte of the file it starts at.
    let mut events: Vec<(Event<'static>, usize)> = Vec::new();
    let mut open_links: usize = 0;

    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        let offset = body_offset + range.start;
        match &event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                let is_image = matches!(event, Event::Start(Tag::Image { .. }));
                let position = lines.position(offset);
                match check_address(dest_url, is_image) {
                    Ok(()) => {
                        links.push(LinkRef { dest: dest_url.to_string(), position, is_image, text: String::new() })
                    }
                    Err(problem) => problems
                        .push(problem.into_diagnostic(file_name, position).with_line(lines.line_text(position.line))),
                }
                open_links += 1;
            }
            Event::End(TagEnd::Link | TagEnd::Image) => open_links = open_links.saturating_sub(1),
            Event::Text(text) | Event::Code(text) if open_links > 0 => {
                if let Some(link) = links.last_mut() {
                    link.text.push_str(text);
                }
            }
            _ => {}
        }
        if let Event::Text(text) | Event::Code(text) = &event
            && let Some(c) = text.chars().find(|c| crate::source::is_not_text(*c))
        {
            // Written as a character reference (`&#xFDD0;`): the file itself has none.
            let position = lines.position(offset);
            problems.push(
                Diagnostic::error(file_name, position, msg!("E062", code_point = format!("U+{:04X}", c as u32)))
                    .with_line(lines.line_text(position.line)),
            );
        }
        events.push((event.into_static(), offset));
    }
    soft_breaks::join_japanese_lines(&mut events);
    let headings = settle_headings(file_name, &lines, &mut events, &mut problems);
    let checked = raw_html::check(file_name, file_text, &events);
    problems.extend(checked.problems);
    links.extend(checked.links);
    links.sort_by_key(|l| l.position);
    let events = events.into_iter().map(|(e, _)| e).collect();
    (ParsedBody { events, headings, links, html: checked.html }, problems)
}

/// A Markdown link or image address, checked as `addresses` says.
struct RefusedAddress {
    address: String,
    is_image: bool,
    refused: addresses::Refused,
}

fn check_address(address: &str, is_image: bool) -> Result<(), RefusedAddress> {
    let use_ = if is_image { Use::Embed } else { Use::Link };
    addresses::check(address, use_).map_err(|refused| RefusedAddress {
        address: address.to_string(),
        is_image,
        refused,
    })
}

impl RefusedAddress {
    fn into_diagnostic(self, file_name: &str, position: Position) -> Diagnostic {
        let (kind, use_) =
            if self.is_image { (msg!("what-image"), Use::Embed) } else { (msg!("what-link"), Use::Link) };
        let message = msg!("E060", kind = kind, address = &self.address, reason = self.refused.explain(use_));
        Diagnostic::error(file_name, position, message).hint(self.refused.suggestion(use_))
    }
}

/// Gives every heading an id (the author's `{#id}` or one made from its text) and lists them
/// for the "in this chapter" links. A `#` heading is demoted: the page title is the only h1.
fn settle_headings(
    file_name: &str,
    lines: &LineIndex,
    events: &mut [(Event<'static>, usize)],
    problems: &mut Vec<Diagnostic>,
) -> Vec<Heading> {
    let mut ids = headings::IdAllocator::new();
    let mut found = Vec::new();
    let mut index = 0;
    while index < events.len() {
        let (Event::Start(Tag::Heading { level, id, classes, attrs }), offset) = &events[index] else {
            index += 1;
            continue;
        };
        let (mut level, written_id, position) = (*level, id.clone(), lines.position(*offset));
        if !classes.is_empty() || !attrs.is_empty() {
            problems
                .push(Diagnostic::error(file_name, position, msg!("E071")).with_line(lines.line_text(position.line)));
        }
        let end =
            index + events[index..].iter().position(|(e, _)| matches!(e, Event::End(TagEnd::Heading(_)))).unwrap_or(0);
        let text: String = events[index..end]
            .iter()
            .filter_map(|(e, _)| match e {
                Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        if level == HeadingLevel::H1 {
            problems
                .push(Diagnostic::warning(file_name, position, msg!("W001")).with_line(lines.line_text(position.line)));
            level = HeadingLevel::H2;
        }
        let id = match written_id {
            Some(id) if ids.claim(&id) => id.to_string(),
            Some(id) => {
                problems.push(
                    Diagnostic::error(file_name, position, msg!("E072", id = id.to_string()))
                        .with_line(lines.line_text(position.line)),
                );
                ids.allocate(&id)
            }
            None => ids.allocate(&slugify(&text)),
        };
        if let Event::Start(Tag::Heading { level: l, id: i, classes, attrs }) = &mut events[index].0 {
            *l = level;
            *i = Some(CowStr::from(id.clone()));
            classes.clear();
            attrs.clear();
        }
        if let Event::End(TagEnd::Heading(l)) = &mut events[end].0 {
            *l = level;
        }
        found.push(Heading { level: level as u8, id, text: text.trim().to_string(), position });
        index = end + 1;
    }
    found
}

/// HTML for the body, with every link and image address passed through `rewrite`, and the
/// running text through `text` (which must escape it; it may add furigana and line-break
/// points). Code, the alt text of images, and text inside the author's own `<ruby>` or
/// `<code>` are escaped as written.
pub(crate) fn to_html(parsed: &ParsedBody, rewrite: &dyn Fn(&str) -> String, text: &dyn Fn(&str) -> String) -> String {
    let markdown = html_with_line_breaks(parsed, rewrite, text);
    match &parsed.html {
        // The author's HTML keeps the line breaks between its blocks; those at the ends
        // of the body show nothing.
        Some(html) => {
            compact::drop_block_line_breaks(&html.fill(&markdown, rewrite, text)).trim_matches('\n').to_string()
        }
        None => compact::drop_block_line_breaks(&markdown),
    }
}

/// The Markdown as pulldown-cmark writes it, with a line break after every block, and
/// `raw_html::PIECE` where each piece of the author's HTML goes.
fn html_with_line_breaks(
    parsed: &ParsedBody,
    rewrite: &dyn Fn(&str) -> String,
    text: &dyn Fn(&str) -> String,
) -> String {
    let mut verbatim = 0; // inside a code block or an image's alt text
    let pieces = parsed.html.as_ref().map_or(&[][..], |html| html.pieces());
    let mut run = 0; // the stretch of Markdown between pieces of HTML, and the next piece
    let events = parsed.events.iter().enumerate().filter_map(|(index, event)| {
        if let Some(piece) = pieces.get(run)
            && piece.contains(&index)
        {
            if index + 1 == piece.end {
                run += 1;
            }
            return (index == piece.start).then(|| Event::InlineHtml(raw_html::PIECE.to_string().into()));
        }
        Some(match event.clone() {
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                Event::Start(Tag::Link { link_type, dest_url: rewrite(&dest_url).into(), title, id })
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                verbatim += 1;
                Event::Start(Tag::Image { link_type, dest_url: rewrite(&dest_url).into(), title, id })
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                verbatim += 1;
                Event::Start(Tag::CodeBlock(kind))
            }
            Event::End(end @ (TagEnd::Image | TagEnd::CodeBlock)) => {
                verbatim -= 1;
                Event::End(end)
            }
            Event::Text(plain) if verbatim == 0 => {
                let as_written = parsed.html.as_ref().is_some_and(|html| html.is_verbatim(run));
                Event::InlineHtml(if as_written { crate::japanese::escape(&plain) } else { text(&plain) }.into())
            }
            other => other,
        })
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, tables::for_the_page(events));
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::japanese::escape as plain_text;

    fn parse_body(body: &str) -> (ParsedBody, Vec<Diagnostic>) {
        let text = format!("---\ntitle: t\n---\n{body}");
        parse("a.md", &text, "---\ntitle: t\n---\n".len())
    }

    #[test]
    fn headings_get_stable_ids_and_a_table_of_contents() {
        let (parsed, problems) = parse_body("## はじめに\n\n## 相談先 {#contacts-desk}\n\n### はじめに\n");
        assert!(problems.is_empty());
        let ids: Vec<&str> = parsed.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["はじめに", "contacts-desk", "はじめに-2"]);
        let html = to_html(&parsed, &|d| d.to_string(), &plain_text);
        assert!(html.contains("<h2 id=\"contacts-desk\">相談先</h2>"), "{html}");
    }

    #[test]
    fn script_is_an_error_at_its_line() {
        let (_, problems) = parse_body("本文\n\n<script>alert(1)</script>\n");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].position, Position::new(6, 1));
        assert!(problems[0].text(crate::messages::Lang::En).contains("<script>"));
    }

    #[test]
    fn links_are_listed_with_positions_and_rewritten() {
        let (parsed, _) = parse_body("詳しくは[始め方](../acp/how-to-start.md#steps)へ。\n");
        assert_eq!(parsed.links[0].dest, "../acp/how-to-start.md#steps");
        assert_eq!(parsed.links[0].position, Position::new(4, 5));
        let html = to_html(&parsed, &|_| "../../acp/how-to-start/#steps".to_string(), &plain_text);
        assert!(html.contains("href=\"../../acp/how-to-start/#steps\""), "{html}");
    }

    #[test]
    fn tables_and_footnotes_and_strikethrough_render() {
        let (parsed, _) = parse_body("|a|b|\n|-|-|\n|1|2|\n\n~~古い~~注[^1]\n\n[^1]: 注釈\n");
        let html = to_html(&parsed, &|d| d.to_string(), &plain_text);
        assert!(html.contains("<div class=\"table-wrap\" tabindex=\"0\"><table>"), "{html}");
        assert!(html.contains("<del>古い</del>"), "{html}");
        assert!(html.contains("footnote-definition"), "{html}");
    }
}
