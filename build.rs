//! Compiles the default theme and the default theme strings into the binary, so that a
//! guidebook folder needs only its content: `tebiki build` works on an office terminal with
//! nothing but the executable. A guidebook's own themes/<name>/ and i18n/ override these.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let mut out = String::new();

    let mut theme_files = Vec::new();
    collect(&root.join("themes"), &mut theme_files);
    out.push_str("pub static THEME_FILES: &[(&str, &[u8])] = &[\n");
    for path in &theme_files {
        let name = path.strip_prefix(root.join("themes")).unwrap().to_string_lossy().replace('\\', "/");
        writeln!(out, "    ({name:?}, include_bytes!({:?})),", path.display().to_string()).unwrap();
    }
    out.push_str("];\n");

    let mut i18n_files = Vec::new();
    collect(&root.join("i18n"), &mut i18n_files);
    out.push_str("pub static I18N_FILES: &[(&str, &str)] = &[\n");
    for path in i18n_files.iter().filter(|p| p.extension().is_some_and(|e| e == "yaml")) {
        let code = path.file_stem().unwrap().to_string_lossy();
        writeln!(out, "    ({code:?}, include_str!({:?})),", path.display().to_string()).unwrap();
    }
    out.push_str("];\n");

    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded_files.rs");
    std::fs::write(dest, out).unwrap();
    println!("cargo:rerun-if-changed=themes");
    println!("cargo:rerun-if-changed=i18n");
}

/// Every file below `dir`, sorted so the generated table (and the binary) is reproducible.
fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}
