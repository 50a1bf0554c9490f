//! A chapter's pieces of HTML joined into the one text that is parsed, and the way back from
//! a line of that text to the line and column of the chapter file.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::check::Needle;
use super::markers;
use crate::diagnostics::Position;
use crate::text_position::LineIndex;

/// The event ranges that are the author's HTML: runs of HTML events (with the empty
/// `HtmlBlock` tags around them). HTML inside an image's alt text is text, not HTML.
pub fn pieces(events: &[(Event<'static>, usize)]) -> Vec<Range<usize>> {
    let mut pieces: Vec<Range<usize>> = Vec::new();
    let mut in_image = 0usize;
    for (index, (event, _)) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            _ => {}
        }
        let is_html = in_image == 0
            && matches!(
                event,
                Event::Html(_) | Event::InlineHtml(_) | Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock)
            );
        match pieces.last_mut() {
            Some(last) if is_html && last.end == index => last.end = index + 1,
            _ if is_html => pieces.push(index..index + 1),
            _ => {}
        }
    }
    pieces.retain(|p| events[p.clone()].iter().any(|(e, _)| matches!(e, Event::Html(_) | Event::InlineHtml(_))));
    pieces
}

/// The pieces of HTML joined into one text, with a run marker for each Markdown stretch
/// (before the first piece, between pieces, after the last), and where each byte of the
/// HTML came from in the file.
pub struct Joined<'f> {
    text: String,
    /// The text with ASCII letters in lower case, for finding tag and attribute names.
    lower: String,
    /// (offset in `text`, offset in the file, length) of each event's HTML.
    spans: Vec<(usize, usize, usize)>,
    /// Offset in `text` of each piece's first byte.
    piece_starts: Vec<usize>,
    file_lines: LineIndex<'f>,
}

impl<'f> Joined<'f> {
    pub fn new(events: &[(Event<'static>, usize)], pieces: &[Range<usize>], file_text: &'f str) -> Joined<'f> {
        let mut text = markers::run(0);
        let (mut spans, mut piece_starts) = (Vec::new(), Vec::new());
        for (number, piece) in pieces.iter().enumerate() {
            piece_starts.push(text.len());
            for (event, offset) in &events[piece.clone()] {
                if let Event::Html(html) | Event::InlineHtml(html) = event {
                    spans.push((text.len(), *offset, html.len()));
                    text.push_str(html);
                }
            }
            text.push_str(&markers::run(number + 1));
        }
        let lower = text.to_ascii_lowercase();
        Joined { text, lower, spans, piece_starts, file_lines: LineIndex::new(file_text) }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The line of the joined text a piece starts on.
    pub fn line_of_piece(&self, piece: usize) -> u64 {
        let start = self.piece_starts[piece.min(self.piece_starts.len() - 1)];
        self.text[..start].matches('\n').count() as u64 + 1
    }

    /// Where in the file `needle` is, on `line` of the joined text or, for a tag written
    /// over several lines, on a line before it (the parser counts the line a tag ends on).
    pub fn position(&self, line: u64, needle: &Needle) -> Position {
        let (line_start, line_end) = self.line_bounds(line);
        let found = match needle {
            Needle::Tag(tag) => self.lower[..line_end].rfind(tag.as_str()),
            Needle::Attribute { element, attribute } => self.attribute(&format!("<{element}"), attribute, line_end),
            Needle::Line => None,
        };
        let offset = found.unwrap_or(line_start);
        // The nearest byte at or after `offset` that came from the file, or the last one.
        let in_file = self.spans.iter().find(|(start, _, len)| offset < start + len);
        match in_file.or(self.spans.last()) {
            Some((start, file, len)) => {
                let inside = offset.saturating_sub(*start).min(len.saturating_sub(1));
                self.file_lines.position(file + inside)
            }
            None => Position::START,
        }
    }

    /// The attribute in the nearest tag before `end` that has it.
    fn attribute(&self, tag: &str, attribute: &str, end: usize) -> Option<usize> {
        let mut before = end;
        while let Some(start) = self.lower[..before].rfind(tag) {
            let tag_end = self.lower[start + 1..end].find('<').map_or(end, |i| start + 1 + i);
            if let Some(at) = self.lower[start..tag_end].find(attribute) {
                return Some(start + at);
            }
            before = start;
        }
        None
    }

    fn line_bounds(&self, line: u64) -> (usize, usize) {
        let mut start = 0;
        for _ in 1..line {
            match self.text[start..].find('\n') {
                Some(i) => start += i + 1,
                None => break,
            }
        }
        let end = self.text[start..].find('\n').map_or(self.text.len(), |i| start + i);
        (start, end)
    }
}
