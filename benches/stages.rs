//! Criterion benchmarks of the pipeline's stages through the library API, on the real
//! project and on a synthetic one (`examples/synth`, 30 topics × 3 locales by default;
//! `BENCH_TOPICS` and `BENCH_LOCALES` scale it).
//!
//! ```sh
//! cargo bench --bench stages                 # full measurement
//! cargo test --bench stages                  # run every benchmark once, debug build (CI)
//! BENCH_TOPICS=3000 cargo bench --bench stages -- synth
//! ```

#[allow(dead_code)]
#[path = "../examples/synth/project.rs"]
mod project;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use policyglot::Project;
use policyglot::l10n::Stale;
use policyglot::l10n::{self, Locales};
use policyglot::pipeline;
use policyglot::policy::{self, Node, Policy, facts};
use policyglot::render::{self, Templates, markdown};
use policyglot::{diag::SourceFile, output};

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The projects to measure: (name, root, the block whose rendering stands for a page).
fn projects() -> Vec<(String, PathBuf, &'static str)> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (topics, locales) = (env("BENCH_TOPICS", 30), env("BENCH_LOCALES", 3));
    let synth = std::env::temp_dir().join(format!("policyglot-bench-{topics}x{locales}"));
    project::write_project(&project::Options {
        topics,
        locales,
        words: 600,
        out: synth.clone(),
        peers: false,
    });
    vec![
        ("real".to_owned(), repo.to_path_buf(), "about-training"),
        (format!("synth-{topics}x{locales}"), synth, "topic-00001"),
    ]
}

fn load_policy(root: &Path) -> (Policy, SourceFile) {
    let loaded = policy::load::load(&root.join(Project::POLICY), Path::new(Project::POLICY))
        .expect("the policy loads");
    assert!(policy::validate::validate(&loaded.0, &loaded.1).is_empty());
    loaded
}

fn load_locales(root: &Path, policy: &Policy) -> Arc<Locales> {
    let locales = l10n::load(
        &root.join(Project::LOCALES),
        Path::new(Project::LOCALES),
        policy,
    )
    .expect("the locales load");
    Arc::new(locales)
}

fn stages(c: &mut Criterion) {
    for (name, root, block) in projects() {
        let mut group = c.benchmark_group(&name);
        group.sample_size(10);
        let project = Project::new(&root);

        group.bench_function("load_policy", |b| b.iter(|| load_policy(black_box(&root))));
        let (policy, _) = load_policy(&root);
        group.bench_function("load_locales", |b| {
            b.iter(|| load_locales(black_box(&root), &policy))
        });
        let locales = load_locales(&root, &policy);
        let templates = Templates::load(
            &root.join(Project::TEMPLATES),
            Path::new(Project::TEMPLATES),
            locales.clone(),
            render::page_args(policy.current()),
        )
        .expect("the templates load");

        // One page's content: its block's message formatted, turned into HTML, sanitized.
        let blocks = facts::blocks(&policy, policy.current());
        let node: &Node = facts::find(blocks, block).expect("the block exists");
        let en = locales.reference();
        group.bench_function("render_page_block", |b| {
            b.iter(|| {
                let text = locales
                    .format(en, black_box(block), None, &node.args)
                    .expect("formats");
                markdown::block(&text)
            })
        });
        let stale = Stale::default();
        let publication = pipeline::Options::default().publication;
        let render_all = || {
            let mut once = render::Rendered::once();
            render::render_site(
                &policy,
                locales.clone(),
                &templates,
                &stale,
                &publication,
                &mut once,
            )
            .expect("renders")
        };
        group.bench_function("render_all", |b| b.iter(render_all));
        group.bench_function("check_and_render", |b| {
            b.iter(|| pipeline::run(&project, pipeline::Options::default()).expect("runs"))
        });

        group.bench_function("edit_one_locale", |b| {
            // What `serve` does on a save: one locale's file changed, the session re-runs.
            let copy = tempfile::tempdir().expect("a temporary folder");
            for dir in ["policy", Project::LOCALES, Project::TEMPLATES] {
                copy_dir(&root.join(dir), &copy.path().join(dir));
            }
            let project = Project::new(copy.path());
            let last = &locales.list.last().expect("a locale").tag;
            // A message every page shows (the footer), edited back and forth: pages of
            // that locale read differently, so it alone is re-rendered.
            let (edited, original) =
                std::fs::read_dir(copy.path().join(Project::LOCALES).join(last))
                    .expect("the locale's folder")
                    .filter_map(|e| {
                        let path = e.ok()?.path();
                        let text = std::fs::read_to_string(&path).ok()?;
                        text.contains("\nfooter-note = ").then_some((path, text))
                    })
                    .next()
                    .expect("a file with the footer message");
            let mut session = pipeline::Session::default();
            session
                .run(&project, pipeline::Options::default())
                .expect("runs");
            let mut n = 0u32;
            b.iter(|| {
                n += 1;
                let word = if n.is_multiple_of(2) { "even" } else { "odd" };
                let text =
                    original.replacen("\nfooter-note = ", &format!("\nfooter-note = {word} "), 1);
                std::fs::write(&edited, text).expect("writes");
                let analysis = session
                    .run(&project, pipeline::Options::default())
                    .expect("runs");
                assert_eq!(session.rendered().computed, 1, "one locale re-rendered");
                analysis
            })
        });

        let site = render_all();
        let out = tempfile::tempdir().expect("a temporary folder");
        let target = out.path().join("site");
        group.bench_function("write", |b| {
            b.iter(|| output::write_site(&site, &target).expect("writes"))
        });
        group.bench_function("build", |b| {
            let options = pipeline::Options::default();
            b.iter(|| policyglot::build(&project, &target, &options, false).expect("builds"))
        });
        group.finish();
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("readable");
        let target = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("creates");
        } else {
            std::fs::copy(entry.path(), &target).expect("copies");
        }
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
