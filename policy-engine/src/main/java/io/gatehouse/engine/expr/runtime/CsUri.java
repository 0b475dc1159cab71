package io.gatehouse.engine.expr.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code System.Uri}: absolute URIs ({@code new Uri(s)}, {@code new Uri(baseUri, relative)}) with {@code AbsoluteUri},
 * {@code AbsolutePath}, {@code Host}, {@code Port}, {@code Scheme}, {@code Query}, {@code Fragment},
 * {@code PathAndQuery}, {@code ToString()}; and the statics {@code EscapeDataString} (RFC 3986 unreserved {@code A-Z a-z 0-9 - . _ ~} kept,
 * everything else UTF-8 percent-encoded with upper-case hex) and {@code UnescapeDataString} (invalid sequences left
 * as is; undecodable UTF-8 kept escaped).
 */
public final class CsUri {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final java.net.URI uri;

  private CsUri(java.net.URI uri) {
    this.uri = uri;
  }

  /** {@code new Uri(s)}: an absolute URI; anything else throws {@code UriFormatException}. */
  public static CsUri of(String s) {
    if (s == null) {
      throw CsException.argumentNull("uriString");
    }
    java.net.URI u = parse(s.strip());
    if (!u.isAbsolute() || u.getRawAuthority() == null && !"file".equals(u.getScheme())) {
      throw new CsException("UriFormatException", "Invalid URI: The format of the URI could not be determined.");
    }
    return new CsUri(u.normalize());
  }

  /** {@code new Uri(baseUri, relative)}: RFC 3986 resolution against the base. */
  public static CsUri of(CsUri base, String relative) {
    if (base == null) {
      throw CsException.argumentNull("baseUri");
    }
    if (relative == null) {
      throw CsException.argumentNull("relativeUri");
    }
    return new CsUri(base.uri.resolve(parse(relative.strip())).normalize());
  }

  private static java.net.URI parse(String s) {
    try {
      return new java.net.URI(s.replace(" ", "%20"));
    } catch (java.net.URISyntaxException e) {
      throw new CsException("UriFormatException", "Invalid URI: " + e.getReason() + ".");
    }
  }

  public String scheme() {
    return uri.getScheme().toLowerCase(java.util.Locale.ROOT);
  }

  public String host() {
    return uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
  }

  /** {@code Port}: the explicit port, else the scheme's default (80, 443, 21), else -1. */
  public int port() {
    return uri.getPort() >= 0 ? uri.getPort() : port(scheme());
  }

  public String absolutePath() {
    String p = uri.getRawPath();
    return p == null || p.isEmpty() ? "/" : p;
  }

  /** {@code Query}: with its leading {@code ?}, or empty. */
  public String query() {
    return uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
  }

  public String fragment() {
    return uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment();
  }

  public String pathAndQuery() {
    return absolutePath() + query();
  }

  /** {@code AbsoluteUri}: scheme and host in lower case, default port omitted, empty path as {@code /}. */
  public String absoluteUri() {
    String authority = host();
    if (uri.getRawUserInfo() != null) {
      authority = uri.getRawUserInfo() + "@" + authority;
    }
    if (uri.getPort() >= 0 && uri.getPort() != port(scheme())) {
      authority += ":" + uri.getPort();
    }
    return scheme() + "://" + authority + pathAndQuery() + fragment();
  }

  private static int port(String scheme) {
    return switch (scheme) {
      case "http", "ws" -> 80;
      case "https", "wss" -> 443;
      case "ftp" -> 21;
      default -> -1;
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CsUri u && u.absoluteUri().equals(absoluteUri());
  }

  @Override
  public int hashCode() {
    return absoluteUri().hashCode();
  }

  /** {@code ToString()}: the unescaped canonical form. */
  @Override
  public String toString() {
    return unescapeDataString(absoluteUri());
  }

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
