package io.gatehouse.engine.expr.runtime;

import java.util.SplittableRandom;

/**
 * {@code System.Random}: {@code new Random([seed])}, {@code Next()}, {@code Next(max)}, {@code Next(min, max)}
 * (max exclusive), {@code NextDouble()}, {@code NextBytes}. Values are not bit-compatible with .NET (8.11).
 */
public final class CsRandom {
  private final SplittableRandom random;

  /** {@code new Random()}. */
  public CsRandom() {
    random = new SplittableRandom();
  }

  /** {@code new Random(seed)}. */
  public CsRandom(int seed) {
    random = new SplittableRandom(seed);
  }

  /** {@code Next()}: 0 ≤ n < int.MaxValue. */
  public int next() {
    return random.nextInt(Integer.MAX_VALUE);
  }

  /** {@code Next(maxValue)}. */
  public int next(int maxValue) {
    if (maxValue < 0) {
      throw CsException.argumentOutOfRange("maxValue", "'maxValue' must be greater than zero.");
    }
    return maxValue == 0 ? 0 : random.nextInt(maxValue);
  }

  /** {@code Next(minValue, maxValue)}. */
  public int next(int minValue, int maxValue) {
    if (minValue > maxValue) {
      throw CsException.argumentOutOfRange("minValue", "'minValue' cannot be greater than maxValue.");
    }
    return minValue == maxValue ? minValue : (int) (minValue + random.nextLong((long) maxValue - minValue));
  }

  /** {@code NextDouble()}. */
  public double nextDouble() {
    return random.nextDouble();
  }

  /** {@code NextBytes(buffer)}. */
  public void nextBytes(byte[] buffer) {
    for (int i = 0; i < buffer.length; i++) {
      buffer[i] = (byte) random.nextInt(256);
    }
  }
}
