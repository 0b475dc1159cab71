package io.gatehouse.engine.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.api.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InMemorySubscriptionStoreTest {
  @Test
  void findsEveryKeyOfManySubscriptionsAndNoOther() {
    List<Subscription> subscriptions = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      subscriptions.add(Subscription.of("s" + i, Subscription.Scope.ALL, null, "primary-" + i,
          i % 3 == 0 ? null : "secondary-é-" + i));
    }
    InMemorySubscriptionStore store = new InMemorySubscriptionStore(subscriptions);
    for (int i = 0; i < 300; i++) {
      assertThat(store.findByKey("primary-" + i)).isSameAs(subscriptions.get(i));
      assertThat(store.findByKey("secondary-é-" + i)).isSameAs(i % 3 == 0 ? null : subscriptions.get(i));
      assertThat(store.findByKey("primary-" + (i + 300))).isNull();
    }
    assertThat(store.findByKey(null)).isNull();
  }

  @Test
  void aKeyRepeatedBySubscriptionsOfOneIdBelongsToTheLastAndAnEmptyKeyIsRefused() {
    Subscription first = Subscription.of("a", Subscription.Scope.ALL, null, "k", "k");
    Subscription again = Subscription.of("a", Subscription.Scope.API, "api", "k", null);
    assertThat(new InMemorySubscriptionStore(List.of(first, again)).findByKey("k")).isSameAs(again);
    assertThat(new InMemorySubscriptionStore(List.of()).findByKey("k")).isNull();
    assertThatThrownBy(() -> new InMemorySubscriptionStore(List.of(Subscription.of("e", Subscription.Scope.ALL,
        null, "", null)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty key");
  }

  @Test
  void lookupsOnManyThreadsAtOnceAgree() {
    List<Subscription> subscriptions = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      subscriptions.add(Subscription.of("s" + i, Subscription.Scope.ALL, null, "key-" + i, null));
    }
    InMemorySubscriptionStore store = new InMemorySubscriptionStore(subscriptions);
    List<CompletableFuture<Void>> runs = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int offset = t;
      runs.add(CompletableFuture.runAsync(() -> {
        for (int n = 0; n < 20_000; n++) {
          int i = (n + offset) % 64;
          if (store.findByKey("key-" + i) != subscriptions.get(i)) {
            throw new AssertionError("wrong subscription for key-" + i);
          }
        }
      }, r -> new Thread(r).start()));
    }
    CompletableFuture.allOf(runs.toArray(new CompletableFuture[0])).join();
  }

  @Test
  void keysOfEveryLengthAndCharacterAreDigestedAsTheirUtf8Bytes() {
    String k128 = "k".repeat(128);
    String k129 = "k".repeat(129);
    List<Subscription> subscriptions = List.of(Subscription.of("a", Subscription.Scope.ALL, null, k128, k129),
        Subscription.of("b", Subscription.Scope.ALL, null, "key-\u20ac", "key-\u00ac"));
    InMemorySubscriptionStore store = new InMemorySubscriptionStore(subscriptions);
    assertThat(store.findByKey(k128)).isSameAs(subscriptions.get(0));
    assertThat(store.findByKey(k129)).isSameAs(subscriptions.get(0));
    assertThat(store.findByKey("k".repeat(127))).isNull();
    assertThat(store.findByKey("key-\u20ac")).isSameAs(subscriptions.get(1));
    assertThat(store.findByKey("key-\u00ac")).isSameAs(subscriptions.get(1));
    assertThat(store.findByKey("key-\u01ac")).isNull(); // same low byte as both, other UTF-8 bytes
    assertThat(store.findByKey("key-,")).isNull();
  }
}
