//! `tebiki booklet`: the guidebook as a printed booklet, typeset with Typst inside tebiki.
//! The chapters come from the same parsed Markdown as the website; `markup` writes them
//! as Typst, the theme's booklet.typ lays them out on A5 pages, and typst-pdf writes a PDF
//! a print shop can use (fonts embedded, optionally with bleed and crop marks) or, imposed,
//! one an office printer can print double-sided and fold.

pub mod impose;
mod markup;
mod qr;
mod world;

use std::ops::Range;
use std::path::{Path, PathBuf};

use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic, Warned};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use crate::Loaded;
use crate::diagnostics::{Diagnostic, Position, did_you_mean};
use crate::guidebook::Guidebook;
use crate::render::paths::PagePath;
pub use impose::Duplex;
use markup::{ChapterWriter, Context, string};
use world::BookletWorld;

/// Print runs in two type sizes: the standard booklet, and a large-print one for readers
/// with low vision, which also prints furigana over every kanji.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Edition {
    Standard,
    Large,
}

impl Edition {
    fn body_size(self) -> &'static str {
        match self {
            Edition::Standard => "12pt",
            Edition::Large => "14pt",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Edition::Standard => "standard",
            Edition::Large => "large",
        }
    }
}

pub struct BookletOptions {
    pub root: PathBuf,
    /// One language, or every language of the site.
    pub lang: Option<String>,
    pub edition: Edition,
    /// 3 mm bleed and crop marks around the A5 trim box, for a print shop.
    pub bleed: bool,
    /// A4 landscape sheets, two pages a side, in saddle-stitch order.
    pub impose: Option<Duplex>,
    /// The PDF (with `lang`) or the folder for every language's PDF.
    pub out: Option<PathBuf>,
}

/// A booklet written.
pub struct Made {
    pub path: PathBuf,
    /// A5 pages, a multiple of four.
    pub pages: usize,
    /// Pages of the file itself (A4 sides when imposed).
    pub file_pages: usize,
    pub bytes: usize,
}

const BLEED: &str = "3mm";
/// Room around the bleed for the crop marks, which sit outside it.
const MARK_AREA: &str = "10mm";

/// Makes the booklets asked for: all or nothing, every problem reported.
pub fn make(options: &BookletOptions) -> Result<Vec<Made>, Vec<Diagnostic>> {
    let loaded = crate::load(&options.root)?;
    let guidebook = &loaded.guidebook;
    let languages: Vec<String> = match &options.lang {
        Some(code) if guidebook.config.language(code).is_some() => vec![code.clone()],
        Some(code) => {
            let codes: Vec<&str> = guidebook.config.languages.iter().map(|l| l.code.as_str()).collect();
            return Err(vec![
                Diagnostic::error(
                    crate::config::FILE_NAME,
                    Position::START,
                    format!("`{code}` is not a language of this site"),
                )
                .field("--lang")
                .expected(format!("one of {}", codes.join(", ")))
                .maybe_suggestion(did_you_mean(code, codes.iter().copied())),
            ]);
        }
        None => guidebook.config.languages.iter().map(|l| l.code.clone()).collect(),
    };
    let mut made = Vec::new();
    let mut problems = Vec::new();
    for lang in &languages {
        match booklet(&loaded, lang, options) {
            Ok((pdf, pages, file_pages)) => {
                let path = output_path(options, lang, languages.len());
                made.push((path, pdf, pages, file_pages));
            }
            Err(found) => problems.extend(found),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut written = Vec::new();
    for (path, pdf, pages, file_pages) in made {
        write_whole(&path, &pdf).map_err(|e| {
            vec![Diagnostic::error(
                path.display().to_string(),
                Position::START,
                format!("cannot write the booklet: {e}"),
            )]
        })?;
        written.push(Made { path, pages, file_pages, bytes: pdf.len() });
    }
    Ok(written)
}

/// `--out` as given for one language; otherwise booklets/<lang>-<edition>[-bleed|-imposed].pdf
/// in the guidebook folder, or in the `--out` folder for several languages.
fn output_path(options: &BookletOptions, lang: &str, languages: usize) -> PathBuf {
    let mut name = format!("{lang}-{}", options.edition.name());
    if options.bleed {
        name.push_str("-bleed");
    }
    match options.impose {
        Some(Duplex::ShortEdge) => name.push_str("-imposed-short-edge"),
        Some(Duplex::LongEdge) => name.push_str("-imposed-long-edge"),
        None => {}
    }
    match (&options.out, languages) {
        (Some(file), 1) if options.lang.is_some() => file.clone(),
        (Some(folder), _) => folder.join(format!("{name}.pdf")),
        (None, _) => options.root.join("booklets").join(format!("{name}.pdf")),
    }
}

/// Writes a file so that a reader never sees half of it: beside it first, then renamed.
fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let partial = path.with_extension("pdf.partial");
    std::fs::write(&partial, bytes)?;
    std::fs::rename(&partial, path)
}

/// One language's booklet: (PDF, A5 pages, pages in the file).
fn booklet(loaded: &Loaded, lang: &str, options: &BookletOptions) -> Result<(Vec<u8>, usize, usize), Vec<Diagnostic>> {
    let guidebook = &loaded.guidebook;
    let date = edition_date(guidebook, lang);
    let source = Source::generate(loaded, lang, options, &date)?;
    let today = typst_date(&date);
    // Typeset once to count the pages, then again with blank pages to make a multiple of
    // four, which a saddle-stitched booklet needs.
    keep_source_for_theme_authors(lang, &source);
    let first = typeset(&source, &source.text(0), today)?;
    let pages = first.pages().len();
    let padding = (4 - pages % 4) % 4;
    let document = if padding == 0 { first } else { typeset(&source, &source.text(padding), today)? };
    let pages = document.pages().len();
    let pdf = pdf(&document, &format!("tebiki booklet {lang} {}", options.edition.name()), today)?;
    match options.impose {
        None => Ok((pdf, pages, pages)),
        Some(duplex) => {
            let mut world = BookletWorld::new(&impose::document(pages, duplex), today);
            world.add_file("booklet.pdf", pdf);
            let sheets = compile(&world).map_err(|errors| typst_problems(&world, &errors, &[]))?;
            let file_pages = sheets.pages().len();
            Ok((self::pdf(&sheets, &format!("tebiki booklet {lang} imposed"), today)?, pages, file_pages))
        }
    }
}

/// With TEBIKI_BOOKLET_SOURCE=DIR, the generated main.typ is also written to DIR/<lang>.typ,
/// for whoever is changing the theme's booklet.typ and wants to see what it is given.
fn keep_source_for_theme_authors(lang: &str, source: &Source) {
    if let Some(dir) = std::env::var_os("TEBIKI_BOOKLET_SOURCE") {
        let path = PathBuf::from(dir).join(format!("{lang}.typ"));
        if let Err(e) = std::fs::write(&path, source.text(0)) {
            eprintln!("cannot write {}: {e}", path.display());
        }
    }
}

/// The newest date a chapter of the booklet was updated: the booklet's edition, printed on
/// its cover and used as the PDF's date, so that the same chapters give the same file.
fn edition_date(guidebook: &Guidebook, lang: &str) -> String {
    let source = guidebook.source_code();
    guidebook
        .chapters
        .iter()
        .filter_map(|c| {
            let (page, _) = c.in_language(lang, source);
            page.front.updated.clone().or_else(|| c.source(source).front.updated.clone())
        })
        .max()
        .unwrap_or_else(|| "2000-01-01".to_string())
}

fn typst_date(iso: &str) -> Datetime {
    let mut parts = iso.splitn(3, '-').map(|p| p.parse::<i64>().unwrap_or(1));
    let (y, m, d) = (parts.next().unwrap_or(2000), parts.next().unwrap_or(1), parts.next().unwrap_or(1));
    Datetime::from_ymd(y as i32, m as u8, d as u8)
        .unwrap_or_else(|| Datetime::from_ymd(2000, 1, 1).expect("a valid date"))
}

/// The generated main.typ and the files it refers to.
struct Source {
    /// The markup before the padding pages.
    body: String,
    /// Each chapter's bytes in `body`, with its file, to name the chapter in an error.
    chapters: Vec<(Range<usize>, String)>,
    files: Vec<(String, Vec<u8>)>,
}

impl Source {
    fn generate(loaded: &Loaded, lang: &str, options: &BookletOptions, date: &str) -> Result<Source, Vec<Diagnostic>> {
        let guidebook = &loaded.guidebook;
        let source_lang = guidebook.source_code();
        let i18n = &guidebook.i18n;
        let language = guidebook.config.language(lang).expect("languages are checked");
        let japanese = lang == "ja" || lang.starts_with("ja-");
        let edition_ruby = japanese && (language.furigana || options.edition == Edition::Large);
        let page_reference = i18n.get(lang, "booklet_page_reference");
        let tokenizer = loaded.search.tokenizer();
        let (front, _) = guidebook.front_page(lang);
        let mut problems = Vec::new();
        let mut files = Vec::new();

        let own_pages: Vec<&crate::content::Page> =
            guidebook.chapters.iter().filter_map(|c| c.versions.get(lang)).chain([front]).collect();
        let font = font_families(language, &own_pages);
        let (bleed, outer) = if options.bleed {
            (BLEED.to_string(), format!("{BLEED} + {MARK_AREA}"))
        } else {
            ("0mm".into(), "0mm".into())
        };
        let mut body = String::from("#import \"/booklet.typ\": *\n");
        body.push_str(&format!(
            "#show: booklet.with(lang: {}, font: {font}, size: {}, bleed: {bleed}, outer: {outer}, furigana: {edition_ruby}, title: {})\n",
            string(primary_subtag(language)),
            options.edition.body_size(),
            string(&front.front.title),
        ));
        let title_markup = |t: &str| markup::title(t, tokenizer, japanese, edition_ruby);
        body.push_str(&format!(
            "#cover(title: [{}], subtitle: [{}], publisher: {}, edition: {}, bleed: {})\n",
            title_markup(&front.front.title),
            title_markup(&front.front.summary),
            string(front.front.publisher.as_deref().unwrap_or_default()),
            string(&i18n.get(lang, "booklet_edition").replace("{date}", &i18n.format_date(lang, date))),
            if options.bleed { BLEED } else { "0mm" },
        ));
        body.push_str(&format!("#contents({})\n", string(&i18n.get(lang, "booklet_contents"))));

        let mut chapters = Vec::new();
        for chapter in &guidebook.chapters {
            let (page, _) = chapter.in_language(lang, source_lang);
            let front_matter = &chapter.source(source_lang).front;
            let ruby =
                edition_ruby && page.front.furigana.or(front_matter.furigana) != Some(crate::content::Furigana::Off);
            let page_japanese = page.lang == "ja" || page.lang.starts_with("ja-");
            let context = Context {
                guidebook,
                tokenizer,
                ruby: ruby && page_japanese,
                worksheet: front_matter.worksheet,
                page_reference: &page_reference,
            };
            let mut writer = ChapterWriter::new(&context, page);
            let chapter_body = writer.body();
            problems.append(&mut writer.problems);
            for figure in std::mem::take(&mut writer.figures) {
                match std::fs::read(&figure.file) {
                    Ok(bytes) => files.push((figure.virtual_path, bytes)),
                    Err(e) => problems.push(Diagnostic::error(
                        &page.file.name,
                        Position::START,
                        format!("cannot read {}: {e}", figure.file.display()),
                    )),
                }
            }
            problems.extend(uncovered_characters(page));
            let url = PagePath::chapter(lang, &chapter.slug).absolute(&guidebook.config.base_url);
            let qr_path = format!("qr/{}.svg", chapter.slug.replace('/', "-"));
            match qr::svg(&url) {
                Ok(svg) => files.push((qr_path.clone(), svg.into_bytes())),
                Err(message) => problems
                    .push(Diagnostic::error(crate::config::FILE_NAME, Position::START, message).field("base_url")),
            }
            let tags: Vec<String> = front_matter
                .life_stages
                .iter()
                .map(|k| i18n.get(lang, &format!("life_stages.{k}.label")))
                .chain(front_matter.scenarios.iter().map(|k| i18n.get(lang, &format!("scenarios.{k}.label"))))
                .map(|label| string(&label))
                .collect();
            // A chapter shown in another language (not translated yet) is set in that
            // language's fonts and line-breaking rules.
            let (title, chapter_body) = match guidebook.config.language(&page.lang).filter(|_| page.lang != lang) {
                Some(other) => {
                    let wrap = |markup: String| {
                        format!(
                            "#text(lang: {}, font: {})[{markup}];",
                            string(primary_subtag(other)),
                            font_families(other, &[page])
                        )
                    };
                    (wrap(markup::title(&page.front.title, tokenizer, page_japanese, context.ruby)), wrap(chapter_body))
                }
                None => (markup::title(&page.front.title, tokenizer, page_japanese, context.ruby), chapter_body),
            };
            let start = body.len();
            body.push_str(&format!(
                "#chapter(label-name: {}, title: [{}], tags: ({}), qr: {}, url: {}, qr-caption: {}, worksheet: {})[\n{}]\n",
                string(&markup::label(&chapter.slug)),
                title,
                tags.iter().map(|t| format!("{t},")).collect::<String>(),
                string(&format!("/{qr_path}")),
                string(&url),
                string(&i18n.get(lang, "booklet_read_on_phone")),
                front_matter.worksheet,
                chapter_body,
            ));
            chapters.push((start..body.len(), page.file.name.clone()));
        }
        body.push_str(&contacts_markup(guidebook, lang));
        if !problems.is_empty() {
            return Err(problems);
        }
        files.push(("booklet.typ".into(), booklet_template(&guidebook.config.theme, &options.root)));
        Ok(Source { body, chapters, files })
    }

    fn text(&self, padding: usize) -> String {
        let mut text = self.body.clone();
        for _ in 0..padding {
            text.push_str("#page(footer: none)[]\n");
        }
        text
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
    vec![
        Diagnostic::error(&page.file.name, position, format!("the booklet's fonts cannot print {shown}"))
            .expected("characters of the booklet fonts: Japanese, Chinese, Korean and Latin letters (BIZ UD Gothic, Noto Sans, Noto Sans CJK)")
            .suggestion("write it in words; emoji and rare symbols cannot be printed")
            .with_source(&page.file.text),
    ]
}

/// The theme's booklet layout: the guidebook's own themes/<name>/booklet/booklet.typ, or the
/// one built into tebiki.
fn booklet_template(theme: &str, root: &Path) -> Vec<u8> {
    let own = root.join("themes").join(theme).join("booklet/booklet.typ");
    std::fs::read(&own).unwrap_or_else(|_| {
        crate::embedded::theme(theme)
            .into_iter()
            .chain(crate::embedded::theme("default"))
            .find(|(path, _)| *path == "booklet/booklet.typ")
            .map(|(_, bytes)| bytes.to_vec())
            .unwrap_or_default()
    })
}

fn typeset(source: &Source, text: &str, today: Datetime) -> Result<PagedDocument, Vec<Diagnostic>> {
    let mut world = BookletWorld::new(text, today);
    for (path, bytes) in &source.files {
        if path.ends_with(".typ") {
            world.add_source(path, &String::from_utf8_lossy(bytes));
        } else {
            world.add_file(path, bytes.clone());
        }
    }
    compile(&world).map_err(|errors| typst_problems(&world, &errors, &source.chapters))
}

fn compile(world: &BookletWorld) -> Result<PagedDocument, Vec<SourceDiagnostic>> {
    let Warned { output, warnings: _ } = typst::compile::<PagedDocument>(world);
    output.map_err(|errors| errors.into_iter().collect())
}

fn pdf(document: &PagedDocument, ident: &str, today: Datetime) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let options = PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        timestamp: Some(Timestamp::new_utc(today)),
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options).map_err(|errors| {
        errors
            .iter()
            .map(|e| {
                Diagnostic::error("booklet", Position::START, format!("the PDF could not be written: {}", e.message))
            })
            .collect()
    })
}

/// Typst's errors as tebiki's: each names the chapter whose markup it arose in.
fn typst_problems(
    world: &BookletWorld,
    errors: &[SourceDiagnostic],
    chapters: &[(Range<usize>, String)],
) -> Vec<Diagnostic> {
    errors
        .iter()
        .filter(|e| e.severity == Severity::Error)
        .map(|error| {
            let in_main = error.span.id() == Some(world::file_id("main.typ"));
            let offset = world.range(error.span).map(|r| r.start).filter(|_| in_main);
            let chapter = offset.and_then(|o| chapters.iter().find(|(range, _)| range.contains(&o)));
            match chapter {
                Some((_, file)) => Diagnostic::error(
                    file,
                    Position::START,
                    format!("the booklet cannot lay out this chapter: {}", error.message),
                )
                .suggestion("look for what the message names in the chapter: an image, a table, a very long word"),
                None => Diagnostic::error(
                    "booklet",
                    Position::START,
                    format!("the booklet cannot be laid out: {}", error.message),
                )
                .suggestion("if the guidebook has its own themes/<name>/booklet/booklet.typ, the message is about it"),
            }
        })
        .collect()
}
