//! Property tests of reading a chapter file: front-matter and body put together at random
//! from the pieces of YAML and Markdown that editors and attackers type (full-width colons,
//! tabs, brackets nested deep, anchors, tags, quotes). Reading never panics, and every
//! problem points at a line of the file.

use proptest::prelude::*;

use super::front_matter::{self, Kind, Vocabulary};
use crate::source::SourceFile;

/// YAML as typed, besides the keys of a chapter.
const YAML: &[&str] = &[
    "unknown",
    ":",
    "：",
    " ",
    "  ",
    "\t",
    "\n",
    "- ",
    "ー ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "、",
    "\"",
    "'",
    "#",
    "&a",
    "*a",
    "!!binary",
    "|",
    ">",
    "?",
    "---",
    "...",
    "10",
    "-1",
    "1e400",
    "2026-04-01",
    "２０２６/4/1",
    "true",
    "~",
    "認知症",
    "healthy",
    "end-of-lfe",
    "\\u00e9",
    "\u{3000}",
    "%YAML 1.2",
];

const BODY: &[&str] = &["## ", "本文", "\n", "\n\n", "<b>", "</b>", "[x](../a.md)", "`", "|a|\n|-|\n", "<!--", "&#0;"];

fn file() -> impl Strategy<Value = String> {
    let piece = prop_oneof![prop::sample::select(YAML), prop::sample::select(front_matter::CHAPTER_KEYS)];
    let yaml = prop::collection::vec(piece, 0..80).prop_map(|p| p.concat());
    let body = prop::collection::vec(prop::sample::select(BODY), 0..20).prop_map(|p| p.concat());
    let deep = prop::option::of((1usize..200).prop_map(|n| format!("title: {}\n", "[".repeat(n))));
    (yaml, body, deep).prop_map(|(yaml, body, deep)| format!("---\n{}{yaml}\n---\n{body}", deep.unwrap_or_default()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn reading_a_chapter_never_panics_and_points_into_the_file(text in file()) {
        let source = SourceFile { path: "content/ja/a.md".into(), name: "content/ja/a.md".into(), text: text.clone() };
        let stages = ["healthy".to_string()];
        let vocabulary = Vocabulary { life_stages: &stages, scenarios: &[], audiences: &[], contacts: vec![] };
        let lines = text.lines().count() + 1;
        match super::split::split(&source) {
            Err(problem) => prop_assert!(problem.position.line <= lines, "{problem:?}"),
            Ok(parts) => {
                let (_, problems) =
                    front_matter::read(&source.name, parts.front_matter, parts.front_matter_line, Kind::SourceChapter, &vocabulary);
                for problem in problems {
                    prop_assert!(problem.position.line >= 1 && problem.position.line <= lines, "{problem:?}\n{text}");
                }
                let (_, problems) = crate::markdown::parse(&source.name, &source.text, parts.body_offset);
                for problem in problems {
                    prop_assert!(problem.position.line <= lines, "{problem:?}");
                }
            }
        }
    }
}
