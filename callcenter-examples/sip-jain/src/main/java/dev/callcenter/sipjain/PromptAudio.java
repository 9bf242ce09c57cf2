package dev.callcenter.sipjain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the audio of prompts: a prompt's audio name (a relative path, or a {@code file:} URI) is resolved against one
 * directory, and a name that leads out of it ({@code ..}, an absolute path elsewhere, a link out of it, any other
 * URI) is refused before anything is read. Files are read as {@link G711Wav} and kept, bounded by their bytes, in a
 * cache; each play compares the file's size and modification time with the cached copy's, so a file replaced on disk
 * is read again at its next play and an unchanged one never. A file that cannot be played is reported once per name
 * and problem, as a WARN naming the file and what is wrong with it.
 */
final class PromptAudio {
  /** The largest prompt file read: about 17 minutes of G.711. */
  static final int MAX_FILE_BYTES = 8 << 20;
  /** The bytes of decoded prompts kept: about 2 hours 20 minutes of G.711. */
  static final long CACHE_BYTES = 64L << 20;
  private static final Logger LOG = LoggerFactory.getLogger(PromptAudio.class);
  private static final int MAX_WARNED = 10_000;
  /** A URI scheme; two letters at least, so that a Windows drive ({@code C:}) is a path. */
  private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");

  private final @Nullable Path directory;
  private final Consumer<String> warnings;
  private final Cache<Path, Loaded> cache = Caffeine.newBuilder().maximumWeight(CACHE_BYTES)
      .<Path, Loaded>weigher((path, loaded) -> loaded.weight()).build();
  /** The last problem reported for each name, so that each is reported once. */
  private final Map<String, String> warned = new ConcurrentHashMap<>();

  private record Stamp(FileTime modified, long size) {}

  /** A file as read: its samples, or what is wrong with it. */
  private record Loaded(Stamp stamp, @Nullable G711Wav wav, @Nullable String problem) {
    int weight() {
      return 64 + (wav == null ? 0 : wav.samples().length);
    }
  }

  /** Reads prompts from {@code directory} (a real path), or from nowhere when it is null. */
  PromptAudio(@Nullable Path directory) {
    this(directory, message -> LOG.warn("{}", message));
  }

  PromptAudio(@Nullable Path directory, Consumer<String> warnings) {
    this.directory = directory;
    this.warnings = warnings;
  }

  /** The audio named {@code name}, or null when it cannot be played (reported once). */
  @Nullable G711Wav find(String name) {
    try {
      G711Wav wav = load(name);
      warned.remove(name);
      return wav;
    } catch (UnplayablePromptException e) {
      String message = e.getMessage() + "; the prompt is reported as played without audio";
      if (!message.equals(warned.put(name, message))) {
        if (warned.size() > MAX_WARNED) {
          warned.clear();
        }
        warnings.accept(message);
      }
      return null;
    }
  }

  /**
   * The audio named {@code name}.
   *
   * @throws UnplayablePromptException naming the file and what is wrong when it cannot be played
   */
  G711Wav load(String name) {
    Path root = directory;
    if (root == null) {
      throw UnplayablePromptException.of(name, "is not played: no prompt audio directory is set"
          + " (JainSipTelephony.Builder.promptAudio)");
    }
    Path file = resolve(root, name);
    BasicFileAttributes attributes;
    Path real;
    try {
      real = file.toRealPath();
      if (!real.startsWith(root)) {
        throw UnplayablePromptException.of(name, "is a link out of the prompt audio directory " + root
            + " (to " + real + "); it is not read");
      }
      attributes = Files.readAttributes(real, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw UnplayablePromptException.of(name, "does not exist (" + file + ")");
    } catch (IOException e) {
      throw UnplayablePromptException.of(name, "cannot be read (" + file + "): " + e);
    }
    if (!attributes.isRegularFile()) {
      throw UnplayablePromptException.of(name, "is not a regular file (" + real + ")");
    }
    if (attributes.size() > MAX_FILE_BYTES) {
      throw UnplayablePromptException.of(name, "has " + attributes.size() + " bytes, more than the "
          + MAX_FILE_BYTES + " read for a prompt (" + real + ")");
    }
    Stamp stamp = new Stamp(attributes.lastModifiedTime(), attributes.size());
    Loaded loaded = cache.getIfPresent(real);
    if (loaded == null || !loaded.stamp().equals(stamp)) {
      if (loaded != null) {
        cache.asMap().remove(real, loaded);
      }
      loaded = cache.get(real, path -> read(name, path, stamp));
    }
    G711Wav wav = loaded.wav();
    if (wav == null) {
      throw UnplayablePromptException.of(name, String.valueOf(loaded.problem()));
    }
    return wav;
  }

  /** Reads a file; what is wrong with it is cached with it, a failure to read is not. */
  private static Loaded read(String name, Path file, Stamp stamp) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (IOException e) {
      throw UnplayablePromptException.of(name, "cannot be read (" + file + "): " + e);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      return new Loaded(stamp, null, "has more than the " + MAX_FILE_BYTES + " bytes read for a prompt (" + file
          + ")");
    }
    try {
      return new Loaded(stamp, G711Wav.parse(name, bytes), null);
    } catch (UnplayablePromptException e) {
      return new Loaded(stamp, null, e.problem() + " (" + file + ")");
    }
  }

  /** The file {@code name} names in {@code root}; refused, unread, when it leads out of it. */
  static Path resolve(Path root, String name) {
    if (name.isBlank() || name.indexOf('\0') >= 0) {
      throw UnplayablePromptException.of(name, "is not a file name");
    }
    Path asked;
    try {
      if (URI_SCHEME.matcher(name).lookingAt()) {
        if (!name.regionMatches(true, 0, "file:", 0, 5)) {
          throw UnplayablePromptException.of(name, "is a URI; only files in the prompt audio directory are played");
        }
        asked = Path.of(new URI(name));
      } else {
        asked = Path.of(name);
      }
    } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
      throw UnplayablePromptException.of(name, "is not a file name or file: URI (" + e.getMessage() + ")");
    }
    Path file = root.resolve(asked).normalize();
    if (!file.startsWith(root)) {
      throw UnplayablePromptException.of(name, "leads out of the prompt audio directory " + root + "; it is not read");
    }
    return file;
  }
}
