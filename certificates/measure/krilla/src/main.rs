//! One A4 page of certificate text with krilla (for measuring only).
use krilla::Document;
use krilla::geom::Point;
use krilla::page::PageSettings;
use krilla::text::{Font, TextDirection};

fn main() {
    let font = Font::new(
        include_bytes!("../../../fonts/DejaVuSans.ttf").to_vec().into(),
        0,
    )
    .unwrap();
    let mut document = Document::new();
    let mut page = document.start_page_with(PageSettings::from_wh(595.28, 841.89).unwrap());
    let mut surface = page.surface();
    for (i, line) in LINES.iter().enumerate() {
        surface.draw_text(
            Point::from_xy(72.0, 120.0 + 40.0 * i as f32),
            font.clone(),
            18.0,
            line,
            false,
            TextDirection::Auto,
        );
    }
    surface.finish();
    page.finish();
    std::fs::write("krilla.pdf", document.finish().unwrap()).unwrap();
}

const LINES: [&str; 4] = [
    "Tystysgrif cwblhau",
    "Ŵyn Ŷr Âb Ąć Ęł Ńó Śź Ż",
    "Sgiliau digidol — Community Campus",
    "2 awr 30 munud",
];
