//! Text with placeholders in it, filled in later: what lets tebiki hand a text on to a step
//! that must not change part of it (the minifier, the HTML checker) and put that part back
//! afterwards. A placeholder is an opening character, a name, and a closing character; the
//! characters are Unicode noncharacters, which no file tebiki reads may contain.

use std::borrow::Cow;

/// `text` with each placeholder of the kinds `(open, close)` replaced by what `with` gives
/// for (the kind's position in `kinds`, the name between). A placeholder `with` has nothing
/// for is left as it is.
pub(crate) fn fill<'a>(
    text: &str,
    kinds: &[(char, char)],
    with: &dyn Fn(usize, &str) -> Option<Cow<'a, str>>,
) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut rest = text;
    while let Some(start) = rest.find(|c| kinds.iter().any(|(open, _)| *open == c)) {
        out.push_str(&rest[..start]);
        let open = rest[start..].chars().next().expect("found above");
        let kind = kinds.iter().position(|(o, _)| *o == open).expect("one of the kinds");
        let close = kinds[kind].1;
        let after = &rest[start + open.len_utf8()..];
        let filled = after.find(close).and_then(|end| with(kind, &after[..end]).map(|text| (text, end)));
        match filled {
            Some((text, end)) => {
                out.push_str(&text);
                rest = &after[end + close.len_utf8()..];
            }
            None => {
                out.push(open);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_by_kind_and_name() {
        let kinds = [('\u{FDD0}', '\u{FDD1}'), ('\u{FDD2}', '\u{FDD3}')];
        let with = |kind: usize, name: &str| match (kind, name) {
            (0, "a") => Some(Cow::Borrowed("一")),
            (1, "a") => Some(Cow::Owned("二".to_string())),
            _ => None,
        };
        let text = "[\u{FDD0}a\u{FDD1}|\u{FDD2}a\u{FDD3}|\u{FDD0}b\u{FDD1}|\u{FDD0}open]";
        assert_eq!(fill(text, &kinds, &with), "[一|二|\u{FDD0}b\u{FDD1}|\u{FDD0}open]");
    }
}
