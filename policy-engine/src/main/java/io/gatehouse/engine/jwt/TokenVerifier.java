package io.gatehouse.engine.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a token's form, decrypts it (JWE) and verifies its signature against a {@link KeySet}, in that order.
 * Keys are never taken from the token: {@code jku}, {@code x5u}, {@code jwk} and {@code x5c} headers are ignored,
 * and a token with any {@code crit} header is refused (none is understood). A token is at most
 * {@code maxTokenLength} characters, checked before any parsing. Immutable.
 */
public final class TokenVerifier {
  private final List<DecryptionKey> decryptionKeys;
  private final boolean requireSignedTokens;
  private final int maxTokenLength;

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
    if (token.length() > maxTokenLength) {
      throw TokenRejection.invalid("JWT is longer than " + maxTokenLength + " characters.");
    }
    SignatureCache.Key cacheKey = null;
    if (cache != null) {
      cacheKey = SignatureCache.key(token, keys.version());
      VerifiedToken hit = cache.get(cacheKey);
      if (hit != null) {
        return hit;
      }
    }
    JWT jwt;
    try {
      jwt = JWTParser.parse(token);
    } catch (ParseException | RuntimeException e) {
      throw TokenRejection.invalid("JWT is not well formed.");
    }
    if (jwt instanceof EncryptedJWT jwe) {
      jwt = decrypt(jwe);
    }
    if (jwt instanceof PlainJWT plain) {
      if (requireSignedTokens) {
        throw new TokenRejection("TokenSignatureInvalid",
            "Signature validation failed. The token is not signed. Access denied.");
      }
      return new VerifiedToken(plain.getHeader(), claims(plain));
    }
    SignedJWT signed = (SignedJWT) jwt;
    JWSHeader header = signed.getHeader();
    if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
      throw TokenRejection.invalid("JWT has critical header parameters that are not understood.");
    }
    checkSignature(signed, header, keys, mayRefetch);
    VerifiedToken verified = new VerifiedToken(header, claims(signed));
    if (cacheKey != null) {
      cache.put(cacheKey, verified);
    }
    return verified;
  }

  private JWT decrypt(EncryptedJWT jwe) {
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
    Payload payload = jwe.getPayload();
    SignedJWT nested = payload.toSignedJWT();
    if (nested != null) {
      return nested;
    }
    try {
      return new PlainJWT(JWTClaimsSet.parse(payload.toJSONObject()));
    } catch (ParseException | RuntimeException e) {
      throw TokenRejection.invalid("JWT is not well formed.");
    }
  }

  private static void checkSignature(SignedJWT signed, JWSHeader header, KeySet keys, boolean mayRefetch) {
    JWSAlgorithm alg = header.getAlgorithm();
    String kid = header.getKeyID();
    List<VerificationKey> matching = new ArrayList<>(2);
    if (kid != null) {
      for (VerificationKey k : keys.keys()) {
        if (kid.equals(k.id())) {
          matching.add(k);
        }
      }
      if (matching.isEmpty() && mayRefetch && keys.remote()) {
        throw UNKNOWN_KEY_ID;
      }
    }
    // DECISION: when the kid names keys, only those are tried (no N-key amplification of a forged signature);
    // otherwise every key that allows the algorithm is tried.
    List<VerificationKey> candidates = matching.isEmpty() ? keys.keys() : matching;
    byte[] signingInput = signed.getSigningInput();
    for (VerificationKey k : candidates) {
      if (k.allows(alg) && k.verify(header, signingInput, signed.getSignature())) {
        return;
      }
    }
    if (kid != null && matching.isEmpty() || keys.keys().isEmpty()) {
      throw new TokenRejection("TokenSignatureKeyNotFound", "Signature validation failed. Unable to match key: kid: "
          + TokenRejection.quote(kid) + ". Access denied.");
    }
    throw new TokenRejection("TokenSignatureInvalid", "Signature validation failed. Access denied.");
  }

  private static JWTClaimsSet claims(JWT jwt) {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException | RuntimeException e) {
      throw TokenRejection.invalid("JWT claims are not well formed.");
    }
  }
}
