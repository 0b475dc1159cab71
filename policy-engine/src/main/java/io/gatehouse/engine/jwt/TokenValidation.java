package io.gatehouse.engine.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.time.Duration;

/**
 * The token-validation services of one gateway, shared by all its policies: openid-config key sources by URL (one
 * fetch and cache per URL however many policies name it), and the signature cache. Certificates ({@code certificate-id}) come from the engine's {@code CertificateStore}.
 */
public final class TokenValidation {
  /** DECISION: at most this many distinct openid-config URLs are tracked (URLs may come from expressions). */
  static final long MAX_SOURCES = 1_000;

  private final TokenValidationOptions options;
  private final DocumentFetcher fetcher;
  private final Cache<URI, OpenIdConfigKeys> sources;
  private final SignatureCache signatureCache;

  private TokenValidation(TokenValidationOptions options) {
    this.options = options;
    this.fetcher = options.fetcher();
    this.sources = Caffeine.newBuilder().maximumSize(MAX_SOURCES).build();
    this.signatureCache = options.signatureCache()
        ? new SignatureCache(options.signatureCacheSize(), Duration.ofHours(1)) : null;
  }

  public static TokenValidation create(TokenValidationOptions options) {
    return new TokenValidation(options);
  }

  public TokenValidationOptions options() {
    return options;
  }

  /** The key source of an openid-config URL (created on first use). */
  public OpenIdConfigKeys openIdConfig(URI url) {
    return sources.get(url, u -> new OpenIdConfigKeys(u, fetcher, options.refreshInterval(),
        options.minRefetchInterval()));
  }

  /** The signature cache, or null when switched off. */
  public SignatureCache signatureCache() {
    return signatureCache;
  }
}
