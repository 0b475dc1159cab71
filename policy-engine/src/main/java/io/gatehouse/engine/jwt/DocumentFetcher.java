package io.gatehouse.engine.jwt;

import java.net.URI;
import java.util.concurrent.CompletionStage;

/**
 * Fetches a JSON document (openid-config discovery document, JWKS) over HTTP without blocking the caller. The stage
 * completes with the body of a 200 response and fails on anything else (status, timeout, oversize body).
 */
@FunctionalInterface
public interface DocumentFetcher {
  CompletionStage<String> fetch(URI uri);
}
