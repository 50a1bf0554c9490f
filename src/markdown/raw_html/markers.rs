//! Markers tebiki puts in a chapter's HTML while it is checked, and fills in afterwards.
//!
//! They are made of Unicode noncharacters (U+FDD0…), which no file tebiki reads may contain
//! (`source::decode`) and which a character reference in the HTML cannot sneak in either
//! (`check` refuses them), so a marker can only be tebiki's own.

/// Stands for the `k`th stretch of Markdown between pieces of HTML.
pub(super) fn run(k: usize) -> String {
    format!("\u{FDD0}{k}\u{FDD1}")
}

/// Stands for the `n`th address written in the HTML, replaced by where it leads.
pub(super) fn address(n: usize) -> String {
    format!("\u{FDD2}{n}\u{FDD3}")
}

/// Where a piece of HTML was, in the Markdown rendered without it.
pub(crate) const PIECE: char = '\u{FDD4}';

/// The run numbers of the run markers in `text`, in order.
pub(super) fn runs_in(text: &str) -> impl Iterator<Item = usize> + '_ {
    numbers(text, '\u{FDD0}', '\u{FDD1}').map(|(n, _)| n)
}

/// The first run marker in `text`: its number and byte range.
pub(super) fn first_run(text: &str) -> Option<(usize, std::ops::Range<usize>)> {
    numbers(text, '\u{FDD0}', '\u{FDD1}').next()
}

/// `text` without its run markers.
pub(super) fn without_runs(text: &str) -> String {
    let mut out = String::new();
    let mut last = 0;
    for (_, range) in numbers(text, '\u{FDD0}', '\u{FDD1}') {
        out.push_str(&text[last..range.start]);
        last = range.end;
    }
    out.push_str(&text[last..]);
    out
}

/// Stands for the `n`th text written inside the HTML, replaced by its typeset form.
pub(super) fn text(n: usize) -> String {
    format!("\u{FDD5}{n}\u{FDD6}")
}

/// The kinds of marker `fill` fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Run,
    Address,
    Text,
}

const KINDS: [(char, char); 3] = [('\u{FDD0}', '\u{FDD1}'), ('\u{FDD2}', '\u{FDD3}'), ('\u{FDD5}', '\u{FDD6}')];

/// `template` with every marker replaced by what `with` gives for its kind and number.
/// Markers `with` has nothing for are left as they are.
pub(super) fn fill(template: &str, with: &dyn Fn(Kind, usize) -> Option<String>) -> String {
    crate::placeholders::fill(template, &KINDS, &|kind, name| {
        let kind = [Kind::Run, Kind::Address, Kind::Text][kind];
        with(kind, name.parse().ok()?).map(Into::into)
    })
}

/// Numbers written between `open` and `close`, with the byte range of each marker.
fn numbers(text: &str, open: char, close: char) -> impl Iterator<Item = (usize, std::ops::Range<usize>)> + '_ {
    text.match_indices(open).filter_map(move |(start, _)| {
        let after = start + open.len_utf8();
        let end = after + text[after..].find(close)?;
        let number = text[after..end].parse().ok()?;
        Some((number, start..end + close.len_utf8()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_found_and_filled() {
        let template = format!("<b>{}</b><a href=\"{}\">{}</a>", run(0), address(0), run(1));
        assert_eq!(runs_in(&template).collect::<Vec<_>>(), [0, 1]);
        let runs = ["太字", "リンク"];
        let filled = fill(&template, &|kind, n| match kind {
            Kind::Run => runs.get(n).map(|r| r.to_string()),
            _ => (n == 0).then(|| "../x/".to_string()),
        });
        assert_eq!(filled, "<b>太字</b><a href=\"../x/\">リンク</a>");
        assert_eq!(without_runs(&format!("a{}b", run(3))), "ab");
    }

    #[test]
    fn a_marker_without_its_fill_is_left_alone() {
        let template = format!("{}{}{}\u{FDD0}x", run(5), address(9), text(1));
        assert_eq!(fill(&template, &|_, _| None), template);
    }
}
