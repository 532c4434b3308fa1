//! Every valid BCP 47 locale builds with its own digits, grouping and calendar (issue
//! 27): Persian, Indian English grouping, and Unicode extension tags as folder names.

use crate::support::Sandbox;

/// The real project with a `fa` copy of the French messages: the words stay French, the
/// `duration` message writes Persian units, and the policy says the product has no
/// Persian interface (the French labels the messages quote are then not foreign).
fn persian() -> Sandbox {
    let sandbox = Sandbox::real();
    crate::support::copy_dir(&sandbox.path("locales/fr"), &sandbox.path("locales/fa"));
    let site = sandbox.read("locales/fa/site.ftl");
    let start = site.find("duration =\n").unwrap();
    let end = start + site[start..].find("\n    }\n").unwrap() + "\n    }\n".len();
    let duration = "duration =
    { $unit ->
        [minutes] { $amount } دقیقه
        [hours] { $amount } ساعت
        [weeks] { $amount } هفته
        [months] { $amount } ماه
        [years] { $amount } سال
       *[days] { $amount } روز
    }
";
    sandbox.write(
        "locales/fa/site.ftl",
        &format!("{}{duration}{}", &site[..start], &site[end..]),
    );
    sandbox.edit(
        "policy/policy.yaml",
        "  describe: [en, de]\n",
        "  describe: [en, de]\n  none: [fa]\n",
    );
    sandbox
}

#[test]
fn a_persian_site_passes_strict_check_and_writes_persian_digits_and_dates() {
    let sandbox = persian();
    let check = sandbox.run(&["check", "--strict"]);
    assert_eq!(check.code, Some(0), "{}{}", check.stdout, check.stderr);
    let site = sandbox.build_ok();
    let retention = site
        .html("fa/data-retention.html")
        .text_of_css("body")
        .unwrap();
    // Periods with Persian digits, as CLDR writes them in `fa`.
    assert!(retention.contains("۵ سال"), "{retention}");
    assert!(retention.contains("۱۰ سال"), "{retention}");
    assert!(!retention.contains("5 سال"), "{retention}");
    // Dates in fa's calendar (the Solar Hijri one) and digits: 2025-08-28 is 6 Shahrivar 1404.
    let changes = site
        .html("fa/changes-consumer-terms-2025.html")
        .text_of_css("body")
        .unwrap();
    assert!(changes.contains("۶ شهریور ۱۴۰۴"), "{changes}");
}

#[test]
fn a_period_hand_typed_in_persian_digits_is_a_finding() {
    let sandbox = persian();
    let file = "locales/fa/retention.ftl";
    let text = sandbox.read(file);
    let line = text
        .lines()
        .position(|l| l.starts_with("retention-training-allowed ="))
        .unwrap();
    let original = text.lines().nth(line).unwrap();
    let typed = original.replace("{ $period }", "۵ سال");
    sandbox.edit(file, original, &typed);
    let run = sandbox.run(&["check"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let col = typed[..typed.find('۵').unwrap()].chars().count() + 1;
    assert!(
        run.stdout.contains(
            "error[PG0508]: `retention-training-allowed` in `fa` types the number `5` (as `۵`), which comes from the policy"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains(&format!("--> locales/fa/retention.ftl:{}:{col}", line + 1)),
        "{}",
        run.stdout
    );
}

#[test]
fn indian_english_groups_a_number_over_100000_as_lakhs() {
    let sandbox = Sandbox::project("aurora", "en");
    sandbox.edit(
        "policy/policy.yaml",
        "devices: { number: 5 }",
        "devices: { number: 1234567 }",
    );
    crate::support::copy_dir(&sandbox.path("locales/en"), &sandbox.path("locales/en-IN"));
    let check = sandbox.run(&["check", "--strict"]);
    assert_eq!(check.code, Some(0), "{}{}", check.stdout, check.stderr);
    let site = sandbox.build_ok();
    assert!(
        site.html("en-IN/plans.html")
            .text_of_css("body")
            .unwrap()
            .contains("up to 12,34,567 devices"),
    );
    assert!(
        site.html("en/plans.html")
            .text_of_css("body")
            .unwrap()
            .contains("up to 1,234,567 devices")
    );
}

#[test]
fn unicode_extension_tags_are_locales_and_their_digits_are_honoured() {
    let sandbox = Sandbox::real();
    for tag in ["th-u-nu-thai", "ar-u-nu-latn"] {
        crate::support::copy_dir(
            &sandbox.path("locales/fr"),
            &sandbox.path(&format!("locales/{tag}")),
        );
    }
    let run = sandbox.run(&["check", "--verbose"]);
    let out = format!("{}{}", run.stdout, run.stderr);
    assert!(!out.contains("PG0204"), "{out}");
    // Each is held to its own language's CLDR data, in its own digits: Thai digits for
    // th-u-nu-thai, Latin ones for Arabic with -u-nu-latn.
    assert!(
        out.contains("`duration` in `th-u-nu-thai` writes 5 years as `๕\u{a0}ans`"),
        "{out}"
    );
    assert!(
        out.contains("`duration` in `ar-u-nu-latn` writes 5 years as `5\u{a0}ans`"),
        "{out}"
    );
    // A numbering system policyglot cannot write is refused by name, not guessed.
    let sandbox = Sandbox::real();
    crate::support::copy_dir(
        &sandbox.path("locales/fr"),
        &sandbox.path("locales/fr-u-nu-roman"),
    );
    let run = sandbox.run(&["check"]);
    let out = format!("{}{}", run.stdout, run.stderr);
    assert_eq!(run.code, Some(1), "{out}");
    assert!(
        out.contains("error[PG0204]: `fr-u-nu-roman` asks for the numbering system `roman`"),
        "{out}"
    );
}
