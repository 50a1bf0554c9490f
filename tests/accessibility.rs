//! The sample guidebook in Debian's Chromium: every page, every language, two widths,
//! furigana on and off, checked with axe-core and by measuring (tests/browser/); the
//! reading tools used by keyboard. Needs `npm ci` and /usr/bin/chromium (.ci/run installs
//! them). Screenshots for review are written to target/screenshots/.

mod common;

#[test]
fn every_page_passes_axe_and_the_layout_checks() {
    let (_dir, site) = common::build(&common::repo_root());
    common::node_test("tests/browser/accessibility.test.mjs", &site);
}

#[test]
fn the_reading_tools_work_and_are_remembered() {
    let (_dir, site) = common::build(&common::repo_root());
    common::node_test("tests/browser/reading-tools.test.mjs", &site);
}
