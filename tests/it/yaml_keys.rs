//! A key written twice in policy.yaml is an error at the second one (never in a comment
//! that names the key, never at the first), with help that names the fault: on the
//! shipped policy, and in hold-out cases (nested, in a flow mapping, after a comment).

use crate::support::Sandbox;

/// `check` on the shipped project with `edit` applied: one PG0101 error at the line and
/// column of `marker` (the duplicate), saying which key and where the first one is.
fn reports_duplicate_at(from: &str, to: &str, marker: &str, key: &str) {
    let sandbox = Sandbox::real();
    sandbox.edit("policy/policy.yaml", from, to);
    let text = sandbox.read("policy/policy.yaml");
    let at = text.find(marker).expect("marker written") + marker.len() - key.len();
    let line = text[..at].matches('\n').count() + 1;
    let col = at - text[..at].rfind('\n').map_or(0, |n| n + 1) + 1;
    let run = sandbox.run(&["check", "--format", "json"]);
    assert_eq!(run.code, Some(1), "{}{}", run.stdout, run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let finding = &findings[0];
    assert_eq!(finding["code"], "PG0101");
    assert_eq!(finding["file"], "policy/policy.yaml");
    assert_eq!(
        (finding["line"].as_u64(), finding["column"].as_u64()),
        (Some(line as u64), Some(col as u64)),
        "{finding}"
    );
    let message = finding["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("the key `{key}` appears twice")),
        "{message}"
    );
    let help = finding["help"].as_str().unwrap();
    assert!(
        help.contains("merge the two") && !help.contains("syntax"),
        "{help}"
    );
    // The human report points at the same place.
    let human = sandbox.run(&["check"]);
    assert!(
        human
            .stdout
            .contains(&format!("policy/policy.yaml:{line}:{col}")),
        "{}",
        human.stdout
    );
}

#[test]
fn a_second_top_level_pages_is_located_at_it_not_in_a_comment() {
    // A comment naming `pages:` sits between the two; the first `pages:` is earlier.
    reports_duplicate_at(
        "\nversions:\n",
        "\n# The pages again: pages: are listed above.\npages:\n  - id: extra\n    blocks: [retention]\n\nversions:\n",
        "are listed above.\npages",
        "pages",
    );
}

#[test]
fn a_nested_duplicate_is_located_at_it() {
    reports_duplicate_at(
        "  - id: data-retention\n    blocks: [retention]\n",
        "  - id: data-retention\n    # blocks: the page's facts\n    blocks: [retention]\n    blocks: [coverage]\n",
        "    blocks: [retention]\n    blocks",
        "blocks",
    );
}

#[test]
fn a_duplicate_in_a_flow_mapping_is_located_at_it() {
    reports_duplicate_at(
        "{ id: product, name: Claude }",
        "{ id: product, name: Claude, name: Claudia }",
        "name: Claude, name",
        "name",
    );
}
