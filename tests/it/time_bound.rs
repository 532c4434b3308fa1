//! Time-bound facts: a window's status on the build day picks its wording in every
//! locale, `check` asks a wording for each status the site can reach, and the next
//! change names the days a window opens and closes. The tidewater fixture (German
//! reference, four locales) and the shipped deadline.

use crate::support::{Run, Sandbox, Site};

const TIDEWATER: [&str; 4] = ["de", "en", "es", "fr"];

fn tidewater() -> Sandbox {
    Sandbox::project("tidewater", "de")
}

/// `check --strict`, then `build`, as of `today`.
fn built_on(sandbox: &Sandbox, today: &str) -> (Site, Run) {
    let check = sandbox.run(&["check", "--strict", "--today", today]);
    assert!(check.success, "{}{}", check.stdout, check.stderr);
    let run = sandbox.run(&["build", "--no-search", "--today", today]);
    assert!(run.success, "{}", run.stderr);
    (sandbox.site(), run)
}

fn text(site: &Site, page: &str, id: &str) -> String {
    site.html(page)
        .text_of(id)
        .unwrap_or_else(|| panic!("no #{id} on {page}"))
}

/// The card swap (1 May to 30 June 2026) as each locale words it on each day: what each
/// says before the window, within it, after it.
const SWAP: [(&str, [&str; 4]); 3] = [
    (
        "2026-04-15",
        [
            "Vom 1. Mai 2026 bis zum 30. Juni 2026 tauschen wir alle Bibliotheksausweise",
            "From May 1, 2026 to June 30, 2026, we will replace every library card",
            "Del 1 de mayo de 2026 al 30 de junio de 2026, sustituiremos todos los carnés",
            "Du 1er mai 2026 au 30 juin 2026, nous remplacerons toutes les cartes",
        ],
    ),
    (
        "2026-05-20",
        [
            "Bis zum 30. Juni 2026 tauschen wir alle Bibliotheksausweise gegen neue Ausweise mit Chip: Bringen Sie",
            "Until June 30, 2026, we are replacing every library card with a new chip card: bring",
            "Hasta el 30 de junio de 2026, estamos sustituyendo todos los carnés",
            "Jusqu’au 30 juin 2026, nous remplaçons toutes les cartes de bibliothèque par de nouvelles cartes à puce : apportez",
        ],
    ),
    (
        "2026-07-15",
        [
            "Vom 1. Mai 2026 bis zum 30. Juni 2026 haben wir alle Bibliotheksausweise gegen neue Ausweise mit Chip getauscht.",
            "From May 1, 2026 to June 30, 2026, we replaced every library card",
            "Del 1 de mayo de 2026 al 30 de junio de 2026, sustituimos todos los carnés",
            "Du 1er mai 2026 au 30 juin 2026, nous avons remplacé toutes les cartes",
        ],
    ),
];

#[test]
fn a_window_reads_upcoming_open_then_passed_in_every_locale() {
    let sandbox = tidewater();
    for (day, wordings) in SWAP {
        let (site, _) = built_on(&sandbox, day);
        for (tag, wording) in TIDEWATER.into_iter().zip(wordings) {
            let page = format!("{tag}/borrowing.html");
            let swap = text(&site, &page, "card-swap");
            assert!(swap.contains(wording), "{day} {tag}: {swap}");
            // The other statuses' wordings are not there.
            for (other, others) in SWAP.iter().filter(|(d, _)| *d != day) {
                let theirs = others[TIDEWATER.iter().position(|t| *t == tag).unwrap()];
                assert!(
                    !swap.contains(theirs),
                    "{day} {tag} reads as on {other}: {swap}"
                );
            }
            // The deadline inside it (31 July) has not passed on any of these days.
            let card = text(&site, &page, "card-return");
            let valid = [
                "gilt noch bis zum 31. Juli 2026",
                "remains valid until July 31, 2026",
                "sigue siendo válido hasta el 31 de julio de 2026",
                "reste valable jusqu’au 31 juillet 2026",
            ];
            assert!(
                card.contains(valid[TIDEWATER.iter().position(|t| *t == tag).unwrap()]),
                "{day} {tag}: {card}"
            );
        }
    }
    // After the deadline, under the next version: passed, in the past tense.
    let (site, _) = built_on(&sandbox, "2026-10-01");
    let passed = [
        "Alte Ausweise galten bis zum 31. Juli 2026.",
        "Old cards were valid until July 31, 2026.",
        "Los carnés antiguos fueron válidos hasta el 31 de julio de 2026.",
        "Les anciennes cartes étaient valables jusqu’au 31 juillet 2026.",
    ];
    for (tag, wording) in TIDEWATER.into_iter().zip(passed) {
        let card = text(&site, &format!("{tag}/borrowing.html"), "card-return");
        assert!(card.contains(wording), "{tag}: {card}");
    }
}

#[test]
fn a_window_before_the_version_that_shows_it_needs_one_wording() {
    // The pilot ran from 1 March to 30 April 2026 and is shown from 1 September: its one
    // wording passes `check --strict` (in `built_on`) and shows in every locale.
    let sandbox = tidewater();
    let (site, _) = built_on(&sandbox, "2026-10-01");
    let pilot = [
        "Vom 1. März 2026 bis zum 30. April 2026 haben wir",
        "From March 1, 2026 to April 30, 2026, we tested",
        "Del 1 de marzo de 2026 al 30 de abril de 2026, probamos",
        "Du 1er mars 2026 au 30 avril 2026, nous avons testé",
    ];
    for (tag, wording) in TIDEWATER.into_iter().zip(pilot) {
        let shown = text(&site, &format!("{tag}/account.html"), "pilot");
        assert!(shown.contains(wording), "{tag}: {shown}");
    }
    // Built while the swap is open, the "what changes" page of the next version lists
    // its real changes, not the swap, whose status differs between the two versions'
    // days only because time passes.
    let (site, _) = built_on(&sandbox, "2026-05-20");
    for tag in TIDEWATER {
        let changes = site.html(&format!("{tag}/changes-lending-2026-autumn.html"));
        let ids = changes.ids();
        assert!(ids.contains(&"loans".to_owned()), "{tag}: {ids:?}");
        assert!(ids.contains(&"pilot".to_owned()), "{tag}: {ids:?}");
        assert!(!ids.contains(&"card-swap".to_owned()), "{tag}: {ids:?}");
    }
}

#[test]
fn the_next_change_is_the_day_a_window_opens_or_closes() {
    let sandbox = tidewater();
    for (today, next) in [
        (
            "2026-04-15",
            Some("2026-05-01, when a window of fact `card-swap` becomes open"),
        ),
        (
            "2026-05-01",
            Some("2026-07-01, when a window of fact `card-swap` becomes passed"),
        ),
        (
            "2026-07-15",
            Some("2026-08-01, when a window of fact `card-return` becomes passed"),
        ),
        (
            "2026-08-01",
            Some(
                "2026-09-01, when a later version of the policy takes effect (`lending-2026-autumn`)",
            ),
        ),
        ("2026-09-01", None),
    ] {
        let (_, run) = built_on(&sandbox, today);
        match next {
            Some(next) => assert!(
                run.stdout
                    .contains(&format!("next change: {next}; build again on that day")),
                "{today}: {}",
                run.stdout
            ),
            None => assert!(
                !run.stdout.contains("next change"),
                "{today}: {}",
                run.stdout
            ),
        }
        let json = sandbox.run(&["check", "--format", "json", "--today", today]);
        let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
        let day = next.map(|n| n[..10].to_owned());
        assert_eq!(report["next_change"].as_str(), day.as_deref(), "{today}");
    }
}

/// The finding that starts with `head` in a human report, up to the next one.
fn finding<'a>(report: &'a str, head: &str) -> &'a str {
    let at = report
        .find(head)
        .unwrap_or_else(|| panic!("no `{head}` in:\n{report}"));
    let rest = &report[at..];
    let end = rest[1..].find("\nerror").map_or(rest.len(), |n| n + 1);
    &rest[..end]
}

/// The `file:line:col` of the first `needle` in a sandbox file.
fn location(sandbox: &Sandbox, file: &str, needle: &str) -> String {
    let text = sandbox.read(file);
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("no `{needle}` in {file}"));
    let line = text[..at].matches('\n').count() + 1;
    let col = text[..at].rfind('\n').map_or(at, |nl| at - nl - 1) + 1;
    format!("{file}:{line}:{col}")
}

#[test]
fn a_status_the_site_reaches_without_its_wording_is_a_located_error() {
    let sandbox = tidewater();
    // French forgets the swap before it opens; Spanish words the deadline once.
    sandbox.edit(
        "locales/fr/tidewater.ftl",
        "        [upcoming] Du { $swap-from } au { $swap-until }, nous remplacerons toutes les cartes de bibliothèque par de nouvelles cartes à puce.\n",
        "",
    );
    sandbox.edit(
        "locales/es/tidewater.ftl",
        "card-return = { $return-by-status ->\n        [open] Su carné antiguo sigue siendo válido hasta el { $return-by-until }.\n       *[passed] Los carnés antiguos fueron válidos hasta el { $return-by-until }.\n    }",
        "card-return = Su carné antiguo sigue siendo válido hasta el { $return-by-until }.",
    );
    let run = sandbox.run(&["check", "--today", "2026-05-20"]);
    assert!(!run.success, "{}", run.stdout);
    let fr = location(&sandbox, "locales/fr/tidewater.ftl", "[passed] Du");
    let found = finding(
        &run.stdout,
        "error[PG0531]: `card-swap` in `fr` has no wording for $swap-status `upcoming` (from 2026-01-01, version `lending-2026`), which the site reaches",
    );
    assert!(found.contains(&format!("--> {fr}")), "{fr}\n{found}");
    let es = location(&sandbox, "locales/es/tidewater.ftl", "card-return =");
    let found = finding(
        &run.stdout,
        "error[PG0531]: `card-return` in `es` has no wording for $return-by-status `open` (from 2026-01-01, version `lending-2026`), `passed` (from 2026-08-01, version `lending-2026`), which the site reaches",
    );
    assert!(found.contains(&format!("--> {es}")), "{es}\n{found}");
    assert!(
        run.stdout.contains("help: select on the window's status"),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stdout.matches("error[PG0531]").count(),
        2,
        "{}",
        run.stdout
    );
    // Nothing is published from a failed check.
    let build = sandbox.run(&["build", "--no-search", "--today", "2026-05-20"]);
    assert!(!build.success);
    assert!(!sandbox.path("site").exists());
}

#[test]
fn the_shipped_deadline_and_pop_up_read_before_and_after_the_deadline() {
    let sandbox = Sandbox::real();
    // [en, fr, de]: the deadline, then the pop-up, before 28 September 2025 and today.
    let days = [
        (
            "2025-09-01",
            [
                "Existing users must make their choice by September 28, 2025 to keep using Claude.",
                "vous devez faire votre choix au plus tard le 28 septembre 2025 pour continuer",
                "müssen Sie Ihre Entscheidung bis zum 28. September 2025 treffen",
            ],
            [
                "asks you to choose",
                "vous demande de choisir",
                "werden Sie in einem Pop-up-Fenster",
            ],
        ),
        (
            "2026-12-07",
            [
                "Existing users had to make their choice by September 28, 2025 to keep using Claude.",
                "vous deviez faire votre choix au plus tard le 28 septembre 2025 pour continuer",
                "mussten Sie Ihre Entscheidung bis zum 28. September 2025 treffen",
            ],
            [
                "asked you to choose",
                "vous a demandé de choisir",
                "wurden Sie in einem Pop-up-Fenster",
            ],
        ),
    ];
    for (day, deadline, pop_up) in days {
        let run = sandbox.run(&["build", "--no-search", "--today", day]);
        assert!(run.success, "{}", run.stderr);
        let site = sandbox.site();
        for (i, tag) in ["en", "fr", "de"].into_iter().enumerate() {
            let page = format!("{tag}/conversations-and-training.html");
            let said = text(&site, &page, "choice-deadline");
            assert!(said.contains(deadline[i]), "{day} {tag}: {said}");
            let other = &days.iter().find(|(d, ..)| *d != day).unwrap().1[i];
            assert!(!said.contains(other), "{day} {tag}: {said}");
            let asked = text(&site, &page, "choice-existing-users");
            assert!(asked.contains(pop_up[i]), "{day} {tag}: {asked}");
            // "The end of September" has its year, on every day.
            let retention = text(
                &site,
                &format!("{tag}/data-retention.html"),
                "retention-longer-from",
            );
            let month = [
                "the end of September 2025",
                "fin septembre 2025",
                "Ende September 2025",
            ];
            assert!(retention.contains(month[i]), "{day} {tag}: {retention}");
        }
    }
}

#[test]
fn a_window_that_ends_before_it_starts_is_a_located_error() {
    let sandbox = tidewater();
    sandbox.edit(
        "policy/policy.yaml",
        "{ from: 2026-05-01, until: 2026-06-30 }",
        "{ from: 2026-07-01, until: 2026-06-30 }",
    );
    let run = sandbox.run(&["check"]);
    assert!(!run.success);
    let at = location(&sandbox, "policy/policy.yaml", "until: 2026-06-30");
    let found = finding(
        &run.stdout,
        "error[PG0101]: invalid policy: versions[0].blocks[1].values.swap: this window ends (2026-06-30) before it starts (2026-07-01)",
    );
    assert!(found.contains(&format!("--> {at}")), "{at}\n{found}");
    assert!(
        found.contains("help: fix the value as described"),
        "{found}"
    );
}

#[test]
fn a_value_named_like_a_windows_generated_variable_is_an_error() {
    let sandbox = tidewater();
    sandbox.edit(
        "policy/policy.yaml",
        "          swap: { window: { from: 2026-05-01, until: 2026-06-30 } }\n",
        "          swap: { window: { from: 2026-05-01, until: 2026-06-30 } }\n          swap-until: { date: 2026-06-30 }\n",
    );
    let run = sandbox.run(&["check"]);
    assert!(!run.success);
    let at = location(&sandbox, "policy/policy.yaml", "swap-until:");
    let found = finding(
        &run.stdout,
        "error[PG0125]: `swap-until` is a value policyglot gives every message itself",
    );
    assert!(found.contains(&format!("--> {at}")), "{at}\n{found}");
    assert!(
        found.contains("`<window>-status`, `-from`, `-until`"),
        "{found}"
    );
}

#[test]
fn source_date_epoch_picks_the_status_when_no_today_is_given() {
    // 2026-05-20T12:00:00Z: the swap is open.
    let sandbox = tidewater();
    let run = sandbox.run_with(
        &["build", "--no-search"],
        &[("SOURCE_DATE_EPOCH", std::path::Path::new("1779278400"))],
    );
    assert!(run.success, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("next change: 2026-07-01, when a window of fact `card-swap` becomes passed"),
        "{}",
        run.stdout
    );
    let swap = text(&sandbox.site(), "en/borrowing.html", "card-swap");
    assert!(swap.contains(SWAP[1].1[1]), "{swap}");
}
