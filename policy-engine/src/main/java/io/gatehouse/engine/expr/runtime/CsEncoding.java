package io.gatehouse.engine.expr.runtime;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * {@code System.Text.Encoding}: {@code UTF8}, {@code ASCII}, {@code Unicode} (UTF-16LE), {@code UTF32},
 * {@code Latin1} with {@code GetBytes(string)} (no BOM) and {@code GetString(byte[])} (invalid input → U+FFFD for
 * UTF-8, {@code ?} for ASCII as .NET does).
 */
public final class CsEncoding {
  /** {@code Encoding.UTF8}. */
  public static final CsEncoding UTF8 = new CsEncoding(StandardCharsets.UTF_8, "utf-8");
  /** {@code Encoding.ASCII}. */
  public static final CsEncoding ASCII = new CsEncoding(StandardCharsets.US_ASCII, "us-ascii");
  /** {@code Encoding.Unicode}. */
  public static final CsEncoding UNICODE = new CsEncoding(StandardCharsets.UTF_16LE, "utf-16");
  /** {@code Encoding.BigEndianUnicode}. */
  public static final CsEncoding BIG_ENDIAN_UNICODE = new CsEncoding(StandardCharsets.UTF_16BE, "utf-16BE");
  /** {@code Encoding.UTF32}. */
  public static final CsEncoding UTF32 = new CsEncoding(Charset.forName("UTF-32LE"), "utf-32");
  /** {@code Encoding.Latin1}. */
  public static final CsEncoding LATIN1 = new CsEncoding(StandardCharsets.ISO_8859_1, "iso-8859-1");

  private final Charset charset;
  private final String webName;

  private CsEncoding(Charset charset, String webName) {
    this.charset = charset;
    this.webName = webName;
  }

  /** {@code GetBytes(string)}. */
  public byte[] getBytes(String s) {
    if (s == null) {
      throw CsException.argumentNull("s");
    }
    if (charset == StandardCharsets.US_ASCII) {
      byte[] b = new byte[s.length()];
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        b[i] = (byte) (c < 128 ? c : '?');
      }
      return b;
    }
    java.nio.charset.CharsetEncoder enc = charset.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    if (charset != StandardCharsets.ISO_8859_1) {
      enc.replaceWith(charset == StandardCharsets.UTF_8 ? new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD}
          : enc.replacement());
    }
    try {
      ByteBuffer bb = enc.encode(java.nio.CharBuffer.wrap(s));
      byte[] out = new byte[bb.remaining()];
      bb.get(out);
      return out;
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new CsException("EncoderFallbackException", e.getMessage());
    }
  }

  /** {@code GetString(byte[])}. */
  public String getString(byte[] bytes) {
    if (bytes == null) {
      throw CsException.argumentNull("bytes");
    }
    if (charset == StandardCharsets.US_ASCII) {
      StringBuilder sb = new StringBuilder(bytes.length);
      for (byte b : bytes) {
        sb.append(b >= 0 ? (char) b : '?');
      }
      return sb.toString();
    }
    return new String(bytes, charset);
  }

  /** {@code GetString(byte[], index, count)}. */
  public String getString(byte[] bytes, int index, int count) {
    if (bytes == null) {
      throw CsException.argumentNull("bytes");
    }
    if (index < 0 || count < 0 || index > bytes.length - count) {
      throw CsException.argumentOutOfRange("index", "Index and count must refer to a location within the buffer.");
    }
    return getString(java.util.Arrays.copyOfRange(bytes, index, index + count));
  }

  /** {@code WebName}. */
  public String webName() {
    return webName;
  }
}
