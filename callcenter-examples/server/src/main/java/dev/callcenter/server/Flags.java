package dev.callcenter.server;

import dev.callcenter.core.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Command-line flags: {@code --name value} or {@code --name=value}. */
final class Flags {
  private Flags() {}

  static Map<String, String> parse(String[] args) {
    Map<String, String> flags = new Given();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw InvalidInputException.of("arguments", "expected a flag such as --port, was '%s'", arg);
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      } else {
        value = "true";
      }
      if (flags.put(name, value) != null) {
        throw InvalidInputException.of(name, "was given twice");
      }
    }
    return flags;
  }

  /**
   * Refuses a flag that no setting read from {@code flags} (a map from {@link #parse}), listing the flags that
   * were read, so a misspelt flag is not silently ignored.
   */
  static void rejectUnread(Map<String, String> flags) {
    if (!(flags instanceof Given given)) {
      return;
    }
    Set<String> unknown = new LinkedHashSet<>(given.keySet());
    unknown.removeAll(given.read);
    if (!unknown.isEmpty()) {
      throw InvalidInputException.of("arguments", "unknown flag%s %s; known flags are %s",
          unknown.size() == 1 ? "" : "s", unknown.stream().map(f -> "--" + f).collect(Collectors.joining(", ")),
          given.read.stream().sorted().map(f -> "--" + f).collect(Collectors.joining(", ")));
    }
  }

  /** The flags given, remembering which ones were looked up. */
  private static final class Given extends LinkedHashMap<String, String> {
    private static final long serialVersionUID = 1L;
    private final LinkedHashSet<String> read = new LinkedHashSet<>();

    @Override
    public String get(Object key) {
      if (key instanceof String name) {
        read.add(name);
      }
      return super.get(key);
    }

    @Override
    public String getOrDefault(Object key, String defaultValue) {
      if (key instanceof String name) {
        read.add(name);
      }
      return super.getOrDefault(key, defaultValue);
    }

    @Override
    public boolean containsKey(Object key) {
      if (key instanceof String name) {
        read.add(name);
      }
      return super.containsKey(key);
    }
  }
}
