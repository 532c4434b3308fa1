//! A synthetic policyglot project of any size, for benchmarks: N topics (safeguard items
//! with a ~600-word Markdown message each, and one page per topic) in L locales, in the
//! same schema as `policy/policy.yaml`, with the repository's templates.
//!
//! ```sh
//! cargo run --release --example synth -- --topics 300 --locales 3 --out /dev/shm/synth
//! cargo run --release -- --root /dev/shm/synth check
//! ```
//!
//! The text is pseudo-language (words made of each locale's letters: Latin with the
//! language's diacritics, Greek, Cyrillic, kana, hanzi, hangul), deterministic, with no
//! digit and no name from the policy, so `policyglot check` passes with no finding.
//! `--peers` also writes the same pages and Markdown as Hugo, Zola and mdBook sources
//! under `<out>/peers/` (see bench/peers.sh).

mod project;

use std::path::PathBuf;

use clap::Parser;

#[derive(Parser)]
struct Args {
    /// Number of topics (safeguard items, one page each).
    #[arg(long, default_value_t = 30)]
    topics: usize,
    /// Number of locales, `en` first (at most 21).
    #[arg(long, default_value_t = 3)]
    locales: usize,
    /// Words per topic message (approximate).
    #[arg(long, default_value_t = 600)]
    words: usize,
    /// Project folder to create (replaced if it holds a previous synthetic project).
    #[arg(long)]
    out: PathBuf,
    /// Also write equivalent Hugo, Zola and mdBook sources under `<out>/peers/`.
    #[arg(long)]
    peers: bool,
}

fn main() {
    let args = Args::parse();
    project::write_project(&project::Options {
        topics: args.topics,
        locales: args.locales,
        words: args.words,
        out: args.out.clone(),
        peers: args.peers,
    });
    println!(
        "wrote {} topics × {} locales ({} pages per locale) to {}",
        args.topics,
        args.locales,
        project::pages_per_locale(args.topics),
        args.out.display()
    );
}
