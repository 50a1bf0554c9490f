//! tebiki turns a folder of Markdown chapters into a multilingual guidebook website.
//!
//! The build runs in one direction: read the settings, contacts and theme strings; read and
//! check every chapter; assemble the guidebook and check what spans files (translations,
//! order, links); only if nothing is wrong, render every page into a staging folder and
//! swap it in. Every problem in every file is collected before the build gives up.

// Diagnostics are the error type everywhere and are built once per problem; boxing them
// would add noise at every call site for no measurable gain.
#![allow(clippy::result_large_err)]
#![warn(unreachable_pub)]

pub mod booklet;
pub mod check;
mod config;
mod contacts;
mod content;
pub mod dates;
pub mod diagnostics;
mod embedded;
mod facets;
mod guidebook;
mod i18n;
mod ime_slips;
mod japanese;
mod links;
mod markdown;
mod memo;
pub mod message_language;
pub mod messages;
mod output;
mod placeholders;
pub mod render;
pub mod scaffold;
mod search;
pub mod serve;
mod source;
mod text_position;
mod theme;
pub mod timings;
pub mod words;
mod yaml;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::SiteConfig;
use crate::contacts::Contacts;
use crate::content::Vocabulary;
use crate::diagnostics::{Diagnostic, Diagnostics, Position, did_you_mean};
use crate::guidebook::Guidebook;
use crate::i18n::I18n;
use crate::japanese::Tokenizer;
use crate::messages::Message;
use crate::output::OutputFile;
use crate::render::RenderOptions;
use crate::theme::Theme;

pub struct BuildOptions {
    /// The guidebook folder, holding site.yaml.
    pub root: PathBuf,
    /// Where the site is written; replaced whole on success.
    pub out: PathBuf,
    /// What the site has besides its pages (search, furigana).
    pub render: RenderOptions,
}

/// What a successful build made, and the warnings it found on the way.
#[derive(Debug)]
pub struct BuildReport {
    pub pages: usize,
    pub files: usize,
    pub bytes: u64,
    pub warnings: Vec<Diagnostic>,
}

/// Everything a build needs, read and checked: the model every output is made from.
pub(crate) struct Loaded {
    pub(crate) guidebook: Guidebook,
    pub(crate) theme: Theme,
    /// With the domain dictionary and the guidebook's own words: furigana and line breaks
    /// on the site, ruby in the booklet, the search index and the checks all read with it.
    pub(crate) tokenizer: Arc<Tokenizer>,
    /// Other names for the same thing, as written (tebiki's and the guidebook's own).
    pub(crate) synonyms: Vec<words::WrittenGroup>,
    /// Warnings found while loading (errors make `load` fail instead).
    pub(crate) warnings: Vec<Diagnostic>,
}

/// Reads and checks the whole guidebook; `Err` holds every problem found (warnings too).
pub(crate) fn load(root: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    load_with(root, None, false)
}

/// `load`, keeping an earlier build's tokenizer (and every text it has read) when the
/// guidebook's dictionary is unchanged: what lets a preview server rebuild in a moment.
/// Its tokenizer keeps every text it reads, for the next build to reuse.
pub(crate) fn load_reusing(root: &Path, tokenizer: Option<&Arc<Tokenizer>>) -> Result<Loaded, Vec<Diagnostic>> {
    load_with(root, tokenizer, true)
}

fn load_with(root: &Path, tokenizer: Option<&Arc<Tokenizer>>, remember: bool) -> Result<Loaded, Vec<Diagnostic>> {
    let diagnostics = Diagnostics::new();
    let Some(config) = SiteConfig::load(root, &diagnostics) else {
        return Err(diagnostics.into_sorted());
    };
    let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
    let contacts = Contacts::load(root, &codes, &config.source_language().code, &diagnostics);
    check_default_contacts(root, &config, &contacts, &diagnostics);
    let i18n = I18n::load(root, &config, &diagnostics);
    let mut theme = Theme::load(root, &config.theme, &diagnostics);
    if let Some(theme) = &mut theme {
        theme::favicon::choose(root, &config, theme, &diagnostics);
    }
    let tokenizer = words::load_tokenizer(root, &diagnostics, tokenizer, remember);
    let synonyms = words::read_synonyms(root, &diagnostics);
    timings::mark("settings, contacts, theme and dictionary read");
    let vocabulary = Vocabulary {
        life_stages: &config.life_stages,
        scenarios: &config.scenarios,
        audiences: &config.audiences,
        contacts: contacts.ids().collect(),
    };
    let content = content::load(root, &config, &vocabulary, &diagnostics);
    timings::mark("chapters read and parsed");
    let guidebook = guidebook::assemble(config.clone(), contacts.clone(), i18n, content, &diagnostics);
    if let Some(guidebook) = &guidebook {
        links::check_all(guidebook, &diagnostics);
    }
    timings::mark("guidebook assembled, links checked");
    match (guidebook, theme, tokenizer) {
        (Some(guidebook), Some(theme), Some(tokenizer)) if !diagnostics.has_errors() => {
            Ok(Loaded { guidebook, theme, tokenizer, synonyms, warnings: diagnostics.into_sorted() })
        }
        _ => Err(diagnostics.into_sorted()),
    }
}

/// The whole site in memory, before it is written: what `build` writes and `serve` serves.
pub(crate) struct RenderedSite {
    /// Pages, search data, the sitemap and the theme's files.
    pub(crate) files: Vec<OutputFile>,
    /// Files from content/ published as they are: (path in the site, file on disk).
    pub(crate) assets: Vec<(String, PathBuf)>,
    pub(crate) warnings: Vec<Diagnostic>,
}

impl RenderedSite {
    pub(crate) fn pages(&self) -> usize {
        self.files.iter().filter(|f| f.path.ends_with(".html")).count()
    }
}

/// What a preview server keeps between renders, so unchanged pages are neither rendered
/// nor analysed for search again.
#[derive(Default)]
pub(crate) struct Kept {
    pub(crate) render: render::Kept,
    /// Pages analysed for search, by text and dictionary.
    pub(crate) search: search::Analyses,
}

impl Kept {
    /// Drops what the last render did not use.
    pub(crate) fn keep_only_used(&self) {
        self.render.keep_only_used();
        self.search.keep_only_used();
    }
}

/// Renders every file of a loaded guidebook into `sink`, reusing what `kept` holds from
/// earlier renders; returns the warnings, or every problem if there was an error (files
/// handed to `sink` by then are to be thrown away).
pub(crate) fn render_into(
    loaded: &Loaded,
    options: RenderOptions,
    kept: Option<&Kept>,
    sink: output::Sink,
) -> Result<Vec<Diagnostic>, Vec<Diagnostic>> {
    let Loaded { guidebook, theme, tokenizer, synonyms, warnings } = loaded;
    let diagnostics = Diagnostics::new();
    let analyser = options.search.then(|| search::Analyser::new(tokenizer, synonyms));
    let analyse =
        analyser.as_ref().map(|analyser| move |page: &content::Page| analyser.analyse(page, kept.map(|k| &k.search)));
    let page_work = analyse.as_ref().map(|f| f as render::PageWork<_>);
    let analysed: search::AnalysedPages = render::render_site(
        guidebook,
        theme,
        tokenizer,
        options,
        kept.map(|k| &k.render),
        sink,
        &diagnostics,
        page_work,
    )
    .into_iter()
    .collect();
    if options.search {
        search::write_index(guidebook, synonyms, &analysed, &diagnostics, sink);
        timings::mark("search index built and written");
    }
    let mut warnings = warnings.clone();
    warnings.extend(diagnostics.into_sorted());
    if warnings.iter().any(Diagnostic::is_error) { Err(warnings) } else { Ok(warnings) }
}

/// Renders the whole site into memory: what a preview server serves.
pub(crate) fn render(loaded: Loaded, kept: Option<&Kept>) -> Result<RenderedSite, Vec<Diagnostic>> {
    let files = std::sync::Mutex::new(Vec::new());
    let warnings =
        render_into(&loaded, RenderOptions::default(), kept, &|file| files.lock().expect("rendered files").push(file))?;
    let mut files = files.into_inner().expect("rendered files");
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let assets = assets_to_publish(&loaded.guidebook)
        .into_iter()
        .map(|(relative, path)| (relative, path.to_path_buf()))
        .collect();
    Ok(RenderedSite { files, assets, warnings })
}

/// Builds the site: all or nothing. Each file is written as soon as it is made, so the
/// site is never held whole in memory.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Vec<Diagnostic>> {
    let loaded = load(&options.root)?;
    let out = options.out.display().to_string();
    let output_error = |message: Message, detail: Option<String>| {
        let problem = Diagnostic::error(&out, Position::START, message);
        vec![match detail {
            Some(detail) => problem.detail(detail),
            None => problem,
        }]
    };
    let staging =
        output::Staging::create(&options.out, &options.root).map_err(|e| output_error(e.message, e.detail))?;
    let written = output::Tally::default();
    let warnings = render_into(&loaded, options.render, None, &|file| written.write(&staging, &file))?;
    written.result().map_err(|e| output_error(msg!("E107"), Some(e.to_string())))?;
    let mut bytes = written.bytes();
    let assets = assets_to_publish(&loaded.guidebook);
    for (relative, path) in &assets {
        let file = crate::diagnostics::display_path(&options.root, path);
        staging.copy(relative, path).map_err(|e| output_error(msg!("E108", file = file), Some(e.to_string())))?;
        bytes += std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    }
    timings::mark("content files copied");
    let left_behind = staging.commit().map_err(|e| output_error(msg!("E109"), Some(e.to_string())))?;
    timings::mark("new site moved into place");
    let mut warnings = warnings;
    warnings
        .extend(left_behind.map(|left| Diagnostic::warning(&out, Position::START, left.message).detail(left.detail)));
    Ok(BuildReport { pages: written.pages(), files: written.files() + assets.len(), bytes, warnings })
}

/// Every language gets its own assets, plus the source language's where it has none of the
/// same name, so an image in a chapter shown untranslated still loads.
fn assets_to_publish(guidebook: &Guidebook) -> Vec<(String, &Path)> {
    let source = guidebook.source_code();
    let mut out = Vec::new();
    for language in &guidebook.config.languages {
        let own = guidebook.assets.get(&language.code);
        let fallback = guidebook.assets.get(source);
        let mut seen = std::collections::BTreeSet::new();
        for asset in own.into_iter().chain(fallback).flat_map(|a| a.values()) {
            if seen.insert(asset.relative.as_str()) {
                out.push((format!("{}/{}", language.code, asset.relative), asset.path.as_path()));
            }
        }
    }
    out
}

fn check_default_contacts(root: &Path, config: &SiteConfig, contacts: &Contacts, diagnostics: &Diagnostics) {
    for id in &config.default_contacts {
        if contacts.get(id).is_none() {
            // Read again only to point at the mistake; a correct site.yaml is not re-read.
            let text = std::fs::read_to_string(root.join(config::FILE_NAME)).unwrap_or_default();
            let position = yaml::Locator::new(&text, 1).value("default_contacts", id);
            diagnostics.push(
                Diagnostic::error(config::FILE_NAME, position, msg!("E099", id = id, file = contacts::FILE_NAME))
                    .field("default_contacts")
                    .maybe_hint(did_you_mean(id, contacts.ids())),
            );
        }
    }
}
