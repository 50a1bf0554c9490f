//! Helpers shared by the whole-site tests: building a guidebook into a temporary folder,
//! reading what was written, and running the `tebiki` binary the way staff do.

#![allow(dead_code)] // each test file uses a different part of this module

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use scraper::{Html, Selector};

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `tebiki` command, speaking English: most tests read its messages in English. The
/// tests of the Japanese messages (a Japanese guidebook's default) run the binary without
/// this, or with `--messages ja`, which overrides it.
pub fn tebiki() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tebiki"));
    command.env("TEBIKI_MESSAGES", "en");
    command
}

pub fn fixture(name: &str) -> PathBuf {
    repo_root().join("tests/fixtures").join(name)
}

/// Builds `root` into a new temporary folder with the library; panics with every message
/// if the build fails.
pub fn build(root: &Path) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("public");
    let options = tebiki::BuildOptions { root: root.to_path_buf(), out: out.clone(), render: Default::default() };
    if let Err(problems) = tebiki::build(&options) {
        let text: Vec<String> = problems.iter().map(|p| p.render(tebiki::messages::Lang::En)).collect();
        panic!("build of {} failed:\n{}", root.display(), text.join("\n"));
    }
    (dir, out)
}

/// Runs `tebiki build --root ROOT --out OUT` and returns the exit code and what it printed.
pub fn run_build(root: &Path, out: &Path) -> (i32, String) {
    run_build_with(root, out, &[])
}

/// `run_build` with more options: `--no-search`, `--timings` …
pub fn run_build_with(root: &Path, out: &Path, options: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_tebiki"))
        .env("TEBIKI_MESSAGES", "en")
        .args(["build", "--root"])
        .arg(root)
        .arg("--out")
        .arg(out)
        .args(options)
        .output()
        .expect("run tebiki");
    let text = String::from_utf8_lossy(&output.stderr).to_string() + &String::from_utf8_lossy(&output.stdout);
    (output.status.code().unwrap_or(-1), text)
}

/// Every file below `dir` with its bytes, by `/`-separated relative path.
pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.expect("walk output"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
            (relative, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

pub fn html(path: &Path) -> Html {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    Html::parse_document(&text)
}

pub fn select<'a>(document: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap_or_else(|e| panic!("selector {css}: {e:?}"));
    document.select(&selector).collect()
}

/// The text of an element as read, without furigana (the <rt> and <rp> of <ruby>).
pub fn text_of(element: &scraper::ElementRef) -> String {
    let in_reading = |node: &ego_tree::NodeRef<scraper::Node>| {
        node.ancestors().any(|a| a.value().as_element().is_some_and(|e| matches!(e.name(), "rt" | "rp")))
    };
    element
        .descendants()
        .filter(|node| !in_reading(node))
        .filter_map(|node| node.value().as_text().map(|t| t.to_string()))
        .collect::<String>()
        .trim()
        .to_string()
}

/// The file a relative `href` on the page at `page_file` points to (directories mean their
/// index.html), and the fragment, if any.
pub fn resolve_href(out: &Path, page_file: &str, href: &str) -> (PathBuf, Option<String>) {
    let (path, fragment) = match href.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (href, None),
    };
    let base = Path::new(page_file).parent().unwrap_or(Path::new(""));
    let mut parts: Vec<String> = base.iter().map(|p| p.to_string_lossy().to_string()).collect();
    if path.is_empty() {
        return (out.join(page_file), fragment);
    }
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop().expect("link climbs above the site root");
            }
            s => parts.push(s.to_string()),
        }
    }
    let mut target = out.join(parts.join("/"));
    if path.ends_with('/') || path == "." || path == ".." || target.is_dir() {
        target = target.join("index.html");
    }
    (target, fragment)
}

/// The front-matter of a source file, read independently of tebiki's own parser.
pub fn front_matter(path: &Path) -> serde_yaml::Value {
    let text = std::fs::read_to_string(path).unwrap();
    let yaml = text.strip_prefix("---\n").and_then(|rest| rest.split("\n---\n").next()).expect("front-matter");
    serde_yaml::from_str(yaml).unwrap()
}

/// Copies a fixture into a new temporary folder, for tests that write into the guidebook.
pub fn copy_of(fixture_name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    let from = fixture(fixture_name);
    for entry in walkdir::WalkDir::new(&from).into_iter().map(|e| e.expect("walk fixture")) {
        let target = dir.path().join(entry.path().strip_prefix(&from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
    dir
}

/// Runs `node --test` on a test file or folder of the repository against a built site
/// (named to the tests by TEBIKI_SITE), and fails with everything it printed.
pub fn node_test(target: &str, site: &Path) {
    node_test_with(target, site, &[]);
}

/// `node_test` with more variables for the tests.
pub fn node_test_with(target: &str, site: &Path, env: &[(&str, &std::ffi::OsStr)]) {
    if target.contains("browser") {
        assert!(
            repo_root().join("node_modules/playwright-core").is_dir()
                && repo_root().join("node_modules/axe-core").is_dir(),
            "run `npm ci` first: the browser tests drive Debian's Chromium with playwright-core and axe-core"
        );
    }
    let output = Command::new("node")
        .args(["--test", "--test-reporter=spec", target])
        .env("TEBIKI_SITE", site)
        .env("TEBIKI_SCREENSHOTS", repo_root().join("target/screenshots"))
        .envs(env.iter().copied())
        .current_dir(repo_root())
        .output()
        .expect("run node (Node.js 20 or later must be installed)");
    let text = String::from_utf8_lossy(&output.stdout).to_string() + &String::from_utf8_lossy(&output.stderr);
    println!("{text}");
    assert!(output.status.success(), "node --test {target} failed:\n{text}");
}

/// A symbolic link at `link` to `target`.
#[cfg(unix)]
pub fn symlink(target: &Path, link: &Path) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

#[cfg(windows)]
pub fn symlink(target: &Path, link: &Path) {
    std::os::windows::fs::symlink_file(target, link).unwrap();
}
