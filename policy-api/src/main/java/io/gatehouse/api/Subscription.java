package io.gatehouse.api;

import java.time.Instant;
import java.util.Objects;

/**
 * An APIM subscription: a named pair of keys granting access to one product, one API, or all APIs.
 *
 * <p>Keys are secrets: {@link #toString()} never prints them, and stores compare them in constant time.
 *
 * @param id subscription id ({@code context.Subscription.Id})
 * @param name display name
 * @param scope what the keys grant access to
 * @param target the product id or API id for {@link Scope#PRODUCT} / {@link Scope#API}; null for {@link Scope#ALL}
 * @param state only {@link State#ACTIVE} subscriptions grant access
 * @param primaryKey primary key
 * @param secondaryKey secondary key, or null
 * @param createdDate creation time, or null
 * @param startDate activation time, or null
 * @param endDate expiry time, or null
 * @param owner the developer who owns it ({@code context.User}), or null
 */
public record Subscription(
    String id,
    String name,
    Scope scope,
    String target,
    State state,
    String primaryKey,
    String secondaryKey,
    Instant createdDate,
    Instant startDate,
    Instant endDate,
    Owner owner) {

  /** What a subscription's keys grant access to. */
  public enum Scope {
    /** Every API (including APIM's built-in all-access subscription). */
    ALL,
    /** One API. */
    API,
    /** The APIs of one product; calls run in that product's context. */
    PRODUCT
  }

  /** Subscription states; only {@link #ACTIVE} grants access. */
  public enum State {
    ACTIVE,
    SUSPENDED,
    SUBMITTED,
    REJECTED,
    CANCELLED,
    EXPIRED
  }

  /**
   * The developer owning a subscription.
   *
   * @param id user id
   * @param email e-mail address
   * @param firstName first name
   * @param lastName last name
   */
  public record Owner(String id, String email, String firstName, String lastName) {}

  public Subscription {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(primaryKey, "primaryKey");
    name = name == null ? id : name;
    if (scope != Scope.ALL && (target == null || target.isBlank())) {
      throw new IllegalArgumentException("a " + scope + " subscription needs a target id");
    }
  }

  /** An active subscription with one key pair and no dates or owner. */
  public static Subscription of(String id, Scope scope, String target, String primaryKey, String secondaryKey) {
    return new Subscription(id, id, scope, target, State.ACTIVE, primaryKey, secondaryKey, null, null, null, null);
  }

  @Override
  public String toString() {
    return "Subscription[" + id + ", " + scope + (target == null ? "" : " " + target) + ", " + state + "]";
  }
}
