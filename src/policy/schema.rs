//! The JSON Schema of `policy.yaml`, derived from the model types, so editors can
//! autocomplete and validate the policy (`policyglot schema`, `policy/policy.schema.json`).

use super::model::Policy;

/// The schema as pretty-printed JSON, ending with a newline.
pub fn json_schema() -> String {
    let mut schema = schemars::schema_for!(Policy);
    schema.insert(
        "$id".into(),
        "https://policyglot.invalid/policy.schema.json".into(),
    );
    schema.insert(
        "description".into(),
        "A policyglot policy: every fact of a training-data policy, with stable ids, and its versions. Sentences live in locales/<tag>/*.ftl under the same ids.".into(),
    );
    serde_json::to_string_pretty(&schema).expect("schemas serialize") + "\n"
}
