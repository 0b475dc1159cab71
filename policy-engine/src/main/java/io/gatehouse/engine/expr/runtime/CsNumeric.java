package io.gatehouse.engine.expr.runtime;

import java.math.BigDecimal;

/**
 * C# numeric operator and cast semantics that Java does not share: integral division/remainder by zero throw
 * {@code DivideByZeroException}, explicit {@code (int)}/{@code (long)} casts of doubles truncate with the x64 .NET
 * result for out-of-range values, and numeric promotion of boxed values.
 */
public final class CsNumeric {
  /**
   * DECISION (expressions.md 6.1): {@code (int)} of NaN or an out-of-range double gives {@code int.MinValue}
   * ({@code (long)} gives {@code long.MinValue}), as on x64 .NET.
   */
  public static final boolean OUT_OF_RANGE_CAST_IS_MIN_VALUE = true;

  private CsNumeric() {}

  /** {@code int / int}: truncating; divisor 0 → DivideByZeroException; {@code MinValue / -1} → OverflowException. */
  public static int divide(int a, int b) {
    if (b == 0) {
      throw CsException.divideByZero();
    }
    if (a == Integer.MIN_VALUE && b == -1) {
      throw CsException.arithmeticOverflow();
    }
    return a / b;
  }

  /** {@code long / long}. */
  public static long divide(long a, long b) {
    if (b == 0) {
      throw CsException.divideByZero();
    }
    if (a == Long.MIN_VALUE && b == -1) {
      throw CsException.arithmeticOverflow();
    }
    return a / b;
  }

  /** {@code int % int}: sign of the dividend; divisor 0 → DivideByZeroException. */
  public static int remainder(int a, int b) {
    if (b == 0) {
      throw CsException.divideByZero();
    }
    if (b == -1) {
      return 0;
    }
    return a % b;
  }

  /** {@code long % long}. */
  public static long remainder(long a, long b) {
    if (b == 0) {
      throw CsException.divideByZero();
    }
    if (b == -1) {
      return 0;
    }
    return a % b;
  }

  /** {@code (int)double}: truncation toward zero; NaN/out-of-range → {@code int.MinValue} (DECISION). */
  public static int doubleToInt(double d) {
    if (Double.isNaN(d) || d <= -2147483649.0 || d >= 2147483648.0) {
      return Integer.MIN_VALUE;
    }
    return (int) d;
  }

  /** {@code (long)double}: truncation; NaN/out-of-range → {@code long.MinValue} (DECISION). */
  public static long doubleToLong(double d) {
    if (Double.isNaN(d) || d < -9.223372036854775808E18 || d >= 9.223372036854775808E18) {
      return Long.MIN_VALUE;
    }
    return (long) d;
  }

  /** {@code (decimal)double}: 15 significant digits; NaN/∞/out of range → OverflowException. */
  public static BigDecimal doubleToDecimal(double d) {
    return CsDecimal.fromDouble(d);
  }

  /** {@code (byte)int}: keeps the low 8 bits (unchecked). */
  public static byte intToByte(int v) {
    return (byte) v;
  }

  /** Reads a C# byte (unsigned) as an int. */
  public static int byteValue(byte b) {
    return Byte.toUnsignedInt(b);
  }
}
