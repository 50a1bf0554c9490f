//! Places in a text: the line and column a person sees in their editor, and the byte offsets
//! they are found from.

/// A place in a file, 1-based, columns counted in characters (not bytes) so that Japanese
/// text points at the right character.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub(crate) struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub(crate) const START: Position = Position { line: 1, column: 1 };

    pub(crate) fn new(line: usize, column: usize) -> Self {
        Position { line, column }
    }
}

pub(crate) struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { text, line_starts }
    }

    /// The text of 1-based `line`, without its line end (empty past the last line).
    pub(crate) fn line_text(&self, line: usize) -> &'a str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else { return "" };
        let end = self.line_starts.get(line).map_or(self.text.len(), |&next| next - 1);
        self.text[start..end].trim_end_matches('\r')
    }

    /// 1-based line and character column of byte `offset`.
    pub(crate) fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line - 1];
        let column = self.text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        Position::new(line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let index = LineIndex::new("---\n認知症の[リンク](x.md)\n");
        assert_eq!(index.position(0), Position::new(1, 1));
        assert_eq!(index.position(4), Position::new(2, 1));
        assert_eq!(index.position(4 + "認知症の".len()), Position::new(2, 5));
        assert_eq!(index.line_text(2), "認知症の[リンク](x.md)");
        assert_eq!(index.line_text(9), "");
    }
}
