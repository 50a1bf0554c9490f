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
pub(super) fn pieces(events: &[(Event<'static>, usize)]) -> Vec<Range<usize>> {
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
pub(super) struct Joined<'f> {
    text: String,
    /// The text with ASCII letters in lower case, for finding tag and attribute names.
    lower: String,
    /// (offset in `text`, offset in the file, length) of each event's HTML.
    spans: Vec<(usize, usize, usize)>,
    /// Offset in `text` of each piece's first byte.
    piece_starts: Vec<usize>,
    /// Offset in `text` of each line's first byte.
    line_starts: Vec<usize>,
    file_lines: LineIndex<'f>,
}

/// How many lines before the one the parser names a tag may start on (a tag written over
/// more lines is pointed at by its line only). It bounds the search, so that thousands of
/// findings in one chapter cost each a few lines, not the whole text.
const TAG_LINES: usize = 20;

impl<'f> Joined<'f> {
    pub(super) fn new(events: &[(Event<'static>, usize)], pieces: &[Range<usize>], file_text: &'f str) -> Joined<'f> {
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
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Joined { text, lower, spans, piece_starts, line_starts, file_lines: LineIndex::new(file_text) }
    }

    pub(super) fn text(&self) -> &str {
        &self.text
    }

    /// The line of the joined text a piece starts on.
    pub(super) fn line_of_piece(&self, piece: usize) -> u64 {
        let start = self.piece_starts[piece.min(self.piece_starts.len() - 1)];
        self.line_starts.partition_point(|&line_start| line_start <= start) as u64
    }

    /// The line of the file `position` is on, for the message.
    pub(super) fn file_line(&self, position: Position) -> &'f str {
        self.file_lines.line_text(position.line)
    }

    /// Where in the file `needle` is, on `line` of the joined text or, for a tag written
    /// over several lines, on a line before it (the parser counts the line a tag ends on).
    pub(super) fn position(&self, line: u64, needle: &Needle) -> Position {
        let (line_start, line_end) = self.line_bounds(line);
        let (window_start, _) = self.line_bounds(line.saturating_sub(TAG_LINES as u64).max(1));
        let window = &self.lower[window_start..line_end];
        let found = match needle {
            Needle::Tag(tag) => window.rfind(tag.as_str()),
            Needle::Attribute { element, attribute } => attribute_in(window, &format!("<{element}"), attribute),
            Needle::Line => None,
        }
        .map(|at| window_start + at);
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

    fn line_bounds(&self, line: u64) -> (usize, usize) {
        let index = (line.max(1) as usize - 1).min(self.line_starts.len() - 1);
        let start = self.line_starts[index];
        let end = self.line_starts.get(index + 1).map_or(self.text.len(), |&next| next - 1);
        (start, end)
    }
}

/// Where `attribute` is in the last tag `tag` of `text` that has it.
fn attribute_in(text: &str, tag: &str, attribute: &str) -> Option<usize> {
    let mut before = text.len();
    while let Some(start) = text[..before].rfind(tag) {
        let tag_end = text[start + 1..].find('<').map_or(text.len(), |i| start + 1 + i);
        if let Some(at) = text[start..tag_end].find(attribute) {
            return Some(start + at);
        }
        before = start;
    }
    None
}
