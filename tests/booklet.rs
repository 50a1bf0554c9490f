//! `tebiki booklet` as a print shop and an office receive it: the sample's booklets are
//! built with the tebiki binary and read back with poppler-utils and qpdf: A5 pages in a
//! multiple of four, fonts embedded and subset, a clean PDF, the trim box at A5 with
//! bleed, pages in saddle-stitch order when imposed, Japanese lines that never start with
//! a closing mark or small kana, and the same bytes every time.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

const A5: (f64, f64) = (419.53, 595.28);

/// The sample's booklets, made once for all tests: (name, path).
fn booklets() -> &'static (tempfile::TempDir, Vec<(&'static str, PathBuf)>) {
    static MADE: OnceLock<(tempfile::TempDir, Vec<(&'static str, PathBuf)>)> = OnceLock::new();
    MADE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let variants: [(&str, &[&str]); 9] = [
            ("ja", &["--lang", "ja"]),
            ("ja-large", &["--lang", "ja", "--edition", "large"]),
            ("en", &["--lang", "en"]),
            ("ja-bleed", &["--lang", "ja", "--bleed"]),
            ("ja-imposed", &["--lang", "ja", "--impose"]),
            ("ja-imposed-long", &["--lang", "ja", "--impose", "--duplex", "long-edge"]),
            ("zh", &["--lang", "zh"]),
            ("ko", &["--lang", "ko"]),
            ("vi", &["--lang", "vi"]),
        ];
        let made = variants
            .iter()
            .map(|(name, args)| {
                let path = dir.path().join(format!("{name}.pdf"));
                booklet(args, &path);
                (*name, path)
            })
            .collect();
        (dir, made)
    })
}

/// Runs `tebiki booklet ARGS --root ROOT --out OUT`.
fn run_booklet(root: &Path, args: &[&str], out: &Path) -> std::process::Output {
    common::tebiki().arg("booklet").args(args).arg("--root").arg(root).arg("--out").arg(out).output().unwrap()
}

/// A booklet of the sample guidebook, which must succeed.
fn booklet(args: &[&str], out: &Path) {
    let output = run_booklet(&common::repo_root(), args, out);
    assert!(output.status.success(), "tebiki booklet {args:?}: {}", String::from_utf8_lossy(&output.stderr));
}

fn path(name: &str) -> &'static Path {
    &booklets().1.iter().find(|(n, _)| *n == name).unwrap().1
}

fn run(program: &str, args: &[&str], file: &Path) -> String {
    let output = Command::new(program).args(args).arg(file).output().unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(output.status.success(), "{program} {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).to_string()
}

fn info(name: &str) -> String {
    run("pdfinfo", &["-box"], path(name))
}

fn pages(name: &str) -> usize {
    info(name).lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap()
}

/// A box line of `pdfinfo -box`: (x0, y0, x1, y1).
fn pdf_box(info: &str, which: &str) -> (f64, f64, f64, f64) {
    let line = info.lines().find(|l| l.starts_with(which)).unwrap_or_else(|| panic!("{which} in {info}"));
    let n: Vec<f64> = line[which.len() + 1..].split_whitespace().map(|v| v.parse().unwrap()).collect();
    (n[0], n[1], n[2], n[3])
}

fn page_text(name: &str, page: usize) -> String {
    text_of(path(name), page, None)
}

/// All the text of a booklet, page after page, line by line as printed.
fn all_text(name: &str) -> String {
    let output = Command::new("pdftotext").arg("-layout").arg(path(name)).arg("-").output().unwrap();
    assert!(output.status.success());
    String::from_utf8_lossy(&output.stdout).to_string()
}

fn text_of(file: &Path, page: usize, crop: Option<(u32, u32)>) -> String {
    let page = page.to_string();
    let mut args = vec!["-f".to_string(), page.clone(), "-l".to_string(), page];
    if let Some((x, width)) = crop {
        args.extend(["-x", &x.to_string(), "-y", "0", "-W", &width.to_string(), "-H", "600"].map(String::from));
    }
    args.push(file.display().to_string());
    args.push("-".into());
    let output = Command::new("pdftotext").args(&args).output().unwrap();
    String::from_utf8_lossy(&output.stdout).to_string()
}

#[test]
fn booklets_are_a5_in_multiples_of_four_pages() {
    for name in ["ja", "ja-large", "en", "ja-bleed", "zh", "ko", "vi"] {
        let count = pages(name);
        assert!(count >= 8 && count.is_multiple_of(4), "{name}: {count} pages");
    }
    for name in ["ja", "ja-large", "en"] {
        let (x0, y0, x1, y1) = pdf_box(&info(name), "MediaBox:");
        assert!(((x1 - x0) - A5.0).abs() < 0.5 && ((y1 - y0) - A5.1).abs() < 0.5, "{name}: {x0} {y0} {x1} {y1}");
    }
    assert!(pages("ja-large") > pages("ja"), "14 pt text takes more pages than 12 pt");
}

#[test]
fn every_font_is_embedded_and_subset_and_the_files_are_clean() {
    for (name, file) in &booklets().1 {
        let fonts = run("pdffonts", &[], file);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{name}: no fonts");
        for row in rows {
            let columns: Vec<&str> = row.split_whitespace().collect();
            let (emb, sub) = (columns[columns.len() - 5], columns[columns.len() - 4]);
            assert_eq!((emb, sub), ("yes", "yes"), "{name}: {row}");
        }
        let check = Command::new("qpdf").arg("--check").arg(file).output().unwrap();
        let said = String::from_utf8_lossy(&check.stdout).to_string() + &String::from_utf8_lossy(&check.stderr);
        assert!(check.status.success() && !said.to_lowercase().contains("warning"), "{name}: {said}");
    }
}

#[test]
fn with_bleed_the_trim_box_is_exactly_a5_inside_a_larger_sheet() {
    let info = info("ja-bleed");
    let (tx0, ty0, tx1, ty1) = pdf_box(&info, "TrimBox:");
    let (mx0, my0, mx1, my1) = pdf_box(&info, "MediaBox:");
    assert!(((tx1 - tx0) - A5.0).abs() < 0.5 && ((ty1 - ty0) - A5.1).abs() < 0.5, "{info}");
    // 3 mm of bleed and room for crop marks on every side.
    let bleed = 3.0 * 72.0 / 25.4;
    assert!(tx0 - mx0 > bleed && ty0 - my0 > bleed && mx1 - tx1 > bleed && my1 - ty1 > bleed, "{info}");
    assert_eq!(pages("ja-bleed"), pages("ja"), "bleed changes the sheet, not the pages");
}

#[test]
fn imposed_sides_hold_the_pages_in_saddle_stitch_order() {
    let a5 = pages("ja");
    let imposed = path("ja-imposed");
    assert_eq!(pages("ja-imposed"), a5 / 2, "two A5 pages a side");
    let (x0, _, x1, y1) = pdf_box(&info("ja-imposed"), "MediaBox:");
    assert!((x1 - x0 - 841.89).abs() < 0.5 && (y1 - 595.28).abs() < 0.5, "A4 landscape");
    // Each side's left and right halves hold the text of the A5 pages saddle stitching
    // puts there: for 48 pages, 48 and 1, then 2 and 47, 46 and 3 …
    let first_line =
        |page: usize| text_of(path("ja"), page, None).lines().map(str::trim).find(|l| !l.is_empty()).map(String::from);
    for side in 1..=a5 / 2 {
        let sheet = (side - 1) / 2;
        let (left, right) =
            if side % 2 == 1 { (a5 - 2 * sheet, 1 + 2 * sheet) } else { (2 + 2 * sheet, a5 - 1 - 2 * sheet) };
        let left_half = text_of(imposed, side, Some((0, 421)));
        let right_half = text_of(imposed, side, Some((421, 421)));
        if let Some(line) = first_line(left) {
            assert!(left_half.contains(&line), "side {side}: page {left} ({line}) on the left:\n{left_half}");
        }
        if let Some(line) = first_line(right) {
            assert!(right_half.contains(&line), "side {side}: page {right} ({line}) on the right:\n{right_half}");
        }
    }
    // Long-edge duplex turns the back sides: the text of page 2 is no longer in the left
    // half the right way up.
    let long = path("ja-imposed-long");
    let page_two = first_line(2).unwrap();
    assert!(text_of(imposed, 2, Some((0, 421))).contains(&page_two));
    assert!(!text_of(long, 2, Some((0, 421))).contains(&page_two));
}

#[test]
fn japanese_lines_never_start_with_a_closing_mark_or_small_kana() {
    const NOT_AT_LINE_START: &str = "、。，．」』）】〕！？ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ";
    for name in ["ja", "ja-large"] {
        let text = all_text(name);
        let mut lines = 0;
        for line in text.lines().map(str::trim_start).filter(|l| !l.is_empty()) {
            lines += 1;
            let first = line.chars().next().unwrap();
            assert!(!NOT_AT_LINE_START.contains(first), "{name}: a line starts with 「{first}」: {line}");
        }
        assert!(lines > 500, "{name} has text ({lines} lines)");
    }
}

#[test]
fn chapters_carry_their_web_address_and_the_contents_their_pages() {
    // Addresses break after a slash; read as one word they are whole.
    let text: String = all_text("ja").split_whitespace().collect::<String>().replace('\u{200b}', "");
    for chapter in ["acp/what-is-acp", "services/home-services", "worksheet/my-wishes"] {
        let url = format!("https://guide.hidamari-city.example/ja/{chapter}/");
        assert!(text.contains(&url), "{url} printed under its QR code");
    }
    let contents = page_text("ja", 2);
    assert!(contents.contains("目次") && contents.contains("人生会議（ACP）ってなに？"), "{contents}");
    assert!(all_text("en").contains("Contents"));
    // Every language has its booklet, in its own words where translated.
    assert!(all_text("zh").contains("目录"));
    assert!(all_text("ko").contains("차례") && all_text("ko").contains("인생회의"));
    assert!(all_text("vi").contains("Mục lục") && all_text("vi").contains("Jinsei kaigi (ACP) là gì?"));
}

#[test]
fn the_same_guidebook_gives_the_same_pdf() {
    let again = booklets().0.path().join("ja-again.pdf");
    booklet(&["--lang", "ja"], &again);
    assert!(std::fs::read(&again).unwrap() == std::fs::read(path("ja")).unwrap(), "two builds differ");
}

#[test]
fn what_cannot_be_printed_is_an_error_naming_the_chapter() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("wide.pdf");
    let output = run_booklet(&common::fixture("wide-table"), &["--lang", "ja"], &out);
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(
        said.contains("content/ja/care/home.md:18:1: error[E129]: this table has 5 columns, too many for an A5 page"),
        "{said}"
    );
    assert!(!out.exists(), "no half-made booklet");

    // A character no booklet font has is named where it is, not printed as an empty box.
    let output = run_booklet(&common::fixture("unprintable"), &["--lang", "ja"], &dir.path().join("unprintable.pdf"));
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        said.contains("content/ja/care/home.md:16:8: error[E127]: the booklet's fonts cannot print 「📞」"),
        "{said}"
    );
}

#[test]
fn chapter_text_is_printed_as_written_never_run_as_typst() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("injection.pdf");
    let output = run_booklet(&common::fixture("typst-injection"), &["--lang", "ja"], &out);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let info = run("pdfinfo", &[], &out);
    assert!(info.contains("419.528 x 595.276 pts"), "still A5: {info}");
    let printed = Command::new("pdftotext").arg(&out).arg("-").output().unwrap();
    let printed: String = String::from_utf8_lossy(&printed.stdout).split_whitespace().collect();
    for written in ["#setpage(paper:\"a6\")", "#panic(\"stop\")", "$x^2$", "<label>", "@ref", "\"引用符\""] {
        assert!(printed.contains(written), "{written} printed in {printed}");
    }
}

#[test]
fn a_file_that_is_not_a_booklet_tebiki_made_is_never_overwritten() {
    let guidebook = common::copy_of("minimal");
    let root = guidebook.path();
    let settings = std::fs::read(root.join("site.yaml")).unwrap();
    let output = run_booklet(root, &["--lang", "ja"], &root.join("site.yaml"));
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(said.contains("must end in .pdf"), "{said}");
    assert_eq!(std::fs::read(root.join("site.yaml")).unwrap(), settings, "the settings are untouched");

    let theirs = root.join("leaflet.pdf");
    std::fs::write(&theirs, b"%PDF-1.4\n% someone's own leaflet\n%%EOF\n").unwrap();
    let output = run_booklet(root, &["--lang", "ja"], &theirs);
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(said.contains("is not a booklet made by tebiki; it is left untouched"), "{said}");
    assert_eq!(std::fs::read(&theirs).unwrap(), b"%PDF-1.4\n% someone's own leaflet\n%%EOF\n");

    // A booklet tebiki made is replaced by the next one, in one language or in all.
    let ours = root.join("booklets/ja.pdf");
    for _ in 0..2 {
        let output = run_booklet(root, &["--lang", "ja"], &ours);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }
    assert!(run("pdfinfo", &[], &ours).contains("Keywords:        tebiki booklet"));
    let folder = root.join("all");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("en-standard.pdf"), b"mine").unwrap();
    let output = run_booklet(root, &[], &folder);
    assert_eq!(output.status.code(), Some(1));
    assert!(!folder.join("ja-standard.pdf").exists(), "nothing is written when one file is refused");
    assert_eq!(std::fs::read(folder.join("en-standard.pdf")).unwrap(), b"mine");
}

#[test]
fn a_very_long_word_is_broken_inside_the_page_with_a_warning() {
    let guidebook = common::copy_of("minimal");
    let chapter = guidebook.path().join("content/ja/care/home.md");
    let word = format!("https://www.city.hidamari.example/{}", "kaigo".repeat(28));
    let text = std::fs::read_to_string(&chapter).unwrap() + &format!("\n{word}\n");
    std::fs::write(&chapter, &text).unwrap();
    let line = text.lines().count();
    let out = guidebook.path().join("long.pdf");
    let output = run_booklet(guidebook.path(), &["--lang", "ja"], &out);
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{said}");
    assert!(
        said.contains(&format!(
            "content/ja/care/home.md:{line}:1: warning[W007]: `https://www.city.hidamari.exam…` is 174 letters"
        )),
        "{said}"
    );
    // Every word poppler finds on every page lies inside the A5 page.
    let boxes = Command::new("pdftotext").args(["-bbox"]).arg(&out).arg("-").output().unwrap();
    let boxes = String::from_utf8_lossy(&boxes.stdout);
    let right_edges: Vec<f64> =
        boxes.split("xMax=\"").skip(1).map(|rest| rest.split('"').next().unwrap().parse().unwrap()).collect();
    assert!(right_edges.len() > 50);
    let widest = right_edges.iter().cloned().fold(0.0, f64::max);
    assert!(widest <= A5.0, "a word ends at {widest} pt, beyond the page's {} pt", A5.0);
    assert!(all_text_of(&out).replace(['\n', ' ', '\u{200B}'], "").contains(&word), "the word is printed whole");
}

fn all_text_of(file: &Path) -> String {
    let output = Command::new("pdftotext").arg(file).arg("-").output().unwrap();
    String::from_utf8_lossy(&output.stdout).to_string()
}
