//! A line break inside a Japanese paragraph must not become a space.
//!
//! Authors wrap long Japanese lines in their editor; CommonMark turns each soft break into a
//! space, which shows as a gap in the middle of a Japanese sentence. A soft break between two
//! East Asian wide characters is removed instead (the rule of CSS Text 3); next to Latin
//! letters, digits or Hangul it stays a space.

use pulldown_cmark::Event;

use crate::japanese::joins_without_space;

/// Removes the soft breaks that sit between two Japanese (or Chinese) characters.
pub(super) fn join_japanese_lines<T>(events: &mut Vec<(Event<'static>, T)>) {
    let mut keep = vec![true; events.len()];
    for index in 0..events.len() {
        if !matches!(events[index].0, Event::SoftBreak) {
            continue;
        }
        let before = events[..index].iter().rev().map_while(|(e, _)| inline_text(e)).find_map(|t| t.chars().last());
        let after = events[index + 1..].iter().map_while(|(e, _)| inline_text(e)).find_map(|t| t.chars().next());
        if let (Some(before), Some(after)) = (before, after) {
            keep[index] = !joins_without_space(before, after);
        }
    }
    let mut flags = keep.into_iter();
    events.retain(|_| flags.next().unwrap_or(true));
}

/// The text an inline event contributes; `Some("")` for inline markup (emphasis, links) that
/// the search for the neighbouring character passes through; `None` ends the search.
fn inline_text<'e>(event: &'e Event<'static>) -> Option<&'e str> {
    use pulldown_cmark::{Tag, TagEnd};
    match event {
        Event::Text(t) | Event::Code(t) => Some(t),
        Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. })
        | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link) => Some(""),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Parser, html};

    fn render(markdown: &str) -> String {
        let mut events: Vec<(Event<'static>, ())> = Parser::new(markdown).map(|e| (e.into_static(), ())).collect();
        join_japanese_lines(&mut events);
        let mut out = String::new();
        html::push_html(&mut out, events.into_iter().map(|(e, _)| e));
        out
    }

    #[test]
    fn japanese_lines_join_without_a_space() {
        assert_eq!(render("在宅医療は\n家で受ける医療です。"), "<p>在宅医療は家で受ける医療です。</p>\n");
        assert_eq!(render("**訪問看護**\nを使う"), "<p><strong>訪問看護</strong>を使う</p>\n");
    }

    #[test]
    fn latin_and_korean_lines_keep_the_space() {
        assert_eq!(render("home\ncare"), "<p>home\ncare</p>\n");
        assert_eq!(render("ACP\nとは"), "<p>ACP\nとは</p>\n");
        assert_eq!(render("집에서\n받는"), "<p>집에서\n받는</p>\n");
    }
}
