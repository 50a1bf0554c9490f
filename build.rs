//! Prepares what is compiled into the binary, so that `tebiki build` works on an office
//! terminal with nothing but the executable and `cargo build` needs no network:
//! - the default theme and its strings (a guidebook's own themes/ and i18n/ override them);
//! - the IPADIC dictionary for the Japanese tokenizer, built from the seed kept in
//!   dictionary/ipadic/ (lindera's own `embed-ipadic` feature would download it);
//! - the booklet fonts, kept xz-compressed in fonts/.

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

    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    out.push_str("pub static FONT_FILES: &[(&str, &[u8])] = &[\n");
    for (name, path) in unpack_fonts(&root.join("fonts"), &out_dir.join("fonts")) {
        writeln!(out, "    ({name:?}, include_bytes!({:?})),", path.display().to_string()).unwrap();
    }
    out.push_str("];\n");
    println!("cargo:rerun-if-changed=fonts");

    let dest = out_dir.join("embedded_files.rs");
    std::fs::write(dest, out).unwrap();
    println!("cargo:rerun-if-changed=themes");
    println!("cargo:rerun-if-changed=i18n");

    build_ipadic(&root.join("dictionary/ipadic"), &PathBuf::from(std::env::var("OUT_DIR").unwrap()));
}

const IPADIC_SEED: &str = "mecab-ipadic-2.7.0-20070801-utf8.tar.xz";

/// Unpacks the IPADIC seed and compiles it with lindera's DictionaryBuilder into
/// OUT_DIR/ipadic, where `lindera_dictionary::embedded_dictionary!` finds it. This build
/// script also reruns when the theme changes, so the dictionary (a few seconds of work) is
/// rebuilt only when the seed or its metadata changed.
fn build_ipadic(seed_dir: &Path, out_dir: &Path) {
    let seed = seed_dir.join(IPADIC_SEED);
    let metadata_path = seed_dir.join("metadata.json");
    println!("cargo:rerun-if-changed={}", seed.display());
    println!("cargo:rerun-if-changed={}", metadata_path.display());
    println!("cargo:rustc-env=LINDERA_WORKDIR={}", out_dir.display());

    let metadata_text = std::fs::read(&metadata_path).expect("dictionary/ipadic/metadata.json");
    let stamp = format!("{}:{}", std::fs::metadata(&seed).expect("IPADIC seed").len(), metadata_text.len());
    let output = out_dir.join("ipadic");
    let stamp_file = out_dir.join("ipadic.stamp");
    if output.join("metadata.json").is_file() && std::fs::read_to_string(&stamp_file).ok().as_deref() == Some(&stamp) {
        return;
    }

    let source = out_dir.join("ipadic-source");
    let _ = std::fs::remove_dir_all(&source);
    std::fs::create_dir_all(&source).unwrap();
    let mut tar_bytes = Vec::new();
    let mut xz = std::io::BufReader::new(std::fs::File::open(&seed).expect("open IPADIC seed"));
    lzma_rs::xz_decompress(&mut xz, &mut tar_bytes).expect("decompress IPADIC seed");
    tar::Archive::new(tar_bytes.as_slice()).unpack(&source).expect("unpack IPADIC seed");

    let metadata = serde_json::from_slice(&metadata_text).expect("valid IPADIC metadata.json");
    let _ = std::fs::remove_dir_all(&output);
    lindera_dictionary::builder::DictionaryBuilder::new(metadata)
        .build_dictionary(&source, &output)
        .expect("build the IPADIC dictionary");
    std::fs::remove_dir_all(&source).unwrap();
    std::fs::write(stamp_file, stamp).unwrap();
}

/// Every file below `dir`, sorted so the generated table (and the binary) is reproducible.
/// Unpacks fonts/<name>.ttf.xz (and .ttc.xz) into `out`, once: (font file name, unpacked path), sorted.
fn unpack_fonts(fonts: &Path, out: &Path) -> Vec<(String, PathBuf)> {
    std::fs::create_dir_all(out).unwrap();
    let mut packed: Vec<PathBuf> = std::fs::read_dir(fonts)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".ttf.xz") || p.to_string_lossy().ends_with(".ttc.xz"))
        .collect();
    packed.sort();
    packed
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().trim_end_matches(".xz").to_string();
            let target = out.join(&name);
            let fresh = |t: &Path| {
                let (Ok(a), Ok(b)) = (std::fs::metadata(t), std::fs::metadata(&path)) else { return false };
                a.modified().unwrap() >= b.modified().unwrap() && a.len() > 0
            };
            if !fresh(&target) {
                let mut xz = std::io::BufReader::new(std::fs::File::open(&path).unwrap());
                let mut bytes = Vec::new();
                lzma_rs::xz_decompress(&mut xz, &mut bytes).expect("decompress a font");
                std::fs::write(&target, bytes).unwrap();
            }
            (name, target)
        })
        .collect()
}

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
