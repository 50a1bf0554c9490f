//! The search engine and the search page, tested where they run: the query table in Node
//! (tests/search/), the page in Debian's Chromium (tests/browser/), both against the sample
//! guidebook built here. Needs `node` and, for the browser, `npm ci` and /usr/bin/chromium
//! (.ci/run installs them).

mod common;

use std::process::Command;

#[test]
fn the_query_table_finds_the_expected_chapters() {
    let (_dir, site) = common::build(&common::repo_root());
    common::node_test("tests/search/", &site);
}

#[test]
fn the_search_page_works_in_chromium() {
    let (_dir, site) = common::build(&common::repo_root());
    common::node_test("tests/browser/search.test.mjs", &site);
}

#[test]
fn every_language_has_an_index_and_the_engine_is_small() {
    let (_dir, site) = common::build(&common::repo_root());
    let source_chapters = walkdir::WalkDir::new(common::repo_root().join("content/ja"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md") && e.file_name() != "_index.md")
        .count();
    for language in ["ja", "ja-easy", "en", "zh", "ko", "vi"] {
        let index = site.join(format!("search/{language}/index.json"));
        assert!(index.is_file(), "{}", index.display());
        let index: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&index).unwrap()).unwrap();
        let chapters = index["chapterSizes"].as_array().unwrap().len();
        assert_eq!(chapters, source_chapters, "{language}: every chapter is searchable, translated or not");
        for chapter in 0..chapters {
            assert!(site.join(format!("search/{language}/t/{chapter}.json")).is_file());
        }
    }
    let engine = std::fs::read(site.join("assets/search.js")).unwrap();
    let compressed = gzip_size(&engine);
    assert!(compressed <= 12 * 1024, "the engine is {compressed} bytes gzipped");
}

/// Size after gzip -9, measured with the system's gzip.
fn gzip_size(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut child = Command::new("gzip")
        .args(["-9", "-c"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("gzip");
    child.stdin.take().unwrap().write_all(bytes).unwrap();
    child.wait_with_output().unwrap().stdout.len()
}
