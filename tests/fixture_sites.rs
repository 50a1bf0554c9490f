//! Small guidebooks under tests/fixtures: what a valid one produces, and for each kind of
//! mistake staff make, the message they get and proof that the previous site survived.

mod common;

use std::path::Path;

use common::{fixture, html, read_tree, run_build, select, text_of};

/// Builds the valid minimal fixture into `out`, then builds `case` into the same `out`,
/// and returns what the failing build printed. Asserts exit code 1 and that `out` is
/// byte-for-byte what the successful build left.
fn failing_build(case: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let (code, text) = run_build(&fixture("minimal"), &out);
    assert_eq!(code, 0, "{text}");
    let before = read_tree(&out);
    let (code, text) = run_build(&fixture(case), &out);
    assert_eq!(code, 1, "tebiki build --root tests/fixtures/{case} should fail:\n{text}");
    assert_eq!(read_tree(&out), before, "the previous site must be left untouched");
    let leftovers: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().to_string()).collect();
    assert_eq!(leftovers, ["public"], "no staging folder is left behind");
    text
}

fn assert_reports(text: &str, expected: &[&str]) {
    for line in expected {
        assert!(text.contains(line), "expected\n  {line}\nin\n{text}");
    }
}

#[test]
fn malformed_yaml() {
    let text = failing_build("invalid-yaml");
    assert_reports(
        &text,
        &[
            "content/ja/care/home.md:3:8: error[E020]: the YAML is not valid\n",
            "detail: did not find expected ',' or ']'",
        ],
    );
}

#[test]
fn missing_front_matter() {
    let text = failing_build("missing-front-matter");
    assert_reports(&text, &["content/ja/care/home.md:1:1: error[E013]: the chapter has no front-matter", "title: …"]);
}

#[test]
fn missing_required_field() {
    let text = failing_build("missing-field");
    assert_reports(
        &text,
        &[
            "content/ja/care/home.md:1:1: error[E018]: summary: missing required field `summary`",
            "help: add a line such as `summary:",
        ],
    );
}

#[test]
fn unknown_key_with_suggestion() {
    let text = failing_build("unknown-key");
    assert_reports(
        &text,
        &["content/ja/care/home.md:3:1: error[E017]: sumary: unknown key `sumary`", "help: did you mean `summary`?"],
    );
}

#[test]
fn unknown_life_stage_scenario_audience_and_contact_are_all_reported() {
    let text = failing_build("unknown-taxonomy");
    assert_reports(
        &text,
        &[
            "content/ja/care/home.md:5:15: error[E022]: life_stages: unknown life stage `end-of-lfe`",
            "expected: one of healthy, end-of-life (defined in site.yaml)",
            "help: did you mean `end-of-life`?",
            "content/ja/care/home.md:6:12: error[E022]: audience: unknown audience `residents`",
            "content/ja/care/home.md:7:12: error[E022]: contacts: unknown contact id `houkatsuu`",
            "help: did you mean `houkatsu`?",
            "content/ja/care/home.md:8:13: error[E022]: scenarios: unknown scenario `living-alon`",
            "build failed: 4 errors",
        ],
    );
}

#[test]
fn wrong_types_point_at_the_value() {
    let text = failing_build("wrong-type");
    assert_reports(
        &text,
        &[
            "content/ja/care/home.md:4:8: error[E016]: order: expected a whole number, found the text `twenty`",
            "content/ja/care/home.md:5:8: error[E016]: draft: expected true or false, found the text `maybe`",
            "content/ja/care/home.md:6:10: error[E030]: updated: expected a date written YYYY-MM-DD, found the text `2026/4/1`",
        ],
    );
}

#[test]
fn duplicate_order_names_both_files() {
    let text = failing_build("duplicate-order");
    assert_reports(
        &text,
        &["content/ja/care/home.md:4:1: error[E082]: order: order 10 is also used by content/ja/acp/what-is-acp.md"],
    );
}

#[test]
fn translation_without_source_chapter() {
    let text = failing_build("orphan-translation");
    assert_reports(
        &text,
        &[
            "content/en/care/hom.md:1:1: error[E084]: this translation has no source chapter",
            "expected: content/ja/care/hom.md to exist",
            "help: did you mean to name it content/en/care/home.md?",
        ],
    );
}

#[test]
fn links_to_missing_chapters_and_anchors() {
    let text = failing_build("broken-link");
    assert_reports(
        &text,
        &[
            "content/ja/acp/what-is-acp.md:15:1: error[E080]: broken link: `../care/homes.md` is not a chapter of this guidebook",
            "help: did you mean `../care/home.md`?",
            "content/ja/acp/what-is-acp.md:17:1: error[E080]: broken link: there is no heading `#visit` in content/ja/care/home.md",
            "help: did you mean `#visits`?",
        ],
    );
}

#[test]
fn shift_jis_file_is_named_with_how_to_resave() {
    let text = failing_build("not-utf8");
    assert_reports(
        &text,
        &[
            "content/ja/care/home.md:2:8: error[E005]: the file is not UTF-8; it looks like Shift_JIS",
            "Save with Encoding > UTF-8",
        ],
    );
}

#[test]
fn script_in_a_chapter_is_refused() {
    let text = failing_build("script");
    assert_reports(
        &text,
        &["content/ja/care/home.md:16:1: error[E066]: <script> is not allowed in a chapter: it runs a program"],
    );
}

#[test]
fn problems_in_several_files_are_reported_together() {
    let text = failing_build("many-errors");
    assert_reports(
        &text,
        &[
            "content/en/acp/what-is-acp.md:10:10: error[E080]: broken link: there is no heading `#visitz` in content/ja/care/home.md",
            "content/ja/care/home.md:3:1: error[E017]: sumary: unknown key `sumary`",
            "content/ja/care/home.md:5:15: error[E022]: life_stages: unknown life stage `end-of-lfe`",
            "build failed: 4 errors",
        ],
    );
}

#[test]
fn bom_and_crlf_build_exactly_like_plain_utf8() {
    let (_a, plain) = common::build(&fixture("minimal"));
    let (_b, windows) = common::build(&fixture("bom-crlf"));
    assert_eq!(read_tree(&plain), read_tree(&windows));
}

#[test]
fn soft_breaks_join_in_japanese_and_stay_spaces_in_english() {
    let (_dir, out) = common::build(&fixture("minimal"));
    let ja = text_of(&select(&html(&out.join("ja/acp/what-is-acp/index.html")), ".prose p")[0]);
    assert!(ja.contains("ケアを家族や医療者"), "{ja}");
    let en = text_of(&select(&html(&out.join("en/acp/what-is-acp/index.html")), ".prose p")[0]);
    assert!(en.contains("family\nand") || en.contains("family and"), "{en}");
}

#[test]
fn links_are_rewritten_to_the_page_in_the_readers_language() {
    let (_dir, out) = common::build(&fixture("minimal"));
    for lang in ["ja", "en"] {
        let document = html(&out.join(format!("{lang}/acp/what-is-acp/index.html")));
        let hrefs: Vec<&str> = select(&document, ".prose a").iter().map(|a| a.value().attr("href").unwrap()).collect();
        assert_eq!(hrefs, ["../../care/home/#visits"], "{lang}");
    }
    // care/home is not translated: the English page exists, in Japanese, with a notice.
    let document = html(&out.join("en/care/home/index.html"));
    assert_eq!(select(&document, ".prose")[0].value().attr("lang"), Some("ja"));
    assert_eq!(
        text_of(&select(&document, ".notice")[0]),
        "This page has not been translated yet, so it is shown in Japanese."
    );
}

#[test]
fn a_folder_not_written_by_tebiki_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("report.docx"), "staff work").unwrap();
    let (code, text) = run_build(&fixture("minimal"), &out);
    assert_eq!(code, 1);
    assert!(text.contains("was not written by tebiki"), "{text}");
    assert_eq!(std::fs::read_to_string(out.join("report.docx")).unwrap(), "staff work");
    assert!(!Path::new(&out.join("index.html")).exists());
}

#[test]
fn warnings_are_printed_but_do_not_fail_the_build() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let (code, text) = run_build(&fixture("warnings"), &out);
    assert_eq!(code, 0, "{text}");
    assert_reports(
        &text,
        &[
            "content/ja/care/home.md:12:1: warning[W001]: a `#` heading in a chapter is shown as `##`",
            "i18n/th.yaml:1:1: warning[W002]: there is no i18n/th.yaml: all ",
            " theme strings are shown in `ja`",
            "2 warnings",
        ],
    );
    // The language without theme strings still gets every page, in the source's words.
    let document = html(&out.join("th/care/home/index.html"));
    assert_eq!(select(&document, "html")[0].value().attr("lang"), Some("th"));
    assert_eq!(text_of(&select(&document, "#page-contacts-heading")[0]), "困ったときの相談先");
    assert_eq!(select(&document, "h1").len(), 1, "the demoted heading is not a second h1");
}

#[test]
fn drafts_are_not_published_in_any_language() {
    let (_dir, out) = common::build(&fixture("drafts"));
    assert!(!out.join("ja/care/later").exists());
    assert!(!out.join("en/care/later").exists());
    // A draft translation falls back to the published source chapter.
    let document = html(&out.join("en/care/home/index.html"));
    assert_eq!(select(&document, ".prose")[0].value().attr("lang"), Some("ja"));
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(!sitemap.contains("later"));
}

#[test]
fn a_link_to_a_draft_is_an_error() {
    let text = failing_build("draft-link");
    assert_reports(
        &text,
        &["content/ja/care/home.md:16:1: error[E080]: broken link: `later.md` is a draft and is not published"],
    );
}

#[test]
fn a_folder_without_site_yaml_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let (code, text) = run_build(dir.path(), &dir.path().join("public"));
    assert_eq!(code, 1);
    assert_reports(
        &text,
        &[
            "site.yaml:1:1: error[E034]: no site.yaml in",
            "help: run tebiki in a guidebook folder, or name one with --root DIR",
        ],
    );
}

#[test]
fn a_mistyped_setting_in_site_yaml() {
    let text = failing_build("bad-site-yaml");
    assert_reports(
        &text,
        &["site.yaml:1:1: error[E032]: base_ur: unknown setting `base_ur`", "help: did you mean `base_url`?"],
    );
}

#[test]
fn a_contact_text_in_a_language_the_site_does_not_have() {
    let text = failing_build("bad-contacts");
    assert_reports(
        &text,
        &[
            "data/contacts.yaml:4:5: error[E097]: houkatsu: `jp` is not a language of this site",
            "help: did you mean `ja`?",
        ],
    );
}

#[test]
fn without_out_the_site_goes_to_public_in_the_guidebook_folder() {
    let guidebook = common::copy_of("minimal");
    let output = common::tebiki().args(["build", "--root"]).arg(guidebook.path()).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(guidebook.path().join("public/ja/care/home/index.html").is_file());
    assert!(guidebook.path().join("public/.tebiki-output").is_file());
}

#[test]
fn a_chapter_with_furigana_off_has_none_and_an_author_reading_wins() {
    let (_dir, out) = common::build(&fixture("furigana"));
    let off = std::fs::read_to_string(out.join("ja/care/home/index.html")).unwrap();
    assert!(!off.contains("<ruby"), "furigana: off");
    assert!(off.contains("<wbr>"), "line-break points stay");
    let on = std::fs::read_to_string(out.join("ja/acp/what-is-acp/index.html")).unwrap();
    assert!(on.contains("<ruby>日向<rp>(</rp><rt>ひなた</rt><rp>)</rp></ruby>"), "the author's reading");
    assert!(on.contains("<code>{日向|ひなた}</code>"), "code is left as written");
}

#[test]
fn a_dictionary_line_with_a_hiragana_reading_or_a_missing_field() {
    let text = failing_build("bad-dictionary");
    assert_reports(
        &text,
        &[
            "data/dictionary.csv:3:1: error[E092]: the reading `にんちしょう` is not written in katakana",
            "data/dictionary.csv:4:1: error[E093]: expected 3 fields separated by commas, found 2",
            "help: write it like 認知症,名詞,ニンチショウ",
            "build failed: 2 errors",
        ],
    );
}

#[test]
fn a_synonym_group_that_names_nothing_in_the_guidebook_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let (code, text) = run_build(&fixture("unused-synonyms"), &dir.path().join("public"));
    assert_eq!(code, 0, "{text}");
    assert_reports(
        &text,
        &[
            "data/synonyms.yaml:2:1: warning[W004]: none of ひだまり体操, ひだまりダンス appears in any chapter",
            "1 warning",
        ],
    );
    assert!(!text.contains("訪問診療, 定期の往診"), "a group with a term in the chapters is fine: {text}");
}

fn tebiki(args: &[&str], root: &Path) -> (i32, String) {
    let output = common::tebiki().args(args).arg("--root").arg(root).output().unwrap();
    (output.status.code().unwrap_or(-1), String::from_utf8_lossy(&output.stderr).to_string())
}

#[test]
fn new_creates_a_draft_chapter_that_builds_and_refuses_to_overwrite() {
    let guidebook = common::copy_of("minimal");
    let root = guidebook.path();
    let (code, text) = tebiki(&["new", "ja/care/bathing.md"], root);
    assert_eq!(code, 0, "{text}");
    let written = std::fs::read_to_string(root.join("content/ja/care/bathing.md")).unwrap();
    assert!(written.contains("order: 30\n"), "after the highest order, 20: {written}");
    assert!(written.contains("# healthy, end-of-life"), "the stages are listed: {written}");
    assert!(written.contains("# houkatsu"), "the contacts are listed: {written}");
    assert!(written.contains("draft: true"));

    let (code, text) = run_build(root, &root.join("public"));
    assert_eq!(code, 0, "the new chapter builds: {text}");
    assert!(!root.join("public/ja/care/bathing").exists(), "a draft is not published");
    std::fs::write(root.join("content/ja/care/bathing.md"), written.replace("draft: true", "draft: false")).unwrap();
    let (code, text) = run_build(root, &root.join("public"));
    assert_eq!(code, 0, "{text}");
    assert!(root.join("public/ja/care/bathing/index.html").is_file());

    let (code, text) = tebiki(&["new", "ja/care/bathing.md"], root);
    assert_eq!(code, 1);
    assert!(text.contains("content/ja/care/bathing.md already exists; it is left as it is"), "{text}");
}

#[test]
fn new_starts_a_translation_from_its_source_and_checks_the_name() {
    let guidebook = common::copy_of("minimal");
    let root = guidebook.path();
    let (code, text) = tebiki(&["new", "en/care/home.md"], root);
    assert_eq!(code, 0, "{text}");
    let written = std::fs::read_to_string(root.join("content/en/care/home.md")).unwrap();
    assert!(
        written.starts_with("---\ntitle: 家で受ける医療\nsummary: 医師や看護師が家に来てくれます。\n"),
        "{written}"
    );
    assert!(written.contains("## 訪問診療 {#visits}"), "the text to translate: {written}");
    let (code, text) = run_build(root, &root.join("public"));
    assert_eq!(code, 0, "{text}");

    let (code, text) = tebiki(&["new", "jp/care/other.md"], root);
    assert_eq!(code, 1);
    assert!(text.contains("`jp` is not a language of this site") && text.contains("did you mean `ja`?"), "{text}");
    let (code, text) = tebiki(&["new", "en/care/missing.md"], root);
    assert_eq!(code, 1);
    assert!(text.contains("a translation needs its source chapter content/ja/care/missing.md first"), "{text}");
    let (code, text) = tebiki(&["new", "ja/Care/Bath.md"], root);
    assert_eq!(code, 1);
    assert!(text.contains("lowercase letters"), "{text}");
}

#[test]
fn init_makes_a_guidebook_that_builds_at_once_without_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let guidebook = dir.path().join("my-city");
    let output = common::tebiki().arg("init").arg(&guidebook).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    for file in ["site.yaml", "content/ja/_index.md", "data/contacts.yaml", "i18n/ja.yaml", ".gitignore"] {
        assert!(guidebook.join(file).is_file(), "{file}");
    }
    let (code, text) = run_build(&guidebook, &guidebook.join("public"));
    assert_eq!(code, 0, "{text}");
    assert!(!text.contains("warning"), "{text}");
    assert!(guidebook.join("public/ja/acp/what-is-acp/index.html").is_file());

    // The workflow's steps are run in tests/new_guidebook.rs; here, that it runs on pull
    // requests, and that what `check` says of a new guidebook is only its stand-in text.
    let workflow: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(guidebook.join(".github/workflows/check.yml")).unwrap()).unwrap();
    assert!(workflow["on"].get("pull_request").is_some());
    let check = common::tebiki().arg("check").current_dir(&guidebook).output().unwrap();
    assert!(check.status.success());
    let text = String::from_utf8_lossy(&check.stdout).to_string() + &String::from_utf8_lossy(&check.stderr);
    let warnings: Vec<&str> = text.lines().filter(|l| l.contains(": warning[W006]:")).collect();
    assert_eq!(warnings.len(), 4, "{text}");
    assert!(warnings.iter().all(|w| w.contains("is stand-in text")), "{text}");

    let again = common::tebiki().arg("init").arg(&guidebook).output().unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("the folder is not empty"));
}

/// Adds chapters `extra-1` … to a copy of the minimal guidebook, all in life stage `healthy`.
fn with_healthy_chapters(root: &Path, count: usize, front: &str) {
    for i in 1..=count {
        let text = format!(
            "---\ntitle: 追加の章{i}\nsummary: 追加の章です。\norder: {}\nlife_stages: [healthy]\n{front}---\n本文です。\n",
            100 + i
        );
        std::fs::write(root.join(format!("content/ja/acp/extra-{i}.md")), text).unwrap();
    }
}

fn stage_links(out: &Path, stage: usize) -> (Vec<String>, Vec<String>) {
    let document = html(&out.join("ja/index.html"));
    let step = select(&document, "ol.journey > li").into_iter().nth(stage).unwrap();
    let texts = |css: &str| {
        let selector = scraper::Selector::parse(css).unwrap();
        step.select(&selector).map(|a| text_of(&a)).collect::<Vec<_>>()
    };
    (texts(".chapter-list a"), texts(".journey-more a"))
}

#[test]
fn a_stage_with_no_key_chapters_shows_its_first_three_then_all_of_them() {
    let guidebook = common::copy_of("minimal");
    let root = guidebook.path();
    with_healthy_chapters(root, 3, "");
    let (code, text) = run_build(root, &root.join("public"));
    assert_eq!(code, 0, "{text}");
    let (shown, more) = stage_links(&root.join("public"), 0);
    assert_eq!(shown, ["人生会議ってなに？", "追加の章1", "追加の章2"], "the first three in reading order");
    assert_eq!(more.len(), 1);
    assert!(more[0].contains("4章"), "{more:?}");
    // end-of-life has two chapters: both shown, and no link that would show nothing more.
    let (shown, more) = stage_links(&root.join("public"), 1);
    assert_eq!(shown.len(), 2);
    assert!(more.is_empty(), "{more:?}");
}

#[test]
fn key_chapters_are_the_ones_marked_and_must_belong_to_the_stage() {
    let guidebook = common::copy_of("minimal");
    let root = guidebook.path();
    with_healthy_chapters(root, 3, "key_for: [healthy]\n");
    let (code, text) = run_build(root, &root.join("public"));
    assert_eq!(code, 0, "{text}");
    let (shown, _) = stage_links(&root.join("public"), 0);
    assert_eq!(shown, ["追加の章1", "追加の章2", "追加の章3"]);

    std::fs::write(
        root.join("content/ja/acp/extra-1.md"),
        "---\ntitle: 追加\nsummary: 追加です。\norder: 101\nlife_stages: [healthy]\nkey_for: [end-of-life]\n---\n本文\n",
    )
    .unwrap();
    let (code, text) = run_build(root, &root.join("public"));
    assert_ne!(code, 0);
    assert!(
        text.contains(
            "content/ja/acp/extra-1.md:6:11: error[E019]: key_for: `end-of-life` is not in this chapter's life_stages"
        ),
        "{text}"
    );
}

#[test]
fn a_guidebook_can_bring_its_own_icon_as_png_but_not_as_svg() {
    let guidebook = common::copy_of("minimal");
    let root = guidebook.path();
    let png = b"\x89PNG\r\n\x1a\n city mark";
    std::fs::write(root.join("data/city-mark.png"), png).unwrap();
    let site = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    std::fs::write(root.join("site.yaml"), format!("{site}favicon: data/city-mark.png\n")).unwrap();
    let (code, text) = run_build(root, &root.join("public"));
    assert_eq!(code, 0, "{text}");
    assert_eq!(std::fs::read(root.join("public/favicon.png")).unwrap(), png);
    let document = html(&root.join("public/ja/acp/what-is-acp/index.html"));
    let icon = select(&document, "link[rel=icon]");
    assert_eq!(icon.len(), 1);
    assert_eq!(icon[0].value().attr("href"), Some("../../../favicon.png"));
    assert_eq!(icon[0].value().attr("type"), Some("image/png"));

    std::fs::write(root.join("data/city-mark.svg"), "<svg><script>alert(1)</script></svg>").unwrap();
    std::fs::write(root.join("site.yaml"), format!("{site}favicon: data/city-mark.svg\n")).unwrap();
    let (code, text) = run_build(root, &root.join("out"));
    assert_ne!(code, 0);
    let line = site.lines().count() + 1;
    assert!(
        text.contains(&format!(
            "site.yaml:{line}:10: error[E036]: favicon: `data/city-mark.svg` cannot be the site's icon"
        )),
        "{text}"
    );

    std::fs::write(root.join("site.yaml"), format!("{site}favicon: data/missing.png\n")).unwrap();
    let (code, text) = run_build(root, &root.join("out"));
    assert_ne!(code, 0);
    assert!(text.contains("there is no file `data/missing.png`"), "{text}");
}
