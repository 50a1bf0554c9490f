//! The theme's scripts, minified as they are copied into the site: a reader on a slow line
//! downloads the code, not its comments. The theme's scripts are ES modules; one that does
//! not parse as a module is copied as it is.

use oxc_allocator::Allocator;
use oxc_codegen::{Codegen, CodegenOptions};
use oxc_minifier::{CompressOptions, MangleOptions, Minifier, MinifierOptions};
use oxc_parser::Parser;
use oxc_span::SourceType;

/// The file as the site serves it: `.js` files minified, everything else unchanged.
pub(super) fn served(path: &str, bytes: Vec<u8>) -> Vec<u8> {
    if !path.ends_with(".js") {
        return bytes;
    }
    match std::str::from_utf8(&bytes).ok().and_then(minified) {
        Some(code) if code.len() < bytes.len() => code.into_bytes(),
        _ => bytes,
    }
}

/// The module minified: comments and spaces out, local names shortened, the exported
/// names and the behaviour kept (the safest compression; no code is dropped as dead).
fn minified(source: &str) -> Option<String> {
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, source, SourceType::mjs()).parse();
    if !parsed.errors.is_empty() || parsed.panicked {
        return None;
    }
    let mut program = parsed.program;
    let options = MinifierOptions { mangle: Some(MangleOptions::default()), compress: Some(CompressOptions::safest()) };
    let done = Minifier::new(options).minify(&allocator, &mut program);
    let code = Codegen::new().with_options(CodegenOptions::minify()).with_scoping(done.scoping).build(&program).code;
    Some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_lose_their_comments_and_keep_their_exports() {
        let source = "// The engine.\n/** Adds. */\nexport function add(first, second) {\n  // why\n  return first + second;\n}\n";
        let served = String::from_utf8(served("assets/a.js", source.as_bytes().to_vec())).unwrap();
        assert!(served.len() < source.len() / 2, "{served}");
        assert!(!served.contains("why") && !served.contains("The engine"), "{served}");
        assert!(served.contains("export") && served.contains("add"), "{served}");
    }

    #[test]
    fn other_files_and_scripts_that_do_not_parse_are_kept_as_they_are() {
        assert_eq!(served("assets/style.css", b"a {  }".to_vec()), b"a {  }");
        assert_eq!(served("assets/broken.js", b"function (".to_vec()), b"function (");
    }
}
