package dev.callcenter.core.acd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * A sorted set that also answers "how many elements come before this one" in O(log n): a treap whose nodes know the
 * size of their subtree. The comparator must be a total order (no two distinct elements equal). Not thread-safe.
 */
final class RankedSet<T> {
  private final Comparator<? super T> order;
  private final SplittableRandom priorities = new SplittableRandom(0x5EED);
  private @Nullable Node<T> root;

  private static final class Node<T> {
    final T value;
    final int priority;
    int size = 1;
    @Nullable Node<T> left;
    @Nullable Node<T> right;

    Node(T value, int priority) {
      this.value = value;
      this.priority = priority;
    }
  }

  RankedSet(Comparator<? super T> order) {
    this.order = order;
  }

  int size() {
    return size(root);
  }

  boolean isEmpty() {
    return root == null;
  }

  boolean contains(T value) {
    Node<T> n = root;
    while (n != null) {
      int c = order.compare(value, n.value);
      if (c == 0) {
        return true;
      }
      n = c < 0 ? n.left : n.right;
    }
    return false;
  }

  /** Adds the value; false when it is already there. */
  boolean add(T value) {
    if (contains(value)) {
      return false;
    }
    root = insert(root, new Node<>(value, priorities.nextInt()));
    return true;
  }

  /** Removes the value; false when it was not there. */
  boolean remove(T value) {
    if (!contains(value)) {
      return false;
    }
    root = delete(root, value);
    return true;
  }

  /** How many elements are smaller than {@code value}. */
  int rank(T value) {
    int rank = 0;
    Node<T> n = root;
    while (n != null) {
      int c = order.compare(value, n.value);
      if (c <= 0) {
        if (c == 0) {
          return rank + size(n.left);
        }
        n = n.left;
      } else {
        rank += size(n.left) + 1;
        n = n.right;
      }
    }
    return rank;
  }

  /** The elements in order. */
  List<T> toList() {
    List<T> out = new ArrayList<>(size());
    Deque<Node<T>> stack = new ArrayDeque<>();
    Node<T> n = root;
    while (n != null || !stack.isEmpty()) {
      while (n != null) {
        stack.push(n);
        n = n.left;
      }
      Node<T> top = stack.pop();
      out.add(top.value);
      n = top.right;
    }
    return out;
  }

  private Node<T> insert(@Nullable Node<T> n, Node<T> x) {
    if (n == null) {
      return x;
    }
    if (order.compare(x.value, n.value) < 0) {
      n.left = insert(n.left, x);
      if (n.left.priority > n.priority) {
        n = rotateRight(n);
      }
    } else {
      n.right = insert(n.right, x);
      if (n.right.priority > n.priority) {
        n = rotateLeft(n);
      }
    }
    update(n);
    return n;
  }

  private @Nullable Node<T> delete(@Nullable Node<T> n, T value) {
    if (n == null) {
      return null;
    }
    int c = order.compare(value, n.value);
    if (c == 0) {
      return merge(n.left, n.right);
    }
    if (c < 0) {
      n.left = delete(n.left, value);
    } else {
      n.right = delete(n.right, value);
    }
    update(n);
    return n;
  }

  /** Joins two treaps, every element of {@code a} smaller than every element of {@code b}. */
  private @Nullable Node<T> merge(@Nullable Node<T> a, @Nullable Node<T> b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    if (a.priority > b.priority) {
      a.right = merge(a.right, b);
      update(a);
      return a;
    }
    b.left = merge(a, b.left);
    update(b);
    return b;
  }

  private Node<T> rotateRight(Node<T> n) {
    Node<T> l = n.left;
    n.left = l.right;
    update(n);
    l.right = n;
    update(l);
    return l;
  }

  private Node<T> rotateLeft(Node<T> n) {
    Node<T> r = n.right;
    n.right = r.left;
    update(n);
    r.left = n;
    update(r);
    return r;
  }

  private static <T> void update(Node<T> n) {
    n.size = 1 + size(n.left) + size(n.right);
  }

  private static int size(@Nullable Node<?> n) {
    return n == null ? 0 : n.size;
  }
}
