//! Hostile and odd inputs (issue 15): each is refused with a located error and a
//! non-zero exit, never a crash, and within the documented limits of time and size.

use std::time::{Duration, Instant};

use crate::support::Sandbox;

/// `check` output (findings on stdout, failures on stderr) after asserting it ran to a
/// verdict: exit 1, no panic, no abort.
fn check_fails(sandbox: &Sandbox) -> String {
    let run = sandbox.run(&["check"]);
    let all = format!("{}{}", run.stdout, run.stderr);
    assert_eq!(run.code, Some(1), "check must fail with status 1:\n{all}");
    assert!(!all.contains("panicked"), "{all}");
    all
}

/// Line (1-based) of the first line of `text` containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn a_message_that_refers_to_itself_fails_check_and_build_alike() {
    let sandbox = Sandbox::real();
    sandbox.edit(
        "locales/fr/pages.ftl",
        "site-title = Centre d’aide { -product-name }",
        "site-title = Centre d’aide { site-title }",
    );
    let out = check_fails(&sandbox);
    let line = line_of(&sandbox.read("locales/fr/pages.ftl"), "site-title =");
    assert!(
        out.contains("`site-title` refers to itself in `fr`"),
        "{out}"
    );
    assert!(
        out.contains(&format!("locales/fr/pages.ftl:{line}:30")),
        "{out}"
    );
    let build = sandbox.build();
    assert_eq!(build.code, Some(1), "{}", build.stderr);
    assert!(!build.stderr.contains("panicked"), "{}", build.stderr);
    assert!(
        build.stderr.contains("refers to itself"),
        "{}",
        build.stderr
    );
}

#[test]
fn reference_cycles_and_missing_parts_are_errors() {
    let sandbox = Sandbox::real();
    let file = "locales/fr/pages.ftl";
    let text = sandbox.read(file);
    sandbox.write(
        file,
        &format!(
            "{text}\nloop-a = {{ loop-b }}\n    .title = {{ loop-a }}\nloop-b = x {{ loop-a.title }}\nno-attr = {{ site-title.nope }}\n"
        ),
    );
    let out = check_fails(&sandbox);
    assert!(
        out.contains(
            "`loop-a` → `loop-b` → `loop-a.title` → `loop-a` refer to each other in a cycle in `fr`"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "`no-attr` references `site-title.nope`, but `site-title` has no attribute `.nope`"
        ),
        "{out}"
    );
}

/// 3,000 nested placeables (and 2,400 nested selects) overflowed the Fluent parser's
/// stack: SIGABRT, no message.
#[test]
fn deep_placeables_and_selects_are_refused_before_parsing() {
    for (name, body) in [
        (
            "placeables",
            format!("{}x{}", "{ ".repeat(3000), " }".repeat(3000)),
        ),
        (
            "selects",
            format!(
                "{}x{}",
                "{ $n ->\n   *[other] ".repeat(2400),
                "\n}".repeat(2400)
            ),
        ),
    ] {
        let sandbox = Sandbox::real();
        sandbox.write("locales/fr/deep.ftl", &format!("# deep\ndeep = {body}\n"));
        let out = check_fails(&sandbox);
        assert!(
            out.contains("nested more than 32 levels deep"),
            "{name}: {out}"
        );
        // Located at the brace that crosses the limit (selects: one level per line).
        let line = if name == "selects" { 34 } else { 2 };
        assert!(
            out.contains(&format!("locales/fr/deep.ftl:{line}:")),
            "{name}: {out}"
        );
        let build = sandbox.build();
        assert_eq!(build.code, Some(1), "{name}: {}", build.stderr);
        assert!(
            build.stderr.contains("levels deep"),
            "{name}: {}",
            build.stderr
        );
    }
}

/// A 1 MB policy of nested aliases (a billion laughs) and one of deep nesting: each is
/// refused at the line that crosses a limit, quickly (the bound here is generous;
/// BENCHMARKS.md has the measured figures).
#[test]
fn a_hostile_one_megabyte_policy_is_refused_quickly() {
    let mut bomb = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    let mut i = 1;
    while bomb.len() < 1_000_000 {
        let p = i - 1;
        bomb.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
        i += 1;
    }
    let mut nested = String::new();
    while nested.len() < 1_000_000 {
        nested.push_str("- ");
        nested.push_str(&"[".repeat(100));
        nested.push_str(&"]".repeat(100));
        nested.push('\n');
    }
    let deep_block: String = (0..1400)
        .map(|i| format!("{}k:\n", " ".repeat(i)))
        .collect();
    for (name, text, want, line) in [
        ("aliases", bomb, "with its aliases expanded", 6),
        ("flow nesting", nested, "levels of nesting", 1),
        ("block nesting", deep_block, "levels of nesting", 65),
    ] {
        let sandbox = Sandbox::real();
        sandbox.write("policy/policy.yaml", &text);
        let start = Instant::now();
        let out = check_fails(&sandbox);
        let took = start.elapsed();
        assert!(out.contains(want), "{name}: {out}");
        assert!(
            out.contains(&format!("policy/policy.yaml:{line}:")),
            "{name}: {out}"
        );
        assert!(took < Duration::from_secs(10), "{name}: {took:?}");
    }
}

/// A 1 MB .ftl of deep nesting is refused quickly; 100 KB of syntax errors and
/// duplicate ids (8,000 findings) are all reported quickly (each finding is located
/// and quoted in time proportional to its lines, not to the file).
#[test]
fn a_hostile_one_megabyte_ftl_is_handled_quickly() {
    let mut deep = String::from("ok = fine\n");
    while deep.len() < 1_000_000 {
        deep.push_str(&format!(
            "m{} = {}x{}\n",
            deep.len(),
            "{".repeat(40),
            "}".repeat(40)
        ));
    }
    let mut noisy = String::new();
    let mut n = 0;
    while noisy.len() < 100_000 {
        noisy.push_str(&format!("broken{n} = {{ ]\ndup = x\n"));
        n += 1;
    }
    for (name, text, want) in [
        (
            "deep",
            deep,
            "title=PG0206 fluent-syntax::Fluent placeables, selects or calls nested more than 32 levels deep",
        ),
        (
            "noisy",
            noisy,
            "line=3998,col=1,endLine=3998,endColumn=3,title=PG0207 duplicate-id::`dup` is defined twice in locale `fr`",
        ),
    ] {
        let sandbox = Sandbox::real();
        sandbox.write("locales/fr/hostile.ftl", &text);
        let start = Instant::now();
        let run = sandbox.run(&["check", "--format", "github"]);
        assert_eq!(run.code, Some(1), "{name}: {}", run.stderr);
        let out = run.stdout;
        let took = start.elapsed();
        assert!(
            out.contains(want),
            "{name}: {}",
            &out[..out.len().min(3000)]
        );
        assert!(took < Duration::from_secs(10), "{name}: {took:?}");
    }
}

#[test]
fn control_characters_and_bad_encoding_are_located() {
    let sandbox = Sandbox::real();
    sandbox.edit(
        "locales/fr/pages.ftl",
        "site-title = Centre d’aide",
        "site-title = Centre\u{0} d’aide",
    );
    let line = line_of(&sandbox.read("locales/fr/pages.ftl"), "site-title =");
    let out = check_fails(&sandbox);
    assert!(out.contains("the control character NUL (U+0000)"), "{out}");
    assert!(
        out.contains(&format!("locales/fr/pages.ftl:{line}:20")),
        "{out}"
    );

    let sandbox = Sandbox::real();
    let mut bytes = sandbox.read("locales/de/site.ftl").into_bytes();
    bytes.extend_from_slice(b"\nbroken = caf\xE9\n");
    std::fs::write(sandbox.path("locales/de/site.ftl"), &bytes).unwrap();
    let lines = bytes.iter().filter(|&&b| b == b'\n').count();
    let out = check_fails(&sandbox);
    assert!(out.contains("is not valid UTF-8: byte 0xE9"), "{out}");
    assert!(
        out.contains(&format!("locales/de/site.ftl:{lines}:13")),
        "{out}"
    );
    assert!(!out.contains("--root"), "{out}");

    let sandbox = Sandbox::real();
    let text = sandbox.read("policy/policy.yaml");
    sandbox.write(
        "policy/policy.yaml",
        &text.replacen("name: Anthropic", "name: Anth\u{7}ropic", 1),
    );
    let out = check_fails(&sandbox);
    let line = line_of(&text, "name: Anthropic");
    let col = text
        .lines()
        .nth(line - 1)
        .unwrap()
        .find("Anthropic")
        .unwrap()
        + 5;
    assert!(out.contains("the control character U+0007"), "{out}");
    assert!(
        out.contains(&format!("policy/policy.yaml:{line}:{col}")),
        "{out}"
    );
}

#[test]
fn a_byte_order_mark_is_not_content() {
    let sandbox = Sandbox::real();
    for file in ["locales/fr/pages.ftl", "policy/policy.yaml"] {
        let text = sandbox.read(file);
        sandbox.write(file, &format!("\u{FEFF}{text}"));
    }
    let run = sandbox.run(&["check"]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
}

#[cfg(unix)]
#[test]
fn symlinked_files_are_read_and_dot_folders_skipped() {
    let sandbox = Sandbox::real();
    // A translation kept elsewhere and linked in, and a tool's cache folder.
    let outside = sandbox.path("shared/site.ftl");
    std::fs::create_dir_all(outside.parent().unwrap()).unwrap();
    std::fs::rename(sandbox.path("locales/fr/pages.ftl"), &outside).unwrap();
    std::os::unix::fs::symlink(&outside, sandbox.path("locales/fr/pages.ftl")).unwrap();
    sandbox.write("locales/.cache/junk.ftl", "junk = {\n");
    sandbox.write("locales/fr/.#site.ftl", "junk = {\n");
    let run = sandbox.run(&["check"]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(!run.stdout.contains(".cache"), "{}", run.stdout);

    // A link to nowhere is an error naming it, not missing messages.
    std::fs::remove_file(sandbox.path("locales/fr/pages.ftl")).unwrap();
    std::os::unix::fs::symlink(
        sandbox.path("nowhere.ftl"),
        sandbox.path("locales/fr/pages.ftl"),
    )
    .unwrap();
    let out = check_fails(&sandbox);
    assert!(out.contains("cannot read locales/fr/pages.ftl"), "{out}");
}

#[test]
fn oversized_locale_files_are_not_read() {
    let sandbox = Sandbox::real();
    sandbox.write(
        "locales/fr/huge.ftl",
        &format!("# {}\n", "x".repeat(3 << 20)),
    );
    let out = check_fails(&sandbox);
    assert!(
        out.contains("locales/fr/huge.ftl was not read: the file is 3145731 bytes, over the limit of 2 MiB per file"),
        "{out}"
    );
}

/// The output is swapped in whole: a reader polling `site/` during 50 rebuilds never
/// finds it missing or half there (Linux: one `renameat2(RENAME_EXCHANGE)`).
#[cfg(target_os = "linux")]
#[test]
fn site_is_never_missing_during_rebuilds() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    let sandbox = Sandbox::real();
    let run = sandbox.run(&["build", "--no-search"]);
    assert!(run.success, "{}", run.stderr);
    let site = sandbox.path("site");
    let stop = Arc::new(AtomicBool::new(false));
    let reads = Arc::new(AtomicUsize::new(0));
    let reader = {
        let (stop, reads, site) = (stop.clone(), reads.clone(), site.clone());
        std::thread::spawn(move || {
            let mut missing = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                for file in ["index.html", "en/index.html", ".policyglot-site"] {
                    if let Err(e) = std::fs::read(site.join(file)) {
                        missing.push(format!("{file}: {e}"));
                    }
                }
                reads.fetch_add(1, Ordering::Relaxed);
            }
            missing
        })
    };
    for i in 0..50 {
        // Every other build changes a page, so both reused and rewritten files swap.
        let text = if i % 2 == 0 {
            "Centre d’aide"
        } else {
            "Centre d’aide !"
        };
        let file = sandbox.read("locales/fr/pages.ftl");
        let line = file
            .lines()
            .find(|l| l.starts_with("site-title ="))
            .unwrap()
            .to_owned();
        sandbox.write(
            "locales/fr/pages.ftl",
            &file.replacen(
                &line,
                &format!("site-title = {text} {{ -product-name }}"),
                1,
            ),
        );
        let run = sandbox.run(&["build", "--no-search"]);
        assert!(run.success, "build {i}: {}", run.stderr);
    }
    stop.store(true, Ordering::Relaxed);
    let missing = reader.join().unwrap();
    assert!(reads.load(Ordering::Relaxed) > 50, "the reader ran");
    assert!(
        missing.is_empty(),
        "{} failed reads: {:?}",
        missing.len(),
        &missing[..missing.len().min(5)]
    );
    // Nothing but the site is left next to it.
    let leftovers: Vec<_> = std::fs::read_dir(sandbox.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(".policyglot"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Tera's errors are located even when Tera wraps the report (an unknown filter) or
/// gives template names only (an include loop, a missing parent).
#[test]
fn template_errors_are_located() {
    let cases: [(&str, &str, &str, &str, &str); 3] = [
        (
            "page.html",
            "{% block title %}",
            "{% block title %}{{ 1 | nofilter }}",
            "Unknown filter `nofilter`",
            "templates/page.html:2:",
        ),
        (
            "page.html",
            "{% block title %}",
            "{% block title %}{% include \"loop.html\" %}",
            "include each other in a loop",
            "templates/loop.html:1:4",
        ),
        (
            "index.html",
            "{% extends \"base.html\" %}",
            "{% extends \"nothere.html\" %}",
            "extends `nothere.html`, which does not exist",
            "templates/index.html:1:",
        ),
    ];
    for (file, from, to, want, at) in cases {
        let sandbox = Sandbox::real();
        if want.contains("loop") {
            sandbox.write("templates/loop.html", "{% include \"loop.html\" %}\n");
        }
        sandbox.edit(&format!("templates/{file}"), from, to);
        let out = check_fails(&sandbox);
        assert!(out.contains(want), "{want}: {out}");
        assert!(out.contains(at), "{at}: {out}");
    }
}
