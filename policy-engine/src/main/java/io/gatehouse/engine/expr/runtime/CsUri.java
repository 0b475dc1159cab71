package io.gatehouse.engine.expr.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code System.Uri} statics: {@code EscapeDataString} (RFC 3986 unreserved {@code A-Z a-z 0-9 - . _ ~} kept,
 * everything else UTF-8 percent-encoded with upper-case hex) and {@code UnescapeDataString} (invalid sequences left
 * as is; undecodable UTF-8 kept escaped).
 */
public final class CsUri {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private CsUri() {}

  /** {@code Uri.EscapeDataString(s)}. */
  public static String escapeDataString(String s) {
    if (s == null) {
      throw CsException.argumentNull("stringToEscape");
    }
    return percentEncode(s, "-._~", false);
  }

  /** {@code Uri.UnescapeDataString(s)}. */
  public static String unescapeDataString(String s) {
    if (s == null) {
      throw CsException.argumentNull("stringToUnescape");
    }
    return percentDecode(s, false);
  }

  static String percentEncode(String s, String safe, boolean spaceAsPlus) {
    CsException.checkLength(s.length() * 9L);
    StringBuilder sb = new StringBuilder(s.length());
    byte[] bytes = CsEncoding.UTF8.getBytes(s);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || safe.indexOf(c) >= 0 && c < 128) {
        sb.append((char) c);
      } else if (c == ' ' && spaceAsPlus) {
        sb.append('+');
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return sb.toString();
  }

  /** Decodes %XX runs as UTF-8; invalid escapes and invalid UTF-8 sequences stay as written. */
  static String percentDecode(String s, boolean plusAsSpace) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '+' && plusAsSpace) {
        out.append(' ');
        i++;
        continue;
      }
      if (c != '%' || hex(s, i) < 0) {
        out.append(c);
        i++;
        continue;
      }
      int start = i;
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      while (i < s.length() && s.charAt(i) == '%' && hex(s, i) >= 0) {
        bytes.write(hex(s, i));
        i += 3;
      }
      byte[] b = bytes.toByteArray();
      java.nio.charset.CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder();
      try {
        out.append(dec.decode(java.nio.ByteBuffer.wrap(b)));
      } catch (java.nio.charset.CharacterCodingException e) {
        if (plusAsSpace) {
          out.append(new String(b, StandardCharsets.UTF_8));
        } else {
          out.append(s, start, i);
        }
      }
    }
    return out.toString();
  }

  private static int hex(String s, int i) {
    if (i + 2 >= s.length()) {
      return -1;
    }
    int a = Character.digit(s.charAt(i + 1), 16);
    int b = Character.digit(s.charAt(i + 2), 16);
    return a < 0 || b < 0 ? -1 : a * 16 + b;
  }
}
