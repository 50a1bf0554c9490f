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

/// `tebiki check` on a fixture as staff run it: no `TEBIKI_MESSAGES`, an English system
/// locale (so that only the guidebook can make the messages Japanese), and `options`.
fn check_as_staff(fixture: &str, options: &[&str]) -> (i32, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_tebiki"))
        .env_remove("TEBIKI_MESSAGES")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "en_US.UTF-8")
        .arg("check")
        .args(options)
        .arg("--root")
        .arg(common::fixture(fixture))
        .output()
        .unwrap();
    (output.status.code().unwrap_or(-1), String::from_utf8_lossy(&output.stdout).to_string())
}

/// Each slip of the ime-slips fixture: where, its code, the Japanese and the English
/// message, and the text offered to write instead.
const SLIPS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "3:8",
        "E023",
        "summary: 「summary」のあとのコロンが全角の「：」です",
        "summary: full-width colon `：` after `summary`",
        "summary: 医師や看護師が家に来てくれます。受付：9時から",
    ),
    ("4:8", "E029", "order: 「order」の数字が全角です", "order: `order` is written in full-width digits", "order: 20"),
    (
        "5:22",
        "E026",
        "項目と項目のあいだが「、」になっています",
        "`、` between list items",
        "life_stages: [healthy, end-of-life]",
    ),
    ("6:12", "E027", "かっこが全角の「［」です", "full-width bracket `［`", "scenarios: [living-alone]"),
    ("8:1", "E024", "全角のスペース「　」が入っています", "full-width space `　`", "  - resident"),
    ("9:3", "E025", "箇条書きの行が「ー」で始まっています", "a list item starts with `ー`", "  - family"),
    (
        "10:10",
        "E030",
        "updated: 日付は「年-月-日」の形で書きます。「令和8年4月1日」と書かれています",
        "updated: expected a date written YYYY-MM-DD, found the text `令和8年4月1日`",
        "updated: 2026-04-01",
    ),
    (
        "11:14",
        "E028",
        "値が全角の「“」「”」で囲まれています",
        "a value in curly quotes `“ ”`",
        "reviewed_by: \"地域包括ケア推進課\"",
    ),
];

/// The message block of `text` that starts with `line`.
fn block<'a>(text: &'a str, line: &str) -> &'a str {
    let at = text.find(line).unwrap_or_else(|| panic!("expected\n  {line}\nin\n{text}"));
    text[at..].split("\n\n").next().unwrap()
}

#[test]
fn slips_of_a_japanese_input_method_are_named_where_they_are_in_japanese_by_default() {
    let (code, text) = check_as_staff("ime-slips", &[]);
    assert_eq!(code, 1, "{text}");
    for (place, code, japanese, _, fixed) in SLIPS {
        let found = block(&text, &format!("content/ja/care/home.md:{place}: エラー[{code}]: {japanese}\n"));
        assert!(found.contains("  正しい形: "), "what was expected, under\n{found}");
        let help = found.lines().find(|l| l.starts_with("  直し方: ")).unwrap_or_else(|| panic!("help in\n{found}"));
        assert!(help.contains(&format!("「{fixed}」")), "the text to write, in\n{found}");
    }
    // One message per slip: not the parser's error a line later, nor `healthy、end-of-life`
    // read as an unknown life stage, and the full-width colon inside the summary is text.
    assert_eq!(text.matches(": エラー[").count(), SLIPS.len(), "{text}");
    assert!(!text.contains("E020") && !text.contains("E022"), "{text}");
    assert!(!text.contains("error"), "nothing in English: {text}");
}

#[test]
fn messages_en_says_the_same_slips_in_english_at_the_same_places() {
    let (code, text) = check_as_staff("ime-slips", &["--messages", "en"]);
    assert_eq!(code, 1, "{text}");
    for (place, code, _, english, fixed) in SLIPS {
        let found = block(&text, &format!("content/ja/care/home.md:{place}: error[{code}]: {english}\n"));
        assert!(found.contains("  expected: "), "{found}");
        assert!(
            found.contains(&format!("  help: write `{fixed}`"))
                || found.contains(&format!("  help: write the line as `{fixed}`")),
            "{found}"
        );
    }
    assert_eq!(text.matches(": error[").count(), SLIPS.len(), "{text}");
    assert!(!text.contains("エラー"), "{text}");
}

#[test]
fn json_and_github_output_carry_each_slip_s_code_and_place() {
    let (_, json) = check_as_staff("ime-slips", &["--format", "json"]);
    let items: serde_json::Value = serde_json::from_str(&json).unwrap();
    let found: Vec<(String, String, String)> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                format!("{}:{}", i["line"], i["column"]),
                i["code"].as_str().unwrap().to_string(),
                i["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected: Vec<(String, String, String)> = SLIPS
        .iter()
        .map(|(place, code, japanese, _, _)| {
            let message =
                japanese.split_once(": ").filter(|(field, _)| !field.contains('「')).map_or(*japanese, |(_, m)| m);
            (place.to_string(), code.to_string(), message.to_string())
        })
        .collect();
    assert_eq!(found, expected);
    let (_, github) = check_as_staff("ime-slips", &["--format", "github"]);
    for (place, code, _, _, _) in SLIPS {
        let (line, column) = place.split_once(':').unwrap();
        let start = format!("::error file=content/ja/care/home.md,line={line},col={column},title=tebiki {code}::");
        assert!(github.lines().any(|l| l.starts_with(&start)), "{start} in\n{github}");
    }
}

#[test]
fn slips_in_site_yaml_and_contacts_yaml_are_found_too_and_nothing_else_is_blamed_on_them() {
    let (code, text) = check_as_staff("ime-slips-settings", &[]);
    assert_eq!(code, 1, "{text}");
    for (place, code, message, fixed) in [
        (
            "site.yaml:1:9",
            "E023",
            "base_url: 「base_url」のあとのコロンが全角の「：」です",
            "base_url: https://guide.example.jp/",
        ),
        ("site.yaml:6:9", "E023", "code: 「code」のあとのコロンが全角の「：」です", "  - code: en"),
        ("site.yaml:8:22", "E026", "項目と項目のあいだが「、」になっています", "life_stages: [healthy, end-of-life]"),
        ("data/contacts.yaml:5:8", "E023", "phone: 「phone」のあとのコロンが全角の「：」です", "  phone: 000-555-0001"),
        ("data/contacts.yaml:7:7", "E023", "ja: 「ja」のあとのコロンが全角の「：」です", "    ja: 平日 9時〜17時"),
    ] {
        let found = block(&text, &format!("{place}: エラー[{code}]: {message}\n"));
        assert!(found.contains(&format!("「{fixed}」")), "{found}");
    }
    // Read with the slips corrected, the settings and contacts serve to check the chapters:
    // no chapter is blamed for a contact or a life stage the slips hid.
    assert_eq!(text.matches(": エラー[").count(), 5, "{text}");
}
