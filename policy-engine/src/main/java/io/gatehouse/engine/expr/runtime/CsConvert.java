package io.gatehouse.engine.expr.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Base64;

/**
 * {@code System.Convert}: {@code ToInt32}, {@code ToInt64}, {@code ToInt16}, {@code ToByte}, {@code ToDouble},
 * {@code ToDecimal}, {@code ToBoolean}, {@code ToChar}, {@code ToString}, {@code ToBase64String},
 * {@code FromBase64String}. Numeric-to-integer conversions round half to even ({@code ToInt32(2.5)} is 2); a
 * {@code null} argument gives the type's default ({@code ToInt32(null)} is 0, {@code ToBoolean(null)} false).
 */
public final class CsConvert {
  private CsConvert() {}

  /** {@code Convert.ToInt32(object)}. */
  public static int toInt32(Object v) {
    return (int) toIntegral(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "Int32");
  }

  /** {@code Convert.ToInt64(object)}. */
  public static long toInt64(Object v) {
    return toIntegral(v, Long.MIN_VALUE, Long.MAX_VALUE, "Int64");
  }

  /** {@code Convert.ToInt16(object)}. */
  public static short toInt16(Object v) {
    return (short) toIntegral(v, Short.MIN_VALUE, Short.MAX_VALUE, "Int16");
  }

  /** {@code Convert.ToByte(object)}. */
  public static byte toByte(Object v) {
    return (byte) toIntegral(v, 0, 255, "Byte");
  }

  /** {@code Convert.ToDouble(object)}. */
  public static double toDouble(Object v) {
    if (v == null) {
      return 0;
    } else if (v instanceof String s) {
      return CsParse.parseDouble(s);
    } else if (v instanceof Boolean b) {
      return b ? 1 : 0;
    } else if (v instanceof Byte b) {
      return Byte.toUnsignedInt(b);
    } else if (v instanceof Number n) {
      return n.doubleValue();
    } else if (v instanceof Character) {
      throw CsException.invalidCastMessage("Invalid cast from 'Char' to 'Double'.");
    }
    throw notConvertible(v);
  }

  /** {@code Convert.ToDecimal(object)}. */
  public static BigDecimal toDecimal(Object v) {
    if (v == null) {
      return BigDecimal.ZERO;
    } else if (v instanceof String s) {
      return CsParse.parseDecimal(s);
    } else if (v instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    } else if (v instanceof BigDecimal d) {
      return d;
    } else if (v instanceof Double || v instanceof Float) {
      return CsDecimal.fromDouble(((Number) v).doubleValue());
    } else if (v instanceof Byte b) {
      return BigDecimal.valueOf(Byte.toUnsignedInt(b));
    } else if (v instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    throw notConvertible(v);
  }

  /** {@code Convert.ToBoolean(object)}: strings via {@code bool.Parse}; numbers → non-zero; null → false. */
  public static boolean toBoolean(Object v) {
    if (v == null) {
      return false;
    } else if (v instanceof Boolean b) {
      return b;
    } else if (v instanceof String s) {
      return CsParse.parseBool(s);
    } else if (v instanceof BigDecimal d) {
      return d.signum() != 0;
    } else if (v instanceof Double || v instanceof Float) {
      return ((Number) v).doubleValue() != 0;
    } else if (v instanceof Number n) {
      return n.longValue() != 0;
    } else if (v instanceof Character) {
      throw CsException.invalidCastMessage("Invalid cast from 'Char' to 'Boolean'.");
    }
    throw notConvertible(v);
  }

  /** {@code Convert.ToChar(object)}. */
  public static char toChar(Object v) {
    if (v == null) {
      return '\0';
    } else if (v instanceof Character c) {
      return c;
    } else if (v instanceof String s) {
      if (s.length() != 1) {
        throw CsException.format("String must be exactly one character long.");
      }
      return s.charAt(0);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return (char) toIntegral(v, 0, 65535, "Char");
    }
    throw CsException.invalidCastMessage("Invalid cast from '" + CsTypes.netSimpleName(v) + "' to 'Char'.");
  }

  /** {@code Convert.ToString(object)}: {@code null} → {@code ""}; otherwise C# {@code ToString()}. */
  public static String toString(Object v) {
    return CsFormat.toDisplayString(v);
  }

  /** {@code Convert.ToString(value, int toBase)} for integers (2, 8, 10, 16; two's complement for negatives). */
  public static String toString(long value, int toBase, int bits) {
    if (toBase != 2 && toBase != 8 && toBase != 10 && toBase != 16) {
      throw CsException.argument("Invalid Base.", null);
    }
    if (toBase == 10) {
      return Long.toString(value);
    }
    BigInteger v = BigInteger.valueOf(value);
    if (v.signum() < 0) {
      v = v.add(BigInteger.ONE.shiftLeft(bits));
    }
    return v.toString(toBase);
  }

  /** {@code Convert.ToBase64String(byte[])}. */
  public static String toBase64String(byte[] bytes) {
    if (bytes == null) {
      throw CsException.argumentNull("inArray");
    }
    CsException.checkLength((bytes.length + 2L) / 3 * 4);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** {@code Convert.FromBase64String(string)}: whitespace ignored; bad input → FormatException. */
  public static byte[] fromBase64String(String s) {
    if (s == null) {
      throw CsException.argumentNull("s");
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        sb.append(c);
      }
    }
    String t = sb.toString();
    if (t.length() % 4 != 0) {
      throw CsException.format(
          "The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding "
              + "characters, or an illegal character among the padding characters.");
    }
    try {
      return Base64.getDecoder().decode(t);
    } catch (IllegalArgumentException e) {
      throw CsException.format(
          "The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding "
              + "characters, or an illegal character among the padding characters.");
    }
  }

  private static long toIntegral(Object v, long min, long max, String type) {
    if (v == null) {
      return 0;
    }
    BigDecimal value;
    if (v instanceof String s) {
      return switch (type) {
        case "Int32" -> CsParse.parseInt(s);
        case "Int16" -> CsParse.parseShort(s);
        case "Byte" -> Byte.toUnsignedInt(CsParse.parseByte(s));
        case "Char" -> throw CsException.format("String must be exactly one character long.");
        default -> CsParse.parseLong(s);
      };
    } else if (v instanceof Boolean b) {
      return b ? 1 : 0;
    } else if (v instanceof Character c) {
      value = BigDecimal.valueOf(c);
    } else if (v instanceof Byte b) {
      value = BigDecimal.valueOf(Byte.toUnsignedInt(b));
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw CsException.overflow(type);
      }
      value = new BigDecimal(d).setScale(0, RoundingMode.HALF_EVEN);
    } else if (v instanceof BigDecimal d) {
      value = d.setScale(0, RoundingMode.HALF_EVEN);
    } else if (v instanceof Number n) {
      value = new BigDecimal(n.toString());
    } else {
      throw notConvertible(v);
    }
    if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw CsException.overflow(type);
    }
    return value.longValueExact();
  }

  private static CsException notConvertible(Object v) {
    return CsException.invalidCast(CsTypes.netTypeName(v), "System.IConvertible");
  }
}
