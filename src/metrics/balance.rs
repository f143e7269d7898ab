//! Equality of participation (Woolley et al. 2010: "equality in distribution of
//! conversational turn-taking" predicts collective intelligence; Google's Project Aristotle).
//!
//! Over a set of n people with amounts x (talk seconds or turns):
//! - **Gini** = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² μ), 0 = perfectly equal, (n−1)/n = one person did
//!   everything; 0 when nobody spoke.
//! - **Evenness** (normalised Shannon entropy) = H / ln n with H = −Σ pᵢ ln pᵢ, pᵢ = xᵢ/Σx
//!   (0 ln 0 = 0): 1 = perfectly even, 0 = one person. Undefined for n < 2.
//! - **Max share** vs **equal share** 1/n.
//!
//! The set is either the people who spoke (`covers: "speakers"`) or, with `--attendee`, the
//! roster plus anyone else who spoke (`covers: "roster"`), where attendees who never spoke
//! count with zero: silent invitees are invisible to indices over speakers only, which then
//! overstate equality.

/// Gini coefficient of non-negative amounts.
pub fn gini(xs: &[f64]) -> f64 {
    let n = xs.len() as f64;
    let sum: f64 = xs.iter().sum();
    if xs.is_empty() || sum <= 0.0 {
        return 0.0;
    }
    let mut sorted = xs.to_vec();
    sorted.sort_by(f64::total_cmp);
    // Σᵢ Σⱼ |xᵢ − xⱼ| = 2 Σᵢ (2i − n + 1) x₍ᵢ₎ over the sorted values (0-based i).
    let s: f64 = sorted
        .iter()
        .enumerate()
        .map(|(i, x)| (2.0 * i as f64 - n + 1.0) * x)
        .sum();
    (2.0 * s) / (2.0 * n * sum)
}

/// Normalised Shannon evenness H / ln n; `None` for fewer than two people or no amount.
pub fn evenness(xs: &[f64]) -> Option<f64> {
    let sum: f64 = xs.iter().sum();
    if xs.len() < 2 || sum <= 0.0 {
        return None;
    }
    let h: f64 = xs
        .iter()
        .filter(|&&x| x > 0.0)
        .map(|x| {
            let p = x / sum;
            -p * p.ln()
        })
        .sum();
    Some(h / (xs.len() as f64).ln())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_computed() {
        assert_eq!(gini(&[1.0, 1.0, 1.0]), 0.0);
        assert!((gini(&[0.0, 0.0, 3.0]) - 2.0 / 3.0).abs() < 1e-12);
        // |1-3| = 2, pairs counted twice: 4 / (2 * 4 * 2) = 0.25
        assert!((gini(&[1.0, 3.0]) - 0.25).abs() < 1e-12);
        assert_eq!(evenness(&[2.0, 2.0]), Some(1.0));
        assert_eq!(evenness(&[0.0, 5.0]), Some(0.0));
        assert_eq!(evenness(&[5.0]), None);
        // p = 0.25, 0.75: H = 0.5623351446; / ln 2 = 0.8112781245
        assert!((evenness(&[1.0, 3.0]).unwrap() - 0.811_278_124_459_132_8).abs() < 1e-12);
    }
}
