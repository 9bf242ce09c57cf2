package dev.callcenter.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Docs are compiled code: every {@code ```java} block of the README and of the guides in {@code docs/} must appear,
 * line for line (indentation and spacing aside), in a test source of this module, where it is compiled and run.
 */
class GuideSnippetsTest {
  /** The docs module directory; Maven runs the tests there. */
  private static final Path DOCS = Path.of("").toAbsolutePath();
  private static final Path TEST_SOURCES = DOCS.resolve("src/test/java");

  static Stream<Path> guides() throws IOException {
    List<Path> guides = new ArrayList<>();
    guides.add(DOCS.resolveSibling("README.md"));
    try (Stream<Path> files = Files.list(DOCS)) {
      files.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(guides::add);
    }
    return guides.stream();
  }

  @Test
  void readmeAndArchitectureGuideAreChecked() throws IOException {
    assertThat(guides().map(p -> DOCS.getParent().relativize(p).toString()))
        .contains("README.md", "docs/architecture.md");
    assertThat(javaBlocks(read(DOCS.resolveSibling("README.md")))).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("guides")
  void everyJavaSnippetComesFromATestedSource(Path guide) throws IOException {
    List<List<String>> sources;
    try (Stream<Path> files = Files.walk(TEST_SOURCES)) {
      sources = files.filter(p -> p.toString().endsWith(".java")).map(p -> normalised(read(p))).toList();
    }
    for (List<String> block : javaBlocks(read(guide))) {
      assertThat(sources.stream().anyMatch(source -> Collections.indexOfSubList(source, block) >= 0))
          .as("this snippet of %s is not in any test source under %s:%n%s", guide.getFileName(),
              DOCS.relativize(TEST_SOURCES), String.join("\n", block))
          .isTrue();
    }
  }

  @Test
  void aSnippetThatIsNotInTheSourcesIsFound() {
    List<List<String>> blocks = javaBlocks("text\n```java\nint x = 1;   // one\n  int y = 2;\n```\nmore\n");
    assertThat(blocks).containsExactly(List.of("int x = 1; // one", "int y = 2;"));
    assertThat(Collections.indexOfSubList(normalised("class A {\n  int x = 1; // one\n}\n"), blocks.get(0)))
        .isNegative();
  }

  /** The lines of each {@code ```java} block, normalised. */
  static List<List<String>> javaBlocks(String markdown) {
    List<List<String>> blocks = new ArrayList<>();
    List<String> current = null;
    for (String line : markdown.lines().toList()) {
      String trimmed = line.strip();
      if (current == null && trimmed.equals("```java")) {
        current = new ArrayList<>();
      } else if (current != null && trimmed.startsWith("```")) {
        blocks.add(normalised(String.join("\n", current)));
        current = null;
      } else if (current != null) {
        current.add(line);
      }
    }
    return blocks;
  }

  /** Non-blank lines, stripped, with runs of spaces collapsed. */
  static List<String> normalised(String text) {
    return text.lines().map(l -> l.strip().replaceAll("\\s+", " ")).filter(l -> !l.isEmpty()).toList();
  }

  private static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
