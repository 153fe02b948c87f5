# ETE Core messages: Welsh (Cymraeg). AWAITING REVIEW BY A NATIVE SPEAKER (see GLOSSARY.md).
# Welsh has six plural categories (zero, one, two, few, many, other): every count below lists
# all six, with the soft (2) and aspirate (3, 6) mutations where the noun takes them.

## Durations, counts and dates

minutes = { $n ->
    [zero] { $n } munud
    [one] { $n } munud
    [two] { $n } funud
    [few] { $n } munud
    [many] { $n } munud
   *[other] { $n } munud
}
hours = { $n ->
    [zero] { $n } awr
    [one] { $n } awr
    [two] { $n } awr
    [few] { $n } awr
    [many] { $n } awr
   *[other] { $n } awr
}
duration = { $hours } { $minutes }
courses = { $n ->
    [zero] { $n } cwrs
    [one] { $n } cwrs
    [two] { $n } gwrs
    [few] { $n } chwrs
    [many] { $n } chwrs
   *[other] { $n } cwrs
}
date = { $day } { $month } { $year }
month-1 = Ionawr
month-2 = Chwefror
month-3 = Mawrth
month-4 = Ebrill
month-5 = Mai
month-6 = Mehefin
month-7 = Gorffennaf
month-8 = Awst
month-9 = Medi
month-10 = Hydref
month-11 = Tachwedd
month-12 = Rhagfyr
percent = { $whole }.{ $tenth }%

## Credit reasons (H-3..H-11)

credit-reason-within-guided-time = Wedi’i gwblhau o fewn yr amser dysgu dan arweiniad: caiff yr amser gwirioneddol ei gredydu.
credit-reason-within-allowance = Dros yr amser dysgu dan arweiniad ond o fewn y lwfans amser ychwanegol a gytunwyd: caiff yr amser gwirioneddol ei gredydu.
credit-reason-capped-at-guided-time = Dros yr amser dysgu dan arweiniad heb gytundeb amser ychwanegol: caiff yr amser dysgu dan arweiniad ei gredydu.
credit-reason-capped-at-allowance = Dros y lwfans amser ychwanegol a gytunwyd: caiff yr amser hyd at y lwfans ei gredydu.
credit-reason-failed = Ni phasiwyd y cwrs: ni chaiff unrhyw amser ei gredydu.
credit-reason-duplicate = Mae’r cwrs hwn eisoes wedi’i gredydu i’r unigolyn hwn: ni chaiff unrhyw amser ei gredydu.
credit-reason-limited-by-ete-allowance = Dim ond rhan sy’n ffitio yn lwfans addysg, hyfforddiant a chyflogaeth y gofyniad sy’n weddill: caiff y rhan honno ei chredydu.
credit-reason-limited-by-remaining-time = Dim ond rhan sy’n ffitio yn yr amser sy’n weddill ar y gofyniad gwaith di-dâl: caiff y rhan honno ei chredydu.
credit-reason-nothing-left-to-credit = Mae’r lwfans addysg, hyfforddiant a chyflogaeth neu amser y gofyniad wedi’i ddefnyddio: ni chaiff unrhyw amser ei gredydu.
credit-reason-no-requirement = Nid oes gofyniad gwaith di-dâl ar gyfer yr unigolyn hwn ar y dyddiad hwn: ni chaiff unrhyw amser ei gredydu.

## Routing reasons (T-1..T-4)

routing-reason-permitted = Caniateir gan y rheol “{ $rule }”.
routing-reason-forbidden = Ni chaniateir: mae’r rheol “{ $rule }” yn ei wahardd.
routing-reason-no-rule-permits = Ni chaniateir: nid oes rheol yn caniatáu’r llwybr hwn.
routing-reason-role-not-accepted = Ni chaniateir: dim ond { $accepted } y mae’r llwybr hwn yn eu derbyn.
routing-reason-rule-error = Ni chaniateir: ni ellid gwirio’r rheol “{ $rule }” ({ $detail }).
routing-reason-unknown-kind = Ni chaniateir: mae’r { $party } yn fath o sefydliad nad yw’r polisi’n ei restru (“{ $kind }”).
routing-reason-unknown-role = Ni chaniateir: nid yw rôl y derbynnydd, “{ $role }”, yn un y mae’r polisi’n ei rhestru.
routing-reason-unknown-category = Ni chaniateir: nid yw’r categori dogfen “{ $category }” yn un y mae’r polisi’n ei restru.

## Transfer refusals (T-5..T-7)

refusal-denied = { $reason }
refusal-no-recipient = Nid oes derbynnydd i’r ffeil.
refusal-bad-description = Ni ellir defnyddio disgrifiad y ffeil: { $detail }.
refusal-unknown-category = Nid yw’r categori dogfen “{ $category }” yn un y mae’r polisi’n ei restru.

## Register mark reasons (R-2, R-3)

mark-reason-allowed = Gellir gosod y marc hwn.
mark-reason-lesson-not-finished = Mae’r wers yn gorffen am { $time } ar { $date }; ni ellir marcio’r gofrestr cyn hynny.
mark-reason-role-may-not-set = Ni all y rôl “{ $role }” osod y marc “{ $mark }”.
mark-reason-not-unexplained = Dim ond absenoldebau heb esboniad y mae’r ysgol yn eu prosesu; mae’r cofnod hwn yn “{ $current }”.
mark-reason-already-processed = Mae’r ysgol wedi cofnodi “{ $decision }”; dim ond yr hyb all ei newid.
mark-reason-not-on-register = Nid yw’r dysgwr { $learner } ar y gofrestr hon.
mark-unmarked = heb ei farcio

## Report headings (H-13, the nDelius evidence export)

heading-group = Grŵp
heading-completions = Cwblhadau
heading-courses-completed = Cyrsiau a gwblhawyd
heading-minutes-credited = Amser a gredydwyd
heading-actual-minutes = Amser gwirioneddol
heading-guided-minutes = Amser dysgu dan arweiniad
heading-agreements-used = Cytundebau amser ychwanegol a ddefnyddiwyd
heading-duplicates = Cyrsiau a ailadroddwyd
heading-failures = Cyrsiau na phasiwyd
heading-person-ref = Cyfeirnod yr unigolyn
heading-requirement-id = Gofyniad
heading-course-name = Cwrs
heading-date = Dyddiad
heading-action = Cam gweithredu
heading-minutes = Amser
heading-reason = Rheswm
heading-notes = Nodiadau

## Report groupings (H-13)

grouping-person = Person ar brawf
grouping-practitioner = Ymarferydd prawf
grouping-office = Swyddfa brawf
grouping-pdu = Uned cyflawni gwasanaethau prawf
grouping-region = Rhanbarth

## Notifications (H-14) and delivery (H-16)

notification = { $practitioner }: { $count ->
    [zero] { $count } cwrs wedi’u cwblhau ers yr adroddiad diwethaf
    [one] { $count } cwrs wedi’i gwblhau ers yr adroddiad diwethaf
    [two] { $count } gwrs wedi’u cwblhau ers yr adroddiad diwethaf
    [few] { $count } chwrs wedi’u cwblhau ers yr adroddiad diwethaf
    [many] { $count } chwrs wedi’u cwblhau ers yr adroddiad diwethaf
   *[other] { $count } cwrs wedi’u cwblhau ers yr adroddiad diwethaf
}
delivery = Cyflawnwyd { $delivered } o’r targed o { $target } ({ $percent }).

## Completion certificate (H-15, W-2)

certificate-title = Tystysgrif cwblhau
certificate-awarded-to = Mae hyn yn tystio bod
certificate-completed = wedi cwblhau’r cwrs
certificate-provider = Darparwr: { $provider }
certificate-completed-on = Dyddiad cwblhau: { $date }
certificate-credited = Amser a gredydwyd: { $duration }
certificate-region = Rhanbarth: { $region }
certificate-footer = Wedi’i gredydu fel amser addysg, hyfforddiant a chyflogaeth tuag at ofyniad gwaith di-dâl.
