package dev.callcenter.server;

import java.nio.file.Path;

/** The API suite on an H2 file database (the server's default). */
class ServerApiOnH2Test extends ServerApiSuite {
  @Override
  String dbUrl(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("callcenter");
  }
}
