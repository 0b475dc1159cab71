package io.gatehouse.engine.jwt;

/**
 * Why a token was refused: an APIM LastError reason ({@code TokenExpired}, ...) and its message. Messages never
 * contain the token. No stack trace: a rejection is an expected outcome.
 */
public final class TokenRejection extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  public TokenRejection(String reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  /** The LastError reason. */
  public String reason() {
    return reason;
  }

  static TokenRejection invalid(String message) {
    return new TokenRejection("JwtInvalid", message);
  }

  /** Quotes a value taken from a token for a message: printable ASCII only, at most 64 characters. */
  public static String quote(String value) {
    if (value == null) {
      return "''";
    }
    StringBuilder sb = new StringBuilder("'");
    for (int i = 0; i < value.length() && i < 64; i++) {
      char c = value.charAt(i);
      sb.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return sb.append(value.length() > 64 ? "...'" : "'").toString();
  }
}
