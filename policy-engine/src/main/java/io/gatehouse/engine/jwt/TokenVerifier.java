package io.gatehouse.engine.jwt;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Checks a token's form, decrypts it (JWE) and verifies its signature against a {@link KeySet}, in that order, and
 * only then parses its claims. Keys are never taken from the token: {@code jku}, {@code x5u}, {@code jwk} and
 * {@code x5c} headers are ignored, and a token with any {@code crit} header, or an unencoded payload
 * ({@code b64: false}), is refused. A token is at most {@code maxTokenLength} characters, checked before any parsing,
 * and a token with a character outside ASCII is not well formed (as in APIM, whose reader accepts only Base64URL
 * parts). A compact JWS is split and verified directly (headers parsed once per distinct text, see {@link HeaderMemo}); a
 * JWE goes through Nimbus's parser. Thread-safe.
 */
public final class TokenVerifier {
  private final List<DecryptionKey> decryptionKeys;
  private final boolean requireSignedTokens;
  private final int maxTokenLength;
  private final HeaderMemo headers = new HeaderMemo();

  public TokenVerifier(List<DecryptionKey> decryptionKeys, boolean requireSignedTokens, int maxTokenLength) {
    this.decryptionKeys = List.copyOf(decryptionKeys);
    this.requireSignedTokens = requireSignedTokens;
    this.maxTokenLength = maxTokenLength;
  }

  /** Thrown by {@link #verify} when the {@code kid} matches no key and a refetch of remote keys may help. */
  public static final class UnknownKeyId extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownKeyId() {
      super(null, null, false, false);
    }
  }

  private static final UnknownKeyId UNKNOWN_KEY_ID = new UnknownKeyId();

  /**
   * Verifies {@code token} with {@code keys}, consulting {@code cache} (may be null) first.
   *
   * @param mayRefetch throw {@link UnknownKeyId} instead of failing when the {@code kid} is unknown and some keys are
   *     remote
   * @throws TokenRejection when the token is refused
   */
  public VerifiedToken verify(String token, KeySet keys, SignatureCache cache, boolean mayRefetch) {
    return verify(token, 0, token.length(), keys, cache, mayRefetch, System.currentTimeMillis());
  }

  /**
   * {@link #verify(String, KeySet, SignatureCache, boolean)} of the token {@code text[begin, end)} at
   * {@code nowMillis} on the caller's clock, which decides whether a cache entry is still young enough: a token
   * inside a header value is verified without copying it out first (a cache hit never copies it).
   */
  public VerifiedToken verify(String text, int begin, int end, KeySet keys, SignatureCache cache,
      boolean mayRefetch, long nowMillis) {
    if (end - begin > maxTokenLength) {
      throw TokenRejection.invalid("JWT is longer than " + maxTokenLength + " characters.");
    }
    // A compact JWT is Base64URL parts and dots (APIM's reader matches exactly that); Nimbus's decoder would skip
    // other characters instead of refusing them. A cache hit is a token that passed this check before.
    SignatureCache.Key cacheKey = null;
    int lastDot = -1; // the cache's: an entry is found by the part after it
    if (cache != null) {
      lastDot = text.lastIndexOf('.', end - 1);
      cacheKey = lastDot < begin ? null : SignatureCache.key(text, lastDot + 1, end, keys.version());
      if (cacheKey == null) {
        throw malformed();
      }
      VerifiedToken hit = cache.get(cacheKey, text, begin, lastDot, nowMillis);
      if (hit != null) {
        return hit;
      }
    }
    if (!compactAlphabet(text, begin, end)) {
      throw malformed();
    }
    String token = begin == 0 && end == text.length() ? text : text.substring(begin, end);
    int dot1 = token.indexOf('.');
    int dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
    if (dot2 < 0) {
      throw malformed();
    }
    VerifiedToken verified = token.indexOf('.', dot2 + 1) < 0
        ? verifyCompact(token, dot1, dot2, keys, mayRefetch)
        : verifyEncrypted(token, keys, mayRefetch);
    if (cacheKey != null && verified.signed()) {
      cache.put(cacheKey, token.substring(0, lastDot - begin), verified, nowMillis);
    }
    return verified;
  }

  /** Whether {@code text[begin, end)} has only Base64URL characters (no padding) and dots. */
  private static boolean compactAlphabet(String text, int begin, int end) {
    for (int i = begin; i < end; i++) {
      char c = text.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
          || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /** A JWS, or an unsecured JWT when those are accepted. */
  private VerifiedToken verifyCompact(String token, int dot1, int dot2, KeySet keys, boolean mayRefetch) {
    Header header = headers.parse(token.substring(0, dot1));
    String payload = token.substring(dot1 + 1, dot2);
    if (header instanceof PlainHeader plain) {
      if (dot2 + 1 != token.length()) {
        throw malformed();
      }
      refuseCritical(plain.getCriticalParams());
      refuseUnsigned();
      return new VerifiedToken(plain, payload, claims(payload));
    }
    if (!(header instanceof JWSHeader jws)) {
      throw malformed();
    }
    byte[] signingInput = token.substring(0, dot2).getBytes(StandardCharsets.US_ASCII);
    return verifySigned(jws, signingInput, new Base64URL(token.substring(dot2 + 1)), payload, keys, mayRefetch);
  }

  private void refuseUnsigned() {
    if (requireSignedTokens) {
      throw new TokenRejection("TokenSignatureInvalid",
          "Signature validation failed. The token is not signed. Access denied.");
    }
  }

  private VerifiedToken verifySigned(JWSHeader header, byte[] signingInput, Base64URL signature, String payload,
      KeySet keys, boolean mayRefetch) {
    refuseCritical(header.getCriticalParams());
    if (!header.isBase64URLEncodePayload()) {
      throw TokenRejection.invalid("JWT has an unencoded payload, which is not supported.");
    }
    checkSignature(header, signingInput, signature, keys, mayRefetch);
    return new VerifiedToken(header, payload, claims(payload));
  }

  private static void refuseCritical(Set<String> crit) {
    if (crit != null && !crit.isEmpty()) {
      throw TokenRejection.invalid("JWT has critical header parameters that are not understood.");
    }
  }

  /** A JWE: decrypted, then its nested JWS verified; or its claims when unsigned ones are accepted. */
  private VerifiedToken verifyEncrypted(String token, KeySet keys, boolean mayRefetch) {
    EncryptedJWT jwe;
    try {
      jwe = EncryptedJWT.parse(token);
    } catch (ParseException | RuntimeException e) {
      throw malformed();
    }
    if (decryptionKeys.isEmpty()) {
      throw TokenRejection.invalid("JWT is encrypted and no decryption key is configured.");
    }
    boolean decrypted = false;
    for (DecryptionKey key : decryptionKeys) {
      if (key.decrypt(jwe)) {
        decrypted = true;
        break;
      }
    }
    if (!decrypted) {
      throw TokenRejection.invalid("JWT could not be decrypted with the configured keys.");
    }
    SignedJWT nested = jwe.getPayload().toSignedJWT();
    if (nested == null) {
      refuseUnsigned();
      return new VerifiedToken(new PlainHeader(), Base64URL.encode(jwe.getPayload().toBytes()).toString(),
          TokenClaims.parse(jwe.getPayload().toBytes()));
    }
    Base64URL[] parts = nested.getParsedParts();
    return verifySigned(nested.getHeader(), nested.getSigningInput(), parts[2], parts[1].toString(), keys,
        mayRefetch);
  }

  private static void checkSignature(JWSHeader header, byte[] signingInput, Base64URL signature, KeySet keys,
      boolean mayRefetch) {
    JWSAlgorithm alg = header.getAlgorithm();
    String kid = header.getKeyID();
    List<VerificationKey> all = keys.keys();
    boolean kidMatched = false;
    if (kid != null) {
      for (VerificationKey k : all) {
        if (kid.equals(k.id())) {
          kidMatched = true;
          break;
        }
      }
      if (!kidMatched && mayRefetch && keys.remote()) {
        throw UNKNOWN_KEY_ID;
      }
    }
    // DECISION: when the kid names keys, only those are tried (no N-key amplification of a forged signature);
    // otherwise every key that allows the algorithm is tried.
    for (VerificationKey k : all) {
      if ((!kidMatched || kid.equals(k.id())) && k.allows(alg) && k.verify(header, signingInput, signature)) {
        return;
      }
    }
    if (kid != null && !kidMatched || all.isEmpty()) {
      throw new TokenRejection("TokenSignatureKeyNotFound", "Signature validation failed. Unable to match key: kid: "
          + TokenRejection.quote(kid) + ". Access denied.");
    }
    throw new TokenRejection("TokenSignatureInvalid", "Signature validation failed. Access denied.");
  }

  private static TokenClaims claims(String payload) {
    byte[] json;
    try {
      json = Base64.getUrlDecoder().decode(payload);
    } catch (IllegalArgumentException e) {
      throw TokenRejection.invalid("JWT claims are not well formed.");
    }
    return TokenClaims.parse(json);
  }

  private static TokenRejection malformed() {
    return TokenRejection.invalid("JWT is not well formed.");
  }
}
