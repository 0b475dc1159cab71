package io.gatehouse.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * First (after TLS) on a pooled backend connection: bytes that arrive while no call uses the connection answer
 * nothing that was asked, so the connection is closed rather than let them become part of the next call's response.
 */
final class IdleConnectionGuard extends ChannelInboundHandlerAdapter {
  private final BackendClientHandler calls;

  IdleConnectionGuard(BackendClientHandler calls) {
    this.calls = calls;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (calls.call == null && msg instanceof ByteBuf bytes && bytes.isReadable()) {
      ReferenceCountUtil.release(msg);
      ctx.close();
      return;
    }
    ctx.fireChannelRead(msg);
  }
}
