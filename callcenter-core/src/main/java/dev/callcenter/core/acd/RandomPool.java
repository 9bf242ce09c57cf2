package dev.callcenter.core.acd;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;

/** A set of agents with O(1) add, remove and pick by index, for uniform random choice. */
final class RandomPool {
  private final ArrayList<AgentState> items = new ArrayList<>();
  private final Map<AgentState, Integer> where = new IdentityHashMap<>();

  void add(AgentState a) {
    if (where.putIfAbsent(a, items.size()) == null) {
      items.add(a);
    }
  }

  void remove(AgentState a) {
    Integer i = where.remove(a);
    if (i == null) {
      return;
    }
    AgentState last = items.remove(items.size() - 1);
    if (last != a) {
      items.set(i, last);
      where.put(last, i);
    }
  }

  int size() {
    return items.size();
  }

  AgentState get(int index) {
    return items.get(index);
  }
}
