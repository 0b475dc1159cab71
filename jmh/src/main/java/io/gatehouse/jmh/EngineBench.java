package io.gatehouse.jmh;

import io.gatehouse.api.Backend;
import io.gatehouse.api.BackendResponse;
import io.gatehouse.api.GatewayRequest;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.ExchangeOutcome;
import io.gatehouse.engine.Gatehouse;
import io.gatehouse.jmh.load.LoadPipelines;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine alone on the load benchmark's pipelines ({@link LoadPipelines}): {@link Gatehouse#execute} of the
 * request {@code bench/load.sh} sends, with a backend that answers {@code 200 hello} at once. What the gated servers
 * pay per request on top of their adapter (target of issue 6: under 1.5 µs for {@code light}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class EngineBench {
  private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

  @Param({"bare", "light", "security"})
  public String pipeline;

  private Gatehouse gatehouse;
  private GatewayRequest request;
  private final Backend backend = (request, options) -> CompletableFuture.completedFuture(
      new BackendResponse(200, "OK", HttpHeaders.of("Content-Type", "text/plain", "Content-Length", "5"), HELLO));

  @Setup
  public void setUp() {
    gatehouse = LoadPipelines.gatehouse(pipeline);
    HttpHeaders headers = HttpHeaders.of("Host", "127.0.0.1:18180", "Ocp-Apim-Subscription-Key",
        LoadPipelines.SUBSCRIPTION_KEY, "Authorization", "Bearer " + LoadPipelines.token(),
        "Origin", LoadPipelines.ORIGIN);
    request = new GatewayRequest("GET", "http://127.0.0.1:18180" + LoadPipelines.PATH, headers, null, "127.0.0.1",
        List.of());
    ExchangeOutcome outcome = execute();
    if (outcome.response().status() != 200) {
      throw new IllegalStateException(pipeline + " answered " + outcome.response().status());
    }
  }

  @Benchmark
  public ExchangeOutcome execute() {
    return gatehouse.execute(request, backend).toCompletableFuture().join();
  }
}
