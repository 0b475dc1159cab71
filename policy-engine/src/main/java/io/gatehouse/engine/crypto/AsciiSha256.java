package io.gatehouse.engine.crypto;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 of ASCII text (tokens, keys) on the request path without allocating: each thread has a digest engine and
 * buffers of its own, and the result is written into the thread's output buffer, valid until that thread's next
 * call. Callers copy what they keep.
 */
public final class AsciiSha256 {
  /** Length of a digest. */
  public static final int LENGTH = 32;
  /** The longest text whose input buffer a thread keeps (longer ones, rare, get a buffer of their own). */
  private static final int KEPT_INPUT = 8192;

  // MessageDigest.getInstance looks the provider up on every call
  private static final ThreadLocal<AsciiSha256> THREAD = ThreadLocal.withInitial(AsciiSha256::new);

  private final MessageDigest digest;
  private byte[] input = new byte[1024];
  private final byte[] out = new byte[LENGTH];

  private AsciiSha256() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /**
   * The digest of {@code text[begin, end)}'s characters as bytes, in this thread's output buffer; or null, having
   * digested nothing, when a character is not ASCII.
   */
  public static byte[] of(String text, int begin, int end) {
    return THREAD.get().digest(text, begin, end);
  }

  private byte[] digest(String text, int begin, int end) {
    int n = end - begin;
    byte[] in = input;
    if (in.length < n) {
      in = new byte[n];
      if (n <= KEPT_INPUT) {
        input = in;
      }
    }
    int all = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(begin + i);
      all |= c;
      in[i] = (byte) c;
    }
    if (all >= 0x80) {
      return null;
    }
    digest.update(in, 0, n);
    try {
      digest.digest(out, 0, LENGTH);
    } catch (DigestException e) {
      throw new IllegalStateException(e); // the buffer always has room for a SHA-256 digest
    }
    return out;
  }
}
