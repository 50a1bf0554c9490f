//! `tebiki check`: review points found with their place, in each output format; exit 0
//! with warnings only, 1 with errors; nothing written.

mod common;

fn check(fixture: &str, format: &str) -> (i32, String) {
    let output =
        common::tebiki().args(["check", "--format", format, "--root"]).arg(common::fixture(fixture)).output().unwrap();
    (output.status.code().unwrap_or(-1), String::from_utf8_lossy(&output.stdout).to_string())
}

#[test]
fn review_points_are_found_where_they_are() {
    let (code, text) = check("review", "text");
    assert_eq!(code, 0, "warnings only: {text}");
    for expected in [
        "content/ja/care/home.md:3:1: warning[W011]: summary: the summary is 73 characters long; a phone shows about 60",
        "content/ja/care/home.md:16:1: warning[W010]: the heading jumps from level 2 to level 4",
        "content/ja/care/home.md:18:5: warning[W013]: the link says only 「こちら」",
        "content/ja/care/home.md:18:37: warning[W014]: 「①」 is a machine-dependent character",
        "content/ja/care/home.md:18:42: warning[W014]: 「ｶ」 is half-width katakana",
        "content/ja/care/home.md:18:48: warning[W014]: 「Ａ」 is a full-width letter or digit",
        "content/ja/care/home.md:18:52: warning[W015]: the date 2026/4/1 is written with slashes",
        "help: write 2026年4月1日",
        "content/ja/care/home.md:20:1: warning[W012]: the image has no alt text",
        "content/ja-easy/acp/what-is-acp.md:5:1: warning[W016]: this sentence is 52 characters long",
        "content/en:1:1: warning[W017]: 1 of 2 chapters are not translated and are shown in `ja`: care/home",
        "content/ja-easy/acp/what-is-acp.md:6:4: warning[W018]: 「提出」 may be hard for readers of やさしい日本語",
        "help: write 「出す」 instead, or explain the word where it first appears",
        "content/ja-easy/acp/what-is-acp.md:6:12: warning[W018]: 「服用」 may be hard for readers of やさしい日本語",
        "i18n/ja.yaml:2:1: warning[W019]: `serch_label` is not used by the theme",
        "help: did you mean `search_label`?",
    ] {
        assert!(text.contains(expected), "expected\n  {expected}\nin\n{text}");
    }
    // Plain words, a word the guidebook explains (data/easy-words.txt) and a real theme
    // string are not reported.
    for quiet in ["「書類」", "「薬」", "「欄」", "`home`"] {
        assert!(!text.contains(quiet), "{quiet} reported in\n{text}");
    }
    assert!(!common::fixture("review").join("public").exists(), "check writes nothing");
}

#[test]
fn a_clean_guidebook_has_nothing_to_say_but_untranslated_chapters() {
    let (code, text) = check("minimal", "text");
    assert_eq!(code, 0);
    let lines: Vec<&str> = text.lines().filter(|l| l.contains(": warning[") || l.contains(": error[")).collect();
    assert_eq!(
        lines,
        ["content/en:1:1: warning[W017]: 1 of 2 chapters are not translated and are shown in `ja`: care/home"]
    );
}

#[test]
fn errors_make_check_fail_and_json_is_for_programs() {
    let (code, text) = check("unknown-key", "json");
    assert_eq!(code, 1);
    let items: serde_json::Value = serde_json::from_str(&text).unwrap();
    let unknown = items.as_array().unwrap().iter().find(|i| i["message"] == "unknown key `sumary`").unwrap();
    assert_eq!(unknown["severity"], "error");
    assert_eq!(unknown["file"], "content/ja/care/home.md");
    assert_eq!(unknown["line"], 3);
    assert_eq!(unknown["suggestion"], "did you mean `summary`?");
}

#[test]
fn github_format_annotates_the_line_in_a_pull_request() {
    let (code, text) = check("unknown-key", "github");
    assert_eq!(code, 1);
    assert!(
        text.lines().any(|l| l == "::error file=content/ja/care/home.md,line=3,col=1,title=tebiki E017::sumary: unknown key `sumary`%0Ahelp: did you mean `summary`?"),
        "{text}"
    );
}

#[test]
fn slips_of_a_japanese_input_method_are_named_where_they_are_with_the_fix() {
    let (code, text) = check("ime-slips", "text");
    assert_eq!(code, 1, "{text}");
    let file = "content/ja/care/home.md";
    for (place, code, message, help) in [
        (
            "3:8",
            "E023",
            "summary: full-width colon `：` after `summary`",
            "help: write the line as `summary: 医師や看護師が家に来てくれます。受付：9時から`",
        ),
        ("4:8", "E029", "order: `order` is written in full-width digits", "help: write `order: 20`"),
        ("5:22", "E026", "`、` between list items", "help: write the line as `life_stages: [healthy, end-of-life]`"),
        ("6:12", "E027", "full-width bracket `［`", "help: write the line as `scenarios: [living-alone]`"),
        ("8:1", "E024", "full-width space `　`", "help: write the line as `  - resident`"),
        ("9:3", "E025", "a list item starts with `ー`", "help: write the line as `  - family`"),
        (
            "10:10",
            "E030",
            "updated: expected a date written YYYY-MM-DD, found the text `令和8年4月1日`",
            "help: write `updated: 2026-04-01`",
        ),
        (
            "11:14",
            "E028",
            "a value in curly quotes `“ ”`",
            "help: write the line as `reviewed_by: \"地域包括ケア推進課\"`",
        ),
    ] {
        let line = format!("{file}:{place}: error[{code}]: {message}");
        let at = text.find(&line).unwrap_or_else(|| panic!("expected\n  {line}\nin\n{text}"));
        let next = text[at..].split("\n\n").next().unwrap();
        assert!(next.contains(help), "expected {help} under {line}, found\n{next}");
    }
    // One message per slip: not the parser's error a line later, nor `healthy、end-of-life`
    // read as an unknown life stage, and the full-width colon inside the summary is text.
    assert_eq!(text.matches(": error[").count(), 8, "{text}");
    assert!(!text.contains("not valid") && !text.contains("unknown life stage"), "{text}");
}
