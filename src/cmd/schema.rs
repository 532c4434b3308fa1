//! `policyglot schema`: the JSON Schema of policy.yaml.

use std::process::ExitCode;

use super::print_out;

pub fn run() -> ExitCode {
    print_out(&policyglot::policy::schema::json_schema());
    ExitCode::SUCCESS
}
