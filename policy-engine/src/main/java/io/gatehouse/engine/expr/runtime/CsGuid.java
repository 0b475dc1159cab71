package io.gatehouse.engine.expr.runtime;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code System.Guid} helpers over {@link UUID}: {@code NewGuid}, {@code Parse}/{@code TryParse} (formats D, N, B, P),
 * {@code ToString([D|N|B|P])} (lower-case), {@code ToByteArray} and {@code new Guid(byte[])} with .NET's mixed-endian
 * layout (first three groups little-endian), {@code Empty}.
 */
public final class CsGuid {
  /** {@code Guid.Empty}. */
  public static final UUID EMPTY = new UUID(0, 0);
  private static final Pattern D = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern N = Pattern.compile("[0-9a-fA-F]{32}");

  private CsGuid() {}

  /** {@code Guid.NewGuid()}: random version-4 GUID. */
  public static UUID newGuid() {
    return UUID.randomUUID();
  }

  /** {@code Guid.Parse(s)}: formats D, N, B ({@code {...}}) and P ({@code (...)}), surrounding whitespace allowed. */
  public static UUID parse(String s) {
    if (s == null) {
      throw CsException.argumentNull("input");
    }
    UUID u = tryParse(s);
    if (u == null) {
      throw CsException.format("Unrecognized Guid format.");
    }
    return u;
  }

  /** {@code Guid.TryParse}: the value or null. */
  public static UUID tryParse(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    if (t.length() == 38 && (t.startsWith("{") && t.endsWith("}") || t.startsWith("(") && t.endsWith(")"))) {
      t = t.substring(1, 37);
    }
    if (D.matcher(t).matches()) {
      return UUID.fromString(t);
    }
    if (N.matcher(t).matches()) {
      return new UUID(Long.parseUnsignedLong(t.substring(0, 16), 16), Long.parseUnsignedLong(t.substring(16), 16));
    }
    return null;
  }

  /** {@code Guid.ToString()}. */
  public static String toString(UUID g) {
    return g.toString();
  }

  /** {@code Guid.ToString(format)} with D, N, B, P (either case); anything else → FormatException. */
  public static String toString(UUID g, String format) {
    String d = g.toString().toLowerCase(Locale.ROOT);
    if (format == null || format.isEmpty()) {
      return d;
    }
    return switch (format) {
      case "D", "d" -> d;
      case "N", "n" -> d.replace("-", "");
      case "B", "b" -> "{" + d + "}";
      case "P", "p" -> "(" + d + ")";
      default -> throw CsException.format(
          "Format string can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", \"B\", \"b\", \"X\" or \"x\".");
    };
  }

  /** {@code Guid.ToByteArray()}: .NET layout (Data1, Data2, Data3 little-endian; Data4 as is). */
  public static byte[] toByteArray(UUID g) {
    byte[] be = ByteBuffer.allocate(16).putLong(g.getMostSignificantBits()).putLong(g.getLeastSignificantBits()).array();
    byte[] out = be.clone();
    out[0] = be[3];
    out[1] = be[2];
    out[2] = be[1];
    out[3] = be[0];
    out[4] = be[5];
    out[5] = be[4];
    out[6] = be[7];
    out[7] = be[6];
    return out;
  }

  /** {@code new Guid(byte[])}: inverse of {@link #toByteArray(UUID)}; length must be 16. */
  public static UUID fromByteArray(byte[] b) {
    if (b == null) {
      throw CsException.argumentNull("b");
    }
    if (b.length != 16) {
      throw CsException.argument("Byte array for Guid must be exactly 16 bytes long.", "b");
    }
    byte[] be = b.clone();
    be[0] = b[3];
    be[1] = b[2];
    be[2] = b[1];
    be[3] = b[0];
    be[4] = b[5];
    be[5] = b[4];
    be[6] = b[7];
    be[7] = b[6];
    ByteBuffer buf = ByteBuffer.wrap(be);
    return new UUID(buf.getLong(), buf.getLong());
  }
}
