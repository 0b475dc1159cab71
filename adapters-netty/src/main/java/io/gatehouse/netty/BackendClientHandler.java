package io.gatehouse.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/** The last handler of a pooled backend connection: hands what arrives to the connection's current call. */
final class BackendClientHandler extends ChannelInboundHandlerAdapter {
  /** The connection's response decoder. */
  final BackendResponseDecoder decoder;
  /** The call using this connection, or null while it sits in the pool; event loop only. */
  BackendCall call;

  BackendClientHandler(BackendResponseDecoder decoder) {
    this.decoder = decoder;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    BackendCall current = call;
    if (current == null) {
      // nothing is waiting: a stray or late message; the connection cannot be trusted any more
      ReferenceCountUtil.release(msg);
      ctx.close();
      return;
    }
    current.onMessage(msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    BackendCall current = call;
    if (current != null) {
      current.failed(null);
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    BackendCall current = call;
    if (current != null) {
      current.failed(cause);
    }
    ctx.close();
  }
}
