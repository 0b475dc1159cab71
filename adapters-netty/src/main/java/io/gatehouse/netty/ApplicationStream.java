package io.gatehouse.netty;

import io.gatehouse.api.StreamedBody;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.PendingWriteQueue;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.ClosedChannelException;
import java.util.function.Consumer;

/**
 * In front mode, the body of one application response that streams (the application wrote an {@code HttpResponse}
 * that is not a {@code FullHttpResponse} and no policy needs the body): the {@link StreamedBody} handle the engine
 * carries, and where the application's content parts go.
 *
 * <p>Until the engine's outcome is known the parts wait, with their promises, in a {@link PendingWriteQueue} (which
 * counts them towards the channel's writability). Then they pass through to the client with the application's
 * promises ({@link #passThrough}), or are released and their promises succeed ({@link #discard}, when a policy
 * replaced the body). When the client's connection closes, waiting and later parts are released and their promises
 * fail ({@link #close}). The end ({@link #whenEnded}) is the application's {@link LastHttpContent}: written to the
 * client, discarded, or never to come because the connection closed. Used on the channel's event loop only.
 */
final class ApplicationStream implements StreamedBody {
  private enum Mode { WAITING, PASSING, DISCARDING, CLOSED }

  private final ChannelHandlerContext ctx;
  private final long declaredLength;
  private PendingWriteQueue waiting;
  private Mode mode = Mode.WAITING;
  private boolean ended;
  private boolean endedWell;
  private Consumer<Boolean> onEnd;

  /** @param declaredLength the {@code Content-Length} the application declared, or -1 (chunked or none) */
  ApplicationStream(ChannelHandlerContext ctx, long declaredLength) {
    this.ctx = ctx;
    this.declaredLength = declaredLength;
  }

  long declaredLength() {
    return declaredLength;
  }

  /** A content part the application wrote; takes ownership of it and completes {@code promise}. */
  void write(HttpContent part, ChannelPromise promise) {
    ChannelPromise p = part instanceof LastHttpContent ? endPromise(promise) : promise;
    switch (mode) {
      case WAITING -> {
        if (waiting == null) {
          waiting = new PendingWriteQueue(ctx);
        }
        waiting.add(part, p);
      }
      case PASSING -> ctx.write(part, p);
      case DISCARDING -> {
        ReferenceCountUtil.release(part);
        p.trySuccess();
      }
      case CLOSED -> {
        ReferenceCountUtil.release(part);
        p.tryFailure(new ClosedChannelException());
      }
    }
  }

  /** The last part's promise: reports the write to the application's promise, then ends the stream. */
  private ChannelPromise endPromise(ChannelPromise application) {
    ChannelPromise last = ctx.newPromise();
    last.addListener(f -> {
      if (f.isSuccess()) {
        application.trySuccess();
      } else {
        application.tryFailure(f.cause());
      }
      end(f.isSuccess());
    });
    return last;
  }

  /**
   * The client's response head has been written: the waiting parts go to the client, in order, then every later one
   * as the application writes it. Flushes.
   */
  void passThrough() {
    if (mode != Mode.WAITING) {
      return;
    }
    // A write completing at once may make the application write again: it joins the queue, so order is kept.
    while (waiting != null && !waiting.isEmpty()) {
      waiting.removeAndWrite();
    }
    mode = Mode.PASSING;
    ctx.flush();
  }

  /** The client gets another body: the waiting and later parts are released and their promises succeed. */
  void discard() {
    if (mode != Mode.WAITING) {
      return;
    }
    ChannelPromise p;
    while (waiting != null && (p = waiting.remove()) != null) {
      p.trySuccess();
    }
    mode = Mode.DISCARDING;
  }

  /** The client's connection is gone: waiting and later parts are released and their promises fail. Idempotent. */
  void close() {
    if (mode == Mode.CLOSED) {
      return;
    }
    mode = Mode.CLOSED;
    if (waiting != null) {
      waiting.removeAndFailAll(new ClosedChannelException());
    }
    end(false);
  }

  /**
   * Runs {@code then} once the application's last part has been written to the client ({@code true}), discarded
   * ({@code true}) or lost with the connection ({@code false}); at once if that has happened.
   */
  void whenEnded(Consumer<Boolean> then) {
    if (ended) {
      then.accept(endedWell);
    } else {
      onEnd = onEnd == null ? then : onEnd.andThen(then);
    }
  }

  private void end(boolean well) {
    if (ended) {
      return;
    }
    ended = true;
    endedWell = well;
    Consumer<Boolean> run = onEnd;
    onEnd = null;
    if (run != null) {
      run.accept(well);
    }
  }
}
