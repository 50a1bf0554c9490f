//! The Content-Security-Policy every page carries, as a `<meta>` tag at the top of `<head>`.
//!
//! tebiki refuses anything in a chapter that would run a script or load from another host;
//! the policy is the browser's own guarantee of the same, should a check ever miss
//! something: files come from the site itself only, no inline style or event handler runs,
//! and the only inline script is the theme's own, allowed by the hash of its exact text.
//! The hashes are taken from the page as written (after minifying), so the policy always
//! matches the scripts the page has.

use base64::Engine;
use sha2::{Digest, Sha256};

/// `html` (a page's minified layout) with its policy inserted at the top of `<head>`,
/// after the character set if that comes first.
pub(super) fn with_policy(html: &str) -> String {
    let Some(head) = html.find("<head>").map(|at| at + "<head>".len()) else { return html.to_string() };
    let head = match html[head..].strip_prefix("<meta charset") {
        Some(rest) => html.len() - rest.len() + rest.find('>').map_or(0, |i| i + 1),
        None => head,
    };
    let meta = format!("<meta http-equiv=Content-Security-Policy content=\"{}\">", policy(html));
    let mut out = String::with_capacity(html.len() + meta.len());
    out.push_str(&html[..head]);
    out.push_str(&meta);
    out.push_str(&html[head..]);
    out
}

/// The policy for a page whose inline scripts are those of `html`.
pub(super) fn policy(html: &str) -> String {
    let hashes: String = inline_scripts(html).map(|script| format!(" 'sha256-{}'", sha256_base64(script))).collect();
    format!("default-src 'self'; script-src 'self'{hashes}; object-src 'none'; base-uri 'none'; form-action 'self'")
}

/// The text of each `<script>` without a `src` in a layout of the theme (trusted markup,
/// not a chapter's), as the browser hashes it.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.match_indices("<script").filter_map(move |(start, _)| {
        let open_end = start + html[start..].find('>')? + 1;
        let tag = &html[start..open_end];
        if tag.contains(" src=") || !matches!(tag.as_bytes().get(7), Some(b'>' | b' ')) {
            return None;
        }
        let close = open_end + html[open_end..].find("</script>")?;
        Some(&html[open_end..close])
    })
}

fn sha256_base64(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_the_inline_script_by_its_hash_and_nothing_else() {
        let page = "<html><head><meta charset=utf-8><script>var a=1</script><script src=x.js type=module></script></head></html>";
        let with = with_policy(page);
        assert!(with.starts_with(
            "<html><head><meta charset=utf-8><meta http-equiv=Content-Security-Policy content=\"default-src 'self'; "
        ));
        // printf 'var a=1' | openssl dgst -sha256 -binary | base64
        assert!(with.contains("script-src 'self' 'sha256-WazVQOu5lmXfSreSrMJd1CsaQ4c00fUQpJfBYCuMSIw=';"), "{with}");
        assert!(with.contains("object-src 'none'; base-uri 'none'; form-action 'self'"));
        assert_eq!(with.matches("sha256-").count(), 1, "the script with a src is allowed as 'self'");
    }
}
