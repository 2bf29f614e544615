package io.deltapromotion.infrastructure.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecentKeysTest {

  @Test
  void givenMoreKeysThanItsCapacity_whenAdded_thenTheOldestAreForgottenAndTheNewestKept() {
    RecentKeys<String> keys = new RecentKeys<>(3);

    for (String key : new String[] {"a", "b", "c", "d", "e"}) {
      keys.add(key);
    }

    assertThat(keys.size()).isEqualTo(3);
    assertThat(keys.contains("a")).isFalse();
    assertThat(keys.contains("b")).isFalse();
    assertThat(keys.contains("c")).isTrue();
    assertThat(keys.contains("e")).isTrue();
  }

  @Test
  void givenAKeyAddedAgain_whenNewerKeysFill_thenItIsForgottenByItsFirstAddition() {
    RecentKeys<String> keys = new RecentKeys<>(2);
    keys.add("a");
    keys.add("b");

    keys.add("a");
    keys.add("c");

    assertThat(keys.contains("a")).isFalse();
    assertThat(keys.contains("b")).isTrue();
    assertThat(keys.contains("c")).isTrue();
  }

  @Test
  void givenNoRoom_whenCreated_thenRefused() {
    assertThatThrownBy(() -> new RecentKeys<String>(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
