package io.gatehouse.jmh.load;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;

/**
 * A reference point for the load benchmark, not Gatehouse: the {@code light} pipeline's work written by hand on
 * Netty's own messages (route {@code GET /api/hello}, set {@code X-Gateway} and {@code X-Client-Name} on the request,
 * {@code Cache-Control} on the response), with nothing converted and nothing interpreted. What any handler in front
 * of the application must at least cost for that work: the floor under {@code bare} and {@code light}.
 */
@ChannelHandler.Sharable
final class HandWrittenLightHandler extends ChannelDuplexHandler {
  private static final AsciiString X_GATEWAY = AsciiString.cached("X-Gateway");
  private static final AsciiString X_CLIENT = AsciiString.cached("X-Client");
  private static final AsciiString X_CLIENT_NAME = AsciiString.cached("X-Client-Name");
  private static final AsciiString GATEHOUSE = AsciiString.cached("gatehouse");
  private static final AsciiString NO_STORE = AsciiString.cached("no-store");

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request && !(request.method().equals(HttpMethod.GET)
        && request.uri().equals(LoadPipelines.PATH))) {
      ReferenceCountUtil.release(msg);
      ctx.writeAndFlush(new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.NOT_FOUND,
          Unpooled.EMPTY_BUFFER)).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    if (msg instanceof HttpRequest request) {
      String client = request.headers().get(X_CLIENT);
      request.headers().set(X_GATEWAY, GATEHOUSE).set(X_CLIENT_NAME, client != null ? client : "anonymous");
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof HttpResponse response) {
      response.headers().set(HttpHeaderNames.CACHE_CONTROL, NO_STORE);
    }
    ctx.write(msg, promise);
  }
}
