//! The viewer's interface text in Simplified Chinese and English.
//!
//! Plain data and pure functions: the viewer picks a [`Locale`] from
//! `navigator.language` (or the reader's switch) and asks [`Locale::text`]
//! for its strings, so every string is testable here.

use crate::age::Age;

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    /// Simplified Chinese.
    Zh,
    /// English.
    En,
}

/// Every fixed string of the interface.
#[derive(Debug)]
pub struct Text {
    /// "All articles".
    pub all_articles: &'static str,
    /// Navigation heading for categories.
    pub categories: &'static str,
    /// Navigation heading for authors.
    pub authors: &'static str,
    /// Navigation heading for tags.
    pub tags: &'static str,
    /// The list filters' group label.
    pub filters: &'static str,
    /// The date range's first-day field.
    pub date_from: &'static str,
    /// The date range's last-day field.
    pub date_to: &'static str,
    /// Quick picks: the last 7 days, 30 days, year.
    pub recent: [&'static str; 3],
    /// Clears the date range.
    pub any_time: &'static str,
    /// Clears the search, the filters and the category, author or tag.
    pub clear_all: &'static str,
    /// What a category, author or tag that narrows a list is, before its
    /// name: "Category: ".
    pub place_kinds: [&'static str; 3],
    /// Accessible name of a narrowing's remove button, before what it is.
    pub remove_filter: &'static str,
    /// Toggle: only articles not opened yet.
    pub unread_only: &'static str,
    /// Toggle: only starred articles.
    pub starred_only: &'static str,
    /// The drawer button on phones.
    pub open_categories: &'static str,
    /// Loading state.
    pub loading: &'static str,
    /// Heading of the load-failure message.
    pub load_failed: &'static str,
    /// An article body that cannot be shown (its sanitizer did not load).
    pub body_failed: &'static str,
    /// The button that makes a search check every candidate's text.
    pub check_all: &'static str,
    /// The retry button.
    pub retry: &'static str,
    /// Pager: towards newer articles.
    pub newer: &'static str,
    /// Pager: towards older articles.
    pub older: &'static str,
    /// Heading of the not-found view.
    pub not_found: &'static str,
    /// Link back to the list.
    pub back_to_list: &'static str,
    /// Link to the original article.
    pub read_original: &'static str,
    /// Before the list of removals.
    pub removed_for_safety: &'static str,
    /// Theme names: auto, light, dark.
    pub themes: [&'static str; 3],
    /// Accessible name of the pager.
    pub pages: &'static str,
    /// Accessible name of the breadcrumb.
    pub breadcrumb: &'static str,
    /// Accessible name of the neighbour links.
    pub neighbours: &'static str,
    /// Heading of the keyboard help.
    pub keyboard: &'static str,
    /// Keyboard help rows: key, what it does.
    pub shortcuts: [(&'static str, &'static str); 6],
    /// Closes the help.
    pub close: &'static str,
    /// The language switch's label: the other language's name.
    pub other_language: &'static str,
    /// Text size buttons: smaller, larger.
    pub text_size: [&'static str; 2],
    /// The starred view.
    pub starred: &'static str,
    /// Star button: not starred, starred.
    pub star: [&'static str; 2],
    /// Exports read and starred state.
    pub export_state: &'static str,
    /// The search field's label.
    pub search: &'static str,
    /// The search field's placeholder.
    pub search_placeholder: &'static str,
}

const ZH: Text = Text {
    all_articles: "全部文章",
    categories: "分类",
    authors: "作者",
    tags: "标签",
    filters: "筛选",
    date_from: "从",
    date_to: "到",
    recent: ["最近 7 天", "最近 30 天", "最近一年"],
    any_time: "不限时间",
    clear_all: "全部清除",
    place_kinds: ["分类：", "作者：", "标签："],
    remove_filter: "移除筛选",
    unread_only: "仅未读",
    starred_only: "仅收藏",
    open_categories: "☰ 分类",
    loading: "正在载入文章…",
    load_failed: "文章载入失败",
    body_failed: "正文无法显示，请重新载入页面",
    check_all: "全部核对",
    retry: "重试",
    newer: "← 较新",
    older: "较旧 →",
    not_found: "找不到",
    back_to_list: "返回全部文章",
    read_original: "阅读原文 ↗",
    removed_for_safety: "出于安全已移除：",
    themes: ["◐ 自动", "☀ 浅色", "☾ 深色"],
    pages: "分页",
    breadcrumb: "位置",
    neighbours: "相邻文章",
    keyboard: "键盘快捷键",
    shortcuts: [
        ("j / k", "下一篇 / 上一篇"),
        ("o / Enter", "打开选中的文章"),
        ("Esc / u", "返回列表"),
        ("/", "搜索"),
        ("?", "显示或关闭本帮助"),
        ("Tab", "在链接和按钮间移动"),
    ],
    close: "关闭",
    other_language: "English",
    text_size: ["A−", "A+"],
    starred: "★ 收藏",
    star: ["☆ 收藏", "★ 已收藏"],
    export_state: "导出阅读记录（JSON）",
    search: "搜索",
    search_placeholder: "搜索标题、正文、作者…",
};

const EN: Text = Text {
    all_articles: "All articles",
    categories: "Categories",
    authors: "Authors",
    tags: "Tags",
    filters: "Filters",
    date_from: "From",
    date_to: "To",
    recent: ["Last 7 days", "Last 30 days", "Last year"],
    any_time: "Any time",
    clear_all: "Clear all",
    place_kinds: ["Category: ", "Author: ", "Tag: "],
    remove_filter: "Remove filter",
    unread_only: "Unread only",
    starred_only: "Starred only",
    open_categories: "☰ Categories",
    loading: "Loading articles…",
    load_failed: "The articles could not be loaded",
    body_failed: "The article text cannot be shown; reload the page to try again",
    check_all: "Check them all",
    retry: "Retry",
    newer: "← Newer",
    older: "Older →",
    not_found: "Not found",
    back_to_list: "Back to all articles",
    read_original: "Read the original ↗",
    removed_for_safety: "Removed for safety: ",
    themes: ["◐ Auto", "☀ Light", "☾ Dark"],
    pages: "Pages",
    breadcrumb: "Breadcrumb",
    neighbours: "Neighbouring articles",
    keyboard: "Keyboard shortcuts",
    shortcuts: [
        ("j / k", "next / previous article"),
        ("o / Enter", "open the selected article"),
        ("Esc / u", "back to the list"),
        ("/", "search"),
        ("?", "show or hide this help"),
        ("Tab", "move between links and buttons"),
    ],
    close: "Close",
    other_language: "中文",
    text_size: ["A−", "A+"],
    starred: "★ Starred",
    star: ["☆ Star", "★ Starred"],
    export_state: "Export reading state (JSON)",
    search: "Search",
    search_placeholder: "Search titles, text, authors…",
};

impl Locale {
    /// The locale for a BCP 47 tag such as `navigator.language`: Chinese
    /// for any `zh` tag, English otherwise.
    ///
    /// ```
    /// use folio::i18n::Locale;
    /// assert_eq!(Locale::from_tag("zh-TW"), Locale::Zh);
    /// assert_eq!(Locale::from_tag("en-GB"), Locale::En);
    /// ```
    pub fn from_tag(tag: &str) -> Locale {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("zh") {
            Locale::Zh
        } else {
            Locale::En
        }
    }

    /// The tag for `lang` attributes and storage.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Zh => "zh-CN",
            Locale::En => "en",
        }
    }

    /// The other locale (the switch's target).
    pub fn other(self) -> Locale {
        match self {
            Locale::Zh => Locale::En,
            Locale::En => Locale::Zh,
        }
    }

    /// The interface strings.
    pub fn text(self) -> &'static Text {
        match self {
            Locale::Zh => &ZH,
            Locale::En => &EN,
        }
    }

    /// "N articles".
    pub fn article_count(self, n: usize) -> String {
        match self {
            Locale::Zh => format!("{n} 篇文章"),
            Locale::En if n == 1 => "1 article".to_owned(),
            Locale::En => format!("{n} articles"),
        }
    }

    /// Reading time.
    pub fn reading_time(self, minutes: u32) -> String {
        match self {
            Locale::Zh => format!("阅读 {minutes} 分钟"),
            Locale::En => format!("{minutes} min read"),
        }
    }

    /// How many articles of the bundle could not be read (malformed, or in
    /// a shard that could not be fetched).
    pub fn skipped(self, n: usize) -> String {
        match self {
            Locale::Zh => format!("此文章包中有 {n} 篇文章无法读取，已跳过"),
            Locale::En => format!("{n} articles in this bundle could not be read and were skipped"),
        }
    }

    /// While a split bundle's older articles are still arriving.
    pub fn loading_more(self, n: usize) -> String {
        match self {
            Locale::Zh => format!("正在载入其余 {n} 篇较早的文章…"),
            Locale::En => format!("Loading {n} older articles…"),
        }
    }

    /// How many articles a search found.
    pub fn matches(self, n: usize) -> String {
        match self {
            Locale::Zh => format!("找到 {n} 篇文章"),
            Locale::En if n == 1 => "1 match".to_owned(),
            Locale::En => format!("{n} matches"),
        }
    }

    /// While the search index is built: results so far cover `done` of
    /// `total` articles.
    pub fn indexing(self, done: usize, total: usize) -> String {
        match self {
            Locale::Zh => format!("正在建立搜索索引：已完成 {done} / {total} 篇，结果尚不完整"),
            Locale::En => format!(
                "Preparing search: {done} of {total} articles so far, results are incomplete"
            ),
        }
    }

    /// When a split bundle's search has more articles to check on their
    /// bodies than its first results needed (or is checking them).
    pub fn checking(self, unchecked: usize) -> String {
        match self {
            Locale::Zh => format!("还有 {unchecked} 篇文章可能匹配，需读取正文核对"),
            Locale::En => {
                format!("{unchecked} more articles may match: their text is not checked yet.")
            }
        }
    }

    /// When the search module cannot be loaded (`reason` in English).
    pub fn search_failed(self, reason: &str) -> String {
        match self {
            Locale::Zh => format!("搜索不可用：{reason}"),
            Locale::En => format!("Search is unavailable: {reason}"),
        }
    }

    /// Pager position: "1–50 of 10000".
    pub fn range(self, start: usize, end: usize, total: usize) -> String {
        match self {
            Locale::Zh => format!("第 {start}–{end} 篇，共 {total} 篇"),
            Locale::En => format!("{start}–{end} of {total}"),
        }
    }

    /// The not-found message for an article id or an unknown page.
    pub fn nothing_here(self, what: Option<&str>) -> String {
        match (self, what) {
            (Locale::Zh, Some(id)) => format!("此文章包中没有文章 {id}。"),
            (Locale::Zh, None) => "没有这个页面。".to_owned(),
            (Locale::En, Some(id)) => format!("There is no article {id} in this bundle."),
            (Locale::En, None) => "There is no such page.".to_owned(),
        }
    }

    /// A recent article's age, or `None` when a date should be shown.
    pub fn age(self, age: Age) -> Option<String> {
        match self {
            Locale::Zh => age.chinese(),
            Locale::En => age.english(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_from_browser_tags() {
        for (tag, locale) in [
            ("zh", Locale::Zh),
            ("zh-CN", Locale::Zh),
            ("ZH_hant", Locale::Zh),
            ("en-US", Locale::En),
            ("ja", Locale::En),
            ("", Locale::En),
        ] {
            assert_eq!(Locale::from_tag(tag), locale, "{tag}");
        }
    }

    #[test]
    fn counts_read_naturally() {
        assert_eq!(Locale::En.article_count(1), "1 article");
        assert_eq!(Locale::En.article_count(4), "4 articles");
        assert_eq!(Locale::Zh.article_count(4), "4 篇文章");
        assert_eq!(Locale::Zh.reading_time(3), "阅读 3 分钟");
        assert_eq!(Locale::En.range(1, 50, 120), "1–50 of 120");
        assert_eq!(Locale::Zh.age(Age::Hours(3)).as_deref(), Some("3 小时前"));
    }

    #[test]
    fn both_locales_name_each_other() {
        assert_eq!(Locale::Zh.text().other_language, "English");
        assert_eq!(Locale::En.text().other_language, "中文");
        assert_eq!(Locale::Zh.other(), Locale::En);
    }
}
