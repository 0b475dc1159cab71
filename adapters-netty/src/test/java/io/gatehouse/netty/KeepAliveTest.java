package io.gatehouse.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.engine.Gatehouse;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The connection stays open after a response exactly when Netty's {@code HttpUtil.isKeepAlive} says so (the
 * handler asks it only when a {@code Connection} header is present, and takes the version's default otherwise), and
 * the response says what happens.
 */
class KeepAliveTest {
  static {
    LeakRecorder.install();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "HTTP/1.1 | -                     | true  | -",
      "HTTP/1.1 | close                 | false | close",
      "HTTP/1.1 | Close                 | false | close",
      "HTTP/1.1 | keep-alive            | true  | -",
      "HTTP/1.1 | upgrade, close        | false | close",
      "HTTP/1.0 | -                     | false | close",
      "HTTP/1.0 | keep-alive            | true  | keep-alive",
      "HTTP/1.0 | Keep-Alive            | true  | keep-alive",
      "HTTP/1.0 | keep-alive, close     | false | close",
  })
  void theConnectionGoesOnAsTheRequestAsks(String version, String connection, boolean open, String answered)
      throws Exception {
    Gatehouse gatehouse = TestTree.inFront("keep");
    EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec(), GatehouseHandler.inFront(gatehouse),
        new Hello());
    String request = "GET /shop/hello " + version + "\r\nHost: x\r\n"
        + (connection == null ? "" : "Connection: " + connection + "\r\n") + "\r\n";
    channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.US_ASCII));
    channel.runPendingTasks();
    String response = WireResponses.drainText(channel);
    String text = response.toLowerCase(Locale.ROOT);
    assertThat(text).startsWith(version.toLowerCase(Locale.ROOT) + " 200").endsWith("hello");
    if (answered == null) {
      assertThat(text).doesNotContain("\r\nconnection:");
    } else {
      assertThat(text).contains("\r\nconnection: " + answered + "\r\n");
    }
    assertThat(channel.isOpen()).isEqualTo(open);
    channel.checkException();
    channel.finishAndReleaseAll();
    LeakRecorder.assertNoLeaks();
  }

  private static final class Hello extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
          Unpooled.wrappedBuffer("hello".getBytes(StandardCharsets.US_ASCII)));
      response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 5);
      ctx.writeAndFlush(response);
    }
  }
}
