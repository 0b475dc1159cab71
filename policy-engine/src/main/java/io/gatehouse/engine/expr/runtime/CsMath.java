package io.gatehouse.engine.expr.runtime;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code System.Math}: {@code Round} (to even by default, {@code MidpointRounding.AwayFromZero} on request),
 * {@code Floor}, {@code Ceiling}, {@code Truncate}, {@code Abs}, {@code Max}, {@code Min}, {@code Pow}, {@code Sqrt},
 * {@code Sign}, {@code Log}, {@code Exp} for double and decimal.
 */
public final class CsMath {
  /** {@code Math.PI}. */
  public static final double PI = Math.PI;
  /** {@code Math.E}. */
  public static final double E = Math.E;

  private CsMath() {}

  /** {@code MidpointRounding} values; ordinal order matches .NET. */
  public enum MidpointRounding { ToEven, AwayFromZero, ToZero, ToNegativeInfinity, ToPositiveInfinity }

  /** {@code Math.Round(double)}: half to even ({@code Round(2.5)} is 2). */
  public static double round(double d) {
    return Math.rint(d);
  }

  /** {@code Math.Round(double, MidpointRounding)}. */
  public static double round(double d, MidpointRounding mode) {
    return round(d, 0, mode);
  }

  /** {@code Math.Round(double, int digits)}: half to even at {@code digits} decimals. */
  public static double round(double d, int digits) {
    return round(d, digits, MidpointRounding.ToEven);
  }

  /** {@code Math.Round(double, int, MidpointRounding)}; digits 0..15 else ArgumentOutOfRangeException. */
  public static double round(double d, int digits, MidpointRounding mode) {
    if (digits < 0 || digits > 15) {
      throw CsException.argumentOutOfRange("digits", "Rounding digits must be between 0 and 15, inclusive.");
    }
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return d;
    }
    if (Math.abs(d) >= 1e16) {
      return d;
    }
    // .NET scales by a power of ten in double arithmetic before rounding
    double power = Math.pow(10, digits);
    double scaled = d * power;
    double r;
    switch (mode) {
      case ToEven -> r = Math.rint(scaled);
      case AwayFromZero -> {
        double fraction = scaled - (long) scaled;
        r = Math.abs(fraction) >= 0.5 ? (long) scaled + Math.signum(scaled) : (long) scaled;
      }
      case ToZero -> r = (long) scaled;
      case ToNegativeInfinity -> r = Math.floor(scaled);
      default -> r = Math.ceil(scaled);
    }
    return r / power;
  }

  /** {@code Math.Round(decimal)}: half to even. */
  public static BigDecimal round(BigDecimal d) {
    return round(d, 0, MidpointRounding.ToEven);
  }

  /** {@code Math.Round(decimal, int)}. */
  public static BigDecimal round(BigDecimal d, int decimals) {
    return round(d, decimals, MidpointRounding.ToEven);
  }

  /** {@code Math.Round(decimal, int, MidpointRounding)}: result keeps scale min(scale, decimals). */
  public static BigDecimal round(BigDecimal d, int decimals, MidpointRounding mode) {
    if (decimals < 0 || decimals > 28) {
      throw CsException.argumentOutOfRange("decimals", "Decimal can only round to between 0 and 28 digits of precision.");
    }
    if (d.scale() <= decimals) {
      return d;
    }
    RoundingMode rm = switch (mode) {
      case ToEven -> RoundingMode.HALF_EVEN;
      case AwayFromZero -> RoundingMode.HALF_UP;
      case ToZero -> RoundingMode.DOWN;
      case ToNegativeInfinity -> RoundingMode.FLOOR;
      case ToPositiveInfinity -> RoundingMode.CEILING;
    };
    return d.setScale(decimals, rm);
  }

  /** {@code Math.Floor(double)}. */
  public static double floor(double d) {
    return Math.floor(d);
  }

  /** {@code Math.Floor(decimal)}. */
  public static BigDecimal floor(BigDecimal d) {
    return d.setScale(0, RoundingMode.FLOOR);
  }

  /** {@code Math.Ceiling(double)}. */
  public static double ceiling(double d) {
    return Math.ceil(d);
  }

  /** {@code Math.Ceiling(decimal)}. */
  public static BigDecimal ceiling(BigDecimal d) {
    return d.setScale(0, RoundingMode.CEILING);
  }

  /** {@code Math.Truncate(double)}. */
  public static double truncate(double d) {
    return d < 0 ? Math.ceil(d) : Math.floor(d);
  }

  /** {@code Math.Truncate(decimal)}. */
  public static BigDecimal truncate(BigDecimal d) {
    return d.setScale(0, RoundingMode.DOWN);
  }

  /** {@code Math.Abs(int)}; {@code int.MinValue} → OverflowException. */
  public static int abs(int v) {
    if (v == Integer.MIN_VALUE) {
      throw new CsException("OverflowException", "Negating the minimum value of a twos complement number is invalid.");
    }
    return Math.abs(v);
  }

  /** {@code Math.Abs(long)}. */
  public static long abs(long v) {
    if (v == Long.MIN_VALUE) {
      throw new CsException("OverflowException", "Negating the minimum value of a twos complement number is invalid.");
    }
    return Math.abs(v);
  }

  /** {@code Math.Abs(double)}. */
  public static double abs(double v) {
    return Math.abs(v);
  }

  /** {@code Math.Abs(decimal)}. */
  public static BigDecimal abs(BigDecimal v) {
    return v.abs();
  }

  /** {@code Math.Max(int, int)}. */
  public static int max(int a, int b) {
    return Math.max(a, b);
  }

  /** {@code Math.Max(long, long)}. */
  public static long max(long a, long b) {
    return Math.max(a, b);
  }

  /** {@code Math.Max(double, double)} (NaN if either is NaN). */
  public static double max(double a, double b) {
    return Math.max(a, b);
  }

  /** {@code Math.Max(decimal, decimal)}. */
  public static BigDecimal max(BigDecimal a, BigDecimal b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** {@code Math.Min(int, int)}. */
  public static int min(int a, int b) {
    return Math.min(a, b);
  }

  /** {@code Math.Min(long, long)}. */
  public static long min(long a, long b) {
    return Math.min(a, b);
  }

  /** {@code Math.Min(double, double)}. */
  public static double min(double a, double b) {
    return Math.min(a, b);
  }

  /** {@code Math.Min(decimal, decimal)}. */
  public static BigDecimal min(BigDecimal a, BigDecimal b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** {@code Math.Pow}. */
  public static double pow(double x, double y) {
    return Math.pow(x, y);
  }

  /** {@code Math.Sqrt}. */
  public static double sqrt(double x) {
    return Math.sqrt(x);
  }

  /** {@code Math.Log} (natural). */
  public static double log(double x) {
    return Math.log(x);
  }

  /** {@code Math.Log10}. */
  public static double log10(double x) {
    return Math.log10(x);
  }

  /** {@code Math.Exp}. */
  public static double exp(double x) {
    return Math.exp(x);
  }

  /** {@code Math.Sign(double)}; NaN → ArithmeticException. */
  public static int sign(double x) {
    if (Double.isNaN(x)) {
      throw new CsException("ArithmeticException", "Function does not accept floating point Not-a-Number values.");
    }
    return x > 0 ? 1 : x < 0 ? -1 : 0;
  }

  /** {@code Math.Sign(long)} (covers int). */
  public static int sign(long x) {
    return Long.signum(x);
  }
}
