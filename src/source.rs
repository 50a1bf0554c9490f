//! Reading the files staff write: UTF-8 with or without a BOM, CRLF or LF line ends.
//!
//! Files saved by Windows editors often carry a BOM or CRLF line ends; both are accepted
//! silently. A file in another encoding (Shift_JIS is common on office terminals) is never
//! converted behind the user's back: it is reported with the encoding it looks like and how
//! to re-save it, because a wrong guess would garble their text.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Position};

/// A text file read from the guidebook, with line ends normalised to `\n`.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    /// Path relative to the guidebook root, `/`-separated: the name used in messages.
    pub name: String,
    pub text: String,
}

impl SourceFile {
    pub fn read(root: &Path, path: &Path) -> Result<SourceFile, Diagnostic> {
        let name = crate::diagnostics::display_path(root, path);
        let bytes = std::fs::read(path)
            .map_err(|e| Diagnostic::error(&name, Position::START, format!("cannot read the file: {e}")))?;
        let text = decode(&bytes).map_err(|problem| problem.into_diagnostic(&name))?;
        Ok(SourceFile { path: path.to_path_buf(), name, text })
    }
}

/// Why a file's bytes are not UTF-8 text.
#[derive(Debug, PartialEq, Eq)]
pub struct EncodingProblem {
    pub position: Position,
    pub looks_like: Option<&'static str>,
}

impl EncodingProblem {
    fn into_diagnostic(self, name: &str) -> Diagnostic {
        let message = match self.looks_like {
            Some(encoding) => format!("the file is not UTF-8; it looks like {encoding}"),
            None => "the file is not UTF-8 text".to_string(),
        };
        Diagnostic::error(name, self.position, message)
            .expected("text saved as UTF-8")
            .suggestion(
                "re-save the file as UTF-8: in Notepad choose File > Save As and set Encoding to UTF-8; \
                 in VS Code click the encoding in the status bar, choose Reopen with Encoding (pick the one named above), \
                 then Save with Encoding > UTF-8",
            )
    }
}

/// Decodes UTF-8 (dropping a BOM) and normalises CRLF and lone CR to LF.
pub fn decode(bytes: &[u8]) -> Result<String, EncodingProblem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(normalise_line_ends(text)),
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            // The prefix before the first bad byte is valid UTF-8, so positions are exact.
            let prefix = std::str::from_utf8(valid).unwrap_or_default();
            let line = prefix.matches('\n').count() + 1;
            let column = prefix.rsplit('\n').next().map_or(0, |l| l.trim_end_matches('\r').chars().count()) + 1;
            Err(EncodingProblem { position: Position::new(line, column), looks_like: guess_encoding(bytes) })
        }
    }
}

fn normalise_line_ends(text: &str) -> String {
    if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text.to_string() }
}

/// Names the legacy encoding that decodes the bytes without a single error, trying the ones
/// Japanese offices actually produce.
fn guess_encoding(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Some("UTF-16 (saved as \"Unicode\" by some Windows programs)");
    }
    let candidates: [(&'static encoding_rs::Encoding, &'static str); 3] = [
        (encoding_rs::SHIFT_JIS, "Shift_JIS (Windows Japanese, also called ANSI or CP932)"),
        (encoding_rs::EUC_JP, "EUC-JP"),
        (encoding_rs::ISO_2022_JP, "ISO-2022-JP (JIS)"),
    ];
    // EUC-JP bytes also decode as Shift_JIS, but as a jumble of half-width katakana, which
    // real text rarely contains: prefer the reading with the fewest of them.
    candidates
        .into_iter()
        .filter_map(|(encoding, name)| {
            let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
            let half_width_kana = text.chars().filter(|c| ('\u{FF61}'..='\u{FF9F}').contains(c)).count();
            Some((half_width_kana, name))
        })
        .min_by_key(|(half_width_kana, _)| *half_width_kana)
        .map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_are_accepted_silently() {
        assert_eq!(decode(b"\xEF\xBB\xBFtitle: a\r\nb\r\n").unwrap(), "title: a\nb\n");
    }

    #[test]
    fn shift_jis_is_named_with_the_position_of_the_first_bad_byte() {
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode("---\ntitle: 認知症\n");
        let problem = decode(&bytes).unwrap_err();
        assert_eq!(problem.position, Position::new(2, 8));
        assert!(problem.looks_like.unwrap().starts_with("Shift_JIS"));
    }

    #[test]
    fn euc_jp_is_told_apart_from_shift_jis() {
        let (bytes, _, _) = encoding_rs::EUC_JP.encode("かいご");
        assert_eq!(decode(&bytes).unwrap_err().looks_like, Some("EUC-JP"));
    }
}
