//! `tebiki check`: everything `build` checks, without writing anything, plus the review
//! points in `lints`, printed for a person, for a program (JSON) or for GitHub pull
//! requests (workflow annotations, shown on the changed line).

mod easy_words;
mod i18n_keys;
mod lints;

use std::path::Path;

use serde_json::json;

use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::messages::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Github,
}

/// Every problem and warning in the guidebook at `root`.
pub fn check(root: &Path) -> Vec<Diagnostic> {
    let loaded = match crate::load(root) {
        Ok(loaded) => loaded,
        Err(problems) => return problems,
    };
    let diagnostics = Diagnostics::new();
    // Render without writing: template problems and search warnings appear as in a build
    // (with the loading warnings).
    let (Ok(rendered) | Err(rendered)) =
        crate::render_into(&loaded, crate::render::RenderOptions::default(), None, &|_| {});
    diagnostics.extend(rendered);
    diagnostics.extend(lints::run(&loaded.guidebook));
    diagnostics.extend(i18n_keys::run(root, &loaded.guidebook, &loaded.theme));
    diagnostics.extend(easy_words::run(root, &loaded.guidebook, &loaded.tokenizer));
    diagnostics.extend(crate::scaffold::fill_in::find(
        root,
        &loaded.guidebook,
        crate::scaffold::fill_in::Severity::Warning,
    ));
    diagnostics.into_sorted()
}

/// The diagnostics as `format` shows them, in the staff's language `lang`. Every format
/// carries each diagnostic's code, so a message can be looked up in the README.
pub fn format(diagnostics: &[Diagnostic], format: Format, lang: Lang) -> String {
    match format {
        Format::Text => diagnostics.iter().map(|d| d.render(lang)).collect::<Vec<_>>().join("\n"),
        Format::Json => {
            let items: Vec<_> = diagnostics
                .iter()
                .map(|d| {
                    let help = d.help(lang);
                    json!({
                        "code": d.code(),
                        "severity": if d.is_error() { "error" } else { "warning" },
                        "file": d.file, "line": d.position.line, "column": d.position.column,
                        "field": d.field, "message": d.text(lang), "expected": d.expected(lang),
                        "suggestion": (!help.is_empty()).then(|| help.join("\n")), "detail": d.detail,
                    })
                })
                .collect();
            serde_json::to_string_pretty(&items).unwrap_or_default()
        }
        Format::Github => diagnostics.iter().map(|d| annotation(d, lang)).collect::<Vec<_>>().join("\n"),
    }
}

/// A GitHub Actions workflow command: `::error file=…,line=…,col=…,title=…::message`.
fn annotation(d: &Diagnostic, lang: Lang) -> String {
    let level = if d.severity == Severity::Error { "error" } else { "warning" };
    let mut message = d.field.as_ref().map(|f| format!("{f}: ")).unwrap_or_default() + &d.text(lang);
    for (label, text) in d.notes(lang) {
        message.push_str(&format!("\n{label}: {text}"));
    }
    let escape = |text: &str| text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    let property = |text: &str| escape(text).replace(':', "%3A").replace(',', "%2C");
    format!(
        "::{level} file={},line={},col={},title={}::{}",
        property(&d.file),
        d.position.line,
        d.position.column,
        property(&format!("tebiki {}", d.code())),
        escape(&message)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Position;

    #[test]
    fn github_annotations_escape_what_the_format_reserves() {
        let d =
            Diagnostic::warning("content/ja/a,b.md", Position::new(3, 7), crate::msg!("E017", key = "100% sure\nnext"))
                .field("summary")
                .hint(crate::msg!("hint-did-you-mean", candidate = "summary"));
        assert_eq!(
            annotation(&d, Lang::En),
            "::warning file=content/ja/a%2Cb.md,line=3,col=7,title=tebiki E017::summary: unknown key `100%25 sure%0Anext`%0Ahelp: did you mean `summary`?"
        );
    }
}
