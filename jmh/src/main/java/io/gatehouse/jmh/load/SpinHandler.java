package io.gatehouse.jmh.load;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;

/**
 * A reference point for the load benchmark, not Gatehouse: spins on the CPU for a fixed time per request, then passes
 * it on. It shows what a handler costing that much user CPU in front of the application does to the ratio, whatever
 * the work is ({@code MODES='raw spin-1000 spin-2000'}): the kernel's share of a request grows with it too.
 */
@ChannelHandler.Sharable
final class SpinHandler extends ChannelInboundHandlerAdapter {
  private static volatile long sink;
  private final long nanos;

  SpinHandler(long nanos) {
    this.nanos = nanos;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest) {
      long end = System.nanoTime() + nanos;
      long spins = 0;
      while (System.nanoTime() < end) {
        spins++;
      }
      sink = spins;
    }
    ctx.fireChannelRead(msg);
  }
}
