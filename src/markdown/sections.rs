//! A chapter's text as plain sections split at its headings, for the search index: a result
//! links to the heading under which the words were found.

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

use super::ParsedBody;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Section {
    /// The heading's id; None for the text before the first heading.
    pub anchor: Option<String>,
    pub heading: String,
    /// Everything the section says, lines ended by `\n`: what a result shows.
    pub text: String,
    /// The pieces of text as the Markdown parser delivered them: the same strings the page
    /// renderer annotates, so that the search index asks the tokenizer for the same texts.
    pub pieces: Vec<String>,
    /// The pieces of list items that are nothing but a link ("pages to read next"): they
    /// name another page's subject, so the index weighs them little.
    pub link_pieces: Vec<String>,
    /// `text` without those items.
    pub prose: String,
}

/// What a list item has gathered so far; it goes to the item around it (or the section)
/// when it ends, as prose or as a link.
#[derive(Default)]
struct Item {
    text: String,
    prose: String,
    pieces: Vec<String>,
    link_pieces: Vec<String>,
    /// Whether any of the item's own text was outside a link, and whether any was inside one.
    outside_link: bool,
    inside_link: bool,
}

impl Item {
    fn end_line(&mut self) {
        if !self.text.ends_with('\n') && !self.text.is_empty() {
            self.text.push('\n');
        }
        if !self.prose.ends_with('\n') && !self.prose.is_empty() {
            self.prose.push('\n');
        }
    }

    /// Adds a finished item: its prose counts as prose unless the item is only a link.
    fn take(&mut self, mut item: Item) {
        let only_link = item.inside_link && !item.outside_link;
        self.text.push_str(&item.text);
        if only_link {
            self.link_pieces.append(&mut item.pieces);
        } else {
            self.prose.push_str(&item.prose);
            self.pieces.append(&mut item.pieces);
        }
        self.link_pieces.append(&mut item.link_pieces);
    }
}

impl ParsedBody {
    /// The body split at `##` and `###` headings, as plain text (no markup, no raw HTML).
    pub(crate) fn sections(&self) -> Vec<Section> {
        let mut sections = vec![Section::default()];
        // The section's own text is the bottom of the stack; each open list item is above it.
        let mut open: Vec<Item> = vec![Item::default()];
        let mut in_heading = false;
        let mut links = 0;
        let finish = |section: &mut Section, mut gathered: Item| {
            gathered.end_line();
            section.text = gathered.text.trim().to_string();
            section.prose = gathered.prose.trim().to_string();
            section.pieces = gathered.pieces;
            section.link_pieces = gathered.link_pieces;
            section.heading = section.heading.trim().to_string();
        };
        for event in &self.events {
            match event {
                Event::Start(Tag::Heading { level: HeadingLevel::H2 | HeadingLevel::H3, id, .. }) => {
                    while open.len() > 1 {
                        let item = open.pop().expect("more than one");
                        open.last_mut().expect("the section").take(item);
                    }
                    let gathered = std::mem::take(&mut open[0]);
                    finish(sections.last_mut().expect("one section at least"), gathered);
                    sections.push(Section { anchor: id.as_ref().map(|i| i.to_string()), ..Section::default() });
                    in_heading = true;
                }
                Event::End(TagEnd::Heading(_)) if in_heading => in_heading = false,
                Event::Start(Tag::Item) => {
                    // A list inside an item starts on a line of its own.
                    open.last_mut().expect("the section").end_line();
                    open.push(Item::default())
                }
                Event::End(TagEnd::Item) if open.len() > 1 => {
                    let mut item = open.pop().expect("an open item");
                    item.end_line();
                    open.last_mut().expect("the section").take(item);
                }
                Event::Start(Tag::Link { .. }) => links += 1,
                Event::End(TagEnd::Link) => links -= 1,
                Event::Text(text) | Event::Code(text) => {
                    if in_heading {
                        sections.last_mut().expect("one section at least").heading.push_str(text)
                    } else {
                        let current = open.last_mut().expect("the section");
                        current.text.push_str(text);
                        current.prose.push_str(text);
                        current.pieces.push(text.to_string());
                        if links > 0 { current.inside_link = true } else { current.outside_link = true }
                    }
                }
                Event::SoftBreak => {
                    let current = open.last_mut().expect("the section");
                    current.text.push(' ');
                    current.prose.push(' ');
                }
                Event::HardBreak
                | Event::End(TagEnd::Paragraph | TagEnd::TableCell | TagEnd::Heading(_) | TagEnd::BlockQuote(_)) => {
                    open.last_mut().expect("the section").end_line()
                }
                _ => {}
            }
        }
        while open.len() > 1 {
            let item = open.pop().expect("more than one");
            open.last_mut().expect("the section").take(item);
        }
        let gathered = open.pop().expect("the section");
        finish(sections.last_mut().expect("one section at least"), gathered);
        sections.retain(|s| !(s.anchor.is_none() && s.text.is_empty()));
        sections
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    #[test]
    fn text_is_split_at_headings_without_markup() {
        let text = "---\nt: 1\n---\n前置き**です**。\n\n## 相談先 {#desk}\n\n- [窓口](x.md)へ\n- 電話\n\n### 夜 {#night}\n\n`119`番\n";
        let (parsed, _) = parse("a.md", text, "---\nt: 1\n---\n".len());
        let sections = parsed.sections();
        let prose = |anchor: Option<&str>, heading: &str, text: &str, pieces: &[&str]| Section {
            anchor: anchor.map(str::to_string),
            heading: heading.into(),
            text: text.into(),
            prose: text.into(),
            pieces: pieces.iter().map(|p| p.to_string()).collect(),
            link_pieces: vec![],
        };
        assert_eq!(
            sections,
            [
                prose(None, "", "前置きです。", &["前置き", "です", "。"]),
                prose(Some("desk"), "相談先", "窓口へ\n電話", &["窓口", "へ", "電話"]),
                prose(Some("night"), "夜", "119番", &["119", "番"]),
            ]
        );
    }

    #[test]
    fn list_items_that_are_only_links_are_kept_apart_from_the_prose() {
        let text = "---\nt: 1\n---\n## 次に読む {#next}\n\n電話で相談できます。\n\n- [介護保険の申請](a.md)\n- [窓口](b.md)は平日です\n  - [夜間](c.md)\n";
        let (parsed, _) = parse("a.md", text, "---\nt: 1\n---\n".len());
        let [section] = &parsed.sections()[..] else { panic!("one section") };
        assert_eq!(section.text, "電話で相談できます。\n介護保険の申請\n窓口は平日です\n夜間");
        assert_eq!(section.prose, "電話で相談できます。\n窓口は平日です");
        assert_eq!(section.link_pieces, ["介護保険の申請", "夜間"]);
        assert_eq!(section.pieces, ["電話で相談できます。", "窓口", "は平日です"]);
    }
}
