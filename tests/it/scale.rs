//! Inputs large rather than malformed (issue 27): every finding they earn, each at its
//! place. How fast and how small is measured by bench/hostile.sh (BENCHMARKS.md), not
//! here: these tests hold the findings, which a quadratic shortcut could lose.

use serde_json::Value;

use crate::support::Sandbox;

/// The real project with a page showing one block of `n` items, none with a message,
/// cited by the last version's press source; returns the policy's text.
fn with_items(sandbox: &Sandbox, n: usize) -> String {
    let policy = sandbox.read("policy/policy.yaml");
    let policy = policy.replacen(
        "\n# The policy's versions",
        "  - id: hostile\n    blocks: [hostile]\n\n# The policy's versions",
        1,
    );
    let cite = "          - { fact: update-reasons,";
    let policy = policy.replacen(
        cite,
        &format!("          - {{ fact: hostile, passage: \"a annoncé une mise à jour\" }}\n{cite}"),
        1,
    );
    let items: Vec<String> = (0..n).map(|k| format!("i{k}")).collect();
    let policy = format!(
        "{}\n      - id: hostile\n        items: [{}]\n",
        policy.trim_end(),
        items.join(", ")
    );
    sandbox.write("policy/policy.yaml", &policy);
    policy
}

fn json_findings(sandbox: &Sandbox) -> Vec<Value> {
    let run = sandbox.run(&["check", "--format", "json"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    report["findings"].as_array().unwrap().clone()
}

#[test]
fn a_block_of_100000_items_without_messages_gets_one_located_finding_per_item() {
    let sandbox = Sandbox::real();
    let n = 100_000;
    let policy = with_items(&sandbox, n);
    let findings = json_findings(&sandbox);
    let missing: Vec<&Value> = findings.iter().filter(|f| f["code"] == "PG0509").collect();
    // Every item, the block itself and the page's title: nothing else is wrong.
    assert_eq!(missing.len(), n + 2, "{:?}", &findings[..5]);
    assert_eq!(findings.len(), n + 2, "{:?}", &findings[..5]);
    let line = policy.lines().count();
    let last = policy.lines().last().unwrap();
    for k in [0, 1, 54_321, n - 1] {
        let id = format!("i{k}");
        let message = format!("fact `{id}` has no message in `en`");
        let finding = missing
            .iter()
            .find(|f| f["message"] == message.as_str())
            .unwrap_or_else(|| panic!("no finding for {id}"));
        // The id after `[` or a space (the character found), before `,` or `]`.
        let col = [format!("[{id},"), format!(" {id},"), format!(" {id}]")]
            .iter()
            .find_map(|t| last.find(t.as_str()));
        assert_eq!(finding["file"], "policy/policy.yaml");
        assert_eq!(finding["line"], line, "{id}");
        assert_eq!(finding["column"], col.unwrap() + 2, "{id}");
        assert_eq!(
            finding["help"],
            format!("add `{id} = …` (its sentence) to a file in locales/en/")
        );
    }
}

#[test]
fn one_hundred_thousand_english_messages_no_page_asks_for_are_each_reported() {
    let sandbox = Sandbox::real();
    let n = 100_000;
    let text: String = (0..n).map(|k| format!("m{k} = x\n")).collect();
    sandbox.write("locales/en/hostile.ftl", &text);
    let findings = json_findings(&sandbox);
    let count = |code: &str| findings.iter().filter(|f| f["code"] == code).count();
    // Unused in English, missing in French and in German.
    assert_eq!(count("PG0510"), n);
    assert_eq!(count("PG0501"), 2 * n);
    let last = findings
        .iter()
        .find(|f| f["code"] == "PG0510" && f["message"].as_str().unwrap().contains("`m99999`"))
        .unwrap();
    assert_eq!(last["file"], "locales/en/hostile.ftl");
    assert_eq!(
        (&last["line"], &last["column"]),
        (&Value::from(n), &Value::from(1))
    );
}
