//! The Equal Earth projection (Bojan Šavrič, Tom Patterson and Bernhard Jenny, "The Equal
//! Earth map projection", *International Journal of Geographical Information Science* 33(3),
//! 2019, published online 2018), on the unit sphere, central meridian 0°.
//!
//! With longitude `λ` and latitude `φ` in radians, the parametric latitude
//! `θ = asin(M sin φ)`, `M = √3/2`, and the paper's constants `A₁ = 1.340264`,
//! `A₂ = −0.081106`, `A₃ = 0.000893`, `A₄ = 0.003796`:
//!
//! ```text
//! x = 2√3 λ cos θ / (3 (9 A₄ θ⁸ + 7 A₃ θ⁶ + 3 A₂ θ² + A₁))
//! y = A₄ θ⁹ + A₃ θ⁷ + A₂ θ³ + A₁ θ
//! ```
//!
//! (`2√3/3 = 1/M`, and the denominator's polynomial is `dy/dθ`). It is equal-area: the area
//! scale `(∂x/∂λ)(∂y/∂φ)/cos φ` is 1 everywhere, so a region's area on the map is its area on
//! the unit sphere (the whole sphere, 4π), whatever its latitude. The equator runs from
//! `x = −π/(M A₁)` to `π/(M A₁)` (±2.7066), the poles are straight lines at
//! `y = ±y(π/3)` (±1.3173), and meridians are symmetric curves about the central one.
//! The same formula as d3-geo's `geoEqualEarthRaw` and PROJ's `eqearth` on a sphere.

/// The paper's first coefficient.
pub const A1: f64 = 1.340264;
/// The second.
pub const A2: f64 = -0.081106;
/// The third.
pub const A3: f64 = 0.000893;
/// The fourth.
pub const A4: f64 = 0.003796;
/// `√3/2`.
pub const M: f64 = 0.866_025_403_784_438_6;

/// Projects longitude and latitude, in degrees, to Equal Earth `(x, y)` on the unit sphere
/// (`y` up). Latitudes beyond ±90° are taken as ±90°; a non-finite input gives a non-finite
/// output (the caller checks).
pub fn project(lon_degrees: f64, lat_degrees: f64) -> (f64, f64) {
    let lambda = lon_degrees.to_radians();
    let phi = lat_degrees.clamp(-90.0, 90.0).to_radians();
    let theta = (M * phi.sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = lambda * theta.cos() / (M * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

/// Half the width of the map: `x` of (180°, 0°), `π/(M A₁)`.
pub fn half_width() -> f64 {
    std::f64::consts::PI / (M * A1)
}

/// Half the height of the map: `y` of the North Pole.
pub fn half_height() -> f64 {
    project(0.0, 90.0).1
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::f64::consts::PI;

    /// The paper's formula written as the paper writes it (powers of θ, `2√3/3`), apart from
    /// [`project`]'s factored form.
    fn paper(lon: f64, lat: f64) -> (f64, f64) {
        let (l, p) = (lon.to_radians(), lat.to_radians());
        let t = (3f64.sqrt() / 2.0 * p.sin()).asin();
        let x = 2.0 * 3f64.sqrt() * l * t.cos()
            / (3.0 * (9.0 * A4 * t.powi(8) + 7.0 * A3 * t.powi(6) + 3.0 * A2 * t.powi(2) + A1));
        let y = A4 * t.powi(9) + A3 * t.powi(7) + A2 * t.powi(3) + A1 * t;
        (x, y)
    }

    #[track_caller]
    fn close(a: f64, b: f64, tolerance: f64) {
        assert!((a - b).abs() <= tolerance, "{a} against {b}");
    }

    #[test]
    fn the_formula_as_the_paper_writes_it() {
        for lon in [-180.0, -123.4, -45.0, 0.0, 12.5, 90.0, 179.9, 180.0] {
            for lat in [-90.0, -66.6, -30.0, -1.0, 0.0, 23.4, 51.5, 89.0, 90.0] {
                let (x, y) = project(lon, lat);
                let (px, py) = paper(lon, lat);
                close(x, px, 1e-12);
                close(y, py, 1e-12);
            }
        }
        assert_eq!(M, 3f64.sqrt() / 2.0);
    }

    #[test]
    fn known_points_and_symmetry() {
        assert_eq!(project(0.0, 0.0), (0.0, 0.0));
        // The equator: x = λ/(M A₁), y = 0.
        let (x, y) = project(180.0, 0.0);
        close(x, PI / (M * A1), 1e-15);
        assert_eq!(y, 0.0);
        close(half_width(), 2.706_6, 1e-4);
        // The poles: θ = π/3, a straight line at y(π/3) of half-length cos(π/3)·π/(M·D(π/3)).
        let t = PI / 3.0;
        let top = A1 * t + A2 * t.powi(3) + A3 * t.powi(7) + A4 * t.powi(9);
        close(half_height(), top, 1e-15);
        close(half_height(), 1.317_3, 1e-4);
        for lon in [-180.0, -60.0, 0.0, 75.0, 180.0] {
            close(project(lon, 90.0).1, top, 1e-15);
        }
        let d = A1 + 3.0 * A2 * t * t + 7.0 * A3 * t.powi(6) + 9.0 * A4 * t.powi(8);
        close(project(180.0, 90.0).0, 0.5 * PI / (M * d), 1e-15);
        // Symmetric about the equator and the central meridian.
        for (lon, lat) in [(30.0, 40.0), (170.0, -10.0), (5.0, 80.0)] {
            let (x, y) = project(lon, lat);
            assert_eq!(project(-lon, lat), (-x, y));
            assert_eq!(project(lon, -lat), (x, -y));
        }
    }

    #[test]
    fn it_is_equal_area() {
        // (∂x/∂λ)(∂y/∂φ)/cos φ = 1, by central differences in radians.
        let h = 1e-6;
        for lat in [-80.0, -45.0, -10.0, 0.0, 20.0, 60.0, 85.0] {
            for lon in [-170.0, -20.0, 0.0, 100.0] {
                let dx_dl =
                    (project(lon + h, lat).0 - project(lon - h, lat).0) / (2.0 * h.to_radians());
                let dy_dp =
                    (project(lon, lat + h).1 - project(lon, lat - h).1) / (2.0 * h.to_radians());
                // x does not depend on φ through y, nor y on λ: the Jacobian is diagonal.
                assert_eq!(project(lon + h, lat).1, project(lon, lat).1);
                close(dx_dl * dy_dp / f64::cos(lat.to_radians()), 1.0, 1e-6);
            }
        }
    }
}
