//! A units × columns table of optional numbers: the shape every pipeline step reads and writes.

/// A dense, column-major table of optional values: one row per unit, one column per indicator
/// (or framework node).
///
/// Missing values are explicit in the API (`Option<f64>`). Internally a missing value is stored
/// as NaN so that columns are plain `f64` slices that the steps can scan quickly; the
/// constructors and setters never let a NaN or infinity in as a *value*, so NaN means "missing"
/// and nothing else.
#[derive(Debug, Clone, PartialEq)]
pub struct Matrix {
    rows: usize,
    cols: usize,
    data: Vec<f64>,
}

impl Matrix {
    /// A table of `rows × cols` missing values.
    pub fn missing(rows: usize, cols: usize) -> Self {
        Matrix {
            rows,
            cols,
            data: vec![f64::NAN; rows.saturating_mul(cols)],
        }
    }

    /// A table from raw column-major data (NaN = missing; callers must not pass infinities);
    /// all missing if `data` does not have `rows × cols` values.
    pub(crate) fn from_columns(rows: usize, cols: usize, data: Vec<f64>) -> Self {
        if data.len() == rows.saturating_mul(cols) {
            Matrix { rows, cols, data }
        } else {
            Matrix::missing(rows, cols)
        }
    }

    /// The column-major values, to reuse the allocation.
    pub(crate) fn into_data(self) -> Vec<f64> {
        self.data
    }

    /// Number of rows (units).
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Number of columns.
    pub fn cols(&self) -> usize {
        self.cols
    }

    /// The value at `(row, col)`, `None` if missing or out of bounds.
    pub fn get(&self, row: usize, col: usize) -> Option<f64> {
        if row >= self.rows || col >= self.cols {
            return None;
        }
        // In range: row < rows and col < cols, so the index is below rows × cols = data.len().
        self.data
            .get(col * self.rows + row)
            .copied()
            .filter(|v| v.is_finite())
    }

    /// Sets `(row, col)`. A non-finite value is stored as missing; out-of-bounds is ignored.
    pub fn set(&mut self, row: usize, col: usize, value: Option<f64>) {
        if row >= self.rows || col >= self.cols {
            return;
        }
        if let Some(slot) = self.data.get_mut(col * self.rows + row) {
            *slot = match value {
                Some(v) if v.is_finite() => v,
                _ => f64::NAN,
            };
        }
    }

    /// Column `col` as optional values (empty when out of bounds).
    pub fn column(&self, col: usize) -> impl ExactSizeIterator<Item = Option<f64>> + '_ {
        self.col_raw(col)
            .iter()
            .map(|v| v.is_finite().then_some(*v))
    }

    /// Row `row` as optional values, one per column.
    pub fn row(&self, row: usize) -> impl ExactSizeIterator<Item = Option<f64>> + '_ {
        (0..self.cols).map(move |c| self.get(row, c))
    }

    /// Number of present values in column `col`.
    pub fn present_in_column(&self, col: usize) -> usize {
        self.col_raw(col).iter().filter(|v| v.is_finite()).count()
    }

    /// Raw column slice; NaN marks a missing value.
    pub(crate) fn col_raw(&self, col: usize) -> &[f64] {
        if col >= self.cols {
            return &[];
        }
        // col < cols, so the range is within data (rows × cols values) and cannot overflow.
        self.data
            .get(col * self.rows..(col + 1) * self.rows)
            .unwrap_or(&[])
    }

    /// Mutable raw column slice. Callers must only write finite values or NaN.
    pub(crate) fn col_raw_mut(&mut self, col: usize) -> &mut [f64] {
        if col >= self.cols {
            return &mut [];
        }
        let rows = self.rows;
        self.data
            .get_mut(col * rows..(col + 1) * rows)
            .unwrap_or(&mut [])
    }
}

/// Replaces non-finite results of arithmetic by NaN (missing), so that no infinity escapes.
#[inline]
pub(crate) fn finite_or_missing(v: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        f64::NAN
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_and_set() {
        let mut m = Matrix::missing(2, 3);
        assert_eq!(m.get(1, 2), None);
        m.set(1, 2, Some(4.0));
        assert_eq!(m.get(1, 2), Some(4.0));
        m.set(1, 2, Some(f64::INFINITY));
        assert_eq!(m.get(1, 2), None, "infinity is never stored as a value");
        m.set(5, 5, Some(1.0));
        assert_eq!(m.get(5, 5), None);
        assert_eq!(m.present_in_column(2), 0);
    }
}
