//! A chapter's text as plain sections split at its headings, for the search index: a result
//! links to the heading under which the words were found.

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

use super::ParsedBody;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// The heading's id; None for the text before the first heading.
    pub anchor: Option<String>,
    pub heading: String,
    pub text: String,
    /// The pieces of text as the Markdown parser delivered them: the same strings the page
    /// renderer annotates, so that the search index asks the tokenizer for the same texts.
    pub pieces: Vec<String>,
}

impl ParsedBody {
    /// The body split at `##` and `###` headings, as plain text (no markup, no raw HTML).
    pub fn sections(&self) -> Vec<Section> {
        let mut sections =
            vec![Section { anchor: None, heading: String::new(), text: String::new(), pieces: Vec::new() }];
        let mut in_heading = false;
        for event in &self.events {
            let current = sections.last_mut().expect("one section at least");
            match event {
                Event::Start(Tag::Heading { level: HeadingLevel::H2 | HeadingLevel::H3, id, .. }) => {
                    sections.push(Section {
                        anchor: id.as_ref().map(|i| i.to_string()),
                        heading: String::new(),
                        text: String::new(),
                        pieces: Vec::new(),
                    });
                    in_heading = true;
                }
                Event::End(TagEnd::Heading(_)) if in_heading => in_heading = false,
                Event::Text(text) | Event::Code(text) => {
                    if in_heading {
                        current.heading.push_str(text)
                    } else {
                        current.text.push_str(text);
                        current.pieces.push(text.to_string());
                    }
                }
                Event::SoftBreak => current.text.push(' '),
                Event::HardBreak
                | Event::End(
                    TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::Heading(_) | TagEnd::BlockQuote(_),
                ) if !current.text.ends_with('\n') && !current.text.is_empty() => current.text.push('\n'),
                _ => {}
            }
        }
        for section in &mut sections {
            section.text = section.text.trim().to_string();
            section.heading = section.heading.trim().to_string();
        }
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
        assert_eq!(
            sections,
            [
                Section {
                    anchor: None,
                    heading: String::new(),
                    text: "前置きです。".into(),
                    pieces: vec!["前置き".into(), "です".into(), "。".into()]
                },
                Section {
                    anchor: Some("desk".into()),
                    heading: "相談先".into(),
                    text: "窓口へ\n電話".into(),
                    pieces: vec!["窓口".into(), "へ".into(), "電話".into()]
                },
                Section {
                    anchor: Some("night".into()),
                    heading: "夜".into(),
                    text: "119番".into(),
                    pieces: vec!["119".into(), "番".into()]
                },
            ]
        );
    }
}
