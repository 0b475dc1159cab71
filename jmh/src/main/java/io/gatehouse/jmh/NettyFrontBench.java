package io.gatehouse.jmh;

import io.gatehouse.jmh.load.LoadPipelines;
import io.gatehouse.jmh.load.NettyHelloServer;
import io.gatehouse.netty.GatehouseHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The load benchmark's Netty server without the sockets: the request bytes {@code bench/load.sh} sends go through
 * {@code HttpServerCodec} (+ {@link GatehouseHandler#inFront}) and the hello
 * handler of {@link NettyHelloServer} on an {@link EmbeddedChannel}, and the response bytes are read back. The
 * difference between {@code raw} and a pipeline is what Gatehouse adds per request on the event loop.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class NettyFrontBench {
  @Param({"raw", "handwritten", "bare", "light", "security"})
  public String pipeline;

  private EmbeddedChannel channel;
  private byte[] request;

  @Setup
  public void setUp() {
    channel = new EmbeddedChannel();
    channel.pipeline().addLast(new HttpServerCodec());
    if (pipeline.equals(LoadPipelines.HAND_WRITTEN)) {
      channel.pipeline().addLast(NettyHelloServer.handWrittenLight());
    } else if (!pipeline.equals("raw")) {
      channel.pipeline().addLast(GatehouseHandler.inFront(LoadPipelines.gatehouse(pipeline)));
    }
    channel.pipeline().addLast(NettyHelloServer.helloHandler());
    request = ("GET " + LoadPipelines.PATH + " HTTP/1.1\r\nHost: 127.0.0.1:18180\r\n"
        + "Ocp-Apim-Subscription-Key: " + LoadPipelines.SUBSCRIPTION_KEY + "\r\n"
        + "Authorization: Bearer " + LoadPipelines.token() + "\r\n"
        + "Origin: " + LoadPipelines.ORIGIN + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    String first = exchange();
    if (!first.startsWith("HTTP/1.1 200")) {
      throw new IllegalStateException(pipeline + " answered " + first);
    }
  }

  @TearDown
  public void tearDown() {
    channel.finishAndReleaseAll();
  }

  private String exchange() {
    channel.writeInbound(Unpooled.wrappedBuffer(request));
    StringBuilder response = new StringBuilder();
    ByteBuf out;
    while ((out = channel.readOutbound()) != null) {
      response.append(out.toString(StandardCharsets.US_ASCII));
      out.release();
    }
    return response.toString();
  }

  @Benchmark
  public int requestResponse() {
    channel.writeInbound(Unpooled.wrappedBuffer(request));
    int bytes = 0;
    ByteBuf out;
    while ((out = channel.readOutbound()) != null) {
      bytes += out.readableBytes();
      out.release();
    }
    return bytes;
  }
}
