package io.gatehouse.engine.policy;

import io.gatehouse.engine.jwt.KeyRing;
import io.gatehouse.engine.jwt.KeySet;
import io.gatehouse.engine.jwt.OpenIdConfigKeys;
import io.gatehouse.engine.jwt.SignatureCache;
import io.gatehouse.engine.jwt.TokenRejection;
import io.gatehouse.engine.jwt.TokenRules;
import io.gatehouse.engine.jwt.TokenVerifier;
import io.gatehouse.engine.jwt.VerifiedToken;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.PolicyFailure;
import io.gatehouse.engine.pipeline.Step;
import java.time.Instant;
import java.util.List;

/**
 * The compiled form of {@code validate-jwt} and {@code validate-azure-ad-token}. Checks run in this order:
 * presence, decode/decrypt, signature (skipped on a {@link SignatureCache} hit), lifetime, audience, issuer,
 * claims, then the policy's extra check (Entra client application). Waits without blocking only when openid-config
 * keys must be fetched first or an unknown {@code kid} justifies a refetch.
 */
final class TokenValidationStep implements Step {
  /** Per-request pieces of the policy: rules, key sources and an extra check. */
  interface Plan {
    TokenRules rules(Exchange exchange);

    List<OpenIdConfigKeys> sources(Exchange exchange);

    /** A check after the rules (throws {@link TokenRejection}); default none. */
    default void extraCheck(VerifiedToken token, Exchange exchange) {}
  }

  private final TokenSource source;
  private final TokenVerifier verifier;
  private final KeyRing ring;
  private final SignatureCache cache;
  private final Plan plan;
  private final Value<Long> failedCode;
  private final Value<String> failedMessage;
  private final String outputVariable;

  TokenValidationStep(TokenSource source, TokenVerifier verifier, KeyRing ring, SignatureCache cache, Plan plan,
      Value<Long> failedCode, Value<String> failedMessage, String outputVariable) {
    this.source = source;
    this.verifier = verifier;
    this.ring = ring;
    this.cache = cache;
    this.plan = plan;
    this.failedCode = failedCode;
    this.failedMessage = failedMessage;
    this.outputVariable = outputVariable;
  }

  @Override
  public Flow run(Exchange exchange) {
    TokenSpan token = source.extract(exchange);
    if (token == null) {
      throw failure(exchange, new TokenRejection("TokenNotPresent", "JWT not present."));
    }
    List<OpenIdConfigKeys> sources;
    TokenRules rules;
    try {
      sources = plan.sources(exchange);
      rules = plan.rules(exchange);
    } catch (TokenRejection r) {
      throw failure(exchange, r);
    }
    Instant now = exchange.nowMillis();
    KeySet keys = ring.current(sources, now);
    if (keys == null) {
      return Flow.later(ring.load(sources, now)
          .thenCompose(k -> finish(exchange, token, rules, sources, k, true, exchange.nowMillis()).stage()));
    }
    return finish(exchange, token, rules, sources, keys, true, now);
  }

  /** The rest of the validation; {@code now} is read again after any wait (keys loaded or fetched anew). */
  private Flow finish(Exchange exchange, TokenSpan token, TokenRules rules, List<OpenIdConfigKeys> sources,
      KeySet keys, boolean mayRefetch, Instant now) {
    VerifiedToken verified;
    try {
      verified = verifier.verify(token.text(), token.begin(), token.end(), keys, cache, mayRefetch,
          now.toEpochMilli());
      rules.check(verified, now, keys.issuers());
      plan.extraCheck(verified, exchange);
    } catch (TokenVerifier.UnknownKeyId unknown) {
      var refetch = ring.refetch(sources, now);
      if (refetch == null) {
        return finish(exchange, token, rules, sources, keys, false, now);
      }
      return Flow.later(refetch.thenCompose(k -> finish(exchange, token, rules, sources, k, false, exchange.nowMillis())
          .stage()));
    } catch (TokenRejection r) {
      throw failure(exchange, r);
    }
    if (outputVariable != null) {
      exchange.variables().put(outputVariable, verified.jwt());
    }
    return Flow.CONTINUE;
  }

  private PolicyFailure failure(Exchange exchange, TokenRejection r) {
    Long code = failedCode.get(exchange);
    int status = code == null || code < 100 || code > 599 ? 401 : code.intValue();
    String message = failedMessage == null ? null : failedMessage.get(exchange);
    if (message == null) {
      message = r.reason().equals("TokenNotPresent") ? "JWT not present." : "Invalid JWT.";
    }
    return PolicyFailure.of(null, r.reason(), r.getMessage(), status, message);
  }
}
