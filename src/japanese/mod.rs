//! Japanese text handling shared by the Markdown passes, the theme and (later) the search
//! index and furigana: character classes now; the lindera tokenizer will live here too.

mod chars;

pub use chars::{is_east_asian_wide, joins_without_space};
