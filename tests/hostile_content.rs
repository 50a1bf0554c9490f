//! A guidebook folder from a pull request, as a hostile or careless contributor would send
//! it: chapters that try to run script, navigate, submit or load from another host
//! (tests/fixtures/attack, one payload per chapter), the HTML a chapter may use
//! (tests/fixtures/allowed), links out of the folder, hidden files and NUL bytes. What the
//! reader's browser does with the pages is checked in tests/browser/hostile.test.mjs.

mod common;

use std::collections::BTreeMap;

/// Every chapter of the attack fixture with the lines its payload is written on.
fn payload_lines() -> BTreeMap<String, std::ops::RangeInclusive<usize>> {
    let folder = common::fixture("attack").join("content/ja/attack");
    let mut chapters = BTreeMap::new();
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).replace('\r', "\n");
        // Front-matter, then "本文です。" and a blank line: the payload starts on line 8.
        let last = text.trim_end().lines().count();
        chapters.insert(format!("content/ja/attack/{}", path.file_name().unwrap().to_string_lossy()), 8..=last);
    }
    chapters
}

#[test]
fn every_attack_fails_the_build_with_an_error_at_its_own_chapter_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let (code, text) = common::run_build(&common::fixture("attack"), &out);
    assert_eq!(code, 1, "{text}");
    assert!(!out.exists(), "nothing is published");
    let chapters = payload_lines();
    assert!(chapters.len() >= 50, "the fixture holds every payload: {}", chapters.len());
    for (file, lines) in &chapters {
        let errors: Vec<usize> = text
            .lines()
            .filter_map(|l| l.strip_prefix(&format!("{file}:")))
            .filter(|rest| rest.contains(": error["))
            .map(|rest| rest.split(':').next().unwrap().parse().unwrap())
            .collect();
        assert!(!errors.is_empty(), "{file} is not reported:\n{text}");
        assert!(errors.iter().all(|line| lines.contains(line)), "{file}: errors at {errors:?}, payload on {lines:?}");
    }
    // tebiki check says the same, in every format.
    for format in ["text", "json", "github"] {
        let output = common::tebiki()
            .args(["check", "--format", format, "--root"])
            .arg(common::fixture("attack"))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        let said = String::from_utf8_lossy(&output.stdout);
        for file in chapters.keys() {
            assert!(said.contains(file.as_str()), "check --format {format} does not name {file}");
        }
    }
}

/// The chapters of the allowed fixture, built once.
fn allowed_site() -> &'static (tempfile::TempDir, std::path::PathBuf) {
    static BUILT: std::sync::OnceLock<(tempfile::TempDir, std::path::PathBuf)> = std::sync::OnceLock::new();
    BUILT.get_or_init(|| common::build(&common::fixture("allowed")))
}

/// Every start tag written in the HTML of a chapter's source, as (element, attributes),
/// read with an HTML parser of its own.
fn written_tags(source: &str) -> Vec<(String, Vec<(String, String)>)> {
    let body = source.splitn(3, "---\n").nth(2).unwrap();
    let fragment = scraper::Html::parse_fragment(body);
    fragment
        .root_element()
        .descendants()
        .filter_map(|node| node.value().as_element())
        .filter(|element| element.name() != "html")
        .map(|element| {
            let attrs = element.attrs().map(|(n, v)| (n.to_string(), v.to_string())).collect();
            (element.name().to_string(), attrs)
        })
        .collect()
}

#[test]
fn the_allowed_html_is_published_unchanged() {
    let (_dir, site) = allowed_site();
    let folder = common::fixture("allowed").join("content/ja/html");
    let mut checked = 0;
    for entry in std::fs::read_dir(&folder).unwrap().map(Result::unwrap).filter(|e| e.path().extension().is_some()) {
        let path = entry.path();
        let slug = path.file_stem().unwrap().to_string_lossy().to_string();
        if path.extension().unwrap() != "md" {
            continue;
        }
        let page_file = format!("ja/html/{slug}/index.html");
        let page = common::html(&site.join(&page_file));
        let prose = &common::select(&page, ".prose")[0];
        for (element, attrs) in written_tags(&std::fs::read_to_string(&path).unwrap()) {
            if matches!(element.as_str(), "p" | "h2") && attrs.is_empty() {
                continue; // Markdown makes these too
            }
            let found = prose.descendants().filter_map(|n| n.value().as_element()).any(|published| {
                published.name() == element
                    && attrs.iter().all(|(name, value)| match name.as_str() {
                        // Addresses lead where they do on the site; the file must be there.
                        "href" | "src" => published.attr(name).is_some_and(|v| {
                            v.starts_with("https:")
                                || v.starts_with("mailto:")
                                || v.starts_with("tel:")
                                || common::resolve_href(site, &page_file, v).0.is_file()
                        }),
                        _ => published.attr(name) == Some(value.as_str()),
                    })
            });
            assert!(found, "{slug}: <{element} {attrs:?}> is not on the page");
            checked += 1;
        }
    }
    assert!(checked >= 40, "{checked} elements checked");
}

#[test]
fn allowed_pages_hold_no_comment_no_style_and_no_handler() {
    let (_dir, site) = allowed_site();
    for (path, bytes) in common::read_tree(site).into_iter().filter(|(p, _)| p.ends_with(".html")) {
        let text = String::from_utf8(bytes).unwrap();
        assert!(!text.contains("<!--"), "{path}: comments are notes for editors");
        assert!(!text.contains("公開されないメモ"), "{path}");
        let page = scraper::Html::parse_document(&text);
        for element in page.root_element().descendants().filter_map(|n| n.value().as_element()) {
            for (name, _) in element.attrs() {
                assert!(name != "style" && !name.starts_with("on"), "{path}: <{} {name}>", element.name());
            }
        }
    }
    let formatting = std::fs::read_to_string(site.join("ja/html/links/index.html")).unwrap();
    assert!(formatting.contains("&lt;script&gt;"), "text that looks like a tag is shown as text");
}

#[test]
fn a_data_file_that_links_out_of_the_guidebook_is_refused_without_its_contents() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("id_rsa");
    std::fs::write(&secret, "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n").unwrap();
    for linked in ["data/contacts.yaml", "data/synonyms.yaml", "data/dictionary.csv", "site.yaml", "i18n/ja.yaml"] {
        let guidebook = common::copy_of("minimal");
        let link = guidebook.path().join(linked);
        std::fs::create_dir_all(link.parent().unwrap()).unwrap();
        let _ = std::fs::remove_file(&link);
        common::symlink(&secret, &link);
        for args in [&["build"][..], &["check"], &["check", "--format", "github"], &["check", "--format", "json"]] {
            let output = common::tebiki().args(args).arg("--root").arg(guidebook.path()).output().unwrap();
            let said = String::from_utf8_lossy(&output.stdout).to_string() + &String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(1), "{linked} {args:?}: {said}");
            assert!(
                said.contains(linked) && said.contains("outside the guidebook folder"),
                "{linked} {args:?}: {said}"
            );
            assert!(!said.contains("PRIVATE KEY") && !said.contains("b3BlbnNz"), "{linked} {args:?} echoes it: {said}");
        }
    }
}

#[test]
fn hidden_files_and_git_are_never_read_or_published() {
    let guidebook = common::copy_of("minimal");
    let root = guidebook.path();
    std::fs::create_dir_all(root.join(".git")).unwrap();
    std::fs::write(root.join(".git/config"), "[credential]\n  token = ghp_secret\n").unwrap();
    std::fs::write(root.join(".env"), "API_KEY=secret\n").unwrap();
    std::fs::write(root.join("content/ja/.env"), "API_KEY=secret\n").unwrap();
    std::fs::create_dir_all(root.join("content/ja/.git")).unwrap();
    std::fs::write(root.join("content/ja/.git/HEAD"), "ref: refs/heads/main\n").unwrap();
    // The guidebook's own copy of the theme, with what a Mac or an editor leaves in it.
    for entry in walkdir::WalkDir::new(common::repo_root().join("themes/default")).into_iter().map(Result::unwrap) {
        let target = root
            .join("themes/default")
            .join(entry.path().strip_prefix(common::repo_root().join("themes/default")).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
    std::fs::write(
        root.join("themes/default/static/.env"),
        "API_KEY=secret
",
    )
    .unwrap();
    std::fs::write(root.join("themes/default/static/assets/.DS_Store"), "secret").unwrap();
    // A chapter folder that links to the hidden files inside the guidebook.
    common::symlink(&root.join(".git/config"), &root.join("content/ja/config.txt"));
    common::symlink(&root.join(".env"), &root.join("content/ja/settings.txt"));
    let out = tempfile::tempdir().unwrap();
    let (code, said) = common::run_build(root, &out.path().join("public"));
    assert_eq!(code, 1, "{said}");
    for link in ["content/ja/config.txt", "content/ja/settings.txt"] {
        assert!(said.contains(&format!("{link}:1:1: error[E002]:")) && said.contains("hidden file"), "{said}");
    }
    assert!(!said.contains("ghp_secret") && !said.contains("API_KEY"), "{said}");

    // Without the links, the build passes and publishes no hidden file.
    std::fs::remove_file(root.join("content/ja/config.txt")).unwrap();
    std::fs::remove_file(root.join("content/ja/settings.txt")).unwrap();
    let (_dir, site) = common::build(root);
    for (path, bytes) in common::read_tree(&site) {
        assert!(!path.split('/').any(|part| part.starts_with('.') && part != ".tebiki-output"), "{path} is published");
        assert!(!String::from_utf8_lossy(&bytes).contains("secret"), "{path}");
    }
}

#[test]
fn a_nul_byte_is_an_error_where_it_is_not_a_character_of_the_page() {
    let guidebook = common::copy_of("minimal");
    let chapter = guidebook.path().join("content/ja/care/home.md");
    let text = std::fs::read_to_string(&chapter).unwrap();
    let line = text.lines().count() + 1;
    std::fs::write(&chapter, format!("{text}本文に\0が入っています。\n")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let (code, said) = common::run_build(guidebook.path(), &out.path().join("public"));
    assert_eq!(code, 1, "{said}");
    assert!(
        said.contains(&format!(
            "content/ja/care/home.md:{line}:4: error[E004]: the file contains the invisible character U+0000"
        )),
        "{said}"
    );
    // The same text with a NUL written as a character reference is refused as well.
    std::fs::write(&chapter, format!("{text}本文に&#0;が入っています。\n")).unwrap();
    let (_dir, site) = common::build(guidebook.path());
    let page = std::fs::read(site.join("ja/care/home/index.html")).unwrap();
    assert!(!page.contains(&0), "a NUL reference becomes U+FFFD, as CommonMark says, never a NUL");
}

#[test]
fn an_output_folder_inside_content_is_refused_before_it_exists() {
    let guidebook = common::copy_of("minimal");
    let out = guidebook.path().join("content/ja/out");
    let (code, said) = common::run_build(guidebook.path(), &out);
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("among the guidebook's own files"), "{said}");
    assert!(!out.exists());
    let (code, said) = common::run_build(guidebook.path(), &out);
    assert_eq!(code, 1, "and not the second time either: {said}");
}
