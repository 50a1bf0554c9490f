//! Chapters are content, not code: raw HTML may format text, never run a script.

/// What is wrong with a piece of raw HTML or a link address, if anything.
pub fn script_in_html(html: &str) -> Option<&'static str> {
    let lower = html.to_ascii_lowercase();
    if lower.contains("<script") {
        return Some("a <script> element");
    }
    if lower.contains("javascript:") {
        return Some("a javascript: address");
    }
    if has_event_handler(&lower) {
        return Some("an event-handler attribute (on…=)");
    }
    if lower.contains("<iframe") || lower.contains("<object") || lower.contains("<embed") {
        return Some("an embedded frame or object");
    }
    None
}

/// Attributes such as onclick= or onload= run code when something happens.
fn has_event_handler(lower: &str) -> bool {
    let in_tag = lower.contains('<');
    in_tag
        && lower.match_indices("on").any(|(i, _)| {
            let before = lower[..i].chars().last();
            let after = &lower[i + 2..];
            let name_len = after.chars().take_while(|c| c.is_ascii_alphabetic()).count();
            matches!(before, Some(' ' | '\t' | '\n' | '/' | '"' | '\''))
                && name_len > 0
                && after[name_len..].trim_start().starts_with('=')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_handlers_are_refused() {
        assert!(script_in_html("<SCRIPT>alert(1)</script>").is_some());
        assert!(script_in_html("<img src=x onerror=alert(1)>").is_some());
        assert!(script_in_html("<a href=\"javascript:alert(1)\">x</a>").is_some());
    }

    #[test]
    fn formatting_html_is_allowed() {
        assert_eq!(script_in_html("<details><summary>詳しく</summary>"), None);
        assert_eq!(script_in_html("<span class=\"note\">once upon</span>"), None);
    }
}
