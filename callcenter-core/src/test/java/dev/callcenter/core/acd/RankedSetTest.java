package dev.callcenter.core.acd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class RankedSetTest {

  /** Random adds and removes: the ranked set agrees with a TreeSet on contents, order, size and every rank. */
  @Property(tries = 200)
  void agreesWithATreeSet(@ForAll @Size(max = 300) List<@IntRange(min = -50, max = 50) Integer> ops) {
    RankedSet<Integer> ranked = new RankedSet<>(Comparator.naturalOrder());
    TreeSet<Integer> reference = new TreeSet<>();
    for (int op : ops) {
      int value = Math.abs(op);
      if (op >= 0) {
        assertThat(ranked.add(value)).isEqualTo(reference.add(value));
      } else {
        assertThat(ranked.remove(value)).isEqualTo(reference.remove(value));
      }
      assertThat(ranked.size()).isEqualTo(reference.size());
    }
    assertThat(ranked.toList()).containsExactlyElementsOf(new ArrayList<>(reference));
    for (int v = 0; v <= 51; v++) {
      assertThat(ranked.rank(v)).as("rank of %d", v).isEqualTo(reference.headSet(v).size());
      assertThat(ranked.contains(v)).isEqualTo(reference.contains(v));
    }
    assertThat(ranked.isEmpty()).isEqualTo(reference.isEmpty());
  }
}
