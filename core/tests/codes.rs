//! Every coded enum's codes (declared once with `codes!`) agree with its serde form, and an
//! unknown code is refused naming the codes.

use ete_core::codes::{Code, UnknownCode};
use ete_core::hours::{AgreementCategory, AppointmentOutcome, OrderKind};
use ete_core::licences::{AccountKind, DeactivationReason, WaitingOrder};
use ete_core::{ErrorKind, Rounding};

fn agrees_with_serde<T: Code + serde::Serialize + serde::de::DeserializeOwned + std::fmt::Debug>() {
    for v in T::ALL {
        assert_eq!(
            serde_json::to_value(v).unwrap(),
            serde_json::json!(v.code()),
            "{v:?}"
        );
        let back: T = serde_json::from_value(serde_json::json!(v.code())).unwrap();
        assert_eq!(back, *v);
        assert_eq!(T::parse(v.code()).unwrap(), *v);
    }
    let e: UnknownCode = T::parse("no-such-code").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidField);
    assert!(e.to_string().contains(&T::codes().join(", ")), "{e}");
}

#[test]
fn codes_agree_with_serde_for_every_coded_enum() {
    agrees_with_serde::<Rounding>();
    agrees_with_serde::<OrderKind>();
    agrees_with_serde::<AppointmentOutcome>();
    agrees_with_serde::<AgreementCategory>();
    agrees_with_serde::<AccountKind>();
    agrees_with_serde::<DeactivationReason>();
    agrees_with_serde::<WaitingOrder>();
    agrees_with_serde::<ete_core::hours::Grouping>();
    agrees_with_serde::<ete_core::register::Role>();
    agrees_with_serde::<ete_core::register::Mark>();
    agrees_with_serde::<ete_core::hours::CreditReason>();
}

#[test]
fn an_unknown_code_is_quoted_only_when_it_looks_like_a_code() {
    let long = "zebedee.q@example.org".repeat(100);
    let e = Rounding::parse(&long).unwrap_err();
    assert!(!e.to_string().contains("zebedee"), "{e}");
    assert!(e.to_string().len() < 200);
    for personal in ["Alice Smithson", "alice@example.org", "07700 900123"] {
        let e = Rounding::parse(personal).unwrap_err();
        assert!(!e.to_string().contains(personal), "{e}");
    }
    assert!(
        Rounding::parse("half_down")
            .unwrap_err()
            .to_string()
            .contains("\"half_down\"")
    );
}
