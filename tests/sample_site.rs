//! The bundled sample guidebook, built once, checked the way a reader and a search engine
//! would see it.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::{front_matter, html, read_tree, repo_root, resolve_href, select, text_of};

struct Built {
    _dir: tempfile::TempDir,
    out: PathBuf,
}

fn site() -> &'static Path {
    static BUILT: OnceLock<Built> = OnceLock::new();
    &BUILT
        .get_or_init(|| {
            let (dir, out) = common::build(&repo_root());
            Built { _dir: dir, out }
        })
        .out
}

fn languages() -> Vec<(String, String)> {
    let config: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(repo_root().join("site.yaml")).unwrap()).unwrap();
    config["languages"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|l| {
            let code = l["code"].as_str().unwrap().to_string();
            let tag = l["tag"].as_str().map_or(code.clone(), str::to_string);
            (code, tag)
        })
        .collect()
}

/// Source chapters by slug, with their front-matter, in reading order.
fn source_chapters() -> Vec<(String, serde_yaml::Value)> {
    let dir = repo_root().join("content/ja");
    let mut chapters: Vec<(String, serde_yaml::Value)> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md") && e.file_name() != "_index.md")
        .map(|e| {
            let slug = e.path().strip_prefix(&dir).unwrap().with_extension("").to_string_lossy().to_string();
            (slug, front_matter(e.path()))
        })
        .filter(|(_, front)| !front["draft"].as_bool().unwrap_or(false))
        .collect();
    chapters.sort_by_key(|(slug, front)| (front["order"].as_i64().unwrap(), slug.clone()));
    chapters
}

#[test]
fn every_chapter_has_a_page_in_every_language() {
    let chapters = source_chapters();
    assert!(chapters.len() >= 12, "the sample has {} chapters", chapters.len());
    for (code, tag) in languages() {
        for (slug, _) in &chapters {
            let page = site().join(format!("{code}/{slug}/index.html"));
            let document = html(&page);
            let root = select(&document, "html")[0];
            assert_eq!(root.value().attr("lang"), Some(tag.as_str()), "{}", page.display());
            assert_eq!(select(&document, "h1").len(), 1, "one h1 on {}", page.display());
        }
    }
}

#[test]
fn japanese_and_english_are_complete_translations() {
    for (slug, _) in source_chapters() {
        assert!(repo_root().join(format!("content/en/{slug}.md")).is_file(), "content/en/{slug}.md");
        let document = html(&site().join(format!("en/{slug}/index.html")));
        assert!(select(&document, ".notice").is_empty(), "en/{slug} is translated and shows no notice");
    }
}

#[test]
fn an_untranslated_chapter_is_shown_in_japanese_with_a_notice() {
    let chapters = source_chapters();
    let mut checked = 0;
    for (code, _) in languages().into_iter().filter(|(c, _)| c != "ja") {
        for (slug, front) in &chapters {
            let translated = repo_root().join(format!("content/{code}/{slug}.md")).is_file();
            let document = html(&site().join(format!("{code}/{slug}/index.html")));
            let notices = select(&document, "p.notice");
            let prose = select(&document, ".prose")[0];
            let h1 = select(&document, "h1")[0];
            if translated {
                assert!(notices.is_empty(), "{code}/{slug}");
                assert_eq!(prose.value().attr("lang"), None, "{code}/{slug}");
            } else {
                assert_eq!(notices.len(), 1, "{code}/{slug} needs the not-yet-translated notice");
                assert_eq!(prose.value().attr("lang"), Some("ja"), "{code}/{slug} content is marked Japanese");
                assert_eq!(h1.value().attr("lang"), Some("ja"));
                assert_eq!(text_of(&h1), front["title"].as_str().unwrap());
                // The notice is in the reader's language, not in Japanese.
                let notice = text_of(&notices[0]);
                let ja_notice = text_of(&select(&html(&site().join(format!("ja/{slug}/index.html"))), "body")[0]);
                assert!(!ja_notice.contains(&notice), "{code} notice `{notice}` is translated");
                checked += 1;
            }
        }
    }
    assert!(checked > 0, "the sample shows at least one fallback");
}

#[test]
fn at_least_three_chapters_in_each_other_language() {
    for code in ["ja-easy", "zh", "ko", "vi"] {
        let count = walkdir::WalkDir::new(repo_root().join("content").join(code))
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.path().extension().is_some_and(|x| x == "md") && e.file_name() != "_index.md")
            .count();
        assert!(count >= 3, "content/{code} has {count} chapters");
    }
}

#[test]
fn hreflang_alternates_are_reciprocal() {
    let tree = read_tree(site());
    let mut alternates: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut canonical_of: BTreeMap<String, String> = BTreeMap::new();
    for (path, _) in tree.iter().filter(|(p, _)| p.ends_with("index.html") && p.contains('/')) {
        let document = html(&site().join(path));
        let canonical = select(&document, "link[rel=canonical]")[0].value().attr("href").unwrap().to_string();
        let links: BTreeSet<String> = select(&document, "link[rel=alternate][hreflang]")
            .iter()
            .map(|l| l.value().attr("href").unwrap().to_string())
            .collect();
        assert!(links.contains(&canonical), "{path} lists itself among its alternates");
        assert_eq!(links.len(), languages().len(), "{path} has one alternate per language");
        canonical_of.insert(canonical.clone(), path.clone());
        alternates.insert(canonical, links);
    }
    for (page, links) in &alternates {
        for other in links {
            let back = alternates.get(other).unwrap_or_else(|| panic!("{page} names {other}, which is not a page"));
            assert!(back.contains(page), "{other} does not link back to {page}");
        }
    }
    assert!(canonical_of.len() >= 12 * 6);
}

#[test]
fn listing_pages_list_the_right_chapters_in_order() {
    let chapters = source_chapters();
    let config: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(repo_root().join("site.yaml")).unwrap()).unwrap();
    for (group, field, folder) in [("life_stages", "life_stages", "stages"), ("scenarios", "scenarios", "scenarios")] {
        for key in config[group].as_sequence().unwrap().iter().map(|k| k.as_str().unwrap()) {
            let expected: Vec<String> = chapters
                .iter()
                .filter(|(_, f)| f[field].as_sequence().is_some_and(|s| s.iter().any(|v| v.as_str() == Some(key))))
                .map(|(_, f)| f["title"].as_str().unwrap().to_string())
                .collect();
            assert!(!expected.is_empty(), "the sample covers {group} {key}");
            let document = html(&site().join(format!("ja/{folder}/{key}/index.html")));
            let listed: Vec<String> =
                select(&document, "main .chapter-list .chapter-title").iter().map(text_of).collect();
            assert_eq!(listed, expected, "ja/{folder}/{key}");
        }
    }
}

#[test]
fn the_front_page_shows_the_journey_and_the_scenarios() {
    let config: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(repo_root().join("site.yaml")).unwrap()).unwrap();
    let document = html(&site().join("ja/index.html"));
    let steps = select(&document, "ol.journey > li");
    assert_eq!(steps.len(), config["life_stages"].as_sequence().unwrap().len());
    let numbers: Vec<String> = select(&document, ".journey-number").iter().map(text_of).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5"]);
    let scenarios: Vec<String> =
        select(&document, "[aria-labelledby=scenarios-heading] a").iter().map(text_of).collect();
    assert_eq!(scenarios.len(), config["scenarios"].as_sequence().unwrap().len());
    assert_eq!(scenarios[0], "認知症と診断されたら");
    // Every chapter is still on the front page, folded.
    let all = select(&document, "details.all-chapters .chapter-list a");
    assert_eq!(all.len(), source_chapters().iter().filter(|(_, f)| f["draft"].as_bool() != Some(true)).count());
}

#[test]
fn the_front_page_starts_with_whom_to_call_when_it_is_urgent() {
    for (code, _) in languages() {
        let page = site().join(format!("{code}/index.html"));
        let document = html(&page);
        let urgent = select(&document, "main > section.urgent");
        assert_eq!(urgent.len(), 1, "{code}: one urgent block");
        // It comes before the introduction and the stages.
        let first_section = select(&document, "main > section").into_iter().next().unwrap();
        assert_eq!(first_section.value().attr("class"), Some("urgent"), "{code}");
        let links: Vec<(String, String)> = select(&document, "section.urgent a")
            .iter()
            .map(|a| (a.value().attr("href").unwrap().to_string(), text_of(a)))
            .collect();
        assert_eq!(links[0].0, "tel:119", "{code}: 119 first");
        // The desk marked `urgent: true` in data/contacts.yaml, callable.
        assert!(
            links.iter().any(|(href, text)| href == "tel:0005550199" && text == "000-555-0199"),
            "{code}: {links:?}"
        );
        // The chapter marked `urgent: true`, in this language.
        let chapter = links.iter().find(|(href, _)| href.contains("emergency/sudden-change")).expect("the chapter");
        let (target, _) = resolve_href(site(), &format!("{code}/index.html"), &chapter.0);
        assert!(target.is_file(), "{code}: {target:?}");
    }
}

#[test]
fn each_stage_shows_its_key_chapters_then_a_link_to_all_of_them() {
    let chapters = source_chapters();
    let config: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(repo_root().join("site.yaml")).unwrap()).unwrap();
    let document = html(&site().join("ja/index.html"));
    let steps = select(&document, "ol.journey > li");
    for (step, stage) in steps.iter().zip(config["life_stages"].as_sequence().unwrap()) {
        let stage = stage.as_str().unwrap();
        let has = |front: &serde_yaml::Value, key: &str| {
            front[key].as_sequence().is_some_and(|s| s.iter().any(|v| v.as_str() == Some(stage)))
        };
        let tagged: Vec<&(String, serde_yaml::Value)> =
            chapters.iter().filter(|(_, f)| has(f, "life_stages")).collect();
        let key: Vec<String> = tagged
            .iter()
            .filter(|(_, f)| has(f, "key_for"))
            .map(|(_, f)| f["title"].as_str().unwrap().to_string())
            .collect();
        assert!(!key.is_empty(), "the sample marks key chapters for {stage}");
        let shown: Vec<String> = scraper::Selector::parse(".chapter-list a")
            .map(|s| step.select(&s).map(|a| text_of(&a)).collect())
            .unwrap();
        let mut expected = key.clone();
        let mut shown_sorted = shown.clone();
        expected.sort();
        shown_sorted.sort();
        assert_eq!(shown_sorted, expected, "{stage}: only its key chapters");
        let more: Vec<_> =
            scraper::Selector::parse(".journey-more a").map(|s| step.select(&s).collect::<Vec<_>>()).unwrap();
        assert_eq!(more.len(), 1, "{stage}: a link to all its chapters");
        let text = text_of(&more[0]);
        assert!(text.contains(&format!("{}章", tagged.len())), "{stage}: {text}");
        let (target, _) = resolve_href(site(), "ja/index.html", more[0].value().attr("href").unwrap());
        let listing = html(&target);
        assert_eq!(select(&listing, "main .chapter-list li").len(), tagged.len(), "{stage}: the stage page lists all");
    }
}

#[test]
fn every_page_links_the_site_icon_relative_to_itself() {
    for (path, depth) in [("ja/index.html", 1), ("ja/acp/what-is-acp/index.html", 3), ("index.html", 0)] {
        let document = html(&site().join(path));
        let icons = select(&document, "link[rel=icon]");
        assert_eq!(icons.len(), 1, "{path}");
        let href = icons[0].value().attr("href").unwrap();
        assert_eq!(href, format!("{}favicon.svg", "../".repeat(depth)), "{path}");
        assert_eq!(icons[0].value().attr("type"), Some("image/svg+xml"));
    }
    let icon = std::fs::read_to_string(site().join("favicon.svg")).unwrap();
    assert!(icon.starts_with("<svg") && !icon.contains("<script"));
}

#[test]
fn the_sitemap_lists_every_page_and_only_pages() {
    let sitemap = std::fs::read_to_string(site().join("sitemap.xml")).unwrap();
    let base = "https://guide.hidamari-city.example/";
    let listed: BTreeSet<String> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|s| s.split("</loc>").next().unwrap().strip_prefix(base).expect("absolute URL under base_url").to_string())
        .collect();
    for url in &listed {
        let file = site().join(url).join("index.html");
        assert!(file.is_file(), "sitemap lists {url}, which does not exist");
    }
    let pages: BTreeSet<String> = read_tree(site())
        .into_keys()
        .filter(|p| p.ends_with("index.html"))
        .map(|p| p.strip_suffix("index.html").unwrap().to_string())
        .collect();
    assert_eq!(listed, pages);
}

#[test]
fn every_internal_link_and_anchor_resolves() {
    let mut checked = 0;
    for (path, bytes) in read_tree(site()).iter().filter(|(p, _)| p.ends_with(".html") && *p != "404.html") {
        let document = scraper::Html::parse_document(std::str::from_utf8(bytes).unwrap());
        let mut refs: Vec<String> =
            select(&document, "a[href]").iter().map(|a| a.value().attr("href").unwrap().to_string()).collect();
        refs.extend(
            select(&document, "link[rel=stylesheet]").iter().map(|l| l.value().attr("href").unwrap().to_string()),
        );
        for href in refs {
            if href.starts_with("tel:") || href.starts_with("mailto:") {
                continue;
            }
            assert!(!href.contains("://"), "{path} links off-site to {href}");
            let (target, fragment) = resolve_href(site(), path, &href);
            assert!(target.is_file(), "{path}: {href} -> {} does not exist", target.display());
            if let Some(id) = fragment {
                let target_doc = html(&target);
                assert_eq!(select(&target_doc, &format!("[id=\"{id}\"]")).len(), 1, "{path}: {href} has no #{id}");
            }
            checked += 1;
        }
    }
    assert!(checked > 1000, "checked {checked} links");
}

#[test]
fn chapter_pages_have_contacts_breadcrumbs_and_neighbours() {
    let chapters = source_chapters();
    for (i, (slug, front)) in chapters.iter().enumerate() {
        let document = html(&site().join(format!("ja/{slug}/index.html")));
        let names: Vec<String> = select(&document, "#page-contacts .contact-name").iter().map(text_of).collect();
        assert_eq!(names.len(), front["contacts"].as_sequence().map_or(2, |c| c.len()), "ja/{slug}");
        for tel in select(&document, "#page-contacts .contact-phone a") {
            assert!(tel.value().attr("href").unwrap().starts_with("tel:000555"), "fictional tel: link");
        }
        assert!(!select(&document, "nav.breadcrumbs a").is_empty());
        assert_eq!(select(&document, "a[rel=prev]").len(), usize::from(i > 0), "ja/{slug}");
        assert_eq!(select(&document, "a[rel=next]").len(), usize::from(i + 1 < chapters.len()), "ja/{slug}");
        let toc: Vec<String> =
            select(&document, "#page-toc a").iter().map(|a| a.value().attr("href").unwrap().to_string()).collect();
        for href in toc {
            assert_eq!(select(&document, &format!("[id=\"{}\"]", &href[1..])).len(), 1, "ja/{slug} {href}");
        }
    }
}

#[test]
fn dates_are_written_the_way_each_language_writes_them() {
    let ja = text_of(&select(&html(&site().join("ja/acp/what-is-acp/index.html")), "time")[0]);
    assert_eq!(ja, "2026年10月1日");
    let en = text_of(&select(&html(&site().join("en/acp/what-is-acp/index.html")), "time")[0]);
    assert_eq!(en, "1 October 2026");
}

#[test]
fn nothing_is_fetched_from_another_host_and_scripts_never_block_rendering() {
    for (path, bytes) in read_tree(site()).iter().filter(|(p, _)| p.ends_with(".html")) {
        let document = scraper::Html::parse_document(std::str::from_utf8(bytes).unwrap());
        for element in select(&document, "[src], link[href]") {
            let url = element.value().attr("src").or(element.value().attr("href")).unwrap();
            let rel = element.value().attr("rel").unwrap_or("");
            let is_metadata = rel == "canonical" || rel == "alternate";
            assert!(is_metadata || !url.contains("//"), "{path} loads {url}");
        }
        // Scripts with a source are modules (deferred); the one inline script only applies
        // the reader's saved settings and loads nothing.
        for script in select(&document, "script[src]") {
            assert_eq!(script.value().attr("type"), Some("module"), "{path}");
        }
        let inline: Vec<String> = select(&document, "script:not([src])").iter().map(|s| s.inner_html()).collect();
        assert_eq!(inline.len(), 1, "{path}");
        assert!(inline[0].len() < 400 && inline[0].contains("localStorage") && !inline[0].contains("fetch"), "{path}");
        let sources: Vec<&str> =
            select(&document, "script[src]").iter().map(|s| s.value().attr("src").unwrap()).collect();
        let wanted = if path.ends_with("/search/index.html") { 2 } else { 1 };
        assert_eq!(sources.len(), wanted, "{path}: {sources:?}");
    }
}

#[test]
fn furigana_are_shown_in_easy_japanese_and_available_in_japanese() {
    let easy = html(&site().join("ja-easy/acp/what-is-acp/index.html"));
    assert_eq!(select(&easy, "html")[0].value().attr("data-furigana"), Some("on"));
    let readings: Vec<String> = select(&easy, ".prose ruby rt").iter().map(|rt| rt.text().collect()).collect();
    assert!(readings.contains(&"じんせいかいぎ".to_string()), "{readings:?}");
    let ja = html(&site().join("ja/stories/early-dementia/index.html"));
    assert_eq!(select(&ja, "html")[0].value().attr("data-furigana"), Some("off"), "hidden until the reader asks");
    let bases: Vec<String> =
        select(&ja, ".prose ruby").iter().map(|r| r.text().next().unwrap_or("").to_string()).collect();
    assert!(bases.contains(&"認知症".to_string()), "{bases:?}");
    // The page title and the search data never carry readings.
    assert!(!text_of(&select(&ja, "title")[0]).contains("にんちしょう"));
    let texts = std::fs::read_to_string(site().join("search/ja/t/6.json")).unwrap();
    assert!(!texts.contains("<ruby") && !texts.contains("<rt>"));
}

#[test]
fn english_pages_get_no_ruby_and_code_is_left_alone() {
    let en = std::fs::read_to_string(site().join("en/acp/what-is-acp/index.html")).unwrap();
    let prose = en.split("class=prose").nth(1).unwrap_or("");
    assert!(!prose.split("</article>").next().unwrap().contains("<ruby"), "an English chapter has no readings");
}

/// Every Japanese text on every page, whoever wrote it (a chapter, site.yaml, i18n, the
/// contacts, the theme), has break points: outside a phrase unit no text runs longer than
/// a short phrase without one, and no break point stands where kinsoku forbids a break.
#[test]
fn every_japanese_text_on_every_page_can_break_between_phrases() {
    const NO_LINE_START: &str = "、。，．・：；？！ー）」』】ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ";
    const NO_LINE_END: &str = "（「『【";
    let is_japanese = |c: char| matches!(c, '\u{3041}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}');
    let mut unbroken = BTreeSet::new();
    let mut illegal = BTreeSet::new();
    let mut pages = 0;
    for (path, bytes) in read_tree(site()) {
        if !path.ends_with(".html") {
            continue;
        }
        // The parser reads <noscript> as raw text, as a browser with JavaScript on does; its
        // markup is what a reader without JavaScript sees, so it is read as markup here.
        let text = String::from_utf8(bytes).unwrap().replace("<noscript>", "<div>").replace("</noscript>", "</div>");
        let document = scraper::Html::parse_document(&text);
        let mut any_japanese = false;
        for node in document.tree.root().descendants() {
            let Some(text) = node.value().as_text() else { continue };
            let elements = || node.ancestors().filter_map(|a| a.value().as_element());
            let lang = elements().find_map(|e| e.attr("lang")).unwrap_or("");
            if !(lang == "ja" || lang.starts_with("ja-")) {
                continue;
            }
            let inside = |names: &[&str]| elements().any(|e| names.contains(&e.name()));
            if inside(&["rt", "rp", "code", "pre", "script", "style", "title", "option", "textarea", "svg"])
                || elements().any(|e| {
                    e.has_class("w", scraper::CaseSensitivity::CaseSensitive)
                        || e.has_class("lw", scraper::CaseSensitivity::CaseSensitive)
                })
            {
                continue;
            }
            any_japanese |= text.chars().any(is_japanese);
            let longest = text.split(|c: char| !is_japanese(c)).map(|run| run.chars().count()).max().unwrap_or(0);
            if longest > 4 {
                unbroken.insert(format!("{path}: {}", text.trim()));
            }
        }
        if any_japanese {
            pages += 1;
        }
        // Break points, as the text reads without markup.
        let plain = text.replace("<wbr>", "\u{1}");
        let plain = scraper::Html::parse_document(&plain).root_element().text().collect::<String>();
        for (before, after) in plain.split('\u{1}').zip(plain.split('\u{1}').skip(1)) {
            let (Some(b), Some(a)) = (before.chars().last(), after.chars().next()) else { continue };
            if NO_LINE_END.contains(b) || NO_LINE_START.contains(a) {
                illegal.insert(format!(
                    "{path}: …{}|{}…",
                    before.chars().rev().take(6).collect::<Vec<_>>().into_iter().rev().collect::<String>(),
                    after.chars().take(6).collect::<String>()
                ));
            }
        }
    }
    assert!(pages > 40, "Japanese pages read: {pages}");
    assert!(
        unbroken.is_empty(),
        "Japanese text without break points:\n{}",
        unbroken.into_iter().take(30).collect::<Vec<_>>().join("\n")
    );
    assert!(
        illegal.is_empty(),
        "break points kinsoku forbids:\n{}",
        illegal.into_iter().take(30).collect::<Vec<_>>().join("\n")
    );
}
