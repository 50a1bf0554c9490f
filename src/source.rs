//! Reading the files staff write: UTF-8 with or without a BOM, CRLF or LF line ends, and
//! only files that belong to the guidebook.
//!
//! Files saved by Windows editors often carry a BOM or CRLF line ends; both are accepted
//! silently. A file in another encoding (Shift_JIS is common on office terminals) is never
//! converted behind the user's back: it is reported with the encoding it looks like and how
//! to re-save it, because a wrong guess would garble their text.
//!
//! A guidebook folder can come from a pull request, so a file in it may be a link to a file
//! of the machine that builds it (a private key, a password file). Every file tebiki reads
//! is first resolved, links followed: one outside the guidebook folder, or one that tools
//! keep out of sight (`.git/`, `.env`), is refused by name and never opened, so its contents
//! can appear in no message, annotation or page.

use std::path::{Component, Path, PathBuf};

use crate::diagnostics::{Diagnostic, Position};
use crate::msg;

/// A text file read from the guidebook, with line ends normalised to `\n`.
#[derive(Clone, Debug)]
pub(crate) struct SourceFile {
    pub path: PathBuf,
    /// Path relative to the guidebook root, `/`-separated: the name used in messages.
    pub name: String,
    pub text: String,
}

impl SourceFile {
    pub(crate) fn read(root: &Path, path: &Path) -> Result<SourceFile, Diagnostic> {
        let name = crate::diagnostics::display_path(root, path);
        let bytes = read_inside(root, path).map_err(|refusal| refusal.into_diagnostic(&name))?;
        let text = decode(&bytes).map_err(|problem| problem.into_diagnostic(&name))?;
        Ok(SourceFile { path: path.to_path_buf(), name, text })
    }
}

/// Why a file is not read.
#[derive(Debug)]
pub(crate) enum Refusal {
    /// With its links followed, the file is outside the guidebook folder.
    Outside,
    /// The file, or a folder it is in, is one that tools keep out of sight: its name starts
    /// with a dot (`.git/config`, `.env`). The path is relative to the guidebook folder.
    Hidden(String),
    Unreadable(std::io::Error),
}

impl Refusal {
    pub(crate) fn into_diagnostic(self, name: &str) -> Diagnostic {
        match self {
            Refusal::Outside => Diagnostic::error(name, Position::START, msg!("E001")),
            Refusal::Hidden(target) => Diagnostic::error(name, Position::START, msg!("E002", target = target)),
            Refusal::Unreadable(error) => {
                Diagnostic::error(name, Position::START, msg!("E003")).detail(error.to_string())
            }
        }
    }
}

/// Where `path` really is, once every link is followed, if that is inside the guidebook
/// folder and not hidden.
pub(crate) fn resolve_inside(root: &Path, path: &Path) -> Result<PathBuf, Refusal> {
    let root = root.canonicalize().map_err(Refusal::Unreadable)?;
    let real = path.canonicalize().map_err(Refusal::Unreadable)?;
    let Ok(relative) = real.strip_prefix(&root) else { return Err(Refusal::Outside) };
    let hidden =
        relative.components().any(|c| matches!(c, Component::Normal(n) if n.to_string_lossy().starts_with('.')));
    if hidden {
        return Err(Refusal::Hidden(relative.to_string_lossy().replace('\\', "/")));
    }
    Ok(real)
}

/// The bytes of a file of the guidebook (see `resolve_inside`).
pub(crate) fn read_inside(root: &Path, path: &Path) -> Result<Vec<u8>, Refusal> {
    std::fs::read(resolve_inside(root, path)?).map_err(Refusal::Unreadable)
}

/// Why a file's bytes are not text tebiki can use.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct EncodingProblem {
    pub position: Position,
    pub kind: EncodingKind,
}

#[derive(Debug, PartialEq, Eq)]
pub(crate) enum EncodingKind {
    /// Not UTF-8; the legacy encoding the bytes look like, if any.
    NotUtf8(Option<&'static str>),
    /// A character that is no text (see `is_not_text`): left in files by broken tools, or
    /// put there on purpose; tebiki uses noncharacters as its own markers.
    NotText(char),
}

impl EncodingProblem {
    #[cfg(test)]
    fn looks_like(&self) -> Option<&'static str> {
        match self.kind {
            EncodingKind::NotUtf8(encoding) => encoding,
            EncodingKind::NotText(_) => None,
        }
    }

    fn into_diagnostic(self, name: &str) -> Diagnostic {
        let encoding = match self.kind {
            EncodingKind::NotText(c) => {
                return Diagnostic::error(
                    name,
                    self.position,
                    msg!("E004", code_point = format!("U+{:04X}", c as u32)),
                );
            }
            EncodingKind::NotUtf8(encoding) => encoding,
        };
        let message = match encoding {
            Some(encoding) => msg!("E005", encoding = encoding),
            None => msg!("E006"),
        };
        Diagnostic::error(name, self.position, message)
    }
}

/// Decodes UTF-8 (dropping a BOM) and normalises CRLF and lone CR to LF; refuses NUL and
/// noncharacters.
pub(crate) fn decode(bytes: &[u8]) -> Result<String, EncodingProblem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => match text.char_indices().find(|(_, c)| is_not_text(*c)) {
            Some((at, c)) => Err(EncodingProblem { position: position_of(text, at), kind: EncodingKind::NotText(c) }),
            None => Ok(normalise_line_ends(text)),
        },
        Err(error) => {
            // The prefix before the first bad byte is valid UTF-8, so positions are exact.
            let prefix = std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default();
            let position = position_of(prefix, prefix.len());
            Err(EncodingProblem { position, kind: EncodingKind::NotUtf8(guess_encoding(bytes)) })
        }
    }
}

/// Control characters other than tab and line ends (NUL, ESC, form feed …), and the
/// Unicode noncharacters (U+FDD0–U+FDEF and the last two of every plane). No editor writes
/// them on purpose; ESC in a message would drive the terminal or the CI log that shows it.
pub(crate) fn is_not_text(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || ('\u{FDD0}'..='\u{FDEF}').contains(&c)
        || (c as u32 & 0xFFFE) == 0xFFFE
}

/// Line and column of byte `at` of `text`, whose lines may end in CRLF.
fn position_of(text: &str, at: usize) -> Position {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.trim_end_matches('\r').chars().count()) + 1;
    Position::new(line, column)
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
        assert!(problem.looks_like().unwrap().starts_with("Shift_JIS"));
    }

    #[test]
    fn euc_jp_is_told_apart_from_shift_jis() {
        let (bytes, _, _) = encoding_rs::EUC_JP.encode("かいご");
        assert_eq!(decode(&bytes).unwrap_err().looks_like(), Some("EUC-JP"));
    }

    #[test]
    fn nul_and_noncharacters_are_refused_where_they_are() {
        let problem = decode("---\ntitle: あ\0い\n".as_bytes()).unwrap_err();
        assert_eq!(problem, EncodingProblem { position: Position::new(2, 9), kind: EncodingKind::NotText('\0') });
        let problem = decode("本文\r\n\u{FDD0}".as_bytes()).unwrap_err();
        assert_eq!(problem.position, Position::new(2, 1));
        assert!(decode("外字\u{E000}は文字".as_bytes()).is_ok(), "private-use characters are text (外字)");
        let problem = decode("見出し\u{1b}[2J".as_bytes()).unwrap_err();
        assert_eq!(problem.kind, EncodingKind::NotText('\u{1b}'), "ESC would drive the terminal showing the message");
        assert!(decode("表\tの\r\n行".as_bytes()).is_ok());
    }

    #[test]
    fn a_link_out_of_the_guidebook_or_to_a_hidden_file_is_not_read() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret"), "PRIVATE KEY").unwrap();
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir(root.path().join(".git")).unwrap();
        std::fs::write(root.path().join(".git/config"), "token").unwrap();
        std::fs::write(root.path().join("ok.yaml"), "a: b").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(outside.path().join("secret"), root.path().join("out.yaml")).unwrap();
            std::os::unix::fs::symlink(".git/config", root.path().join("git.yaml")).unwrap();
            assert!(matches!(read_inside(root.path(), &root.path().join("out.yaml")), Err(Refusal::Outside)));
            let hidden = read_inside(root.path(), &root.path().join("git.yaml")).unwrap_err();
            assert!(matches!(&hidden, Refusal::Hidden(path) if path == ".git/config"), "{hidden:?}");
        }
        assert_eq!(read_inside(root.path(), &root.path().join("ok.yaml")).unwrap(), b"a: b");
    }
}
