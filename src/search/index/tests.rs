use super::*;
use crate::article::Article;
use crate::search::matcher::search;
use proptest::prelude::*;

fn article(title: &str, body: &str, author: Option<&str>) -> Article {
    Article {
        title: title.to_owned(),
        body: format!("<p>{body}</p>"),
        author: author.map(str::to_owned),
        categories: vec![vec!["新媒体".to_owned(), "Example Wire".to_owned()]],
        ..Article::default()
    }
}

/// The index's hits and the reference scan's, over every article newest first.
fn both(articles: &[Article], query: &str) -> (Vec<Hit>, Vec<Hit>) {
    let searchable: Vec<_> = articles.iter().map(SearchableArticle::new).collect();
    let index = SearchIndex::build(&searchable);
    let candidates: Vec<usize> = (0..articles.len()).rev().collect();
    let query = Query::parse(query);
    (
        index.search(&searchable, &candidates, &query),
        search(&searchable, &candidates, &query),
    )
}

#[test]
fn finds_what_the_scan_finds_on_the_cases_that_need_care() {
    let articles = [
        article(
            "乐玉成：中俄关系上不封顶",
            "外交部网站消息，会谈结束后介绍会谈成果。",
            Some("观察者网"),
        ),
        article(
            "被废止数月后 Linux准备向WiMAX说再见",
            "内核将WiMAX网络代码降级到暂存区域。asp.net and .net, c++ and wi-fi",
            None,
        ),
        article(
            "Night trains",
            "Crème brûlée in Zürich. Ｆｕｌｌ width",
            None,
        ),
        article("中", "俄 关", None),
        article("", "", None),
    ];
    let queries = [
        "中俄",
        "俄关",
        "中",
        "俄",
        "中俄关系上不封顶",
        "是一段",
        "linu",
        "Linux",
        "wimax",
        "准备向wimax",
        "x说",
        "net",
        ".net",
        "c++",
        "wi-fi",
        "fi",
        "crème",
        "creme",
        "zur",
        "full",
        "\"night trains\"",
        "\"trains night\"",
        "观察者网",
        "example",
        "新媒体 -中俄",
        "-linux",
        "-中",
        "中 -俄关",
        "会谈 成果",
        "-",
        "...",
        "中 俄",
        "\"中 俄\"",
        "ｌｉｎｕｘ",
        "\"俄 关\"",
        "上不",
        "不封顶 linux",
    ];
    for query in queries {
        let (indexed, scanned) = both(&articles, query);
        assert_eq!(indexed, scanned, "query {query:?}");
    }
    // The cases are not all misses: the comparison has something to compare.
    assert_eq!(both(&articles, "中").1.len(), 2);
    assert_eq!(both(&articles, ".net").1.len(), 1, "`.net` after a space");
    let inside_a_word = [article("", "asp.net", None)];
    assert_eq!(both(&inside_a_word, ".net"), (vec![], vec![]));
    assert_eq!(both(&articles, "wi-fi").1.len(), 1);
}

#[test]
fn ranks_title_hits_first_then_in_candidate_order() {
    let articles = [
        article("older, body hit", "中俄", None),
        article("中俄 in the title", "", None),
        article("newer, body hit", "中俄关系", None),
    ];
    let (indexed, _) = both(&articles, "中俄");
    let order: Vec<(usize, bool)> = indexed.iter().map(|h| (h.index, h.in_title)).collect();
    assert_eq!(order, [(1, true), (2, false), (0, false)]);
}

#[test]
fn only_candidates_are_returned() {
    let articles = [article("中俄", "", None), article("中俄", "", None)];
    let searchable: Vec<_> = articles.iter().map(SearchableArticle::new).collect();
    let index = SearchIndex::build(&searchable);
    let hits = index.search(&searchable, &[1, 7], &Query::parse("中俄"));
    assert_eq!(
        hits,
        [Hit {
            index: 1,
            in_title: true
        }]
    );
}

/// SplitMix64, so the generated corpus is the same on every run.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const ZH: &[&str] = &[
    "中俄",
    "关系",
    "外交部",
    "会谈",
    "成果",
    "上不封顶",
    "经济",
    "发展",
    "的",
    "是",
    "一段",
    "新闻",
    "记者",
    "表示",
    "合作",
    "攀登",
];
const JA: &[&str] = &[
    "ニュース",
    "声優",
    "イベント",
    "の",
    "は",
    "放送",
    "東京",
    "ﾆｭｰｽ",
    "ｶﾞｲﾄﾞ",
];
const EN: &[&str] = &[
    "Linux",
    "linear",
    "WiMAX",
    "kernel",
    "night",
    "trains",
    "return",
    "Zürich",
    "café",
    "wi-fi",
    "C++",
    "v2.0",
    "ＡＢＣ",
    "data",
    "database",
];

/// A corpus in this project's mix (mostly Chinese, some Japanese and
/// English, words glued without spaces in CJK as in real posts), and a few
/// hundred queries sampled from its text plus misses.
pub(crate) fn generated_corpus(rng: &mut Rng, count: usize) -> Vec<Article> {
    let sentence = |rng: &mut Rng| {
        let mut out = String::new();
        for _ in 0..3 + rng.below(12) {
            match rng.below(10) {
                0..=5 => out.push_str(rng.pick(ZH)),
                6 => out.push_str(rng.pick(JA)),
                _ => {
                    out.push(' ');
                    out.push_str(rng.pick(EN));
                    out.push(' ');
                }
            }
        }
        out
    };
    (0..count)
        .map(|_| {
            let title = sentence(rng);
            let body: Vec<String> = (0..1 + rng.below(6)).map(|_| sentence(rng)).collect();
            let author = ["观察者网", "Example Wire", "示例 日报"][rng.below(3)];
            article(&title, &body.join("。"), Some(author))
        })
        .collect()
}

pub(crate) fn sampled_query(rng: &mut Rng, articles: &[Article]) -> String {
    let from = &articles[rng.below(articles.len())];
    let text: Vec<char> = format!("{} {}", from.title, from.body)
        .chars()
        .filter(|&c| c != '<' && c != '>' && c != '/')
        .collect();
    let term = |rng: &mut Rng| -> String {
        let length = 1 + rng.below(4);
        let start = rng.below(text.len().saturating_sub(length).max(1));
        text[start..(start + length).min(text.len())]
            .iter()
            .collect()
    };
    match rng.below(8) {
        0 => format!("{} {}", term(rng), term(rng)),
        1 => format!("\"{}\"", term(rng)),
        2 => format!("{} -{}", term(rng), term(rng)),
        3 => format!("{}龘", term(rng)),
        4 => format!("zq{}", rng.pick(EN)),
        5 => rng.pick(EN).chars().take(1 + rng.below(4)).collect(),
        _ => term(rng),
    }
}

#[test]
fn finds_what_the_scan_finds_on_a_generated_corpus() {
    let mut rng = Rng(0x5EED_1DE7);
    let articles = generated_corpus(&mut rng, 300);
    let searchable: Vec<_> = articles.iter().map(SearchableArticle::new).collect();
    let index = SearchIndex::build(&searchable);
    let candidates: Vec<usize> = (0..articles.len()).rev().collect();
    let mut found_something = 0;
    for _ in 0..400 {
        let text = sampled_query(&mut rng, &articles);
        let query = Query::parse(&text);
        let expected = search(&searchable, &candidates, &query);
        assert_eq!(
            index.search(&searchable, &candidates, &query),
            expected,
            "query {text:?}"
        );
        found_something += usize::from(!expected.is_empty());
    }
    assert!(
        (150..400).contains(&found_something),
        "sampled queries should mostly hit and sometimes miss: {found_something} of 400 hit"
    );
}

/// Characters chosen to meet every boundary the rules have: CJK next to
/// Latin, punctuation inside words, full-width, half-width and accented
/// forms (precomposed and not).
const ALPHABET: &[char] = &[
    '中', '俄', '关', '系', 'の', 'ア', '한', 'a', 'b', 'x', 'A', '1', ' ', '-', '.', 'Ａ', 'é',
    '、', 'ｱ', 'ｶ', 'ﾞ', '\u{301}',
];

fn random_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..40)
        .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Both ways of intersecting (merging lists of similar length, binary
    /// searching a long one) give the ids in both lists, ascending.
    #[test]
    fn intersect_is_the_ids_in_both(
        a in prop::collection::btree_set(0u32..3000, 0..300),
        b in prop::collection::btree_set(0u32..3000, 0..3000),
    ) {
        let expected: Vec<u32> = a.intersection(&b).copied().collect();
        let (a, b): (Vec<u32>, Vec<u32>) = (a.into_iter().collect(), b.into_iter().collect());
        prop_assert_eq!(intersect(&a, &b), expected.clone());
        prop_assert_eq!(intersect(&b, &a), expected);
    }

    /// Random texts and queries drawn from them (and from nowhere): the
    /// index never disagrees with the scan.
    #[test]
    fn never_disagrees_with_the_scan(
        texts in prop::collection::vec((random_text(), random_text()), 1..12),
        picks in prop::collection::vec((any::<usize>(), any::<usize>(), 1usize..5, 0u8..6), 1..10),
        stray in random_text(),
    ) {
        let articles: Vec<Article> = texts
            .iter()
            .map(|(title, body)| article(title, body, None))
            .collect();
        let searchable: Vec<_> = articles.iter().map(SearchableArticle::new).collect();
        let index = SearchIndex::build(&searchable);
        let candidates: Vec<usize> = (0..articles.len()).rev().collect();
        for (which, start, length, shape) in picks {
            let (title, body) = &texts[which % texts.len()];
            let source: Vec<char> = format!("{title} {body}").chars().collect();
            let start = start % source.len().max(1);
            let term: String = source.iter().skip(start).take(length).collect();
            let text = match shape {
                0 => format!("-{term}"),
                1 => format!("\"{term}\""),
                2 => format!("{term} {stray}"),
                3 => stray.clone(),
                _ => term,
            };
            let query = Query::parse(&text);
            prop_assert_eq!(
                index.search(&searchable, &candidates, &query),
                search(&searchable, &candidates, &query),
                "query {:?}", text
            );
        }
    }
}
