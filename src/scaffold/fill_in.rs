//! The stand-in text that `tebiki init` and `tebiki new` write for staff to replace: a city
//! called 〇〇市, a desk whose number is 000-000-0000, a chapter titled 新しい章の題名.
//!
//! They build, so that a new guidebook can be previewed at once, but they must never reach
//! a resident: `tebiki check` warns wherever one is left, and `tebiki booklet` refuses to
//! print one (a booklet, once printed, cannot be corrected) unless told
//! `--allow-placeholders`. Only these exact strings count, so the sample's fictional numbers
//! (000-555-0101 …) and any real text are never flagged.

use std::path::Path;

use aho_corasick::AhoCorasick;

use crate::diagnostics::{Diagnostic, display_path};
use crate::guidebook::Guidebook;
use crate::messages::Message;
use crate::msg;
use crate::text_position::LineIndex;

/// One stand-in: the exact text written, and what belongs in its place.
pub(crate) struct FillIn {
    pub text: &'static str,
    /// The catalogue's words for what belongs in its place.
    pub what: fn() -> Message,
}

pub(crate) const CITY: FillIn = FillIn { text: "〇〇市", what: || msg!("fill-in-city") };
pub(crate) const PHONE: FillIn = FillIn { text: "000-000-0000", what: || msg!("fill-in-phone") };
pub(crate) const ADDRESS: FillIn = FillIn { text: "www.city.example.jp", what: || msg!("fill-in-address") };
pub(crate) const TITLE: FillIn = FillIn { text: "新しい章の題名", what: || msg!("fill-in-title") };
pub(crate) const SUMMARY: FillIn =
    FillIn { text: "この章で伝えることを一文で書きます。", what: || msg!("fill-in-summary") };
pub(crate) const HEADING: FillIn = FillIn { text: "最初の見出し", what: || msg!("fill-in-heading") };
pub(crate) const BODY: FillIn = FillIn { text: "ここに本文を書きます。", what: || msg!("fill-in-body") };
pub(crate) const REVIEWER: FillIn = FillIn { text: "担当の課", what: || msg!("fill-in-reviewer") };

/// Every stand-in `init` and `new` write.
pub(crate) const ALL: &[FillIn] = &[CITY, PHONE, ADDRESS, TITLE, SUMMARY, HEADING, BODY, REVIEWER];

/// Whether a stand-in left in place is reported as a warning (`check`, `build`) or as an
/// error (`booklet`, which cannot take a printed page back).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Severity {
    Warning,
    Error,
}

/// Every stand-in left in what the site and booklet show: site.yaml, data/contacts.yaml,
/// and the published chapters and front pages (a draft is not published, so it may keep
/// them while it is being written).
pub(crate) fn find(root: &Path, guidebook: &Guidebook, severity: Severity) -> Vec<Diagnostic> {
    let finder = AhoCorasick::new(ALL.iter().map(|f| f.text)).expect("plain strings");
    let settings = [crate::config::FILE_NAME, crate::contacts::FILE_NAME]
        .into_iter()
        .filter_map(|name| crate::source::SourceFile::read(root, &root.join(name)).ok())
        .map(|file| (display_path(root, &file.path), file.text));
    let pages = guidebook
        .chapters
        .iter()
        .flat_map(|c| c.versions.values())
        .chain(guidebook.front_pages.values())
        .map(|page| (page.file.name.clone(), page.file.text.clone()));
    let mut found = Vec::new();
    for (name, text) in settings.chain(pages) {
        let lines = LineIndex::new(&text);
        for hit in finder.find_iter(&text) {
            let fill_in = &ALL[hit.pattern().as_usize()];
            let position = lines.position(hit.start());
            let what = (fill_in.what)();
            let diagnostic = match severity {
                Severity::Warning => {
                    Diagnostic::warning(&name, position, msg!("W006", text = fill_in.text, what = what))
                }
                Severity::Error => Diagnostic::error(&name, position, msg!("E151", text = fill_in.text, what = what)),
            };
            found.push(diagnostic.with_line(lines.line_text(position.line)));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn init_writes_the_city_phone_and_address_stand_ins_and_no_others_by_accident() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("g");
        crate::scaffold::init(&root, "2026-12-01", &crate::scaffold::Source::None).unwrap();
        let guidebook = crate::load(&root).expect("a new guidebook builds").guidebook;
        let found: Vec<(String, String)> = find(&root, &guidebook, Severity::Warning)
            .into_iter()
            .map(|d| {
                let text = d.message.args.iter().find(|(name, _)| *name == "text").map(|(_, v)| v.clone());
                let Some(crate::messages::Arg::Text(text)) = text else { panic!("a stand-in names its text: {d:?}") };
                (d.file.clone(), text)
            })
            .collect();
        let has = |file: &str, text: &str| found.iter().any(|(f, t)| f == file && t == text);
        assert!(has("site.yaml", ADDRESS.text), "{found:?}");
        assert!(has("data/contacts.yaml", PHONE.text), "{found:?}");
        assert!(has("content/ja/_index.md", CITY.text), "{found:?}");
    }
}
