package io.gatehouse.engine.testing;

import io.gatehouse.api.Subscription;
import io.gatehouse.engine.CertificateStore;
import io.gatehouse.engine.Gatehouse;
import io.gatehouse.engine.subscription.InMemorySubscriptionStore;
import io.gatehouse.xml.apiops.ApiOpsOptions;
import io.gatehouse.xml.config.GatewayConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The test harness: a {@link Gatehouse} over an APIOps tree or a programmatic configuration, with a
 * {@link ManualClock}, a {@link StubBackend} and recorded steps. Works with any test framework.
 *
 * <pre>{@code
 * TestGateway gateway = TestGateway.builder().apiOpsTree(Path.of("apim-artifacts")).build();
 * TestResult result = gateway.send(TestRequest.get("https://gw.test/orders/42"));
 * assert result.status() == 200;
 * gateway.clock().advance(Duration.ofMinutes(1));
 * }</pre>
 */
public final class TestGateway {
  private final Gatehouse gatehouse;
  private final ManualClock clock;
  private final StubBackend backend;

  private TestGateway(Gatehouse gatehouse, ManualClock clock, StubBackend backend) {
    this.gatehouse = gatehouse;
    this.clock = clock;
    this.backend = backend;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Sends a request through the policies and waits for the outcome. */
  public TestResult send(TestRequest request) {
    return new TestResult(gatehouse.execute(request.toGatewayRequest()).toCompletableFuture().join());
  }

  public ManualClock clock() {
    return clock;
  }

  public StubBackend backend() {
    return backend;
  }

  public Gatehouse gatehouse() {
    return gatehouse;
  }

  /** Configures a {@link TestGateway}. */
  public static final class Builder {
    private final Gatehouse.Builder gatehouse = Gatehouse.builder();
    private ApiOpsOptions options = ApiOpsOptions.defaults();
    private Instant start = Instant.parse("2026-01-01T00:00:00Z");
    private StubBackend backend = StubBackend.echoing();

    private Builder() {}

    public Builder apiOpsTree(Path root) {
      gatehouse.apiOpsTree(root);
      return this;
    }

    public Builder config(GatewayConfig config) {
      gatehouse.config(config);
      return this;
    }

    /** Supplies or overrides a named value of the APIOps tree (secrets are never in trees). */
    public Builder namedValue(String name, String value) {
      options = options.withNamedValue(name, value);
      return this;
    }

    /** Subscriptions whose keys callers may present (held in an {@link InMemorySubscriptionStore}). */
    public Builder subscriptions(Subscription... subscriptions) {
      gatehouse.subscriptions(new InMemorySubscriptionStore(List.of(subscriptions)));
      return this;
    }

    /** The counter store of rate limits, quotas and concurrency limits; default: in-memory on the manual clock. */
    public Builder counterStore(io.gatehouse.api.CounterStore store) {
      gatehouse.counterStore(store);
      return this;
    }

    /** Where the clock starts; default 2026-01-01T00:00:00Z. */
    public Builder clockAt(Instant instant) {
      this.start = Objects.requireNonNull(instant, "instant");
      return this;
    }

    /** The gateway's certificates ({@link Gatehouse.Builder#certificates}). */
    public Builder certificates(CertificateStore certificates) {
      gatehouse.certificates(certificates);
      return this;
    }

    /** The backend stub; default: an echoing {@link StubBackend}. */
    public Builder backend(StubBackend stub) {
      this.backend = Objects.requireNonNull(stub, "stub");
      return this;
    }

    /** Token-validation settings ({@link Gatehouse.Builder#tokenValidation}). */
    public Builder tokenValidation(io.gatehouse.engine.jwt.TokenValidationOptions options) {
      gatehouse.tokenValidation(options);
      return this;
    }

    /** Builds; throws {@link io.gatehouse.xml.PolicyLoadException} with every diagnostic on bad configuration. */
    public TestGateway build() {
      ManualClock clock = new ManualClock(start);
      Gatehouse built = gatehouse.apiOpsOptions(options).clock(clock).backend(backend).recordSteps(true).build();
      return new TestGateway(built, clock, backend);
    }
  }
}
