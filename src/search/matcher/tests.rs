use super::*;

fn article(title: &str, text: &str) -> Article {
    Article {
        title: title.to_owned(),
        body: format!("<p>{text}</p>"),
        author: Some("观察者网".to_owned()),
        categories: vec![vec!["新媒体".to_owned(), "观察者网".to_owned()]],
        ..Article::default()
    }
}

fn found(query: &str, articles: &[Article]) -> Vec<usize> {
    let searchable: Vec<_> = articles.iter().map(SearchableArticle::new).collect();
    let candidates: Vec<usize> = (0..articles.len()).rev().collect();
    search(&searchable, &candidates, &Query::parse(query))
        .into_iter()
        .map(|hit| hit.index)
        .collect()
}

#[test]
fn what_a_query_finds() {
    let articles = [
        article(
            "乐玉成：中俄关系上不封顶，不断攀登新高",
            "外交部网站消息，会谈结束后介绍会谈成果。",
        ),
        article(
            "被废止数月后 Linux准备向WiMAX说再见",
            "内核将WiMAX网络代码降级到暂存区域。",
        ),
        article(
            "Night trains return",
            "Ten years ago most overnight routes had closed. This is a phrase.",
        ),
        article("Ｆｕｌｌ width", "Crème brûlée in Zürich."),
        article("ｶﾞｲﾄﾞﾌﾞｯｸ", "Cafe\u{301} finale."),
    ];
    let cases: [(&str, Vec<usize>); 23] = [
        ("中俄", vec![0]),
        ("俄关", vec![0]),
        ("中俄关系上不封顶", vec![0]),
        ("俄", vec![0]),
        ("会谈成果", vec![0]),
        ("linux", vec![1]),
        ("Linu", vec![1]),
        ("wimax", vec![1]),
        ("inux", vec![]),
        ("\"is a phrase\"", vec![2]),
        ("\"a is phrase\"", vec![]),
        ("night -linux", vec![2]),
        ("trains overnight", vec![2]),
        ("trains linux", vec![]),
        ("full", vec![3]),
        ("ＦＵＬＬ", vec![3]),
        ("creme zurich", vec![3]),
        ("观察者网", vec![4, 3, 2, 1, 0]),
        ("ガイド", vec![4]),
        ("ｲﾄﾞ", vec![4]),
        ("café", vec![4]),
        ("cafe\u{301}", vec![4]),
        ("ｆｉｎａｌｅ", vec![4]),
    ];
    for (query, expected) in cases {
        assert_eq!(found(query, &articles), expected, "{query}");
    }
}

#[test]
fn title_hits_rank_first_then_newer() {
    let articles = [
        article("旧的标题提到中俄", ""),
        article("无关标题", "正文提到中俄"),
        article("新的标题提到中俄", ""),
        article("较新的无关标题", "正文也提到中俄"),
    ];
    assert_eq!(found("中俄", &articles), vec![2, 0, 3, 1]);
}

#[test]
fn only_excluded_terms_filter_everything_else() {
    let articles = [article("A linux post", ""), article("A bsd post", "")];
    assert_eq!(found("-linux", &articles), vec![1]);
    assert_eq!(found("", &articles), vec![1, 0]);
}

#[test]
fn highlights_map_back_to_the_original_text() {
    let query = Query::parse("linux 中俄");
    let runs = highlight("About LINUX and 中俄关系", &query);
    let marked: Vec<&str> = runs
        .iter()
        .filter(|(_, m)| *m)
        .map(|(t, _)| t.as_str())
        .collect();
    assert_eq!(marked, ["LINUX", "中俄"]);
    let joined: String = runs.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(joined, "About LINUX and 中俄关系");
    let wide = highlight("Ｌｉｎｕｘ!", &Query::parse("linux"));
    assert_eq!(wide[0], ("Ｌｉｎｕｘ".to_owned(), true));
    // Folded forms are marked whole: the half-width voicing mark and the
    // accent with their letters.
    let marked = |text: &str, query: &str| -> Vec<String> {
        let runs = highlight(text, &Query::parse(query));
        assert_eq!(
            runs.iter().map(|(t, _)| t.as_str()).collect::<String>(),
            text
        );
        runs.into_iter()
            .filter(|(_, m)| *m)
            .map(|(t, _)| t)
            .collect()
    };
    assert_eq!(marked("ｶﾞｲﾄﾞﾌﾞｯｸ", "ガイド"), ["ｶﾞｲﾄﾞ"]);
    assert_eq!(marked("a cafe\u{301}!", "café"), ["cafe\u{301}"]);
    // A match before a run of spaces is marked without them.
    assert_eq!(marked("foo   bar", "foo"), ["foo"]);
    // No required term: the text as one unmarked run.
    for query in ["", "-linux"] {
        let runs = highlight("About LINUX", &Query::parse(query));
        assert_eq!(runs, [("About LINUX".to_owned(), false)], "{query:?}");
    }
    assert_eq!(highlight("", &Query::parse("")), []);
}

#[test]
fn snippets_center_on_the_first_hit() {
    let text = format!("{}中俄关系{}", "前".repeat(100), "后".repeat(100));
    let runs = snippet(&text, &Query::parse("中俄"), 10).unwrap();
    let joined: String = runs.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        joined,
        format!("…{}中俄关系{}…", "前".repeat(10), "后".repeat(16))
    );
    assert!(snippet("nothing here", &Query::parse("中俄"), 10).is_none());
}

#[test]
fn alternating_runs_merge_neighbours_of_one_kind_and_round_trip() {
    let run = |text: &str, marked: bool| (text.to_owned(), marked);
    assert!(to_alternating(vec![]).is_empty());
    assert_eq!(
        to_alternating(vec![
            run("a", false),
            run("b", false),
            run("c", true),
            run("d", true)
        ]),
        ["ab", "cd"]
    );
    assert_eq!(to_alternating(vec![run("x", true)]), ["", "x"]);
    let runs = vec![run("…前", false), run("中俄", true), run("后…", false)];
    assert_eq!(from_alternating(to_alternating(runs.clone())), runs);
}
