//! How well the checker does on a labelled corpus: the share of why-questions
//! and blame lines it catches, and of neutral lines (hard negatives apart) it
//! wrongly flags. A corpus is a TSV file, `LABEL<TAB>text<TAB>category`, with
//! labels `why`, `blame` and `ok`; lines starting with `#` are comments, and
//! categories starting with `hard-neg` mark neutral lines built to look judgmental.

use std::collections::BTreeMap;
use std::fmt;

use super::Checker;

/// What a corpus line should get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Why,
    Blame,
    Ok,
}

/// One labelled line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusLine {
    /// 1-based line number in the file.
    pub line: usize,
    pub label: Label,
    pub text: String,
    pub category: String,
}

impl CorpusLine {
    pub fn is_hard_negative(&self) -> bool {
        self.label == Label::Ok && self.category.starts_with("hard-neg")
    }
}

/// Reads a corpus; an unreadable line is an error naming its number.
pub fn parse_corpus(text: &str) -> Result<Vec<CorpusLine>, String> {
    let mut lines = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let mut fields = raw.split('\t');
        let (Some(label), Some(body)) = (fields.next(), fields.next()) else {
            return Err(format!(
                "line {}: expected LABEL<TAB>text<TAB>category",
                index + 1
            ));
        };
        let label = match label {
            "why" => Label::Why,
            "blame" => Label::Blame,
            "ok" => Label::Ok,
            other => return Err(format!("line {}: unknown label {other:?}", index + 1)),
        };
        lines.push(CorpusLine {
            line: index + 1,
            label,
            text: body.to_owned(),
            category: fields.next().unwrap_or("").to_owned(),
        });
    }
    Ok(lines)
}

/// `hit` of `total`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rate {
    pub hit: usize,
    pub total: usize,
}

impl Rate {
    /// Percentage (0 for an empty set).
    pub fn percent(self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            100.0 * self.hit as f64 / self.total as f64
        }
    }

    fn count(&mut self, hit: bool) {
        self.total += 1;
        self.hit += usize::from(hit);
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:5.1} % ({}/{})", self.percent(), self.hit, self.total)
    }
}

/// The corpus figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    pub why_caught: Rate,
    pub blame_caught: Rate,
    /// Every `ok` line, hard negatives included.
    pub neutral_flagged: Rate,
    pub hard_negatives_flagged: Rate,
    /// Flagged share per category.
    pub by_category: BTreeMap<String, Rate>,
}

/// Runs `checker` over `lines`.
pub fn measure(checker: &Checker, lines: &[CorpusLine]) -> Figures {
    let mut figures = Figures::default();
    for line in lines {
        let flagged = checker.check(&line.text).is_flagged();
        match line.label {
            Label::Why => figures.why_caught.count(flagged),
            Label::Blame => figures.blame_caught.count(flagged),
            Label::Ok => {
                figures.neutral_flagged.count(flagged);
                if line.is_hard_negative() {
                    figures.hard_negatives_flagged.count(flagged);
                }
            }
        }
        figures
            .by_category
            .entry(line.category.clone())
            .or_default()
            .count(flagged);
    }
    figures
}

impl fmt::Display for Figures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "why-questions caught    {}", self.why_caught)?;
        writeln!(f, "blame caught            {}", self.blame_caught)?;
        writeln!(f, "neutral lines flagged   {}", self.neutral_flagged)?;
        writeln!(f, "  hard negatives        {}", self.hard_negatives_flagged)?;
        writeln!(f, "flagged, by category:")?;
        for (category, rate) in &self.by_category {
            writeln!(f, "  {category:<24} {rate}")?;
        }
        Ok(())
    }
}
