package io.gatehouse.engine.expr.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * C# {@code decimal} arithmetic on {@link BigDecimal}: 96-bit magnitude, scale 0..28, results rounded to the 28–29
 * significant digits .NET keeps; scale preserved as .NET does ({@code 1.10m * 2} is {@code 2.20m}).
 */
public final class CsDecimal {
  /** {@code decimal.MaxValue}. */
  public static final BigDecimal MAX_VALUE = new BigDecimal("79228162514264337593543950335");
  /** {@code decimal.MinValue}. */
  public static final BigDecimal MIN_VALUE = MAX_VALUE.negate();
  private static final BigInteger MAX_UNSCALED = MAX_VALUE.toBigInteger();
  private static final int MAX_SCALE = 28;

  private CsDecimal() {}

  /** Brings a value into decimal range: scale ≤ 28, unscaled magnitude < 2^96 (rounding half to even), else overflow. */
  public static BigDecimal normalize(BigDecimal v) {
    BigDecimal r = v;
    if (r.scale() < 0) {
      r = r.setScale(0);
    }
    if (r.abs().compareTo(MAX_VALUE) > 0) {
      throw CsException.overflow("Decimal");
    }
    if (r.scale() > MAX_SCALE) {
      r = r.setScale(MAX_SCALE, RoundingMode.HALF_EVEN);
    }
    while (r.unscaledValue().abs().compareTo(MAX_UNSCALED) > 0 && r.scale() > 0) {
      r = r.setScale(r.scale() - 1, RoundingMode.HALF_EVEN);
    }
    return r;
  }

  /** {@code a + b}. */
  public static BigDecimal add(BigDecimal a, BigDecimal b) {
    return normalize(a.add(b));
  }

  /** {@code a - b}. */
  public static BigDecimal subtract(BigDecimal a, BigDecimal b) {
    return normalize(a.subtract(b));
  }

  /** {@code a * b}. */
  public static BigDecimal multiply(BigDecimal a, BigDecimal b) {
    return normalize(a.multiply(b));
  }

  /** {@code a / b}: exact quotients keep scale max(sa − sb, 0) at least; others get 28–29 significant digits. */
  public static BigDecimal divide(BigDecimal a, BigDecimal b) {
    if (b.signum() == 0) {
      throw CsException.divideByZero();
    }
    int preferred = Math.max(a.scale() - b.scale(), 0);
    BigDecimal q;
    try {
      q = a.divide(b, new MathContext(40, RoundingMode.UNNECESSARY));
      q = q.stripTrailingZeros();
      if (q.scale() < preferred) {
        q = q.setScale(preferred);
      }
    } catch (ArithmeticException inexact) {
      q = a.divide(b, new MathContext(29, RoundingMode.HALF_EVEN));
    }
    return normalize(q);
  }

  /** {@code a % b} (sign of the dividend). */
  public static BigDecimal remainder(BigDecimal a, BigDecimal b) {
    if (b.signum() == 0) {
      throw CsException.divideByZero();
    }
    return normalize(a.remainder(b));
  }

  /** {@code (decimal)double} / {@code Convert.ToDecimal(double)}: rounded to 15 significant digits, as .NET does. */
  public static BigDecimal fromDouble(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d) || Math.abs(d) > 7.9228162514264337593543950335E28) {
      throw CsException.overflow("Decimal");
    }
    if (d == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal r = new BigDecimal(d).round(new MathContext(15, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    return normalize(r);
  }

  /** {@code (double)decimal}. */
  public static double toDouble(BigDecimal d) {
    return d.doubleValue();
  }

  /** {@code (long)decimal}: truncates; overflow → OverflowException. */
  public static long toLong(BigDecimal d) {
    BigInteger i = d.toBigInteger();
    if (i.bitLength() > 63) {
      throw CsException.overflow("Int64");
    }
    return i.longValue();
  }

  /** {@code (int)decimal}: truncates; overflow → OverflowException. */
  public static int toInt(BigDecimal d) {
    BigInteger i = d.toBigInteger();
    if (!CsParse.fitsInt(i)) {
      throw CsException.overflow("Int32");
    }
    return i.intValue();
  }

  /** Value equality ({@code 1.0m == 1.00m}). */
  public static boolean equal(BigDecimal a, BigDecimal b) {
    return a.compareTo(b) == 0;
  }
}
