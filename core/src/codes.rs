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
    /// The rule that lists the codes (`"R-1"`), or `""`.
    const RULE: &'static str;
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
    /// let e = Rounding::parse("Alice Smith").unwrap_err();
    /// assert!(!e.to_string().contains("Alice"));
    /// # Ok::<(), ete_core::codes::UnknownCode>(())
    /// ```
    fn parse(text: &str) -> Result<Self, UnknownCode> {
        Self::ALL
            .iter()
            .copied()
            .find(|v| v.code() == text)
            .ok_or_else(|| UnknownCode {
                what: Self::WHAT,
                value: shown(text),
                expected: Self::codes().join(", "),
                rule: Self::RULE,
            })
    }

    /// Every code, in declaration order.
    fn codes() -> Vec<&'static str> {
        Self::ALL.iter().map(|v| v.code()).collect()
    }
}

/// A text that is none of an enum's codes. The value is quoted only when it looks like a code
/// (at most 40 lowercase letters, digits, `_` or `-`): a shifted column may hold a name or an
/// email, and an error never carries personal data.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown {what} {value}: expected one of {expected}{}",
    rule_suffix(rule)
)]
pub struct UnknownCode {
    /// What the codes name.
    pub what: &'static str,
    /// The text given when it looks like a code, else a note that it is not shown.
    pub value: String,
    /// The codes, comma-separated.
    pub expected: String,
    /// The rule that lists the codes, or `""`.
    pub rule: &'static str,
}

/// The value quoted when it looks like a code; otherwise only its length.
fn shown(text: &str) -> String {
    let code_like = text.len() <= 40
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    if code_like {
        format!("{text:?}")
    } else {
        format!(
            "(a value of {} characters, not shown)",
            text.chars().count()
        )
    }
}

fn rule_suffix(rule: &str) -> String {
    if rule.is_empty() {
        String::new()
    } else {
        format!(" ({rule})")
    }
}

impl UnknownCode {
    /// [`ErrorKind::InvalidField`].
    pub fn kind(&self) -> ErrorKind {
        ErrorKind::InvalidField
    }
}

/// Declares an enum's codes once: `codes!(Rounding, "rounding", { Floor => "floor", ... })`
/// (optionally with the rule that lists them: `codes!(Mark, "mark", "R-1", { ... })`),
/// listing every variant in declaration order. It gives the enum `ALL` and `CODES` (arrays in
/// that order), `const fn code`, [`Code`], `FromStr` and `Display` (the code).
#[macro_export]
macro_rules! codes {
    ($ty:ident, $what:literal, { $($variant:ident => $code:literal),+ $(,)? }) => {
        $crate::codes!($ty, $what, "", { $($variant => $code),+ });
    };
    ($ty:ident, $what:literal, $rule:literal, { $($variant:ident => $code:literal),+ $(,)? }) => {
        impl $ty {
            /// Every variant, in declaration order.
            pub const ALL: [$ty; [$($code),+].len()] = [$($ty::$variant),+];
            /// Every variant's code, in the order of `ALL`.
            pub const CODES: [&'static str; [$($code),+].len()] = [$($code),+];
            /// The stable code used in JSON, CSV and every language.
            pub const fn code(self) -> &'static str {
                match self {
                    $($ty::$variant => $code),+
                }
            }
        }
        impl $crate::codes::Code for $ty {
            const WHAT: &'static str = $what;
            const RULE: &'static str = $rule;
            const ALL: &'static [Self] = &<$ty>::ALL;
            fn code(self) -> &'static str {
                <$ty>::code(self)
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
                f.write_str(<$ty>::code(*self))
            }
        }
        #[cfg(feature = "python")]
        $crate::python_code!($ty, [$($code),+]);
    };
}
