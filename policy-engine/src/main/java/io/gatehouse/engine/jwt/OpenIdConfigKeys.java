package io.gatehouse.engine.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The signing keys and issuer of one {@code openid-config} URL: the discovery document names {@code jwks_uri} and
 * {@code issuer}; the JWKS supplies the keys. Keys are cached and refreshed in the background once they are older
 * than the refresh interval; an unknown {@code kid} triggers a refetch at most once per minimum refetch interval
 * (failed attempts count, so a down endpoint is not hammered); when a fetch fails the last good keys stay in use.
 * Fetches never block: callers get a {@link CompletionStage}. Time is the engine clock passed in by the caller.
 */
public final class OpenIdConfigKeys {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI url;
  private final DocumentFetcher fetcher;
  private final Duration refreshInterval;
  private final Duration minRefetchInterval;

  private volatile KeySet keys;
  private volatile Instant fetchedAt;
  private Instant attemptedAt;
  private CompletableFuture<KeySet> inFlight;
  private List<JWK> lastJwks = List.of();
  private String lastIssuer;

  OpenIdConfigKeys(URI url, DocumentFetcher fetcher, Duration refreshInterval, Duration minRefetchInterval) {
    this.url = url;
    this.fetcher = fetcher;
    this.refreshInterval = refreshInterval;
    this.minRefetchInterval = minRefetchInterval;
  }

  public URI url() {
    return url;
  }

  /**
   * The keys usable now, or null when none have been loaded yet (then call {@link #load}). Starts a background
   * refresh when the keys are older than the refresh interval.
   */
  public KeySet current(Instant now) {
    KeySet k = keys;
    if (k != null && !now.isBefore(fetchedAt.plus(refreshInterval))) {
      synchronized (this) {
        if (inFlight == null && mayAttempt(now)) {
          start(now);
        }
      }
    }
    return k;
  }

  /**
   * The keys, fetching them first when none were ever loaded. Never fails: a source that cannot be reached (and
   * was tried less than the minimum refetch interval ago) yields {@link KeySet#EMPTY}.
   */
  public synchronized CompletionStage<KeySet> load(Instant now) {
    if (keys != null) {
      return CompletableFuture.completedFuture(keys);
    }
    if (inFlight != null) {
      return inFlight;
    }
    if (!mayAttempt(now)) {
      return CompletableFuture.completedFuture(KeySet.EMPTY);
    }
    return start(now);
  }

  /**
   * Refetches because a token names an unknown {@code kid}: the pending fetch if one runs, a new one if the last
   * attempt is at least the minimum refetch interval old, otherwise null (rate-limited: use the current keys).
   */
  public synchronized CompletionStage<KeySet> refetch(Instant now) {
    if (inFlight != null) {
      return inFlight;
    }
    return mayAttempt(now) ? start(now) : null;
  }

  private boolean mayAttempt(Instant now) {
    return attemptedAt == null || !now.isBefore(attemptedAt.plus(minRefetchInterval));
  }

  private CompletableFuture<KeySet> start(Instant now) {
    attemptedAt = now;
    CompletableFuture<KeySet> result = new CompletableFuture<>();
    inFlight = result;
    CompletionStage<KeySet> fetch;
    try {
      fetch = fetcher.fetch(url).thenCompose(this::fetchKeys);
    } catch (RuntimeException e) {
      fetch = CompletableFuture.failedFuture(e);
    }
    fetch.whenComplete((fetched, error) -> {
      KeySet outcome;
      synchronized (this) {
        inFlight = null;
        if (error == null) {
          keys = fetched;
          fetchedAt = now;
        }
        outcome = keys != null ? keys : KeySet.EMPTY;
      }
      result.complete(outcome);
    });
    return result;
  }

  private CompletionStage<KeySet> fetchKeys(String discoveryJson) {
    JsonNode discovery;
    try {
      discovery = JSON.readTree(discoveryJson);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("openid-config document is not JSON");
    }
    String issuer = discovery.path("issuer").isTextual() ? discovery.get("issuer").textValue() : null;
    URI jwksUri = jwksUri(discovery.path("jwks_uri").asText(null));
    return fetcher.fetch(jwksUri).thenApply(jwksJson -> keySet(jwksJson, issuer));
  }

  /** DECISION: the JWKS must be https, or http only when the discovery URL itself is http (local tests). */
  private URI jwksUri(String text) {
    URI uri;
    try {
      uri = text == null ? null : new URI(text);
    } catch (java.net.URISyntaxException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null || uri.getScheme() == null
        || !(uri.getScheme().equals("https") || (uri.getScheme().equals("http") && url.getScheme().equals("http")))) {
      throw new IllegalStateException("openid-config document has no usable jwks_uri");
    }
    return uri;
  }

  private synchronized KeySet keySet(String jwksJson, String issuer) {
    List<JWK> jwks;
    try {
      jwks = JWKSet.parse(jwksJson).getKeys();
    } catch (java.text.ParseException e) {
      throw new IllegalStateException("JWKS is not valid");
    }
    if (keys != null && jwks.equals(lastJwks) && java.util.Objects.equals(issuer, lastIssuer)) {
      return keys; // unchanged: keep the version, so the signature cache stays warm
    }
    List<VerificationKey> verification = new ArrayList<>();
    for (JWK jwk : jwks) {
      VerificationKey k = VerificationKey.fromJwk(jwk);
      if (k != null) {
        verification.add(k);
      }
    }
    lastJwks = List.copyOf(jwks);
    lastIssuer = issuer;
    return new KeySet(verification, issuer == null ? Set.of() : Set.of(issuer), true);
  }
}
