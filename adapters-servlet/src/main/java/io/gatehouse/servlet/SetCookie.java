package io.gatehouse.servlet;

import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** Formats a {@link Cookie} as a {@code Set-Cookie} header value (RFC 6265). */
final class SetCookie {
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private SetCookie() {}

  static String format(Cookie cookie) {
    StringBuilder out = new StringBuilder(cookie.getName()).append('=')
        .append(cookie.getValue() == null ? "" : cookie.getValue());
    int maxAge = cookie.getMaxAge();
    if (maxAge >= 0) {
      out.append("; Max-Age=").append(maxAge);
      out.append("; Expires=").append(HTTP_DATE.format(Instant.ofEpochSecond(
          maxAge == 0 ? 0 : Instant.now().getEpochSecond() + maxAge)));
    }
    for (Map.Entry<String, String> a : cookie.getAttributes().entrySet()) {
      String name = a.getKey();
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("max-age") || lower.equals("expires")) {
        continue;
      }
      String value = a.getValue();
      boolean flag = lower.equals("secure") || lower.equals("httponly") || lower.equals("partitioned");
      if (flag) {
        if (value == null || value.isEmpty() || value.equalsIgnoreCase("true")) {
          out.append("; ").append(name);
        }
      } else if (value != null) {
        out.append("; ").append(name).append('=').append(value);
      }
    }
    return out.toString();
  }
}
