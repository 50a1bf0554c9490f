//! sitemap.xml: every page, with its translations as hreflang alternates.

use crate::guidebook::Guidebook;
use crate::output::paths::{PagePath, PathIn};

pub(super) fn render(guidebook: &Guidebook) -> String {
    let base = &guidebook.config.base_url;
    let languages = &guidebook.config.languages;
    let mut pages: Vec<PathIn> = vec![Box::new(PagePath::front), Box::new(PagePath::search), Box::new(PagePath::help)];
    for chapter in &guidebook.chapters {
        pages.push(Box::new(move |lang| PagePath::chapter(lang, &chapter.slug)));
    }
    for key in &guidebook.config.life_stages {
        pages.push(Box::new(move |lang| PagePath::life_stage(lang, key)));
    }
    for key in &guidebook.config.scenarios {
        pages.push(Box::new(move |lang| PagePath::scenario(lang, key)));
    }
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    xml.push_str(&format!("<url><loc>{}</loc></url>\n", escape(&PagePath::language_root().absolute(base))));
    for page in &pages {
        for language in languages {
            xml.push_str(&format!("<url><loc>{}</loc>", escape(&page(&language.code).absolute(base))));
            for alternate in languages {
                xml.push_str(&format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    escape(alternate.tag()),
                    escape(&page(&alternate.code).absolute(base))
                ));
            }
            xml.push_str("</url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
