//! One A4 page of certificate text with printpdf (for measuring only).
use printpdf::*;

fn main() {
    let mut doc = PdfDocument::new("Certificate");
    let font = ParsedFont::from_bytes(include_bytes!("../../../fonts/DejaVuSans.ttf"), 0, &mut vec![]).unwrap();
    let font_id = doc.add_font(&font);
    let mut ops = vec![Op::StartTextSection];
    for (i, line) in LINES.iter().enumerate() {
        ops.push(Op::SetTextCursor { pos: Point { x: Mm(25.0).into(), y: Mm(250.0 - 14.0 * i as f32).into() } });
        ops.push(Op::SetFont { font: PdfFontHandle::External(font_id.clone()), size: Pt(18.0) });
        ops.push(Op::ShowText { items: vec![TextItem::Text(line.to_string())] });
    }
    ops.push(Op::EndTextSection);
    let page = PdfPage::new(Mm(210.0), Mm(297.0), ops);
    let mut options = PdfSaveOptions::default();
    options.subset_fonts = true;
    let bytes = doc.with_pages(vec![page]).save(&options, &mut vec![]);
    std::fs::write("printpdf.pdf", bytes).unwrap();
}

const LINES: [&str; 4] = [
    "Tystysgrif cwblhau",
    "Ŵyn Ŷr Âb Ąć Ęł Ńó Śź Ż",
    "Sgiliau digidol — Community Campus",
    "2 awr 30 munud",
];
