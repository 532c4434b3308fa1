//! How the `policyglot` executable is linked; nothing is generated.

fn main() {
    // On Linux with glibc the executable is linked at a fixed address (not as a PIE). A
    // position-independent executable this size makes the loader patch about 70,000
    // pointers in its tables at every start: some 430 page faults, a tenth of the time
    // of a `check` of a small project (BENCHMARKS.md, "Fifth session"). What is given up:
    // the executable's own code is not placed at a random address (shared libraries,
    // heap and stack still are). POLICYGLOT_PIE=1 at build time links a PIE as usual.
    println!("cargo::rerun-if-env-changed=POLICYGLOT_PIE");
    let var = |key: &str| std::env::var(key).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") == "linux"
        && var("CARGO_CFG_TARGET_ENV") == "gnu"
        && var("POLICYGLOT_PIE") != "1"
    {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
}
