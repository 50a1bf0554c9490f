//! Chapters as Typst markup: the Markdown events of a chapter walked into calls of the
//! functions of themes/<theme>/booklet/booklet.typ (headings, lists, tables, figures), with
//! every text written by `typst_text`, so nothing in a chapter can be read as Typst.

use std::collections::BTreeMap;
use std::path::PathBuf;

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::content::Page;
use crate::diagnostics::{Diagnostic, Position};
use crate::guidebook::Guidebook;
use crate::japanese::Tokenizer;
use crate::links::{self, Target};
use crate::msg;

use super::typst_text::{LONG_WORD, breakable, long_runs, string, text, with_ruby};

/// The widest table an A5 page holds with readable text.
pub(super) const MAX_TABLE_COLUMNS: usize = 4;

/// A file the booklet shows (an image), by its path in the Typst world.
pub(super) struct Figure {
    pub virtual_path: String,
    pub file: PathBuf,
}

/// What one chapter needs besides its markup.
pub(super) struct Context<'a> {
    pub guidebook: &'a Guidebook,
    /// The booklet's language (a chapter not translated yet is in another).
    pub lang: &'a str,
    pub tokenizer: &'a Tokenizer,
    /// Readings over kanji (Japanese text only).
    pub ruby: bool,
    pub worksheet: bool,
    /// "（→{n}ページ）" in the reader's language.
    pub page_reference: &'a str,
}

/// Converts a page's Markdown to Typst markup. Images it shows are added to `figures`;
/// what cannot be printed is added to `problems`, naming the chapter file and the element.
pub(super) struct ChapterWriter<'a> {
    context: &'a Context<'a>,
    page: &'a Page,
    japanese: bool,
    footnotes: BTreeMap<String, String>,
    tables_seen: usize,
    pub figures: Vec<Figure>,
    pub problems: Vec<Diagnostic>,
    /// Runs of letters too long for a line, which the booklet breaks (see `breakable`).
    pub long_words: Vec<String>,
}

impl<'a> ChapterWriter<'a> {
    pub(super) fn new(context: &'a Context<'a>, page: &'a Page) -> ChapterWriter<'a> {
        let japanese = page.is_japanese();
        ChapterWriter {
            context,
            page,
            japanese,
            footnotes: BTreeMap::new(),
            tables_seen: 0,
            figures: Vec::new(),
            problems: Vec::new(),
            long_words: Vec::new(),
        }
    }

    pub(super) fn body(&mut self) -> String {
        let events = self.page.body.events();
        // Footnotes are printed at the foot of the page where they are referred to, so
        // their text is needed before the reference.
        let mut at = 0;
        while at < events.len() {
            if let Event::Start(Tag::FootnoteDefinition(name)) = &events[at] {
                at += 1;
                let content = self.walk(events, &mut at, Some(TagEnd::FootnoteDefinition));
                self.footnotes.insert(name.to_string(), content);
            } else {
                at += 1;
            }
        }
        self.tables_seen = 0;
        let mut at = 0;
        self.walk(events, &mut at, None)
    }

    fn inline(&mut self, plain: &str) -> String {
        self.long_words.extend(long_runs(plain, LONG_WORD).map(str::to_string));
        if self.japanese { with_ruby(plain, self.context.tokenizer, self.context.ruby) } else { text(plain) }
    }

    /// Markup of the events from `at` up to the end tag `until` (consumed).
    fn walk(&mut self, events: &[Event<'static>], at: &mut usize, until: Option<TagEnd>) -> String {
        let mut out = String::new();
        while *at < events.len() {
            let event = &events[*at];
            *at += 1;
            match event {
                Event::End(end) if Some(*end) == until => return out,
                Event::End(_) => {}
                Event::Start(tag) => out.push_str(&self.element(tag, events, at)),
                Event::Text(t) => out.push_str(&self.inline(t)),
                Event::Code(t) => out.push_str(&format!("#raw({});", string(t))),
                Event::InlineMath(t) | Event::DisplayMath(t) => out.push_str(&text(t)),
                Event::SoftBreak => {
                    if !self.japanese {
                        out.push_str(&text(" "));
                    }
                }
                Event::HardBreak => out.push_str("#linebreak();"),
                Event::Html(html) | Event::InlineHtml(html) => out.push_str(&html_as_text(html)),
                Event::FootnoteReference(name) => match self.footnotes.get(name.as_ref()) {
                    Some(note) => out.push_str(&format!("#footnote[{note}];")),
                    None => out.push_str(&text(&format!("[^{name}]"))),
                },
                Event::Rule => out.push_str("#line(length: 100%, stroke: 0.5pt);\n"),
                Event::TaskListMarker(done) => out.push_str(&text(if *done { "☑ " } else { "☐ " })),
            }
        }
        out
    }

    fn element(&mut self, tag: &Tag<'static>, events: &[Event<'static>], at: &mut usize) -> String {
        let end = tag.to_end();
        match tag {
            Tag::Paragraph => format!("{}#parbreak();\n", self.walk(events, at, Some(end))),
            Tag::Heading { level, .. } => {
                // The chapter title is the page's level 1; `#` in a chapter is read as `##`.
                let level = (*level as usize).max(2);
                format!("#heading(level: {level})[{}];\n", self.walk(events, at, Some(end)))
            }
            Tag::BlockQuote(_) => format!("#quote(block: true)[{}];\n", self.walk(events, at, Some(end))),
            Tag::CodeBlock(_) => format!("#raw(block: true, {});\n", string(&plain_text(events, at, end))),
            Tag::List(start) => self.list(*start, events, at),
            Tag::Emphasis => format!("#emph[{}];", self.walk(events, at, Some(end))),
            Tag::Strong => format!("#strong[{}];", self.walk(events, at, Some(end))),
            Tag::Strikethrough => format!("#strike[{}];", self.walk(events, at, Some(end))),
            Tag::Superscript => format!("#super[{}];", self.walk(events, at, Some(end))),
            Tag::Subscript => format!("#sub[{}];", self.walk(events, at, Some(end))),
            Tag::Link { dest_url, .. } => {
                let words = self.walk(events, at, Some(end));
                self.link(dest_url, words)
            }
            Tag::Image { dest_url, .. } => {
                let alt = plain_text(events, at, end);
                self.image(dest_url, &alt)
            }
            Tag::Table(alignments) => self.table(alignments.len(), events, at),
            Tag::FootnoteDefinition(_) => {
                self.walk(events, at, Some(end)); // printed where it is referred to
                String::new()
            }
            Tag::MetadataBlock(_) => {
                plain_text(events, at, end);
                String::new()
            }
            _ => self.walk(events, at, Some(end)),
        }
    }

    fn list(&mut self, start: Option<u64>, events: &[Event<'static>], at: &mut usize) -> String {
        let mut items = Vec::new();
        while *at < events.len() {
            let event = &events[*at];
            *at += 1;
            match event {
                Event::Start(Tag::Item) => {
                    let from = *at;
                    let mut item = self.walk(events, at, Some(TagEnd::Item));
                    let to_write = self.context.worksheet && asks_to_write(&events[from..*at]);
                    if to_write {
                        item.push_str("#write-lines();");
                    }
                    // A question and the lines to answer it, and a step of numbered
                    // instructions, are kept on one page: a reader should not turn the
                    // page in the middle of one.
                    let whole = to_write || start.is_some();
                    items.push(if whole {
                        format!("[#block(breakable: false)[{item}];]")
                    } else {
                        format!("[{item}]")
                    });
                }
                Event::End(TagEnd::List(_)) => break,
                _ => {}
            }
        }
        let items = items.join(", ");
        match start {
            Some(first) => format!("#enum(start: {first}, {items});\n"),
            None => format!("#list({items});\n"),
        }
    }

    fn link(&mut self, dest: &str, words: String) -> String {
        let guidebook = self.context.guidebook;
        // Links were checked when the guidebook was loaded, in every language.
        match links::resolve(guidebook, self.page, self.context.lang, dest) {
            Ok(Target::External(url)) if url.starts_with("http://") || url.starts_with("https://") => {
                // On paper the address is the link: print it unless the words are it.
                if words.contains(&string(&breakable(&url))) {
                    format!("#link({})[{words}];", string(&url))
                } else {
                    format!("#link({})[{words}];{}", string(&url), text(&format!("（{url}）")))
                }
            }
            Ok(Target::Chapter { slug, .. }) if guidebook.chapter(&slug).is_some() => {
                format!("{words}#page-of({}, {});", string(&label(&slug)), string(self.context.page_reference))
            }
            // This page, the front page, a file, a mail or phone address: the words alone.
            _ => words,
        }
    }

    fn image(&mut self, dest: &str, alt: &str) -> String {
        let base = self.page.slug.rsplit_once('/').map_or("", |(folder, _)| folder);
        let relative = links::normalise(base, dest.split('#').next().unwrap_or(dest));
        let guidebook = self.context.guidebook;
        let source = guidebook.source_code();
        let found = relative.as_ref().and_then(|relative| {
            [self.page.lang.as_str(), source]
                .into_iter()
                .find_map(|lang| guidebook.assets.get(lang).and_then(|assets| assets.get(relative)))
        });
        match found {
            Some(asset) => {
                let virtual_path = format!("images/{}/{}", asset.lang, asset.relative);
                self.figures.push(Figure { virtual_path: virtual_path.clone(), file: asset.path.clone() });
                format!("#figure(image({}, alt: {}, width: 80%));\n", string(&format!("/{virtual_path}")), string(alt))
            }
            None => {
                let position = self
                    .page
                    .body
                    .links
                    .iter()
                    .find(|l| l.is_image && l.dest == dest)
                    .map_or(Position::START, |l| l.position);
                self.problems.push(
                    Diagnostic::error(
                        &self.page.file.name,
                        position,
                        msg!("E128", image = dest, lang = &self.page.lang),
                    )
                    .with_source(&self.page.file.text),
                );
                String::new()
            }
        }
    }

    fn table(&mut self, columns: usize, events: &[Event<'static>], at: &mut usize) -> String {
        self.tables_seen += 1;
        if columns > MAX_TABLE_COLUMNS {
            let line = nth_table_line(&self.page.file.text, self.tables_seen);
            self.problems.push(
                Diagnostic::error(
                    &self.page.file.name,
                    Position::new(line, 1),
                    msg!("E129", columns = columns, most = MAX_TABLE_COLUMNS),
                )
                .with_source(&self.page.file.text),
            );
        }
        let mut header = Vec::new();
        let mut cells = Vec::new();
        let mut in_head = false;
        while *at < events.len() {
            let event = &events[*at];
            *at += 1;
            match event {
                Event::Start(Tag::TableHead) => in_head = true,
                Event::End(TagEnd::TableHead) => in_head = false,
                Event::Start(Tag::TableCell) => {
                    let cell = format!("[{}]", self.walk(events, at, Some(TagEnd::TableCell)));
                    if in_head { header.push(cell) } else { cells.push(cell) }
                }
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }
        format!("#table(columns: {columns}, table.header({}), {});\n", header.join(", "), cells.join(", "))
    }
}

/// The label of a chapter in the booklet, for page references.
pub(super) fn label(slug: &str) -> String {
    format!("chapter:{slug}")
}

/// A worksheet item that asks for an answer: its words end with a colon.
fn asks_to_write(events: &[Event<'static>]) -> bool {
    let mut words = String::new();
    let mut depth = 0;
    for event in events {
        match event {
            Event::Start(Tag::List(_)) => depth += 1,
            Event::End(TagEnd::List(_)) => depth -= 1,
            Event::Text(t) | Event::Code(t) if depth == 0 => words.push_str(t),
            _ => {}
        }
    }
    let words = words.trim_end();
    words.ends_with('：') || words.ends_with(':')
}

/// The text of the events up to the end tag `end` (consumed), without markup.
fn plain_text(events: &[Event<'static>], at: &mut usize, end: TagEnd) -> String {
    let mut out = String::new();
    let mut depth = 0;
    while *at < events.len() {
        let event = &events[*at];
        *at += 1;
        match event {
            Event::Start(_) => depth += 1,
            Event::End(e) if depth == 0 && *e == end => break,
            Event::End(_) => depth -= 1,
            Event::Text(t) | Event::Code(t) => out.push_str(t),
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// Raw HTML in a chapter, printed as the words it holds; `<br>` as a line break.
fn html_as_text(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    if lower.starts_with("<br") {
        return "#linebreak();".into();
    }
    let mut words = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => words.push(c),
            _ => {}
        }
    }
    text(words.trim_matches('\n'))
}

/// The line of the `n`th table in a Markdown text (its header row).
fn nth_table_line(text: &str, n: usize) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let mut seen = 0;
    for (index, pair) in lines.windows(2).enumerate() {
        let is_delimiter = |l: &str| {
            let t = l.trim();
            t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
        };
        if pair[0].trim_start().starts_with('|') && is_delimiter(pair[1]) {
            seen += 1;
            if seen == n {
                return index + 1;
            }
        }
    }
    1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worksheet_items_ending_in_a_colon_ask_for_an_answer() {
        let parse =
            |md: &str| -> Vec<Event<'static>> { pulldown_cmark::Parser::new(md).map(|e| e.into_static()).collect() };
        assert!(asks_to_write(&parse("お名前：")));
        assert!(asks_to_write(&parse("Name:")));
        assert!(!asks_to_write(&parse("□ 受けたい　□ 受けたくない")));
    }

    #[test]
    fn tables_are_found_by_their_header_row() {
        let text = "intro\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n| c |\n|:--|\n";
        assert_eq!(nth_table_line(text, 1), 3);
        assert_eq!(nth_table_line(text, 2), 7);
    }
}
