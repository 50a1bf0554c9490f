//! The one normalisation that search keys and queries both go through, so that every way a
//! reader may type a word meets the way it is written: ＡＣＰ and ACP, ｹｱﾏﾈ and ケアマネ and
//! けあまね, ケアマネージャー and ケアマネジャー.
//!
//! The browser engine (themes/default/static/assets/search.js) does exactly the same; the
//! steps and their order must stay identical on both sides.

use unicode_normalization::UnicodeNormalization;

/// NFKC (full-width Latin and half-width katakana become ordinary forms), lowercase,
/// katakana folded to hiragana, and the long-vowel mark and the middle dot removed
/// (マネージャー and マネジャー, アドバンス・ケア and アドバンスケア become one).
pub(crate) fn normalize(text: &str) -> String {
    // Most text is kana, kanji and ASCII, which NFKC leaves as they are: such text skips
    // the normaliser, which is the slow part (a search build normalises every sentence).
    if text.chars().all(is_nfkc_stable) {
        return text.chars().map(|c| c.to_ascii_lowercase()).filter_map(fold_char).collect();
    }
    text.nfkc().flat_map(char::to_lowercase).filter_map(fold_char).collect()
}

/// Characters that NFKC leaves alone, whatever follows them, and whose lowercase is ASCII's.
/// (Not the ideographic space, full-width forms or half-width katakana, which NFKC changes,
/// nor combining marks, which join the character before.)
fn is_nfkc_stable(c: char) -> bool {
    c.is_ascii()
        || matches!(c,
            '\u{3001}'..='\u{3002}' // 、。
            | '\u{3008}'..='\u{3011}' // 〈〉《》「」『』【】
            | '\u{3041}'..='\u{3096}' // hiragana
            | '\u{309D}'..='\u{309E}' // ゝゞ
            | '\u{30A1}'..='\u{30FE}' // katakana, ・ and ー
            | '\u{4E00}'..='\u{9FFF}' // kanji
        )
}

fn fold_char(c: char) -> Option<char> {
    match c {
        'ー' | '・' => None,
        'ァ'..='ヶ' => char::from_u32(c as u32 - 0x60),
        'ヽ' | 'ヾ' => char::from_u32(c as u32 - 0x60),
        _ => Some(c),
    }
}

/// Katakana readings from the dictionary, folded the same way as text.
pub(crate) fn reading_key(reading: &str) -> String {
    normalize(reading)
}

/// The script of one character, for splitting queries and texts into runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Script {
    Kanji,
    Hiragana,
    Katakana,
    /// Letters and digits of alphabetic scripts (Latin, Hangul, Vietnamese …).
    Word,
    Other,
}

pub(crate) fn script(c: char) -> Script {
    match c {
        '々'
        | '〆'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFD}' => Script::Kanji,
        'ぁ'..='ゖ' | 'ゝ' | 'ゞ' => Script::Hiragana,
        'ァ'..='ヺ' | 'ー' | '・' | 'ヽ' | 'ヾ' | 'ㇰ'..='ㇿ' => Script::Katakana,
        c if c.is_alphanumeric() => Script::Word,
        _ => Script::Other,
    }
}

/// Whether every character is kana (after normalisation, hiragana).
pub(crate) fn is_kana(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| matches!(script(c), Script::Hiragana | Script::Katakana))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_path_gives_what_nfkc_gives() {
        let slow = |text: &str| -> String { text.nfkc().flat_map(char::to_lowercase).filter_map(fold_char).collect() };
        for c in (0..0x11_0000).filter_map(char::from_u32).filter(|c| is_nfkc_stable(*c)) {
            // Each character alone and between others (no two of them compose).
            for text in [c.to_string(), format!("A{c}ア{c}漢")] {
                assert_eq!(normalize(&text), slow(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn widths_cases_and_kana_meet() {
        assert_eq!(normalize("ＡＣＰ"), "acp");
        assert_eq!(normalize("ｹｱﾏﾈｼﾞｬｰ"), "けあまねじゃ");
        assert_eq!(normalize("ケアマネジャー"), normalize("けあまねーじゃー"));
        assert_eq!(normalize("ケアマネージャー"), normalize("ケアマネジャー"));
        assert_eq!(normalize("アドバンス・ケア・プランニング"), normalize("アドバンスケアプランニング"));
        assert_eq!(normalize("認知症"), "認知症");
        assert_eq!(normalize("ヴィ"), "ゔぃ");
    }

    #[test]
    fn scripts_are_told_apart() {
        assert_eq!(script('認'), Script::Kanji);
        assert_eq!(script('々'), Script::Kanji);
        assert_eq!(script('の'), Script::Hiragana);
        assert_eq!(script('ケ'), Script::Katakana);
        assert_eq!(script('a'), Script::Word);
        assert_eq!(script('한'), Script::Word);
        assert_eq!(script('。'), Script::Other);
        assert!(is_kana("けあまね"));
        assert!(!is_kana("訪問"));
    }
}
