//! Cells marked row by row: what a frame may have changed, or what panes kept from the
//! last frame cover. A frame marks a few rectangles; reading them back gives each row's
//! marked columns once, in order, however the rectangles overlapped.

use ratatui::layout::Rect;

pub struct Marks {
    area: Rect,
    /// Per row, `[start, end)` column spans; sorted and merged by [`Marks::tidy`].
    rows: Vec<Vec<(u16, u16)>>,
}

impl Marks {
    pub fn new(area: Rect) -> Self {
        Self {
            area,
            rows: vec![Vec::new(); usize::from(area.height)],
        }
    }

    pub fn clear(&mut self) {
        self.rows.iter_mut().for_each(Vec::clear);
    }

    /// Marks the cells of `rect` that are inside the area.
    pub fn mark(&mut self, rect: Rect) {
        let rect = rect.intersection(self.area);
        if rect.is_empty() {
            return;
        }
        for y in rect.top()..rect.bottom() {
            self.rows[usize::from(y - self.area.y)].push((rect.left(), rect.right()));
        }
    }

    /// Sorts each row's spans and merges those that overlap or touch.
    pub fn tidy(&mut self) {
        for row in &mut self.rows {
            if row.len() < 2 {
                continue;
            }
            row.sort_unstable();
            let mut merged = 0;
            for i in 1..row.len() {
                let (start, end) = row[i];
                if start <= row[merged].1 {
                    row[merged].1 = row[merged].1.max(end);
                } else {
                    merged += 1;
                    row[merged] = (start, end);
                }
            }
            row.truncate(merged + 1);
        }
    }

    /// `(y, start, end)` for every marked span, top to bottom, left to right; call
    /// [`Marks::tidy`] first.
    pub fn spans(&self) -> impl Iterator<Item = (u16, u16, u16)> + '_ {
        let top = self.area.y;
        self.rows
            .iter()
            .zip(top..)
            .flat_map(|(row, y)| row.iter().map(move |&(start, end)| (y, start, end)))
    }

    /// `(y, start, end)` for every span of the area that is not marked; call
    /// [`Marks::tidy`] first.
    pub fn gaps(&self) -> impl Iterator<Item = (u16, u16, u16)> + '_ {
        let (left, right) = (self.area.left(), self.area.right());
        self.rows
            .iter()
            .zip(self.area.y..)
            .flat_map(move |(row, y)| {
                let starts = std::iter::once(left).chain(row.iter().map(|&(_, end)| end));
                let ends = row
                    .iter()
                    .map(|&(start, _)| start)
                    .chain(std::iter::once(right));
                starts
                    .zip(ends)
                    .filter(|(start, end)| start < end)
                    .map(move |(start, end)| (y, start, end))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_and_touching_rectangles_read_back_as_one_span_per_run_of_cells() {
        let mut marks = Marks::new(Rect::new(0, 0, 10, 2));
        marks.mark(Rect::new(5, 0, 3, 1));
        marks.mark(Rect::new(1, 0, 2, 2));
        marks.mark(Rect::new(3, 0, 1, 1));
        marks.mark(Rect::new(6, 0, 20, 1));
        marks.tidy();
        let spans: Vec<_> = marks.spans().collect();
        assert_eq!(spans, [(0, 1, 4), (0, 5, 10), (1, 1, 3)]);
        let gaps: Vec<_> = marks.gaps().collect();
        assert_eq!(gaps, [(0, 0, 1), (0, 4, 5), (1, 0, 1), (1, 3, 10)]);
    }
}
