# ETE Core messages: Polish (polski). AWAITING REVIEW BY A NATIVE SPEAKER (see GLOSSARY.md).
# Polish has four plural categories (one, few, many, other): 1 minuta, 2 minuty, 5 minut,
# 22 minuty; `other` is for fractions (1,5 minuty).

## Durations, counts and dates

minutes = { $n ->
    [one] { $n } minuta
    [few] { $n } minuty
    [many] { $n } minut
   *[other] { $n } minuty
}
hours = { $n ->
    [one] { $n } godzina
    [few] { $n } godziny
    [many] { $n } godzin
   *[other] { $n } godziny
}
duration = { $hours } { $minutes }
courses = { $n ->
    [one] { $n } kurs
    [few] { $n } kursy
    [many] { $n } kursów
   *[other] { $n } kursu
}
# Month names in the genitive, as a date writes them.
date = { $day } { $month } { $year } r.
month-1 = stycznia
month-2 = lutego
month-3 = marca
month-4 = kwietnia
month-5 = maja
month-6 = czerwca
month-7 = lipca
month-8 = sierpnia
month-9 = września
month-10 = października
month-11 = listopada
month-12 = grudnia
percent = { $whole },{ $tenth }%

## Credit reasons (H-3..H-11)

credit-reason-within-guided-time = Ukończono w czasie nauki kierowanej lub krótszym: zaliczono rzeczywisty czas.
credit-reason-within-allowance = Przekroczono czas nauki kierowanej, ale w ramach uzgodnionego dodatkowego czasu: zaliczono rzeczywisty czas.
credit-reason-capped-at-guided-time = Przekroczono czas nauki kierowanej bez porozumienia o dodatkowym czasie: zaliczono czas nauki kierowanej.
credit-reason-capped-at-allowance = Przekroczono uzgodniony dodatkowy czas: zaliczono czas do tego limitu.
credit-reason-failed = Kurs nie został zaliczony: nie zalicza się żadnego czasu.
credit-reason-duplicate = Ten kurs został już zaliczony tej osobie: nie zalicza się żadnego czasu.
credit-reason-limited-by-ete-allowance = Tylko część mieści się w pozostałym limicie edukacji, szkolenia i zatrudnienia: zaliczono tę część.
credit-reason-limited-by-remaining-time = Tylko część mieści się w czasie pozostałym do wykonania obowiązku nieodpłatnej pracy: zaliczono tę część.
credit-reason-nothing-left-to-credit = Limit edukacji, szkolenia i zatrudnienia lub czas obowiązku został wykorzystany: nie zalicza się żadnego czasu.
credit-reason-no-requirement = Ta osoba nie ma w tym dniu obowiązku nieodpłatnej pracy: nie zalicza się żadnego czasu.

## Routing reasons (T-1..T-4)

routing-reason-permitted = Dozwolone przez regułę „{ $rule }”.
routing-reason-forbidden = Niedozwolone: zabrania tego reguła „{ $rule }”.
routing-reason-no-rule-permits = Niedozwolone: żadna reguła nie zezwala na tę trasę.
routing-reason-role-not-accepted = Niedozwolone: ta trasa przyjmuje tylko { $accepted }.
routing-reason-rule-error = Niedozwolone: nie można sprawdzić reguły „{ $rule }” ({ $detail }).
routing-reason-unknown-kind = Niedozwolone: { $party } to rodzaj organizacji, którego polityka nie wymienia („{ $kind }”).
routing-reason-unknown-role = Niedozwolone: rola odbiorcy „{ $role }” nie jest wymieniona w polityce.
routing-reason-unknown-category = Niedozwolone: kategoria dokumentu „{ $category }” nie jest wymieniona w polityce.

## Transfer refusals (T-5..T-7)

refusal-denied = { $reason }
refusal-no-recipient = Plik nie ma odbiorcy.
refusal-bad-description = Nie można użyć opisu pliku: { $detail }.
refusal-unknown-category = Kategoria dokumentu „{ $category }” nie jest wymieniona w polityce.

## Register mark reasons (R-2, R-3)

mark-reason-allowed = To oznaczenie można ustawić.
mark-reason-lesson-not-finished = Lekcja kończy się o { $time } dnia { $date }; wcześniej nie można wypełnić listy obecności.
mark-reason-role-may-not-set = Rola „{ $role }” nie może ustawić oznaczenia „{ $mark }”.
mark-reason-not-unexplained = Szkoła rozpatruje tylko nieusprawiedliwione nieobecności; ten wpis to „{ $current }”.
mark-reason-already-processed = Szkoła zapisała „{ $decision }”; zmienić to może tylko ośrodek (hub).
mark-reason-not-on-register = Ucznia { $learner } nie ma na tej liście obecności.
mark-unmarked = brak oznaczenia

## Report headings (H-13, the nDelius evidence export)

heading-group = Grupa
heading-completions = Ukończenia
heading-courses-completed = Ukończone kursy
heading-minutes-credited = Zaliczony czas
heading-actual-minutes = Rzeczywisty czas
heading-guided-minutes = Czas nauki kierowanej
heading-agreements-used = Wykorzystane porozumienia o dodatkowym czasie
heading-duplicates = Powtórzone kursy
heading-failures = Niezaliczone kursy
heading-person-ref = Numer osoby
heading-requirement-id = Obowiązek
heading-course-name = Kurs
heading-date = Data
heading-action = Działanie
heading-minutes = Czas
heading-reason = Powód
heading-notes = Uwagi

## Report groupings (H-13)

grouping-person = Osoba pod dozorem kuratora
grouping-practitioner = Kurator sądowy
grouping-office = Biuro kuratorskie
grouping-pdu = Jednostka kuratorska (PDU)
grouping-region = Region

## Notifications (H-14) and delivery (H-16)

notification = { $practitioner }: { $count ->
    [one] { $count } kurs ukończony od ostatniego raportu
    [few] { $count } kursy ukończone od ostatniego raportu
    [many] { $count } kursów ukończonych od ostatniego raportu
   *[other] { $count } kursu ukończonego od ostatniego raportu
}
delivery = Zrealizowano { $delivered } z celu { $target } ({ $percent }).

## Completion certificate (H-15, W-2)

certificate-title = Zaświadczenie o ukończeniu kursu
certificate-awarded-to = Niniejszym zaświadcza się, że
certificate-completed = ukończył(a) kurs
certificate-provider = Organizator: { $provider }
certificate-completed-on = Data ukończenia: { $date }
certificate-credited = Zaliczony czas: { $duration }
certificate-region = Region: { $region }
certificate-footer = Zaliczono jako czas edukacji, szkolenia i zatrudnienia na poczet obowiązku nieodpłatnej pracy.
