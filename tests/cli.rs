//! The `folio` binary as a person runs it: exit codes, summary, and the shared
//! corpus of real posts (skipped with a message where it is absent).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn folio(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .output()
        .expect("the folio binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The titles `folio search` printed, one per line after the id.
fn titles_printed(output: &Output) -> Vec<String> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| line.split('\t').nth(1).unwrap_or("").to_owned())
        .collect()
}

fn shared_corpus() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/rsshub");
    if path.is_dir() {
        Some(path)
    } else {
        eprintln!("skipped: {} is absent", path.display());
        None
    }
}

/// The shared corpus bundled into a temporary folder: the folder (kept
/// alive by the caller), the bundle's path, and the run's output.
fn bundle_shared_corpus() -> Option<(tempfile::TempDir, PathBuf, Output)> {
    let corpus = shared_corpus()?;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bundle.json");
    let output = folio(&[
        "bundle",
        corpus.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    Some((dir, out, output))
}

/// A temporary folder with a `posts/` folder holding `files` (relative path,
/// content), and where its bundle goes: (folder, posts, bundle path).
fn posts_folder(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let posts = dir.path().join("posts");
    std::fs::create_dir(&posts).unwrap();
    for (name, text) in files {
        std::fs::write(posts.join(name), text).unwrap();
    }
    let out = dir.path().join("bundle.json");
    (dir, posts, out)
}

fn read_bundle(path: &Path) -> folio::bundle::Bundle {
    let text = std::fs::read_to_string(path).expect("bundle written");
    let loaded = folio::bundle::parse(&text).expect("bundle reads back");
    assert!(loaded.skipped.is_empty());
    loaded.bundle
}

#[test]
fn demo_posts_bundle_with_one_recovered_title() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bundle.json");
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("demo/posts");
    let output = folio(&[
        "bundle",
        demo.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let bundle = read_bundle(&out);
    assert_eq!(bundle.articles.len(), 8);
    assert!(
        stderr(&output).contains("8 bundled, 1 warnings, 0 errors"),
        "{}",
        stderr(&output)
    );
    assert!(bundle
        .articles
        .iter()
        .any(|a| a.title == "一篇标题引号坏掉的文章"));
}

#[test]
fn skipped_posts_exit_1_and_still_write_the_bundle() {
    let (_dir, posts, out) = posts_folder(&[
        ("good.md", "---\ntitle: Good\ndate: 2020-01-01\n---\nhi"),
        ("bad.md", ";;;\n\"title\": [\n;;;\n"),
    ]);
    let output = folio(&[
        "bundle",
        posts.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("error: bad.md:2: JSON front matter is invalid"),
        "{}",
        stderr(&output)
    );
    assert_eq!(read_bundle(&out).articles.len(), 1);
}

#[test]
fn bad_usage_and_missing_folders_exit_2() {
    assert_eq!(folio(&["bundle"]).status.code(), Some(2));
    let missing = folio(&["bundle", "/no/such/posts", "-o", "/tmp/never.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("/no/such/posts"),
        "{}",
        stderr(&missing)
    );
    let zone = folio(&[
        "bundle",
        ".",
        "-o",
        "/tmp/never.json",
        "--timezone",
        "Mars/Base",
    ]);
    assert_eq!(zone.status.code(), Some(2));
    assert!(stderr(&zone).contains("Mars/Base"));
}

#[test]
fn shared_corpus_all_31_posts_bundle() {
    let Some((_dir, out, output)) = bundle_shared_corpus() else {
        return;
    };
    let log = stderr(&output);
    assert!(output.status.success(), "{log}");
    let bundle = read_bundle(&out);
    assert_eq!(bundle.articles.len(), 31, "{log}");
    assert!(log.contains("31 bundled, 1 warnings, 0 errors"), "{log}");
    let warning_lines: Vec<_> = log.lines().filter(|l| l.starts_with("warning:")).collect();
    assert_eq!(warning_lines.len(), 1, "{log}");
    assert!(warning_lines[0].contains("030_"), "{log}");
    let guancha = bundle
        .articles
        .iter()
        .find(|a| a.title == "乐玉成：中俄关系上不封顶，不断攀登新高")
        .expect("the guancha post is bundled");
    assert_eq!(guancha.categories, vec![vec!["新媒体", "观察者网", "首页"]]);
    assert_eq!(guancha.date.as_deref(), Some("2022-02-05T11:48:54Z"));
    assert!(bundle.articles.iter().all(|a| a.date.is_some()));
}

#[test]
fn report_and_json_account_for_every_file() {
    let (dir, posts, out) = posts_folder(&[
        ("good.md", "---\ntitle: Good\ndate: 2020-01-01\n---\nhi"),
        ("undated.md", "---\ntitle: Undated\n---\nhi"),
        ("notes.txt", "not a post"),
    ]);
    let report = dir.path().join("report.json");
    let output = folio(&[
        "bundle",
        posts.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--json",
        "--report",
        report.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let printed: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("--json prints JSON");
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    for summary in [&printed, &written] {
        assert_eq!(summary["bundled"], 2);
        assert_eq!(summary["warnings"], 1);
        assert_eq!(summary["ignored"], 1);
        let files: Vec<_> = summary["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["file"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(files, ["notes.txt", "undated.md"]);
    }
}

#[test]
fn same_input_gives_byte_identical_bundles() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("a.json");
    let second = dir.path().join("b.json");
    for out in [&first, &second] {
        let output = folio(&[
            "bundle",
            corpus.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "-q",
        ]);
        assert!(output.status.success());
    }
    assert_eq!(
        std::fs::read(first).unwrap(),
        std::fs::read(second).unwrap()
    );
}

#[test]
fn watch_rebuilds_when_a_post_changes() {
    use std::time::{Duration, Instant};
    let (_dir, posts, out) =
        posts_folder(&[("one.md", "---\ntitle: One\ndate: 2020-01-01\n---\nhi")]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args([
            "bundle",
            posts.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--watch",
            "-q",
        ])
        .spawn()
        .expect("folio starts");
    let count = || {
        std::fs::read_to_string(&out)
            .ok()
            .and_then(|text| folio::bundle::parse(&text).ok())
            .map(|loaded| loaded.bundle.articles.len())
    };
    let wait_for = |expected: usize| {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if count() == Some(expected) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        false
    };
    let first = wait_for(1);
    // Give the watcher a moment to be in place after the first run.
    std::thread::sleep(Duration::from_millis(500));
    std::fs::write(
        posts.join("two.md"),
        "---\ntitle: Two\ndate: 2020-01-02\n---\nhi",
    )
    .unwrap();
    let rebuilt = wait_for(2);
    let _ = child.kill();
    let _ = child.wait();
    assert!(first, "the first run wrote the bundle");
    assert!(
        rebuilt,
        "adding a post rebuilt the bundle: {:?} articles",
        count()
    );
}

#[test]
fn search_finds_what_chinese_readers_type() {
    let Some((_dir, out, bundled)) = bundle_shared_corpus() else {
        return;
    };
    assert!(bundled.status.success());
    let titles = |query: &str, extra: &[&str]| {
        let mut args = vec!["search", out.to_str().unwrap(), query];
        args.extend_from_slice(extra);
        let output = folio(&args);
        (output.status.code(), titles_printed(&output))
    };
    let guancha = "乐玉成：中俄关系上不封顶，不断攀登新高".to_owned();
    assert_eq!(titles("中俄", &[]), (Some(0), vec![guancha.clone()]));
    assert_eq!(titles("俄关", &[]), (Some(0), vec![guancha.clone()]));
    assert_eq!(
        titles("是一段", &[]),
        (Some(1), vec![]),
        "Pagefind's false positive"
    );
    assert_eq!(
        titles("WiMAX", &[]).1,
        vec!["被废止数月后 Linux准备向WiMAX说再见"]
    );
    let (_, linux) = titles("Linu", &[]);
    assert!(
        linux.len() >= 2 && linux[0] == "被废止数月后 Linux准备向WiMAX说再见",
        "title hits first: {linux:?}"
    );
    assert_eq!(titles("中俄", &["--category", "编程"]), (Some(1), vec![]));
    assert_eq!(
        titles("中俄", &["--author", "观察者网"]).1,
        vec![guancha.clone()]
    );
    assert_eq!(
        titles("中俄", &["--from", "2000-01-01"]).1,
        vec![guancha.clone()]
    );
    assert_eq!(titles("中俄", &["--to", "2000-01-01"]), (Some(1), vec![]));
    // Hits through each filter, not only misses: a category at any depth,
    // with an author, and the post's own day (2022-02-05) as both ends.
    for category in ["新媒体", "新媒体/观察者网", "新媒体/观察者网/首页"] {
        assert_eq!(
            titles("中俄", &["--category", category]),
            (Some(0), vec![guancha.clone()]),
            "{category}"
        );
    }
    let both = ["--category", "新媒体/观察者网", "--author", "观察者网"];
    assert_eq!(titles("中俄", &both).1, vec![guancha.clone()]);
    let other_author = ["--category", "新媒体/观察者网", "--author", "IT之家"];
    assert_eq!(titles("中俄", &other_author), (Some(1), vec![]));
    let that_day = ["--from", "2022-02-05", "--to", "2022-02-05"];
    assert_eq!(titles("中俄", &that_day).1, vec![guancha.clone()]);
    assert_eq!(titles("中俄", &["--to", "2022-02-04"]), (Some(1), vec![]));
    assert_eq!(titles("中俄", &["--from", "2022-02-06"]), (Some(1), vec![]));

    // --json prints the same hits, in the same order, as id and title.
    let plain = folio(&["search", out.to_str().unwrap(), "Linu"]);
    let json = folio(&["search", out.to_str().unwrap(), "Linu", "--json"]);
    assert_eq!(json.status.code(), Some(0));
    let printed: Vec<(String, String)> = String::from_utf8_lossy(&plain.stdout)
        .lines()
        .filter_map(|line| line.split_once('\t'))
        .map(|(id, title)| (id.to_owned(), title.to_owned()))
        .collect();
    let parsed: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap();
    let from_json: Vec<(String, String)> = parsed
        .iter()
        .map(|hit| {
            let field = |name: &str| hit[name].as_str().unwrap_or_default().to_owned();
            (field("id"), field("title"))
        })
        .collect();
    assert_eq!(from_json, printed);
    assert_eq!(from_json.len(), linux.len());
    assert!(from_json.iter().all(|(id, _)| id.len() == 16));
    let none = folio(&["search", out.to_str().unwrap(), "zzzzqx", "--json"]);
    assert_eq!(none.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&none.stdout).trim(), "[]");
    let bad_day = folio(&[
        "search",
        out.to_str().unwrap(),
        "中俄",
        "--from",
        "2026-1-1",
    ]);
    assert_eq!(bad_day.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_day.stderr).contains("YYYY-MM-DD"));
}

#[test]
fn the_index_finds_what_the_scan_finds_in_the_shared_corpus() {
    use folio::search::text::body_text;
    use folio::search::{search, Query, SearchIndex, SearchableArticle};
    let Some((_dir, out, bundled)) = bundle_shared_corpus() else {
        return;
    };
    assert!(bundled.status.success());
    let articles = read_bundle(&out).articles;
    let searchable: Vec<_> = articles.iter().map(SearchableArticle::new).collect();
    let index = SearchIndex::build(&searchable);
    let candidates: Vec<usize> = (0..articles.len()).rev().collect();
    // Substrings of 1–4 characters of the articles' own text, pairs of them,
    // exclusions, and misses, picked by a fixed linear congruential sequence.
    let texts: Vec<Vec<char>> = articles
        .iter()
        .map(|a| {
            format!("{} {}", a.title, body_text(&a.body))
                .chars()
                .collect()
        })
        .collect();
    let mut state: u64 = 0x0123_4567_89ab_cdef;
    let mut below = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) % n as u64) as usize
    };
    let mut hits = 0;
    for round in 0..300 {
        let mut term = || {
            let text = &texts[below(texts.len())];
            let length = 1 + below(4);
            let start = below(text.len().saturating_sub(length).max(1));
            text.iter().skip(start).take(length).collect::<String>()
        };
        let query = match round % 6 {
            0 => format!("{} {}", term(), term()),
            1 => format!("{} -{}", term(), term()),
            2 => format!("{}龘靐", term()),
            _ => term(),
        };
        let parsed = Query::parse(&query);
        let expected = search(&searchable, &candidates, &parsed);
        assert_eq!(
            index.search(&searchable, &candidates, &parsed),
            expected,
            "query {query:?}"
        );
        hits += usize::from(!expected.is_empty());
    }
    assert!(
        hits >= 150,
        "most sampled queries find something: {hits} of 300"
    );
}

#[test]
fn a_split_bundle_searches_like_the_single_file() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("demo/posts");
    let dir = tempfile::tempdir().unwrap();
    let single = dir.path().join("single.json");
    let split = dir.path().join("split");
    let demo = demo.to_str().unwrap();
    assert!(
        folio(&["bundle", demo, "-o", single.to_str().unwrap(), "-q"])
            .status
            .success()
    );
    let run = folio(&[
        "bundle",
        demo,
        "-o",
        split.to_str().unwrap(),
        "--split",
        "--articles-per-shard",
        "2",
        "--bodies-per-shard",
        "3",
        "--json",
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let summary: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let manifest = split.join("bundle.json");
    assert_eq!(summary["output"], manifest.to_str().unwrap());
    assert!(split.join("articles").read_dir().unwrap().count() >= 2);

    // Bodies, titles and authors are all found through the index shards,
    // a phrase and a long CJK term through the bodies too; --limit prints
    // the first results.
    for query in [
        "夜跑",
        "示例",
        "folio",
        "the",
        "-示例",
        "zzzz",
        "\"night trains\"",
        "城市新风景",
    ] {
        for limit in [None, Some("1")] {
            let hits = |bundle: &Path| {
                let mut args = vec!["search", bundle.to_str().unwrap(), query];
                args.extend(limit.iter().flat_map(|n| ["--limit", n]));
                let output = folio(&args);
                (
                    output.status.code(),
                    String::from_utf8_lossy(&output.stdout).into_owned(),
                )
            };
            let (code, found) = hits(&single);
            assert_eq!(hits(&manifest), (code, found.clone()), "{query} {limit:?}");
            let lines = found.lines().count();
            // Every demo post is under a 示例 category.
            let finds = !matches!(query, "zzzz" | "-示例");
            match limit {
                Some(_) => assert_eq!(lines, usize::from(finds), "{query}: {found}"),
                None => assert_eq!(lines >= 1, finds, "{query}: {found}"),
            }
        }
    }
    // --tag narrows as the viewer's tag= does, on both layouts: 城市生活
    // tags two demo posts, 跑步 one of them; --tag '' narrows nothing.
    let tagged = |bundle: &Path, tag: &str| {
        let output = folio(&["search", bundle.to_str().unwrap(), "示例", "--tag", tag]);
        (output.status.code(), titles_printed(&output))
    };
    for bundle in [&single, &manifest] {
        let city = tagged(bundle, "城市生活");
        assert_eq!(city.0, Some(0));
        assert_eq!(city.1.len(), 2, "{:?}", city.1);
        assert_eq!(tagged(bundle, "跑步").1, ["江边夜跑成了城市新风景"]);
        assert!(city.1.contains(&"江边夜跑成了城市新风景".to_owned()));
        assert_eq!(tagged(bundle, "没有这个标签"), (Some(1), vec![]));
        let untagged = titles_printed(&folio(&["search", bundle.to_str().unwrap(), "示例"]));
        assert!(untagged.len() > 2, "{untagged:?}");
        assert_eq!(tagged(bundle, "").1, untagged);
    }

    // The shard sizes need --split.
    let misuse = folio(&["bundle", demo, "-o", "x.json", "--articles-per-shard", "2"]);
    assert_eq!(misuse.status.code(), Some(2));
}
