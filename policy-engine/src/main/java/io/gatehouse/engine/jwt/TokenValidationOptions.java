package io.gatehouse.engine.jwt;

import java.time.Duration;
import java.util.Objects;

/**
 * Engine-wide settings of {@code validate-jwt} and {@code validate-azure-ad-token}: how openid-config documents are
 * fetched and cached, the signature cache and the Microsoft Entra authority. Immutable;
 * each {@code with...} returns a copy.
 *
 * <pre>{@code
 * Gatehouse.builder().tokenValidation(TokenValidationOptions.defaults().withSignatureCache(false))
 * }</pre>
 */
public final class TokenValidationOptions {
  private static final TokenValidationOptions DEFAULTS = new TokenValidationOptions(null,
      true, 10_000, Duration.ofHours(1), Duration.ofMinutes(5), "https://login.microsoftonline.com", 16 * 1024);

  private final DocumentFetcher fetcher;
  private final boolean signatureCache;
  private final long signatureCacheSize;
  private final Duration refreshInterval;
  private final Duration minRefetchInterval;
  private final String entraAuthority;
  private final int maxTokenLength;

  private TokenValidationOptions(DocumentFetcher fetcher, boolean signatureCache,
      long signatureCacheSize, Duration refreshInterval, Duration minRefetchInterval, String entraAuthority,
      int maxTokenLength) {
    this.fetcher = fetcher;
    this.signatureCache = signatureCache;
    this.signatureCacheSize = signatureCacheSize;
    this.refreshInterval = refreshInterval;
    this.minRefetchInterval = minRefetchInterval;
    this.entraAuthority = entraAuthority;
    this.maxTokenLength = maxTokenLength;
  }

  /**
   * Defaults: JDK HTTP client (5 s connect, 10 s request timeout), signature cache on (10,000
   * tokens), keys refreshed hourly, unknown-kid refetch at most every 5 minutes, authority
   * {@code https://login.microsoftonline.com}, tokens up to 16 KiB.
   */
  public static TokenValidationOptions defaults() {
    return DEFAULTS;
  }

  /** Fetches openid-config discovery documents and JWKS. */
  public TokenValidationOptions withFetcher(DocumentFetcher fetcher) {
    return new TokenValidationOptions(Objects.requireNonNull(fetcher, "fetcher"), signatureCache,
        signatureCacheSize, refreshInterval, minRefetchInterval, entraAuthority, maxTokenLength);
  }

  /** Switches the signature cache on or off. */
  public TokenValidationOptions withSignatureCache(boolean enabled) {
    return new TokenValidationOptions(fetcher, enabled, signatureCacheSize, refreshInterval,
        minRefetchInterval, entraAuthority, maxTokenLength);
  }

  /** Maximum number of tokens the signature cache holds. */
  public TokenValidationOptions withSignatureCacheSize(long size) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be positive");
    }
    return new TokenValidationOptions(fetcher, signatureCache, size, refreshInterval,
        minRefetchInterval, entraAuthority, maxTokenLength);
  }

  /** How old openid-config keys may get before a background refresh (default 1 hour). */
  public TokenValidationOptions withRefreshInterval(Duration interval) {
    return new TokenValidationOptions(fetcher, signatureCache, signatureCacheSize,
        positive(interval), minRefetchInterval, entraAuthority, maxTokenLength);
  }

  /** Minimum time between two fetches of one openid-config, e.g. on unknown {@code kid}s (default 5 minutes). */
  public TokenValidationOptions withMinRefetchInterval(Duration interval) {
    return new TokenValidationOptions(fetcher, signatureCache, signatureCacheSize, refreshInterval,
        positive(interval), entraAuthority, maxTokenLength);
  }

  /**
   * The Microsoft Entra authority {@code validate-azure-ad-token} builds its discovery URL from
   * ({@code {authority}/{tenant}/v2.0/.well-known/openid-configuration}); tests point it at a local server.
   */
  public TokenValidationOptions withEntraAuthority(String authority) {
    return new TokenValidationOptions(fetcher, signatureCache, signatureCacheSize, refreshInterval,
        minRefetchInterval, Objects.requireNonNull(authority, "authority"), maxTokenLength);
  }

  /** Longest token accepted (checked before parsing; default 16 KiB). */
  public TokenValidationOptions withMaxTokenLength(int length) {
    if (length < 64) {
      throw new IllegalArgumentException("length must be at least 64");
    }
    return new TokenValidationOptions(fetcher, signatureCache, signatureCacheSize, refreshInterval,
        minRefetchInterval, entraAuthority, length);
  }

  private static Duration positive(Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("interval must be positive");
    }
    return d;
  }

  DocumentFetcher fetcher() {
    return fetcher != null ? fetcher : new JdkDocumentFetcher(Duration.ofSeconds(5), Duration.ofSeconds(10));
  }


  public boolean signatureCache() {
    return signatureCache;
  }

  long signatureCacheSize() {
    return signatureCacheSize;
  }

  Duration refreshInterval() {
    return refreshInterval;
  }

  Duration minRefetchInterval() {
    return minRefetchInterval;
  }

  public String entraAuthority() {
    return entraAuthority;
  }

  public int maxTokenLength() {
    return maxTokenLength;
  }
}
