//! Chapter bodies: Markdown in, checked events out, HTML once links are known.
//!
//! Parsing happens once per chapter file. The first pass (`parse`) settles everything that
//! depends only on the file itself: heading ids, Japanese line joining, refused scripts, and
//! the list of links with their positions. Links can only be checked once every chapter of
//! every language is known, so `to_html` takes a function that rewrites each link address.

mod compact;
mod headings;
mod raw_html;
mod sections;
mod soft_breaks;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::diagnostics::{Diagnostic, Position};
use crate::text_position::LineIndex;

pub use headings::{RESERVED_IDS, slugify};
pub use sections::Section;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
    pub position: Position,
}

/// A link or image address written in the chapter, where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkRef {
    pub dest: String,
    pub position: Position,
    pub is_image: bool,
    /// The link's words (an image's alt text).
    pub text: String,
}

#[derive(Clone, Debug, Default)]
pub struct ParsedBody {
    events: Vec<Event<'static>>,
    pub headings: Vec<Heading>,
    pub links: Vec<LinkRef>,
}

impl ParsedBody {
    /// The Markdown as pulldown-cmark events, after tebiki's passes (heading ids, Japanese
    /// lines joined): what the booklet lays out.
    pub fn events(&self) -> &[Event<'static>] {
        &self.events
    }

    pub fn has_heading_id(&self, id: &str) -> bool {
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
pub fn parse(file_name: &str, file_text: &str, body_offset: usize) -> (ParsedBody, Vec<Diagnostic>) {
    let body = &file_text[body_offset..];
    let lines = LineIndex::new(file_text);
    let at = |range: &std::ops::Range<usize>| lines.position(body_offset + range.start);
    let mut problems = Vec::new();
    let mut links = Vec::new();
    let mut events: Vec<(Event<'static>, Position)> = Vec::new();
    let mut open_links: usize = 0;

    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        let position = at(&range);
        match &event {
            Event::Html(html) | Event::InlineHtml(html) => {
                if let Some(what) = raw_html::script_in_html(html) {
                    problems.push(
                        Diagnostic::error(file_name, position, format!("the chapter contains {what}"))
                            .expected("text and formatting only: chapters are content, not code")
                            .suggestion("remove it; if the page needs an interactive feature, it belongs in the theme")
                            .with_source(file_text),
                    );
                    continue;
                }
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                let is_image = matches!(event, Event::Start(Tag::Image { .. }));
                if let Some(what) = raw_html::script_in_html(&format!("<a href=\"{dest_url}\">")) {
                    problems.push(
                        Diagnostic::error(file_name, position, format!("the link address is {what}"))
                            .expected("a chapter (.md), a page address (https://…), mailto: or tel:")
                            .with_source(file_text),
                    );
                }
                links.push(LinkRef { dest: dest_url.to_string(), position, is_image, text: String::new() });
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
        events.push((event.into_static(), position));
    }
    soft_breaks::join_japanese_lines(&mut events);
    let headings = settle_headings(file_name, file_text, &mut events, &mut problems);
    let events = wrap_tables(events.into_iter().map(|(e, _)| e));
    (ParsedBody { events, headings, links }, problems)
}

/// Gives every heading an id (the author's `{#id}` or one made from its text) and lists them
/// for the "in this chapter" links. A `#` heading is demoted: the page title is the only h1.
fn settle_headings(
    file_name: &str,
    file_text: &str,
    events: &mut [(Event<'static>, Position)],
    problems: &mut Vec<Diagnostic>,
) -> Vec<Heading> {
    let mut ids = headings::IdAllocator::new();
    let mut found = Vec::new();
    let mut index = 0;
    while index < events.len() {
        let (Event::Start(Tag::Heading { level, id, .. }), position) = &events[index] else {
            index += 1;
            continue;
        };
        let (mut level, written_id, position) = (*level, id.clone(), *position);
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
            problems.push(
                Diagnostic::warning(file_name, position, "a `#` heading in a chapter is shown as `##`")
                    .expected("sections that start at `##`; the chapter's title comes from `title:`")
                    .suggestion("write `## ` instead of `# `")
                    .with_source(file_text),
            );
            level = HeadingLevel::H2;
        }
        let id = match written_id {
            Some(id) if ids.claim(&id) => id.to_string(),
            Some(id) => {
                problems.push(
                    Diagnostic::error(file_name, position, format!("the heading id `{id}` is used twice on this page"))
                        .suggestion("give each heading its own {#id}")
                        .with_source(file_text),
                );
                ids.allocate(&id)
            }
            None => ids.allocate(&slugify(&text)),
        };
        if let Event::Start(Tag::Heading { level: l, id: i, .. }) = &mut events[index].0 {
            *l = level;
            *i = Some(CowStr::from(id.clone()));
        }
        if let Event::End(TagEnd::Heading(l)) = &mut events[end].0 {
            *l = level;
        }
        found.push(Heading { level: level as u8, id, text: text.trim().to_string(), position });
        index = end + 1;
    }
    found
}

/// Tables scroll sideways inside their own box on a narrow phone instead of widening the page.
fn wrap_tables(events: impl Iterator<Item = Event<'static>>) -> Vec<Event<'static>> {
    let mut out = Vec::new();
    for event in events {
        let closes_table = matches!(event, Event::End(TagEnd::Table));
        if matches!(event, Event::Start(Tag::Table(_))) {
            out.push(Event::Html(CowStr::Borrowed("<div class=\"table-wrap\" tabindex=\"0\">")));
        }
        out.push(event);
        if closes_table {
            out.push(Event::Html(CowStr::Borrowed("</div>")));
        }
    }
    out
}

/// HTML for the body, with every link and image address passed through `rewrite`, and the
/// running text through `text` (which must escape it; it may add furigana and line-break
/// points). Code, and the alt text of images, are left to pulldown-cmark.
pub fn to_html(parsed: &ParsedBody, rewrite: &dyn Fn(&str) -> String, text: &dyn Fn(&str) -> String) -> String {
    compact::drop_block_line_breaks(&html_with_line_breaks(parsed, rewrite, text))
}

/// `to_html` as pulldown-cmark writes it, with a line break after every block.
fn html_with_line_breaks(
    parsed: &ParsedBody,
    rewrite: &dyn Fn(&str) -> String,
    text: &dyn Fn(&str) -> String,
) -> String {
    let mut verbatim = 0; // inside a code block or an image's alt text
    let events = parsed.events.iter().cloned().map(|event| match event {
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
        Event::Text(plain) if verbatim == 0 => Event::InlineHtml(text(&plain).into()),
        other => other,
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
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
        assert!(problems[0].message.contains("<script>"));
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
