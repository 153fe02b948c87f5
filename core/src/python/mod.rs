//! How core's own types cross to Python (feature `python`), the counterpart of
//! `uniffi_types`: conversions, the error mapping, and per domain the constructors, getters
//! and reprs a derive cannot write.
//!
//! Records carry `#[cfg_attr(feature = "python", pyclass(...))]` and pyderive's derives where
//! they are defined; this module says once how the values inside them convert: [`Minutes`](crate::Minutes)
//! is an `int`, every coded enum (`codes!`) is its code as a `str`, and an error is the
//! `ete_core` exception named like its [`ErrorKind`](crate::ErrorKind).

mod completion;
mod convert;
mod errors;
mod hours;
mod ledger;
mod register;
mod routing;
mod staff;

pub use convert::{Day, Instant, Whole, fraction, plain, py_date};
pub use errors::error;
pub(crate) use errors::{fail, raise};

/// A `str` as Python's `repr` writes it (single quotes): a backslash, a quote and every control
/// character escaped, so a repr is one line of Python even when an id holds a newline (a repr
/// that breaks lines could forge a log line).
pub(crate) fn py_str(text: &str) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(text.len().saturating_add(2));
    out.push('\'');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {
                let code = u32::from(c);
                // Writing to a String cannot fail.
                let _ = if code <= 0xff {
                    write!(out, "\\x{code:02x}")
                } else {
                    write!(out, "\\u{code:04x}")
                };
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    /// Control characters are escaped as Python escapes them, so a repr stays one line.
    #[test]
    fn py_str_escapes_quotes_backslashes_and_control_characters() {
        assert_eq!(super::py_str("P-1"), "'P-1'");
        assert_eq!(super::py_str("it's \\"), "'it\\'s \\\\'");
        assert_eq!(
            super::py_str("a\nb\rc\td\0e\u{7f}f\u{85}g\u{2028}"),
            "'a\\nb\\rc\\td\\x00e\\x7ff\\x85g\\u2028'"
        );
        assert!(!super::py_str("x\ny").contains('\n'));
    }
}
