"""Text in English, Welsh and Polish, and certificates as PDF (W-1, W-2): a sample through Python."""

import datetime
import shutil
import subprocess

import pytest

import ete_core

T0 = datetime.datetime(2026, 11, 2, 14, 5, tzinfo=datetime.timezone.utc)
EVERY_LETTER = "Ŵyn Ŷwain Âlis ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ"


def test_plural_forms_follow_each_language():
    assert [ete_core.courses_text(n, "cy").text for n in (0, 1, 2, 3, 6, 11)] == [
        "0 cwrs", "1 cwrs", "2 gwrs", "3 chwrs", "6 chwrs", "11 cwrs"
    ]
    assert [ete_core.minutes_text(n, "pl").text for n in (1, 2, 5, 22)] == ["1 minuta", "2 minuty", "5 minut", "22 minuty"]
    assert ete_core.minutes_text(150, "en").text == "2 hours 30 minutes"
    assert ete_core.date_text(datetime.date(2026, 11, 2), "cy").text == "2 Tachwedd 2026"


def test_reasons_headings_and_groupings_have_text_in_each_language():
    t = ete_core.credit_reason_text("failed", "cy")
    assert (t.text, t.language, t.fell_back) == ("Ni phasiwyd y cwrs: ni chaiff unrhyw amser ei gredydu.", "cy", False)
    assert str(t) == t.text
    assert ete_core.heading_text("courses_completed", "pl").text == "Ukończone kursy"
    assert ete_core.heading_text("person_name", "en") is None
    assert ete_core.grouping_text("region", "cy-GB").text == "Rhanbarth"
    decision = ete_core.decide(ete_core.RoutingPolicy(), ete_core.Organisation("provider", "PRV-1"),
                               ete_core.Organisation("school", "SCH-1"), "dsl", "safeguarding_concern")
    assert ete_core.routing_reason_text(decision, "pl").text.startswith("Niedozwolone")
    with pytest.raises(ete_core.InvalidField):
        ete_core.credit_reason_text("sideways", "en")


def test_an_unknown_language_falls_back_to_english_and_says_so():
    t = ete_core.credit_reason_text("failed", "fr")
    assert (t.language, t.fell_back) == ("en", True)
    assert t.text == "The course was not passed: no time is credited."


def test_the_evidence_csv_keeps_its_columns_and_writes_notes_in_the_language():
    c = ete_core.Completion("P-1", "Digital skills", T0, "Failed", 30, 60)
    csv = ete_core.ndelius_evidence_csv_in(ete_core.credit_batch([c]), "pl")
    header, line = csv.strip().splitlines()
    assert header == "person_ref,requirement_id,course_name,date,action,minutes,reason,notes"
    assert "00:00,failed,Kurs nie został zaliczony" in line


def pdftotext(pdf: bytes) -> str:
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is needed: scripts/test-all.sh installs it"
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return " ".join(out.decode("utf-8").split())


@pytest.mark.parametrize(
    "language,title", [("en", "Certificate of completion"), ("cy", "Tystysgrif cwblhau"), ("pl", "Zaświadczenie o ukończeniu kursu")]
)
def test_a_certificate_is_a_pdf_in_each_language(language, title):
    c = ete_core.Completion(
        "P-1", "Digital skills", T0, "Passed", 90, 120, first_name="Ŵyn Ŷwain", last_name="Âlis ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ",
        region="Wales", provider="Community Campus",
    )
    cert = ete_core.certificate(c, ete_core.credit_batch([c])[0], language)
    pdf = ete_core.certificate_pdf(cert, language)
    assert pdf.startswith(b"%PDF-")
    text = pdftotext(pdf)
    assert title in text and EVERY_LETTER in text and "Digital skills" in text and "Community Campus" in text
    assert "Ŵyn" not in repr(cert)


def test_a_batch_gives_one_pdf_per_credited_completion():
    passed = ete_core.Completion("P-1", "Digital skills", T0, "Passed", 90, 120, first_name="Siân")
    failed = ete_core.Completion("P-2", "Food safety", T0, "Failed", 30, 60, first_name="Łucja")
    files = ete_core.certificate_pdfs([passed, failed], ete_core.credit_batch([passed, failed]), {"P-1": "cy"}, "en")
    assert [name for name, _ in files] == ["P-1_2026-11-02_0.pdf"]
    assert "Tystysgrif cwblhau" in pdftotext(files[0][1])


def test_refusal_mark_reason_and_notification_text_in_each_language() -> None:
    at = datetime.datetime(2026, 11, 24, 9, 0, tzinfo=datetime.timezone.utc)
    policy = ete_core.RoutingPolicy()
    file = ete_core.TransferFile("plan.pdf", ete_core.Organisation("provider", "PRV-1"), "dsl",
                                 "LSP JN", "learner_support_plan")
    plan = ete_core.plan_transfer(policy, ete_core.Organisation("school", "SCH-1"), "S-1", [file])
    [refusal] = plan.refusals
    texts = {tag: ete_core.refusal_text(refusal, tag) for tag in ("en", "cy", "pl")}
    assert len({t.text for t in texts.values()}) == 3 and not any(t.fell_back for t in texts.values())

    lesson = ete_core.Lesson("L-1", "PRV-1", at, at + datetime.timedelta(hours=2))
    register = ete_core.Register(lesson, ["A"])
    decision = register.check(ete_core.Actor("provider", "S-1"), "A", "present", at)
    assert decision.reason == "lesson_not_finished"
    english = ete_core.mark_reason_text(decision, "en")
    assert english.text != ete_core.mark_reason_text(decision, "cy").text
    assert ete_core.mark_reason_text(decision, "xx-unknown").fell_back

    c = ete_core.Completion("P-1", "Digital skills", at, "Passed", 90, 120)
    decisions = ete_core.credit_batch([c, c])
    one = ete_core.notification_text("PR-7", decisions[:1], "pl").text
    two = ete_core.notification_text("PR-7", decisions, "pl").text
    assert one != two  # Polish plural forms differ for 1 and 2


def test_counts_out_of_range_are_invalid_field_not_overflow() -> None:
    for bad in (-1, 2**32, 2**64):
        with pytest.raises(ete_core.InvalidField):
            ete_core.courses_text(bad, "en")
    assert ete_core.courses_text(2**32 - 1, "en").text.startswith("4")
