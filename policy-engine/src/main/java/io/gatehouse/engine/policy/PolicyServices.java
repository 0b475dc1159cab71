package io.gatehouse.engine.policy;

import io.gatehouse.api.CounterStore;
import io.gatehouse.engine.CertificateStore;
import io.gatehouse.engine.counter.InMemoryCounterStore;
import io.gatehouse.engine.jwt.TokenValidation;
import io.gatehouse.engine.jwt.TokenValidationOptions;
import java.util.Objects;

/**
 * The engine-wide services compiled policies use: certificates ({@code authentication-certificate},
 * {@code validate-client-certificate}, {@code validate-jwt certificate-id}), token validation (openid-config keys,
 * signature cache) and counters (rate limits, quotas, concurrency slots). Shared by every pipeline of one gateway.
 *
 * @param certificates the gateway's certificates and trust anchors
 * @param tokenValidation openid-config key sources and the signature cache
 * @param counters the counter store
 */
public record PolicyServices(CertificateStore certificates, TokenValidation tokenValidation, CounterStore counters) {
  public PolicyServices {
    Objects.requireNonNull(certificates, "certificates");
    Objects.requireNonNull(tokenValidation, "tokenValidation");
    Objects.requireNonNull(counters, "counters");
  }

  /** No certificates, default token validation, an in-memory counter store on the system clock. */
  public static PolicyServices defaults() {
    return new PolicyServices(CertificateStore.EMPTY, TokenValidation.create(TokenValidationOptions.defaults()),
        new InMemoryCounterStore());
  }
}
