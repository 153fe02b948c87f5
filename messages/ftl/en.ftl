# ETE Core messages: English (the source text, and the fallback for any other language).
# One message per code: credit reasons (credit-reason-*), routing reasons (routing-reason-*),
# transfer refusals (refusal-*), register mark reasons (mark-reason-*), report headings
# (heading-*), report groupings (grouping-*), and the certificate's lines (certificate-*).
# Terms: see GLOSSARY.md.

## Durations, counts and dates

minutes = { $n ->
    [one] { $n } minute
   *[other] { $n } minutes
}
hours = { $n ->
    [one] { $n } hour
   *[other] { $n } hours
}
# A duration of whole hours and minutes: $hours and $minutes are the two texts above.
duration = { $hours } { $minutes }
courses = { $n ->
    [one] { $n } course
   *[other] { $n } courses
}
# $month is one of month-1 .. month-12.
date = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
# A percentage to one decimal place.
percent = { $whole }.{ $tenth }%

## Credit reasons (H-3..H-11)

credit-reason-within-guided-time = Completed within the guided learning time: the actual time is credited.
credit-reason-within-allowance = Over the guided learning time but within the agreed extra-time allowance: the actual time is credited.
credit-reason-capped-at-guided-time = Over the guided learning time with no extra-time agreement: the guided learning time is credited.
credit-reason-capped-at-allowance = Over the agreed extra-time allowance: the time up to the allowance is credited.
credit-reason-failed = The course was not passed: no time is credited.
credit-reason-duplicate = This course has already been credited for this person: no time is credited.
credit-reason-limited-by-ete-allowance = Only part fits the requirement's remaining education, training and employment allowance: that part is credited.
credit-reason-limited-by-remaining-time = Only part fits the time left on the unpaid work requirement: that part is credited.
credit-reason-nothing-left-to-credit = The education, training and employment allowance or the requirement's time is used up: no time is credited.
credit-reason-no-requirement = There is no unpaid work requirement for this person on this date: no time is credited.

## Routing reasons (T-1..T-4)

routing-reason-permitted = Allowed by the rule “{ $rule }”.
routing-reason-forbidden = Not allowed: the rule “{ $rule }” forbids it.
routing-reason-no-rule-permits = Not allowed: no rule allows this route.
routing-reason-role-not-accepted = Not allowed: this route accepts only { $accepted }.
routing-reason-rule-error = Not allowed: the rule “{ $rule }” could not be checked ({ $detail }).
routing-reason-unknown-kind = Not allowed: the { $party } is a kind of organisation the policy does not list (“{ $kind }”).
routing-reason-unknown-role = Not allowed: the recipient's role “{ $role }” is not one the policy lists.
routing-reason-unknown-category = Not allowed: the document category “{ $category }” is not one the policy lists.

## Transfer refusals (T-5..T-7)

refusal-denied = { $reason }
refusal-no-recipient = The file has no recipient.
refusal-bad-description = The file's description cannot be used: { $detail }.
refusal-unknown-category = The document category “{ $category }” is not one the policy lists.

## Register mark reasons (R-2, R-3)

mark-reason-allowed = This mark may be set.
mark-reason-lesson-not-finished = The lesson ends at { $time } on { $date }; the register cannot be marked before then.
mark-reason-role-may-not-set = The role “{ $role }” may not set the mark “{ $mark }”.
mark-reason-not-unexplained = The school processes unexplained absences only; this entry is “{ $current }”.
mark-reason-already-processed = The school has recorded “{ $decision }”; only the hub may change it.
mark-reason-not-on-register = Learner { $learner } is not on this register.
mark-unmarked = unmarked

## Report headings (H-13, the nDelius evidence export)

heading-group = Group
heading-completions = Completions
heading-courses-completed = Courses completed
heading-minutes-credited = Time credited
heading-actual-minutes = Actual time
heading-guided-minutes = Guided learning time
heading-agreements-used = Extra-time agreements used
heading-duplicates = Repeated courses
heading-failures = Courses not passed
heading-person-ref = Person reference
heading-requirement-id = Requirement
heading-course-name = Course
heading-date = Date
heading-action = Action
heading-minutes = Time
heading-reason = Reason
heading-notes = Notes

## Report groupings (H-13)

grouping-person = Person on probation
grouping-practitioner = Probation practitioner
grouping-office = Probation office
grouping-pdu = Probation delivery unit
grouping-region = Region

## Notifications (H-14) and delivery (H-16)

notification = { $practitioner }: { $count ->
    [one] { $count } course completed since the last report
   *[other] { $count } courses completed since the last report
}
delivery = Delivered { $delivered } of the target of { $target } ({ $percent }).

## Completion certificate (H-15, W-2)

certificate-title = Certificate of completion
certificate-awarded-to = This is to certify that
certificate-completed = has completed the course
certificate-provider = Provider: { $provider }
certificate-completed-on = Completed on: { $date }
certificate-credited = Time credited: { $duration }
certificate-region = Region: { $region }
certificate-footer = Credited as education, training and employment time towards an unpaid work requirement.
