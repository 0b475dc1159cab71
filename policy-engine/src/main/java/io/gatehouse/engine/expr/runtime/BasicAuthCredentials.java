package io.gatehouse.engine.expr.runtime;

import java.nio.charset.StandardCharsets;

/**
 * APIM {@code BasicAuthCredentials} with {@code UserId} and {@code Password}, produced by {@code AsBasic()} /
 * {@code TryParseBasic(out …)}: {@code Basic <base64(user:password)>}, ISO-8859-1 decoding, split at the last
 * {@code :} (as Microsoft's emulator does).
 */
public final class BasicAuthCredentials {
  private final String userId;
  private final String password;

  /** {@code new BasicAuthCredentials(userId, password)}. */
  public BasicAuthCredentials(String userId, String password) {
    this.userId = userId;
    this.password = password;
  }

  /** {@code UserId}. */
  public String userId() {
    return userId;
  }

  /** {@code Password}. */
  public String password() {
    return password;
  }

  /** {@code input.AsBasic()}: credentials or null when the value is not valid Basic authentication. */
  public static BasicAuthCredentials parse(String input) {
    if (input == null) {
      return null;
    }
    String t = input.strip();
    if (!t.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String b64 = t.substring(6).strip();
    try {
      String decoded = new String(java.util.Base64.getDecoder().decode(b64), StandardCharsets.ISO_8859_1);
      int colon = decoded.lastIndexOf(':');
      if (colon < 0) {
        return null;
      }
      return new BasicAuthCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** {@code input.TryParseBasic(out result)}: credentials or null (→ false). */
  public static BasicAuthCredentials tryParse(String input) {
    return parse(input);
  }
}
