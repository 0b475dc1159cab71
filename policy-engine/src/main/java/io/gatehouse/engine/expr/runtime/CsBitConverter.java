package io.gatehouse.engine.expr.runtime;

/**
 * {@code System.BitConverter}: {@code ToString(byte[])} ({@code "AB-CD-EF"}), {@code GetBytes(int|long)} and
 * {@code ToInt32}/{@code ToInt64} (little-endian, as on x64), {@code IsLittleEndian}.
 */
public final class CsBitConverter {
  /** {@code BitConverter.IsLittleEndian}. */
  public static final boolean IS_LITTLE_ENDIAN = true;
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private CsBitConverter() {}

  /** {@code BitConverter.ToString(byte[])}: upper-case hex pairs joined by {@code -}. */
  public static String toString(byte[] bytes) {
    if (bytes == null) {
      throw CsException.argumentNull("value");
    }
    CsException.checkLength(bytes.length * 3L);
    StringBuilder sb = new StringBuilder(Math.max(0, bytes.length * 3 - 1));
    for (int i = 0; i < bytes.length; i++) {
      if (i > 0) {
        sb.append('-');
      }
      sb.append(HEX[(bytes[i] >> 4) & 0xF]).append(HEX[bytes[i] & 0xF]);
    }
    return sb.toString();
  }

  /** {@code BitConverter.GetBytes(int)}. */
  public static byte[] getBytes(int v) {
    return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
  }

  /** {@code BitConverter.GetBytes(long)}. */
  public static byte[] getBytes(long v) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (v >> (8 * i));
    }
    return b;
  }

  /** {@code BitConverter.ToInt32(bytes, start)}. */
  public static int toInt32(byte[] b, int start) {
    check(b, start, 4);
    return (b[start] & 0xFF) | (b[start + 1] & 0xFF) << 8 | (b[start + 2] & 0xFF) << 16 | (b[start + 3] & 0xFF) << 24;
  }

  /** {@code BitConverter.ToInt64(bytes, start)}. */
  public static long toInt64(byte[] b, int start) {
    check(b, start, 8);
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = v << 8 | (b[start + i] & 0xFF);
    }
    return v;
  }

  private static void check(byte[] b, int start, int size) {
    if (b == null) {
      throw CsException.argumentNull("value");
    }
    if (start < 0 || start >= b.length) {
      throw CsException.argumentOutOfRange("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
    }
    if (start > b.length - size) {
      throw CsException.argument("Destination array is not long enough to copy all the items in the collection. Check array index and length.", null);
    }
  }
}
