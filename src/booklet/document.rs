//! The generated main.typ: the cover, the contents, every chapter with its tags and QR
//! code, and the desks, with the files it refers to (images, QR codes, the theme's
//! booklet.typ) and the fonts chosen for each language.

use std::ops::Range;
use std::path::Path;

use crate::Loaded;
use crate::diagnostics::{Diagnostic, Position};
use crate::guidebook::Guidebook;
use crate::msg;
use crate::output::PagePath;

use super::markup::{self, ChapterWriter, Context};
use super::typst_text::{self, string};
use super::{BookletOptions, Edition, qr, world};

const BLEED: &str = "3mm";
/// Room around the bleed for the crop marks, which sit outside it.
const MARK_AREA: &str = "10mm";

/// The newest date a chapter of the booklet was updated: the booklet's edition, printed on
/// its cover and used as the PDF's date, so that the same chapters give the same file.
pub(super) fn edition_date(guidebook: &Guidebook, lang: &str) -> String {
    let source = guidebook.source_code();
    guidebook
        .chapters
        .iter()
        .filter_map(|c| {
            let (page, _) = c.in_language(lang, source);
            guidebook.updated(page).map(str::to_string)
        })
        .max()
        .unwrap_or_else(|| "2000-01-01".to_string())
}

/// The generated main.typ and the files it refers to.
pub(super) struct Source {
    /// The markup before the padding pages.
    pub(super) body: String,
    /// Each chapter's bytes in `body`, with its file, to name the chapter in an error.
    pub(super) chapters: Vec<(Range<usize>, String)>,
    pub(super) files: Vec<(String, Vec<u8>)>,
    /// What the booklet prints differently from how it was written.
    pub(super) warnings: Vec<Diagnostic>,
}

/// What every chapter of one booklet is written with, and what writing them gathers.
struct Writing<'a> {
    guidebook: &'a Guidebook,
    tokenizer: &'a crate::japanese::Tokenizer,
    lang: &'a str,
    options: &'a BookletOptions,
    /// Whether the edition prints furigana (Japanese booklets, large or asked for).
    edition_ruby: bool,
    page_reference: String,
    problems: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    files: Vec<(String, Vec<u8>)>,
}

impl Source {
    pub(super) fn generate(
        loaded: &Loaded,
        lang: &str,
        options: &BookletOptions,
        date: &str,
    ) -> Result<Source, Vec<Diagnostic>> {
        let guidebook = &loaded.guidebook;
        let language = guidebook.config.language(lang).expect("languages are checked");
        let mut writing = Writing {
            guidebook,
            tokenizer: &loaded.tokenizer,
            lang,
            options,
            edition_ruby: crate::config::is_japanese(lang) && (language.furigana || options.edition == Edition::Large),
            page_reference: guidebook.i18n.get(lang, "booklet_page_reference"),
            problems: Vec::new(),
            warnings: Vec::new(),
            files: Vec::new(),
        };
        let mut body = writing.opening(language, date);
        let mut chapters = Vec::new();
        for chapter in &guidebook.chapters {
            let start = body.len();
            body.push_str(&writing.chapter(chapter));
            chapters.push((start..body.len(), chapter.in_language(lang, guidebook.source_code()).0.file.name.clone()));
        }
        body.push_str(&contacts_markup(guidebook, lang));
        let Writing { problems, warnings, mut files, .. } = writing;
        if !problems.is_empty() {
            return Err(problems);
        }
        let template = booklet_template(&guidebook.config.theme, &options.root).map_err(|problem| vec![problem])?;
        files.push(("booklet.typ".into(), template));
        Ok(Source { body, chapters, files, warnings })
    }

    pub(super) fn text(&self, padding: usize) -> String {
        let mut text = self.body.clone();
        for _ in 0..padding {
            text.push_str("#page(footer: none)[]\n");
        }
        text
    }
}

impl Writing<'_> {
    /// The set-up, the cover and the contents.
    fn opening(&self, language: &crate::config::Language, date: &str) -> String {
        let (guidebook, lang, options) = (self.guidebook, self.lang, self.options);
        let i18n = &guidebook.i18n;
        let (front, _) = guidebook.front_page(lang);
        let own_pages: Vec<&crate::content::Page> =
            guidebook.chapters.iter().filter_map(|c| c.versions.get(lang)).chain([front]).collect();
        let font = font_families(language, &own_pages);
        let (bleed, outer) = if options.bleed {
            (BLEED.to_string(), format!("{BLEED} + {MARK_AREA}"))
        } else {
            ("0mm".into(), "0mm".into())
        };
        // The keyword marks the PDF as tebiki's, which `booklet --out` may replace.
        let mut body =
            format!("#import \"/booklet.typ\": *\n#set document(keywords: ({},))\n", string(super::PDF_KEYWORD));
        body.push_str(&format!(
            "#show: booklet.with(lang: {}, font: {font}, size: {}, bleed: {bleed}, outer: {outer}, furigana: {}, title: {})\n",
            string(primary_subtag(language)),
            options.edition.body_size(),
            self.edition_ruby,
            string(&front.front.title),
        ));
        let japanese = crate::config::is_japanese(lang);
        let title_markup = |t: &str| typst_text::title(t, self.tokenizer, japanese, self.edition_ruby);
        body.push_str(&format!(
            "#cover(title: [{}], subtitle: [{}], publisher: {}, edition: {}, bleed: {})\n",
            title_markup(&front.front.title),
            title_markup(&front.front.summary),
            string(front.front.publisher.as_deref().unwrap_or_default()),
            string(&i18n.get(lang, "booklet_edition").replace("{date}", &i18n.format_date(lang, date))),
            if options.bleed { BLEED } else { "0mm" },
        ));
        body.push_str(&format!("#contents({})\n", string(&i18n.get(lang, "booklet_contents"))));
        body
    }

    /// One chapter as the booklet prints it, with its tags and QR code; the files it needs
    /// go into `files`, what cannot be printed into `problems`.
    fn chapter(&mut self, chapter: &crate::guidebook::Chapter) -> String {
        let (guidebook, lang) = (self.guidebook, self.lang);
        let i18n = &guidebook.i18n;
        let (page, _) = chapter.in_language(lang, guidebook.source_code());
        let front_matter = &chapter.source(guidebook.source_code()).front;
        let context = Context {
            guidebook,
            lang,
            tokenizer: self.tokenizer,
            ruby: self.edition_ruby && guidebook.furigana_allowed(page) && page.is_japanese(),
            worksheet: front_matter.worksheet,
            page_reference: &self.page_reference,
        };
        let mut writer = ChapterWriter::new(&context, page);
        let chapter_body = writer.body();
        self.problems.append(&mut writer.problems);
        self.warnings.extend(writer.long_words.iter().map(|word| long_word(page, word)));
        for figure in std::mem::take(&mut writer.figures) {
            match crate::source::read_inside(&self.options.root, &figure.file) {
                Ok(bytes) => self.files.push((figure.virtual_path, bytes)),
                Err(refusal) => self
                    .problems
                    .push(refusal.into_diagnostic(&crate::diagnostics::display_path(&self.options.root, &figure.file))),
            }
        }
        self.problems.extend(uncovered_characters(page));
        let url = PagePath::chapter(lang, &chapter.slug).absolute(&guidebook.config.base_url);
        let qr_path = format!("qr/{}.svg", chapter.slug.replace('/', "-"));
        match qr::svg(&url) {
            Ok(svg) => self.files.push((qr_path.clone(), svg.into_bytes())),
            Err(detail) => self.problems.push(
                Diagnostic::error(crate::config::FILE_NAME, Position::START, msg!("E126", url = &url))
                    .field("base_url")
                    .detail(detail),
            ),
        }
        let tags: Vec<String> = front_matter
            .life_stages
            .iter()
            .map(|k| i18n.label(lang, "life_stages", k))
            .chain(front_matter.scenarios.iter().map(|k| i18n.label(lang, "scenarios", k)))
            .map(|label| string(&label))
            .collect();
        let title = typst_text::title(&page.front.title, self.tokenizer, page.is_japanese(), context.ruby);
        let (title, chapter_body) = self.in_page_language(page, title, chapter_body);
        format!(
            "#chapter(label-name: {}, title: [{}], tags: ({}), qr: {}, url: {}, qr-caption: {}, worksheet: {})[\n{}]\n",
            string(&markup::label(&chapter.slug)),
            title,
            tags.iter().map(|t| format!("{t},")).collect::<String>(),
            string(&format!("/{qr_path}")),
            string(&url),
            string(&i18n.get(lang, "booklet_read_on_phone")),
            front_matter.worksheet,
            chapter_body,
        )
    }

    /// A chapter shown in another language (not translated yet) is set in that language's
    /// fonts and line-breaking rules.
    fn in_page_language(&self, page: &crate::content::Page, title: String, body: String) -> (String, String) {
        match self.guidebook.config.language(&page.lang).filter(|_| page.lang != self.lang) {
            Some(other) => {
                let wrap = |markup: String| {
                    format!(
                        "#text(lang: {}, font: {})[{markup}];",
                        string(primary_subtag(other)),
                        font_families(other, &[page])
                    )
                };
                (wrap(title), wrap(body))
            }
            None => (title, body),
        }
    }
}

/// The language of a language's tag without region or script: `zh-Hans` → `zh`.
fn primary_subtag(language: &crate::config::Language) -> &str {
    let tag = language.tag();
    tag.split('-').next().unwrap_or(tag)
}

/// The fonts for text in `language`, as a Typst array of family names, first choice first.
/// Japanese is set in BIZ UD Gothic; Chinese and Korean in Noto Sans CJK, whose glyphs
/// have those languages' forms; other languages in BIZ UD PGothic when it has every
/// letter of their chapters, else in Noto Sans (Vietnamese: ữ, ắ). BIZ UD Gothic comes
/// last for Japanese words inside other languages' text.
fn font_families(language: &crate::config::Language, pages: &[&crate::content::Page]) -> String {
    let tag = language.tag();
    let first = match primary_subtag(language) {
        "ja" => return "(\"BIZ UDGothic\",)".into(),
        "zh" if ["Hant", "TW", "HK", "MO"].iter().any(|t| tag.contains(t)) => "Noto Sans CJK TC",
        "zh" => "Noto Sans CJK SC",
        "ko" => "Noto Sans CJK KR",
        _ => {
            let letters = pages.iter().flat_map(|p| p.file.text.chars()).filter(|c| c.is_alphabetic() && !c.is_ascii());
            let latin = if letters.clone().all(|c| world::family_covers("BIZ UDPGothic", c) || is_cjk(c)) {
                "BIZ UDPGothic"
            } else {
                "Noto Sans"
            };
            return format!("({}, \"BIZ UDGothic\")", string(latin));
        }
    };
    format!("(\"Noto Sans\", {}, \"BIZ UDGothic\")", string(first))
}

fn is_cjk(c: char) -> bool {
    crate::japanese::is_east_asian_wide(c)
}

/// The desks of the guidebook, in the reader's language where it has them.
fn contacts_markup(guidebook: &Guidebook, lang: &str) -> String {
    let source = guidebook.source_code();
    let i18n = &guidebook.i18n;
    let desks: Vec<String> = guidebook
        .contacts
        .ids()
        .filter_map(|id| {
            let contact = guidebook.contacts.get(id)?;
            let (name, _) = contact.name.get(lang, source)?;
            let field = |f: &Option<crate::contacts::Localized>| {
                f.as_ref().and_then(|f| f.get(lang, source)).map_or("none".to_string(), |(t, _)| string(t))
            };
            Some(format!(
                "(name: {}, phone: {}, hours: {}, description: {}),",
                string(name),
                contact.phone.as_deref().map_or("none".to_string(), string),
                field(&contact.hours),
                field(&contact.description)
            ))
        })
        .collect();
    format!(
        "#contacts-page({}, {}, {}, ({}))\n",
        string(&i18n.get(lang, "booklet_contacts")),
        string(&i18n.get(lang, "contact_phone")),
        string(&i18n.get(lang, "contact_hours")),
        desks.concat()
    )
}

/// Characters of a page that none of the booklet's fonts can print: an error, since the
/// printed page would show empty boxes. Named with where the first of them is.
fn uncovered_characters(page: &crate::content::Page) -> Vec<Diagnostic> {
    let mut missing: Vec<char> = Vec::new();
    let mut first = None;
    for (index, line) in page.file.text.lines().enumerate() {
        for (column, c) in line.chars().enumerate() {
            if !c.is_control() && !world::covers(c) {
                first.get_or_insert(Position::new(index + 1, column + 1));
                if !missing.contains(&c) {
                    missing.push(c);
                }
            }
        }
    }
    let Some(position) = first else { return Vec::new() };
    let shown: String = missing.iter().take(12).map(|c| format!("「{c}」")).collect();
    vec![Diagnostic::error(&page.file.name, position, msg!("E127", characters = shown)).with_source(&page.file.text)]
}

/// A warning for a word the booklet had to break, where it is written.
fn long_word(page: &crate::content::Page, word: &str) -> Diagnostic {
    let shown: String = word.chars().take(30).collect();
    let position = page.file.text.find(word).map_or(Position::START, |at| {
        let before = &page.file.text[..at];
        let line = before.matches('\n').count() + 1;
        Position::new(line, before.rsplit('\n').next().unwrap_or("").chars().count() + 1)
    });
    Diagnostic::warning(&page.file.name, position, msg!("W007", word = shown, count = word.chars().count()))
        .with_source(&page.file.text)
}

/// The theme's booklet layout: the guidebook's own themes/<name>/booklet/booklet.typ, or the
/// one built into tebiki.
fn booklet_template(theme: &str, root: &Path) -> Result<Vec<u8>, Diagnostic> {
    let own = root.join("themes").join(theme).join("booklet/booklet.typ");
    if own.exists() {
        let name = crate::diagnostics::display_path(root, &own);
        return crate::source::read_inside(root, &own).map_err(|refusal| refusal.into_diagnostic(&name));
    }
    Ok(crate::embedded::theme(theme)
        .into_iter()
        .chain(crate::embedded::theme("default"))
        .find(|(path, _)| *path == "booklet/booklet.typ")
        .map(|(_, bytes)| bytes.to_vec())
        .unwrap_or_default())
}
