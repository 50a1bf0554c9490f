use crate::diagnostics::Position;
use crate::markdown::{ParsedBody, parse, to_html};

const FRONT: &str = "---\ntitle: t\n---\n";

/// The body parsed as the 4th line onwards of a chapter file, and its problems as
/// (line, column, message).
fn parse_body(body: &str) -> (ParsedBody, Vec<(usize, usize, String)>) {
    let text = format!("{FRONT}{body}");
    let (parsed, problems) = parse("a.md", &text, FRONT.len());
    let problems =
        problems.into_iter().map(|d| (d.position.line, d.position.column, d.text(crate::messages::Lang::En))).collect();
    (parsed, problems)
}

/// Text marked as tebiki's `text` would mark it, so a test sees where it was used.
fn published(body: &str) -> String {
    let (parsed, problems) = parse_body(body);
    assert!(problems.is_empty(), "{problems:?}");
    to_html(&parsed, &|dest| format!("/to/{dest}"), &|text| format!("[{text}]"))
}

fn refused(body: &str) -> Vec<(usize, usize, String)> {
    let (_, problems) = parse_body(body);
    assert!(!problems.is_empty(), "{body:?} was accepted");
    problems
}

#[test]
fn a_handler_on_the_next_line_of_a_tag_is_found_there() {
    let problems = refused("本文\n\n<div><img src=x.png\nonerror=\"alert(1)\"></div>\n");
    assert_eq!(problems.len(), 1, "{problems:?}");
    let (line, column, message) = &problems[0];
    assert_eq!((*line, *column), (7, 1));
    assert!(message.contains("`onerror` on <img>") && message.contains("runs a program"), "{message}");
}

#[test]
fn form_feeds_and_lone_line_breaks_do_not_hide_a_handler() {
    for body in ["<div><img src=x.png\u{c}onerror=alert(1)></div>\n", "<details open\nontoggle=alert(1)>x</details>\n"]
    {
        let problems = refused(body);
        assert!(problems.iter().any(|p| p.2.contains("runs a program")), "{body:?}: {problems:?}");
    }
}

#[test]
fn javascript_behind_entities_and_line_breaks_is_refused() {
    for href in
        ["jav&#x09;ascript:alert(1)", "&#106;avascript:alert(1)", "javascript&colon;alert(1)", "java\nscript:alert(1)"]
    {
        let problems = refused(&format!("<p><a href=\"{href}\">x</a></p>\n"));
        assert!(problems.iter().any(|p| p.2.contains("`javascript:` runs a program")), "{href:?}: {problems:?}");
    }
}

#[test]
fn elements_that_take_over_the_page_are_refused_with_their_reason() {
    for (html, reason) in [
        ("<meta http-equiv=refresh content=\"0;url=https://evil.example/\">", "sends the reader elsewhere"),
        ("<base href=\"https://evil.example/\">", "where its links lead"),
        ("<form action=\"https://evil.example/\"><input type=password></form>", "sends it somewhere"),
        ("<link rel=stylesheet href=\"https://evil.example/x.css\">", "how the whole page looks"),
        ("<style>body{background:url(https://evil.example/)}</style>", "how the whole page looks"),
        ("<iframe src=\"https://evil.example/\"></iframe>", "another page"),
        ("<script>alert(1)</script>", "runs a program"),
        ("<svg><a href=\"javascript:alert(1)\"><text>x</text></a></svg>", "<svg>"),
        ("<body onload=\"alert(1)\">", "page's own parts"),
        ("<html onmouseover=\"alert(1)\">", "page's own parts"),
    ] {
        let problems = refused(&format!("{html}\n"));
        assert!(problems.iter().any(|p| p.2.contains(reason) && p.0 == 4), "{html}: {problems:?}");
    }
}

#[test]
fn styles_and_images_from_other_sites_are_refused() {
    let problems = refused("<p style=\"background:url(https://evil.example/)\">x</p>\n");
    assert!(problems[0].2.contains("`style`"), "{problems:?}");
    let problems = refused("<img src=\"https://evil.example/x.png\" alt=\"\">\n");
    assert!(problems[0].2.contains("another site (evil.example)"), "{problems:?}");
    let problems = refused("本文\n\n![地図](https://evil.example/map.png)\n");
    assert_eq!((problems[0].0, problems[0].1), (6, 1));
    assert!(problems[0].2.contains("image address"), "{problems:?}");
}

#[test]
fn markdown_cannot_add_attributes_to_headings() {
    let problems = refused("## 見出し {#ok onclick=alert(1)}\n");
    assert!(problems[0].2.contains("an id, and nothing else"), "{problems:?}");
}

#[test]
fn a_tag_left_open_before_markdown_is_an_error_not_lost_text() {
    let problems = refused("<div title=\"x\n\n段落の本文\n");
    assert!(problems.iter().any(|p| p.2.contains("not closed")), "{problems:?}");
    let problems = refused("本文\n\n<!-- メモ\n\n段落\n");
    assert!(problems.iter().any(|p| p.2.contains("comment")), "{problems:?}");
}

#[test]
fn a_character_reference_cannot_forge_tebiki_markers() {
    let problems = refused("<p>&#xFDD0;0&#xFDD1;</p>\n");
    assert!(problems[0].2.contains("U+FDD0"), "{problems:?}");
    let problems = refused("本文&#xFDD4;です\n");
    assert!(problems[0].2.contains("U+FDD4"), "{problems:?}");
}

#[test]
fn allowed_html_is_published_with_markdown_inside_it() {
    let html = published(
        "<details>\n<summary>詳しく</summary>\n\n中の*段落*です。\n\n</details>\n\n\
         <table><caption>表</caption><tr><th scope=\"col\">曜日</th><td colspan=\"2\">月</td></tr></table>\n",
    );
    assert!(html.starts_with("<details><summary>[詳しく]</summary>"), "text in the HTML is typeset too: {html}");
    assert!(html.contains("<p>[中の]<em>[段落]</em>[です。]</p>"), "{html}");
    assert!(
        html.contains("<div class=\"table-wrap\" tabindex=\"0\"><table><caption>[表]</caption><tbody><tr><th scope=\"col\">[曜日]</th><td colspan=\"2\">[月]</td></tr></tbody></table></div>"),
        "{html}"
    );
}

#[test]
fn inline_html_keeps_its_place_in_the_paragraph() {
    let html =
        published("これは<span lang=\"en\">English</span>と<abbr title=\"Advance Care Planning\">ACP</abbr>です。\n");
    assert_eq!(
        html,
        "<p>[これは]<span lang=\"en\">[English]</span>[と]<abbr title=\"Advance Care Planning\">[ACP]</abbr>[です。]</p>"
    );
}

#[test]
fn the_authors_furigana_and_code_are_left_as_written() {
    let html = published("<ruby>日向<rp>(</rp><rt>ひなた</rt><rp>)</rp></ruby>さんと<code>tebiki</code>\n");
    assert!(html.contains("<ruby>日向<rp>(</rp><rt>ひなた</rt><rp>)</rp></ruby>[さんと]<code>tebiki</code>"), "{html}");
}

#[test]
fn addresses_in_html_are_checked_and_lead_where_markdown_links_lead() {
    let (parsed, problems) =
        parse_body("<p>詳しくは<a href=\"../acp/x.md#a\">こちら</a>。</p>\n<img src=\"map.png\" alt=\"地図\">\n");
    assert!(problems.is_empty(), "{problems:?}");
    let links: Vec<(&str, Position, bool, &str)> =
        parsed.links.iter().map(|l| (l.dest.as_str(), l.position, l.is_image, l.text.as_str())).collect();
    assert_eq!(
        links,
        [("../acp/x.md#a", Position::new(4, 11), false, "こちら"), ("map.png", Position::new(5, 6), true, "地図")]
    );
    let html = to_html(&parsed, &|dest| format!("/to/{dest}?a&b"), &|text| text.to_string());
    assert!(html.contains("<a href=\"/to/../acp/x.md#a?a&amp;b\">こちら</a>"), "{html}");
    assert!(html.contains("<img src=\"/to/map.png?a&amp;b\" alt=\"地図\">"), "{html}");
}

#[test]
fn comments_are_notes_for_editors_and_not_published() {
    let html = published("<!-- 来年度に見直す -->\n\n本文\n");
    assert_eq!(html, "<p>[本文]</p>");
}

#[test]
fn html_in_an_image_description_is_text() {
    let html = published("![<b>地図</b>](map.png)\n");
    assert!(html.contains("alt=\"&lt;b&gt;地図&lt;/b&gt;\""), "{html}");
}

#[test]
fn nesting_too_deep_is_refused_before_it_is_built() {
    let problems = refused(&format!("{}\n", "<div>".repeat(50_000)));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].2.contains("nested more than"), "{problems:?}");
}
