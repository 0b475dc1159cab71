package io.gatehouse.engine.backend;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * A response body collected into bytes, at most {@code maxLength} of them, failing when nothing more arrives for
 * {@code idleMillis} (0: no bound): what {@code BodyHandlers.ofByteArray()} does without either bound, so a backend
 * could hold a call forever or fill the heap.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private final List<ByteBuffer> parts = new ArrayList<>(); // the client's own buffers, copied once at the end
  private int length;
  private final int maxLength;
  private final long idleMillis;
  private volatile long lastRead;
  private volatile Flow.Subscription subscription;

  BoundedBody(int maxLength, long idleMillis) {
    this.maxLength = maxLength;
    this.idleMillis = idleMillis;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    lastRead = System.nanoTime();
    if (idleMillis > 0) {
      checkLater(idleMillis);
    }
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) { // the Flow contract serializes onNext and onComplete
    lastRead = System.nanoTime();
    if (body.isDone()) {
      return; // failed (too long, or idle for too long): what still arrives is dropped
    }
    for (ByteBuffer b : buffers) {
      if (length + (long) b.remaining() > maxLength) {
        fail(new IOException("the backend's response exceeds " + maxLength + " bytes"));
        return;
      }
      length += b.remaining();
      parts.add(b);
    }
  }

  @Override
  public void onError(Throwable error) {
    body.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    byte[] all = new byte[length];
    int at = 0;
    for (ByteBuffer b : parts) {
      int n = b.remaining();
      b.get(all, at, n);
      at += n;
    }
    body.complete(all);
  }

  private void checkLater(long delayMillis) {
    CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS).execute(() -> {
      if (body.isDone()) {
        return;
      }
      long idle = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastRead);
      if (idle >= idleMillis) {
        fail(new HttpTimeoutException("no response body data for " + idleMillis + " ms"));
      } else {
        checkLater(idleMillis - idle);
      }
    });
  }

  private void fail(Exception cause) {
    if (body.completeExceptionally(cause)) {
      subscription.cancel(); // the connection is not reused
    }
  }
}
