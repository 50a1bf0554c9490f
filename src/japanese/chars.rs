//! Character classes that decide how Japanese (and Chinese) text is laid out.

/// True for characters of East Asian Width F, W or H that are not Hangul: kanji, kana,
/// full-width punctuation and forms, half-width katakana.
///
/// This is the class CSS Text 3 uses for "segment break transformation": a line break in the
/// source between two such characters is removed rather than turned into a space, because
/// Japanese and Chinese do not separate words with spaces. Hangul is excluded because Korean
/// does use spaces between words.
pub(crate) fn is_east_asian_wide(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{303E}'     // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
        | '\u{3041}'..='\u{33FF}'   // Hiragana, Katakana, Bopomofo, CJK compatibility (Hangul Jamo excluded below)
        | '\u{3400}'..='\u{4DBF}'   // CJK Extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK Unified Ideographs
        | '\u{A000}'..='\u{A4CF}'   // Yi
        | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
        | '\u{FE30}'..='\u{FE4F}'   // CJK compatibility forms
        | '\u{FF01}'..='\u{FF60}'   // full-width ASCII forms and punctuation
        | '\u{FF61}'..='\u{FF9F}'   // half-width katakana (width H)
        | '\u{FFE0}'..='\u{FFE6}'   // full-width signs
        | '\u{1B000}'..='\u{1B16F}' // kana supplement and extensions
        | '\u{20000}'..='\u{3FFFD}' // CJK Extensions B and later
    ) && !matches!(c, '\u{3130}'..='\u{318F}') // Hangul compatibility Jamo
}

/// Characters a Japanese line never starts with (行頭禁則, JIS X 4051's strict set):
/// closing brackets, stops and commas, the middle dot, colons, the long-vowel mark, small
/// kana and iteration marks, and their ASCII forms.
pub(crate) const NO_LINE_START: &str =
    "、。，．・：；？！ー」』）〕］｝〉》】ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々ゝゞヽヾ),.:;!?]}";

/// Characters a Japanese line never ends with (行末禁則): opening brackets.
pub(crate) const NO_LINE_END: &str = "（「『【〔［｛〈《([{";

/// Whether a line may break between `before` and `after` by the kinsoku rules.
pub(crate) fn may_break_between(before: char, after: char) -> bool {
    !NO_LINE_END.contains(before) && !NO_LINE_START.contains(after)
}

/// Whether a soft line break between `before` and `after` should vanish instead of becoming a
/// space (CSS Text 3 §4.1.3, the rule browsers apply to Japanese and Chinese).
pub(crate) fn joins_without_space(before: char, after: char) -> bool {
    is_east_asian_wide(before) && is_east_asian_wide(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kana_kanji_and_full_width_punctuation_are_wide() {
        for c in ['あ', 'ア', '認', '。', '「', 'ー', 'Ａ', 'ｱ', '𠮷'] {
            assert!(is_east_asian_wide(c), "{c}");
        }
    }

    #[test]
    fn latin_digits_and_hangul_are_not() {
        for c in ['a', 'Z', '1', ' ', '한', 'ㄱ', 'é'] {
            assert!(!is_east_asian_wide(c), "{c}");
        }
    }

    #[test]
    fn break_between_japanese_joins_but_not_next_to_latin() {
        assert!(joins_without_space('す', '次'));
        assert!(!joins_without_space('P', 'と'));
        assert!(!joins_without_space('는', '다'));
    }
}
