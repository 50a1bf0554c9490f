//! Markdown tables as the page shows them.
//!
//! - A table scrolls sideways inside its own box on a narrow phone instead of widening the
//!   page, so it is wrapped in a focusable `div`.
//! - pulldown-cmark writes a column's alignment as a `style` attribute, which the page's
//!   security policy does not run (no inline styles); an aligned column's cells get a class
//!   of the theme instead (`align-left`, `align-center`, `align-right`).

use pulldown_cmark::{Alignment, CowStr, Event, Tag, TagEnd};

pub(super) fn for_the_page<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    let mut alignments: Vec<Alignment> = Vec::new();
    let (mut in_head, mut column) = (false, 0);
    events.flat_map(move |event| {
        let aligned = alignments.iter().any(|a| *a != Alignment::None);
        let cell = if in_head { "th" } else { "td" };
        let out: Vec<Event<'a>> = match event {
            Event::Start(Tag::Table(columns)) => {
                alignments = columns;
                let plain = vec![Alignment::None; alignments.len()];
                vec![
                    Event::Html(CowStr::Borrowed("<div class=\"table-wrap\" tabindex=\"0\">")),
                    Event::Start(Tag::Table(plain)),
                ]
            }
            Event::End(TagEnd::Table) => {
                alignments.clear();
                vec![Event::End(TagEnd::Table), Event::Html(CowStr::Borrowed("</div>"))]
            }
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => {
                in_head = matches!(event, Event::Start(Tag::TableHead));
                column = 0;
                vec![event]
            }
            Event::Start(Tag::TableCell) if aligned => {
                let class = match alignments.get(column) {
                    Some(Alignment::Left) => " class=\"align-left\"",
                    Some(Alignment::Center) => " class=\"align-center\"",
                    Some(Alignment::Right) => " class=\"align-right\"",
                    _ => "",
                };
                vec![Event::InlineHtml(format!("<{cell}{class}>").into())]
            }
            Event::End(TagEnd::TableCell) if aligned => {
                column += 1;
                vec![Event::InlineHtml(format!("</{cell}>").into())]
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                vec![event]
            }
            other => vec![other],
        };
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(markdown: &str) -> String {
        let mut out = String::new();
        let events = pulldown_cmark::Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_TABLES);
        pulldown_cmark::html::push_html(&mut out, for_the_page(events));
        out
    }

    #[test]
    fn tables_scroll_in_their_own_box() {
        let out = html("|a|b|\n|-|-|\n|1|2|\n");
        assert!(out.starts_with("<div class=\"table-wrap\" tabindex=\"0\"><table>"), "{out}");
        assert!(out.contains("<th>a</th>") && out.contains("<td>2</td>") && out.ends_with("</table>\n</div>"), "{out}");
    }

    #[test]
    fn aligned_columns_get_classes_not_styles() {
        let out = html("|a|b|c|\n|:-|:-:|-:|\n|1|2|3|\n");
        assert!(!out.contains("style="), "{out}");
        assert!(out.contains("<th class=\"align-left\">a</th><th class=\"align-center\">b</th>"), "{out}");
        assert!(out.contains("<td class=\"align-right\">3</td>"), "{out}");
    }
}
