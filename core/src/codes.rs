//! Stable text codes for enums, declared once.
//!
//! A unit enum's codes are listed once, with [`codes!`](crate::codes!): that list gives
//! [`Code::ALL`], [`Code::code`], `FromStr` and `Display`, and the bindings reach Python's
//! `Literal` lists and Kotlin's enums from it. Serde spells the same codes (`snake_case` of the
//! variant names); a test checks every coded enum agrees with its serde form.

use crate::ErrorKind;

/// An enum whose variants have stable text codes (`"half_up"`, `"courses_completed"`).
pub trait Code: Copy + Eq + 'static {
    /// What the codes name, for error messages (`"rounding"`).
    const WHAT: &'static str;
    /// Every variant, in declaration order.
    const ALL: &'static [Self];
    /// The variant's code.
    fn code(self) -> &'static str;

    /// The variant with this code, or [`UnknownCode`] listing the codes.
    ///
    /// ```
    /// use ete_core::codes::Code;
    /// use ete_core::Rounding;
    ///
    /// assert_eq!(Rounding::parse("half_up")?, Rounding::HalfUp);
    /// let e = Rounding::parse("sideways").unwrap_err();
    /// assert_eq!(e.to_string(), r#"unknown rounding "sideways": expected one of floor, half_up"#);
    /// # Ok::<(), ete_core::codes::UnknownCode>(())
    /// ```
    fn parse(text: &str) -> Result<Self, UnknownCode> {
        Self::ALL
            .iter()
            .copied()
            .find(|v| v.code() == text)
            .ok_or_else(|| UnknownCode::new(Self::WHAT, text, Self::ALL.iter().map(|v| v.code())))
    }

    /// Every code, in declaration order.
    fn codes() -> Vec<&'static str> {
        Self::ALL.iter().map(|v| v.code()).collect()
    }
}

/// A text that is none of an enum's codes. The value is quoted up to 40 characters (a shifted
/// column may hold personal data; a short prefix names the problem without copying a record).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} {value:?}: expected one of {expected}")]
pub struct UnknownCode {
    /// What the codes name.
    pub what: &'static str,
    /// The text given (at most 40 characters of it).
    pub value: String,
    /// The codes, comma-separated.
    pub expected: String,
}

impl UnknownCode {
    fn new<'a>(what: &'static str, text: &str, codes: impl Iterator<Item = &'a str>) -> Self {
        UnknownCode {
            what,
            value: text.chars().take(40).collect(),
            expected: codes.collect::<Vec<_>>().join(", "),
        }
    }

    /// [`ErrorKind::InvalidField`].
    pub fn kind(&self) -> ErrorKind {
        ErrorKind::InvalidField
    }
}

/// Declares an enum's codes once: `codes!(Rounding, "rounding", { Floor => "floor", ... })`
/// implements [`Code`], `FromStr` and `Display` for it.
#[macro_export]
macro_rules! codes {
    ($ty:ty, $what:literal, { $($variant:ident => $code:literal),+ $(,)? }) => {
        impl $crate::codes::Code for $ty {
            const WHAT: &'static str = $what;
            const ALL: &'static [Self] = &[$(<$ty>::$variant),+];
            fn code(self) -> &'static str {
                match self {
                    $(<$ty>::$variant => $code),+
                }
            }
        }
        impl ::std::str::FromStr for $ty {
            type Err = $crate::codes::UnknownCode;
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                <$ty as $crate::codes::Code>::parse(text)
            }
        }
        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str($crate::codes::Code::code(*self))
            }
        }
    };
}
