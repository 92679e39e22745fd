//! Golden tests: the project's own fixture posts (one per shape the bundler
//! must read, in `tests/fixtures/posts/`) bundled and compared with
//! `tests/golden/`. After an intended change, regenerate with
//! `SNAPSHOTS=overwrite cargo test --test golden` and review the diff.

use folio::bundler::bundle_folder;
use folio::post::PostOptions;
use std::path::Path;

fn check_golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var("SNAPSHOTS").as_deref() == Ok("overwrite") {
        std::fs::write(&path, actual).expect("golden file written");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("{}: {err}; run with SNAPSHOTS=overwrite", path.display()));
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .map_or_else(|| "length".to_owned(), |n| format!("line {}", n + 1));
        panic!(
            "{} differs from the output at {line}; if the change is intended, \
             run SNAPSHOTS=overwrite cargo test --test golden and review the diff",
            path.display()
        );
    }
}

#[test]
fn fixture_posts_bundle_as_recorded() {
    let posts = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/posts");
    let (bundle, report) = bundle_folder(&posts, &PostOptions::default()).expect("fixtures read");
    let bundle_json = serde_json::to_string_pretty(&bundle).expect("bundle serializes") + "\n";
    let report_json = serde_json::to_string_pretty(&report).expect("report serializes") + "\n";
    check_golden("fixtures-bundle.json", &bundle_json);
    check_golden("fixtures-report.json", &report_json);
    // Every file is accounted for: 7 posts bundled, the .txt reported.
    assert_eq!(bundle.articles.len(), 7);
    assert!(report.entries.iter().any(|e| e.file == "hexo/notes.txt"));
}
