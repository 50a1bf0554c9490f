//! Files compiled into the binary by build.rs: the default theme, its strings, and the
//! booklet fonts.

include!(concat!(env!("OUT_DIR"), "/embedded_files.rs"));

/// The built-in theme strings for a language code, if there are any.
pub(crate) fn i18n(code: &str) -> Option<&'static str> {
    I18N_FILES.iter().find(|(c, _)| *c == code).map(|(_, text)| *text)
}

/// The files of a built-in theme, as paths relative to the theme folder.
pub(crate) fn theme(name: &str) -> Vec<(&'static str, &'static [u8])> {
    THEME_FILES
        .iter()
        .filter_map(|(path, bytes)| {
            let relative = path.strip_prefix(name)?.strip_prefix('/')?;
            Some((relative, *bytes))
        })
        .collect()
}

/// The booklet fonts (BIZ UD Gothic and Mincho, SIL Open Font License; see fonts/OFL.txt).
pub(crate) fn fonts() -> impl Iterator<Item = &'static [u8]> {
    FONT_FILES.iter().map(|(_, bytes)| *bytes)
}
