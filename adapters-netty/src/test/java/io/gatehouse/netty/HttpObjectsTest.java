package io.gatehouse.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.netty.HttpObjects.Kind;
import io.gatehouse.engine.Gatehouse;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCounted;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link HttpObjects} answers by exact class what interface checks answer, for Netty's own classes, their
 * subclasses (which take the interface path) and objects that are not HTTP; it releases what it must.
 */
class HttpObjectsTest {
  static {
    LeakRecorder.install();
  }

  /** A subclass: not the decoder's class, so answered by interfaces. */
  private static final class TracedRequest extends DefaultHttpRequest {
    TracedRequest() {
      super(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
    }
  }

  /** Likewise for a full response. */
  private static final class TracedResponse extends DefaultFullHttpResponse {
    TracedResponse() {
      super(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.buffer(1));
    }
  }

  static Stream<Arguments> messages() {
    return Stream.of(
        Arguments.of(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/"), Kind.REQUEST_HEAD),
        Arguments.of(new TracedRequest(), Kind.REQUEST_HEAD),
        Arguments.of(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/", Unpooled.buffer(1)),
            Kind.FULL_REQUEST),
        Arguments.of(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK), Kind.RESPONSE_HEAD),
        Arguments.of(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.buffer(1)),
            Kind.FULL_RESPONSE),
        Arguments.of(new TracedResponse(), Kind.FULL_RESPONSE),
        Arguments.of(new DefaultHttpContent(Unpooled.buffer(1)), Kind.CONTENT),
        Arguments.of(new DefaultLastHttpContent(Unpooled.buffer(1)), Kind.LAST_CONTENT),
        Arguments.of(LastHttpContent.EMPTY_LAST_CONTENT, Kind.LAST_CONTENT),
        Arguments.of(Unpooled.buffer(1), Kind.NOT_HTTP),
        Arguments.of(new TextWebSocketFrame("x"), Kind.NOT_HTTP),
        Arguments.of("text", Kind.NOT_HTTP));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("messages")
  void theExactClassAnswersAsTheInterfacesDo(Object msg, Kind expected) {
    assertThat(HttpObjects.kind(msg)).isEqualTo(expected);
    assertThat(HttpObjects.byInterfaces(msg)).isEqualTo(expected);
    assertThat(expected.content).as("content").isEqualTo(msg instanceof HttpContent);
    assertThat(expected.last).as("last part").isEqualTo(msg instanceof LastHttpContent);
    HttpObjects.release(msg);
    if (msg instanceof ReferenceCounted counted && msg != LastHttpContent.EMPTY_LAST_CONTENT) {
      assertThat(counted.refCnt()).as("released").isZero();
    }
  }

  @Test
  void theSharedEmptyPartAndRequestHeadsNeedNoRelease() {
    HttpObjects.release(LastHttpContent.EMPTY_LAST_CONTENT);
    HttpObjects.release(LastHttpContent.EMPTY_LAST_CONTENT);
    assertThat(LastHttpContent.EMPTY_LAST_CONTENT.refCnt()).isEqualTo(1);
    HttpObjects.release(new DefaultHttpRequest(HttpVersion.HTTP_1_0, HttpMethod.HEAD, "/"));
  }

  @Test
  void aFullResponseIsReleasedOnce() {
    ByteBuf content = Unpooled.buffer(4).writeInt(7);
    DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
        content.retain());
    HttpObjects.release(response);
    assertThat(content.refCnt()).isEqualTo(1);
    content.release();
  }

  /**
   * In front mode, what the application writes that is neither a response nor a body part (here a request head) is
   * released and acknowledged, as before the exact-class dispatch, and its real response still reaches the client.
   */
  @Test
  void anApplicationWritingSomethingElseIsIgnoredAndItsResponseGoesOut() throws Exception {
    Gatehouse gatehouse = TestTree.inFront("kinds");
    List<Boolean> acknowledged = new ArrayList<>();
    EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec(), GatehouseHandler.inFront(gatehouse),
        new SimpleChannelInboundHandler<FullHttpRequest>() {
          @Override
          protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            ctx.write(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/stray"))
                .addListener(f -> acknowledged.add(f.isSuccess()));
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer("hello".getBytes(StandardCharsets.US_ASCII)));
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 5);
            ctx.writeAndFlush(response);
          }
        });
    channel.writeInbound(Unpooled.copiedBuffer("GET /shop/hello HTTP/1.1\r\nHost: x\r\n\r\n",
        StandardCharsets.US_ASCII));
    channel.runPendingTasks();
    String response = WireResponses.drainText(channel);
    assertThat(acknowledged).containsExactly(true);
    assertThat(response).startsWith("HTTP/1.1 200").endsWith("hello").doesNotContain("/stray");
    channel.checkException();
    channel.finishAndReleaseAll();
    LeakRecorder.assertNoLeaks();
  }
}
