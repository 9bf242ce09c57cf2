package dev.callcenter.server;

import java.nio.file.Path;

/** The API suite with everything in memory (the embedding default). */
class ServerApiInMemoryTest extends ServerApiSuite {
  @Override
  String dbUrl(Path dataDir) {
    return ServerSettings.IN_MEMORY;
  }
}
