"""Tests of biomech.motion.filtering: zero-lag Butterworth low-pass and central differences."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import signal

from biomech.errors import BiomechError, InputValueError, RangeError
from biomech.motion.filtering import DEFAULT_CUTOFF_HZ, check_time, cutoff_correction, derivative, lowpass


def test_cutoff_correction_matches_winter():
    # Winter 2009, ch. 2: a 2nd-order Butterworth run twice has its -3 dB point at 0.802 of
    # the design frequency, C = (2**(1/2) - 1)**(1/4).
    assert cutoff_correction(2, 2) == pytest.approx(0.8022, abs=1e-4)
    assert cutoff_correction(4, 1) == pytest.approx(1.0)


def test_corrected_filter_is_minus_3_db_at_the_cutoff():
    # the whole two-pass filter's gain at the requested cutoff is 1/sqrt(2) (-3 dB) with the
    # correction, and 1/2 (-6 dB) without it (gain of one pass squared). Winter's factor is
    # derived for the analog prototype; the digital filter's frequency warping (bilinear
    # transform) moves the corrected gain by about 0.5 % at fc/fs = 0.05, hence rel=1e-2.
    fs, fc = 200.0, 10.0
    for correct, expected in ((True, 1 / np.sqrt(2)), (False, 0.5)):
        design = fc / cutoff_correction(2, 2) if correct else fc
        b, a = signal.butter(2, design / (fs / 2))
        _, h = signal.freqz(b, a, worN=[fc], fs=fs)
        assert abs(h[0]) ** 2 == pytest.approx(expected, rel=1e-2)
    # and the filter itself: a sine at the cutoff comes out at 1/sqrt(2) of its amplitude
    t = np.arange(4000) / fs
    y = lowpass(np.sin(2 * np.pi * fc * t), fs, fc)
    amp = np.sqrt(2) * np.sqrt(np.mean(y[500:-500] ** 2))
    assert amp == pytest.approx(1 / np.sqrt(2), rel=1e-2)
    assert abs(amp - 0.5) > 0.15          # clearly not the uncorrected -6 dB


def test_lowpass_has_no_lag_and_removes_noise():
    fs = 200.0
    t = np.arange(400) / fs
    clean = np.sin(2 * np.pi * 1.5 * t)
    noisy = clean + 0.05 * np.random.default_rng(3).standard_normal(t.size)
    y = lowpass(noisy, fs, 6.0)
    inner = slice(40, -40)
    assert np.sqrt(np.mean((y - clean)[inner] ** 2)) < 0.02
    # zero lag: the peak of the filtered sine sits where the clean one does
    y0 = lowpass(clean, fs, 6.0)
    assert np.argmax(y0[:100]) == np.argmax(clean[:100])


def test_lowpass_axis_and_shape():
    fs = 100.0
    x = np.random.default_rng(0).standard_normal((3, 200, 2))
    y = lowpass(x, fs, 10.0, axis=1)
    assert y.shape == x.shape
    np.testing.assert_allclose(y[1, :, 0], lowpass(x[1, :, 0], fs, 10.0))


def test_lowpass_errors_name_the_argument():
    x = np.zeros(100)
    with pytest.raises(RangeError, match=r"cutoff=50 Hz is at or above the Nyquist frequency fs/2 = 50 Hz"):
        lowpass(x, 100.0, 50.0)
    with pytest.raises(RangeError, match="two-pass correction"):
        lowpass(x, 100.0, 45.0)          # 45/0.802 = 56 Hz > Nyquist
    with pytest.raises(RangeError, match="cutoff=-1"):
        lowpass(x, 100.0, -1.0)
    with pytest.raises(RangeError, match="fs=0"):
        lowpass(x, 0.0, 5.0)
    with pytest.raises(InputValueError, match=r"x has 9 samples .* needs more than 9 samples"):
        lowpass(np.zeros(9), 100.0, 5.0)
    gap = np.sin(np.arange(100.0))
    gap[40:43] = np.nan
    with pytest.raises(InputValueError, match=r"NaN or infinite gap at samples 40\.\.42"):
        lowpass(gap, 100.0, 5.0)
    with pytest.raises(InputValueError, match="axis=3 is out of range"):
        lowpass(np.zeros((50, 2)), 100.0, 5.0, axis=3)


def test_derivative_exact_on_polynomials_nonuniform():
    # central differences are exact for quadratics, even on a non-uniform grid
    t = np.cumsum(np.random.default_rng(1).uniform(0.005, 0.02, 60))
    x = 3.0 - 2.0 * t + 4.5 * t ** 2
    np.testing.assert_allclose(derivative(x, t), -2.0 + 9.0 * t, atol=1e-9)
    np.testing.assert_allclose(derivative(x, t, order=2), 9.0, atol=1e-7)


def test_derivative_of_sine_converges():
    t = np.arange(0, 1, 0.001)
    x = np.sin(2 * np.pi * t)
    a = derivative(x, t, order=2)
    # second-order accurate: error ~ (2 pi)^4 h^2 / 12 = 1.3e-4
    assert np.max(np.abs(a - (-(2 * np.pi) ** 2 * x))[1:-1]) < 2e-4


@settings(max_examples=40, deadline=None)
@given(st.floats(-5, 5), st.floats(-5, 5), st.integers(5, 50))
def test_derivative_of_linear_signal_is_its_slope(c0, c1, n):
    t = np.linspace(0.0, 2.0, n)
    x = np.stack([c0 + c1 * t, -c1 * t], axis=1)
    np.testing.assert_allclose(derivative(x, t), np.tile([c1, -c1], (n, 1)), atol=1e-9)
    np.testing.assert_allclose(derivative(x, t, order=2), 0.0, atol=1e-7)


def test_time_must_increase():
    with pytest.raises(InputValueError, match=r"t is not strictly increasing: t\[2\]=0.02 and t\[3\]=0.015"):
        derivative(np.zeros(5), [0.0, 0.01, 0.02, 0.015, 0.03])
    with pytest.raises(InputValueError, match="t holds NaN"):
        check_time([0.0, np.nan, 1.0])
    with pytest.raises(InputValueError, match="x has 4 samples along axis 0 but t has 5"):
        derivative(np.zeros(4), np.arange(5.0))
    with pytest.raises(RangeError, match="order=3"):
        derivative(np.zeros(5), np.arange(5.0), order=3)
    with pytest.raises(InputValueError, match="at least 3"):
        derivative(np.zeros(2), np.arange(2.0), order=2)


def test_errors_are_biomech_errors():
    with pytest.raises(BiomechError):
        lowpass("abc", 100.0, 5.0)
    with pytest.raises(BiomechError):
        check_time(np.zeros((2, 2)))


def test_default_cutoff_is_documented_value():
    # chosen from the ISB cutoff study (docs/validation_inverse_dynamics.md); see test_gaitlab
    assert DEFAULT_CUTOFF_HZ == 12.0
