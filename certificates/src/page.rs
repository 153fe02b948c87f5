//! One certificate on one A4 page.

use std::sync::Arc;

use ete_core::hours::Certificate;
use ete_messages::{CertificateLines, certificate_lines};
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use crate::CertificateError;

/// DejaVu Sans (Bitstream Vera licence, free to redistribute; `fonts/DejaVuSans-LICENSE.txt`):
/// every Welsh and Polish letter (ŵ ŷ â ą ć ę ł ń ó ś ź ż …). Embedded as a subset.
pub const FONT: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");

/// A4 in points.
const WIDTH: f32 = 595.28;
const HEIGHT: f32 = 841.89;
/// The widest a line may be: the page less 72 pt each side.
const MEASURE: f32 = WIDTH - 144.0;

/// A colour as red, green and blue.
type Rgb = (u8, u8, u8);

const INK: Rgb = (33, 37, 41);
const ACCENT: Rgb = (0, 94, 93);
const MUTED: Rgb = (90, 96, 102);

fn color((r, g, b): Rgb) -> rgb::Color {
    rgb::Color::new(r, g, b)
}

/// The certificate as a one-page A4 PDF in the language for `tag` (H-15, W-2): title, the
/// person's name, the course, the provider, the completion date, the credited time and the
/// region. An unknown tag gives the English page. The name is only on the page: errors name the
/// person's reference.
///
/// ```
/// use ete_core::hours::Certificate;
/// use ete_core::Minutes;
///
/// let cert = Certificate {
///     person_ref: "P-1".into(), person_name: "Gwenllïan Łukasz".into(),
///     course_name: "Digital skills".into(), provider: "Community Campus".into(),
///     region: "Wales".into(), completed_on: "2026-11-02".parse().unwrap(),
///     credited: Minutes::new(150)?, language: "cy".into(),
/// };
/// let pdf = ete_certificates::pdf(&cert, "cy")?;
/// assert!(pdf.starts_with(b"%PDF-"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn pdf(certificate: &Certificate, tag: &str) -> Result<Vec<u8>, CertificateError> {
    check_lengths(certificate)?;
    let lines = certificate_lines(certificate, tag);
    let font = Font::new(Arc::new(FONT.to_vec()).into(), 0).ok_or(CertificateError::Font)?;
    let widths = Widths::new()?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!("{} — {}", lines.title, lines.course))
            .language(lines.language.code().to_owned())
            .creator("ete-certificates".to_owned()),
    );
    let settings =
        PageSettings::from_wh(WIDTH, HEIGHT).ok_or_else(|| pdf_error(certificate, "page size"))?;
    let mut page = document.start_page_with(settings);
    let mut surface = page.surface();
    border(&mut surface);
    draw(&mut surface, &font, &widths, &lines);
    surface.finish();
    page.finish();
    document
        .finish()
        .map_err(|e| pdf_error(certificate, &format!("{:?}", std::mem::discriminant(&e))))
}

/// The most characters a certificate's name, course, provider or region may have: a page set
/// in the smallest type holds far fewer, and an unbounded value costs time linear in its length
/// (a 10 MB name took minutes).
pub const MAX_FIELD_CHARS: usize = 300;

/// Refuses a text field longer than [`MAX_FIELD_CHARS`], naming the field, never its value.
fn check_lengths(certificate: &Certificate) -> Result<(), CertificateError> {
    for (field, value) in [
        ("person_name", &certificate.person_name),
        ("course_name", &certificate.course_name),
        ("provider", &certificate.provider),
        ("region", &certificate.region),
    ] {
        let chars = value.chars().count();
        if chars > MAX_FIELD_CHARS {
            return Err(CertificateError::TooLong {
                person_ref: certificate.person_ref.clone(),
                field,
                chars,
                max: MAX_FIELD_CHARS,
            });
        }
    }
    Ok(())
}

fn pdf_error(certificate: &Certificate, reason: &str) -> CertificateError {
    CertificateError::Pdf {
        person_ref: certificate.person_ref.clone(),
        reason: reason.to_owned(),
    }
}

/// Glyph advances of the embedded font, to centre lines.
struct Widths<'a> {
    font: FontRef<'a>,
}

impl Widths<'_> {
    fn new() -> Result<Self, CertificateError> {
        Ok(Widths {
            font: FontRef::new(FONT).map_err(|_| CertificateError::Font)?,
        })
    }

    /// The width of `text` at `size` points.
    fn of(&self, text: &str, size: f32) -> f32 {
        let charmap = self.font.charmap();
        let metrics = self
            .font
            .glyph_metrics(Size::new(size), LocationRef::default());
        text.chars()
            .filter_map(|c| charmap.map(c).and_then(|g| metrics.advance_width(g)))
            .sum()
    }
}

/// Two frames round the page, in the accent colour.
fn border(surface: &mut Surface<'_>) {
    surface.set_fill(None);
    for (inset, width) in [(28.0, 2.5), (36.0, 0.75)] {
        let mut path = PathBuilder::new();
        if let Some(rect) = Rect::from_xywh(inset, inset, WIDTH - 2.0 * inset, HEIGHT - 2.0 * inset)
        {
            path.push_rect(rect);
        }
        if let Some(path) = path.finish() {
            surface.set_stroke(Some(Stroke {
                paint: color(ACCENT).into(),
                width,
                ..Stroke::default()
            }));
            surface.draw_path(&path);
        }
    }
    surface.set_stroke(None);
}

/// The lines, each centred; a line wider than the measure is set smaller until it fits.
fn draw(surface: &mut Surface<'_>, font: &Font, widths: &Widths<'_>, lines: &CertificateLines) {
    let rows: [(&str, f32, f32, Rgb); 10] = [
        (&lines.title, 30.0, 190.0, ACCENT),
        (&lines.awarded_to, 14.0, 270.0, MUTED),
        (&lines.name, 28.0, 325.0, INK),
        (&lines.completed, 14.0, 375.0, MUTED),
        (&lines.course, 22.0, 420.0, INK),
        (&lines.provider, 13.0, 500.0, INK),
        (&lines.completed_on, 13.0, 530.0, INK),
        (&lines.credited, 13.0, 560.0, INK),
        (&lines.region, 13.0, 590.0, INK),
        (&lines.footer, 10.0, 770.0, MUTED),
    ];
    for (text, size, baseline, ink) in rows {
        let mut size = size;
        while size > 6.0 && widths.of(text, size) > MEASURE {
            size -= 0.5;
        }
        let x = (WIDTH - widths.of(text, size).min(MEASURE)) / 2.0;
        surface.set_fill(Some(Fill {
            paint: color(ink).into(),
            opacity: NormalizedF32::ONE,
            ..Fill::default()
        }));
        surface.draw_text(
            Point::from_xy(x, baseline),
            font.clone(),
            size,
            text,
            false,
            TextDirection::Auto,
        );
    }
    // A rule under the name.
    let mut path = PathBuilder::new();
    path.move_to(WIDTH / 2.0 - 120.0, 340.0);
    path.line_to(WIDTH / 2.0 + 120.0, 340.0);
    if let Some(path) = path.finish() {
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke {
            paint: color(ACCENT).into(),
            width: 0.75,
            ..Stroke::default()
        }));
        surface.draw_path(&path);
        surface.set_stroke(None);
    }
}
