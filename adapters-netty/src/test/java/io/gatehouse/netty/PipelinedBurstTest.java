package io.gatehouse.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.engine.Gatehouse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Requests that waited behind a slow one are answered one after the other, each starting the next as soon as its
 * response is written. Without {@code HttpServerCodec}'s bound on pipelined requests (128 since Netty 4.2.20; a
 * separate decoder and encoder have none), thousands may wait: they must not start one inside another (unbounded, a
 * thousand or so overflowed the stack).
 */
class PipelinedBurstTest {
  static {
    LeakRecorder.install();
  }

  @Test
  void fiveThousandRequestsWaitingBehindASlowOneAreAllAnswered() throws Exception {
    Gatehouse gatehouse = TestTree.inFront("burst");
    HoldsTheFirst application = new HoldsTheFirst();
    EmbeddedChannel channel = new EmbeddedChannel(new HttpRequestDecoder(), new HttpResponseEncoder(),
        GatehouseHandler.inFront(gatehouse), application);
    int n = 5_000;
    byte[] request = "GET /shop/hello HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    ByteBuf burst = Unpooled.buffer(request.length * n);
    for (int i = 0; i < n; i++) {
      burst.writeBytes(request);
    }
    channel.writeInbound(burst);
    assertThat(application.answered).as("the first is held, the others wait for it").isZero();

    application.answerTheFirst();
    int responses = 0;
    for (int round = 0; round < 10_000 && responses < n; round++) {
      channel.runPendingTasks();
      responses += WireResponses.drainText(channel).split("HTTP/1.1 200 OK", -1).length - 1;
    }
    assertThat(responses).isEqualTo(n);
    assertThat(application.answered).isEqualTo(n);
    channel.checkException();
    assertThat(channel.finishAndReleaseAll()).isFalse();
    LeakRecorder.assertNoLeaks();
  }

  /** Answers {@code hello} at once, but the first request only when told. */
  private static final class HoldsTheFirst extends SimpleChannelInboundHandler<FullHttpRequest> {
    private ChannelHandlerContext held;
    int answered;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      if (held == null && answered == 0) {
        held = ctx;
        return;
      }
      answer(ctx);
    }

    void answerTheFirst() {
      ChannelHandlerContext ctx = held;
      held = null;
      answer(ctx);
    }

    private void answer(ChannelHandlerContext ctx) {
      answered++;
      FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
          Unpooled.wrappedBuffer("hello".getBytes(StandardCharsets.US_ASCII)));
      response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 5);
      ctx.writeAndFlush(response);
    }
  }
}
