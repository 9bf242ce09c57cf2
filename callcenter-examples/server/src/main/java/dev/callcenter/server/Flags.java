package dev.callcenter.server;

import dev.callcenter.core.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Command-line flags: {@code --name value} or {@code --name=value}. */
final class Flags {
  private Flags() {}

  static Map<String, String> parse(String[] args) {
    Map<String, String> flags = new LinkedHashMap<>();
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
}
