//! Writes a deterministic corpus of posts in the shapes of the RSS-to-Hexo
//! generator (blank first line, quoted titles, three-level categories, RFC 2822
//! dates, `<div>`-wrapped HTML bodies, `&#123;` braces), for benchmarks.
//!
//! ```sh
//! cargo run --release --example generate_posts -- 10000 target/bench/posts-10000
//! ```
//!
//! Mix: about 70% Chinese, 10% Japanese, 20% English; bodies of 300–5,000
//! characters; a few posts with live scripts, iframes, tracking pixels and one
//! in 500 with the generator's broken title quoting. The same count always
//! gives the same files.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// SplitMix64: a tiny, well-known generator; deterministic across platforms,
/// which is all a benchmark corpus needs (no dependency for it).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// A site and its channels.
type Site = (&'static str, &'static [&'static str]);

const CATEGORIES: &[(&str, &[Site])] = &[
    (
        "新媒体",
        &[
            ("示例日报", &["首页", "国际", "财经"]),
            ("示例科技", &["最新", "— 推荐"]),
            ("Example Wire", &["新闻"]),
        ],
    ),
    (
        "编程",
        &[("示例社区", &["分类", "热门"]), ("Folio Notes", &["发布"])],
    ),
    (
        "二次元",
        &[
            ("示例番组", &["放送列表"]),
            ("Example Events", &["声优活动"]),
        ],
    ),
    ("金融", &[("示例快讯", &["电报"])]),
    (
        "社交媒体",
        &[("示例问答", &["热榜"]), ("示例视频", &["每周必看"])],
    ),
];

const ZH_WORDS: &[&str] = &[
    "城市",
    "夜跑",
    "江边",
    "步道",
    "居民",
    "政府",
    "表示",
    "今年",
    "发展",
    "经济",
    "科技",
    "公司",
    "发布",
    "新品",
    "市场",
    "价格",
    "上涨",
    "下降",
    "研究",
    "团队",
    "发现",
    "数据",
    "显示",
    "增长",
    "合作",
    "关系",
    "国际",
    "会议",
    "举行",
    "开幕",
    "学生",
    "学校",
    "教育",
    "改革",
    "医院",
    "健康",
    "天气",
    "降温",
    "交通",
    "地铁",
    "开通",
    "线路",
    "游戏",
    "玩家",
    "动画",
    "播出",
    "音乐",
    "演出",
    "中俄",
    "关系",
    "上不封顶",
    "攀登",
    "新高",
    "软件",
    "版本",
    "更新",
    "漏洞",
    "修复",
    "用户",
    "手机",
];
const JA_WORDS: &[&str] = &[
    "今年",
    "も",
    "開催",
    "されます",
    "会場",
    "は",
    "市民",
    "ホール",
    "です",
    "出演者",
    "当日",
    "発表",
    "入場",
    "無料",
    "朗読会",
    "新しい",
    "アニメ",
    "放送",
    "決定",
    "ファン",
    "イベント",
    "の",
];
const EN_WORDS: &[&str] = &[
    "night",
    "trains",
    "return",
    "across",
    "the",
    "continent",
    "operators",
    "will",
    "run",
    "more",
    "services",
    "than",
    "ever",
    "Linux",
    "kernel",
    "drops",
    "support",
    "for",
    "WiMAX",
    "network",
    "researchers",
    "found",
    "that",
    "data",
    "shows",
    "growth",
    "in",
    "city",
    "readers",
    "offline",
    "feeds",
    "article",
    "release",
    "version",
    "update",
    "security",
    "fix",
    "users",
    "phone",
    "market",
];

enum Lang {
    Zh,
    Ja,
    En,
}

fn sentence(rng: &mut Rng, lang: &Lang) -> String {
    let words = 6 + rng.below(14);
    let mut out = String::new();
    for i in 0..words {
        match lang {
            Lang::Zh => out.push_str(rng.pick(ZH_WORDS)),
            Lang::Ja => out.push_str(rng.pick(JA_WORDS)),
            Lang::En => {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(rng.pick(EN_WORDS));
            }
        }
    }
    out.push_str(match lang {
        Lang::En => ". ",
        _ => "。",
    });
    out
}

fn post(rng: &mut Rng, n: usize) -> (PathBuf, String) {
    let lang = match rng.below(10) {
        0..=6 => Lang::Zh,
        7 => Lang::Ja,
        _ => Lang::En,
    };
    let (kind, sites) = CATEGORIES[rng.below(CATEGORIES.len())];
    let (site, channels) = sites[rng.below(sites.len())];
    let channel = channels[rng.below(channels.len())];
    let title = sentence(rng, &lang)
        .trim_end_matches(['。', ' ', '.'])
        .to_owned()
        + &format!(" {n}");
    let image = format!("https://img.example.com/{}/{n}.jpg", 2020 + n % 6);
    let day = 1 + n % 28;
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ][n % 12];
    let date = if rng.below(5) == 0 {
        format!(
            "{}-{:02}-{day:02} {:02}:{:02}:{:02}",
            2020 + n % 6,
            1 + n % 12,
            n % 24,
            n % 60,
            (n * 7) % 60
        )
    } else {
        format!(
            "Mon, {day:02} {month} {} {:02}:{:02}:{:02} GMT",
            2020 + n % 6,
            n % 24,
            n % 60,
            (n * 7) % 60
        )
    };
    let title_line = if n % 500 == 499 {
        format!("title: \"\"\"\"'{title}'\"\"\"\"")
    } else if title.contains('\'') {
        format!("title: \"{title}\"")
    } else {
        format!("title: '{title}'")
    };

    let target = 300 + rng.below(4700);
    let mut body = String::from("<div>   \n");
    while body.chars().count() < target {
        match rng.below(12) {
            0 => {
                let _ = writeln!(body, "<p style=\"text-align:center;\"><img src=\"{image}\" width=\"600\" height=\"400\" referrerpolicy=\"no-referrer\"></p>");
            }
            1 if n.is_multiple_of(7) => body.push_str("<script>track(&#123;id: 1&#125;)</script>\n"),
            2 if n.is_multiple_of(11) => body.push_str("<img src=\"https://t.example.com/p.gif\" width=\"1\" height=\"1\">\n"),
            3 if n.is_multiple_of(13) => body.push_str("<iframe src=\"https://www.youtube.com/embed/abc\" width=\"560\" height=\"315\"></iframe>\n"),
            _ => {
                let _ = writeln!(body, "<p>\n{}{}\n</p>", sentence(rng, &lang), sentence(rng, &lang));
            }
        }
    }
    body.push_str("</div>\n            ");
    let text = format!(
        "\n---\n{title_line}\ncategories: \n - {kind}\n - {site}\n - {channel}\nheadimg: '{image}'\nauthor: {site}\ncomments: false\ndate: {date}\nthumbnail: '{image}'\n---\n\n{body}"
    );
    let path = PathBuf::from(kind)
        .join(site)
        .join(channel)
        .join(format!("post-{n:06}.md"));
    (path, text)
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let out = args
        .next()
        .map_or_else(|| PathBuf::from("target/bench/posts"), PathBuf::from);
    let mut rng = Rng(0x5EED_F011_0000_0000 ^ count as u64);
    for n in 0..count {
        let (relative, text) = post(&mut rng, n);
        let path: PathBuf = Path::new(&out).join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, text)?;
    }
    eprintln!("wrote {count} posts under {}", out.display());
    Ok(())
}
