//! Imposition for a saddle-stitched booklet printed on an office printer: A4 landscape
//! sheets with two A5 pages on each side, in the order that, folded in the middle and
//! stapled, reads 1, 2, 3 … The booklet's page count is already a multiple of four.

use clap::ValueEnum;

/// How the printer turns the sheet for the second side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Duplex {
    /// Flip on the short edge: the usual setting for a landscape booklet.
    ShortEdge,
    /// Flip on the long edge: every back side is printed upside down to come out right.
    LongEdge,
}

/// The pages (1-based) on each printed side, left then right: sheet by sheet, front then
/// back. For 8 pages: (8, 1), (2, 7), (6, 3), (4, 5).
pub(crate) fn sides(pages: usize) -> Vec<(usize, usize)> {
    debug_assert!(pages.is_multiple_of(4));
    (0..pages / 4)
        .flat_map(|sheet| {
            let outer = 2 * sheet;
            [(pages - outer, 1 + outer), (2 + outer, pages - 1 - outer)]
        })
        .collect()
}

/// The Typst document placing the booklet's pages (`/booklet.pdf`) on A4 landscape sides.
pub(crate) fn document(pages: usize, duplex: Duplex) -> String {
    let mut out = format!("#set document(keywords: (\"{}\",))\n", super::PDF_KEYWORD);
    out.push_str(
        "#set page(paper: \"a4\", flipped: true, margin: 0mm)\n\
         #let side(left, right, turned) = {\n\
         \x20 let pair = grid(columns: 2, image(\"/booklet.pdf\", page: left, width: 148mm), image(\"/booklet.pdf\", page: right, width: 148mm))\n\
         \x20 align(center + horizon, if turned { rotate(180deg, pair) } else { pair })\n\
         }\n",
    );
    for (index, (left, right)) in sides(pages).into_iter().enumerate() {
        let back = index % 2 == 1;
        let turned = back && duplex == Duplex::LongEdge;
        if index > 0 {
            out.push_str("#pagebreak()\n");
        }
        out.push_str(&format!("#side({left}, {right}, {turned})\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saddle_stitch_order() {
        assert_eq!(sides(4), [(4, 1), (2, 3)]);
        assert_eq!(sides(8), [(8, 1), (2, 7), (6, 3), (4, 5)]);
        // Every page appears once.
        let mut all: Vec<usize> = sides(16).into_iter().flat_map(|(a, b)| [a, b]).collect();
        all.sort();
        assert_eq!(all, (1..=16).collect::<Vec<_>>());
    }

    #[test]
    fn long_edge_turns_the_back_sides() {
        let short = document(8, Duplex::ShortEdge);
        let long = document(8, Duplex::LongEdge);
        assert!(!short.contains(", true)"));
        assert_eq!(long.matches(", true)").count(), 2);
    }
}
