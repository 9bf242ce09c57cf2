package dev.callcenter.ivr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The IVR's working copy of a flow state behaves as a HashMap would, and hands out the same immutable map. */
class DraftMapTest {
  record Op(int kind, String key, String value) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    // up to 12 keys, some equal but not identical to others, so both the identity and the equals path are taken
    Arbitrary<String> keys = Arbitraries.integers().between(0, 11).map(i -> i % 2 == 0 ? "k" + i
        : new String(("k" + i).toCharArray()));
    Arbitrary<String> values = Arbitraries.strings().alpha().ofMaxLength(3);
    return Combinators.combine(Arbitraries.integers().between(0, 4), keys, values).as(Op::new).list()
        .ofMaxSize(60);
  }

  @Property(tries = 1000)
  void behavesAsAHashMap(@ForAll @Size(max = 8) Map<@StringLength(max = 3) String, @StringLength(max = 3) String> start,
      @ForAll("ops") List<Op> ops) {
    Map<String, String> initial = Map.copyOf(start);
    DraftMap draft = DraftMap.of(initial);
    Map<String, String> expected = new HashMap<>(initial);
    for (Op op : ops) {
      switch (op.kind()) {
        case 0 -> {
          draft.put(op.key(), op.value());
          expected.put(op.key(), op.value());
        }
        case 1 -> assertThat(draft.remove(op.key())).isEqualTo(expected.remove(op.key()));
        case 2 -> {
          draft.putIfAbsent(op.key(), op.value());
          expected.putIfAbsent(op.key(), op.value());
        }
        case 3 -> assertThat(draft.get(op.key())).isEqualTo(expected.get(op.key()));
        default -> {
          assertThat(draft.containsKey(op.key())).isEqualTo(expected.containsKey(op.key()));
          assertThat(draft.getOrDefault(op.key(), "-")).isEqualTo(expected.getOrDefault(op.key(), "-"));
        }
      }
      assertThat(draft.size()).isEqualTo(expected.size());
      assertThat(draft.isEmpty()).isEqualTo(expected.isEmpty());
    }
    Map<String, String> made = draft.toMap();
    assertThat(made).isEqualTo(expected);
    assertThat(Map.copyOf(made)).isSameAs(made); // a call keeps it without another copy
    assertThat(draft.sameAs(expected)).isTrue();
    assertThat(draft.sameAs(initial)).isEqualTo(expected.equals(initial));
  }

  @Test
  void putAllAddsAndReplaces() {
    DraftMap draft = DraftMap.of(Map.of("a", "1", "b", "2"));
    DraftMap other = new DraftMap(1);
    other.put("b", "3");
    other.put("c", "4");
    draft.putAll(other);
    assertThat(draft.toMap()).isEqualTo(Map.of("a", "1", "b", "3", "c", "4"));
    assertThatThrownBy(() -> draft.toMap().put("d", "5")).isInstanceOf(UnsupportedOperationException.class);
  }
}
