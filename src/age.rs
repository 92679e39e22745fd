//! How long ago an article appeared, for list rows ("3 hours ago").

/// An article's age, coarse enough to read at a glance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Age {
    /// Less than a minute, or a date slightly in the future (clock skew).
    JustNow,
    /// Whole minutes, under an hour.
    Minutes(u32),
    /// Whole hours, under a day.
    Hours(u32),
    /// Whole days, under a week.
    Days(u32),
    /// A week or more: show the date instead.
    Older,
}

/// The age of something published at `then_ms` when it is `now_ms`
/// (milliseconds since the Unix epoch).
pub fn age(then_ms: f64, now_ms: f64) -> Age {
    let minutes = ((now_ms - then_ms) / 60_000.0).floor();
    if minutes < 1.0 {
        Age::JustNow
    } else if minutes < 60.0 {
        Age::Minutes(minutes as u32)
    } else if minutes < 60.0 * 24.0 {
        Age::Hours((minutes / 60.0) as u32)
    } else if minutes < 60.0 * 24.0 * 7.0 {
        Age::Days((minutes / (60.0 * 24.0)) as u32)
    } else {
        Age::Older
    }
}

impl Age {
    /// The age in English, or `None` for [`Age::Older`].
    pub fn english(self) -> Option<String> {
        let plural =
            |n: u32, unit: &str| format!("{n} {unit}{} ago", if n == 1 { "" } else { "s" });
        match self {
            Age::JustNow => Some("just now".to_owned()),
            Age::Minutes(n) => Some(plural(n, "minute")),
            Age::Hours(n) => Some(plural(n, "hour")),
            Age::Days(n) => Some(plural(n, "day")),
            Age::Older => None,
        }
    }

    /// The age in Simplified Chinese, or `None` for [`Age::Older`].
    pub fn chinese(self) -> Option<String> {
        match self {
            Age::JustNow => Some("刚刚".to_owned()),
            Age::Minutes(n) => Some(format!("{n} 分钟前")),
            Age::Hours(n) => Some(format!("{n} 小时前")),
            Age::Days(n) => Some(format!("{n} 天前")),
            Age::Older => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages() {
        let hour = 3_600_000.0;
        let cases = [
            (0.0, Age::JustNow, "just now", "刚刚"),
            (-hour, Age::JustNow, "just now", "刚刚"),
            (
                hour / 60.0 * 5.0,
                Age::Minutes(5),
                "5 minutes ago",
                "5 分钟前",
            ),
            (hour * 3.0, Age::Hours(3), "3 hours ago", "3 小时前"),
            (hour * 24.0, Age::Days(1), "1 day ago", "1 天前"),
        ];
        for (elapsed, expected, english, chinese) in cases {
            let got = age(1e12 - elapsed, 1e12);
            assert_eq!(got, expected);
            assert_eq!(got.english().as_deref(), Some(english));
            assert_eq!(got.chinese().as_deref(), Some(chinese));
        }
        assert_eq!(age(0.0, hour * 24.0 * 8.0), Age::Older);
        assert_eq!(Age::Older.english(), None);
    }
}
