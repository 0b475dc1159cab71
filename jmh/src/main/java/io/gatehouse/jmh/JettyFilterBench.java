package io.gatehouse.jmh;

import io.gatehouse.jmh.load.JettyHelloServer;
import io.gatehouse.jmh.load.LoadPipelines;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The load benchmark's Jetty server without the sockets: the request bytes {@code bench/load.sh} sends go over one
 * kept-alive {@link LocalConnector} connection into the servlet context of {@link JettyHelloServer} (the hello
 * servlet, behind {@code GatehouseFilter} unless {@code raw}), and the response is read back. The connection's
 * work runs on the benchmark thread (an executor that runs tasks in place once the connection is open), so a
 * request is measured without a thread hand-off. The difference between {@code raw} and a pipeline is what the
 * filter and the engine add per request.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class JettyFilterBench {
  @Param({"raw", "bare", "light", "security"})
  public String pipeline;

  private Server server;
  private LocalConnector.LocalEndPoint connection;
  private byte[] request;
  private volatile boolean inPlace;

  @Setup
  public void setUp() throws Exception {
    QueuedThreadPool pool = new QueuedThreadPool(200, 8);
    server = new Server(pool);
    // the connector's acceptor needs a thread of its own; the connection's tasks run in place once it is open
    Executor executor = task -> {
      if (inPlace) {
        task.run();
      } else {
        pool.execute(task);
      }
    };
    LocalConnector connector = new LocalConnector(server, executor, null, null, 1, new HttpConnectionFactory());
    server.addConnector(connector);
    server.setHandler(JettyHelloServer.context(pipeline));
    server.start();
    connection = connector.connect();
    inPlace = true;
    request = ("GET " + LoadPipelines.PATH + " HTTP/1.1\r\nHost: 127.0.0.1:18180\r\n"
        + "Ocp-Apim-Subscription-Key: " + LoadPipelines.SUBSCRIPTION_KEY + "\r\n"
        + "Authorization: Bearer " + LoadPipelines.token() + "\r\n"
        + "Origin: " + LoadPipelines.ORIGIN + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    String first = StandardCharsets.US_ASCII.decode(exchange()).toString();
    if (!first.startsWith("HTTP/1.1 200") || !first.endsWith("hello")) {
      throw new IllegalStateException(pipeline + " answered " + first);
    }
  }

  @TearDown
  public void tearDown() throws Exception {
    inPlace = false;
    server.stop();
  }

  private ByteBuffer exchange() throws Exception {
    connection.addInputAndExecute(ByteBuffer.wrap(request));
    ByteBuffer response = connection.waitForResponse(false, 10, TimeUnit.SECONDS);
    if (response == null) {
      throw new IllegalStateException(pipeline + ": no response");
    }
    return response;
  }

  @Benchmark
  public int requestResponse() throws Exception {
    return exchange().remaining();
  }
}
