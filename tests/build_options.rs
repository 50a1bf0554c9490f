//! `tebiki build --no-search` and `--no-furigana`: a faster build for a guidebook that does
//! not want search or readings, which must still be a whole, working site.

mod common;

use std::path::Path;

use common::{html, read_tree, repo_root, run_build_with, select};

fn build_sample(options: &[&str]) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("public");
    let (code, printed) = run_build_with(&repo_root(), &out, options);
    assert_eq!(code, 0, "{printed}");
    (dir, out, printed)
}

fn html_files(out: &Path) -> Vec<(String, String)> {
    read_tree(out)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path, String::from_utf8(bytes).expect("pages are UTF-8")))
        .collect()
}

#[test]
fn without_search_there_is_no_index_no_search_page_and_no_link_to_one() {
    let (_dir, out, _) = build_sample(&["--no-search"]);
    assert!(!out.join("search").exists(), "no index is written");
    assert!(!out.join("ja/search/index.html").exists(), "no search page is made");
    for (path, text) in html_files(&out) {
        assert!(!text.contains("search/"), "{path} links to a search page that does not exist");
    }
    // Everything else is still there: readings, and every chapter page.
    let chapter = html(&out.join("ja-easy/acp/what-is-acp/index.html"));
    assert!(!select(&chapter, "main ruby").is_empty(), "furigana are kept");
    assert!(out.join("en/acp/what-is-acp/index.html").is_file());
}

#[test]
fn without_furigana_there_are_no_readings_but_lines_still_break_between_phrases() {
    let (_dir, out, _) = build_sample(&["--no-furigana"]);
    let pages = html_files(&out);
    for (path, text) in &pages {
        assert!(!text.contains("<ruby"), "{path} has furigana");
    }
    let chapter = html(&out.join("ja-easy/acp/what-is-acp/index.html"));
    assert!(!select(&chapter, "main wbr").is_empty(), "Japanese text keeps its line-break points");
    assert!(out.join("search/ja/index.json").is_file(), "search is kept");
}

#[test]
fn a_lighter_build_is_the_full_build_less_what_was_left_out() {
    let (_full_dir, full, _) = build_sample(&[]);
    let (_light_dir, light, _) = build_sample(&["--no-search", "--no-furigana"]);
    let full_pages: Vec<String> = html_files(&full).into_iter().map(|(p, _)| p).collect();
    let light_pages: Vec<String> = html_files(&light).into_iter().map(|(p, _)| p).collect();
    let expected: Vec<String> = full_pages.into_iter().filter(|p| !p.contains("/search/")).collect();
    assert_eq!(light_pages, expected, "every page but the search pages");
    let full_size: usize = read_tree(&full).values().map(Vec::len).sum();
    let light_size: usize = read_tree(&light).values().map(Vec::len).sum();
    assert!(light_size < full_size, "{light_size} bytes is not smaller than {full_size}");
}

#[test]
fn timings_name_each_step_with_its_time() {
    let (_dir, _out, printed) = build_sample(&["--timings"]);
    for step in ["chapters read and parsed", "chapter pages rendered", "search index built and written"] {
        let line = printed.lines().find(|l| l.contains(step)).unwrap_or_else(|| panic!("no `{step}` in:\n{printed}"));
        assert!(line.split_whitespace().next().is_some_and(|t| t.parse::<f64>().is_ok()), "{line}");
    }
}
