//! QR codes that take a reader from a printed chapter to the same chapter on a phone,
//! drawn as SVG for the booklet (a vector, so it stays sharp at any print resolution).

use qrcode::{Color, EcLevel, QrCode};

/// Modules of light border a reader needs around the code.
const QUIET_ZONE: usize = 4;

/// An SVG image of a QR code holding `url`, error correction level M (15 %), enough for
/// a code printed on paper that gets folded and handled.
pub(super) fn svg(url: &str) -> Result<String, String> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).map_err(|e| e.to_string())?;
    let width = code.width();
    let dark: Vec<bool> = code.to_colors().into_iter().map(|c| c == Color::Dark).collect();
    let size = width + 2 * QUIET_ZONE;
    let mut path = String::new();
    for (index, is_dark) in dark.iter().enumerate() {
        if *is_dark {
            let (x, y) = (index % width + QUIET_ZONE, index / width + QUIET_ZONE);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\">\
<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    ))
}

/// The modules of the code for `url`, dark as true, row by row.
#[cfg(test)]
pub(super) fn modules(url: &str) -> Option<(usize, Vec<bool>)> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    Some((code.width(), code.to_colors().into_iter().map(|c| c == Color::Dark).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_svg_draws_every_dark_module_inside_a_quiet_zone() {
        let url = "https://guide.hidamari-city.example/ja/acp/what-is-acp/";
        let svg = svg(url).unwrap();
        let (width, dark) = modules(url).unwrap();
        assert_eq!(svg.matches('M').count(), dark.iter().filter(|d| **d).count());
        let size = width + 2 * QUIET_ZONE;
        assert!(svg.contains(&format!("viewBox=\"0 0 {size} {size}\"")));
        // The top-left finder pattern starts at the quiet zone's edge.
        assert!(svg.contains(&format!("M{QUIET_ZONE} {QUIET_ZONE}h1v1h-1z")));
    }
}
