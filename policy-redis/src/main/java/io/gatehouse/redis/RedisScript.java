package io.gatehouse.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A Lua script run with {@code EVALSHA}, falling back to {@code EVAL} when the server does not have it cached. */
record RedisScript(String source, String sha1) {

  static RedisScript of(String source) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
      return new RedisScript(source, HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every JDK", e);
    }
  }

  /**
   * Sliding window (the in-memory store's algorithm, atomically in Redis): a hash of bucket epoch to count.
   * KEYS[1] = hash; ARGV = bucket millis, buckets B, now millis, amount, limit, mode (hit | peek | add).
   * The head is the newest bucket present or the caller's, whichever is later (stragglers count into the head);
   * buckets older than head - B are deleted. Returns {admitted 0/1, count, retry-after millis}.
   */
  static final RedisScript SLIDING = of("""
      local w = tonumber(ARGV[1])
      local b = tonumber(ARGV[2])
      local now = tonumber(ARGV[3])
      local amount = tonumber(ARGV[4])
      local limit = tonumber(ARGV[5])
      local mode = ARGV[6]
      local head = math.floor(now / w)
      local raw = redis.call('HGETALL', KEYS[1])
      for i = 1, #raw, 2 do
        local e = tonumber(raw[i])
        if e > head then head = e end
      end
      local counts = {}
      local sum = 0
      for i = 1, #raw, 2 do
        local e = tonumber(raw[i])
        if e < head - b then
          redis.call('HDEL', KEYS[1], raw[i])
        else
          counts[e] = tonumber(raw[i + 1])
          sum = sum + counts[e]
        end
      end
      if mode ~= 'peek' then
        redis.call('HINCRBY', KEYS[1], string.format('%d', head), amount)
        counts[head] = (counts[head] or 0) + amount
        sum = sum + amount
        redis.call('PEXPIRE', KEYS[1], (head + b + 1) * w - now + w)
      end
      local need = 0
      if mode == 'peek' then need = amount end
      if mode == 'add' or sum + need <= limit then
        return {1, sum, 0}
      end
      local remaining = sum
      for e = head - b, head do
        remaining = remaining - (counts[e] or 0)
        if remaining + amount <= limit or e == head then
          return {0, sum, math.max(1, (e + b + 1) * w - now)}
        end
      end
      return {0, sum, math.max(1, (head + b + 1) * w - now)}
      """);

  /**
   * Fixed window: one integer per period (the period is in the key). KEYS[1] = counter; ARGV = amount, mode
   * (hit | peek | add), ttl millis (the rest of the period plus slack; 0 = never expires). Returns the count (after
   * the addition for hit/add, before for peek).
   */
  static final RedisScript FIXED = of("""
      local amount = tonumber(ARGV[1])
      local ttl = tonumber(ARGV[3])
      if ARGV[2] == 'peek' then
        return tonumber(redis.call('GET', KEYS[1]) or '0')
      end
      local c = redis.call('INCRBY', KEYS[1], amount)
      if ttl > 0 and redis.call('PTTL', KEYS[1]) < 0 then
        redis.call('PEXPIRE', KEYS[1], ttl)
      end
      return c
      """);

  /** Takes a concurrency slot: KEYS[1] = counter; ARGV = max count, lease millis. Returns 1 if taken, else 0. */
  static final RedisScript ACQUIRE = of("""
      local c = tonumber(redis.call('GET', KEYS[1]) or '0')
      if c >= tonumber(ARGV[1]) then
        return 0
      end
      redis.call('INCR', KEYS[1])
      redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
      return 1
      """);

  /** Gives a slot back: KEYS[1] = counter; deletes it at zero. Returns the slots left. */
  static final RedisScript RELEASE = of("""
      local c = redis.call('DECR', KEYS[1])
      if c <= 0 then
        redis.call('DEL', KEYS[1])
        return 0
      end
      return c
      """);
}
